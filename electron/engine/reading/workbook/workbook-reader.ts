// Reads Excel workbooks (.xlsx, .xlsm) in the main process and the CLI, streamed like CSV files:
// a sheet of 1,048,576 rows passes through in bounded memory, row by row.
//
// Why these parts: a workbook is a zip of XML parts, and only the sheet's part is large. The
// `xlsx` package on npm is stuck at 0.18.5 with known advisories and reads whole files; the
// streaming readers built on it or on unzip-everything libraries hold the sheet or the zip in
// memory. So the reader is small and our own, on two well-kept parts:
// - yauzl (3.x) reads the zip from the file by random access (central directory first, then one
//   entry at a time, inflated as a stream), checks entry sizes and names, and reads zip64, so a
//   damaged or hostile zip fails in words instead of filling memory;
// - saxes parses the XML as a stream of events; it is strict (well-formedness errors are not
//   guessed around), typed, maintained, and the XML parser of jsdom.
// Shared strings and the styles' number formats are held in memory while a sheet streams.
//
// The shape follows the CSV reader (../reader.ts, ../reader-sniff.ts): `sniffWorkbook` looks at
// the start (sheets, header, sample rows) and `readSheetRows` yields chunks of rows numbered as
// the sheet numbers them, with the row to resume from. Cells stay typed (`CellValue`): the caller
// turns them into text with `cellText` or takes numbers, booleans and dates as they are, and
// reports error cells with `cellProblem`.

import { basename } from 'node:path';
import { normalizeHeader, suggestHeaderRow } from '../header-names';
import { readErrorFromSystem } from '../reader-error';
import { checkHeaderRow } from '../reader-options';
import { cellText } from './cell-text';
import type { CellValue, WorkbookRow } from './cell-value';
import type { DateSystem } from './excel-date';
import { Workbook, type SheetBook, type SheetRows } from './workbook';
import { WorkbookError } from './workbook-error';
import { emptySheetMessage, noHeaderRowMessage } from './workbook-messages';
import type { SheetEntry } from './workbook-parts';

export { cellRef, columnIndex, columnLetters } from './cell-ref';
export { booleanToText, cellProblem, cellText, numberToText } from './cell-text';
export { EMPTY_CELL } from './cell-value';
export type {
  BooleanCell,
  CellValue,
  DateCell,
  EmptyCell,
  ErrorCell,
  NumberCell,
  TextCell,
  UncalculatedCell,
  WorkbookRow,
} from './cell-value';
export {
  isoDate,
  isoTime,
  serialToWallClock,
  wallClockToIso,
  type DateSystem,
  type WallClock,
} from './excel-date';
export { builtInDateShape, customDateShape, type DateShape } from './number-format';
export { Workbook, defaultSheetOf, findSheet, type SheetBook, type SheetRows } from './workbook';
export { WorkbookError, type WorkbookProblem } from './workbook-error';
export { sheetList } from './workbook-messages';
export type { SheetEntry, SheetKind, SheetState } from './workbook-parts';

/** A sheet as the sheet picker lists it. */
export interface SheetInfo extends SheetEntry {
  /** Null for a sheet with no cells, or one that is not a worksheet (a chart). */
  rows: SheetRows | null;
}

export interface WorkbookInfo {
  path: string;
  fileName: string;
  fileSize: number;
  dateSystem: DateSystem;
  /** In tab order, hidden ones included (marked by `state`). */
  sheets: SheetInfo[];
  /** The sheet read when none is named: the first visible worksheet. Null if there is none. */
  defaultSheet: string | null;
}

/** The workbook settings of a mapping's `source`. */
export interface WorkbookSource {
  /** The sheet's name; the default sheet when left out. */
  sheet?: string;
  /**
   * The sheet row number of the header. When left out, the first row that holds a value (blank
   * rows above the table are skipped, as a CSV's blank lines are).
   */
  headerRow?: number;
}

/** Opens a workbook of another format than .xlsx (an .xls or .ods read whole). */
export type OpenSheetBook = (path: string, fileName: string) => Promise<SheetBook>;

