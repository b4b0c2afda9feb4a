// A sheet's typed cells as the engine's rows: text for every cell (what the review shows, the
// report writes and a text attribute sends) and, beside it, what the number, boolean, date and
// error cells are (shared/typed-cells.ts), so the conversion never reads them from their text.

import { DATE_CELL, type TypedCell } from '../../../../shared/typed-cells';
import type { DataRow } from '../reader-options';
import {
  cellProblem,
  cellText,
  EMPTY_CELL,
  type CellValue,
  type WorkbookRow,
} from '../workbook/workbook-reader';

const TRUE_CELL: TypedCell = Object.freeze({ kind: 'boolean', value: true });
const FALSE_CELL: TypedCell = Object.freeze({ kind: 'boolean', value: false });

/** What a cell is beyond its text; undefined for text and empty cells. */
function typedOf(cell: CellValue, column: number, row: number): TypedCell | undefined {
  switch (cell.kind) {
    case 'number':
      return { kind: 'number', value: cell.value };
    case 'boolean':
      return cell.value ? TRUE_CELL : FALSE_CELL;
    case 'date':
      return DATE_CELL;
    case 'error':
    case 'uncalculated':
      return {
        kind: 'problem',
        problem: cell.kind === 'error' ? 'excel_error' : 'formula_not_calculated',
        message: cellProblem(cell, column, row) ?? '',
      };
    case 'empty':
    case 'text':
      return undefined;
  }
}

/** The text shown for a cell that has no value to send: the error, or the formula, as written. */
function shownAs(cell: CellValue): string {
  if (cell.kind === 'error') return cell.error;
  return cell.kind === 'uncalculated' ? `=${cell.formula}` : '';
}

/**
 * A sheet row as a data row of `width` columns (the header's): missing cells are empty, and
 * cells right of the last named column, which no mapping can read, are left out.
 */
export function toDataRow(row: WorkbookRow, width: number): DataRow {
  const cells = new Array<string>(width);
  let typed: (TypedCell | undefined)[] | undefined;
  for (let column = 0; column < width; column += 1) {
    const cell = row.cells[column] ?? EMPTY_CELL;
    cells[column] = cellText(cell) ?? shownAs(cell);
    const kind = typedOf(cell, column, row.row);
    if (kind !== undefined) {
      typed ??= new Array<TypedCell | undefined>(width).fill(undefined);
      typed[column] = kind;
    }
  }
  return typed === undefined ? { row: row.row, cells } : { row: row.row, cells, typed };
}
