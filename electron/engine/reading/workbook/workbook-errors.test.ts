import { copyFile, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../../../shared/user-error';
import { tempDir } from '../../testing/csv-files';
import { sheetXml, workbookParts } from '../../testing/workbook-files';
import { compoundFile, zipBuffer } from '../../testing/zip-files';
import { ReadError } from '../reader-error';
import { WorkbookError, type WorkbookProblem } from './workbook-error';
import { listSheets, readSheetRows, sniffWorkbook } from './workbook-reader';

const fixtures = join(import.meta.dirname, '../../../../e2e/fixtures/workbooks');
let dir = '';

beforeAll(async () => {
  dir = await tempDir('workbook-errors-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, data: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

/** The error `sniffWorkbook` throws, checked to be a plain sentence for the user. */
async function refusal(path: string, source = {}): Promise<WorkbookError> {
  const error: unknown = await sniffWorkbook(path, source).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WorkbookError);
  expect(error).toBeInstanceOf(ReadError);
  expect(isUserError(error)).toBe(true);
  const refused = error as WorkbookError;
  expect(refused.message).toMatch(/^[^\n]+\.$/);
  expect(refused.message).not.toMatch(/Error:|at \w+ \(|yauzl|saxes|ENOENT/);
  return refused;
}

async function expectProblem(path: string, problem: WorkbookProblem, words: RegExp) {
  const error = await refusal(path);
  expect(error.problem).toBe(problem);
  expect(error.message).toMatch(words);
}

describe('workbooks that cannot be read', () => {
  it('says a password-protected workbook is protected', async () => {
    const path = await file(
      'secret.xlsx',
      compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
    );
    await expectProblem(
      path,
      'encrypted',
      /^secret\.xlsx is protected with a password, so it cannot be read\./,
    );
    await expect(listSheets(path)).rejects.toMatchObject({ problem: 'encrypted' });
  });

  it('finds the encryption streams wherever the directory puts them', async () => {
    // Eleven entries take three directory sectors, chained through the FAT.
    const names = [
      '\u0005SummaryInformation',
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'EncryptionInfo',
      'EncryptedPackage',
    ];
    const path = await file('secret-late.xlsx', compoundFile(names));
    await expectProblem(path, 'encrypted', /protected with a password/);
  });

  it('says an Excel 97-2003 file is one, and what to save it as', async () => {
    const path = await file('old.xls', compoundFile(['Workbook', '\u0005SummaryInformation']));
    await expectProblem(
      path,
      'xls',
      /^old\.xls is an Excel 97-2003 workbook \(\.xls\).*Excel Workbook \(\.xlsx\)/,
    );
  });

  it('says an .xlsb is a binary workbook', async () => {
    const path = await file(
      'binary.xlsb',
      zipBuffer([
        {
          name: '_rels/.rels',
          data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
        },
        { name: 'xl/workbook.bin', data: new Uint8Array([0x83, 0x01, 0x00]) },
      ]),
    );
    await expectProblem(path, 'xlsb', /^binary\.xlsb is an Excel binary workbook \(\.xlsb\)/);
  });

  it('says a workbook cut short is damaged', async () => {
    const path = join(dir, 'cut.xlsx');
    await copyFile(join(fixtures, 'czech-crm.xlsx'), path);
    await truncate(path, 3000);
    await expectProblem(path, 'damaged', /^cut\.xlsx is damaged: it is not a complete workbook/);
  });

  it('says a zip whose sheet data is corrupt is damaged, while streaming', async () => {
    const good = await readFile(join(fixtures, 'czech-crm.xlsx'));
    const zip = Buffer.from(good);
    // Flip bytes inside the deflated sheet part (the largest entry) but leave the directory whole.
    const at = zip.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 60;
    for (let i = at; i < at + 40; i += 1) zip[i] = (zip[i] ?? 0) ^ 0x5a;
    const path = await file('corrupt.xlsx', zip);
    const error: unknown = await (async () => {
      for await (const _ of readSheetRows(path)) {
        // reading on
      }
    })().then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).problem).toBe('damaged');
    expect((error as WorkbookError).message).toMatch(/^corrupt\.xlsx is damaged/);
  });

  it('says a zip with no workbook inside is not one', async () => {
    const path = await file(
      'photos.xlsx',
      zipBuffer([{ name: 'photo.txt', data: 'not a workbook' }]),
    );
    await expectProblem(
      path,
      'not_workbook',
      /^photos\.xlsx is a ZIP archive but not an Excel workbook/,
    );
  });

  it('says a text file named .xlsx is not a workbook', async () => {
    const path = await file('renamed.xlsx', 'name,email\nJiří,jiri@example.cz\n');
    await expectProblem(path, 'not_workbook', /^renamed\.xlsx is not an Excel workbook.*\.csv/);
  });

  it('says a file that is not there is not there', async () => {
    const error: unknown = await sniffWorkbook(join(dir, 'gone.xlsx')).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ReadError);
    expect((error as Error).message).toMatch(/^gone\.xlsx was not found/);
  });

  it('names the sheets there are when the one asked for is missing', async () => {
    const path = join(fixtures, 'three-sheets.xlsx');
    const error = await refusal(path, { sheet: 'Faktury' });
    expect(error.problem).toBe('no_such_sheet');
    expect(error.message).toBe(
      'three-sheets.xlsx has no sheet named "Faktury". Its sheets are "Nastavení" (hidden), "Kontakty" and "Objednávky".',
    );
    await expect(readSheetRows(path, { sheet: 'Faktury' }).next()).rejects.toMatchObject({
      problem: 'no_such_sheet',
    });
  });

  it('refuses a chart sheet in words, and skips it as the default', async () => {
    const parts = workbookParts([
      { name: 'Graf', xml: null },
      {
        name: 'Data',
        xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>'),
      },
    ]);
    const path = await file('chart.xlsx', zipBuffer(parts));
    const info = await listSheets(path);
    expect(info.sheets.map((sheet) => [sheet.name, sheet.kind, sheet.rows])).toEqual([
      ['Graf', 'chartsheet', null],
      ['Data', 'worksheet', { firstRow: 1, lastRow: 1, count: 1, source: 'counted' }],
    ]);
    expect(info.defaultSheet).toBe('Data');
    const error = await refusal(path, { sheet: 'Graf' });
    expect(error.problem).toBe('not_worksheet');
    expect(error.message).toMatch(
      /^The sheet "Graf" in chart\.xlsx is a chart, not a sheet of cells\./,
    );
  });

  it('says an empty sheet is empty, and an empty header row cannot be the header', async () => {
    const empty = await file(
      'empty.xlsx',
      zipBuffer(workbookParts([{ name: 'List1', xml: sheetXml('', 'A1') }])),
    );
    const error = await refusal(empty);
    expect(error.problem).toBe('empty');
    expect(error.message).toMatch(/^The sheet "List1" in empty\.xlsx is empty\./);

    const gap = await file(
      'gap.xlsx',
      zipBuffer(
        workbookParts([
          { name: 'List1', xml: sheetXml('<row r="3"><c r="A3"><v>1</v></c></row>') },
        ]),
      ),
    );
    const noHeader = await refusal(gap, { headerRow: 1 });
    expect(noHeader.message).toMatch(
      /^Row 1 of the sheet "List1" in gap\.xlsx is empty, so it cannot be the header\./,
    );
    // Left to itself, the header is the first row with a value: blank rows above are skipped.
    expect((await sniffWorkbook(gap)).headerRow).toBe(3);
  });

  it('says a sheet whose XML is not well formed is damaged', async () => {
    const parts = workbookParts([
      { name: 'List1', xml: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row>' },
    ]);
    const path = await file('broken-xml.xlsx', zipBuffer(parts));
    await expectProblem(
      path,
      'damaged',
      /^broken-xml\.xlsx is damaged: its part xl\/worksheets\/sheet1\.xml is not valid XML\./,
    );
  });

  it('refuses a cell reference past column XFD and a shared string that is not there', async () => {
    const wide = await file(
      'wide.xlsx',
      zipBuffer(
        workbookParts([
          { name: 'List1', xml: sheetXml('<row r="1"><c r="ZZZZ1"><v>1</v></c></row>') },
        ]),
      ),
    );
    await expectProblem(wide, 'damaged', /names a cell ZZZZ1 outside the sheet/);
    const missing = await file(
      'missing-text.xlsx',
      zipBuffer(
        workbookParts([
          { name: 'List1', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>5</v></c></row>') },
        ]),
      ),
    );
    await expectProblem(missing, 'damaged', /refers to text 5 that its workbook does not hold/);
  });
});
