import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { startImportJob } from './job';
import { acquireJobLock, JobLockedError, LOCK_FILE } from './job-lock';
import { useJobWorlds } from '../testing/job-world';

const setup = useJobWorlds();

const lockIn = async (dataDir: string, jobId: string) =>
  (await readdir(path.join(dataDir, 'jobs', jobId))).includes(LOCK_FILE);

it('holds the job while it sends and lets go when it stops, so that one sender resumes it', async () => {
  const { options, emulator } = await setup(600, [], { rate: { requests: 5, perMs: 1000 } });
  let heldWhileSending = false;
  const first = startImportJob({
    ...options,
    onProgress: (progress) => {
      if (progress.jobId === null || progress.eventsSent < 100 || heldWhileSending) return;
      heldWhileSending = existsSync(path.join(options.dataDir, 'jobs', progress.jobId, LOCK_FILE));
      first.interrupt();
    },
  });
  const stopped = await first.done;
  expect(stopped.outcome).toBe('interrupted');
  expect(heldWhileSending).toBe(true);
  const jobId = stopped.jobId ?? '';
  expect(await lockIn(options.dataDir, jobId)).toBe(false); // released by the stop

  // Another sender holds it now: the resume refuses before reading or sending anything.
  const other = await acquireJobLock(path.join(options.dataDir, 'jobs', jobId));
  const before = emulator.received.length;
  const refused = startImportJob({ ...options, resumeJobId: jobId }).done;
  await expect(refused).rejects.toBeInstanceOf(JobLockedError);
  await expect(refused).rejects.toMatchObject({ code: 'conflict' });
  expect(emulator.received.length).toBe(before);
  await other.release();

  const resumed = await startImportJob({ ...options, resumeJobId: jobId }).done;
  expect(resumed.outcome).toBe('completed');
  expect(await lockIn(options.dataDir, jobId)).toBe(false); // released at the end
  const customers = emulator.received.map((r) => r.event.identification.customer);
  expect(customers).toHaveLength(600);
  expect(new Set(customers).size).toBe(600);
});

it('lets go of the lock of a job that is cancelled', async () => {
  const { options } = await setup(300, [], { rate: { requests: 2, perMs: 1000 } });
  const job = startImportJob({
    ...options,
    onProgress: (progress) => {
      if (progress.eventsSent > 0) job.cancel();
    },
  });
  const result = await job.done;
  expect(result.outcome).toBe('cancelled');
  expect(await lockIn(options.dataDir, result.jobId ?? '')).toBe(false);
});
