import { describe, expect, it } from 'vitest';
import { count, duration, fileSize, plural } from './wording';

describe('count', () => {
  it('groups thousands the way people read counts', () => {
    expect(count(0)).toBe('0');
    expect(count(999)).toBe('999');
    expect(count(1000)).toBe('1,000');
    expect(count(1234567)).toBe('1,234,567');
  });
});

describe('plural', () => {
  it('says one of a thing and many of them', () => {
    expect(plural(0, 'row')).toBe('0 rows');
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(2, 'row')).toBe('2 rows');
    expect(plural(2000, 'event')).toBe('2,000 events');
  });

  it('takes the plural of nouns that do not add an s', () => {
    expect(plural(1, 'request matches', 'requests match')).toBe('1 request matches');
    expect(plural(3, 'request matches', 'requests match')).toBe('3 requests match');
  });
});

describe('fileSize', () => {
  it('counts bytes below a kilobyte and rounds larger sizes', () => {
    expect(fileSize(1)).toBe('1 byte');
    expect(fileSize(512)).toBe('512 bytes');
    expect(fileSize(1536)).toBe('1.5 KB');
    expect(fileSize(20 * 1024)).toBe('20 KB');
    expect(fileSize(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(fileSize(3 * 1024 ** 3)).toBe('3.0 GB');
    expect(fileSize(2048 * 1024 ** 3)).toBe('2048 GB');
  });
});

describe('duration', () => {
  it('says seconds, minutes and hours, leaving out a zero part', () => {
    expect(duration(0)).toBe('0 s');
    expect(duration(-5)).toBe('0 s');
    expect(duration(59.4)).toBe('59 s');
    expect(duration(60)).toBe('1 min');
    expect(duration(200)).toBe('3 min 20 s');
    expect(duration(3600)).toBe('1 h');
    expect(duration(3700)).toBe('1 h 1 min');
    expect(duration(3 * 3600 + 25 * 60 + 9)).toBe('3 h 25 min');
  });
});
