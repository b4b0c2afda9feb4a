import { describe, expect, it } from 'vitest';
import type { FormatResolution } from './timestamps';
import { createFormatDetector, createTimestampParser, resolveTimestampFormat } from './timestamps';

const detect = (...samples: string[]): FormatResolution => resolveTimestampFormat('auto', samples);
const formatOf = (resolution: FormatResolution) =>
  resolution.ok ? resolution.format : resolution.kind;

describe('auto: numbers', () => {
  it('tells Unix seconds from milliseconds by their size', () => {
    expect(formatOf(detect('1712123456', '1712123999'))).toEqual({ kind: 'unix_s' });
    expect(formatOf(detect('1712123456789', '1712123999000'))).toEqual({ kind: 'unix_ms' });
    expect(formatOf(detect('1712123456.5'))).toEqual({ kind: 'unix_s' });
  });

  it('takes numbers in the plausible day-number range as spreadsheet days', () => {
    expect(formatOf(detect('45383.5', '45384', '45390.25'))).toEqual({ kind: 'excel_serial' });
  });

  it('refuses numbers of no known size, quoting one', () => {
    const resolution = detect('20240403', '20240404');
    expect(resolution).toMatchObject({ ok: false, kind: 'timestamp_unparsed' });
    expect(!resolution.ok && resolution.message).toContain('"20240403"');
  });

  it('refuses a column mixing seconds and milliseconds', () => {
    expect(formatOf(detect('1712123456', '1712123456789'))).toBe('timestamp_unparsed');
  });
});

describe('auto: written dates', () => {
  it('reads ISO 8601 with or without time and offset', () => {
    expect(formatOf(detect('2024-04-03T05:50:56Z', '2024-04-03', '2024-04-03 05:50'))).toEqual({
      kind: 'iso8601',
    });
  });

  it('reads dotted dates day first without needing proof', () => {
    const resolution = detect('01.04.2024 10:00', '02.04.2024 11:30');
    expect(formatOf(resolution)).toEqual({ kind: 'pattern', pattern: 'dd.MM.yyyy HH:mm' });
    expect(resolution.ok && resolution.description).toContain('Dates with dots are read day first');
  });

  // The day-first forms of Czech (spaces after the dots) and German (none) exports.
  it.each([
    [['3. 12. 2026 14:05', '13. 1. 2026 9:05'], 'd. M. yyyy H:mm', Date.UTC(2026, 11, 3, 13, 5)],
    [['3.\u00A012.\u00A02026'], 'd. M. yyyy', Date.UTC(2026, 11, 2, 23)],
    [['03.12.2026'], 'dd.MM.yyyy', Date.UTC(2026, 11, 2, 23)],
    [['3.12.26 9:30'], 'd.M.yy H:mm', Date.UTC(2026, 11, 3, 8, 30)],
    [['03.12.2026 14:05:30'], 'dd.MM.yyyy HH:mm:ss', Date.UTC(2026, 11, 3, 13, 5, 30)],
  ])('reads %j day first as %s', (values, pattern, first) => {
    const resolution = detect(...values);
    expect(formatOf(resolution)).toEqual({ kind: 'pattern', pattern });
    if (!resolution.ok) return;
    const parse = createTimestampParser(resolution.format, {
      zone: 'Europe/Prague',
      now: Date.UTC(2026, 11, 31),
    });
    expect(parse(values[0] ?? '')).toEqual({ ok: true, ms: first });
  });

  it('still tells month-first slashed dates from day-first dotted ones', () => {
    expect(formatOf(detect('12/3/2026', '12/13/2026'))).toEqual({
      kind: 'pattern',
      pattern: 'M/d/yyyy',
    });
    expect(formatOf(detect('3. 12. 2026', '3.12.2026'))).toBe('timestamp_unparsed');
  });

  it('asks the user when nothing tells day from month', () => {
    const resolution = detect('03/04/2024', '05/06/2024', '');
    expect(resolution).toEqual({
      ok: false,
      kind: 'timestamp_day_month_unclear',
      message:
        'Dates like "03/04/2024" could be 3 April or March 4. Choose the date format for the column: day first (dd/MM/yyyy) or month first (MM/dd/yyyy).',
      candidates: ['dd/MM/yyyy', 'MM/dd/yyyy'],
    });
  });

  it('settles day first from a first field over 12', () => {
    const resolution = detect('03/04/2024 10:00', '13/04/2024 09:15');
    expect(formatOf(resolution)).toEqual({ kind: 'pattern', pattern: 'dd/MM/yyyy HH:mm' });
    expect(resolution.ok && resolution.description).toContain('"13/04/2024 09:15"');
  });

  it('settles month first from a second field over 12', () => {
    expect(formatOf(detect('4/3/2024, 1:05 PM', '4/13/2024, 11:05 AM'))).toEqual({
      kind: 'pattern',
      pattern: 'M/d/yyyy, h:mm a',
    });
    expect(formatOf(detect('03-04-2024', '03-14-2024'))).toEqual({
      kind: 'pattern',
      pattern: 'MM-dd-yyyy',
    });
  });

  it('needs no choice when every day equals its month', () => {
    expect(formatOf(detect('01/01/2024', '02/02/2024'))).toEqual({
      kind: 'pattern',
      pattern: 'dd/MM/yyyy',
    });
  });

  it('recognises year-first, two-digit years, seconds and 12-hour clocks', () => {
    expect(formatOf(detect('2024/04/03'))).toEqual({ kind: 'pattern', pattern: 'yyyy/MM/dd' });
    expect(formatOf(detect('13.04.24 5:07:09'))).toEqual({
      kind: 'pattern',
      pattern: 'dd.MM.yy H:mm:ss',
    });
    expect(formatOf(detect('04/13/2024 01:05:09.250 PM'))).toEqual({
      kind: 'pattern',
      pattern: 'MM/dd/yyyy hh:mm:ss.SSS a',
    });
    expect(formatOf(detect('13-04-2024'))).toEqual({ kind: 'pattern', pattern: 'dd-MM-yyyy' });
  });

  it('refuses dates written in both orders', () => {
    const resolution = detect('13/04/2024', '04/13/2024');
    expect(resolution).toMatchObject({ ok: false, kind: 'timestamp_unparsed' });
    expect(!resolution.ok && resolution.message).toContain('dates in both orders');
  });

  it('refuses mixed layouts, quoting one of each', () => {
    const resolution = detect('2024-04-03', '01.04.2024 10:00');
    expect(resolution).toEqual({
      ok: false,
      kind: 'timestamp_unparsed',
      message:
        'The column mixes date layouts, like "2024-04-03" and "01.04.2024 10:00". Choose the timestamp format for the column; rows in other layouts will be reported.',
    });
    expect(formatOf(detect('01.04.2024 10:00', '01.04.2024'))).toBe('timestamp_unparsed');
  });

  it('leaves a few unreadable values to the per-row checks', () => {
    expect(formatOf(detect('01.04.2024', 'n/a', '02.04.2024'))).toEqual({
      kind: 'pattern',
      pattern: 'dd.MM.yyyy',
    });
  });

  it('refuses a column of no recognizable dates, or of blanks only', () => {
    const resolution = detect('yesterday', 'last week');
    expect(resolution).toMatchObject({ ok: false, kind: 'timestamp_unparsed' });
    expect(!resolution.ok && resolution.message).toContain('"yesterday"');
    expect(formatOf(detect('', '  '))).toBe('timestamp_unparsed');
  });
});