const openXlsx: OpenSheetBook = (path, fileName) => Workbook.open(path, fileName);

export interface WorkbookSniffOptions {
  /** How many data rows to return in `sampleRows`. Default 100. */
  sampleRows?: number;
  /** How to open the file: as an .xlsx or .xlsm when left out. */
  open?: OpenSheetBook;
}

export interface WorkbookSniffResult extends WorkbookInfo {
  /** The sheet read. */
  sheet: string;
  headerRow: number;
  /**
   * Set when `headerRow` was left out and the first rows look like title lines ("Export
   * kontaktů" alone in A1): the row that seems to hold the column names, as for a CSV file.
   */
  suggestedHeaderRow: number | null;
  /** Column names from the header row's cells as text, trimmed and made distinct. */
  header: string[];
  /** The header row's cells as stored. */
  headerCells: CellValue[];
  /** The first data rows after the header (blank rows left out). */
  sampleRows: WorkbookRow[];
}

export interface ReadSheetOptions extends WorkbookSource {
  /**
   * Continue after a chunk read earlier, from its `nextRowNumber`: the sheet is inflated from its
   * start again (a deflated stream cannot be entered in the middle) and the rows before skipped.
   */
  resumeFrom?: { rowNumber: number };
  /** About how many rows each chunk holds. Default 500. */
  chunkRows?: number;
  /** How to open the file: as an .xlsx or .xlsm when left out. */
  open?: OpenSheetBook;
}

export interface WorkbookRowChunk {
  /**
   * Data rows in sheet order, blank rows left out. A row may hold more cells than the header
   * has columns (values beyond the table) or fewer (trailing empty cells are not kept).
   */
  rows: WorkbookRow[];
  /** Where a later read continues: the row after this chunk's last one. */
  nextRowNumber: number;
}

// As far down as the CSV reader looks for a header below title lines.
const SUGGESTION_ROWS = 50;

async function withWorkbook<T>(
  path: string,
  use: (workbook: SheetBook) => Promise<T>,
  open: OpenSheetBook = openXlsx,
): Promise<T> {
  const workbook = await open(path, basename(path));
  try {
    return await use(workbook);
  } finally {
    workbook.close();
  }
}

async function describe(path: string, workbook: SheetBook): Promise<WorkbookInfo> {
  const sheets: SheetInfo[] = [];
  for (const sheet of workbook.sheets)
    sheets.push({ ...sheet, rows: await workbook.rowSpan(sheet) });
  return {
    path,
    fileName: workbook.fileName,
    fileSize: workbook.fileSize,
    dateSystem: workbook.dateSystem,
    sheets,
    defaultSheet: workbook.defaultSheet()?.name ?? null,
  };
}

/** The workbook's sheets for the picker, with the rows each spans, and its date system. */
export function listSheets(path: string, open?: OpenSheetBook): Promise<WorkbookInfo> {
  return withWorkbook(path, (workbook) => describe(path, workbook), open);
}

/** The text a header cell names its column by: an error or a formula is named as written. */
function headerName(cell: CellValue): string {
  const text = cellText(cell);
  if (text !== null) return text;
  return cell.kind === 'error'
    ? cell.error
    : cell.kind === 'uncalculated'
      ? `=${cell.formula}`
      : '';
}

/** `suggestHeaderRow` over the first rows, placed by their row numbers (blank rows are absent). */
function suggestFrom(rows: readonly WorkbookRow[]): number | null {
  const records: string[][] = [];
  for (const row of rows) {
    if (row.row > SUGGESTION_ROWS) break;
    while (records.length < row.row - 1) records.push([]);
    records.push(row.cells.map(headerName));
  }
  return suggestHeaderRow(records);
}

/**
 * Looks at a sheet's start: the workbook's sheets, the header and the first rows. Throws a
 * `WorkbookError` with a plain sentence for a workbook that cannot be read, a sheet that is not
 * there (naming those that are), an empty sheet or an empty header row.
 */
