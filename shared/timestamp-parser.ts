/**
 * The compiled per-cell parser of a decided timestamp format. Built once per column; each call is a
 * precompiled regex, a little arithmetic and (for local times) one cached zone lookup.
 */
import { DateTime } from 'luxon';
import type {
  ResolvedTimestampFormat,
  TimestampContext,
  TimestampResult,
  WallTime,
} from './timestamp-types';
import { formatTimestamp } from './timestamp-format';
import { compilePatternReader, readOffset } from './timestamp-pattern-reader';
import { describePatternError, tokenizePattern } from './timestamp-pattern';
import { daysInMonth, describeWallProblem, EARLIEST_TIMESTAMP, wallToMs } from './timestamp-wall';
import { createLocalResolver } from './timestamp-zone';
import type { RangeHint } from './timestamp-messages';
import {
  ambiguousMessage,
  blankMessage,
  describeFormat,
  impossibleMessage,
  nonexistentMessage,
  outOfRangeMessage,
  scientificMessage,
  unknownZoneMessage,
  unparsedMessage,
} from './timestamp-messages';

const DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
// Unambiguous in every layout (day 31, hour 17), for "like ..." examples in messages.
export const EXAMPLE_INSTANT = Date.UTC(2024, 11, 31, 17, 45, 30, 123);

/** ISO 8601 as spreadsheets write it: date, optional time (`T` or space), fraction and offset. */
export const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;

type Reader = (value: string) => TimestampResult;
type Issue = Extract<TimestampResult, { ok: false }>;

const unparsed = (message: string): Issue => ({ ok: false, kind: 'timestamp_unparsed', message });

/** The latest instant accepted: one year after `now` (a year from today if `now` is not a number). */
export function latestTimestamp(now: number): number {
  const base = Number.isFinite(now) ? now : Date.now();
  return DateTime.fromMillis(base, { zone: 'utc' }).plus({ years: 1 }).toMillis();
}

/**
 * Compiles a parser for one decided format and context. The parser never throws: every string gets a
 * result, blank ones `timestamp_unparsed` (callers report blanks as missing before asking).
 */
export function createTimestampParser(
  format: ResolvedTimestampFormat,
  context: TimestampContext,
): (value: string) => TimestampResult {
  const { zone } = context;
  const latest = latestTimestamp(context.now);
  const resolve = createLocalResolver(zone);
  const shownZone = resolve === null ? 'UTC' : zone;

  const inRange = (value: string, ms: number, hint: RangeHint = null): TimestampResult => {
    if (ms >= EARLIEST_TIMESTAMP && ms <= latest) return { ok: true, ms };
    const tooEarly = !(ms >= EARLIEST_TIMESTAMP);
    const message = outOfRangeMessage(value, ms, shownZone, tooEarly, latest, hint);
    return { ok: false, kind: 'timestamp_out_of_range', message };
  };

  const fromWall = (value: string, wall: number): TimestampResult => {
    if (resolve === null) return unparsed(unknownZoneMessage(value, zone));
    const local = resolve(wall);
    if (local.ok) return inRange(value, local.ms);
    if (local.kind === 'gap') {
      const message = nonexistentMessage(value, zone, local);
      return { ok: false, kind: 'timestamp_nonexistent', message };
    }
    return {
      ok: false,
      kind: 'timestamp_ambiguous',
      message: ambiguousMessage(value, zone, local),
    };
  };

  const read = createReader(format, latest, inRange, fromWall);
  return (value) => {
    try {
      const text = typeof value === 'string' ? value.trim() : '';
      return text === '' ? unparsed(blankMessage()) : read(text);
    } catch {
      // Defence in depth: a bug here must cost one row, never the whole import.
      return unparsed(unparsedMessage(String(value), describeFormat(format)));
    }
  };
}

function createReader(
  format: ResolvedTimestampFormat,
  latest: number,
  inRange: (value: string, ms: number, hint?: RangeHint) => TimestampResult,
  fromWall: (value: string, wall: number) => TimestampResult,
): Reader {
  const expected = describeFormat(format);
  const readNumber = (value: string): number | Issue => {
    if (DECIMAL.test(value)) return Number(value.replace(',', '.'));
    return unparsed(
      SCIENTIFIC.test(value) ? scientificMessage(value) : unparsedMessage(value, expected),
    );
  };
  // Whether reading the number in the other unit would have worked, to suggest that unit.
  const inWindow = (ms: number): boolean => ms >= EARLIEST_TIMESTAMP && ms <= latest;

  switch (format.kind) {
    case 'unix_ms':
      return (value) => {
        const number = readNumber(value);
        if (typeof number !== 'number') return number;
        const ms = Math.round(number);
        return inRange(value, ms, inWindow(ms * 1000) ? 'seconds' : null);
      };
    case 'unix_s':
      return (value) => {
        const number = readNumber(value);
        if (typeof number !== 'number') return number;
        const ms = Math.round(number * 1000);
        return inRange(value, ms, inWindow(Math.round(number)) ? 'milliseconds' : null);
      };
    case 'excel_serial':
      return (value) => {
        const serial = readNumber(value);
        if (typeof serial !== 'number') return serial;
        if (serial < 0) return unparsed(unparsedMessage(value, expected));
        const days = Math.floor(serial);
        return fromWall(value, EXCEL_EPOCH + days * DAY + timeOfDay(serial - days));
      };
    case 'iso8601':
      return (value) =>
        readCanonicalIso(value, inRange, fromWall) ?? readIso(value, expected, inRange, fromWall);
    case 'pattern':
      return createPatternReader(format.pattern, inRange, fromWall);
  }
}

