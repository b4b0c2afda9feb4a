import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellRef, columnIndex, columnLetters, MAX_COLUMNS, refRow } from './cell-ref';

describe('cell references', () => {
  it('reads column letters as Excel numbers its columns', () => {
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('C7')).toBe(2);
    expect(columnIndex('Z9')).toBe(25);
    expect(columnIndex('AA10')).toBe(26);
    expect(columnIndex('xfd1048576')).toBe(16_383);
    expect(columnIndex('XFE1')).toBe(-1);
    expect(columnIndex('12')).toBe(-1);
    expect(cellRef(2, 7)).toBe('C7');
  });

  it('writes letters that read back as the same column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_COLUMNS - 1 }), (column) => {
        expect(columnIndex(columnLetters(column))).toBe(column);
      }),
    );
  });

  it('reads the row of a reference', () => {
    expect(refRow('K200')).toBe(200);
    expect(refRow('$A$1')).toBe(1);
    expect(refRow('A')).toBeNull();
  });
});
