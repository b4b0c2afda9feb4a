import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeHeader, suggestHeaderRow } from './header-names';

describe('normalizeHeader', () => {
  it('numbers repeated names', () => {
    expect(normalizeHeader(['Email', 'Email', 'Email'])).toEqual([
      'Email',
      'Email (2)',
      'Email (3)',
    ]);
  });

  it('trims spaces and a stray BOM, and names blank columns by position', () => {
    expect(normalizeHeader(['\uFEFFid', '  Name ', '', ' '])).toEqual([
      'id',
      'Name',
      'Column 3',
      'Column 4',
    ]);
  });

  it('does not reuse a name the file already has', () => {
    expect(normalizeHeader(['Email', 'Email', 'Email (2)'])).toEqual([
      'Email',
      'Email (3)',
      'Email (2)',
    ]);
    expect(normalizeHeader(['', 'Column 1'])).toEqual(['Column 1 (2)', 'Column 1']);
  });

  it('always gives distinct, non-blank names, one per column', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', ' ', 'a', 'a (2)', 'Column 1', 'b ')), (raw) => {
        const names = normalizeHeader(raw);
        expect(names).toHaveLength(raw.length);
        expect(new Set(names).size).toBe(names.length);
        for (const name of names) expect(name.trim()).toBe(name);
        for (const name of names) expect(name).not.toBe('');
      }),
    );
  });
});

describe('suggestHeaderRow', () => {
  it('points past title lines to the first row with several values', () => {
    expect(suggestHeaderRow([['Report'], [''], ['id', 'name'], ['1', 'Ann'], ['2', 'Bob']])).toBe(
      3,
    );
    expect(
      suggestHeaderRow([
        ['Report', '', ''],
        ['id', 'name', 'email'],
        ['1', 'Ann', ''],
      ]),
    ).toBe(2);
  });

  it('suggests nothing when the header is already on row 1 or nothing stands out', () => {
    expect(
      suggestHeaderRow([
        ['id', 'name'],
        ['1', 'Ann'],
      ]),
    ).toBeNull();
    expect(suggestHeaderRow([['email'], ['a@x.com']])).toBeNull();
  });
});