/**
 * Milliseconds into the day of a serial's fraction. Spreadsheets store the fraction as a binary
 * double and often export it cut to a few digits, so a time within 1 ms of a whole second is taken
 * to be that second; otherwise the nearest millisecond.
 */
function timeOfDay(fraction: number): number {
  const exact = fraction * DAY;
  const second = Math.round(exact / 1000) * 1000;
  return Math.abs(exact - second) <= 1 ? second : Math.round(exact);
}

/** The two decimal digits at `at` as a number, or -1 (also past the end: charCodeAt gives NaN). */
function twoDigits(value: string, at: number): number {
  const tens = value.charCodeAt(at) - 48;
  const ones = value.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * The forms exports nearly always write (`2024-04-03T05:50:56Z`, with a fraction, a `+02:00`
 * offset or none), read by character codes: on a file of millions of rows the regular expression,
 * its match array and the `Number` calls cost more than all the rest of a row's conversion.
 * Returns null for anything else, and for any value that fails a check, so that those take the
 * regular path below and get its exact messages.
 */
function readCanonicalIso(
  value: string,
  inRange: (value: string, ms: number) => TimestampResult,
  fromWall: (value: string, wall: number) => TimestampResult,
): TimestampResult | null {
  const length = value.length;
  const century = twoDigits(value, 0);
  const yearOfCentury = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  const second = twoDigits(value, 17);
  const separator = value.charCodeAt(10);
  // Years below 100 are out of range anyway; the regular path words their message.
  if (century < 1 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null; // '-'
  if (separator !== 84 && separator !== 116 && separator !== 32) return null; // 'T', 't', ' '
  if (value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return null; // ':'
  const year = century * 100 + yearOfCentury;
  if (day > 28 && day > daysInMonth(year, month)) return null;

  let at = 19;
  let millisecond = 0;
  const mark = value.charCodeAt(at);
  if (mark === 46 || mark === 44) {
    // '.' or ','; digits past the millisecond are cut off, as Date.parse and Luxon do.
    at += 1;
    const start = at;
    let scale = 100;
    for (let digit = value.charCodeAt(at) - 48; digit >= 0 && digit <= 9;) {
      millisecond += digit * scale;
      scale = Math.trunc(scale / 10);
      at += 1;
      digit = value.charCodeAt(at) - 48;
    }
    if (at === start) return null;
  }
  const wall =
    (daysSinceEpoch(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second) * 1000 +
    millisecond;
  if (at === length) return fromWall(value, wall);
  const zone = value.charCodeAt(at);
  if ((zone === 90 || zone === 122) && at + 1 === length) return inRange(value, wall); // 'Z', 'z'
  if ((zone === 43 || zone === 45) && at + 6 === length && value.charCodeAt(at + 3) === 58) {
    const offsetHours = twoDigits(value, at + 1);
    const offsetMinutes = twoDigits(value, at + 4);
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return null;
    const offset = (offsetHours * 60 + offsetMinutes) * (zone === 45 ? -60_000 : 60_000);
    return inRange(value, wall - offset);
  }
  return null;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, as `Date.UTC` counts them but
 * in plain arithmetic (Date.UTC is a call into the runtime that costs as much as the whole parse).
 * Counts in 400-year eras of 146,097 days, with years starting in March so that the leap day ends
 * the year (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function readIso(
  value: string,
  expected: string,
  inRange: (value: string, ms: number) => TimestampResult,
  fromWall: (value: string, wall: number) => TimestampResult,
): TimestampResult {
  const match = ISO_DATE_TIME.exec(value);
  if (match === null) return unparsed(unparsedMessage(value, expected));
  const wall: WallTime = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4] ?? 0),
    minute: Number(match[5] ?? 0),
    second: Number(match[6] ?? 0),
    // Digits past the millisecond are cut off, as Date.parse and Luxon do.
    millisecond: Number((match[7] ?? '').slice(0, 3).padEnd(3, '0')),
  };
  const problem = describeWallProblem(wall);
  if (problem !== null) return unparsed(impossibleMessage(value, problem));
  const offsetText = match[8];
  if (offsetText === undefined) return fromWall(value, wallToMs(wall));
  const offset = readOffset(offsetText);
  if (offset === null)
    return unparsed(impossibleMessage(value, `${offsetText} is not a UTC offset`));
  return inRange(value, wallToMs(wall) - offset * 60_000);
}

function createPatternReader(
  pattern: string,
  inRange: (value: string, ms: number) => TimestampResult,
  fromWall: (value: string, wall: number) => TimestampResult,
): Reader {
  const tokens = tokenizePattern(pattern);
  if (!tokens.ok) {
    const message = `${describePatternError(pattern) ?? ''} Correct the timestamp format of the column.`;
    return () => unparsed(message);
  }
  const reader = compilePatternReader(tokens.tokens);
  const expected = describeFormat(
    { kind: 'pattern', pattern },
    formatTimestamp(EXAMPLE_INSTANT, pattern, 'UTC'),
  );
  return (value) => {
    const read = reader(value);
    if (!read.ok) {
      return unparsed(
        read.problem === null
          ? unparsedMessage(value, expected)
          : impossibleMessage(value, read.problem),
      );
    }
    if (read.offsetMinutes === null) return fromWall(value, read.wall);
    return inRange(value, read.wall - read.offsetMinutes * 60_000);
  };
}
