// One way to open a file whatever it is: a CSV/TSV text file, an Excel workbook (.xlsx, .xlsm,
// streamed), or an .xls or .ods workbook (read whole). Opening gives the same shape for all
// (`SourceFile`: header, sample rows, settings), and `readSourceRows` streams the data rows of
// any of them in chunks with resume points, so validation, the job and its journal, the import
// sessions and the CLI share one path and never branch on the format themselves.
//
// A workbook's resume point is its row number: a deflated sheet cannot be entered in the middle,
// so a resume streams the sheet again and skips the rows before it. Its chunks' `endByteOffset`
// is not a place in the file but the share of the sheet's rows read, scaled to the file's size,
// so that progress reads as for CSV and the job's low-water mark is never 0 once a chunk is done.

import type { Delimiter } from '../../../../shared/delimiters';
import type { FileSource } from '../../../../shared/mapping';
import {
  readRows,
  sniffFile,
  type DataRow,
  type ReadRowsOptions,
  type ResumePoint,
  type RowChunk,
  type SniffResult,
} from '../reader';
import {
  readSheetRows,
  sniffWorkbook,
  type DateSystem,
  type OpenSheetBook,
  type SheetState,
} from '../workbook/workbook-reader';
import { LegacyWorkbook } from './legacy-workbook';
import { detectSourceFormat, type SourceFormat } from './source-kind';
import { toDataRow } from './workbook-rows';

export { detectSourceFormat, type SourceFormat } from './source-kind';
export { LEGACY_MAX_MB } from './legacy-workbook';

export type WorkbookFormat = Exclude<SourceFormat, 'csv'>;

/** A sheet as the sheet picker lists it. */
export interface SheetSummary {
  name: string;
  state: SheetState;
  /** The rows it spans, first to last that holds a value; null when it holds none (or a chart). */
  rows: number | null;
}

/** What a workbook is besides its header and rows. */
export interface WorkbookFacts {
  /** The sheet read. */
  sheet: string;
  /** In tab order, hidden ones included. */
  sheets: SheetSummary[];
  /** The sheet read when none is named: the first visible one. */
  defaultSheet: string | null;
  dateSystem: DateSystem;
  /** The first and last row of the sheet read that hold a value (for progress). */
  firstRow: number;
  lastRow: number;
}

/** A CSV or other text file, as the CSV reader sniffed it. */
export interface CsvSourceFile extends SniffResult {
  format: 'csv';
}

/** A workbook's sheet, opened: the same header and sample rows as a CSV file's. */
export interface WorkbookSourceFile {
  format: WorkbookFormat;
  path: string;
  fileName: string;
  fileSize: number;
  /** The sheet's own row number of the header. */
  headerRow: number;
  /** Set when the header row was left to detection and title lines seem to sit above it. */
  suggestedHeaderRow: number | null;
  header: string[];
  /** The first data rows, with their typed cells. */
  sampleRows: DataRow[];
  workbook: WorkbookFacts;
}

export type SourceFile = CsvSourceFile | WorkbookSourceFile;

export interface SniffSourceOptions {
  /** How many data rows to return in `sampleRows`. Default 100. */
  sampleRows?: number;
  /** For a CSV file: the code page that decides where the encoding detector is unsure. */
  systemCodePage?: string;
}

export interface ReadSourceOptions {
  /** For a CSV file: about how many characters each chunk holds. */
  chunkChars?: number;
  /** For a workbook: how many rows each chunk holds. */
  chunkRows?: number;
}

function opener(format: WorkbookFormat): OpenSheetBook | undefined {
  if (format === 'xlsx') return undefined;
  return (path, fileName) => LegacyWorkbook.open(path, fileName, format);
}

async function sniffSheet(
  path: string,
  format: WorkbookFormat,
  source: FileSource,
  sampleRows: number | undefined,
): Promise<WorkbookSourceFile> {
  const sniffed = await sniffWorkbook(
    path,
    { sheet: source.sheet, headerRow: source.headerRow },
    { sampleRows, open: opener(format) },
  );
  const width = sniffed.header.length;
  const chosen = sniffed.sheets.find((sheet) => sheet.name === sniffed.sheet);
  return {
    format,
    path,
    fileName: sniffed.fileName,
    fileSize: sniffed.fileSize,
    headerRow: sniffed.headerRow,
    suggestedHeaderRow: sniffed.suggestedHeaderRow,
    header: sniffed.header,
    sampleRows: sniffed.sampleRows.map((row) => toDataRow(row, width)),
    workbook: {
      sheet: sniffed.sheet,
      sheets: sniffed.sheets.map((sheet) => ({
        name: sheet.name,
        state: sheet.state,
        rows: sheet.rows?.count ?? null,
      })),
      defaultSheet: sniffed.defaultSheet,
      dateSystem: sniffed.dateSystem,
      firstRow: chosen?.rows?.firstRow ?? sniffed.headerRow,
      lastRow: chosen?.rows?.lastRow ?? sniffed.headerRow,
    },
  };
}

