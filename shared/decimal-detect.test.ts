import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDecimalDetector, describeDecimalMark, detectDecimalMark } from './decimal-detect';
import { numberCellValue } from './values';

const markOf = (...values: string[]) => detectDecimalMark(values).mark;

describe('the automatic decimal mark of a column', () => {
  // The amount columns of e2e/fixtures/exports/ (Czech CRM, German bank, French billing).
  it.each([
    ['Czech CRM', ['1 234,56', '12,5', '2 999,00', '0,99']],
    ['German bank', ['-1.234,56', '2.500,00', '-3,20']],
    ['French billing', ['1\u00A0234,56', '12\u202F500,00', '99,90']],
  ])('takes the comma for the %s export', (_, values) => {
    expect(markOf(...values)).toBe('comma');
    const comma = values.map((value) => numberCellValue(value, 'comma'));
    expect(comma.every((value) => Number.isFinite(value))).toBe(true);
  });

  it('keeps the point where nothing needs the comma', () => {
    expect(markOf('1.234')).toBe('point');
    expect(markOf('1.234', '2.5')).toBe('point');
    expect(markOf('12', '400', '')).toBe('point');
    expect(markOf('1,234', '12,500')).toBe('point');
    expect(markOf()).toBe('point');
  });

  it('keeps the point when some value only the point can read', () => {
    expect(markOf('12,5', '1.5')).toBe('point');
    expect(markOf('1,234.56', '1.234,56')).toBe('point');
  });

  it('takes the comma from one value only the comma reads, ambiguous ones following it', () => {
    expect(markOf('1.234', '12,5')).toBe('comma');
    expect(markOf('1 234', '7')).toBe('point');
    expect(markOf('1 234,5', '7')).toBe('comma');
  });

  it('leaves values that neither mark reads to the rows', () => {
    expect(markOf('12,5', '12,5,3', 'n/a')).toBe('comma');
    expect(markOf('12,5,3')).toBe('point');
  });

  it('says which it chose and why', () => {
    expect(detectDecimalMark(['12', '12,5']).description).toBe(
      'Automatic: comma (1 234,56), because of values like "12,5".',
    );
    expect(detectDecimalMark(['1.5']).description).toBe(
      'Automatic: point (1,234.56), because of values like "1.5".',
    );
    expect(detectDecimalMark(['1.234']).description).toBe('Automatic: point (1,234.56).');
    expect(describeDecimalMark('comma', false)).toBe('Comma (1 234,56)');
  });

  it('is settled once a value only the point reads was seen, and not before', () => {
    const detector = createDecimalDetector();
    detector.observe('12,5');
    expect(detector.settled).toBe(false);
    detector.observe('0.25');
    expect(detector.settled).toBe(true);
    detector.observe('1,5');
    expect(detector.result().mark).toBe('point');
  });

  it('never takes the comma for a column of numbers as JavaScript or a US export writes them', () => {
    const plain = fc.double({ noNaN: true, noDefaultInfinity: true }).map(String);
    const grouped = fc
      .integer({ min: 0, max: 1e12 })
      .map((cents) => (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }));
    fc.assert(
      fc.property(fc.array(fc.oneof(plain, grouped), { minLength: 1, maxLength: 30 }), (values) => {
        expect(markOf(...values)).toBe('point');
      }),
    );
  });

  it('takes the comma for any column of Czech amounts with decimals', () => {
    const czech = fc
      .integer({ min: -1e12, max: 1e12 })
      .map((cents) => (cents / 100).toLocaleString('cs-CZ', { minimumFractionDigits: 2 }));
    fc.assert(
      fc.property(fc.array(czech, { minLength: 1, maxLength: 30 }), (values) => {
        expect(markOf(...values)).toBe('comma');
      }),
    );
  });
});
