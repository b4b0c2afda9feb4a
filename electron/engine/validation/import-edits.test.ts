import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../e2e/emulator/emulator';
import {
  applyOverrides,
  emptyRowEdits,
  fromRowEditsFile,
  toRowEditsFile,
  type RowEdits,
} from './import-edits';
import { startImportJob } from '../job/job';
import { RowSet } from '../journal/journal-ranges';
import { useJobWorlds } from '../testing/job-world';

const setup = useJobWorlds();

function edits(
  overrides: [number, number, string][],
  skip: number[] = [],
  only: number[] | null = null,
): RowEdits {
  const result = emptyRowEdits();
  const map = new Map<number, Map<number, string>>();
  for (const [row, column, value] of overrides) {
    map.set(row, (map.get(row) ?? new Map<number, string>()).set(column, value));
  }
  result.overrides = map;
  result.skip.add(skip.map((row) => [row, row] as [number, number]));
  if (only) {
    result.only = new RowSet();
    result.only.add(only.map((row) => [row, row] as [number, number]));
  }
  return result;
}

const customers = (received: Emulator['received']) =>
  received.map((r) => r.event.identification.customer);

describe('row edits', () => {
  it('apply overrides to a copy of the row, padding a short row', () => {
    const row = { row: 3, cells: ['a', 'b'] };
    const changed = applyOverrides(row, edits([[3, 3, 'd']]));
    expect(changed.cells).toEqual(['a', 'b', '', 'd']);
    expect(row.cells).toEqual(['a', 'b']);
    expect(applyOverrides(row, edits([[4, 0, 'x']]))).toBe(row);
  });

  it('survive a round trip through their file form', () => {
    const original = edits(
      [
        [7, 1, 'x'],
        [2, 0, ''],
      ],
      [4, 5, 9],
      [2, 7],
    );
    const back = fromRowEditsFile(toRowEditsFile(original));
    expect(toRowEditsFile(back)).toEqual(toRowEditsFile(original));
    expect(back.skip.has(5)).toBe(true);
    expect(back.only?.has(3)).toBe(false);
  });
});

describe('an import job with row edits', () => {
  it('sends a fixed row, leaves a skipped row out and reports it as skipped', async () => {
    const { options, emulator } = await setup(20, [5, 9]);
    // Row 5 gets a readable timestamp in column 1 (occurred_at); row 12 is skipped though valid.
    const job = startImportJob({
      ...options,
      edits: edits([[5, 1, '2024-05-01T10:00:00Z']], [12]),
    });
    const result = await job.done;

    expect(result.outcome).toBe('completed');
    expect(customers(emulator.received)).toHaveLength(18);
    expect(customers(emulator.received)).toContain('cus_3');
    expect(customers(emulator.received)).not.toContain('cus_10');
    const fixed = emulator.received.find((r) => r.event.identification.customer === 'cus_3');
    expect(fixed?.event.timestamp).toBe(Date.UTC(2024, 4, 1, 10));

    const report = Papa.parse<Record<string, string>>(
      (await readFile(options.reportPath as string, 'utf8')).slice(1),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(report.map((r) => [r['row'], r['error']?.startsWith('Skipped')])).toEqual([
      ['9', false],
      ['12', true],
    ]);
  });

  it('limited to some rows, sends only those and reports nothing else', async () => {
    const { options, emulator } = await setup(30, [4]);
    const result = await startImportJob({ ...options, edits: edits([], [], [3, 4, 20]) }).done;

    expect(result.outcome).toBe('completed');
    expect(customers(emulator.received)).toEqual(['cus_1', 'cus_18']);
    expect(result.reportRows).toBe(1);
  });

  it('applies the same edits when an interrupted job is resumed without them', async () => {
    const { options, emulator } = await setup(300, [250], { rate: { requests: 4, perMs: 1000 } });
    const first = startImportJob({
      ...options,
      maxInFlight: 1,
      edits: edits([[250, 1, '2024-06-01T00:00:00Z']], [260]),
      onProgress: (progress) => {
        if (progress.eventsSent >= 100) first.interrupt();
      },
    });
    const stopped = await first.done;
    expect(stopped.outcome).toBe('interrupted');
    expect(emulator.received.length).toBeLessThan(299);

    const resumed = await startImportJob({ ...options, resumeJobId: stopped.jobId ?? '' }).done;
    expect(resumed.outcome).toBe('completed');
    const sent = customers(emulator.received);
    expect(sent).toHaveLength(299);
    expect(new Set(sent).size).toBe(299);
    expect(sent).toContain('cus_248');
    expect(sent).not.toContain('cus_258');
  });
});
