// Cells as text, for a column read as text: what the app sends and shows for each kind of cell.

import { cellRef } from './cell-ref';
import type { CellValue } from './cell-value';
import { wallClockToIso } from './excel-date';

/**
 * The shortest decimal that reads back as the same number (JavaScript's `String`), always in
 * plain notation: `12.5`, `100`, `0.30000000000000004` (a sum that is not 0.3 stays what it is).
 * Where `String` would switch to an exponent (1e21 and up, under 1e-6) the same digits are written
 * out in full, `1000000000000000000000` and `0.0000001`, since a spreadsheet value never reads as
 * `1e+21` and such text would not survive every number parser downstream; it still reads back as
 * the same number.
 */
export function numberToText(value: number): string {
  const text = String(value);
  const e = text.indexOf('e');
  if (e === -1) return text;
  const sign = text.startsWith('-') ? '-' : '';
  const exponent = Number(text.slice(e + 1));
  const [whole = '', fraction = ''] = text.slice(sign.length, e).split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function booleanToText(value: boolean): string {
  return value ? 'true' : 'false';
}

/**
 * A cell as the text a column read as text sends: text as it is, numbers by `numberToText`,
 * booleans `true`/`false`, dates in ISO 8601 (see `wallClockToIso`), an empty cell `''`. Null for
 * an error cell or an uncalculated formula, which have no value to send: see `cellProblem`.
 */
export function cellText(cell: CellValue): string | null {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return numberToText(cell.value);
    case 'boolean':
      return booleanToText(cell.value);
    case 'date':
      return wallClockToIso(cell.wallClock, cell.shape, cell.timeOnly);
    case 'error':
    case 'uncalculated':
      return null;
  }
}

/**
 * Why a cell has no value to send, in words ("C7 holds the Excel error #N/A"), or null when it has
 * one. `column` is 0-based, `row` the sheet's own row number.
 */
export function cellProblem(cell: CellValue, column: number, row: number): string | null {
  const ref = cellRef(column, row);
  if (cell.kind === 'error') return `${ref} holds the Excel error ${cell.error}`;
  if (cell.kind === 'uncalculated') {
    return `${ref} holds a formula (=${cell.formula}) whose result is not saved in the file: open the workbook in Excel or LibreOffice, save it, and choose it again`;
  }
  return null;
}
