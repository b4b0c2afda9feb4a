// What a typed source (a workbook) knows about a cell beyond its text. A row's cells are always
// text (what the review shows, the report writes and a text attribute sends); a workbook's row
// carries beside them, in a parallel array, what its number, boolean, date and error cells are,
// so that the conversion reads a number as the number itself, a date cell as the wall clock it
// shows, and never sends an error. CSV rows, and a workbook's text and empty cells, carry none.

export type TypedCell =
  /** A number cell; its text is the shortest decimal that reads back as `value`. */
  | { readonly kind: 'number'; readonly value: number }
  /** A boolean cell; its text is `true` or `false`. */
  | { readonly kind: 'boolean'; readonly value: boolean }
  /**
   * A date cell; its text is the wall clock it shows in ISO 8601 without an offset
   * (`2024-03-05` or `2024-03-05T14:30:00`, a time alone `14:30:00`).
   */
  | { readonly kind: 'date' }
  /**
   * A cell with no value to send: an Excel error (`#N/A`) or a formula whose result is not saved.
   * `message` says so with the cell's reference ("C7 holds the Excel error #N/A").
   */
  | {
      readonly kind: 'problem';
      readonly problem: 'excel_error' | 'formula_not_calculated';
      readonly message: string;
    };

/** A row's typed cells by column index; `undefined` where the cell is plain text. */
export type TypedCells = readonly (TypedCell | undefined)[];

export const DATE_CELL: TypedCell = Object.freeze({ kind: 'date' });
