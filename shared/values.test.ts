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
    '1,00',
    '12,5,3',
    '1,000.000,5',
    '1 00',
    '0x10',
    '',
    '   ',
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

  it('tells a person with a comma decimal to choose the comma, and the other way round', () => {
    expect(parseNumberCell('1,5')).toEqual({
      ok: false,
      message:
        '"1,5" is not a number: it is written with a decimal comma, so choose "Comma" as the decimal mark of the column.',
    });
    expect(parseNumberCell('1,234.5', 'comma')).toEqual({
      ok: false,
      message:
        '"1,234.5" is not a number: it is written with a decimal point, so choose "Point" as the decimal mark of the column.',
    });
    expect(parseNumberCell('12,5,3', 'comma')).toEqual({
      ok: false,
      message:
        '"12,5,3" is not a number: use digits with a comma for decimals, e.g. 1234,5, 1 234,5 or -0,25.',
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

// Values as the fixtures in e2e/fixtures/exports/ and Czech, German and French Excel write them.
describe('numbers written the local way', () => {
  it.each([
    ['1 234,56', 'comma', 1234.56],
    ['1\u00A0234,56', 'comma', 1234.56],
    ['1\u202F234,56', 'comma', 1234.56],
    ['1.234,56', 'comma', 1234.56],
    ['-1.234,56', 'comma', -1234.56],
    ['12 500 000', 'comma', 12_500_000],
    ['0,25', 'comma', 0.25],
    [',5', 'comma', 0.5],
    ['1234,5', 'comma', 1234.5],
    ['1,5E+03', 'comma', 1500],
    ['1.234', 'comma', 1234],
    ['1,234.56', 'point', 1234.56],
    ['1,234', 'point', 1234],
    ['1 234.5', 'point', 1234.5],
    ['-12,345,678.9', 'point', -12_345_678.9],
  ] as const)('reads %j with a %s as %d', (text, mark, value) => {
    expect(parseNumberCell(text, mark)).toEqual({ ok: true, value });
  });

  it.each([
    ['1.5', 'comma'],
    ['1.234.56', 'comma'],
    ['1 234.5', 'comma'],
    ['1.234 567,8', 'comma'],
    ['12,5', 'point'],
    ['1,23,456', 'point'],
    ['1,234,56', 'point'],
  ] as const)('refuses %j with a %s: the separators do not group thousands', (text, mark) => {
    expect(parseNumberCell(text, mark).ok).toBe(false);
  });

  const groups = (mark: 'point' | 'comma', separator: string) => (value: number) => {
    const [whole = '', fraction] = Math.abs(value).toFixed(2).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+$)/g, separator);
    const decimal = mark === 'comma' ? ',' : '.';
    return `${value < 0 ? '-' : ''}${grouped}${decimal}${fraction ?? ''}`;
  };
  const amounts = fc.integer({ min: -1e13, max: 1e13 }).map((cents) => cents / 100);

  it('reads back every number formatted the Czech, German or French way with the comma', () => {
    for (const separator of [' ', '\u00A0', '\u202F', '.', '']) {
      fc.assert(
        fc.property(amounts, (value) => {
          const text = groups('comma', separator)(value);
          expect(numberCellValue(text, 'comma')).toBe(value === 0 ? 0 : value);
        }),
      );
    }
  });

  it('agrees with Intl for the locales that write a decimal comma', () => {
    for (const locale of ['cs-CZ', 'de-DE', 'fr-FR', 'pl-PL', 'sk-SK']) {
      const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
      fc.assert(
        fc.property(amounts, (value) => {
          // Intl writes U+2212 for minus in some locales; exports write the hyphen.
          const text = format.format(value).replace('\u2212', '-');
          expect(numberCellValue(text, 'comma')).toBe(value === 0 ? 0 : value);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('says NaN for every cell it refuses with a comma, and only for those', () => {
    const localish = fc.stringMatching(/^[+-]?[0-9., \u00A0]{0,12}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), localish), (text) => {
        const result = parseNumberCell(text, 'comma');
        expect(Number.isNaN(numberCellValue(text, 'comma'))).toBe(!result.ok);
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
    ['ano', true],
    ['NE', false],
    ['Tak', true],
    ['nie', false],
    ['JA', true],
    ['Nein', false],
    ['wahr', true],
    ['FALSCH', false],
    ['oui', true],
    ['Non', false],
    ['Vrai', true],
    [' faux ', false],
  ])('reads %j as %s', (text, value) => {
    expect(parseBooleanCell(text)).toEqual({ ok: true, value });
  });

  it.each(['maybe', 'y', 'n', '2', '', 'truee', 'ano ne', 'j'])(
    'refuses %j and says what is accepted',
    (text) => {
      const result = parseBooleanCell(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toContain(
          'true/false, yes/no or 1/0 (or ano/ne, tak/nie, ja/nein, wahr/falsch, oui/non, vrai/faux)',
        );
      }
    },
  );

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
