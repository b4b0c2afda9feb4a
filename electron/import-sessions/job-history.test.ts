import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { startImportJob } from '../engine/job/job';
import { createJournal, journalPath } from '../engine/journal/journal';
import { useJobWorlds } from '../engine/testing/job-world';
import { createJobHistory } from './job-history';
import { updateJobMeta } from './job-meta';
import { createJobRunner } from './job-runner';

const setup = useJobWorlds();

describe('History of imports', () => {
  it("shows a job's true duration: the wall-clock span of its journal, for a job without app notes", async () => {
    const { options } = await setup(250);
    // A clock a minute apart on every reading, so the span cannot come out right by accident.
    const start = Date.UTC(2026, 11, 1, 9, 0);
    let readings = 0;
    const wallNow = () => start + 60_000 * readings++;

    const result = await startImportJob({ ...options, wallNow }).done;
    expect(result.outcome).toBe('completed');

    const runner = createJobRunner({ dataDir: options.dataDir, onUpdate: () => undefined });
    const [job] = await createJobHistory(options.dataDir, runner).list();
    expect(job?.startedAt).toBe(new Date(start).toISOString());
    expect(job?.durationMs).toBe(60_000 * (readings - 1));

    // Every record carries the time it was written, not the job's creation time.
    const lines = (await readFile(journalPath(options.dataDir, result.jobId ?? ''), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => (JSON.parse(line) as { at: number }).at);
    expect(new Set(lines).size).toBe(lines.length);
    expect(Math.max(...lines) - start).toBe(job?.durationMs);
  });

  it('still shows a journal written before records carried the time, with the app notes duration', async () => {
    const { options } = await setup(5);
    // Such a journal stamped every record with the job's creation time.
    const created = Date.UTC(2026, 10, 2, 8, 0);
    const journal = await createJournal({
      dataDir: options.dataDir,
      filePath: options.path,
      mapping: options.mapping,
      settings: { headerRow: 1, zone: 'UTC', trackerKey: 'CS-TEST1', endpoint: options.endpoint },
      now: () => created,
    });
    await journal.setState('running');
    await journal.setState('completed');
    await journal.close();
    await updateJobMeta(options.dataDir, journal.jobId, {
      startedAt: new Date(created).toISOString(),
      endedAt: new Date(created + 90_000).toISOString(),
    });

    const runner = createJobRunner({ dataDir: options.dataDir, onUpdate: () => undefined });
    const [job] = await createJobHistory(options.dataDir, runner).list();
    expect(job).toMatchObject({ state: 'completed', durationMs: 90_000 });
  });

  it('counts the rows skipped as sent before apart from the rejected ones', async () => {
    const { options } = await setup(30, [7]);
    const first = await startImportJob(options).done;
    const again = await startImportJob(options).done;
    expect(again.progress.alreadySent).toBe(29);

    const runner = createJobRunner({ dataDir: options.dataDir, onUpdate: () => undefined });
    const jobs = await createJobHistory(options.dataDir, runner).list();
    const byId = (id: string | null) => jobs.find((job) => job.jobId === id);
    expect(byId(first.jobId)).toMatchObject({ sent: 29, rejected: 1, alreadySent: 0 });
    // The broken row is rejected again; the 29 sent the first time are skipped, not rejected.
    expect(byId(again.jobId)).toMatchObject({
      state: 'completed',
      sent: 0,
      rejected: 1,
      alreadySent: 29,
    });
  });

  it('says an interrupted job the person chose not to resume is dismissed, and offers it no more', async () => {
    const { options } = await setup(5);
    const journal = await createJournal({
      dataDir: options.dataDir,
      filePath: options.path,
      mapping: options.mapping,
      settings: { headerRow: 1, zone: 'UTC', trackerKey: 'CS-TEST1', endpoint: options.endpoint },
    });
    // Running when the app stopped: interrupted.
    await journal.setState('running');
    await journal.close();

    const runner = createJobRunner({ dataDir: options.dataDir, onUpdate: () => undefined });
    const history = createJobHistory(options.dataDir, runner);
    expect(await history.list()).toMatchObject([{ state: 'interrupted', dismissed: false }]);
    expect(await history.interrupted()).toHaveLength(1);

    await history.dismiss(journal.jobId);
    expect(await history.list()).toMatchObject([{ state: 'interrupted', dismissed: true }]);
    expect(await history.interrupted()).toEqual([]);
  });
});
