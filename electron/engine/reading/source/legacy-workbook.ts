// Excel 97-2003 (.xls) and OpenDocument (.ods) workbooks, read whole through SheetJS
// (`@e965/xlsx`, a maintained npm build of SheetJS Community Edition 0.20.3, past the fixes for
// CVE-2023-30533 and CVE-2024-22363 that the `xlsx` package on npm never got). These formats
// cannot be streamed (an .xls is a compound file whose sheets point back and forth into one
// stream; an .ods holds every sheet in one content.xml), and they are rarely large, so a file up
// to 30 MB is parsed in memory, about ten times its size. A larger one is refused with a sentence
// that says to save it as .xlsx, which is streamed.
//
// The cells are mapped onto the streamed reader's kinds (../workbook/cell-value.ts): a number
// whose format SheetJS reports is a date by the same number-format rules
// (../workbook/number-format.ts) and becomes the wall clock it shows, in the workbook's date
// system (../workbook/excel-date.ts), so an .xls, an .ods and an .xlsx of the same sheet give the
// same rows.

import { readFile, stat } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { readErrorFromSystem } from '../reader-error';
import {
  builtInDateShape,
  customDateShape,
  EMPTY_CELL,
  defaultSheetOf,
  findSheet,
  serialToWallClock,
  WorkbookError,
  type CellValue,
  type DateSystem,
  type SheetBook,
  type SheetEntry,
  type SheetKind,
  type SheetRows,
  type SheetState,
  type WorkbookRow,
} from '../workbook/workbook-reader';
import { odsSheetStates } from './ods-sheet-states';
import {
  legacyDamagedMessage,
  legacyEncryptedMessage,
  legacyTooLargeMessage,
} from './source-messages';

export type LegacyFormat = 'xls' | 'ods';

/** The largest .xls or .ods file read, in bytes: "30 MB" in the message. */
export const LEGACY_MAX_BYTES = 30 * 1024 * 1024;
export const LEGACY_MAX_MB = 30;

const DEFAULT_CHUNK_ROWS = 500;

// SheetJS's error codes (BIFF), for an error cell whose text it did not give.
const ERROR_TEXT: Readonly<Record<number, string>> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
};

const SHEET_STATES: readonly SheetState[] = ['visible', 'hidden', 'veryHidden'];

function kindOf(sheet: XLSX.WorkSheet | undefined): SheetKind {
  const type = (sheet as { '!type'?: string } | undefined)?.['!type'];
  if (type === 'chart') return 'chartsheet';
  if (type === 'dialog') return 'dialogsheet';
  if (type === 'macro') return 'macrosheet';
  return 'worksheet';
}

/** A SheetJS cell as the streamed reader's cell. */
function cellValue(cell: XLSX.CellObject | undefined, system: DateSystem): CellValue {
  if (cell === undefined) return EMPTY_CELL;
  const value: unknown = cell.v;
  if (value === undefined) {
    return cell.f !== undefined ? { kind: 'uncalculated', formula: cell.f } : EMPTY_CELL;
  }
  switch (cell.t) {
    case 's':
      return value === '' ? EMPTY_CELL : { kind: 'text', text: String(value) };
    case 'b':
      return { kind: 'boolean', value: value === true };
    case 'e':
      return { kind: 'error', error: cell.w ?? ERROR_TEXT[Number(value)] ?? '#VALUE!' };
    case 'n': {
      if (typeof value !== 'number') return { kind: 'text', text: String(value) };
      const format = cell.z;
      const shape =
        typeof format === 'number'
          ? builtInDateShape(format)
          : typeof format === 'string'
            ? customDateShape(format)
            : null;
      const wallClock = shape === null ? null : serialToWallClock(value, system);
      if (shape !== null && wallClock !== null) {
        return { kind: 'date', wallClock, shape, timeOnly: shape === 'time' && value < 1 };
      }
      return { kind: 'number', value };
    }
    case 'd': {
      if (!(value instanceof Date)) return EMPTY_CELL;
      const wallClock = {
        year: value.getUTCFullYear(),
        month: value.getUTCMonth() + 1,
        day: value.getUTCDate(),
        hour: value.getUTCHours(),
        minute: value.getUTCMinutes(),
        second: value.getUTCSeconds(),
      };
      return { kind: 'date', wallClock, shape: 'datetime', timeOnly: false };
    }
    case 'z':
      return EMPTY_CELL;
  }
}

