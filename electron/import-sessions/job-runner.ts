import path from 'node:path';
import type { JobEnd, JobUpdate, StartResponse } from '../../shared/ipc-import';
import type { JobProgress } from '../../shared/job-progress';
import type { Mapping } from '../../shared/mapping';
import { isUserError, UserError } from '../../shared/user-error';
import type { RowEdits } from '../engine/validation/import-edits';
import {
  startImportJob,
  type ImportJob,
  type ImportJobOptions,
  type JobResult,
} from '../engine/job/job';
import { journalPath } from '../engine/journal/journal';
import { loadJournal } from '../engine/journal/journal-load';
import type { FetchLike } from '../engine/sending/sender';
import { updateJobMeta } from './job-meta';
import { Throttle } from './progress-throttle';
import type { SendTarget } from './send-target';

/** One upload to start: a reviewed file (or a journal to continue) and where to send it. */
export interface JobRequest {
  path: string;
  fileName: string;
  mapping: Mapping;
  target: SendTarget;
  sessionId: string | null;
  edits?: RowEdits;
  expected?: { dataRows: number; events: number } | null;
  resumeJobId?: string;
  /** Send the events the destination already has, too (see `ImportJobOptions.sendAgain`). */
  sendAgain?: boolean;
  /** Send only the first this many events, then stop (see `ImportJobOptions.sample`). */
  sample?: number;
}

interface LiveJob {
  update: JobUpdate;
  job: ImportJob;
  throttle: Throttle<JobUpdate>;
}

export interface JobRunnerOptions {
  dataDir: string;
  onUpdate: (update: JobUpdate) => void;
  /** Told when a job ended, with the rows the server refused (row -> its message). */
  onEnded?: (update: JobUpdate, refused: ReadonlyMap<number, string>) => void;
  fetch?: FetchLike;
  /** Told of failures that are not the user's to fix (bugs, disk errors), for the log. */
  onError?: (what: string, error: unknown) => void;
  /** Starts the engine's job (`startImportJob`); tests pass one that fails as they choose. */
  startJob?: (options: ImportJobOptions) => ImportJob;
}

export interface JobRunner {
  /**
   * Starts the upload once it has a journal. Rejects with the `UserError` of a job that cannot
   * start (a file that changed, a finished import); any other error is a bug, thrown as it is for
   * the IPC layer to log and answer in general words.
   */
  start(request: JobRequest): Promise<StartResponse>;
  get(jobId: string): LiveJob['job'] | null;
  /** Every job started in this run of the app, the finished ones with how they ended. */
  live(): JobUpdate[];
  isRunning(jobId: string): boolean;
  /** Stops every running job so that it can be resumed (the app is quitting). */
  interruptAll(): Promise<void>;
}

const STOPPED_BY_A_BUG =
  'The import stopped because of a problem on this computer (the details are in the log). Nothing was lost: resume it.';

async function refusedRows(dataDir: string, jobId: string): Promise<Map<number, string>> {
  const refused = new Map<number, string>();
  try {
    const state = await loadJournal(journalPath(dataDir, jobId));
    for (const row of state.rejected) if (row.cells === null) refused.set(row.row, row.message);
  } catch {
    // No journal to read: nothing to bring back.
  }
  return refused;
}

/** Runs uploads in this process: starts them, throttles their progress, and keeps their ends. */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const jobs = new Map<string, LiveJob>();
  const startJob = options.startJob ?? startImportJob;

  function publish(live: LiveJob, progress: JobProgress, urgent: boolean): void {
    const phaseChanged = live.update.progress.phase !== progress.phase;
    live.update = { ...live.update, progress: { ...progress } };
    live.throttle.push(live.update, urgent || phaseChanged);
  }

  async function finish(live: LiveJob, result: JobResult): Promise<void> {
    const { jobId } = live.update;
    const refused = await refusedRows(options.dataDir, jobId);
    const end: JobEnd = {
      outcome: result.outcome,
      message: result.message,
      reportRows: result.reportRows,
      refusedRows: refused.size,
      sample: result.sample,
    };
    live.update = { ...live.update, progress: { ...result.progress }, end };
    await updateJobMeta(options.dataDir, jobId, { endedAt: new Date().toISOString() }).catch(
      () => undefined,
    );
    options.onEnded?.(live.update, refused);
    live.throttle.push(live.update, true);
  }

  return {
    async start(request) {
      const { target } = request;
      let live: LiveJob | null = null;
      let announce: (jobId: string) => void = () => undefined;
      const announced = new Promise<string>((resolve) => (announce = resolve));
      const job = startJob({
        path: request.path,
        mapping: request.mapping,
        trackerKey: target.trackerKey,
        endpoint: target.endpoint,
        apiKey: target.apiKey,
        rate: target.rate,
        dataDir: options.dataDir,
        edits: request.edits,
        expected: request.expected ?? null,
        resumeJobId: request.resumeJobId,
        sendAgain: request.sendAgain,
        sample: request.sample,
        fetch: options.fetch,
        onProgress: (progress) => {
          if (progress.jobId !== null) announce(progress.jobId);
          if (live) publish(live, progress, false);
        },
      });
      const first = await Promise.race([
        announced.then((jobId) => ({ jobId })),
        job.done.then(
          (result) => ({ ended: result }),
          (error: unknown) => ({ failed: error }),
        ),
      ]);
      if ('failed' in first) throw first.failed;
      if ('ended' in first) throw new UserError('refused', first.ended.message);
      const { jobId } = first;
      live = {
        job,
        update: {
          jobId,
          sessionId: request.sessionId,
          fileName: request.fileName,
          totalEvents: request.expected?.events ?? null,
          progress: { ...job.progress() },
          end: null,
        },
        throttle: new Throttle((update) => options.onUpdate(update)),
      };
      const running = live;
      jobs.set(jobId, running);
      if (!request.resumeJobId) {
        await updateJobMeta(options.dataDir, jobId, {
          profileId: target.profileId,
          profileName: target.profileName,
          startedAt: new Date().toISOString(),
        }).catch(() => undefined);
      }
      publish(running, job.progress(), true);
      void job.done.then(
        (result) => finish(running, result),
        (error: unknown) => {
          // No request waits for this answer: a bug is logged here, and the user reads why it stopped.
          if (!isUserError(error)) options.onError?.('An import stopped', error);
          return finish(running, {
            outcome: 'interrupted',
            jobId,
            message: isUserError(error) ? error.message : STOPPED_BY_A_BUG,
            progress: job.progress(),
            mappingIssues: [],
            sample: null,
            reportPath: null,
            reportRows: 0,
          });
        },
      );
      return { jobId };
    },
    get: (jobId) => jobs.get(jobId)?.job ?? null,
    live: () => [...jobs.values()].map((live) => live.update),
    isRunning: (jobId) => {
      const live = jobs.get(jobId);
      return live !== undefined && live.update.end === null;
    },
    async interruptAll() {
      const running = [...jobs.values()].filter((live) => live.update.end === null);
      for (const live of running) live.job.interrupt();
      await Promise.allSettled(running.map((live) => live.job.done));
    },
  };
}

/** The rejected-rows report the engine writes beside a job's journal. */
export function jobReportPath(dataDir: string, jobId: string): string {
  return path.join(path.dirname(journalPath(dataDir, jobId)), 'rejected.csv');
}