describe('createFormatDetector', () => {
  it('can be fed a column one cell at a time and asked at any point', () => {
    const detector = createFormatDetector();
    detector.observe('03/04/2024');
    expect(formatOf(detector.result())).toBe('timestamp_day_month_unclear');
    detector.observe('');
    detector.observe('25/04/2024');
    expect(formatOf(detector.result())).toEqual({ kind: 'pattern', pattern: 'dd/MM/yyyy' });
  });
});

describe('named formats', () => {
  it('takes keywords as they are, ignoring case and spaces', () => {
    expect(formatOf(resolveTimestampFormat('iso8601', []))).toEqual({ kind: 'iso8601' });
    expect(formatOf(resolveTimestampFormat(' UNIX_S ', ['x']))).toEqual({ kind: 'unix_s' });
    expect(formatOf(resolveTimestampFormat('unix_ms', []))).toEqual({ kind: 'unix_ms' });
    expect(formatOf(resolveTimestampFormat('excel_serial', []))).toEqual({
      kind: 'excel_serial',
    });
  });

  it('takes a good pattern with an example, and explains a bad one', () => {
    expect(resolveTimestampFormat('dd.MM.yyyy HH:mm', [])).toEqual({
      ok: true,
      format: { kind: 'pattern', pattern: 'dd.MM.yyyy HH:mm' },
      description:
        'Each value is read as the date format dd.MM.yyyy HH:mm (like 31.12.2024 17:45).',
    });
    const bad = resolveTimestampFormat('dd.mm.yyyy', ['01.04.2024']);
    expect(bad).toMatchObject({ ok: false, kind: 'timestamp_unparsed' });
    expect(!bad.ok && bad.message).toContain('The date format "dd.mm.yyyy" is not understood.');
  });
});
