import fc from 'fast-check';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReportWriter, csvField, reportHeader, writeRejectedReport } from './report';
import type { ReportRow } from './report';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'report-'));
  file = path.join(dir, 'rejected.csv');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function parse(text: string, delimiter = ','): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('the rejected-rows report', () => {
  it('starts with a UTF-8 byte-order mark, then row, error and the original columns', async () => {
    const rows: ReportRow[] = [
      { row: 9, error: 'The customer ID is empty.', cells: ['Zoë Müller', '', 'Straße'] },
      {
        row: 3,
        error: 'The timestamp "31.02.2024" is not a date.',
        cells: ['Renée', 'cus_1', '31.02.2024'],
      },
    ];
    expect(await writeRejectedReport(file, ['Name', 'Kunden-ID', 'Datum'], rows)).toBe(2);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(bytes.toString('utf8'))).toEqual([
      ['row', 'error', 'Name', 'Kunden-ID', 'Datum'],
      ['3', 'The timestamp "31.02.2024" is not a date.', 'Renée', 'cus_1', '31.02.2024'],
      ['9', 'The customer ID is empty.', 'Zoë Müller', '', 'Straße'],
    ]);
    expect(await readdir(dir)).toEqual(['rejected.csv']);
  });

  it('gives back every cell exactly, whatever it holds', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'é', ' ', ',', ';', '"', '\n', '\r', '=', '\t', '€', '😀'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(',', ';', '\t'),
        async (cellRows, delimiter) => {
          const rows = cellRows.map((cells, i) => ({ row: i + 2, error: 'Problem.', cells }));
          await writeRejectedReport(file, ['a b', 'c,d', 'e"f'], rows, { delimiter });
          const parsed = parse(await readFile(file, 'utf8'), delimiter);
          expect(parsed[0]).toEqual(['row', 'error', 'a b', 'c,d', 'e"f']);
          expect(parsed.slice(1)).toEqual(
            cellRows.map((cells, i) => [String(i + 2), 'Problem.', ...cells]),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps formulas in the data as they were, but makes an error message starting with = inert', async () => {
    const rows = [
      {
        row: 2,
        error: '=HYPERLINK("http://evil.example")',
        cells: ['=1+1', '+49 30 1234', '@home'],
      },
    ];
    await writeRejectedReport(file, ['a', 'b', 'c'], rows);
    expect(parse(await readFile(file, 'utf8'))[1]).toEqual([
      '2',
      `'=HYPERLINK("http://evil.example")`,
      '=1+1',
      '+49 30 1234',
      '@home',
    ]);
  });

  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a;b')).toBe('a;b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('')).toBe('');
  });

  it('renames its own columns when the file already has a "row" or "error" column', () => {
    expect(reportHeader(['row', 'error', 'name'])).toEqual([
      '_row',
      '_error',
      'row',
      'error',
      'name',
    ]);
    expect(reportHeader(['name'])).toEqual(['row', 'error', 'name']);
  });

  it('keeps rows with more or fewer cells than the header as they were', async () => {
    const rows = [
      { row: 4, error: 'More cells than columns.', cells: ['a', 'b', 'c', 'extra'] },
      { row: 5, error: 'Fewer cells than columns.', cells: ['a'] },
    ];
    await writeRejectedReport(file, ['x', 'y', 'z'], rows);
    const text = await readFile(file, 'utf8');
    expect(text.split('\r\n').slice(1, 3)).toEqual([
      '4,More cells than columns.,a,b,c,extra',
      '5,Fewer cells than columns.,a',
    ]);
  });

  it('streams rows in order, refuses rows out of order, and leaves nothing behind when aborted', async () => {
    const writer = createReportWriter(file, ['a']);
    await writer.add({ row: 2, error: 'e', cells: ['1'] });
    await expect(writer.add({ row: 2, error: 'e', cells: ['1'] })).rejects.toThrow(RangeError);
    await writer.abort();
    expect(await readdir(dir)).toEqual([]);

    const streamed = createReportWriter(file, ['a']);
    for (let row = 2; row < 5_002; row += 1)
      await streamed.add({ row, error: 'e', cells: ['x'.repeat(50)] });
    expect(await streamed.close()).toBe(5_000);
    expect(parse(await readFile(file, 'utf8'))).toHaveLength(5_001);
  });
});
