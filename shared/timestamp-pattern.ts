/**
 * Unicode date patterns (`dd.MM.yyyy HH:mm`): reading a pattern into tokens, and saying in plain words
 * what is wrong with one that cannot be used.
 */

/** The part of a date or time a pattern letter stands for. */
export type PatternField =
  | 'year'
  | 'month'
  | 'day'
  | 'hour24'
  | 'hour12'
  | 'minute'
  | 'second'
  | 'fraction'
  | 'ampm'
  | 'offset'
  | 'weekday';

export type PatternToken =
  | { type: 'field'; field: PatternField; letter: string; width: number }
  | { type: 'literal'; text: string };

interface LetterRule {
  field: PatternField;
  widths: readonly number[];
  usage: string;
}

// Offsets and weekday names go beyond what the issue asks; they cost little and let a user give
// values with an offset, which is the cure for the clock-change issues.
const LETTERS: Readonly<Record<string, LetterRule>> = {
  y: { field: 'year', widths: [1, 2, 3, 4], usage: 'yyyy (2024) or yy (24)' },
  M: { field: 'month', widths: [1, 2, 3, 4], usage: 'MM (04), M (4), MMM (Apr) or MMMM (April)' },
  d: { field: 'day', widths: [1, 2], usage: 'dd (03) or d (3)' },
  H: { field: 'hour24', widths: [1, 2], usage: 'HH (00 to 23) or H (0 to 23)' },
  h: { field: 'hour12', widths: [1, 2], usage: 'hh (01 to 12) or h (1 to 12), with a for AM/PM' },
  m: { field: 'minute', widths: [1, 2], usage: 'mm (05) or m (5)' },
  s: { field: 'second', widths: [1, 2], usage: 'ss (09) or s (9)' },
  S: { field: 'fraction', widths: [1, 2, 3, 4, 5, 6, 7, 8, 9], usage: 'S to SSSSSSSSS' },
  a: { field: 'ampm', widths: [1, 2, 3], usage: 'a (AM or PM)' },
  X: { field: 'offset', widths: [1, 2, 3], usage: 'XXX (+02:00), XX (+0200) or X (+02)' },
  x: { field: 'offset', widths: [1, 2, 3], usage: 'xxx (+02:00), xx (+0200) or x (+02)' },
  Z: { field: 'offset', widths: [1, 2, 3, 5], usage: 'Z (+0200) or ZZZZZ (+02:00)' },
  E: { field: 'weekday', widths: [1, 2, 3, 4], usage: 'EEE (Tue) or EEEE (Tuesday)' },
};

// The mistakes people make most, with the fix.
const LETTER_HINTS: Readonly<Record<string, string>> = {
  Y: 'Y is the week-based year, which differs from the calendar year around New Year. Use yyyy for the year.',
  D: 'D is the day of the year (1 to 366). Use dd for the day of the month.',
  u: 'u is not supported. Use yyyy for the year.',
  T: "Letters that are text must be in single quotes: write 'T' for the T between date and time.",
  z: 'Time-zone names (z) are not supported. Set the time zone of the column instead, or use XXX for offsets like +02:00.',
  k: 'k is not supported. Use HH for hours 0 to 23, or hh with a for 1 to 12 AM/PM.',
  K: 'K is not supported. Use HH for hours 0 to 23, or hh with a for 1 to 12 AM/PM.',
  L: 'L is not supported. Use MM for the month.',
};

const FIELD_NAMES: Readonly<Record<PatternField, string>> = {
  year: 'year',
  month: 'month',
  day: 'day',
  hour24: 'hour',
  hour12: 'hour',
  minute: 'minutes',
  second: 'seconds',
  fraction: 'fractions of a second',
  ampm: 'AM/PM marker',
  offset: 'UTC offset',
  weekday: 'weekday',
};

export type TokenizeResult = { ok: true; tokens: PatternToken[] } | { ok: false; reason: string };

/**
 * Reads a pattern into tokens; `reason` says in plain words why it cannot be used. For reading, the
 * pattern must also name one full date (a time alone, or a year twice, cannot be read back); for
 * writing (previews) any combination of known letters is fine.
 */
