import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadError, sniffFile } from './reader';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../e2e/fixtures/${name}`, import.meta.url));

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sniff-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function temp(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function readError(promise: Promise<unknown>): Promise<ReadError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ReadError);
  return error as ReadError;
}

describe('sniffFile: encodings', () => {
  it('reads Excel "CSV UTF-8": BOM, CRLF, quoted commas, quotes and line breaks', async () => {
    const result = await sniffFile(fixture('utf8-bom-crlf.csv'));
    expect(result).toMatchObject({
      fileName: 'utf8-bom-crlf.csv',
      encoding: 'utf-8',
      encodingSource: 'bom',
      bom: true,
      delimiter: ',',
      lineEnding: '\r\n',
      header: ['event_name', 'occurred_at', 'customer_id', 'contact_id', 'note'],
    });
    expect(result.sampleRows.map((row) => row.row)).toEqual([2, 3, 4]);
    expect(result.sampleRows[0]?.cells[4]).toBe('Hello, world');
    expect(result.sampleRows[1]?.cells[4]).toBe('She said "yes"\r\nthen left');
    expect(result.sampleRows[2]?.cells[4]).toBe('Zoë Müller');
  });

  it.each([
    ['utf16le-bom.tsv', 'utf-16le', '\t'],
    ['utf16be-bom.csv', 'utf-16be', ','],
  ])('reads %s by its BOM', async (name, encoding, delimiter) => {
    const result = await sniffFile(fixture(name));
    expect(result).toMatchObject({ encoding, bom: true, delimiter, lineEnding: '\r\n' });
    expect(result.header).toEqual(['name', 'city', 'amount']);
    expect(result.sampleRows.map((row) => row.cells)).toEqual([
      ['Zoë', 'Köln', '12,50 €'],
      ['Łukasz', 'Wrocław', '3'],
      ['李', '北京', '7'],
    ]);
  });

  it('decodes a Windows-1252 semicolon file with accents and the euro sign', async () => {
    const result = await sniffFile(fixture('windows-1252-semicolon.csv'));
    expect(result).toMatchObject({ encoding: 'windows-1252', bom: false, delimiter: ';' });
    expect(result.header).toEqual(['Kunde', 'Stadt', 'Betrag', 'Notiz']);
    expect(result.sampleRows.map((row) => row.cells)).toEqual([
      ['Müller', 'Köln', '12,50 €', 'Straße 5'],
      ['Élodie', 'Besançon', '3,00 €', 'café crème'],
      ['Jürgen', 'Düsseldorf', '1.234,56 €', 'Grüße'],
    ]);
  });

  it('reads UTF-16 without a BOM by its zero bytes', async () => {
    const path = await temp('no-bom-utf16.csv', Buffer.from('id,name\n1,Zoë\n', 'utf16le'));
    const result = await sniffFile(path);
    expect(result).toMatchObject({ encoding: 'utf-16le', bom: false, header: ['id', 'name'] });
    expect(result.sampleRows[0]?.cells).toEqual(['1', 'Zoë']);
  });

  it('takes plain ASCII as UTF-8', async () => {
    const path = await temp('ascii.csv', 'id,name\n1,Ann\n');
    expect(await sniffFile(path)).toMatchObject({
      encoding: 'utf-8',
      encodingSource: 'valid-utf-8',
    });
  });

  it('uses a chosen encoding, and a BOM still wins over it', async () => {
    const latin = await temp('latin.csv', iconv.encode('id,name\n1,Zoë\n', 'windows-1252'));
    const chosen = await sniffFile(latin, { encoding: 'iso-8859-15' });
    expect(chosen).toMatchObject({ encoding: 'iso-8859-15', encodingSource: 'chosen' });
    expect(chosen.sampleRows[0]?.cells).toEqual(['1', 'Zoë']);
    const bom = await sniffFile(fixture('utf8-bom-crlf.csv'), { encoding: 'windows-1252' });
    expect(bom).toMatchObject({ encoding: 'utf-8', encodingSource: 'bom' });
  });

  it('refuses an encoding name it does not know, in plain words', async () => {
    const error = await readError(sniffFile(fixture('cr-only.csv'), { encoding: 'klingon-8' }));
    expect(error.reason).toBe('unknown_encoding');
    expect(error.message).toContain('"klingon-8" is not a text encoding this app knows');
  });

  it('says so when a file chosen as UTF-8 is not', async () => {
    const error = await readError(
      sniffFile(fixture('windows-1252-semicolon.csv'), { encoding: 'utf-8' }),
    );
    expect(error.reason).toBe('bad_encoding');
    expect(error.message).toMatch(/not valid UTF-8 text.*Windows-1252/);
  });
});

describe('sniffFile: layout', () => {
  it('reads CR-only line endings', async () => {
    const result = await sniffFile(fixture('cr-only.csv'));
    expect(result.lineEnding).toBe('\r');
    expect(result.sampleRows.map((row) => row.cells)).toEqual([
      ['1', 'Ann', 'Paris'],
      ['2', 'Bob, Jr.', 'Berlin'],
      ['3', 'Cé', 'Wien'],
    ]);
  });

  it.each([
    ['tab-delimited.tsv', '\t', ['2', 'Bob', 'quoted\ttab']],
    ['pipe-delimited.csv', '|', ['2', 'Bob', 'x | y']],
  ])('detects the delimiter of %s', async (name, delimiter, second) => {
    const result = await sniffFile(fixture(name));
    expect(result).toMatchObject({ delimiter, delimiterSource: 'detected' });
    expect(result.header).toEqual(['id', 'name', 'note']);
    expect(result.sampleRows[1]?.cells).toEqual(second);
  });

  it('uses a chosen delimiter and refuses one it cannot read', async () => {
    const chosen = await sniffFile(fixture('pipe-delimited.csv'), { delimiter: ',' });
    expect(chosen).toMatchObject({ delimiter: ',', delimiterSource: 'chosen' });
    expect(chosen.header).toEqual(['id|name|note']);
    const error = await readError(sniffFile(fixture('pipe-delimited.csv'), { delimiter: '::' }));
    expect(error.reason).toBe('bad_option');
  });

  it('reads a header below title lines and suggests its row when left to the default', async () => {
    const guessed = await sniffFile(fixture('title-lines.csv'));
    expect(guessed.suggestedHeaderRow).toBe(3);
    const result = await sniffFile(fixture('title-lines.csv'), { headerRow: 3 });
    expect(result.header).toEqual(['id', 'name', 'email']);
    expect(result.suggestedHeaderRow).toBeNull();
    expect(result.sampleRows).toEqual([
      { row: 4, cells: ['1', 'Ann', 'ann@example.com'] },
      { row: 5, cells: ['2', 'Bob', 'bob@example.com'] },
    ]);
  });

  it('makes header names distinct, trimmed, and names blank ones by position', async () => {
    const result = await sniffFile(fixture('duplicate-headers.csv'));
    expect(result.header).toEqual([
      'Email',
      'Name',
      'Email (3)',
      'Column 4',
      'Email (4)',
      'Email (2)',
    ]);
  });

  it('leaves out blank lines but keeps their row numbers', async () => {
    const result = await sniffFile(fixture('blank-lines.csv'));
    expect(result.sampleRows).toEqual([
      { row: 2, cells: ['1', 'Ann'] },
      { row: 4, cells: ['2', 'Bob'] },
      { row: 7, cells: ['3', 'Cé'] },
    ]);
  });

  it('returns only as many sample rows as asked, and reads only the start of a big file', async () => {
    const big = await temp('big.csv', `id,name\n${'1,Ann\n'.repeat(200_000)}`);
    const result = await sniffFile(big, {}, { sampleRows: 5 });
    expect(result.sampleRows.map((row) => row.row)).toEqual([2, 3, 4, 5, 6]);
    expect(result.fileSize).toBe(8 + 6 * 200_000);
  });
});

describe('sniffFile: files it cannot read', () => {
  const zipEntry = (name: string) =>
    Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]),
      Buffer.alloc(16),
      Buffer.from([name.length, 0, 0, 0]),
      Buffer.from(name),
      Buffer.from([0x8d, 0x52, 0xcb, 0x6e, 0x83, 0x30, 0x10, 0xbc]),
    ]);

  it.each([
    [
      'customers.xlsx',
      Buffer.concat([zipEntry('[Content_Types].xml'), zipEntry('xl/workbook.xml')]),
      'customers.xlsx is an Excel workbook, not a CSV file. In Excel, use File > Save As > CSV UTF-8, then choose that file.',
    ],
    [
      'export.zip',
      zipEntry('export/customers.csv'),
      'export.zip is a ZIP archive, not a CSV file. Unzip it first, then choose the CSV file inside.',
    ],
    [
      'old.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'old.xls is an Excel workbook in the older .xls format',
    ],
    [
      'report.pdf',
      Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'),
      'report.pdf is a PDF document, not a CSV file.',
    ],
    [
      'logo.png',
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ]),
      'logo.png is an image, not a CSV file.',
    ],
    [
      'data.bin',
      Buffer.from([0x01, 0x02, 0x00, 0x41, 0x42, 0x00, 0x00, 0x00, 0x7f, 0x10, 0x00, 0x03]),
      'data.bin does not look like a CSV file: it contains binary data, not text.',
    ],
  ])('gives one clear error for %s', async (name, bytes, message) => {
    const error = await readError(sniffFile(await temp(name, bytes)));
    expect(error.reason).toBe('not_text');
    expect(error.message).toContain(message);
  });

  it('says when the file is missing, a folder, or empty', async () => {
    const missing = await readError(sniffFile(join(dir, 'gone.csv')));
    expect(missing).toMatchObject({ reason: 'not_found' });
    expect(missing.message).toBe(
      'gone.csv was not found. It may have been moved, renamed or deleted: choose the file again.',
    );
    await mkdir(join(dir, 'folder.csv'));
    const folder = await readError(sniffFile(join(dir, 'folder.csv')));
    expect(folder).toMatchObject({ reason: 'unreadable' });
    expect(folder.message).toContain('folder.csv is a folder, not a file.');
    const empty = await readError(sniffFile(await temp('empty.csv', '')));
    expect(empty).toMatchObject({ reason: 'empty' });
    expect(empty.message).toContain('empty.csv is empty');
    const blank = await readError(sniffFile(await temp('blank.csv', '\n\n  \n')));
    expect(blank).toMatchObject({ reason: 'empty' });
  });

  it('says when the header row is beyond the end or blank', async () => {
    const short = await readError(sniffFile(fixture('title-lines.csv'), { headerRow: 9 }));
    expect(short.message).toBe(
      'title-lines.csv has only 5 rows, so row 9 cannot be its header. Set the header row to the row that holds the column names.',
    );
    const blank = await readError(sniffFile(fixture('blank-lines.csv'), { headerRow: 3 }));
    expect(blank.message).toContain('Row 3 of blank-lines.csv is empty');
    const zero = await readError(sniffFile(fixture('blank-lines.csv'), { headerRow: 0 }));
    expect(zero.reason).toBe('bad_option');
  });

  // Root reads any file whatever its permissions, so this one is skipped when run as root.
  it.skipIf(process.getuid?.() === 0)(
    'says when it may not read the file (not as root)',
    async () => {
      const path = await temp('locked.csv', 'id\n1\n');
      await chmod(path, 0o000);
      const error = await readError(sniffFile(path));
      expect(error.message).toContain('You do not have permission to read locked.csv');
    },
  );
});
