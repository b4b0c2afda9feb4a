import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../engine/reading/reader';
import { eventsMapping, tempDir, writeEventsCsv } from '../engine/testing/csv-files';
import { ImportSession } from './import-session';

const NOW = Date.UTC(2025, 0, 1);

async function validated(rows: number, broken: number[] = []) {
  const dir = await tempDir();
  const file = await writeEventsCsv(dir, rows, broken);
  const session = await ImportSession.open('s-test', file);
  const progress: number[] = [];
  const result = await session.validate(eventsMapping, (p) => progress.push(p.rowsRead), NOW);
  return { session, result, progress, dir };
}

describe('an import session', () => {
  it('shows the file settings and first rows at once', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'semi.csv');
    await writeFile(file, 'Export of 2024\r\nevent;customer\r\nsignup;c1\r\n');
    const session = await ImportSession.open('s-1', file);
    const preview = session.preview();
    expect(preview).toMatchObject({ fileName: 'semi.csv', delimiter: ';', suggestedHeaderRow: 2 });
    const fixed = await session.configure({ headerRow: 2 });
    expect(fixed.header).toEqual(['event', 'customer']);
    expect(fixed.sampleRows).toEqual([{ row: 3, cells: ['signup', 'c1'] }]);
  });

  it('refuses a file that is not a text table with one clear message', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'book.xlsx');
    await writeFile(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]));
    const opening = ImportSession.open('s-2', file);
    await expect(opening).rejects.toBeInstanceOf(ReadError);
    await expect(opening).rejects.toThrow(/book\.xlsx/);
  });

  it('counts valid and invalid rows by kind of problem', async () => {
    const { result, progress } = await validated(40, [3, 7, 20]);
    expect(result).toMatchObject({
      result: 'valid',
      summary: {
        totalRows: 40,
        validRows: 37,
        invalidRows: 3,
        readyRows: 37,
        issueCounts: { timestamp_unparsed: 3 },
      },
    });
    expect(progress.at(-1)).toBe(40);
  });

  it('pages any part of a large file, and the problem rows alone', async () => {
    const { session } = await validated(5000, [2, 2500, 4999]);
    const page = await session.rows('all', 3210, 5);
    expect(page.total).toBe(5000);
    expect(page.rows.map((r) => r.row)).toEqual([3212, 3213, 3214, 3215, 3216]);
    expect(page.rows[0]?.cells[2]).toBe('cus_3210');

    const last = await session.rows('all', 4998, 10);
    expect(last.rows.map((r) => r.row)).toEqual([5000, 5001]);

    const problems = await session.rows('problems', 0, 10);
    expect(problems.total).toBe(3);
    expect(problems.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'error'],
      [2500, 'error'],
      [4999, 'error'],
    ]);
    expect(problems.rows[1]?.issues[0]).toMatchObject({
      column: 'occurred_at',
      kind: 'timestamp_unparsed',
    });
  });

  it('re-checks a row when a cell is typed over, without changing the file', async () => {
    const { session } = await validated(30, [5, 9]);
    const edited = await session.editCell(5, 1, '2024-04-01T10:00:00Z');
    expect(edited.row).toMatchObject({ row: 5, status: 'ok', edited: [1] });
    expect(edited.summary).toMatchObject({ validRows: 29, invalidRows: 1, editedRows: 1 });
    expect(edited.summary.issueCounts).toEqual({ timestamp_unparsed: 1 });

    // The fixed row stays in the problems view, marked fixed, until the next validation.
    const problems = await session.rows('problems', 0, 10);
    expect(problems.rows.map((r) => [r.row, r.status])).toEqual([
      [5, 'ok'],
      [9, 'error'],
    ]);
    // Typing the file's own text again takes the change back.
    const back = await session.editCell(5, 1, 'not a date');
    expect(back.row?.edited).toEqual([]);
    expect(back.summary.invalidRows).toBe(2);
  });

  it('skips rows one by one or every row with a problem, and reports them', async () => {
    const { session } = await validated(20, [4, 6]);
    let summary = await session.skipRows([10, 11], true);
    expect(summary).toMatchObject({ skippedRows: 2, readyRows: 16 });
    summary = await session.skipRows('problems', true);
    expect(summary).toMatchObject({ skippedRows: 4, readyRows: 16, skipProblems: true });
    const report = await session.rejectedRows();
    expect(report.map((r) => r.row)).toEqual([4, 6, 10, 11]);
    expect(report[0]?.error).toMatch(/^Skipped in the review\. .*not a date/);
    summary = await session.skipRows([10], false);
    expect(summary).toMatchObject({ skippedRows: 3, readyRows: 17 });
  });

  it('gives a job the edits, and only the refused rows when asked', async () => {
    const { session } = await validated(10, [3]);
    await session.editCell(3, 1, '2024-04-01T10:00:00Z');
    await session.skipRows([8], true);
    const all = session.jobInput('all');
    expect(all.expected).toEqual({ dataRows: 10, events: 9 });
    expect(all.edits.overrides.get(3)?.get(1)).toBe('2024-04-01T10:00:00Z');
    expect(all.edits.skip.has(8)).toBe(true);

    session.setRefused(new Map([[6, 'Bad event name']]));
    const refused = session.jobInput('refused');
    expect(refused.expected.events).toBe(1);
    expect(refused.edits.only?.has(6)).toBe(true);
    const shown = await session.rows('refused', 0, 10);
    expect(shown.rows[0]?.issues.at(-1)?.message).toMatch(/Bad event name/);
  });
});
