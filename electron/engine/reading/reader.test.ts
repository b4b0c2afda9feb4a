import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadError, readRows, sniffFile, type ReadRowsOptions, type RowChunk } from './reader';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../e2e/fixtures/${name}`, import.meta.url));

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function temp(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function chunksOf(path: string, options: ReadRowsOptions = {}): Promise<RowChunk[]> {
  const chunks: RowChunk[] = [];
  for await (const chunk of readRows(path, options)) chunks.push(chunk);
  return chunks;
}

async function readAll(path: string, options: ReadRowsOptions = {}) {
  const chunks = await chunksOf(path, options);
  return {
    rows: chunks.flatMap((chunk) => chunk.rows),
    issues: chunks.flatMap((chunk) => chunk.issues),
    last: chunks[chunks.length - 1],
  };
}

async function readError(path: string, options: ReadRowsOptions = {}): Promise<ReadError> {
  const error = await chunksOf(path, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ReadError);
  return error as ReadError;
}

describe('readRows', () => {
  it('reads every data row of an Excel CSV with its spreadsheet row number', async () => {
    const path = fixture('utf8-bom-crlf.csv');
    const { rows, issues, last } = await readAll(path);
    expect(rows.map((row) => row.row)).toEqual([2, 3, 4]);
    expect(rows[1]?.cells).toEqual([
      'upgrade',
      '2024-04-02T10:30:00Z',
      'cus_2',
      'con_2',
      'She said "yes"\r\nthen left',
    ]);
    expect(issues).toEqual([]);
    expect(last?.endByteOffset).toBe((await stat(path)).size);
    expect(last?.nextRowNumber).toBe(5);
  });

  it('gives the same rows whatever the chunk size', async () => {
    for (const name of [
      'utf8-bom-crlf.csv',
      'utf16le-bom.tsv',
      'utf16be-bom.csv',
      'windows-1252-semicolon.csv',
      'cr-only.csv',
    ]) {
      const path = fixture(name);
      const sniffed = await sniffFile(path);
      const whole = await readAll(path, sniffed);
      const chunks = await chunksOf(path, { ...sniffed, chunkChars: 1 });
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.flatMap((chunk) => chunk.rows)).toEqual(whole.rows);
      const offsets = chunks.map((chunk) => chunk.endByteOffset);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(offsets[offsets.length - 1]).toBe((await stat(path)).size);
    }
  });

  it('decodes Windows-1252 and UTF-16 text', async () => {
    const latin = await readAll(fixture('windows-1252-semicolon.csv'));
    expect(latin.rows[0]?.cells).toEqual(['Müller', 'Köln', '12,50 €', 'Straße 5']);
    const utf16 = await readAll(fixture('utf16be-bom.csv'));
    expect(utf16.rows.map((row) => row.cells[0])).toEqual(['Zoë', 'Łukasz', '李']);
  });

  it('skips blank lines and rows of only delimiters, keeping the numbers of the rest', async () => {
    const { rows, issues } = await readAll(fixture('blank-lines.csv'));
    expect(rows).toEqual([
      { row: 2, cells: ['1', 'Ann'] },
      { row: 4, cells: ['2', 'Bob'] },
      { row: 7, cells: ['3', 'Cé'] },
    ]);
    expect(issues).toEqual([]);
  });

  it('reports rows with too few or too many values, in plain words', async () => {
    const { rows, issues } = await readAll(fixture('field-count.csv'));
    expect(rows.map((row) => row.row)).toEqual([2, 3, 4, 5]);
    expect(issues).toEqual([
      {
        row: 3,
        column: null,
        kind: 'too_few_fields',
        severity: 'error',
        message:
          'Row 3 has 2 values but the header has 3 columns. Check for a missing comma, or a line break inside a value that is not in double quotes.',
      },
      {
        row: 4,
        column: null,
        kind: 'too_many_fields',
        severity: 'error',
        message:
          'Row 4 has 4 values but the header has 3 columns. Check for a comma inside a value that is not in double quotes.',
      },
    ]);
  });

  it('counts a trailing delimiter as an extra value', async () => {
    const path = await temp('trailing.csv', 'a;b\n1;2;\n');
    const { issues } = await readAll(path);
    expect(issues.map((issue) => [issue.row, issue.kind])).toEqual([[2, 'too_many_fields']]);
    expect(issues[0]?.message).toContain('Check for a semicolon inside a value');
  });

  it('ignores the lines above the header row but counts them', async () => {
    const { rows, issues } = await readAll(fixture('title-lines.csv'), { headerRow: 3 });
    expect(rows).toEqual([
      { row: 4, cells: ['1', 'Ann', 'ann@example.com'] },
      { row: 5, cells: ['2', 'Bob', 'bob@example.com'] },
    ]);
    expect(issues).toEqual([]);
  });

  it('reads files that mix CRLF into LF lines without leaving CRs in values', async () => {
    const path = await temp('mixed.csv', 'id,name\n1,Ann\r\n2,"Bob"\r\n3,Cé\n');
    const { rows } = await readAll(path);
    expect(rows.map((row) => row.cells)).toEqual([
      ['1', 'Ann'],
      ['2', 'Bob'],
      ['3', 'Cé'],
    ]);
  });

  it('uses a chosen encoding and delimiter', async () => {
    const path = await temp('chosen.txt', iconv.encode('a|b\nÀ|ß\n', 'iso-8859-15'));
    const { rows } = await readAll(path, { encoding: 'ISO-8859-15', delimiter: '|' });
    expect(rows).toEqual([{ row: 2, cells: ['À', 'ß'] }]);
  });

  it('stops with the row number when UTF-8 text turns out not to be UTF-8 further down', async () => {
    const start = `id,name\n${'1,Ann\n'.repeat(60_000)}`;
    const path = await temp(
      'late-latin.csv',
      Buffer.concat([Buffer.from(start), iconv.encode('2,Müller\n3,Bob\n', 'windows-1252')]),
    );
    const sniffed = await sniffFile(path);
    expect(sniffed.encoding).toBe('utf-8');
    const error = await readError(path, sniffed);
    expect(error.reason).toBe('bad_encoding');
    expect(error.message).toContain(
      'Row 60002 of late-latin.csv has characters that are not valid UTF-8 text.',
    );
  });

  it('gives back the rows a quote that never closes swallowed, each in error', async () => {
    const path = await temp('open-quote.csv', 'id,name\n1,Ann\n2,"Bob\n3,Cé\n');
    const { rows, issues } = await readAll(path);
    expect(rows.map((row) => [row.row, row.cells])).toEqual([
      [2, ['1', 'Ann']],
      [3, ['2', '"Bob']],
      [4, ['3', 'Cé']],
    ]);
    expect(issues.map((issue) => [issue.row, issue.kind])).toEqual([
      [3, 'unclosed_quote'],
      [4, 'unclosed_quote'],
    ]);
    expect(issues[0]?.message).toContain(
      'opens a value in row 3 and never closes, so rows 3 to 4 were read as one cell',
    );
  });

  it('stops at a record longer than 16 MB instead of filling memory', async () => {
    const path = await temp(
      'runaway.csv',
      `id,note\n1,"never closed\n${'2,filler text\n'.repeat(1_300_000)}`,
    );
    const error = await readError(path, { encoding: 'utf-8', delimiter: ',', lineEnding: '\n' });
    expect(error.reason).toBe('record_too_large');
    expect(error.message).toContain('Row 2 of runaway.csv is longer than 16 MB.');
  });

  it('reports a missing file as a ReadError', async () => {
    const error = await readError(join(dir, 'nope.csv'), {
      encoding: 'utf-8',
      delimiter: ',',
      lineEnding: '\n',
    });
    expect(error.reason).toBe('not_found');
  });

  it('resumes from a chunk end, finding the header length itself when not given', async () => {
    const path = fixture('field-count.csv');
    const chunks = await chunksOf(path, { chunkChars: 1 });
    const whole = chunks.flatMap((chunk) => chunk.rows);
    const cut = chunks.find((chunk) => chunk.nextRowNumber === 4);
    if (!cut) throw new Error('expected a chunk to end before row 4');
    const rest = await readAll(path, {
      resumeFrom: { byteOffset: cut.endByteOffset, rowNumber: cut.nextRowNumber },
    });
    expect(rest.rows).toEqual(whole.filter((row) => row.row >= cut.nextRowNumber));
    expect(rest.issues.map((issue) => issue.row)).toEqual([4]);
  });
});
