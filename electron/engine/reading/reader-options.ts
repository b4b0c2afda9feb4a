import type { RowIssue } from '../../../shared/issues';
import type { TypedCells } from '../../../shared/typed-cells';
import { isDelimiter, type Delimiter } from '../../../shared/delimiters';
import { detectBom, detectEncoding, type DetectedEncoding } from './encoding-detect';
import { resolveEncoding } from './encoding-decode';
import { ReadError } from './reader-error';
import { badDelimiterMessage, badHeaderRowMessage } from './reader-messages';

/** The file settings of a mapping's `source`: each one left out (or `auto`) is detected. */
export interface SourceOptions {
  encoding?: string;
  delimiter?: string;
  /** 1-based record number of the header; the records above it are ignored. Default 1. */
  headerRow?: number;
}

/**
 * One data row: its spreadsheet row number and its cells as text. A workbook's row also says
 * which cells are numbers, booleans, dates or errors (`typed`, by column); a CSV row has none.
 */
export interface DataRow {
  row: number;
  cells: string[];
  typed?: TypedCells;
}

/** Where a read can continue: just after a chunk's last record, and that record's successor's number. */
export interface ResumePoint {
  byteOffset: number;
  rowNumber: number;
}

export interface RowChunk {
  /**
   * Data rows in file order, blank rows left out. Rows with the wrong number of values are here
   * too (reports show their cells) and each has an error in `issues`: never send such a row.
   */
  rows: DataRow[];
  /** `too_few_fields` / `too_many_fields` errors, in row order. */
  issues: RowIssue[];
  /** The byte offset in the file just after this chunk's last record. */
  endByteOffset: number;
  /** The row number of the record that follows this chunk. */
  nextRowNumber: number;
}

/** `source.headerRow` checked: a whole number, 1 or more. */
export function checkHeaderRow(headerRow: number | undefined): number {
  if (headerRow === undefined) return 1;
  if (!Number.isSafeInteger(headerRow) || headerRow < 1) {
    throw new ReadError('bad_option', badHeaderRowMessage(headerRow));
  }
  return headerRow;
}

/** `source.delimiter` checked: null means detect. */
export function checkDelimiter(delimiter: string | undefined): Delimiter | null {
  if (delimiter === undefined || delimiter === 'auto') return null;
  if (!isDelimiter(delimiter)) throw new ReadError('bad_option', badDelimiterMessage(delimiter));
  return delimiter;
}

/**
 * The encoding to read a file with, from its first bytes and the caller's choice: a byte-order
 * mark wins even over a chosen encoding (as in browsers), because it cannot be wrong; otherwise a
 * chosen encoding is used as given; otherwise it is detected, `systemCodePage` deciding where the
 * detector is unsure.
 */
export function chooseEncoding(
  head: Uint8Array,
  complete: boolean,
  chosen: string | undefined,
  systemCodePage?: string,
): DetectedEncoding {
  const bom = detectBom(head);
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, source: 'bom' };
  if (chosen !== undefined && chosen !== 'auto') {
    return { encoding: resolveEncoding(chosen).name, bomLength: 0, source: 'chosen' };
  }
  return detectEncoding(head, complete, { systemCodePage });
}
