import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  booleanCellValue,
  cleanIdentifier,
  numberCellValue,
  parseBooleanCell,
  parseNumberCell,
} from './values';

describe('parseNumberCell', () => {
  it.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['+4', 4],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['-2.5E-3', -0.0025],
    ['  42  ', 42],
    ['0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberCell(text)).toEqual({ ok: true, value });
  });

  it.each([
    '12abc',
    'NaN',
    'Infinity',
    '-Infinity',
    '1,5',
    '1,000',
    '0x10',
    '',
    '   ',
    '1 000',
    '.',
    'e3',
    '1e',
    '--1',
    '1e400',
  ])('refuses %j with a message', (text) => {
    const result = parseNumberCell(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it('tells a person with a comma decimal to use a dot', () => {
    const result = parseNumberCell('1,5');
    expect(result).toEqual({
      ok: false,
      message:
        '"1,5" is not a number: use a dot for decimals and no thousands separators, e.g. 1234.5.',
    });
  });

  it('shortens a huge cell in its message', () => {
    const result = parseNumberCell('x'.repeat(100_000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(200);
  });

  it('reads back every finite number written in plain notation', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const result = parseNumberCell(String(value));
        // String(-0) is "0", so -0 comes back as 0.
        expect(result).toEqual({ ok: true, value: value === 0 ? 0 : value });
      }),
    );
  });

  it('reads plain decimals of any length exactly as JavaScript does', () => {
    const decimal = fc
      .stringMatching(/^[+-]?\d{0,20}\.?\d{0,20}$/)
      .filter((text) => /\d/.test(text));
    fc.assert(
      fc.property(decimal, (text) => {
        expect(parseNumberCell(text)).toEqual({ ok: true, value: Number(text) });
        expect(Object.is(numberCellValue(text), Number(text))).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(Object.is(numberCellValue('-0'), -0)).toBe(true);
  });

  it('says NaN for every cell it refuses, and only for those', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(Number.isNaN(numberCellValue(text))).toBe(!parseNumberCell(text).ok);
      }),
    );
  });

  it('only ever returns finite numbers', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseNumberCell(text);
        if (result.ok) expect(Number.isFinite(result.value)).toBe(true);
      }),
    );
  });
});

describe('parseBooleanCell', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    [' Yes ', true],
    ['1', true],
    ['false', false],
    ['No', false],
    ['0', false],
  ])('reads %j as %s', (text, value) => {
    expect(parseBooleanCell(text)).toEqual({ ok: true, value });
  });

  it.each(['maybe', 'y', 'n', '2', '', 'truee'])('refuses %j and says what is accepted', (text) => {
    const result = parseBooleanCell(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('true/false, yes/no or 1/0');
  });

  it('says null for every cell it refuses, and only for those', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('YES', ' no ', 'True', '0')), (text) => {
        const result = parseBooleanCell(text);
        expect(booleanCellValue(text)).toBe(result.ok ? result.value : null);
      }),
    );
  });
});

describe('cleanIdentifier', () => {
  it('removes only surrounding whitespace, keeping case and inner spaces', () => {
    expect(cleanIdentifier('  Cus 42\t')).toBe('Cus 42');
    expect(cleanIdentifier('\uFEFFcus_1')).toBe('cus_1');
  });
});
