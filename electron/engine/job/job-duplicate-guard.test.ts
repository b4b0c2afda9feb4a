import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { startImportJob } from './job';
import { useJobWorlds } from '../testing/job-world';

const newWorld = useJobWorlds();

describe('an import job with the duplicate guard', () => {
  it('sends again, and says so, the events an earlier run sent without an answer', async () => {
    const { options, emulator } = await newWorld(50);
    // Every request reaches the server, which keeps its events, but the answer is lost.
    emulator.setFaults({ resetAfter: 1 });
    const first = await startImportJob({ ...options, maxAttempts: 1, outageThresholdMs: 0 }).done;
    expect(first.progress.eventsSent).toBe(0);
    const delivered = emulator.received.length;
    expect(delivered).toBeGreaterThan(0);

    emulator.setFaults({});
    const second = await startImportJob(options).done;
    expect(second.outcome).toBe('completed');
    // None skipped: a lost answer may mean a lost event, and losing one is worse than doubling.
    expect(second.progress.alreadySent).toBe(0);
    expect(second.progress.eventsSent).toBe(50);
    expect(second.progress.maybeSentBefore).toBe(delivered);
    expect(second.message).toContain(`may arrive twice`);
  });

  it('skips what was confirmed before and lists it in the report with the reason', async () => {
    const { options, emulator } = await newWorld(250);
    await startImportJob(options).done;
    expect(emulator.received).toHaveLength(250);
    const again = await startImportJob(options).done;
    expect(again.outcome).toBe('completed');
    expect(again.progress).toMatchObject({ eventsSent: 0, alreadySent: 250, rejectedRows: 0 });
    expect(emulator.received).toHaveLength(250);
    const report = await readFile(again.reportPath ?? '', 'utf8');
    expect(
      report.match(/Already sent on .*, import of events\.csv: not sent again\./g),
    ).toHaveLength(250);
  });

  it('records what the Send again choice sends, so a third import skips it', async () => {
    const { options, emulator } = await newWorld(20);
    await startImportJob(options).done;
    await startImportJob({ ...options, sendAgain: true }).done;
    expect(emulator.received).toHaveLength(40);
    const third = await startImportJob(options).done;
    expect(third.progress.alreadySent).toBe(20);
    expect(emulator.received).toHaveLength(40);
  });
});
