import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filePreviewSchema } from '../../shared/ipc-import';
import type { Mapping } from '../../shared/mapping';
import { tempDir } from '../engine/testing/csv-files';
import { writeLargeWorkbook } from '../engine/testing/workbook-files';
import { ImportSession } from './import-session';

const FIXTURES = path.resolve(import.meta.dirname, '../../e2e/fixtures/workbooks');

describe('an import session on a workbook', () => {
  it('previews the first visible sheet with every sheet listed, and reads another on request', async () => {
    const session = await ImportSession.open('s-wb', path.join(FIXTURES, 'three-sheets.xlsx'));
    const preview = session.preview();
    expect(filePreviewSchema.parse(preview)).toEqual(preview); // what crosses IPC, as the contract says
    expect(preview).toMatchObject({
      fileName: 'three-sheets.xlsx',
      format: 'xlsx',
      headerRow: 1,
      header: ['Jméno', 'E-mail'],
      workbook: {
        sheet: 'Kontakty',
        defaultSheet: 'Kontakty',
        dateSystem: 1900,
        sheets: [
          { name: 'Nastavení', state: 'hidden', rows: 2 },
          { name: 'Kontakty', state: 'visible', rows: 3 },
          { name: 'Objednávky', state: 'visible', rows: 6 },
        ],
      },
    });
    const orders = await session.configure({ sheet: 'Objednávky' });
    expect(orders.workbook?.sheet).toBe('Objednávky');
    expect(orders.header).toEqual(['Číslo', 'Částka']);
    expect(orders.sampleRows[0]).toEqual({
      row: 2,
      cells: ['OBJ-001', '100.5'],
      kinds: [null, 'number'],
    });
  });

  it('says which sample cells are dates, numbers, booleans and errors', async () => {
    const session = await ImportSession.open('s-crm', path.join(FIXTURES, 'czech-crm.ods'));
    const preview = session.preview();
    expect(preview.format).toBe('ods');
    expect(preview.sampleRows.map((row) => row.row)).toEqual([2, 3, 4, 6]);
    expect(preview.sampleRows[2]?.kinds).toEqual([
      null,
      null,
      null,
      'date',
      'date',
      'number',
      'number',
      'problem',
      'number',
      null,
    ]);
    expect(preview.sampleRows[2]?.cells[7]).toBe('#N/A');
  });

  it('validates and pages a large sheet by its own row numbers', async () => {
    const dir = await tempDir('session-workbook-');
    const file = path.join(dir, 'events.xlsx');
    await writeLargeWorkbook(file, 3000);
    const session = await ImportSession.open('s-large', file);
    const mapping: Mapping = {
      version: 1,
      name: { column: 'event' },
      timestamp: { column: 'occurred_at', timezone: 'UTC' },
      customer: { column: 'customer_id' },
      customerData: { mrr: { column: 'mrr', type: 'number' } },
    };
    const result = await session.validate(mapping, () => {}, Date.UTC(2035, 0, 1));
    expect(result).toMatchObject({
      result: 'valid',
      summary: { totalRows: 3000, validRows: 3000 },
    });
    const page = await session.rows('all', 2100, 3);
    expect(page.rows.map((r) => [r.row, r.cells[2]])).toEqual([
      [2102, 'cus_2100'],
      [2103, 'cus_2101'],
      [2104, 'cus_2102'],
    ]);
  });
});
