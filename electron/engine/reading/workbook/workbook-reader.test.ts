import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/csv-files';
import { writeSheetWorkbook } from '../../testing/workbook-files';
import { cellProblem, cellText } from './cell-text';
import type { CellValue, WorkbookRow } from './cell-value';
import { listSheets, readSheetRows, sniffWorkbook } from './workbook-reader';

const fixtures = join(import.meta.dirname, '../../../../e2e/fixtures/workbooks');
const fixture = (name: string): string => join(fixtures, name);

async function allRows(path: string, options: Parameters<typeof readSheetRows>[1] = {}) {
  const rows: WorkbookRow[] = [];
  for await (const chunk of readSheetRows(path, options)) rows.push(...chunk.rows);
  return rows;
}

const texts = (cells: readonly CellValue[]): (string | null)[] => cells.map(cellText);

describe('a Czech CRM export saved by LibreOffice', () => {
  const path = fixture('czech-crm.xlsx');

  it('lists its sheet with the rows it spans, from the dimension', async () => {
    const info = await listSheets(path);
    expect(info.dateSystem).toBe(1900);
    expect(info.defaultSheet).toBe('Kontakty');
    expect(info.sheets).toEqual([
      {
        name: 'Kontakty',
        state: 'visible',
        kind: 'worksheet',
        part: 'xl/worksheets/sheet1.xml',
        rows: { firstRow: 1, lastRow: 6, count: 6, source: 'dimension' },
      },
    ]);
  });

  it('finds the header and samples the rows', async () => {
    const sniff = await sniffWorkbook(path);
    expect(sniff.sheet).toBe('Kontakty');
    expect(sniff.headerRow).toBe(1);
    expect(sniff.header).toEqual([
      'Jméno',
      'E-mail',
      'ID zákazníka',
      'Vytvořeno',
      'Narozen',
      'Tržby (Kč)',
      'Aktivní',
      'Sleva',
      'Celkem s DPH',
      'Poznámka',
    ]);
    expect(sniff.sampleRows.map((row) => row.row)).toEqual([2, 3, 4, 6]);
  });

  it('keeps the sheet’s row numbers, skips the blank row and keeps columns in place', async () => {
    const rows = await allRows(path);
    expect(rows.map((row) => row.row)).toEqual([2, 3, 4, 6]);
    expect(texts(rows[0]?.cells ?? [])).toEqual([
      'Jiří Šťastný',
      'jiri.stastny@example.cz',
      'CZ-1001',
      '2024-03-05T14:30:00',
      '1985-07-14',
      '12345.5',
      'true',
      '0.1',
      '14938.055',
      'Účet ověřen',
    ]);
    // Row 4 has no e-mail cell in the XML: the column is empty, the next ones stay in place.
    const row4 = rows[2]?.cells ?? [];
    expect(row4[1]).toEqual({ kind: 'empty' });
    expect(cellText(row4[2] ?? { kind: 'empty' })).toBe('CZ-1003');
  });

  it('types the cells: dates from d.m.yyyy h:mm, numbers, booleans, formula results, #N/A', async () => {
    const [first, , third] = await allRows(path);
    expect(first?.cells[3]).toEqual({
      kind: 'date',
      wallClock: { year: 2024, month: 3, day: 5, hour: 14, minute: 30, second: 0 },
      shape: 'datetime',
      timeOnly: false,
    });
    expect(first?.cells[4]).toMatchObject({ kind: 'date', shape: 'date' });
    expect(first?.cells[5]).toEqual({ kind: 'number', value: 12345.5 });
    expect(first?.cells[6]).toEqual({ kind: 'boolean', value: true });
    expect(first?.cells[8]).toEqual({ kind: 'number', value: 14938.055 });
    expect(third?.cells[3]).toMatchObject({
      wallClock: { year: 2023, month: 12, day: 31, hour: 23, minute: 59, second: 59 },
    });
    const na = third?.cells[7] ?? { kind: 'empty' };
    expect(na).toEqual({ kind: 'error', error: '#N/A' });
    expect(cellProblem(na, 7, third?.row ?? 0)).toBe('H4 holds the Excel error #N/A');
  });

  it('reads the macro-enabled .xlsm the same way', async () => {
    const xlsx = await allRows(path);
    const xlsm = await allRows(fixture('czech-crm.xlsm'));
    expect(xlsm).toEqual(xlsx);
  });

  it('hands rows out in chunks that resume where they ended', async () => {
    const chunks = [];
    for await (const chunk of readSheetRows(path, { chunkRows: 1 })) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    const second = chunks[1];
    const resumed = await allRows(path, {
      resumeFrom: { rowNumber: chunks[0]?.nextRowNumber ?? 0 },
    });
    expect(resumed.map((row) => row.row)).toEqual(
      chunks.slice(1).flatMap((chunk) => chunk.rows.map((row) => row.row)),
    );
    expect(second?.rows[0]?.row).toBe(chunks[0]?.nextRowNumber);
  });

  it('takes a header row below the first', async () => {
    const sniff = await sniffWorkbook(path, { headerRow: 2 });
    expect(sniff.header[0]).toBe('Jiří Šťastný');
    expect(sniff.sampleRows.map((row) => row.row)).toEqual([3, 4, 6]);
    const rows = await allRows(path, { headerRow: 2 });
    expect(rows.map((row) => row.row)).toEqual([3, 4, 6]);
  });
});

