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
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    return { ok: false, message: `${quoteValue(trimmed)} is too large to be sent as a number.` };
  }
  return { ok: true, value };
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
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: false, message: `The cell is empty: expected a yes/no value (${BOOLEAN_HINT}).` };
  }
  const value = BOOLEAN_WORDS.get(trimmed.toLowerCase());
  if (value === undefined) {
    return { ok: false, message: `${quoteValue(trimmed)} is not a yes/no value: ${BOOLEAN_HINT}.` };
  }
  return { ok: true, value };
}

/**
 * Cleans a customer ID, contact ID or event name. Only surrounding whitespace (including a stray
 * byte-order mark) is removed: IDs are matched exactly by the server, so changing letter case or
 * inner spaces could attach events to the wrong customer.
 */
export function cleanIdentifier(text: string): string {
  return text.trim();
}