/**
 * Opens a file with the settings of a mapping's `source` (for a CSV file its encoding, delimiter
 * and header row; for a workbook its sheet and header row) and looks at its start. Throws a
 * `ReadError` with a plain sentence when the file cannot be read: missing, not a table, a
 * workbook that is encrypted, damaged, an .xlsb, too large, or without the sheet named.
 */
export async function sniffSource(
  path: string,
  source: FileSource = {},
  options: SniffSourceOptions = {},
): Promise<SourceFile> {
  const format = await detectSourceFormat(path);
  if (format !== 'csv') return sniffSheet(path, format, source, options.sampleRows);
  const { encoding, delimiter, headerRow } = source;
  const sniffed = await sniffFile(path, { encoding, delimiter, headerRow }, options);
  return { ...sniffed, format: 'csv' };
}

/** How a file is read, as resolved when it was opened (a mapping's `source` and a journal's). */
export interface ReadSettings {
  /** A CSV file's encoding and delimiter: absent for a workbook. */
  encoding?: string;
  delimiter?: Delimiter;
  headerRow: number;
  /** A workbook's sheet: absent for a CSV file. */
  sheet?: string;
}

/**
 * The settings an opened file was read with, to pin in a mapping's `source` or a journal, so that
 * every later pass (a page of the review, the job, a resume) reads the file alike.
 */
export function readSettings(file: SourceFile): ReadSettings {
  if (file.format === 'csv') {
    return { encoding: file.encoding, delimiter: file.delimiter, headerRow: file.headerRow };
  }
  return { headerRow: file.headerRow, sheet: file.workbook.sheet };
}

/** How the CSV reader reads a sniffed file's rows: exactly as it was sniffed. */
function csvRowsOf(file: CsvSourceFile, resumeFrom?: ResumePoint): ReadRowsOptions {
  return {
    encoding: file.encoding,
    delimiter: file.delimiter,
    headerRow: file.headerRow,
    lineEnding: file.lineEnding,
    header: file.header,
    headerWidth: file.headerWidth,
    resumeFrom,
  };
}

async function* sheetChunks(
  path: string,
  file: WorkbookSourceFile,
  resumeFrom: ResumePoint | undefined,
  options: ReadSourceOptions,
): AsyncGenerator<RowChunk, void, undefined> {
  const { sheet, firstRow, lastRow } = file.workbook;
  const width = file.header.length;
  const span = Math.max(1, lastRow - firstRow + 1);
  const position = (nextRow: number): number => {
    const share = Math.min(1, Math.max(0, (nextRow - firstRow) / span));
    return Math.max(1, Math.round(share * file.fileSize));
  };
  const chunks = readSheetRows(path, {
    sheet,
    headerRow: file.headerRow,
    resumeFrom: resumeFrom === undefined ? undefined : { rowNumber: resumeFrom.rowNumber },
    chunkRows: options.chunkRows,
    open: opener(file.format),
  });
  for await (const chunk of chunks) {
    yield {
      rows: chunk.rows.map((row) => toDataRow(row, width)),
      issues: [],
      endByteOffset: position(chunk.nextRowNumber),
      nextRowNumber: chunk.nextRowNumber,
    };
  }
}

/**
 * Streams the data rows of an opened file in chunks, from the start or from a resume point (a
 * chunk's `endByteOffset` and `nextRowNumber`), pulled by the consumer: memory holds about one
 * chunk, whatever the file's size (an .xls or .ods is held whole, see legacy-workbook.ts). Rows
 * carry the file's own row numbers (a sheet's, as Excel shows them), and a workbook's rows their
 * typed cells. Throws a `ReadError` as `sniffSource` does.
 */
export function readSourceRows(
  path: string,
  file: SourceFile,
  resumeFrom?: ResumePoint,
  options: ReadSourceOptions = {},
): AsyncGenerator<RowChunk, void, undefined> {
  if (file.format === 'csv') {
    return readRows(path, { ...csvRowsOf(file, resumeFrom), chunkChars: options.chunkChars });
  }
  return sheetChunks(path, file, resumeFrom, options);
}
