import { quoteValue } from './issues';

/** The outcome of reading one cell: the value, or a plain sentence saying what is wrong. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

// One pattern for every locale on purpose: "1,5" means 1.5 in Germany and 15 in a US file with a
// thousands separator, so guessing would silently send wrong numbers. The pattern cannot backtrack
// badly, so a huge cell costs linear time.
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER_HINT = 'use digits with a dot for decimals, e.g. 1234.5 or -0.25';

/**
 * Reads a number cell: plain decimals with `.`, an optional sign and exponent (`12`, `-3.5`, `.5`,
 * `1e3`). Surrounding whitespace is ignored. Commas, thousands separators, hex, `NaN` and
 * `Infinity` are refused, as is anything too large to be a finite number.
 */
export function parseNumberCell(text: string): CellResult<number> {
  const value = numberCellValue(text);
  if (!Number.isNaN(value)) return { ok: true, value };
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: false, message: `The cell is empty: expected a number (${NUMBER_HINT}).` };
  }
  if (!NUMBER_PATTERN.test(trimmed)) {
    const hint = trimmed.includes(',')
      ? 'use a dot for decimals and no thousands separators, e.g. 1234.5'
      : NUMBER_HINT;
    return { ok: false, message: `${quoteValue(trimmed)} is not a number: ${hint}.` };
  }
  return { ok: false, message: `${quoteValue(trimmed)} is too large to be sent as a number.` };
}

/**
 * The number `parseNumberCell` reads from a cell, or NaN where it refuses the cell (it never reads
 * NaN): for loops over millions of cells, without its result object.
 */
export function numberCellValue(text: string): number {
  const trimmed = text.trim();
  const plain = plainDecimal(trimmed);
  if (!Number.isNaN(plain)) return plain;
  if (!NUMBER_PATTERN.test(trimmed)) return NaN;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : NaN;
}

const POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];
const MAX_EXACT_DIGITS = 15;

/**
 * `-12`, `3.5`, `.25`: decimals of at most 15 digits, read by character codes; NaN for anything
 * else. Exactly `Number(text)`: the digits as a whole number and the power of ten are both exact
 * doubles, and one division of exact doubles rounds correctly (the fast path of every strtod).
 */
function plainDecimal(text: string): number {
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
    } else if (code === 46 && decimals < 0) {
      decimals = 0; // '.'
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > MAX_EXACT_DIGITS) return NaN;
  const value = decimals > 0 ? mantissa / (POWERS_OF_TEN[decimals] ?? NaN) : mantissa;
  return negative ? -value : value;
}

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['yes', true],
  ['1', true],
  ['false', false],
  ['no', false],
  ['0', false],
]);
const BOOLEAN_HINT = 'use true/false, yes/no or 1/0';

/** Reads a yes/no cell: true/false, yes/no or 1/0 in any letter case, surrounding whitespace ignored. */
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
