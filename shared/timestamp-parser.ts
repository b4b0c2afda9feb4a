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
import { describeWallProblem, EARLIEST_TIMESTAMP, wallToMs } from './timestamp-wall';
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
      return (value) => readIso(value, expected, inRange, fromWall);
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
