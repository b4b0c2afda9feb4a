import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/csv-files';
import { writeLargeWorkbook } from '../../testing/workbook-files';
import { compoundFile, zipBuffer } from '../../testing/zip-files';
import type { DataRow } from '../reader';
import { detectSourceFormat, readSourceRows, sniffSource, type SourceFile } from './source';

const fixtures = join(import.meta.dirname, '../../../../e2e/fixtures/workbooks');
let dir = '';

beforeAll(async () => {
  dir = await tempDir('source-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function allRows(path: string, file: SourceFile, from?: DataRow): Promise<DataRow[]> {
  const rows: DataRow[] = [];
  const resume = from ? { byteOffset: 1, rowNumber: from.row } : undefined;
  for await (const chunk of readSourceRows(path, file, resume, { chunkRows: 2 })) {
    rows.push(...chunk.rows);
  }
  return rows;
}

describe('opening a file by what it holds', () => {
  it('tells workbooks from text by content, whatever the name says', async () => {
    const csvNamedXls = join(dir, 'export.xls');
    await writeFile(csvNamedXls, 'event\tcustomer\nlogin\tcus_1\n');
    const xlsxNamedCsv = join(dir, 'renamed.csv');
    await copyFile(join(fixtures, 'czech-crm.xlsx'), xlsxNamedCsv);
    const plainZip = join(dir, 'photos.zip');
    await writeFile(plainZip, zipBuffer([{ name: 'photo.txt', data: 'x' }]));
    const formats = await Promise.all(
      [
        join(fixtures, 'czech-crm.xlsx'),
        join(fixtures, 'czech-crm.xlsm'),
        join(fixtures, 'czech-crm.xls'),
        join(fixtures, 'czech-crm.ods'),
        csvNamedXls,
        xlsxNamedCsv,
        plainZip,
        join(dir, 'missing.xlsx'),
      ].map(detectSourceFormat),
    );
    expect(formats).toEqual(['xlsx', 'xlsx', 'xls', 'ods', 'csv', 'xlsx', 'csv', 'csv']);
    const secret = join(dir, 'secret.xlsx');
    await writeFile(secret, compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    await expect(sniffSource(secret)).rejects.toThrow(/secret\.xlsx is protected with a password/);
    const csv = await sniffSource(csvNamedXls);
    expect(csv.format).toBe('csv');
    expect(csv.header).toEqual(['event', 'customer']);
  });

  it('reads the same rows and typed cells from .xlsx, .xls and .ods', async () => {
    const read = async (name: string) => {
      const path = join(fixtures, name);
      const file = await sniffSource(path);
      return { file, rows: await allRows(path, file) };
    };
    const xlsx = await read('czech-crm.xlsx');
    const xls = await read('czech-crm.xls');
    const ods = await read('czech-crm.ods');
    expect(xlsx.file.header).toEqual(xls.file.header);
    expect(xlsx.file.header).toEqual(ods.file.header);
    expect(xlsx.rows.map((r) => r.row)).toEqual([2, 3, 4, 6]); // the blank row 5 is left out
    expect(xls.rows).toEqual(xlsx.rows);
    // LibreOffice saves the booleans of an .ods as the numbers 1 and 0: they read as such.
    const active = 6;
    const withoutBooleans = (rows: DataRow[]) =>
      rows.map((row) => ({
        ...row,
        cells: row.cells.filter((_, i) => i !== active),
        typed: row.typed?.filter((_, i) => i !== active),
      }));
    expect(withoutBooleans(ods.rows)).toEqual(withoutBooleans(xlsx.rows));
    expect(ods.rows.map((row) => row.cells[active])).toEqual(['1', '0', '1', '0']);
    const first = xlsx.rows[0];
    expect(first?.cells.slice(3, 8)).toEqual([
      '2024-03-05T14:30:00',
      '1985-07-14',
      '12345.5',
      'true',
      '0.1',
    ]);
    expect(first?.typed?.slice(3, 8)).toEqual([
      { kind: 'date' },
      { kind: 'date' },
      { kind: 'number', value: 12345.5 },
      { kind: 'boolean', value: true },
      { kind: 'number', value: 0.1 },
    ]);
    expect(xlsx.rows[2]?.typed?.[7]).toEqual({
      kind: 'problem',
      problem: 'excel_error',
      message: 'H4 holds the Excel error #N/A',
    });
    expect(xlsx.rows[2]?.cells[1]).toBe(''); // the e-mail cell missing from the XML keeps its place
  });

  it('lists sheets with their rows and hidden state, reads the first visible one, and another by name', async () => {
    for (const name of ['three-sheets.xlsx', 'three-sheets.xls', 'three-sheets.ods']) {
      const path = join(fixtures, name);
      const file = await sniffSource(path);
      if (file.format === 'csv') throw new Error(`${name} read as text`);
      expect(file.workbook.sheets, name).toEqual([
        { name: 'Nastavení', state: 'hidden', rows: 2 },
        { name: 'Kontakty', state: 'visible', rows: 3 },
        { name: 'Objednávky', state: 'visible', rows: 6 },
      ]);
      expect(file.workbook.sheet).toBe('Kontakty');
      expect(file.header).toEqual(['Jméno', 'E-mail']);
      const orders = await sniffSource(path, { sheet: 'Objednávky' });
      expect(orders.header).toEqual(['Číslo', 'Částka']);
      expect((await allRows(path, orders)).map((row) => row.cells)).toHaveLength(5);
    }
  });

  it('resumes a sheet at a row number, and its progress grows to the file size', async () => {
    const path = join(dir, 'large.xlsx');
    await writeLargeWorkbook(path, 2000);
    const file = await sniffSource(path);
    const offsets: number[] = [];
    let count = 0;
    for await (const chunk of readSourceRows(path, file, undefined, { chunkRows: 300 })) {
      offsets.push(chunk.endByteOffset);
      count += chunk.rows.length;
    }
    expect(count).toBe(2000);
    expect(offsets[0]).toBeGreaterThan(0);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(offsets.at(-1)).toBe(file.fileSize);
    const resumed: number[] = [];
    for await (const chunk of readSourceRows(path, file, { byteOffset: 5, rowNumber: 1500 })) {
      resumed.push(...chunk.rows.map((row) => row.row));
    }
    expect(resumed[0]).toBe(1500);
    expect(resumed).toHaveLength(2001 - 1500 + 1);
  });
});
