/**
 * Time-zone math for values written without an offset: which instant a wall-clock time in an IANA zone
 * names, and when it names none (spring-forward gap) or two (fall-back overlap).
 */
import { IANAZone } from 'luxon';

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
// Wider than any UTC offset (-12h..+14h), so every instant a local hour can name lies inside it.
const HOUR_WINDOW = 15 * HOUR;
// Bounds memory; a year of distinct local hours is 8,760 entries.
const CACHE_LIMIT = 20_000;
// Date's own limit minus a margin, so the neighbourhood searches stay representable.
const LARGEST_WALL = 8.64e15 - 2 * DAY;

/** The computer's IANA time zone (the default for values without an offset); `UTC` if unknown. */
export function systemTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return typeof zone === 'string' && zone !== '' ? zone : 'UTC';
}

/** Whether `zone` is an IANA time-zone name this runtime knows (such as `Europe/Berlin` or `UTC`). */
export function isValidTimeZone(zone: string): boolean {
  return typeof zone === 'string' && zone.trim() !== '' && IANAZone.isValidZone(zone);
}

/** What a local wall-clock time names in a zone. Clock strings are local, like `02:00`. */
export type LocalResolution =
  | { ok: true; ms: number }
  | { ok: false; kind: 'gap'; clockFrom: string; clockTo: string }
  | {
      ok: false;
      kind: 'overlap';
      clockFrom: string;
      clockTo: string;
      earlier: { ms: number; offsetMinutes: number };
      later: { ms: number; offsetMinutes: number };
    };

/**
 * Compiles a resolver for one valid zone (see {@link isValidTimeZone}); `null` for an unknown zone.
 * Its input is the wall time encoded as if it were UTC (`Date.UTC(year, month - 1, day, ...)`).
 *
 * Speed: most local days are nowhere near a clock change, and for those the answer is one
 * subtraction, remembered per local day (a workbook's date cells may each fall on another day, so a
 * cache per hour would miss on every row); a day near a change is remembered per hour. Only hours
 * within 15 hours of a change take the careful path, which assumes (true for every zone since 2000)
 * that a zone changes its clocks at most once in two days.
 */
export function createLocalResolver(zone: string): ((wall: number) => LocalResolution) | null {
  if (!isValidTimeZone(zone)) return null;
  const ianaZone = IANAZone.create(zone);
  const offsetAt = (instant: number): number => ianaZone.offset(instant) * 60_000;
  const hourOffsets = new Map<number, number>();
  // NaN for a day near a change, whose hours are looked at one by one.
  const dayOffsets = new Map<number, number>();

  const settle = (wall: number): LocalResolution => {
    const before = offsetAt(wall - DAY);
    const after = offsetAt(wall + DAY);
    const valid = (before === after ? [before] : [before, after]).filter(
      (offset) => offsetAt(wall - offset) === offset,
    );
    if (valid.length === 1) return { ok: true, ms: wall - (valid[0] ?? 0) };
    const change = findChange(offsetAt, wall - DAY, wall + DAY, before);
    const clockFrom = describeClock(change + before, change + after);
    const clockTo = describeClock(change + after, change + before);
    if (valid.length === 0) return { ok: false, kind: 'gap', clockFrom, clockTo };
    return {
      ok: false,
      kind: 'overlap',
      clockFrom,
      clockTo,
      earlier: { ms: wall - before, offsetMinutes: before / 60_000 },
      later: { ms: wall - after, offsetMinutes: after / 60_000 },
    };
  };

  return (wall) => {
    // Out of Date's range the zone is meaningless; the range check reports the value instead.
    if (!Number.isFinite(wall) || Math.abs(wall) > LARGEST_WALL) return { ok: true, ms: wall };
    const day = Math.floor(wall / DAY);
    let dayOffset = dayOffsets.get(day);
    if (dayOffset === undefined) {
      const start = offsetAt(day * DAY - HOUR_WINDOW);
      const end = offsetAt(day * DAY + DAY + HOUR_WINDOW);
      dayOffset = start === end ? start : Number.NaN;
      if (dayOffsets.size >= CACHE_LIMIT) dayOffsets.clear();
      dayOffsets.set(day, dayOffset);
    }
    if (!Number.isNaN(dayOffset)) return { ok: true, ms: wall - dayOffset };
    const hour = Math.floor(wall / HOUR);
    let offset = hourOffsets.get(hour);
    if (offset === undefined) {
      const start = offsetAt(hour * HOUR - HOUR_WINDOW);
      const end = offsetAt(hour * HOUR + HOUR + HOUR_WINDOW);
      offset = start === end ? start : Number.NaN;
      if (hourOffsets.size >= CACHE_LIMIT) hourOffsets.clear();
      hourOffsets.set(hour, offset);
    }
    return Number.isNaN(offset) ? settle(wall) : { ok: true, ms: wall - offset };
  };
}

/** The first instant (to the second) after `from` whose offset is no longer `initialOffset`. */
function findChange(
  offsetAt: (instant: number) => number,
  from: number,
  to: number,
  initialOffset: number,
): number {
  let low = Math.floor(from / SECOND);
  let high = Math.ceil(to / SECOND);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle * SECOND) === initialOffset) low = middle;
    else high = middle;
  }
  return high * SECOND;
}

/** `HH:mm` (with seconds when needed); the date too when the other side of the change is another day. */
function describeClock(wall: number, otherSide: number): string {
  const iso = new Date(wall).toISOString();
  const clock = iso.slice(17, 19) === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
  const sameDay = iso.slice(0, 10) === new Date(otherSide).toISOString().slice(0, 10);
  return sameDay ? clock : `${iso.slice(0, 10)} ${clock}`;
}
