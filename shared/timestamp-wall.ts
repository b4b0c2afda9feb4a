/**
 * Checks and encodings of a calendar date and clock time as written (a {@link WallTime}), shared by the
 * ISO 8601 reader and the pattern reader.
 */
import type { WallTime } from './timestamp-types';

/** 2000-01-01T00:00:00Z: the earliest instant accepted. */
export const EARLIEST_TIMESTAMP = 946_684_800_000;

/** English month names, January first: what `MMMM` writes and what `MMM`/`MMMM` read. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Month number (1-12) for an English month name or its abbreviation (`Apr`, `Sept`, `april.`). */
export function monthFromName(name: string): number | null {
  const key = name.replace(/\.$/, '').toLowerCase();
  if (key.length < 3) return null;
  const index = MONTH_NAMES.findIndex((month) => {
    const full = month.toLowerCase();
    return full === key || full.slice(0, 3) === key || (key === 'sept' && full === 'september');
  });
  return index === -1 ? null : index + 1;
}

const monthLengths = new Map<number, number>();

/** Days in a month (1-12) of a year, from the platform's calendar (remembered: a Date costs µs). */
export function daysInMonth(year: number, month: number): number {
  const key = year * 16 + month;
  let days = monthLengths.get(key);
  if (days === undefined) {
    days = new Date(wallToMs({ ...MIDNIGHT, year, month: month + 1, day: 0 })).getUTCDate();
    if (monthLengths.size >= 10_000) monthLengths.clear();
    monthLengths.set(key, days);
  }
  return days;
}

const MIDNIGHT = { hour: 0, minute: 0, second: 0, millisecond: 0 };

/**
 * The wall time encoded as if it were UTC. `Date.UTC` reads years 0-99 as 1900-1999, so those take
 * the slower exact route (they are out of range anyway, but the message must name the right year).
 */
export function wallToMs(wall: WallTime): number {
  if (wall.year >= 100) {
    return Date.UTC(
      wall.year,
      wall.month - 1,
      wall.day,
      wall.hour,
      wall.minute,
      wall.second,
      wall.millisecond,
    );
  }
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
}

/**
 * Why the fields do not name a real date and time (plain words, no value quoted), or `null` when they do.
 * A leap second (`:60`) is refused: the API's Unix milliseconds cannot express it.
 */
export function describeWallProblem(wall: WallTime): string | null {
  if (wall.month < 1 || wall.month > 12) return `${wall.month} is not a month (1 to 12)`;
  if (wall.day < 1) return `${wall.day} is not a day of the month`;
  const days = daysInMonth(wall.year, wall.month);
  if (wall.day > days) {
    return `${MONTH_NAMES[wall.month - 1] ?? ''} ${wall.year} has only ${days} days`;
  }
  if (wall.hour > 23) return `${wall.hour} is not an hour (0 to 23)`;
  if (wall.minute > 59) return `${wall.minute} is not a minute (0 to 59)`;
  if (wall.second > 59) return `${wall.second} is not a second (0 to 59)`;
  return null;
}
