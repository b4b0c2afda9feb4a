import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ResolvedTimestampFormat, TimestampResult } from './timestamps';
import { createTimestampParser } from './timestamps';

const NOW = Date.UTC(2025, 5, 15);
const parse = (format: ResolvedTimestampFormat, value: string, zone = 'Europe/Berlin') =>
  createTimestampParser(format, { zone, now: NOW })(value);
const ms = (result: TimestampResult): number | string => (result.ok ? result.ms : result.kind);
const messageOf = (result: TimestampResult): string => (result.ok ? '' : result.message);
const iso8601 = (value: string, zone?: string) => ms(parse({ kind: 'iso8601' }, value, zone));

describe('iso8601', () => {
  const iso = (value: string, zone?: string) => ms(parse({ kind: 'iso8601' }, value, zone));

  it('reads UTC and offsets written either way', () => {
    expect(iso('2024-04-03T05:50:56Z')).toBe(Date.UTC(2024, 3, 3, 5, 50, 56));
    expect(iso('2024-04-03T05:50:56+02:00')).toBe(Date.UTC(2024, 3, 3, 3, 50, 56));
    expect(iso('2024-04-03T05:50:56+0200')).toBe(Date.UTC(2024, 3, 3, 3, 50, 56));
    expect(iso('2024-04-03T05:50:56-05:30')).toBe(Date.UTC(2024, 3, 3, 11, 20, 56));
  });

  it('keeps milliseconds and cuts finer fractions off', () => {
    expect(iso('2024-04-03T05:50:56.7Z')).toBe(Date.UTC(2024, 3, 3, 5, 50, 56, 700));
    expect(iso('2024-04-03T05:50:56.123Z')).toBe(Date.UTC(2024, 3, 3, 5, 50, 56, 123));
    expect(iso('2024-04-03T05:50:56.123999999Z')).toBe(Date.UTC(2024, 3, 3, 5, 50, 56, 123));
  });

  it('reads a date alone as midnight, and a time without offset, in the column zone', () => {
    expect(iso('2024-04-03')).toBe(Date.UTC(2024, 3, 2, 22));
    expect(iso('2024-04-03', 'America/New_York')).toBe(Date.UTC(2024, 3, 3, 4));
    expect(iso('2024-04-03T05:50:56')).toBe(Date.UTC(2024, 3, 3, 3, 50, 56));
    expect(iso('2024-04-03 05:50')).toBe(Date.UTC(2024, 3, 3, 3, 50));
  });

  it('trims spaces around the value', () => {
    expect(iso('  2024-04-03T05:50:56Z \t')).toBe(Date.UTC(2024, 3, 3, 5, 50, 56));
  });

  it('names the impossible part of a date that does not exist', () => {
    const result = parse({ kind: 'iso8601' }, '2023-02-29');
    expect(result.ok).toBe(false);
    expect(messageOf(result)).toBe(
      '"2023-02-29" is not a real date and time: February 2023 has only 28 days. Correct the value.',
    );
    expect(iso('2024-02-29')).toBe(Date.UTC(2024, 1, 28, 23));
    expect(iso('2024-04-03T24:00:00Z')).toBe('timestamp_unparsed');
  });

  it('quotes a value in another layout and says what was expected', () => {
    const result = parse({ kind: 'iso8601' }, '03.04.2024');
    expect(result).toMatchObject({ ok: false, kind: 'timestamp_unparsed' });
    expect(messageOf(result)).toContain('"03.04.2024" is not an ISO 8601 date and time');
  });
});