export async function sniffWorkbook(
  path: string,
  source: WorkbookSource = {},
  options: WorkbookSniffOptions = {},
): Promise<WorkbookSniffResult> {
  const wanted = options.sampleRows ?? 100;
  const chosenHeaderRow = source.headerRow === undefined ? null : checkHeaderRow(source.headerRow);
  const read = async (workbook: SheetBook): Promise<WorkbookSniffResult> => {
    const sheet = workbook.sheet(source.sheet);
    const info = await describe(path, workbook);
    let header: WorkbookRow | null = null;
    const sampleRows: WorkbookRow[] = [];
    read: for await (const rows of workbook.rows(sheet, Math.min(500, wanted + 1))) {
      for (const row of rows) {
        if (header === null) {
          if (chosenHeaderRow !== null && row.row < chosenHeaderRow) continue;
          if (chosenHeaderRow !== null && row.row > chosenHeaderRow) {
            throw new WorkbookError(
              'empty',
              noHeaderRowMessage(info.fileName, sheet.name, chosenHeaderRow),
            );
          }
          header = row;
          continue;
        }
        if (sampleRows.length >= wanted) break read;
        sampleRows.push(row);
      }
    }
    if (header === null) {
      throw new WorkbookError(
        'empty',
        chosenHeaderRow === null
          ? emptySheetMessage(info.fileName, sheet.name)
          : noHeaderRowMessage(info.fileName, sheet.name, chosenHeaderRow),
      );
    }
    return {
      ...info,
      sheet: sheet.name,
      headerRow: header.row,
      suggestedHeaderRow: chosenHeaderRow === null ? suggestFrom([header, ...sampleRows]) : null,
      header: normalizeHeader(header.cells.map(headerName)),
      headerCells: header.cells,
      sampleRows,
    };
  };
  return withWorkbook(path, read, options.open).catch((error: unknown) => {
    throw readErrorFromSystem(error, basename(path));
  });
}

/**
 * Streams a sheet's data rows in chunks, pulled by the consumer: the zip is inflated only as fast
 * as chunks are taken. Rows carry the sheet's own numbers; rows above the header and the header
 * itself are left out, and so are blank rows. Throws a `WorkbookError` as `sniffWorkbook` does,
 * and for a part found damaged on the way (cut short, not valid XML).
 */
export async function* readSheetRows(
  path: string,
  options: ReadSheetOptions = {},
): AsyncGenerator<WorkbookRowChunk, void, undefined> {
  const fileName = basename(path);
  let headerRow = options.headerRow === undefined ? null : checkHeaderRow(options.headerRow);
  const resumeRow = options.resumeFrom?.rowNumber ?? 0;
  let workbook: SheetBook;
  try {
    workbook = await (options.open ?? openXlsx)(path, fileName);
  } catch (error) {
    throw readErrorFromSystem(error, fileName);
  }
  try {
    const sheet = workbook.sheet(options.sheet);
    let sawHeader = resumeRow > 0;
    for await (const rows of workbook.rows(sheet, options.chunkRows)) {
      const data: WorkbookRow[] = [];
      for (const row of rows) {
        if (headerRow === null) headerRow = row.row;
        if (row.row <= headerRow) {
          if (row.row === headerRow) sawHeader = true;
          continue;
        }
        if (!sawHeader)
          throw new WorkbookError('empty', noHeaderRowMessage(fileName, sheet.name, headerRow));
        if (row.row < resumeRow) continue;
        data.push(row);
      }
      const last = data.at(-1);
      if (last) yield { rows: data, nextRowNumber: last.row + 1 };
    }
    if (!sawHeader) {
      throw new WorkbookError(
        'empty',
        headerRow === null
          ? emptySheetMessage(fileName, sheet.name)
          : noHeaderRowMessage(fileName, sheet.name, headerRow),
      );
    }
  } catch (error) {
    throw readErrorFromSystem(error, fileName);
  } finally {
    workbook.close();
  }
}
