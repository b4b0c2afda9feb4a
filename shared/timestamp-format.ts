/**
 * Writing an instant with a Unicode date pattern, the inverse of the pattern reader: for previews
 * ("31.12.2024 23:59") and for the round-trip property tests. Unlike reading, writing accepts patterns
 * of a time or a date alone (`HH:mm`).
 */
import { DateTime } from 'luxon';
import type { PatternToken } from './timestamp-pattern';
import { tokenizePattern } from './timestamp-pattern';
import { MONTH_NAMES } from './timestamp-wall';

const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

function formatOffset(minutes: number, letter: string, width: number): string {
  if (minutes === 0 && (letter === 'X' || (letter === 'Z' && width === 5))) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const hours = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const rest = pad(Math.abs(minutes) % 60, 2);
  if (letter === 'Z') return width === 5 ? `${sign}${hours}:${rest}` : `${sign}${hours}${rest}`;
  if (width === 1) return rest === '00' ? `${sign}${hours}` : `${sign}${hours}${rest}`;
  return width === 2 ? `${sign}${hours}${rest}` : `${sign}${hours}:${rest}`;
}

function formatToken(token: PatternToken, time: DateTime<true>): string {
  if (token.type === 'literal') return token.text;
  const { width } = token;
  const number = (value: number): string => (width >= 2 ? pad(value, 2) : String(value));
  switch (token.field) {
    case 'year':
      return width === 2 ? pad(time.year % 100, 2) : pad(time.year, width);
    case 'month': {
      const name = MONTH_NAMES[time.month - 1] ?? '';
      if (width === 3) return name.slice(0, 3);
      return width === 4 ? name : number(time.month);
    }
    case 'day':
      return number(time.day);
    case 'hour24':
      return number(time.hour);
    case 'hour12':
      return number(time.hour % 12 === 0 ? 12 : time.hour % 12);
    case 'minute':
      return number(time.minute);
    case 'second':
      return number(time.second);
    case 'fraction':
      return pad(time.millisecond, 3).slice(0, width).padEnd(width, '0');
    case 'ampm':
      return time.hour < 12 ? 'AM' : 'PM';
    case 'offset':
      return formatOffset(time.offset, token.letter, width);
    case 'weekday': {
      const name = WEEKDAY_NAMES[time.weekday - 1] ?? '';
      return width === 4 ? name : name.slice(0, 3);
    }
  }
}

/**
 * Writes the instant `ms` in `zone` with a Unicode date pattern (English month and weekday names),
 * such as `formatTimestamp(ms, 'dd.MM.yyyy HH:mm', 'Europe/Berlin')`. Throws a `RangeError` with a
 * plain-words message for a pattern with letters it does not know, an unknown zone, or an instant
 * outside the calendar's range.
 */
export function formatTimestamp(ms: number, pattern: string, zone: string): string {
  const tokens = tokenizePattern(pattern, 'write');
  if (!tokens.ok) {
    throw new RangeError(`The date format "${pattern}" is not understood. ${tokens.reason}`);
  }
  const time = DateTime.fromMillis(ms, { zone });
  if (!time.isValid) throw new RangeError(`Cannot write ${ms} in the time zone "${zone}".`);
  return tokens.tokens.map((token) => formatToken(token, time)).join('');
}
