import type { RowIssue } from '../../../shared/issues';
import { ReadError } from './reader-error';
import { blankHeaderMessage, fieldCountIssue } from './reader-messages';
import type { DataRow } from './reader-options';
import { isBlankRecord, type QuoteError } from './reader-parser';
import { runawayRows } from './runaway-quote';

/** Where numbering stands between chunks. `columnCount` is null until the header is read. */
export interface RowState {
  nextRow: number;
  headerRow: number;
  columnCount: number | null;
  /**
   * The columns the sniff found (its header's length), when known: a header record longer than
   * that by nameless columns at its end (a header that ends with a separator) keeps this count.
   */
  knownColumns: number | null;
  /** How many values past `columnCount` a row may have, all empty (those nameless columns). */
  blankTail: number;
  delimiter: string;
  fileName: string;
}

/** Whether the values from `from` on are all empty (the trailing separators of a short header). */
function blankFrom(cells: readonly string[], from: number): boolean {
  for (let i = from; i < cells.length; i += 1) if ((cells[i] ?? '').trim() !== '') return false;
  return true;
}

/** The header record's column count: the sniffed one when the rest are nameless and empty. */
function headerColumns(cells: readonly string[], state: RowState): number {
  const known = state.knownColumns;
  if (known !== null && known < cells.length && blankFrom(cells, known)) {
    state.blankTail = cells.length - known;
    return known;
  }
  return cells.length;
}

/**
 * Numbers parsed records and sorts them into data rows and field-count issues. Runs once per
 * record, so it does as little as it can: no copies, no regular expressions, a blank-row check only
 * when the first cell is empty or starts with a space. `quoteErrors` are the parser's, by record
 * index; `quoted` says whether the records' text holds a double quote at all (without one, no
 * value spans lines and the check for a runaway quote is skipped).
 */
export function collectRows(
  records: readonly string[][],
  state: RowState,
  quoteErrors?: ReadonlyMap<number, QuoteError>,
  quoted = true,
): { rows: DataRow[]; issues: RowIssue[] } {
  const rows: DataRow[] = [];
  const issues: RowIssue[] = [];
  const { headerRow, delimiter } = state;
  let columnCount = state.columnCount ?? 0;
  let row = state.nextRow;
  for (let index = 0; index < records.length; index += 1) {
    const cells = records[index] ?? [];
    const number = row;
    row += 1;
    if (number <= headerRow) {
      if (number < headerRow) continue;
      if (isBlankRecord(cells)) {
        throw new ReadError('empty', blankHeaderMessage(state.fileName, headerRow));
      }
      columnCount = headerColumns(cells, state);
      state.columnCount = columnCount;
      continue;
    }
    if (quoted) {
      const runaway = runawayRows(cells, number, quoteErrors?.get(index), columnCount, delimiter);
      if (runaway) {
        rows.push(...runaway.rows);
        issues.push(...runaway.issues);
        row = number + runaway.span;
        continue;
      }
    }
    if (cells.length !== columnCount) {
      if (isBlankRecord(cells)) continue;
      const extra = cells.length - columnCount;
      if (extra > 0 && extra <= state.blankTail && blankFrom(cells, columnCount)) {
        // The empty values under the header's nameless last columns: not values of this row.
        cells.length = columnCount;
        rows.push({ row: number, cells });
        continue;
      }
      issues.push(fieldCountIssue(number, cells.length, columnCount, delimiter));
    } else {
      const first = cells[0] ?? '';
      if ((first.length === 0 || first.charCodeAt(0) <= 32) && isBlankRecord(cells)) continue;
    }
    rows.push({ row: number, cells });
  }
  state.nextRow = row;
  return { rows, issues };
}

/** The number of the first record holding U+FFFD, which the UTF-8 decoder puts for bad bytes. */
export function rowWithReplacement(records: readonly string[][], firstRow: number): number | null {
  for (let i = 0; i < records.length; i += 1) {
    if (records[i]?.some((cell) => cell.includes('\uFFFD'))) return firstRow + i;
  }
  return null;
}
