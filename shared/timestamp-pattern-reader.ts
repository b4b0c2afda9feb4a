/**
 * Compiles a tokenized Unicode pattern once into one regular expression and field readers, so that
 * reading a cell is one `exec` and a few `parseInt`s (Luxon's `fromFormat` costs ~30 µs a value).
 */
import type { PatternField, PatternToken } from './timestamp-pattern';
import type { WallTime } from './timestamp-types';
import { describeWallProblem, monthFromName, wallToMs } from './timestamp-wall';

/**
 * A cell read by a pattern: the wall time encoded as if UTC (see `wallToMs`) and the offset in minutes
 * when the pattern has one. `problem` is `null` when the value does not have the pattern's layout,
 * or says in plain words which field is impossible (`13 is not a month (1 to 12)`).
 */
export type PatternRead =
  { ok: true; wall: number; offsetMinutes: number | null } | { ok: false; problem: string | null };

interface Capture {
  field: PatternField;
  width: number;
}

const NUMERIC: ReadonlySet<PatternField> = new Set([
  'year',
  'day',
  'hour24',
  'hour12',
  'minute',
  'second',
  'fraction',
]);

function isNumeric(token: PatternToken | undefined): boolean {
  if (token?.type !== 'field') return false;
  return NUMERIC.has(token.field) || (token.field === 'month' && token.width <= 2);
}

/**
 * Padding is optional (`dd` reads `3` and `03`) unless two numbers touch with no separator between
 * them (`yyyyMMdd`), where only the exact width can tell where one ends.
 */
function fieldRegex(token: PatternToken & { type: 'field' }, touching: boolean): string {
  const digits = (width: number): string =>
    touching && width >= 2 ? `(\\d{${width}})` : '(\\d{1,2})';
  switch (token.field) {
    case 'year':
      return token.width === 2 ? '(\\d{2})' : '(\\d{4})';
    case 'month':
      return token.width >= 3 ? '([a-z]{3,9}\\.?)' : digits(token.width);
    case 'fraction':
      return touching ? `(\\d{${token.width}})` : '(\\d{1,9})';
    case 'ampm':
      return '([ap]\\.?m\\.?)';
    case 'offset':
      return '(z|[+-]\\d{2}(?::?\\d{2})?)';
    case 'weekday':
      return '(?:[a-z]{2,9}\\.?)';
    default:
      return digits(token.width);
  }
}

function literalRegex(text: string): string {
  return text
    .split(/(\s+)/)
    .map((part) => (/^\s+$/.test(part) ? '\\s+' : part.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
}

/** Compiles tokens from `tokenizePattern` into a reader; the reader never throws. */
export function compilePatternReader(
  tokens: readonly PatternToken[],
): (value: string) => PatternRead {
  const captures: Capture[] = [];
  let source = '^';
  tokens.forEach((token, index) => {
    if (token.type === 'literal') {
      source += literalRegex(token.text);
      return;
    }
    const touching = isNumeric(tokens[index - 1]) || isNumeric(tokens[index + 1]);
    source += fieldRegex(token, touching && isNumeric(token));
    if (token.field !== 'weekday') captures.push({ field: token.field, width: token.width });
  });
  const regex = new RegExp(`${source}$`, 'i');

  return (value) => {
    const match = regex.exec(value);
    if (match === null) return { ok: false, problem: null };
    const wall: WallTime = {
      year: 2000,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
    };
    let offsetMinutes: number | null = null;
    let pm: boolean | null = null;
    for (let index = 0; index < captures.length; index += 1) {
      const capture = captures[index] as Capture;
      const text = match[index + 1] ?? '';
      switch (capture.field) {
        case 'year':
          wall.year = capture.width === 2 ? 2000 + Number(text) : Number(text);
          break;
        case 'month': {
          const month = capture.width >= 3 ? monthFromName(text) : Number(text);
          if (month === null) return { ok: false, problem: `${text} is not a month name` };
          wall.month = month;
          break;
        }
        case 'day':
          wall.day = Number(text);
          break;
        case 'hour24':
        case 'hour12':
          wall.hour = Number(text);
          break;
        case 'minute':
          wall.minute = Number(text);
          break;
        case 'second':
          wall.second = Number(text);
          break;
        case 'fraction':
          wall.millisecond = Number(text.slice(0, 3).padEnd(3, '0'));
          break;
        case 'ampm':
          pm = text.charAt(0).toLowerCase() === 'p';
          break;
        case 'offset':
          offsetMinutes = readOffset(text);
          if (offsetMinutes === null) return { ok: false, problem: `${text} is not a UTC offset` };
          break;
        case 'weekday':
          // The day, month and year say which day it is; its name only has to be a day name.
          break;
      }
    }
    if (pm !== null) {
      if (wall.hour < 1 || wall.hour > 12) {
        return { ok: false, problem: `${wall.hour} is not an hour on the 12-hour clock (1 to 12)` };
      }
      wall.hour = (wall.hour % 12) + (pm ? 12 : 0);
    }
    const problem = describeWallProblem(wall);
    if (problem !== null) return { ok: false, problem };
    return { ok: true, wall: wallToMs(wall), offsetMinutes };
  };
}

/** Minutes east of UTC for `Z`, `+02`, `+0200` or `-02:30`; `null` past 23:59. */
export function readOffset(text: string): number | null {
  if (text === 'Z' || text === 'z') return 0;
  const sign = text.charAt(0) === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}
