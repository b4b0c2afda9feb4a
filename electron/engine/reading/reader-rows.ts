import type { RowIssue } from '../../../shared/issues';
import { ReadError } from './reader-error';
import { blankHeaderMessage, fieldCountIssue } from './reader-messages';
import type { DataRow } from './reader-options';
import { isBlankRecord } from './reader-parser';

/** Where numbering stands between chunks. `columnCount` is null until the header is read. */
export interface RowState {
  nextRow: number;
  headerRow: number;
  columnCount: number | null;
  delimiter: string;
  fileName: string;
}

/**
 * Numbers parsed records and sorts them into data rows and field-count issues. Runs once per
 * record, so it does as little as it can: no copies, no regular expressions, a blank-row check only
 * when the first cell is empty or starts with a space.
 */
export function collectRows(
  records: readonly string[][],
  state: RowState,
): { rows: DataRow[]; issues: RowIssue[] } {
  const rows: DataRow[] = [];
  const issues: RowIssue[] = [];
  const { headerRow, delimiter } = state;
  let columnCount = state.columnCount ?? 0;
  let row = state.nextRow;
  for (const cells of records) {
    const number = row;
    row += 1;
    if (number <= headerRow) {
      if (number < headerRow) continue;
      if (isBlankRecord(cells)) {
        throw new ReadError('empty', blankHeaderMessage(state.fileName, headerRow));
      }
      columnCount = cells.length;
      state.columnCount = columnCount;
      continue;
    }
    if (cells.length !== columnCount) {
      if (isBlankRecord(cells)) continue;
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
