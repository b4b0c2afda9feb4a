import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeFileName } from './host-upload';

describe('sanitizeFileName', () => {
  it.each([
    ['customers.csv', 'customers.csv'],
    ['Kunden März 2024.csv', 'Kunden März 2024.csv'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\ana\\export.tsv', 'export.tsv'],
    ['a:b*c?.csv', 'a_b_c_.csv'],
    ['report.csv. . ', 'report.csv'],
    ['..', 'upload'],
    ['', 'upload'],
    ['CON.csv', '_CON.csv'],
  ])('%j becomes %j', (name, expected) => {
    expect(sanitizeFileName(name)).toBe(expected);
  });

  it('keeps the extension of a very long name within 200 bytes', () => {
    const safe = sanitizeFileName(`${'ü'.repeat(300)}.csv`);
    expect(safe.endsWith('.csv')).toBe(true);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(200);
  });

  it('always yields one plain, non-empty segment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (name) => {
        const safe = sanitizeFileName(name);
        expect(safe.length).toBeGreaterThan(0);
        expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(200);
        expect(safe).not.toMatch(/[/\\<>:"|?*]/);
        expect([...safe].some((char) => char.charCodeAt(0) < 0x20)).toBe(false);
        expect(safe).not.toMatch(/^\.+$/);
        expect(safe).not.toMatch(/[. ]$/);
      }),
    );
  });
});
