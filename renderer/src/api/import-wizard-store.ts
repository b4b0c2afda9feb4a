import type {
  FilePreview,
  InterruptedImport,
  JobUpdate,
  RecentMapping,
  ReviewSummary,
  RowsView,
  ValidationProgressInfo,
} from '../../../shared/ipc-import';
import { DEFAULT_SAMPLE_EVENTS } from '../../../shared/ipc-import';
import { emptyDraft, type MappingDraft } from '../mapping/mapping-draft';
import { callApi } from './call-api';

// The import wizard's state lives here, outside any component, so that going to Settings and
// back (which unmounts the screen) never makes anyone start over.

export type WizardStep = 'file' | 'map' | 'review' | 'send';

export interface OpenFile {
  sessionId: string;
  file: FilePreview;
  recent: RecentMapping | null;
}

export interface WizardState {
  step: WizardStep;
  /** A file is being read (uploaded, sniffed). */
  opening: boolean;
  fileError: string | null;
  open: OpenFile | null;
  draft: MappingDraft;
  /** Targets and attributes auto-match filled in, until the person changes them. */
  guessed: ReadonlySet<string>;
  /** The mapping's problems: from the form check or from the file (a column it lacks). */
  mappingProblems: readonly { field: string; message: string }[];
  /** A note on the mapping step ("Loaded mapping.json", or why a file could not be loaded). */
  mappingNote: { tone: 'info' | 'error'; text: string } | null;
  /** Progress of the whole-file check while it runs. */
  validating: ValidationProgressInfo | null;
  summary: ReviewSummary | null;
  reviewProblem: string | null;
  view: RowsView;
  /** Bumped when the rows on screen may have changed (a new validation, a skip of many rows). */
  rowsVersion: number;
  jobId: string | null;
  job: JobUpdate | null;
  sendProblem: string | null;
  interrupted: readonly InterruptedImport[];
  /** Why an interrupted import could not be resumed (another program sends it), shown in its offer. */
  resumeProblem: { jobId: string; message: string } | null;
  /** The interrupted import whose destination is not its profile's any more: the question is open. */
  resumeQuestion: string | null;
  /** Something is being done that the buttons should wait for. */
  busy: boolean;
  /** The review's answer to the duplicate guard: send the events sent before again (default no). */
  sendAgain: boolean;
  /** How many events "Send a sample first" sends. */
  sampleSize: number;
}

export function initialState(): WizardState {
  return {
    step: 'file',
    opening: false,
    fileError: null,
    open: null,
    draft: emptyDraft(),
    guessed: new Set(),
    mappingProblems: [],
    mappingNote: null,
    validating: null,
    summary: null,
    reviewProblem: null,
    view: 'all',
    rowsVersion: 0,
    jobId: null,
    job: null,
    sendProblem: null,
    interrupted: [],
    resumeProblem: null,
    resumeQuestion: null,
    busy: false,
    sendAgain: false,
    sampleSize: DEFAULT_SAMPLE_EVENTS,
  };
}

let state: WizardState = initialState();
const listeners = new Set<() => void>();

export function getState(): WizardState {
  return state;
}

export function setState(patch: Partial<WizardState> | ((s: WizardState) => Partial<WizardState>)) {
  const change = typeof patch === 'function' ? patch(state) : patch;
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let wired = false;

/** Listens to the main process's import events once for the life of the page. */
export function wireEvents(): void {
  if (wired) return;
  wired = true;
  try {
    listen();
  } catch {
    // A page without the bridge (the bare build in a test) shows the screen without live updates.
  }
}

function listen(): void {
  window.api.import.onValidation((progress) => {
    if (state.open?.sessionId === progress.sessionId && state.validating) {
      setState({ validating: progress });
    }
  });
  window.api.import.onJob((update) => {
    if (update.jobId !== state.jobId) return;
    setState({ job: update });
    if (update.end && update.sessionId && update.sessionId === state.open?.sessionId) {
      const { sessionId } = update;
      callApi((api) => api.import.summary({ sessionId })).then(
        (summary) => setState((s) => ({ summary, rowsVersion: s.rowsVersion + 1 })),
        () => undefined,
      );
    }
  });
}
