import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodingSentence } from '../../../shared/encodings';
import { readRows, sniffFile, type ReadRowsOptions, type SniffResult } from './reader';

// CSV shapes from real exports, read as a person would notice them: row
// numbers, sentences, which rows can be sent.

const exportFixture = (name: string) =>
  fileURLToPath(new URL(`../../../e2e/fixtures/exports/${name}`, import.meta.url));

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csv-shapes-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every row and issue of a file read as `sniffFile` found it (as validation reads it). */
async function readSniffed(file: SniffResult, options: ReadRowsOptions = {}) {
  const rows = [];
  const issues = [];
  for await (const chunk of readRows(file.path, {
    encoding: file.encoding,
    delimiter: file.delimiter,
    headerRow: file.headerRow,
    lineEnding: file.lineEnding,
    header: file.header,
    headerWidth: file.headerWidth,
    ...options,
  })) {
    rows.push(...chunk.rows);
    issues.push(...chunk.issues);
  }
  return { rows, issues };
}

describe('a stray quote', () => {
  it('that runs to the end of the file: rows 3 to 7 are in error, none sendable', async () => {
    const file = await sniffFile(exportFixture('stray-quote.csv'));
    const { rows, issues } = await readSniffed(file);
    expect(rows.map((row) => row.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rows.find((row) => row.row === 3)?.cells).toEqual(['c-2', 'login', '"Big customer']);
    expect(rows.find((row) => row.row === 5)?.cells).toEqual(['c-4', 'purchase', 'fine']);
    expect(issues.map((issue) => issue.row)).toEqual([3, 4, 5, 6, 7]);
    expect(new Set(issues.map((issue) => issue.kind))).toEqual(new Set(['unclosed_quote']));
    expect(issues[0]?.message).toBe(
      'A double quote (") opens a value in row 3 and never closes, so rows 3 to 7 were read as one cell, up to the end of the file. None of them is sent: check row 3 in a text editor (a quote inside a value is written twice, ""), then read the file again.',
    );
    expect(issues[2]?.message).toMatch(/^Row 5 was read into the value that a double quote/);
    // The preview numbers the rows alike.
    expect(file.sampleRows.map((row) => row.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('that a later quote closes (no parser error at all): rows 3 to 7 in error, rows 8 and 9 read again', async () => {
    const file = await sniffFile(exportFixture('stray-quote-closed.csv'));
    const { rows, issues } = await readSniffed(file, { chunkChars: 16 });
    expect(rows.map((row) => row.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(issues.map((issue) => issue.row)).toEqual([3, 4, 5, 6, 7]);
    expect(issues[0]?.message).toContain(
      'opens a value in row 3 and never closes, so rows 3 to 7 were read as one cell.',
    );
    expect(rows.find((row) => row.row === 7)?.cells).toEqual(['c-6', 'purchase', 'Monitor 27"']);
    expect(rows.find((row) => row.row === 8)?.cells).toEqual(['c-7', 'login', 'fine']);
    for (const row of rows) expect(row.cells.join('')).not.toMatch(/[\r\n]/);
  });

  it('that papaparse finds malformed (a quote inside the swallowed lines) is caught too', async () => {
    const path = join(dir, 'invalid-quotes.csv');
    await writeFile(path, 'id,event,note\n1,a,"Big\n2,b,27" screen\n3,c,x"\n4,d,fine\n');
    const { rows, issues } = await readSniffed(await sniffFile(path));
    expect(issues.map((issue) => issue.row)).toEqual([2, 3, 4]);
    expect(rows.map((row) => row.row)).toEqual([2, 3, 4, 5]);
    expect(rows.at(-1)?.cells).toEqual(['4', 'd', 'fine']);
  });

  it('leaves a quoted value with line breaks alone when its lines do not look like rows', async () => {
    const path = join(dir, 'address.csv');
    await writeFile(path, 'id,event,address\n1,a,"Main St 1\nBerlin"\n2,b,x\n');
    const { rows, issues } = await readSniffed(await sniffFile(path));
    expect(issues).toEqual([]);
    expect(rows.map((row) => [row.row, row.cells[2]])).toEqual([
      [2, 'Main St 1\nBerlin'],
      [3, 'x'],
    ]);
  });

  it('never yields a row mixing lines, and numbers rows by lines after it (property)', async () => {
    const value = fc.stringMatching(/^[a-z0-9 ]{0,6}$/);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 5 }).chain((width) =>
          fc.record({
            lines: fc.array(fc.array(value, { minLength: width, maxLength: width }), {
              minLength: 2,
              maxLength: 12,
            }),
            open: fc.nat(),
            close: fc.option(fc.nat(), { nil: null }),
            chunkChars: fc.integer({ min: 1, max: 64 }),
          }),
        ),
        async ({ lines, open, close, chunkChars }) => {
          const width = lines[0]?.length ?? 3;
          const at = open % lines.length;
          const end = close === null ? null : at + 1 + (close % Math.max(1, lines.length - at));
          const text = lines.map((cells, i) => {
            const copy = cells.map((cell) => `x${cell}`);
            if (i === at) copy[width - 1] = `"${copy[width - 1] ?? ''}`;
            if (end !== null && i === end) copy[width - 1] = `${copy[width - 1] ?? ''}"`;
            return copy.join(',');
          });
          const path = join(dir, `property-${(run += 1)}.csv`);
          const header = Array.from({ length: width }, (_, i) => `c${i}`).join(',');
          await writeFile(path, `${header}\n${text.join('\n')}\n`);
          const { rows, issues } = await readSniffed(await sniffFile(path), { chunkChars });
          const last = end !== null && end < lines.length ? end : lines.length - 1;
          const broken = new Set(issues.map((issue) => issue.row));
          lines.forEach((_, i) => {
            const row = i + 2;
            expect(broken.has(row)).toBe(i >= at && i <= last);
          });
          expect(rows.map((row) => row.row)).toEqual(lines.map((_, i) => i + 2));
          for (const row of rows) {
            expect(row.cells.join('')).not.toMatch(/\n/);
            if (!broken.has(row.row)) {
              expect(row.cells).toEqual(lines[row.row - 2]?.map((cell) => `x${cell}`));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('blank lines above the header', () => {
  it('are skipped when the header row was not set', async () => {
    const file = await sniffFile(exportFixture('blank-lines-above-header.csv'));
    expect(file.headerRow).toBe(4);
    expect(file.header).toEqual(['customer_id', 'event']);
    expect(file.suggestedHeaderRow).toBeNull();
    const { rows, issues } = await readSniffed(file);
    expect(rows.map((row) => row.row)).toEqual([5, 6]);
    expect(issues).toEqual([]);
    // Read without a header row, the reader finds the same one.
    const direct = [];
    for await (const chunk of readRows(file.path)) direct.push(...chunk.rows);
    expect(direct.map((row) => row.row)).toEqual([5, 6]);
  });

  it('still make a header row set to a blank row an error', async () => {
    await expect(
      sniffFile(exportFixture('blank-lines-above-header.csv'), { headerRow: 2 }),
    ).rejects.toThrow(/Row 2 of blank-lines-above-header.csv is empty/);
  });
});

describe('a preamble of key;value lines', () => {
  it('suggests row 14 of the German bank export, and reads the table from there', async () => {
    const path = exportFixture('german-bank-preamble.csv');
    const file = await sniffFile(path);
    expect(file.headerRow).toBe(1);
    expect(file.suggestedHeaderRow).toBe(14);
    const applied = await sniffFile(path, { headerRow: 14 });
    expect(applied.header[0]).toBe('Buchungstag');
    expect(applied.header).toHaveLength(7);
    expect(applied.suggestedHeaderRow).toBeNull();
    const { rows, issues } = await readSniffed(applied);
    expect(rows.map((row) => row.row)).toEqual([15, 16, 17]);
    expect(issues).toEqual([]);
  });
});

describe('a header that ends with a separator', () => {
  it('has no nameless last column, and rows without the empty last value are whole', async () => {
    const file = await sniffFile(exportFixture('trailing-separator-header.csv'));
    expect(file.header).toEqual(['customer_id', 'event', 'amount']);
    const { rows, issues } = await readSniffed(file, { chunkChars: 8 });
    expect(issues).toEqual([]);
    expect(rows.map((row) => row.cells)).toEqual([
      ['c-1', 'invoice', '10,50'],
      ['c-2', 'invoice', '20,00'],
      ['c-3', 'refund', '-5,00'],
    ]);
  });

  it('accepts rows that end with the separator too, but not a value under the nameless column', async () => {
    const path = join(dir, 'trailing-mixed.csv');
    // Past the sniff's first 256 KB, where no row had a value under the nameless column.
    const rows = Array.from({ length: 30_000 }, (_, i) => `c-${i};a;1${i % 2 === 0 ? ';' : ''}`);
    await writeFile(path, ['id;event;amount;', ...rows, 'c-x;a;1;surprise', ''].join('\n'));
    const file = await sniffFile(path);
    expect(file.header).toEqual(['id', 'event', 'amount']);
    const read = await readSniffed(file);
    expect(read.issues.map((issue) => [issue.row, issue.kind])).toEqual([
      [30_002, 'too_many_fields'],
    ]);
    expect(read.rows.filter((row) => row.cells.length === 3)).toHaveLength(30_000);
    // Resumed in the middle, rows read alike.
    const resumed = [];
    for await (const chunk of readRows(path, {
      encoding: file.encoding,
      delimiter: file.delimiter,
      headerRow: file.headerRow,
      lineEnding: file.lineEnding,
      header: file.header,
      headerWidth: file.headerWidth,
      resumeFrom: { byteOffset: 'id;event;amount;\nc-0;a;1;\n'.length, rowNumber: 3 },
    })) {
      resumed.push(...chunk.issues);
    }
    expect(resumed.map((issue) => issue.row)).toEqual([30_002]);
  });

  it('keeps a nameless column that holds values, as "Column 4"', async () => {
    const path = join(dir, 'nameless-with-values.csv');
    await writeFile(path, 'id;event;amount;\nc-1;a;1;note\nc-2;a;2;\n');
    const file = await sniffFile(path);
    expect(file.header).toEqual(['id', 'event', 'amount', 'Column 4']);
  });
});

describe('Central European files on a Central European computer', () => {
  // Every byte of these lines is defined in windows-1252 too, which reads them as mojibake without
  // an error: only this computer's code page can decide.
  it.each([
    ['Czech', 'Zákazník;Událost\nJiří Řezníček;přihlášení\nŽofie Dvořáková;přihlášení\n'],
    ['Polish', 'Klient;Zdarzenie\nŁukasz Wąsowski;logowanie\nZażółć Gęślą;zakup\n'],
    ['Hungarian', 'Ügyfél;Esemény\nÁrvíztűrő Tükörfúrógép;bejelentkezés\nŐri Ödön;vásárlás\n'],
  ])('%s text reads as windows-1250', async (language, text) => {
    const { default: iconv } = await import('iconv-lite');
    const path = join(dir, `${language}.csv`);
    const bytes = iconv.encode(text, 'windows-1250');
    expect(iconv.decode(bytes, 'windows-1252')).not.toContain('\uFFFD');
    await writeFile(path, bytes);
    const file = await sniffFile(path, {}, { systemCodePage: 'windows-1250' });
    expect(file.encoding).toBe('windows-1250');
    const lines = text.trim().split('\n').slice(1);
    const { rows } = await readSniffed(file);
    expect(rows.map((row) => row.cells.join(';'))).toEqual(lines);
    // readRows left to detect the encoding itself decides alike.
    const detected = [];
    for await (const chunk of readRows(path, { systemCodePage: 'windows-1250' })) {
      detected.push(...chunk.rows);
    }
    expect(detected.map((row) => row.cells.join(';'))).toEqual(lines);
  });

  it.each([
    ['czech-crm-windows-1250.csv', 'Jiří Šťastný'],
    ['polish-windows-1250.csv', 'Łukasz Wąsowski'],
    ['hungarian-windows-1250.csv', 'Árvíztűrő Tükörfúrógép'],
  ])('the export %s reads as windows-1250', async (name, customer) => {
    const file = await sniffFile(exportFixture(name), {}, { systemCodePage: 'windows-1250' });
    expect(file.encoding).toBe('windows-1250');
    expect(file.sampleRows[0]?.cells[0]).toBe(customer);
  });

  it('says when the code page of this computer decided, and what else the file could be', async () => {
    const path = exportFixture('czech-contacts-windows-1250.csv');
    const file = await sniffFile(path, {}, { systemCodePage: 'windows-1250' });
    expect(file).toMatchObject({
      encoding: 'windows-1250',
      encodingSource: 'system',
      encodingAlternative: 'windows-1252',
    });
    expect(encodingSentence(file)).toBe(
      'windows-1250 (Central European): the code page Excel writes on this computer; the file could also be windows-1252 (Western European).',
    );
    expect(file.sampleRows[0]?.cells[4]).toBe('Účet ověřen');
  });

  it('on a Western computer the Hungarian export reads as windows-1252, saying it could be windows-1250', async () => {
    const file = await sniffFile(exportFixture('hungarian-windows-1250.csv'));
    expect(encodingSentence(file)).toBe(
      'windows-1252 (Western European): the code page Excel writes on this computer; the file could also be windows-1250 (Central European).',
    );
  });
});

describe('multi-byte legacy files', () => {
  it.each([
    ['big5-crm.csv', 'big5', '陳大文'],
    ['shift-jis-crm.csv', 'shift_jis', '山田太郎'],
    ['euc-kr-crm.csv', 'euc-kr', '김민준'],
  ])('%s is detected as %s', async (name, encoding, first) => {
    const file = await sniffFile(exportFixture(name), {}, { systemCodePage: 'windows-1252' });
    expect(file.encoding).toBe(encoding);
    expect(encodingSentence(file)).toMatch(/: detected from the letters in the file\.$/);
    expect(file.sampleRows[0]?.cells[1]).toBe(first);
  });

  it('a GB18030 file the detector cannot tell from EUC-KR is flagged, and read right on a Chinese computer', async () => {
    const path = exportFixture('gb18030-crm.csv');
    const western = await sniffFile(path);
    expect(western.encodingSource).toBe('uncertain');
    expect(encodingSentence(western)).toContain('but not surely: check the preview');
    const chinese = await sniffFile(path, {}, { systemCodePage: 'gb18030' });
    expect(chinese.encoding).toBe('gb18030');
    expect(chinese.sampleRows[0]?.cells[1]).toBe('张伟');
  });

  it('a short Big5 file the detector is unsure of is flagged, with Big5 named', async () => {
    const path = join(dir, 'short-big5.csv');
    const { default: iconv } = await import('iconv-lite');
    await writeFile(path, iconv.encode('id,name\n1,陳大文\n', 'big5'));
    const file = await sniffFile(path);
    expect(file).toMatchObject({ encodingSource: 'uncertain', encodingAlternative: 'big5' });
    expect(encodingSentence(file)).toContain(
      'looks like big5 (Traditional Chinese) but not surely: check the preview, and choose big5 if the text reads wrong',
    );
  });

  it('a short Latin-1 file is Western European, not Turkish', async () => {
    for (const systemCodePage of ['windows-1252', 'windows-1250']) {
      const file = await sniffFile(exportFixture('short-latin1.csv'), {}, { systemCodePage });
      expect(file.encoding).not.toBe('windows-1254');
    }
    const western = await sniffFile(exportFixture('short-latin1.csv'));
    expect(western.encoding).toBe('windows-1252');
    expect(western.sampleRows[0]?.cells).toEqual(['Zoë Aubé', 'Genève']);
  });
});
