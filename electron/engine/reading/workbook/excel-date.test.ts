import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isoToWallClock,
  serialToWallClock,
  wallClockToIso,
  type DateSystem,
  type WallClock,
} from './excel-date';

function iso(serial: number, system: DateSystem = 1900): string | null {
  const clock = serialToWallClock(serial, system);
  return clock && wallClockToIso(clock, 'datetime', false);
}

describe('serialToWallClock, 1900 system', () => {
  it('counts serial 1 as 1900-01-01 and keeps Excel’s 29 February 1900 at serial 60', () => {
    expect(iso(1)).toBe('1900-01-01T00:00:00');
    expect(iso(59)).toBe('1900-02-28T00:00:00');
    expect(serialToWallClock(60, 1900)).toEqual({
      year: 1900,
      month: 2,
      day: 29,
      hour: 0,
      minute: 0,
      second: 0,
    });
    expect(iso(61)).toBe('1900-03-01T00:00:00');
    expect(iso(0)).toBe('1899-12-31T00:00:00');
  });

  it('reads the dates and times Excel and LibreOffice write (times to 15 digits)', () => {
    expect(iso(45356.6041666667)).toBe('2024-03-05T14:30:00');
    expect(iso(45356.604166666664)).toBe('2024-03-05T14:30:00');
    expect(iso(45291.9999884259)).toBe('2023-12-31T23:59:59');
    expect(iso(2958465)).toBe('9999-12-31T00:00:00');
  });

  it('rounds to the second, carrying into the next day', () => {
    expect(iso(45356.99999999)).toBe('2024-03-06T00:00:00');
  });

  it('refuses serials Excel shows as ####', () => {
    expect(serialToWallClock(-1, 1900)).toBeNull();
    expect(serialToWallClock(2958466, 1900)).toBeNull();
    expect(serialToWallClock(Number.NaN, 1900)).toBeNull();
  });
});

describe('serialToWallClock, 1904 system', () => {
  it('counts from 1904-01-01 with no leap-year quirk', () => {
    expect(iso(0, 1904)).toBe('1904-01-01T00:00:00');
    expect(iso(1, 1904)).toBe('1904-01-02T00:00:00');
    expect(iso(43894.6041666667, 1904)).toBe('2024-03-05T14:30:00');
  });

  it('is the 1900 system moved by 1462 days for every serial after the fake leap day', () => {
    fc.assert(
      fc.property(fc.double({ min: 61, max: 2_950_000, noNaN: true }), (serial) => {
        expect(serialToWallClock(serial, 1904)).toEqual(serialToWallClock(serial + 1462, 1900));
      }),
    );
  });
});

describe('serialToWallClock round trip', () => {
  const excelEpoch = Date.UTC(1899, 11, 30);
  const clockOf = (date: Date): WallClock => ({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  });

  it('gives back every wall clock from 1900-03-01 to 9999 written as a serial', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 2, 1) / 1000, max: Date.UTC(9999, 11, 31) / 1000 }),
        (seconds) => {
          const date = new Date(seconds * 1000);
          const serial = (date.getTime() - excelEpoch) / 86_400_000;
          expect(serialToWallClock(serial, 1900)).toEqual(clockOf(date));
          // Excel writes 15 significant digits; the second survives that too.
          expect(serialToWallClock(Number(serial.toPrecision(15)), 1900)).toEqual(clockOf(date));
        },
      ),
    );
  });
});

describe('wallClockToIso', () => {
  const clock = { year: 2024, month: 3, day: 5, hour: 14, minute: 30, second: 0 };
  it('writes the day, the day and time, or the time alone as the format shows it', () => {
    expect(wallClockToIso(clock, 'date', false)).toBe('2024-03-05');
    expect(wallClockToIso(clock, 'datetime', false)).toBe('2024-03-05T14:30:00');
    expect(wallClockToIso(clock, 'time', true)).toBe('14:30:00');
    expect(wallClockToIso(clock, 'time', false)).toBe('2024-03-05T14:30:00');
    expect(wallClockToIso({ ...clock, year: 33 }, 'date', false)).toBe('0033-03-05');
  });
});

describe('isoToWallClock', () => {
  it('reads t="d" cells, with or without a time, dropping an offset', () => {
    expect(isoToWallClock('2024-03-05T14:30:00')).toEqual({
      wallClock: { year: 2024, month: 3, day: 5, hour: 14, minute: 30, second: 0 },
      hasTime: true,
    });
    expect(isoToWallClock('2024-03-05')?.hasTime).toBe(false);
    expect(isoToWallClock('2024-03-05T14:30:15.250Z')?.wallClock.second).toBe(15);
    expect(isoToWallClock('5.3.2024')).toBeNull();
  });
});
