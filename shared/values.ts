import type { DecimalMark } from './attribute-type';
import { quoteValue } from './issues';

/** The outcome of reading one cell: the value, or a plain sentence saying what is wrong. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

// The decimal mark is the column's (`DecimalMark`), never guessed per cell: "1,234" is 1234 with a
// point and 1.234 with a comma, so one cell cannot tell. Thousands separators must group exactly
// three digits ("1,5" is never a point number, "1.5" never a comma one), which is what lets a
// column's values show its mark (shared/decimal-detect.ts). The patterns cannot backtrack badly,
// so a huge cell costs linear time.
const POINT_PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_PLAIN = /^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;
// Spaces (plain, no-break U+00A0, narrow no-break U+202F) group thousands with either mark; one
// kind of separator per value.
const POINT_GROUPED = /^[+-]?\d{1,3}([, \u00A0\u202F])\d{3}(?:\1\d{3})*(?:\.\d*)?$/;
const COMMA_GROUPED = /^[+-]?\d{1,3}([. \u00A0\u202F])\d{3}(?:\1\d{3})*(?:,\d*)?$/;
const POINT_SEPARATORS = /[, \u00A0\u202F]/g;
const COMMA_SEPARATORS = /[. \u00A0\u202F]/g;

const NUMBER_HINTS: Readonly<Record<DecimalMark, string>> = {
  point: 'use digits with a dot for decimals, e.g. 1234.5, 1,234.5 or -0.25',
  comma: 'use digits with a comma for decimals, e.g. 1234,5, 1 234,5 or -0,25',
};
const OTHER_MARK_HINTS: Readonly<Record<DecimalMark, string>> = {
  point: 'it is written with a decimal comma, so choose "Comma" as the decimal mark of the column',
  comma: 'it is written with a decimal point, so choose "Point" as the decimal mark of the column',
};

/**
 * Reads a number cell written with `mark` as the decimal mark: an optional sign, digits, the
 * decimals, and either thousands separators that group three digits (`1,234.5` or `1 234.5` with a
 * point; `1.234,5` or `1 234,5` with a comma) or an exponent (`1e3`, `1,5E+03`). Surrounding
 * whitespace is ignored. Hex, `NaN`, `Infinity` and anything too large to be a finite number are
 * refused.
 */
export function parseNumberCell(text: string, mark: DecimalMark = 'point'): CellResult<number> {
  const value = numberCellValue(text, mark);
  if (!Number.isNaN(value)) return { ok: true, value };
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: false, message: `The cell is empty: expected a number (${NUMBER_HINTS[mark]}).` };
  }
  if (normalizedNumber(trimmed, mark) === null) {
    const other: DecimalMark = mark === 'point' ? 'comma' : 'point';
    const hint = Number.isNaN(numberCellValue(trimmed, other))
      ? NUMBER_HINTS[mark]
      : OTHER_MARK_HINTS[mark];
    return { ok: false, message: `${quoteValue(trimmed)} is not a number: ${hint}.` };
  }
  return { ok: false, message: `${quoteValue(trimmed)} is too large to be sent as a number.` };
}

/**
 * The number `parseNumberCell` reads from a cell, or NaN where it refuses the cell (it never reads
 * NaN): for loops over millions of cells, without its result object.
 */
export function numberCellValue(text: string, mark: DecimalMark = 'point'): number {
  const trimmed = text.trim();
  const plain = plainDecimal(trimmed, mark === 'comma' ? COMMA : POINT);
  if (!Number.isNaN(plain)) return plain;
  const normalized = normalizedNumber(trimmed, mark);
  if (normalized === null) return NaN;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : NaN;
}

