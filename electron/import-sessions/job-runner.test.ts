import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobUpdate } from '../../shared/ipc-import';
import { isUserError, UserError } from '../../shared/user-error';
import type { ImportJob, ImportJobOptions, JobResult } from '../engine/job/job';
import { ProgressTracker } from '../engine/job/job-progress';
import { JournalError } from '../engine/journal/journal';
import { eventsMapping } from '../engine/testing/csv-files';
import { createJobRunner, type JobRequest } from './job-runner';

const JOB_ID = '20240101-000000-abcdef12';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-job-runner-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const request: JobRequest = {
  path: '/data/customers.csv',
  fileName: 'customers.csv',
  mapping: eventsMapping,
  target: {
    profileId: 'default',
    profileName: 'Acme',
    trackerKey: 'CS-TEST1',
    endpoint: 'https://api.example/track',
    rate: { requests: 10, perMs: 1000 },
    apiKey: 'test-key-0123456789',
  },
  sessionId: null,
};

/**
 * A job of the engine that fails as the test says: with `failure` once it has a journal (`jobId`),
 * or before it has one (`jobId: null`). `failure` may also be how it ended without one.
 */
function jobThat(ending: { jobId: string | null; failure?: unknown; result?: JobResult }) {
  return (options: ImportJobOptions): ImportJob => {
    const progress = new ProgressTracker(() => 0, 0);
    const done = (async () => {
      await Promise.resolve();
      if (ending.jobId !== null) {
        progress.value.jobId = ending.jobId;
        options.onProgress?.(progress.snapshot());
        // The runner takes the job on before it learns how it ends.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      if (ending.result) return ending.result;
      throw ending.failure;
    })();
    const idle = () => undefined;
    return {
      pause: idle,
      resume: idle,
      cancel: idle,
      interrupt: idle,
      progress: () => progress.snapshot(),
      done,
    };
  };
}

function runnerWith(startJob: (options: ImportJobOptions) => ImportJob) {
  const logged: { what: string; error: unknown }[] = [];
  let onEnd: (update: JobUpdate) => void = () => undefined;
  const ended = new Promise<JobUpdate>((resolve) => (onEnd = resolve));
  const runner = createJobRunner({
    dataDir,
    startJob,
    onError: (what, error) => logged.push({ what, error }),
    onUpdate: (update) => {
      if (update.end) onEnd(update);
    },
  });
  return { runner, logged, ended };
}

describe('the job runner, when an import fails', () => {
  it('logs a bug that stops a running import, and tells the user in general words', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'row')");
    const { runner, logged, ended } = runnerWith(jobThat({ jobId: JOB_ID, failure: bug }));

    expect(await runner.start(request)).toEqual({ jobId: JOB_ID });
    const end = (await ended).end;

    expect(logged).toEqual([{ what: 'An import stopped', error: bug }]);
    expect(end).toMatchObject({
      outcome: 'interrupted',
      message:
        'The import stopped because of a problem on this computer (the details are in the log). Nothing was lost: resume it.',
    });
    expect(end?.message).not.toContain('row');
  });

  it('shows an error written for the user in its own words, and does not log it as a bug', async () => {
    const written = new UserError('refused', 'customers.csv changed while it was being sent.');
    const { runner, logged, ended } = runnerWith(jobThat({ jobId: JOB_ID, failure: written }));

    await runner.start(request);
    const end = (await ended).end;

    expect(end).toMatchObject({
      outcome: 'interrupted',
      message: 'customers.csv changed while it was being sent.',
    });
    expect(logged).toEqual([]);
  });

  it('refuses to start with the reason of a job that cannot start, unlogged', async () => {
    const finished = new JournalError('finished', 'This import has already finished.');
    const { runner, logged } = runnerWith(jobThat({ jobId: null, failure: finished }));

    const start = runner.start(request);
    await expect(start).rejects.toBe(finished);
    await expect(start).rejects.toMatchObject({ code: 'refused' });
    expect(logged).toEqual([]);
  });

  it('refuses to start with the words of a job that ended before it had a journal', async () => {
    const progress = new ProgressTracker(() => 0, 0).snapshot();
    const result: JobResult = {
      outcome: 'failed',
      jobId: null,
      message: 'The mapping does not fit this file.',
      progress,
      mappingIssues: [],
      reportPath: null,
      reportRows: 0,
      sample: null,
    };
    const { runner } = runnerWith(jobThat({ jobId: null, result }));

    await expect(runner.start(request)).rejects.toMatchObject({
      code: 'refused',
      message: 'The mapping does not fit this file.',
    });
  });

  it('throws a bug at start as it is, so that the IPC layer logs it and answers in general words', async () => {
    const bug = new TypeError('undefined is not a function');
    const { runner, logged } = runnerWith(jobThat({ jobId: null, failure: bug }));

    const start = runner.start(request);
    await expect(start).rejects.toBe(bug);
    expect(isUserError(await start.catch((error: unknown) => error))).toBe(false);
    // Logged once, by the registrar (electron/main/ipc/register.ts), not twice.
    expect(logged).toEqual([]);
  });
});
