import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { ReviewRow } from '../../../../shared/ipc-import';
import type { RowIssue } from '../../../../shared/issues';

// The review table's columns (TanStack Table v9): the row number, a skip box, the row's problems,
// then the file's own columns.

export const reviewFeatures = tableFeatures({});
export type ReviewFeatures = typeof reviewFeatures;

const helper = createColumnHelper<ReviewFeatures, ReviewRow>();

export const ROW_HEIGHT = 34;

/** Pixel widths by column id; the file's columns share one width. */
export const COLUMN_WIDTHS: Readonly<Record<string, number>> = { row: 76, skip: 64, problems: 300 };
export const DATA_COLUMN_WIDTH = 170;

export function columnWidth(id: string): number {
  return COLUMN_WIDTHS[id] ?? DATA_COLUMN_WIDTH;
}

/** Column id of the file's column at `index`. */
export const dataColumnId = (index: number) => `c${index}`;

/** The file column index of a column id, or null for the row, skip and problems columns. */
export function dataColumnIndex(id: string): number | null {
  return /^c\d+$/.test(id) ? Number(id.slice(1)) : null;
}

export function reviewColumns(header: readonly string[]) {
  return [
    helper.display({ id: 'row', header: 'Row' }),
    helper.display({ id: 'skip', header: 'Skip' }),
    helper.display({ id: 'problems', header: 'Problems' }),
    // The file's cells are read from the row by index (`ReviewRow.cells`), so these are display
    // columns too: one column type keeps the list's type simple.
    ...header.map((name, index) => helper.display({ id: dataColumnId(index), header: name })),
  ];
}

/** The row's problems in a few words, for its Problems cell. */
export function problemsText(row: ReviewRow): string {
  if (row.issues.length === 0) return row.edited.length > 0 ? 'Fixed' : '';
  const errors = row.issues.filter((issue) => issue.severity === 'error');
  const shown = errors.length > 0 ? errors : row.issues;
  return shown.map((issue) => issue.message).join(' ');
}

/** The issues about one cell of the row (by its column name). */
export function cellIssues(row: ReviewRow, column: string): RowIssue[] {
  return row.issues.filter((issue) => issue.column === column);
}

/** What the line under the grid says about the focused cell, and how serious it is. */
export interface FocusedProblem {
  text: string;
  severity: 'error' | 'warning' | null;
}

function severityOf(issues: readonly RowIssue[]): FocusedProblem['severity'] {
  if (issues.some((issue) => issue.severity === 'error')) return 'error';
  return issues.length > 0 ? 'warning' : null;
}

/**
 * The full problem text for the line under the grid, about the cell holding the focus: the cell's
 * own problems when it has some, else its row's. A cell cuts a long message off, and its `title`
 * opens only under a mouse; this line is how the keyboard reads it whole.
 */
export function focusedProblem(row: ReviewRow, column: string | null): FocusedProblem {
  const own = column === null ? [] : cellIssues(row, column);
  if (own.length > 0) {
    const text = own.map((issue) => issue.message).join(' ');
    return { text: `Row ${row.row}, ${column}: ${text}`, severity: severityOf(own) };
  }
  const text = problemsText(row);
  if (text === '') return { text: `Row ${row.row}: no problems.`, severity: null };
  if (text === 'Fixed') return { text: `Row ${row.row}: fixed, no problems left.`, severity: null };
  return { text: `Row ${row.row}: ${text}`, severity: severityOf(row.issues) };
}