describe('iso8601 as exports write it', () => {
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  const offsetText = (minutes: number) =>
    `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

  it('reads any instant in range written in UTC or with an offset, to the millisecond', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: NOW });
    const fraction = fc.stringMatching(/^\d{0,7}$/);
    const offset = fc.integer({ min: -12 * 4, max: 14 * 4 }).map((quarters) => quarters * 15);
    const style = fc.record({
      separator: fc.constantFrom('T', 't', ' '),
      zulu: fc.constantFrom('Z', 'z'),
    });
    fc.assert(
      fc.property(instant, fraction, offset, style, (ms, digits, minutes, { separator, zulu }) => {
        const second = ms - (ms % 1000);
        const local = new Date(second + minutes * 60_000).toISOString().slice(0, 19);
        const written =
          local.replace('T', separator) +
          (digits === '' ? '' : `.${digits}`) +
          (minutes === 0 ? zulu : offsetText(minutes));
        const expected = second + Number(digits.slice(0, 3).padEnd(3, '0'));
        expect(parse({ kind: 'iso8601' }, written)).toEqual({ ok: true, ms: expected });
      }),
    );
  });

  it('reads a time without offset in the column zone, as Luxon does', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 2), max: NOW });
    const zone = fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata');
    fc.assert(
      fc.property(instant, zone, (ms, name) => {
        const written = DateTime.fromMillis(ms, { zone: name }).toFormat(
          "yyyy-MM-dd'T'HH:mm:ss.SSS",
        );
        const expected = DateTime.fromISO(written, { zone: name });
        const result = parse({ kind: 'iso8601' }, written, name);
        // Times in a clock change are reported as such; every other one reads back exactly.
        if (result.ok) expect(result.ms).toBe(expected.toMillis());
        else expect(['timestamp_ambiguous', 'timestamp_nonexistent']).toContain(result.kind);
      }),
    );
  });

  it('accepts the days each month has, and names the month of a day it lacks', () => {
    const date = fc.record({
      year: fc.integer({ min: 2000, max: 2025 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 28, max: 31 }),
    });
    fc.assert(
      fc.property(date, ({ year, month, day }) => {
        const written = `${year}-${pad(month)}-${pad(day)}T12:00:00Z`;
        const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
        const result = parse({ kind: 'iso8601' }, written);
        if (real) expect(result).toEqual({ ok: true, ms: Date.UTC(year, month - 1, day, 12) });
        else expect(messageOf(result)).toContain(`has only`);
      }),
    );
  });

  it('leaves every other spelling to the full reader and its messages', () => {
    expect(iso8601('2024-04-03T05:50:56 Z')).toBe(Date.UTC(2024, 3, 3, 5, 50, 56));
    expect(iso8601('2024-04-03T05:50:56,5+0200')).toBe(Date.UTC(2024, 3, 3, 3, 50, 56, 500));
    expect(iso8601('2024-04-03T05:50:56+02')).toBe(Date.UTC(2024, 3, 3, 3, 50, 56));
    expect(iso8601('2024-04-03T05:50:56.Z')).toBe('timestamp_unparsed');
    expect(iso8601('2024-04-03T05:60:56Z')).toBe('timestamp_unparsed');
    expect(iso8601('2024-04-03T05:50:56+24:00')).toBe('timestamp_unparsed');
    expect(iso8601('0099-04-03T05:50:56Z')).toBe('timestamp_out_of_range');
    expect(messageOf(parse({ kind: 'iso8601' }, '0099-04-03T05:50:56Z'))).toContain('0099-04-03');
  });
});

describe('unix_ms and unix_s', () => {
  it('reads whole and decimal numbers, rounding to the millisecond', () => {
    expect(ms(parse({ kind: 'unix_ms' }, '1712123456789'))).toBe(1712123456789);
    expect(ms(parse({ kind: 'unix_ms' }, '1712123456789.6'))).toBe(1712123456790);
    expect(ms(parse({ kind: 'unix_s' }, '1712123456'))).toBe(1712123456000);
    expect(ms(parse({ kind: 'unix_s' }, '1712123456.7896'))).toBe(1712123456790);
  });

  it('suggests seconds when milliseconds land in 1970', () => {
    const result = parse({ kind: 'unix_ms' }, '1712123456');
    expect(result).toMatchObject({ ok: false, kind: 'timestamp_out_of_range' });
    expect(messageOf(result)).toContain('"1712123456" reads as 1970-01-20');
    expect(messageOf(result)).toContain('choose the format unix_s');
  });

  it('suggests milliseconds when seconds land in a far future', () => {
    const result = parse({ kind: 'unix_s' }, '1712123456789');
    expect(result).toMatchObject({ ok: false, kind: 'timestamp_out_of_range' });
    expect(messageOf(result)).toContain('more than a year from today');
    expect(messageOf(result)).toContain('choose the format unix_ms');
  });

  it('explains that scientific notation has lost digits', () => {
    const result = parse({ kind: 'unix_ms' }, '1.71212E+12');
    expect(messageOf(result)).toContain('scientific notation');
  });

  it('refuses text that is not a number', () => {
    expect(parse({ kind: 'unix_s' }, '12 34')).toMatchObject({ kind: 'timestamp_unparsed' });
  });
});

describe('excel_serial', () => {
  const excel = (value: string, zone?: string) => ms(parse({ kind: 'excel_serial' }, value, zone));

  it('reads day numbers as local date and time in the column zone', () => {
    expect(excel('45383.5')).toBe(Date.UTC(2024, 3, 1, 10));
    expect(excel('45383.5', 'UTC')).toBe(Date.UTC(2024, 3, 1, 12));
    expect(excel('45383', 'America/New_York')).toBe(Date.UTC(2024, 3, 1, 4));
    expect(excel('36526', 'UTC')).toBe(Date.UTC(2000, 0, 1));
  });

  it('snaps a fraction cut short by the spreadsheet to the whole second', () => {
    // 10:30:00 is 0.4375 of a day; spreadsheets export it as 0.437500000000001 and the like.
    expect(excel('45383.437500000001', 'UTC')).toBe(Date.UTC(2024, 3, 1, 10, 30));
    expect(excel('45383.52083333', 'UTC')).toBe(Date.UTC(2024, 3, 1, 12, 30));
    expect(excel('45383,5', 'UTC')).toBe(Date.UTC(2024, 3, 1, 12));
  });

  it('keeps milliseconds that are really there', () => {
    expect(excel('45383.500001157407', 'UTC')).toBe(Date.UTC(2024, 3, 1, 12, 0, 0, 100));
  });

  it('reports day numbers in a clock change like any local time', () => {
    // 45382 is 2024-03-31; 02:30 is 0.10416666 of a day.
    expect(excel('45382.104166666664')).toBe('timestamp_nonexistent');
  });

  it('refuses negative numbers and dates before 2000', () => {
    expect(excel('-5')).toBe('timestamp_unparsed');
    expect(excel('1000')).toBe('timestamp_out_of_range');
  });
});

describe('range', () => {
  it('accepts 2000-01-01T00:00:00Z itself and nothing before', () => {
    expect(ms(parse({ kind: 'iso8601' }, '2000-01-01T00:00:00Z'))).toBe(946684800000);
    const result = parse({ kind: 'iso8601' }, '1999-12-31T23:59:59Z', 'UTC');
    expect(messageOf(result)).toBe(
      '"1999-12-31T23:59:59Z" reads as 1999-12-31 23:59:59 (UTC), which is before 2000-01-01 00:00, the earliest time accepted (the start of 2000 in UTC). Check the value and the timestamp format of the column.',
    );
  });

  it('accepts up to one year after now', () => {
    expect(ms(parse({ kind: 'iso8601' }, '2026-06-15T00:00:00Z'))).toBe(Date.UTC(2026, 5, 15));
    expect(ms(parse({ kind: 'iso8601' }, '2026-06-15T00:00:01Z'))).toBe('timestamp_out_of_range');
  });

  it('names absurd values without a date it cannot show', () => {
    const result = parse({ kind: 'unix_ms' }, '99999999999999999999999');
    expect(messageOf(result)).toContain('"99999999999999999999999" is a date more than a year');
  });
});

describe('blank and garbage', () => {
  it('answers blank cells without throwing', () => {
    expect(parse({ kind: 'iso8601' }, '   ')).toMatchObject({
      ok: false,
      kind: 'timestamp_unparsed',
      message: 'The timestamp is empty. Fill it in or skip the row.',
    });
  });

  it('shortens a runaway value in the message', () => {
    const message = messageOf(parse({ kind: 'iso8601' }, 'x'.repeat(10_000)));
    expect(message.length).toBeLessThan(250);
    expect(message).toContain('…');
  });
});
