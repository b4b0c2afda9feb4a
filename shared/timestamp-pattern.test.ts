import { describe, expect, it } from 'vitest';
import type { TimestampResult } from './timestamps';
import { createTimestampParser, describePatternError, formatTimestamp } from './timestamps';

const NOW = Date.UTC(2025, 5, 15);
const parse = (pattern: string, value: string, zone = 'UTC'): number | string => {
  const result: TimestampResult = createTimestampParser(
    { kind: 'pattern', pattern },
    { zone, now: NOW },
  )(value);
  return result.ok ? result.ms : result.kind;
};
const messageOf = (pattern: string, value: string): string => {
  const result = createTimestampParser(
    { kind: 'pattern', pattern },
    { zone: 'UTC', now: NOW },
  )(value);
  return result.ok ? '' : result.message;
};

describe('date patterns', () => {
  it('reads the common spreadsheet layouts', () => {
    const at = Date.UTC(2024, 3, 3, 5, 50);
    expect(parse('dd.MM.yyyy HH:mm', '03.04.2024 05:50')).toBe(at);
    expect(parse('MM/dd/yyyy h:mm a', '04/03/2024 5:50 AM')).toBe(at);
    expect(parse('yyyy-MM-dd HH:mm:ss', '2024-04-03 05:50:00')).toBe(at);
    expect(parse('d/M/yyyy', '3/4/2024')).toBe(Date.UTC(2024, 3, 3));
    expect(parse('dd.MM.yyyy', '03.04.2024')).toBe(Date.UTC(2024, 3, 3));
    expect(parse("yyyy-MM-dd'T'HH:mm:ss.SSS", '2024-04-03T05:50:00.123')).toBe(at + 123);
    expect(parse('dd.MM.yy', '03.04.24')).toBe(Date.UTC(2024, 3, 3));
    expect(parse('d MMM yyyy', '3 Apr 2024')).toBe(Date.UTC(2024, 3, 3));
    expect(parse('EEEE, d MMMM yyyy', 'Wednesday, 3 April 2024')).toBe(Date.UTC(2024, 3, 3));
  });

  it('accepts missing zero padding where separators show the fields', () => {
    expect(parse('dd.MM.yyyy HH:mm', '3.4.2024 5:50')).toBe(Date.UTC(2024, 3, 3, 5, 50));
  });

  it('needs exact widths where fields touch', () => {
    expect(parse('yyyyMMddHHmm', '202404030550')).toBe(Date.UTC(2024, 3, 3, 5, 50));
    expect(parse('yyyyMMdd', '2024043')).toBe('timestamp_unparsed');
  });

  it('reads 12 AM as midnight and 12 PM as noon', () => {
    const pattern = 'MM/dd/yyyy hh:mm a';
    expect(parse(pattern, '04/03/2024 12:05 AM')).toBe(Date.UTC(2024, 3, 3, 0, 5));
    expect(parse(pattern, '04/03/2024 12:05 PM')).toBe(Date.UTC(2024, 3, 3, 12, 5));
    expect(parse(pattern, '04/03/2024 01:05 pm')).toBe(Date.UTC(2024, 3, 3, 13, 5));
    expect(parse(pattern, '04/03/2024 11:59 p.m.')).toBe(Date.UTC(2024, 3, 3, 23, 59));
    expect(messageOf(pattern, '04/03/2024 13:05 PM')).toContain(
      '13 is not an hour on the 12-hour clock',
    );
  });

  it('reads fractions of a second as fractions, whatever their length', () => {
    expect(parse('yyyy-MM-dd HH:mm:ss.S', '2024-04-03 05:50:00.5')).toBe(
      Date.UTC(2024, 3, 3, 5, 50, 0, 500),
    );
    expect(parse('yyyy-MM-dd HH:mm:ss.SSS', '2024-04-03 05:50:00.123456')).toBe(
      Date.UTC(2024, 3, 3, 5, 50, 0, 123),
    );
  });

  it('says which field is impossible', () => {
    expect(messageOf('dd.MM.yyyy', '31.13.2024')).toBe(
      '"31.13.2024" is not a real date and time: 13 is not a month (1 to 12). Correct the value.',
    );
    expect(messageOf('dd.MM.yyyy', '31.04.2024')).toContain('April 2024 has only 30 days');
  });

  it('quotes a value in another layout with an example of the expected one', () => {
    expect(messageOf('dd.MM.yyyy HH:mm', '2024-04-03 05:50')).toBe(
      '"2024-04-03 05:50" is not the date format dd.MM.yyyy HH:mm (like 31.12.2024 17:45). Correct the value or choose the timestamp format that matches the column.',
    );
  });
});

describe('bad patterns', () => {
  it.each([
    ['', 'It is empty.'],
    ['yyyy-mm-dd', 'mm means minutes. Use MM for the month.'],
    ['YYYY-MM-DD', 'Y is the week-based year'],
    ['yyyy-MM-DD', 'D is the day of the year'],
    ['yyyy-MM-ddTHH:mm', "write 'T' for the T between date and time"],
    ['dd.MM.yyyy hh:mm', 'hh is the 12-hour clock and needs a for AM/PM'],
    ['dd.MM.yyyy HH:mm a', 'a (AM/PM) goes with the 12-hour clock hh'],
    ['MM.yyyy', 'the day is missing'],
    ['dd.MM.yyyy ddd', 'ddd is not a day format we know'],
    ['dd.MM.yyyy dd', 'It has the day twice.'],
    ["dd.MM.yyyy 'at HH:mm", "A quote ' is opened but never closed."],
    ['dd.MM.yyyy HH:mm Q', 'The letter Q is not a date part we know'],
  ])('explains what is wrong with %j', (pattern, explanation) => {
    const error = describePatternError(pattern);
    expect(error).toContain(`The date format "${pattern}" is not understood.`);
    expect(error).toContain(explanation);
  });

  it('accepts quoted text and escaped quotes', () => {
    expect(describePatternError("dd.MM.yyyy 'um' HH:mm 'Uhr'")).toBeNull();
    expect(parse("dd.MM.yyyy 'um' HH:mm 'Uhr'", '03.04.2024 um 05:50 Uhr')).toBe(
      Date.UTC(2024, 3, 3, 5, 50),
    );
    expect(parse("HH 'o''clock' dd.MM.yyyy", "05 o'clock 03.04.2024")).toBe(
      Date.UTC(2024, 3, 3, 5),
    );
  });

  it('makes every value report the bad pattern instead of throwing', () => {
    expect(messageOf('YYYY', '2024')).toContain('The date format "YYYY" is not understood.');
  });
});

describe('formatTimestamp', () => {
  const at = Date.UTC(2024, 3, 3, 3, 5, 9, 45);

  it('writes an instant in the zone with the pattern', () => {
    expect(formatTimestamp(at, 'dd.MM.yyyy HH:mm', 'Europe/Berlin')).toBe('03.04.2024 05:05');
    expect(formatTimestamp(at, 'M/d/yy h:mm:ss a', 'America/New_York')).toBe('4/2/24 11:05:09 PM');
    expect(formatTimestamp(at, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", 'Asia/Kolkata')).toBe(
      '2024-04-03T08:35:09.045+05:30',
    );
    expect(formatTimestamp(at, 'EEE d MMM yyyy, XX', 'UTC')).toBe('Wed 3 Apr 2024, Z');
  });

  it('refuses a bad pattern with the same plain message', () => {
    expect(() => formatTimestamp(at, 'YYYY', 'UTC')).toThrow('is not understood');
  });
});
