import type { WallClock } from './excel-date';
import type { DateShape } from './number-format';

/**
 * One cell of a sheet, typed as the workbook stores it. Text covers shared strings (rich text
 * runs joined), inline strings and the text results of formulas; a formula's cell is its cached
 * result, of whichever kind.
 */
export type CellValue =
  EmptyCell | TextCell | NumberCell | BooleanCell | DateCell | ErrorCell | UncalculatedCell;

/** No value: a cell missing from the XML, or one with only a style. */
export interface EmptyCell {
  readonly kind: 'empty';
}

export interface TextCell {
  readonly kind: 'text';
  readonly text: string;
}

export interface NumberCell {
  readonly kind: 'number';
  readonly value: number;
}

export interface BooleanCell {
  readonly kind: 'boolean';
  readonly value: boolean;
}

/** A number whose format shows a date or time (or a `t="d"` cell): the wall clock it shows. */
export interface DateCell {
  readonly kind: 'date';
  readonly wallClock: WallClock;
  readonly shape: DateShape;
  /** A time of day with no date: a time format on a serial under one day (`14:30` typed alone). */
  readonly timeOnly: boolean;
}

/** An Excel error value (`#N/A`, `#DIV/0!`, `#REF!`...), typed or the result of a formula. */
export interface ErrorCell {
  readonly kind: 'error';
  readonly error: string;
}

/**
 * A formula with no cached result: the workbook was written by a program that does not calculate
 * (a script) and never opened in Excel, so the value the cell would show is not in the file.
 */
export interface UncalculatedCell {
  readonly kind: 'uncalculated';
  readonly formula: string;
}

/** The one empty cell, shared: gaps in a row are filled with it. */
export const EMPTY_CELL: EmptyCell = Object.freeze({ kind: 'empty' });

/** One row of a sheet: its own number (the one Excel shows at the left), its cells by column. */
export interface WorkbookRow {
  row: number;
  /** Index 0 is column A. Missing cells are `EMPTY_CELL`; trailing empty cells are left off. */
  cells: CellValue[];
}
