import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { startImportJob } from './job';
import { listJobs } from '../journal/journal-list';
import { eventsMapping } from '../testing/csv-files';
import { useJobWorlds } from '../testing/job-world';

const setup = useJobWorlds();

function reportRows(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true })
    .data;
}

describe('an import job against the Track API emulator', () => {
  it('sends every row of a valid file once, in batches of at most 100', async () => {
    const { options, emulator } = await setup(250);
    const result = await startImportJob(options).done;

    expect(result.outcome).toBe('completed');
    expect(emulator.received).toHaveLength(250);
    const customers = new Set(emulator.received.map((r) => r.event.identification.customer));
    expect(customers.size).toBe(250);
    expect(Math.max(...emulator.requests.map((r) => r.events))).toBeLessThanOrEqual(100);
    expect(emulator.received[0]?.event).toEqual({
      name: 'signup',
      timestamp: Date.UTC(2024, 3, 1),
      identification: { customer: 'cus_0', contact: 'con_0' },
      data: {
        customer: { plan: 'Pro, yearly', mrr: 0.5 },
        contact: { email: 'user0@example.com' },
      },
    });
    expect(result.progress.eventsSent).toBe(250);
    expect(result.reportRows).toBe(0);
    expect(await listJobs(options.dataDir)).toEqual([]); // finished jobs are not offered for resume

    // The journal holds each batch's intent, each attempt and each result, in that order.
    const journal = await readFile(
      path.join(options.dataDir, 'jobs', result.jobId ?? '', 'journal.jsonl'),
      'utf8',
    );
    const records = journal
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; batch?: number });
    const ofBatch1 = records.filter((r) => r.batch === 1).map((r) => r.type);
    expect(ofBatch1).toEqual(['intent', 'attempt', 'result']);
    expect(records.filter((r) => r.type === 'attempt')).toHaveLength(emulator.requests.length);
  });

  it('sends the good rows and reports exactly the bad ones with their cells', async () => {
    const { options, emulator } = await setup(120, [5, 77]);
    const result = await startImportJob(options).done;

    expect(result.outcome).toBe('completed');
    expect(emulator.received).toHaveLength(118);
    const report = reportRows(await readFile(options.reportPath as string, 'utf8'));
    expect(report.map((r) => r['row'])).toEqual(['5', '77']);
    expect(report[0]?.['occurred_at']).toBe('not a date');
    expect(report[0]?.['customer_id']).toBe('cus_3');
    expect(report[0]?.['error']).toMatch(/not a date/);
  });

  it('isolates one event the server refuses; the 99 others of its batch arrive', async () => {
    const { options, emulator } = await setup(100, [], {
      emulator: {
        rejectEvent: (event) =>
          event.identification.customer === 'cus_42' ? 'customer cus_42 is blocked' : null,
      },
    });
    const result = await startImportJob(options).done;

    expect(result.outcome).toBe('completed');
    expect(emulator.received).toHaveLength(99);
    expect(result.progress.rejectedByServer).toBe(1);
    const report = reportRows(await readFile(options.reportPath as string, 'utf8'));
    expect(report).toHaveLength(1);
    expect(report[0]?.['row']).toBe('44');
    expect(report[0]?.['error']).toContain('customer cus_42 is blocked');
    expect(report[0]?.['customer_id']).toBe('cus_42');
  });

  it('stops on 401 without sending more, and says what to fix', async () => {
    const { options, emulator } = await setup(1000);
    const result = await startImportJob({ ...options, apiKey: 'wrong-key-000000' }).done;

    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(/API key/);
    expect(result.message).not.toContain('wrong-key-000000');
    expect(emulator.received).toHaveLength(0);
    expect(emulator.requests.length).toBeLessThanOrEqual(4);
  });

  it('refuses to run a mapping that names a column the file lacks', async () => {
    const { options } = await setup(10);
    const mapping = { ...eventsMapping, customer: { column: 'customer' } };
    const result = await startImportJob({ ...options, mapping }).done;
    expect(result.outcome).toBe('failed');
    expect(result.mappingIssues[0]?.message).toMatch(/customer/);
  });

  it('sends nothing while paused, then finishes without losing or repeating events', async () => {
    const { options, emulator } = await setup(600);
    let pausedAlready = false;
    let markPaused: () => void = () => undefined;
    const pausedOnce = new Promise<void>((resolve) => (markPaused = resolve));
    const job = startImportJob({
      ...options,
      rate: { requests: 40, perMs: 1000 },
      onProgress: (p) => {
        if (!pausedAlready && p.eventsSent >= 100 && p.phase === 'sending') {
          pausedAlready = true;
          job.pause();
          markPaused();
        }
      },
    });
    await pausedOnce;
    await new Promise((resolve) => setTimeout(resolve, 300)); // requests under way finish
    const whilePaused = emulator.received.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(emulator.received.length).toBe(whilePaused);
    expect(whilePaused).toBeLessThan(600);
    expect(job.progress().phase).toBe('paused');

    job.resume();
    const result = await job.done;
    expect(result.outcome).toBe('completed');
    expect(emulator.received).toHaveLength(600);
    const customers = new Set(emulator.received.map((r) => r.event.identification.customer));
    expect(customers.size).toBe(600);
  });
});
