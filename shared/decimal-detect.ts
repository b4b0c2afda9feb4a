/**
 * The automatic decimal mark of a Number column: decided once from the column's values, fed one at
 * a time so the engine can stream a whole file through it (electron/engine/validation/prepare.ts),
 * like the automatic timestamp format (shared/timestamp-detect.ts).
 *
 * Rules: the comma is taken only where the column is unambiguous, when no value is a point number
 * that the comma cannot read (`1.5`, `1,234.56`) and some value is a comma number that the point
 * cannot read (`12,5`, `1.234,56`, `1 234,5`). Anything else is read with the point, so a column of
 * `1.234` alone stays 1.234, as it does today. Values that neither mark reads (`12,5,3`, `n/a`) do
 * not count: they are the rows' problems whatever the mark.
 */
import { z } from 'zod';
import { DECIMAL_MARK_EXAMPLES, decimalMarkSchema, type DecimalMark } from './attribute-type';
import { quoteValue } from './issues';
import { numberCellValue } from './values';

/** The mark decided for a column, and why, in words for the mapping step and the CLI. */
export interface DecimalDecision {
  mark: DecimalMark;
  /** "Automatic: comma (1 234,56), because of values like "12,5"." */
  description: string;
}

/**
 * How one number attribute's decimals are read in an import: the mark the mapping names, or the
 * one decided from its column (`automatic`), in words. The engine decides it; the mapping step and
 * the review show it, the CLI prints it.
 */
export const decimalChoiceSchema = z.object({
  owner: z.enum(['customerData', 'contactData']),
  key: z.string(),
  column: z.string(),
  mark: decimalMarkSchema,
  automatic: z.boolean(),
  description: z.string(),
});
export type DecimalChoice = z.infer<typeof decimalChoiceSchema>;

/** Feeds a column's values one at a time, then tells the decided mark. */
export interface DecimalDetector {
  observe(value: string): void;
  /** True once no later value can change the result (a value only the point reads was seen). */
  readonly settled: boolean;
  result(): DecimalDecision;
}

/** "Automatic: comma (1 234,56)": how the mapping step and the CLI name a mark. */
export function describeDecimalMark(mark: DecimalMark, automatic: boolean): string {
  const name = `${mark} (${DECIMAL_MARK_EXAMPLES[mark]})`;
  return automatic ? `Automatic: ${name}` : `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** Starts an empty detector for one column; blank values are ignored. */
export function createDecimalDetector(): DecimalDetector {
  let pointOnly: string | null = null;
  let commaOnly: string | null = null;

  return {
    observe(raw: string): void {
      if (pointOnly !== null || isDigits(raw)) return;
      const value = raw.trim();
      if (value === '') return;
      const point = !Number.isNaN(numberCellValue(value, 'point'));
      const comma = !Number.isNaN(numberCellValue(value, 'comma'));
      if (point && !comma) pointOnly = value;
      else if (comma && !point) commaOnly ??= value;
    },
    get settled() {
      return pointOnly !== null;
    },
    result(): DecimalDecision {
      const mark: DecimalMark = commaOnly !== null && pointOnly === null ? 'comma' : 'point';
      const shown = describeDecimalMark(mark, true);
      const why =
        mark === 'comma'
          ? `, because of values like ${quoteValue(commaOnly ?? '')}`
          : pointOnly !== null
            ? `, because of values like ${quoteValue(pointOnly)}`
            : '';
      return { mark, description: `${shown}${why}.` };
    },
  };
}

/**
 * Whether a cell is only digits, which reads as the same number with either mark: most cells of
 * a number column, so the detector skips them by character codes, not by reading them twice.
 */
function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** The mark for a column from its values, at once (for a few rows, or a column already read). */
export function detectDecimalMark(values: Iterable<string>): DecimalDecision {
  const detector = createDecimalDetector();
  for (const value of values) {
    detector.observe(value);
    if (detector.settled) break;
  }
  return detector.result();
}
