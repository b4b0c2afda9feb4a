import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../e2e/emulator/emulator';
import type { Mapping } from '../../../shared/mapping';
import { serialToWallClock } from '../reading/workbook/workbook-reader';
import { tempDir } from '../testing/csv-files';
import { writeLargeWorkbook, writeSheetWorkbook } from '../testing/workbook-files';
import { startImportJob, type ImportJobOptions } from './job';

const KEY = 'key-0123456789';
let emulator: Emulator | null = null;

afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

// The timestamp's format names a text pattern on purpose: date cells need none and ignore it.
const largeMapping: Mapping = {
  version: 1,
  name: { column: 'event' },
  timestamp: { column: 'occurred_at', format: 'dd.MM.yyyy HH:mm', timezone: 'Europe/Prague' },
  customer: { column: 'customer_id' },
  contact: { column: 'contact_id' },
  customerData: {
    plan: { column: 'plan' },
    mrr: { column: 'mrr', type: 'number', decimal: 'comma' },
    seats: { column: 'seats', type: 'number' },
    active: { column: 'active', type: 'boolean' },
  },
  contactData: { email: { column: 'email' } },
};

/** The timestamp of data row `i` of `writeLargeWorkbook`: its date cell's wall clock in Prague. */
function expectedTimestamp(i: number): number {
  const clock = serialToWallClock(45292 + (i % 3650) + (i % 1440) / 1440, 1900);
  if (clock === null) throw new Error('no wall clock');
  return DateTime.fromObject(clock, { zone: 'Europe/Prague' }).toMillis();
}

async function world(
  file: (dir: string) => Promise<string>,
  mapping: Mapping,
): Promise<{ dir: string; options: ImportJobOptions; emulator: Emulator }> {
  const started = await startEmulator({ apiKeys: [KEY], rateLimit: null });
  emulator = started;
  const dir = await tempDir('job-workbook-');
  const options: ImportJobOptions = {
    path: await file(dir),
    mapping,
    trackerKey: 'CS-TEST1',
    endpoint: started.url,
    apiKey: KEY,
    rate: { requests: 1000, perMs: 1000 },
    // The generated dates run to 2027: "now" is pinned so that none is a year ahead of it.
    wallNow: () => Date.UTC(2027, 5, 1),
    dataDir: path.join(dir, 'data'),
    reportPath: path.join(dir, 'rejected.csv'),
  };
  return { dir, options, emulator: started };
}

describe('an import job reading a workbook', () => {
  it('sends typed cells exactly, and a resume re-reads the sheet from its row without gaps or repeats', async () => {
    const rows = 1400;
    const { options, emulator } = await world(async (dir) => {
      const file = path.join(dir, 'events.xlsx');
      await writeLargeWorkbook(file, rows);
      return file;
    }, largeMapping);
    const first = startImportJob({
      ...options,
      rate: { requests: 5, perMs: 1000 },
      onProgress: (progress) => {
        if (progress.eventsSent >= 300) first.interrupt();
      },
    });
    const stopped = await first.done;
    expect(stopped.outcome).toBe('interrupted');
    expect(emulator.received.length).toBeLessThan(rows);

    const resumed = await startImportJob({ ...options, resumeJobId: stopped.jobId ?? '' }).done;
    expect(resumed.outcome).toBe('completed');
    const customers = emulator.received.map((r) => r.event.identification.customer);
    expect(customers).toHaveLength(rows);
    expect(new Set(customers).size).toBe(rows);

    const byCustomer = new Map(emulator.received.map((r) => [r.event.identification.customer, r]));
    for (const i of [0, 1, 299, 777, 1399]) {
      expect(byCustomer.get(`cus_${i}`)?.event).toEqual({
        name: ['subscription_upgraded', 'invoice_paid', 'login', 'ticket_opened'][i % 4],
        timestamp: expectedTimestamp(i),
        identification: { customer: `cus_${i}`, contact: `con_${i}` },
        data: {
          customer: {
            plan: ['Starter', 'Growth', 'Scale', 'Enterprise'][i % 4],
            // A number cell is the number: the mapping's decimal comma is for text only.
            mrr: (i % 1000) * 1.25,
            seats: i % 50,
            active: i % 2 === 1,
          },
          contact: { email: `person${i}@example.com` },
        },
      });
    }
  });

  it('refuses to resume once the workbook was saved again', async () => {
    const { options } = await world(async (dir) => {
      const file = path.join(dir, 'events.xlsx');
      await writeLargeWorkbook(file, 800);
      return file;
    }, largeMapping);
    const first = startImportJob({
      ...options,
      rate: { requests: 2, perMs: 1000 },
      onProgress: (progress) => {
        if (progress.eventsSent >= 100) first.interrupt();
      },
    });
    const stopped = await first.done;
    expect(stopped.outcome).toBe('interrupted');
    await writeLargeWorkbook(options.path, 801);
    await expect(
      startImportJob({ ...options, resumeJobId: stopped.jobId ?? '' }).done,
    ).rejects.toThrow(/events\.xlsx has changed/);
  });

  it('does not send a row whose mapped cell holds an Excel error, and reports it in words', async () => {
    const mapping: Mapping = {
      version: 1,
      name: { column: 'event' },
      timestamp: { column: 'when', timezone: 'UTC' },
      customer: { column: 'customer' },
      customerData: { score: { column: 'score', type: 'number' } },
    };
    const cells = (r: number, score: string) =>
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>login</t></is></c><c r="B${r}" t="inlineStr"><is><t>2024-03-0${r}T10:00:00Z</t></is></c><c r="C${r}" t="inlineStr"><is><t>cus_${r}</t></is></c>${score}<c r="E${r}" t="inlineStr"><is><t>ignored</t></is></c></row>`;
    const { options, emulator } = await world(async (dir) => {
      const file = path.join(dir, 'scores.xlsx');
      await writeSheetWorkbook(
        file,
        '<row r="1"><c r="A1" t="inlineStr"><is><t>event</t></is></c><c r="B1" t="inlineStr"><is><t>when</t></is></c><c r="C1" t="inlineStr"><is><t>customer</t></is></c><c r="D1" t="inlineStr"><is><t>score</t></is></c><c r="E1" t="inlineStr"><is><t>note</t></is></c></row>' +
          cells(2, '<c r="D2"><v>7.5</v></c>') +
          cells(3, '<c r="D3" t="e"><f>VLOOKUP(C3,A:B,2,0)</f><v>#N/A</v></c>') +
          cells(5, '<c r="D5"><f>C5*2</f></c>'),
      );
      return file;
    }, mapping);
    const result = await startImportJob(options).done;
    expect(result.outcome).toBe('completed');
    expect(emulator.received.map((r) => r.event.data?.customer)).toEqual([{ score: 7.5 }]);
    const text = await readFile(options.reportPath as string, 'utf8');
    const report = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(report.map((r) => r['row'])).toEqual(['3', '5']);
    expect(report[0]?.['error']).toBe('D3 holds the Excel error #N/A (column "score").');
    expect(report[0]?.['score']).toBe('#N/A');
    expect(report[1]?.['error']).toMatch(
      /^D5 holds a formula \(=C5\*2\) whose result is not saved/,
    );
  });
});
