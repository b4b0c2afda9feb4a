import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows, type DataRow, type ReadRowsOptions, type RowChunk } from './reader';
import type { RowIssue } from '../../../shared/issues';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reader-resume-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const WESTERN = ['a', 'Z', '1', ' ', 'é', 'ü', 'ß', '€', ',', '"', '\n', '\r\n'];
const ANY = [...WESTERN, '😀', '李', 'Ω'];

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text);
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'windows-1252':
      return iconv.encode(text, 'windows-1252');
  }
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

const fileArbitrary = fc
  .record({
    encoding: fc.constantFrom<Encoding>(
      'utf-8',
      'utf-8-bom',
      'utf-16le',
      'utf-16be',
      'windows-1252',
    ),
    lineEnding: fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\r\n', '\r'),
    columns: fc.integer({ min: 2, max: 4 }),
    trailingLineBreak: fc.boolean(),
    chunkChars: fc.integer({ min: 1, max: 48 }),
  })
  .chain((shape) => {
    const alphabet = shape.encoding === 'windows-1252' ? WESTERN : ANY;
    // A value holding a line break and commas could look like rows a stray quote swallowed,
    // which the reader reports instead (runaway-quote.ts, tested in csv-shapes.test.ts).
    const cell = fc
      .array(fc.constantFrom(...alphabet), { maxLength: 6 })
      .map((parts) => parts.join(''))
      .filter((value) => !(/[\r\n]/.test(value) && value.includes(',')));
    const record = fc.oneof(
      {
        weight: 8,
        arbitrary: fc.array(cell, { minLength: shape.columns, maxLength: shape.columns }),
      },
      { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: shape.columns + 2 }) },
      { weight: 1, arbitrary: fc.constant<string[]>(['']) },
    );
    return fc.record({
      shape: fc.constant(shape),
      records: fc.array(record, { minLength: 1, maxLength: 12 }),
    });
  });

/** What the reader must yield: spreadsheet row numbers, blank rows left out, counts checked. */
function expected(records: string[][], columns: number) {
  const rows: DataRow[] = [];
  const issues: Pick<RowIssue, 'row' | 'kind'>[] = [];
  records.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((value) => value.trim() === '')) return;
    rows.push({ row, cells });
    if (cells.length !== columns) {
      issues.push({ row, kind: cells.length < columns ? 'too_few_fields' : 'too_many_fields' });
    }
  });
  return { rows, issues };
}

async function collect(path: string, options: ReadRowsOptions): Promise<RowChunk[]> {
  const chunks: RowChunk[] = [];
  for await (const chunk of readRows(path, options)) chunks.push(chunk);
  return chunks;
}

const summary = (chunks: RowChunk[]) => ({
  rows: chunks.flatMap((chunk) => chunk.rows),
  issues: chunks.flatMap((chunk) => chunk.issues.map(({ row, kind }) => ({ row, kind }))),
});

describe('readRows resume', () => {
  it('resumed from any chunk end, yields exactly the remaining rows with the same numbers', async () => {
    let file = 0;
    await fc.assert(
      fc.asyncProperty(fileArbitrary, async ({ shape, records }) => {
        const header = Array.from({ length: shape.columns }, (_, i) => `h${i + 1}`);
        const lines = [header, ...records].map((cells) => cells.map(quote).join(','));
        const text =
          lines.join(shape.lineEnding) + (shape.trailingLineBreak ? shape.lineEnding : '');
        const path = join(dir, `file-${(file += 1)}.csv`);
        await writeFile(path, encode(text, shape.encoding));
        const options: ReadRowsOptions = {
          encoding: shape.encoding === 'utf-8-bom' ? 'utf-8' : shape.encoding,
          delimiter: ',',
          lineEnding: shape.lineEnding,
          chunkChars: shape.chunkChars,
        };

        const chunks = await collect(path, options);
        const whole = summary(chunks);
        expect(whole).toEqual(expected(records, shape.columns));

        for (const cut of chunks) {
          const resumed = summary(
            await collect(path, {
              ...options,
              header,
              resumeFrom: { byteOffset: cut.endByteOffset, rowNumber: cut.nextRowNumber },
            }),
          );
          const after = (row: number) => row >= cut.nextRowNumber;
          expect(resumed).toEqual({
            rows: whole.rows.filter((row) => after(row.row)),
            issues: whole.issues.filter((issue) => after(issue.row)),
          });
        }
      }),
      { numRuns: 80 },
    );
  });
});
