import { basename, dirname, join } from 'node:path';
import type { MappingIssue } from '../../../shared/issues';
import { plural } from '../../../shared/wording';
import { systemNow, systemSleep } from '../sending/clock';
import { openJob } from './job-open';
import { ProgressTracker } from './job-progress';
import { writeJobReport } from './job-report';
import { sendBatches, type JobControl } from './job-send';
import type { ImportJob, ImportJobOptions, JobResult, SampleSent, Stop } from './job-types';
import type { JobJournal } from '../journal/journal';
import type { SourceFile } from '../reading/source/source';

export type { ImportJob, ImportJobOptions, JobResult } from './job-types';
export { SKIPPED_MESSAGE } from './job-send';

/**
 * Runs one import: streams the file, converts rows with the mapping, packs valid events, sends
 * them through the rate-limited sender, and journals each batch (intent before sending, result
 * after), so that a crash, kill or power loss resumes from the last confirmed batch. The reader is
 * pulled only as fast as batches leave, so memory stays flat whatever the file's size.
 */
export function startImportJob(options: ImportJobOptions): ImportJob {
  const now = options.now ?? systemNow;
  const sleep = options.sleep ?? systemSleep;
  const progress = new ProgressTracker(now, 0);
  const abort = new AbortController();
  let paused = false;
  let waiters: (() => void)[] = [];
  let stop: Stop | null = null;

  const emit = () => options.onProgress?.(progress.snapshot());

  function wakeAll(): void {
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  }

  /** Resolves when not paused (or when stopping). */
  async function gate(): Promise<void> {
    while (paused && !stop) await new Promise<void>((resolve) => waiters.push(resolve));
  }

  const job: ImportJob = {
    pause() {
      if (paused || stop) return;
      paused = true;
      progress.setPhase('paused', 'Paused. Requests already under way are finishing.');
      emit();
    },
    resume() {
      if (!paused) return;
      paused = false;
      progress.setPhase('sending', 'Sending events…');
      wakeAll();
      emit();
    },
    cancel() {
      if (stop) return;
      stop = { outcome: 'cancelled', message: 'The import was cancelled.' };
      paused = false;
      wakeAll();
      abort.abort(new Error('cancelled'));
    },
    interrupt() {
      if (stop) return;
      stop = {
        outcome: 'interrupted',
        message:
          'The import was stopped before the end. Nothing was lost: resume it to send the rest.',
      };
      paused = false;
      wakeAll();
    },
    progress: () => progress.snapshot(),
    done: Promise.resolve().then(() => run()),
  };

  async function run(): Promise<JobResult> {
    const result = await openJob(options, progress);
    if (!result.ok)
      return finish(null, { outcome: 'failed', message: result.message }, result.issues);
    const control: JobControl = {
      progress,
      emit,
      gate,
      stopped: () => stop,
      stopWith(reason) {
        stop ??= reason;
      },
      signal: abort.signal,
      now,
      sleep,
    };
    // The lock goes when the job ends, however it ends (completed, stopped, cancelled, a bug).
    try {
      const { sample } = await sendBatches(options, control, result.opened);
      return await end(result.opened.journal, result.opened.file, sample);
    } finally {
      await result.lock.release();
    }
  }

  async function end(
    journal: JobJournal,
    file: SourceFile,
    sample: SampleSent | null,
  ): Promise<JobResult> {
    const outcome: Stop = stop ?? { outcome: 'completed', message: completedMessage() };
    const journalState =
      outcome.outcome === 'completed'
        ? 'completed'
        : outcome.outcome === 'cancelled'
          ? 'cancelled'
          : outcome.outcome === 'failed'
            ? 'failed'
            : 'paused';
    await journal.setState(journalState, outcome.message);
    // Rows not sent always end up in a report, so nothing is lost silently: where the caller asked,
    // else beside the journal.
    let reportPath: string | null = options.reportPath ?? null;
    let reportRows = 0;
    if (reportPath === null && progress.value.rejectedRows + progress.value.alreadySent > 0) {
      reportPath = join(dirname(journal.path), 'rejected.csv');
    }
    if (reportPath !== null) {
      reportRows = await writeJobReport(reportPath, journal.path, options.path, file);
    }
    await journal.close();
    return finish(journal.jobId, outcome, [], reportPath, reportRows, sample);
  }

  function completedMessage(): string {
    const p = progress.value;
    const file = basename(options.path);
    const parts = [`Import of ${file} complete: ${plural(p.eventsSent, 'event')} sent`];
    if (p.rejectedRows > 0) parts.push(`${plural(p.rejectedRows, 'row')} not sent`);
    if (p.alreadySent > 0) {
      parts.push(`${plural(p.alreadySent, 'event')} skipped: already sent before`);
    }
    if (p.maybeSentBefore > 0) {
      parts.push(
        `${plural(p.maybeSentBefore, 'event')} sent again that an earlier request may have delivered (they may arrive twice)`,
      );
    }
    if (p.possibleDuplicates > 0) {
      parts.push(
        `${plural(p.possibleDuplicates, 'event')} may have arrived twice (a request's answer was lost)`,
      );
    }
    return parts.join(', ') + '.';
  }

  function finish(
    jobId: string | null,
    outcome: Stop,
    mappingIssues: MappingIssue[],
    reportPath: string | null = null,
    reportRows = 0,
    sample: SampleSent | null = null,
  ): JobResult {
    progress.setPhase(outcome.outcome, outcome.message);
    const snapshot = progress.snapshot();
    emit();
    return {
      outcome: outcome.outcome,
      jobId,
      message: outcome.message,
      progress: snapshot,
      mappingIssues,
      reportPath,
      reportRows,
      sample,
    };
  }

  return job;
}
