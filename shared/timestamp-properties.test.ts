import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResolvedTimestampFormat } from './timestamps';
import {
  createFormatDetector,
  createTimestampParser,
  EARLIEST_TIMESTAMP,
  formatTimestamp,
  latestTimestamp,
} from './timestamps';

const NOW = Date.UTC(2025, 5, 15);
const LATEST = latestTimestamp(NOW);
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// Clock changes of 2024 with their zone, where overlaps and gaps live (Lord Howe's are half an hour).
const CHANGES: readonly (readonly [instant: number, zone: string])[] = [
  [Date.UTC(2024, 2, 31, 1), 'Europe/Berlin'],
  [Date.UTC(2024, 9, 27, 1), 'Europe/Berlin'],
  [Date.UTC(2024, 2, 10, 7), 'America/New_York'],
  [Date.UTC(2024, 10, 3, 6), 'America/New_York'],
  [Date.UTC(2024, 3, 6, 15), 'Australia/Lord_Howe'],
  [Date.UTC(2024, 9, 5, 15, 30), 'Australia/Lord_Howe'],
];

/** Each pattern with the unit its values are exact to (a date-only pattern to the local day). */
const PATTERNS: readonly (readonly [pattern: string, unit: number | 'day'])[] = [
  ['dd.MM.yyyy HH:mm', MINUTE],
  ['MM/dd/yyyy h:mm a', MINUTE],
  ['yyyy-MM-dd HH:mm:ss', 1000],
  ['d/M/yyyy', 'day'],
  ['dd.MM.yyyy', 'day'],
  ["yyyy-MM-dd'T'HH:mm:ss.SSS", 1],
  ['dd.MM.yy H:mm', MINUTE],
  ['yyyyMMddHHmmss', 1000],
  ['EEE, d MMM yyyy hh:mm:ss a', 1000],
  ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", 1],
];

/** An instant and a zone: anywhere in range, or (as often) within 3 hours of one of the clock changes. */
const instantInZone = fc.oneof(
  fc.tuple(fc.integer({ min: EARLIEST_TIMESTAMP, max: LATEST }), fc.constantFrom(...ZONES)),
  fc
    .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -3 * HOUR, max: 3 * HOUR }))
    .map(([[change, zone], shift]) => [change + shift, zone] as const),
);

const WALL = 'yyyy-MM-dd HH:mm:ss.SSS';
/** Whether the wall-clock time of `ms` also occurs 30 or 60 minutes away (a fall-back overlap). */
function occursTwice(ms: number, zone: string): boolean {
  const wall = formatTimestamp(ms, WALL, zone);
  return [-HOUR, -HOUR / 2, HOUR / 2, HOUR].some(
    (shift) => formatTimestamp(ms + shift, WALL, zone) === wall,
  );
}

describe('round trip: write an instant with a pattern, read it back', () => {
  it.each(PATTERNS)('%s', (pattern, unit) => {
    fc.assert(
      fc.property(instantInZone, ([raw, zone]) => {
        const ms = unit === 'day' ? raw : raw - (raw % unit);
        // The local day 2000-01-01 may start before 2000-01-01T00:00Z (the earliest instant), and a
        // local 1999 (New York on 2000-01-01 UTC) cannot be written as yy = 20yy: both are left out.
        const localDay = formatTimestamp(ms, 'yyyy-MM-dd', zone);
        fc.pre(ms <= LATEST && localDay >= '2000-01-02');
        const written = formatTimestamp(ms, pattern, zone);
        const parse = createTimestampParser({ kind: 'pattern', pattern }, { zone, now: NOW });
        const result = parse(written);
        const canOccurTwice = unit !== 'day' && !pattern.includes('X');
        if (!result.ok) {
          // Only a wall time the clocks passed twice may fail: reported, never guessed.
          expect(result.kind).toBe('timestamp_ambiguous');
          expect(canOccurTwice && occursTwice(ms, zone)).toBe(true);
          return;
        }
        if (canOccurTwice) expect(occursTwice(ms, zone)).toBe(false);
        if (unit === 'day') {
          expect(formatTimestamp(result.ms, 'HH:mm:ss.SSS', zone)).toBe('00:00:00.000');
          expect(formatTimestamp(result.ms, pattern, zone)).toBe(written);
        } else {
          expect(result.ms).toBe(ms);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('iso8601, with and without offset', () => {
    fc.assert(
      fc.property(instantInZone, fc.boolean(), ([ms, zone], withOffset) => {
        const pattern = withOffset ? "yyyy-MM-dd'T'HH:mm:ss.SSSXXX" : "yyyy-MM-dd'T'HH:mm:ss.SSS";
        const result = createTimestampParser(
          { kind: 'iso8601' },
          { zone, now: NOW },
        )(formatTimestamp(ms, pattern, zone));
        if (result.ok) expect(result.ms).toBe(ms);
        else expect(!withOffset && result.kind === 'timestamp_ambiguous').toBe(true);
      }),
    );
  });

  it('unix_ms and unix_s', () => {
    fc.assert(
      fc.property(fc.integer({ min: EARLIEST_TIMESTAMP, max: LATEST }), (ms) => {
        const context = { zone: 'UTC', now: NOW };
        expect(createTimestampParser({ kind: 'unix_ms' }, context)(String(ms))).toEqual({
          ok: true,
          ms,
        });
        expect(createTimestampParser({ kind: 'unix_s' }, context)(String(ms / 1000))).toEqual({
          ok: true,
          ms,
        });
      }),
    );
  });
});

const FORMATS: ResolvedTimestampFormat[] = [
  { kind: 'iso8601' },
  { kind: 'unix_ms' },
  { kind: 'unix_s' },
  { kind: 'excel_serial' },
  { kind: 'pattern', pattern: 'dd.MM.yyyy HH:mm' },
  { kind: 'pattern', pattern: 'MM/dd/yyyy h:mm a' },
  { kind: 'pattern', pattern: "EEE, d MMM yyyy HH:mm:ss.SSS XXX 'x'" },
  { kind: 'pattern', pattern: 'YYYY-mm' },
];

// Strings that look almost like timestamps find more corners than uniform noise.
const nearlyDates = fc
  .array(
    fc.constantFrom('2024', '13', '02', '29', '12', ':', '.', '/', '-', ' ', 'T', 'Z', 'PM', '+'),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('the compiled parser never throws', () => {
  it.each(FORMATS)('%o', (format) => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string(), nearlyDates, fc.double().map(String)),
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Nowhere/Land'),
        (value, zone) => {
          const result = createTimestampParser(format, { zone, now: NOW })(value);
          if (result.ok) {
            expect(Number.isInteger(result.ms)).toBe(true);
            expect(result.ms).toBeGreaterThanOrEqual(EARLIEST_TIMESTAMP);
          } else {
            expect(result.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('nor does the detector', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), nearlyDates)), (values) => {
        const detector = createFormatDetector();
        values.forEach((value) => detector.observe(value));
        expect(typeof detector.result().ok).toBe('boolean');
      }),
    );
  });
});
