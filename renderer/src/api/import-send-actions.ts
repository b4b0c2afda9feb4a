import { downloadText } from '../download';
import { callApi } from './call-api';
import { errorCode, errorMessage } from './error-message';
import { getState, initialState, setState } from './import-wizard-store';

// The sending half of the wizard: start, follow, pause, resume, cancel, and interrupted imports.

/**
 * Starts sending every ready row, or (`refused`) only the rows the server refused last time;
 * with `sample`, only the first that many events, then the job stops for a look.
 */
export async function startImport(
  rows: 'all' | 'refused',
  choices: { sample?: number } = {},
): Promise<void> {
  const open = getState().open;
  if (!open) return;
  setState({ busy: true, sendProblem: null });
  try {
    const { sendAgain } = getState();
    const answer = await callApi((api) =>
      api.import.start({ sessionId: open.sessionId, rows, sendAgain, sample: choices.sample }),
    );
    setState({ busy: false, step: 'send', jobId: answer.jobId, job: null, view: 'all' });
  } catch (error) {
    setState({ busy: false, sendProblem: errorMessage(error) });
  }
}

async function act(run: (jobId: string) => Promise<null>) {
  const { jobId } = getState();
  if (!jobId) return;
  try {
    await run(jobId);
  } catch (error) {
    setState({ sendProblem: errorMessage(error) });
  }
}

export const pauseImport = () => act((jobId) => callApi((api) => api.import.pause({ jobId })));
export const resumeImport = () => act((jobId) => callApi((api) => api.import.resume({ jobId })));
export const cancelImport = () => act((jobId) => callApi((api) => api.import.cancel({ jobId })));

/** Imports that stopped before the end (a crash, a quit, a lost network), offered for resuming. */
export async function refreshInterrupted(): Promise<void> {
  try {
    const interrupted = await callApi((api) => api.import.interrupted());
    setState({ interrupted });
  } catch {
    // The offer is a convenience; without it the History screen still lists the imports.
  }
}

/** Opens the resume question when the main process says the job's destination moved. */
async function askIfMoved(jobId: string): Promise<boolean> {
  await refreshInterrupted();
  const now = getState().interrupted.find((job) => job.jobId === jobId);
  if (!now?.destination.problem) return false;
  setState({ busy: false, resumeQuestion: jobId, resumeProblem: null });
  return true;
}

/**
 * Continues an interrupted import from its journal and follows it. One whose destination is not
 * its profile's any more is asked about instead, before any request that could send.
 */
export async function continueImport(jobId: string): Promise<void> {
  const offered = getState().interrupted.find((job) => job.jobId === jobId);
  // Asked again as things are now: the profile may have been pointed back since the list.
  if (offered?.destination.problem && (await askIfMoved(jobId))) return;
  setState({ busy: true, sendProblem: null, resumeProblem: null });
  try {
    const answer = await callApi((api) => api.import.continue({ jobId }));
    setState((s) => ({
      busy: false,
      step: 'send',
      jobId: answer.jobId,
      job: null,
      interrupted: s.interrupted.filter((job) => job.jobId !== jobId),
    }));
  } catch (error) {
    // The profile changed since the offer was listed: ask with what the main process says now.
    if (errorCode(error) === 'destination_changed' && (await askIfMoved(jobId))) return;
    // Said in the offer itself, beside the button that was pressed.
    setState({ busy: false, resumeProblem: { jobId, message: errorMessage(error) } });
  }
}

/** "Not now": the question closes, nothing is sent, and the import is still offered. */
export function closeResumeQuestion(): void {
  setState({ resumeQuestion: null });
}

export async function dismissInterrupted(jobId: string): Promise<void> {
  setState((s) => ({ interrupted: s.interrupted.filter((job) => job.jobId !== jobId) }));
  await callApi((api) => api.import.dismiss({ jobId })).catch(() => null);
}

/** Follows an upload already running in the main process (after a reload of the page). */
export async function reattach(): Promise<void> {
  if (getState().jobId) return;
  try {
    const live = await callApi((api) => api.import.live());
    const running = live.find((update) => update.end === null);
    if (running && !getState().jobId) {
      setState({ step: 'send', jobId: running.jobId, job: running });
    }
  } catch {
    // Nothing to follow.
  }
}

export async function downloadJobReport(jobId: string): Promise<string | null> {
  try {
    const download = await callApi((api) => api.import.jobReport({ jobId }));
    downloadText(download.fileName, download.text, 'text/csv');
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}

/** Back to the review, listing the rows the server refused, to fix them and send them again. */
export function reviewRefused(): void {
  setState((s) => ({ step: 'review', view: 'refused', rowsVersion: s.rowsVersion + 1 }));
}

/** Closes the file and starts the wizard again from the first step. */
export function startOver(): void {
  const { open, interrupted } = getState();
  if (open)
    void callApi((api) => api.import.close({ sessionId: open.sessionId })).catch(() => null);
  setState({ ...initialState(), interrupted });
  void refreshInterrupted();
}