describe('an old Mac workbook in the 1904 date system', () => {
  it('reads its dates from 1904-01-01', async () => {
    const path = fixture('date-1904.xlsx');
    expect((await listSheets(path)).dateSystem).toBe(1904);
    const rows = await allRows(path);
    expect(rows.map((row) => texts(row.cells))).toEqual([
      ['signed_up', 'cus_1', '2024-03-05T14:30:00', '2024-03-05'],
      ['upgraded', 'cus_2', '1999-12-31T08:00:00', '1904-01-02'],
    ]);
  });
});

describe('a workbook of three sheets, the first hidden', () => {
  const path = fixture('three-sheets.xlsx');

  it('lists all three in tab order, hidden marked, and defaults to the first visible one', async () => {
    const info = await listSheets(path);
    expect(info.sheets.map((sheet) => [sheet.name, sheet.state, sheet.rows?.count])).toEqual([
      ['Nastavení', 'hidden', 2],
      ['Kontakty', 'visible', 3],
      ['Objednávky', 'visible', 6],
    ]);
    expect(info.defaultSheet).toBe('Kontakty');
    expect((await sniffWorkbook(path)).header).toEqual(['Jméno', 'E-mail']);
  });

  it('reads the sheet asked for, by name, hidden ones too, letter case aside', async () => {
    const orders = await allRows(path, { sheet: 'Objednávky' });
    expect(orders.map((row) => texts(row.cells))).toEqual([
      ['OBJ-001', '100.5'],
      ['OBJ-002', '201'],
      ['OBJ-003', '301.5'],
      ['OBJ-004', '402'],
      ['OBJ-005', '502.5'],
    ]);
    const settings = await sniffWorkbook(path, { sheet: 'nastavení' });
    expect(settings.sheet).toBe('Nastavení');
    expect(settings.sampleRows.map((row) => texts(row.cells))).toEqual([['verze', '3']]);
  });
});