/** The cell as JavaScript writes numbers (no separators, a point), or null if it is not a number. */
function normalizedNumber(trimmed: string, mark: DecimalMark): string | null {
  if (mark === 'point') {
    if (POINT_PLAIN.test(trimmed)) return trimmed;
    return POINT_GROUPED.test(trimmed) ? trimmed.replace(POINT_SEPARATORS, '') : null;
  }
  if (COMMA_PLAIN.test(trimmed)) return trimmed.replace(',', '.');
  if (!COMMA_GROUPED.test(trimmed)) return null;
  return trimmed.replace(COMMA_SEPARATORS, '').replace(',', '.');
}

const POINT = 46; // '.'
const COMMA = 44; // ','
const POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];
const MAX_EXACT_DIGITS = 15;

/**
 * `-12`, `3.5`, `.25` (or `3,5` with `markCode` a comma): decimals of at most 15 digits, read by
 * character codes; NaN for anything else. Exactly `Number(text)` of the point form: the digits as a
 * whole number and the power of ten are both exact doubles, and one division of exact doubles
 * rounds correctly (the fast path of every strtod).
 */
function plainDecimal(text: string, markCode: number): number {
  const length = text.length;
  const first = text.charCodeAt(0);
  const negative = first === 45; // '-'
  let at = negative || first === 43 ? 1 : 0; // '+'
  let digits = 0;
  let mantissa = 0;
  let decimals = -1;
  for (; at < length; at += 1) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits += 1;
      if (decimals >= 0) decimals += 1;
    } else if (code === markCode && decimals < 0) {
      decimals = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > MAX_EXACT_DIGITS) return NaN;
  const value = decimals > 0 ? mantissa / (POWERS_OF_TEN[decimals] ?? NaN) : mantissa;
  return negative ? -value : value;
}

/**
 * The yes/no words read in any letter case, each pair as [yes, no]: English and the words of the
 * exports Customerscore's customers hold (Czech, Polish, German, French). The one list for the
 * parser, its hint and README.
 */
export const YES_NO_WORDS: readonly (readonly [yes: string, no: string])[] = [
  ['true', 'false'],
  ['yes', 'no'],
  ['1', '0'],
  ['ano', 'ne'],
  ['tak', 'nie'],
  ['ja', 'nein'],
  ['wahr', 'falsch'],
  ['oui', 'non'],
  ['vrai', 'faux'],
];
const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map(
  YES_NO_WORDS.flatMap(([yes, no]) => [
    [yes, true],
    [no, false],
  ]),
);
const YES_NO_PAIRS = YES_NO_WORDS.map(([yes, no]) => `${yes}/${no}`);
// "use true/false, yes/no or 1/0 (or ano/ne, tak/nie, …)": English first, as most files write it.
const BOOLEAN_HINT = `use ${YES_NO_PAIRS.slice(0, 2).join(', ')} or ${YES_NO_PAIRS.slice(2, 3).join('')} (or ${YES_NO_PAIRS.slice(3).join(', ')})`;

/** Reads a yes/no cell: a word of `YES_NO_WORDS` in any letter case, surrounding whitespace ignored. */
export function parseBooleanCell(text: string): CellResult<boolean> {
  const value = booleanCellValue(text);
  if (value !== null) return { ok: true, value };
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: false, message: `The cell is empty: expected a yes/no value (${BOOLEAN_HINT}).` };
  }
  return { ok: false, message: `${quoteValue(trimmed)} is not a yes/no value: ${BOOLEAN_HINT}.` };
}

/** The value `parseBooleanCell` reads from a cell, or null where it refuses the cell. */
export function booleanCellValue(text: string): boolean | null {
  const trimmed = text.trim();
  // What exports write, compared as is: lowering the case and hashing cost more than the rest.
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  return BOOLEAN_WORDS.get(trimmed.toLowerCase()) ?? null;
}

/**
 * Cleans a customer ID, contact ID or event name. Only surrounding whitespace (including a stray
 * byte-order mark) is removed: IDs are matched exactly by the server, so changing letter case or
 * inner spaces could attach events to the wrong customer.
 */
export function cleanIdentifier(text: string): string {
  return text.trim();
}
