import { describe, expect, it } from 'vitest';
import { createTimestampParser, isValidTimeZone, systemTimeZone } from './timestamps';

const NOW = Date.UTC(2025, 5, 15);
const read = (pattern: string, zone: string, value: string) =>
  createTimestampParser({ kind: 'pattern', pattern }, { zone, now: NOW })(value);

describe('time zones', () => {
  it('reports the computer zone as a known IANA name', () => {
    const zone = systemTimeZone();
    expect(zone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it('knows real zones and refuses made-up ones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Berln')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('reads local times in the zone, summer and winter', () => {
    expect(read('dd.MM.yyyy HH:mm', 'Europe/Berlin', '15.01.2024 12:00')).toEqual({
      ok: true,
      ms: Date.UTC(2024, 0, 15, 11),
    });
    expect(read('dd.MM.yyyy HH:mm', 'Europe/Berlin', '15.07.2024 12:00')).toEqual({
      ok: true,
      ms: Date.UTC(2024, 6, 15, 10),
    });
    expect(read('dd.MM.yyyy HH:mm', 'Asia/Kolkata', '15.07.2024 12:00')).toEqual({
      ok: true,
      ms: Date.UTC(2024, 6, 15, 6, 30),
    });
  });

  it('reads the minutes right next to a clock change', () => {
    const berlin = (value: string) => read('dd.MM.yyyy HH:mm', 'Europe/Berlin', value);
    expect(berlin('31.03.2024 01:59')).toEqual({ ok: true, ms: Date.UTC(2024, 2, 31, 0, 59) });
    expect(berlin('31.03.2024 03:00')).toEqual({ ok: true, ms: Date.UTC(2024, 2, 31, 1, 0) });
    expect(berlin('27.10.2024 01:59')).toEqual({ ok: true, ms: Date.UTC(2024, 9, 26, 23, 59) });
    expect(berlin('27.10.2024 03:00')).toEqual({ ok: true, ms: Date.UTC(2024, 9, 27, 2, 0) });
  });

  it('refuses a Berlin time the clocks skipped, saying when they jumped', () => {
    expect(read('dd.MM.yyyy HH:mm', 'Europe/Berlin', '31.03.2024 02:30')).toEqual({
      ok: false,
      kind: 'timestamp_nonexistent',
      message:
        '"31.03.2024 02:30" does not exist in Europe/Berlin: clocks jumped from 02:00 to 03:00 that night. Correct the time or give it with an offset.',
    });
  });

  it('refuses a New York time the clocks skipped', () => {
    const result = read('yyyy-MM-dd HH:mm', 'America/New_York', '2024-03-10 02:30');
    expect(result).toMatchObject({ ok: false, kind: 'timestamp_nonexistent' });
    expect(!result.ok && result.message).toContain('clocks jumped from 02:00 to 03:00');
  });

  it('refuses a Berlin time that happened twice and shows both readings', () => {
    const result = read('dd.MM.yyyy HH:mm', 'Europe/Berlin', '27.10.2024 02:30');
    expect(result).toMatchObject({ ok: false, kind: 'timestamp_ambiguous' });
    const message = result.ok ? '' : result.message;
    expect(message).toContain('"27.10.2024 02:30" happened twice in Europe/Berlin');
    expect(message).toContain('clocks went back from 03:00 to 02:00');
    expect(message).toContain('2024-10-27T02:30:00+02:00');
    expect(message).toContain('2024-10-27T02:30:00+01:00');
  });

  it('refuses a New York time that happened twice', () => {
    const result = read('MM/dd/yyyy h:mm a', 'America/New_York', '11/03/2024 1:30 AM');
    expect(result).toMatchObject({ ok: false, kind: 'timestamp_ambiguous' });
    expect(!result.ok && result.message).toContain('clocks went back from 02:00 to 01:00');
    expect(!result.ok && result.message).toContain('2024-11-03T01:30:00-05:00');
  });

  it('handles the half-hour clock changes of Lord Howe Island', () => {
    const lordHowe = (value: string) => read('yyyy-MM-dd HH:mm', 'Australia/Lord_Howe', value);
    expect(lordHowe('2024-10-06 02:15')).toMatchObject({ kind: 'timestamp_nonexistent' });
    expect(lordHowe('2024-10-06 02:45')).toEqual({ ok: true, ms: Date.UTC(2024, 9, 5, 15, 45) });
    expect(lordHowe('2024-04-07 01:45')).toMatchObject({ kind: 'timestamp_ambiguous' });
    expect(lordHowe('2024-04-07 01:15')).toEqual({ ok: true, ms: Date.UTC(2024, 3, 6, 14, 15) });
  });

  it('lets an offset in the value settle a time that happened twice', () => {
    const result = read('yyyy-MM-dd HH:mm XXX', 'Europe/Berlin', '2024-10-27 02:30 +01:00');
    expect(result).toEqual({ ok: true, ms: Date.UTC(2024, 9, 27, 1, 30) });
  });

  it('explains an unknown zone on every value that needs one', () => {
    const result = read('dd.MM.yyyy', 'Europe/Berln', '01.04.2024');
    expect(result).toMatchObject({ ok: false, kind: 'timestamp_unparsed' });
    expect(!result.ok && result.message).toContain('The time zone "Europe/Berln" is not known');
  });
});