describe('what Excel writes in its parts', () => {
  const path = fixture('excel-parts.xlsx');

  it('joins rich text runs, leaves phonetic guides out and decodes _x000D_ escapes', async () => {
    const rows = await allRows(path);
    const byRow = new Map(rows.map((row) => [row.row, texts(row.cells)]));
    expect(byRow.get(2)?.[0]).toBe('Tučně a normálně');
    expect(byRow.get(3)?.[0]).toBe('東京');
    expect(byRow.get(2)?.[3]).toBe('first\r\nsecond');
    expect(byRow.get(3)?.[3]).toBe('literal _x0041_ stays');
    expect(byRow.get(4)?.[0]).toBe('fake leap day');
  });

  it('recognises dates by their format, and numbers whose formats only look like dates', async () => {
    const rows = await allRows(path);
    const cells = new Map(rows.map((row) => [row.row, row.cells]));
    expect(cellText(cells.get(2)?.[1] ?? { kind: 'empty' })).toBe('2024-03-05T14:30:00');
    expect(cells.get(2)?.[2]).toEqual({ kind: 'number', value: -1234.5 }); // [Red]#,##0.00
    expect(cells.get(3)?.[2]).toEqual({ kind: 'number', value: 2.5 }); // 0.00 "dny"
    expect(cellText(cells.get(6)?.[1] ?? { kind: 'empty' })).toBe('2024-03-05'); // [$-F800]
    expect(cells.get(7)?.[1]).toMatchObject({ kind: 'date', shape: 'time', timeOnly: true });
    expect(cellText(cells.get(7)?.[1] ?? { kind: 'empty' })).toBe('14:30:00');
  });

  it('keeps the 1900 leap-year quirk: serial 59, 60 and 61', async () => {
    const rows = await allRows(path);
    const day = (row: number) =>
      cellText(rows.find((r) => r.row === row)?.cells[1] ?? { kind: 'empty' });
    expect([day(3), day(4), day(5)]).toEqual(['1900-02-28', '1900-02-29', '1900-03-01']);
  });

  it('keeps errors as errors, and writes numbers without exponents', async () => {
    const rows = await allRows(path);
    const row = (n: number) => rows.find((r) => r.row === n)?.cells ?? [];
    expect(row(8).slice(1)).toEqual([
      { kind: 'error', error: '#DIV/0!' },
      { kind: 'error', error: '#REF!' },
    ]);
    expect(texts(row(9)).slice(1)).toEqual([
      '1000000000000000000000',
      '0.00000010000000000000001',
      '0.30000000000000004',
    ]);
    expect(texts(row(10)).slice(1)).toEqual(['2.2', '12.5', 'false']);
  });

  it('leaves out a row of styled empty cells but keeps the row numbers after it', async () => {
    const rows = await allRows(path);
    expect(rows.map((row) => row.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 12]);
    expect(rows.at(-1)?.cells).toEqual([{ kind: 'text', text: 'after a styled empty row' }]);
  });
});

describe('what streaming writers produce', () => {
  const path = fixture('streamed-writer.xlsx');

  it('counts the rows when there is no dimension', async () => {
    const [sheet] = (await listSheets(path)).sheets;
    expect(sheet?.rows).toEqual({ firstRow: 1, lastRow: 6, count: 6, source: 'counted' });
  });

  it('reads inline strings, t="d" dates, rows and cells without r, and uncalculated formulas', async () => {
    const sniff = await sniffWorkbook(path);
    expect(sniff.header).toEqual(['event', 'customer_id', 'occurred_at', 'total']);
    const rows = await allRows(path);
    expect(rows.map((row) => row.row)).toEqual([2, 3, 5, 6]);
    const [signed, upgraded, spaced] = rows;
    expect(texts(signed?.cells ?? []).slice(0, 3)).toEqual([
      'signed_up',
      'cus_1',
      '2024-03-05T14:30:00',
    ]);
    expect(signed?.cells[3]).toEqual({ kind: 'uncalculated', formula: '2+2' });
    // <c r="C3"> after column A leaves B empty; the cell after it, without r, is D.
    expect(texts(upgraded?.cells ?? [])).toEqual(['upgraded', '', '2024-03-06', '42']);
    expect(upgraded?.cells[2]).toMatchObject({ kind: 'date', shape: 'date' });
    expect(texts(spaced?.cells ?? [])).toEqual(['', '  spaced  ']);
  });
});

describe('a sheet with a title above the table', () => {
  it('suggests the header row below the title lines, as for a CSV file', async () => {
    const dir = await tempDir('workbook-title-');
    try {
      const path = join(dir, 'report.xlsx');
      const cell = (ref: string, text: string) =>
        `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
      await writeSheetWorkbook(
        path,
        `<row r="1">${cell('A1', 'Export kontaktů')}</row>` +
          `<row r="2">${cell('A2', 'Vytvořeno 5. 3. 2024')}</row>` +
          `<row r="4">${cell('A4', 'Jméno')}${cell('B4', 'E-mail')}</row>` +
          `<row r="5">${cell('A5', 'Jiří')}${cell('B5', 'jiri@example.cz')}</row>`,
      );
      const sniff = await sniffWorkbook(path);
      expect(sniff.headerRow).toBe(1);
      expect(sniff.suggestedHeaderRow).toBe(4);
      const chosen = await sniffWorkbook(path, { headerRow: 4 });
      expect(chosen.header).toEqual(['Jméno', 'E-mail']);
      expect(chosen.suggestedHeaderRow).toBeNull();
      expect((await allRows(path, { headerRow: 4 })).map((row) => row.row)).toEqual([5]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('suggests nothing when the header is the first row', async () => {
    expect((await sniffWorkbook(fixture('czech-crm.xlsx'))).suggestedHeaderRow).toBeNull();
  });
});
