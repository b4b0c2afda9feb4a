import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { booleanToText, cellProblem, cellText, numberToText } from './cell-text';
import { EMPTY_CELL } from './cell-value';

describe('numberToText', () => {
  it('writes the shortest decimal that reads back as the number', () => {
    expect(numberToText(12.5)).toBe('12.5');
    expect(numberToText(100)).toBe('100');
    expect(numberToText(Number('2.2000000000000002'))).toBe('2.2');
    expect(numberToText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(numberToText(-0)).toBe('0');
    expect(numberToText(-1234.5)).toBe('-1234.5');
  });

  it('never writes an exponent: 1e21 and up, and tiny numbers, are written out', () => {
    expect(numberToText(1e21)).toBe('1000000000000000000000');
    expect(numberToText(-1.5e22)).toBe('-15000000000000000000000');
    expect(numberToText(123456789e20)).toBe('12345678900000000000000000000');
    expect(numberToText(1e-7)).toBe('0.0000001');
    expect(numberToText(-2.5e-10)).toBe('-0.00000000025');
    expect(numberToText(Number.MAX_VALUE)).toMatch(/^17976931348623157\d+$/);
  });

  it('reads back as the same number, in plain notation, for every finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = numberToText(value);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 2000 },
    );
  });

  it('is String(value) wherever String writes no exponent', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e20, max: 1e20, noNaN: true }), (value) => {
        if (value !== 0 && Math.abs(value) < 1e-6) return;
        expect(numberToText(value)).toBe(String(value));
      }),
    );
  });
});

describe('cellText', () => {
  const clock = { year: 2024, month: 3, day: 5, hour: 14, minute: 30, second: 0 };
  it('turns each kind of cell into the text a text column sends', () => {
    expect(cellText(EMPTY_CELL)).toBe('');
    expect(cellText({ kind: 'text', text: 'Žofie' })).toBe('Žofie');
    expect(cellText({ kind: 'number', value: 12.5 })).toBe('12.5');
    expect(booleanToText(true)).toBe('true');
    expect(cellText({ kind: 'boolean', value: false })).toBe('false');
    expect(cellText({ kind: 'date', wallClock: clock, shape: 'date', timeOnly: false })).toBe(
      '2024-03-05',
    );
    expect(cellText({ kind: 'date', wallClock: clock, shape: 'datetime', timeOnly: false })).toBe(
      '2024-03-05T14:30:00',
    );
  });

  it('has no text for an error or a formula never calculated', () => {
    expect(cellText({ kind: 'error', error: '#N/A' })).toBeNull();
    expect(cellText({ kind: 'uncalculated', formula: 'A1*2' })).toBeNull();
  });
});

describe('cellProblem', () => {
  it('says which cell holds which error, in words', () => {
    expect(cellProblem({ kind: 'error', error: '#N/A' }, 2, 7)).toBe(
      'C7 holds the Excel error #N/A',
    );
    expect(cellProblem({ kind: 'uncalculated', formula: 'A1*2' }, 27, 3)).toMatch(
      /^AB3 holds a formula \(=A1\*2\) whose result is not saved in the file/,
    );
    expect(cellProblem({ kind: 'number', value: 1 }, 0, 1)).toBeNull();
  });
});
