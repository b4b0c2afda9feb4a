// Excel's date serials as the wall-clock time a cell shows. A serial counts days (the fraction is
// the time of day) from the workbook's epoch, with no time zone: the value is what Excel shows,
// so it becomes a wall clock, read later in the mapping's time zone like a CSV time without offset.

import type { WallTime } from '../../../../shared/timestamp-types';
import type { DateShape } from './number-format';

/**
 * A date and time as a cell shows it, without a time zone: shared's wall time to the second (a
 * cell's time is rounded to whole seconds, see `serialToWallClock`).
 */
export type WallClock = Omit<WallTime, 'millisecond'>;

/**
 * 1900: Windows Excel's (day 1 is 1900-01-01); 1904: old Mac Excel's (day 0 is 1904-01-01), set
 * by `<workbookPr date1904="1"/>`.
 */
export type DateSystem = 1900 | 1904;

const DAY_MS = 86_400_000;
const DAY_SECONDS = 86_400;
// 9999-12-31, the last day Excel shows, in each system; larger serials show as ####.
const LAST_SERIAL: Record<DateSystem, number> = { 1900: 2_958_466, 1904: 2_957_004 };
// Excel keeps Lotus 1-2-3's mistake of a 29 February 1900: serial 60 is that day, so serials
// after it count from 1899-12-30 and serials before it from 1899-12-31.
const FAKE_LEAP_DAY = 60;
const EPOCH_BEFORE_LEAP_DAY = Date.UTC(1899, 11, 31);
const EPOCH_AFTER_LEAP_DAY = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * The wall clock of a serial, to the nearest second (Excel writes times to 15 digits, so 14:30
 * arrives as 45356.6041666667). Null for a serial Excel does not show as a date: negative, past
 * 9999-12-31, or not a number. In the 1900 system serial 60 gives 1900-02-29, the day Excel
 * shows though it never was; turning it into a timestamp then fails as the invalid date it is.
 */
export function serialToWallClock(serial: number, system: DateSystem): WallClock | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= LAST_SERIAL[system]) return null;
  const seconds = Math.round(serial * DAY_SECONDS);
  const days = Math.floor(seconds / DAY_SECONDS);
  const rest = seconds - days * DAY_SECONDS;
  const time = {
    hour: Math.floor(rest / 3600),
    minute: Math.floor((rest % 3600) / 60),
    second: rest % 60,
  };
  if (system === 1900 && days === FAKE_LEAP_DAY) return { year: 1900, month: 2, day: 29, ...time };
  const epoch =
    system === 1904
      ? EPOCH_1904
      : days < FAKE_LEAP_DAY
        ? EPOCH_BEFORE_LEAP_DAY
        : EPOCH_AFTER_LEAP_DAY;
  const date = new Date(epoch + days * DAY_MS);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    ...time,
  };
}

const ISO_CELL =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The wall clock of a `t="d"` cell (ISO 8601 text, as Strict workbooks and some writers store
 * dates), and whether it has a time; null when the text is not such a date. An offset, which
 * Excel itself never writes, is dropped: the cell shows the time as written.
 */
export function isoToWallClock(text: string): { wallClock: WallClock; hasTime: boolean } | null {
  const match = ISO_CELL.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part: string | undefined) => Number(part ?? 0)); // groups that did not match are undefined
  const wallClock = {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: second ?? 0,
  };
  return { wallClock, hasTime: match[4] !== undefined };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `2024-03-05`. */
export function isoDate(clock: WallClock): string {
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** `14:30:00`. */
export function isoTime(clock: WallClock): string {
  return `${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
}

/**
 * A date cell as ISO 8601 text: `2024-03-05` when its format shows only the day,
 * `2024-03-05T14:30:00` when it shows a time; a time-only format on a serial under one day (a
 * time with no date, as `14:30` typed into a cell is stored) gives `14:30:00`.
 */
export function wallClockToIso(clock: WallClock, shape: DateShape, timeOnly: boolean): string {
  if (shape === 'date') return isoDate(clock);
  if (shape === 'time' && timeOnly) return isoTime(clock);
  return `${isoDate(clock)}T${isoTime(clock)}`;
}