export function tokenizePattern(
  pattern: string,
  purpose: 'read' | 'write' = 'read',
): TokenizeResult {
  const text = pattern.trim();
  if (text === '') return { ok: false, reason: 'It is empty.' };
  const tokens: PatternToken[] = [];
  const addLiteral = (literal: string): void => {
    const last = tokens.at(-1);
    if (last?.type === 'literal') last.text += literal;
    else tokens.push({ type: 'literal', text: literal });
  };
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === "'") {
      if (text.charAt(index + 1) === "'") {
        addLiteral("'");
        index += 2;
        continue;
      }
      const quoted = readQuoted(text, index + 1);
      if (quoted === null) return { ok: false, reason: "A quote ' is opened but never closed." };
      if (quoted.text !== '') addLiteral(quoted.text);
      index = quoted.end;
      continue;
    }
    if (!/[A-Za-z]/.test(char)) {
      addLiteral(char);
      index += 1;
      continue;
    }
    let width = 1;
    while (text.charAt(index + width) === char) width += 1;
    const rule = LETTERS[char];
    if (rule === undefined) {
      const hint = LETTER_HINTS[char];
      return {
        ok: false,
        reason:
          hint ??
          `The letter ${char} is not a date part we know. Letters that are text must be in single quotes, like 'T'.`,
      };
    }
    if (!rule.widths.includes(width)) {
      return {
        ok: false,
        reason: `${char.repeat(width)} is not a ${FIELD_NAMES[rule.field]} format we know. Use ${rule.usage}.`,
      };
    }
    tokens.push({ type: 'field', field: rule.field, letter: char, width });
    index += width;
  }
  const problem = purpose === 'read' ? describeFieldProblem(tokens) : null;
  return problem === null ? { ok: true, tokens } : { ok: false, reason: problem };
}

/**
 * A plain-words error for a pattern that cannot be used, such as
 * `The date format "yyyy-mm-dd" is not understood. mm means minutes. Use MM for the month.`;
 * `null` for a usable pattern.
 */
export function describePatternError(pattern: string): string | null {
  const result = tokenizePattern(pattern);
  if (result.ok) return null;
  return `The date format "${pattern}" is not understood. ${result.reason}`;
}

function readQuoted(text: string, start: number): { text: string; end: number } | null {
  let literal = '';
  let index = start;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === "'") {
      if (text.charAt(index + 1) !== "'") return { text: literal, end: index + 1 };
      literal += "'";
      index += 2;
    } else {
      literal += char;
      index += 1;
    }
  }
  return null;
}

function describeFieldProblem(tokens: readonly PatternToken[]): string | null {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.type !== 'field') continue;
    const key = token.field === 'hour12' ? 'hour24' : token.field;
    if (seen.has(key)) return `It has the ${FIELD_NAMES[token.field]} twice.`;
    seen.add(key);
  }
  const has = (field: PatternField): boolean => seen.has(field);
  if (!has('month') && has('minute') && !has('hour24')) {
    return 'mm means minutes. Use MM for the month.';
  }
  const missing = (['year', 'month', 'day'] as const).filter((field) => !has(field));
  if (missing.length > 0) {
    return `It needs a year (yyyy), a month (MM) and a day (dd); the ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing.`;
  }
  const hour12 = tokens.some((token) => token.type === 'field' && token.field === 'hour12');
  if (hour12 && !has('ampm')) {
    return 'hh is the 12-hour clock and needs a for AM/PM. For the 24-hour clock use HH.';
  }
  if (!hour12 && has('ampm')) return 'a (AM/PM) goes with the 12-hour clock hh, not with HH.';
  if (has('minute') && !has('hour24')) return 'It has minutes but no hour (HH).';
  if (has('second') && !has('minute')) return 'It has seconds but no minutes (mm).';
  if (has('fraction') && !has('second')) return 'It has fractions of a second but no seconds (ss).';
  return null;
}
