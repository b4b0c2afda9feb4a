import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../../shared/mapping';
import { startImportJob } from './job';
import { useJobWorlds } from '../testing/job-world';

// CSV shapes from real exports sent to the Track API emulator: what arrives,
// and what the rejected-rows report holds.

const setup = useJobWorlds();

const exportFixture = (name: string) =>
  fileURLToPath(new URL(`../../../e2e/fixtures/exports/${name}`, import.meta.url));

const noteMapping: Mapping = {
  version: 1,
  name: { column: 'event' },
  timestamp: { value: '2024-04-01T00:00:00Z' },
  customer: { column: 'customer_id' },
  customerData: { note: { column: 'note' } },
};

describe('an import of a file with a stray quote', () => {
  it.each([
    ['stray-quote-closed.csv', ['c-1', 'c-7', 'c-8'], ['3', '4', '5', '6', '7']],
    ['stray-quote.csv', ['c-1'], ['3', '4', '5', '6', '7']],
  ])('%s: sends none of the swallowed rows, reports each of them', async (name, sent, rows) => {
    const world = await setup(1);
    const options = { ...world.options, path: exportFixture(name), mapping: noteMapping };
    const result = await startImportJob(options).done;

    expect(result.outcome).toBe('completed');
    const customers = world.emulator.received.map((r) => r.event.identification.customer);
    expect(customers).toEqual(sent);
    // No event carries a note with another row in it.
    for (const { event } of world.emulator.received) {
      expect(JSON.stringify(event.data)).not.toMatch(/\\n|c-\d+;/);
    }
    expect(result.progress.rejectedRows).toBe(rows.length);
    const text = await readFile(options.reportPath as string, 'utf8');
    const report = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(report.map((r) => r['row'])).toEqual(rows);
    expect(report[0]?.['error']).toMatch(/opens a value in row 3 and never closes, so rows 3 to 7/);
    expect(report[1]?.['error']).toMatch(/^Row 4 was read into the value/);
    expect(report[1]?.['customer_id']).toBe('c-3');
  });
});

describe('an import of other export shapes', () => {
  it('reads below blank lines and a header that ends with a separator', async () => {
    const world = await setup(1);
    const blank = await startImportJob({
      ...world.options,
      path: exportFixture('blank-lines-above-header.csv'),
      mapping: {
        version: 1,
        name: { column: 'event' },
        timestamp: { value: '2024-04-01T00:00:00Z' },
        customer: { column: 'customer_id' },
      },
    }).done;
    expect(blank.outcome).toBe('completed');
    expect(blank.progress.rejectedRows).toBe(0);
    const trailing = await startImportJob({
      ...world.options,
      path: exportFixture('trailing-separator-header.csv'),
      mapping: {
        version: 1,
        name: { column: 'event' },
        timestamp: { value: '2024-04-01T00:00:00Z' },
        customer: { column: 'customer_id' },
        customerData: { amount: { column: 'amount', type: 'number', decimal: 'comma' } },
      },
    }).done;
    expect(trailing.progress.rejectedRows).toBe(0);
    const received = world.emulator.received.map((r) => r.event);
    expect(received.map((event) => event.identification.customer)).toEqual([
      'c-1',
      'c-2',
      'c-1',
      'c-2',
      'c-3',
    ]);
    expect(received.at(-1)?.data?.customer).toEqual({ amount: -5 });
  });
});