/** The sheet's rows as cells, blank rows left out, trailing empty cells dropped. */
function* sheetRows(sheet: XLSX.WorkSheet, system: DateSystem): Generator<WorkbookRow> {
  const data = (sheet as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
  for (let index = 0; index < data.length; index += 1) {
    const row = data[index];
    if (row === undefined) continue;
    const cells: CellValue[] = [];
    let width = 0;
    for (let column = 0; column < row.length; column += 1) {
      const cell = cellValue(row[column], system);
      cells.push(cell);
      if (cell.kind !== 'empty') width = column + 1;
    }
    if (width === 0) continue;
    cells.length = width;
    yield { row: index + 1, cells };
  }
}

/**
 * SheetJS reports some oddities of a valid file (an ODS number format it only approximates) on
 * the console; a read prints nothing of its own, so they are held back while it parses.
 */
function quietly<T>(read: () => T): T {
  const { error, warn } = console;
  console.error = () => {};
  console.warn = () => {};
  try {
    return read();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

interface Parsed {
  key: string;
  workbook: XLSX.WorkBook;
  states: SheetState[];
}

// The last file parsed, held weakly: a review page or a resume read soon after reuses it instead
// of parsing again, and memory gets it back whenever it is needed.
let lastParsed: WeakRef<Parsed> | null = null;

async function parse(
  path: string,
  fileName: string,
  format: LegacyFormat,
  key: string,
): Promise<Parsed> {
  const cached = lastParsed?.deref();
  if (cached?.key === key) return cached;
  const bytes = await readFile(path);
  let workbook: XLSX.WorkBook;
  try {
    workbook = quietly(() =>
      XLSX.read(bytes, {
        type: 'buffer',
        dense: true,
        cellNF: true,
        cellDates: false,
        cellHTML: false,
        cellStyles: false,
      }),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/password|encrypt/i.test(message)) {
      throw new WorkbookError('encrypted', legacyEncryptedMessage(fileName), { cause: error });
    }
    throw new WorkbookError('damaged', legacyDamagedMessage(fileName, format), { cause: error });
  }
  const states =
    format === 'ods'
      ? await odsSheetStates(path, fileName)
      : (workbook.Workbook?.Sheets ?? []).map((sheet) => SHEET_STATES[sheet.Hidden ?? 0]);
  const parsed: Parsed = {
    key,
    workbook,
    states: workbook.SheetNames.map((_, index) => states[index] ?? 'visible'),
  };
  lastParsed = new WeakRef(parsed);
  return parsed;
}

/** An .xls or .ods workbook, parsed whole, with the streamed workbook's interface. */
export class LegacyWorkbook implements SheetBook {
  readonly sheets: readonly SheetEntry[];

  private constructor(
    private readonly parsed: Parsed,
    readonly fileName: string,
    readonly fileSize: number,
    readonly dateSystem: DateSystem,
  ) {
    const { workbook, states } = parsed;
    this.sheets = workbook.SheetNames.map((name, index) => ({
      name,
      state: states[index] ?? 'visible',
      kind: kindOf(workbook.Sheets[name]),
      part: name,
    }));
  }

  /** Reads and parses the file, or throws a `WorkbookError` (or `ReadError`) in words. */
  static async open(path: string, fileName: string, format: LegacyFormat): Promise<LegacyWorkbook> {
    let size: number;
    let key: string;
    try {
      const info = await stat(path);
      size = info.size;
      key = `${path}\0${info.size}\0${info.mtimeMs}`;
    } catch (error) {
      throw readErrorFromSystem(error, fileName);
    }
    if (size > LEGACY_MAX_BYTES) {
      throw new WorkbookError('too_large', legacyTooLargeMessage(fileName, format, LEGACY_MAX_MB));
    }
    const parsed = await parse(path, fileName, format, key);
    const system: DateSystem = parsed.workbook.Workbook?.WBProps?.date1904 === true ? 1904 : 1900;
    return new LegacyWorkbook(parsed, fileName, size, system);
  }

  defaultSheet(): SheetEntry | null {
    return defaultSheetOf(this.sheets);
  }

  sheet(name?: string): SheetEntry {
    return findSheet(this.sheets, this.fileName, name);
  }

  rowSpan(sheet: SheetEntry): Promise<SheetRows | null> {
    const found = this.parsed.workbook.Sheets[sheet.part];
    if (sheet.kind !== 'worksheet' || found === undefined) return Promise.resolve(null);
    let firstRow = 0;
    let lastRow = 0;
    for (const row of sheetRows(found, this.dateSystem)) {
      if (firstRow === 0) firstRow = row.row;
      lastRow = row.row;
    }
    if (firstRow === 0) return Promise.resolve(null);
    return Promise.resolve({ firstRow, lastRow, count: lastRow - firstRow + 1, source: 'counted' });
  }

  async *rows(
    sheet: SheetEntry,
    chunkRows = DEFAULT_CHUNK_ROWS,
  ): AsyncGenerator<WorkbookRow[], void, undefined> {
    const found = this.parsed.workbook.Sheets[sheet.part];
    if (found === undefined) return;
    let pending: WorkbookRow[] = [];
    for (const row of sheetRows(found, this.dateSystem)) {
      pending.push(row);
      if (pending.length >= chunkRows) {
        yield pending;
        pending = [];
      }
    }
    if (pending.length > 0) yield pending;
  }

  close(): void {
    // Nothing is open: the parsed file stays in the weak cache until memory needs it.
  }
}
