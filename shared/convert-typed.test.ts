import { describe, expect, it } from 'vitest';
import { prepareConversion } from './convert';
import type { Mapping } from './mapping';
import { DATE_CELL, type TypedCells } from './typed-cells';

const header = ['event', 'when', 'customer', 'amount', 'note'];
const mapping: Mapping = {
  version: 1,
  name: { column: 'event' },
  // A text pattern: it applies to text cells, never to a workbook's date cells.
  timestamp: { column: 'when', format: 'dd.MM.yyyy HH:mm', timezone: 'Europe/Prague' },
  customer: { column: 'customer' },
  customerData: {
    amount: { column: 'amount', type: 'number', decimal: 'comma' },
    amountText: { column: 'amount' },
  },
};

function converter() {
  const prepared = prepareConversion(header, mapping, { now: Date.UTC(2025, 0, 1) });
  if (!prepared.ok) throw new Error(prepared.issues.map((i) => i.message).join(' '));
  return prepared.converter;
}

describe('converting a workbook row with typed cells', () => {
  it('reads a date cell as the wall clock it shows in the zone, whatever the format', () => {
    const typed: TypedCells = [undefined, DATE_CELL, undefined, { kind: 'number', value: 12.5 }];
    const result = converter().convert(
      ['login', '2024-07-05T14:30:00', 'cus_1', '12.5', ''],
      2,
      typed,
    );
    expect(result.issues).toEqual([]);
    expect(result.event).toEqual({
      name: 'login',
      timestamp: Date.UTC(2024, 6, 5, 12, 30), // 14:30 in Prague, summer time
      identification: { customer: 'cus_1' },
      // The number itself for Number (the comma is for text), its shortest decimal as text.
      data: { customer: { amount: 12.5, amountText: '12.5' } },
    });
  });

  it('still reads text cells with the format and the decimal mark', () => {
    const result = converter().convert(['login', '05.07.2024 14:30', 'cus_1', '12,5', ''], 2);
    expect(result.event?.timestamp).toBe(Date.UTC(2024, 6, 5, 12, 30));
    expect(result.event?.data?.customer).toEqual({ amount: 12.5, amountText: '12,5' });
  });

  it('makes an error cell in a mapped column a problem of its row, never a value', () => {
    const typed: TypedCells = [
      undefined,
      DATE_CELL,
      undefined,
      { kind: 'problem', problem: 'excel_error', message: 'D7 holds the Excel error #N/A' },
      { kind: 'problem', problem: 'excel_error', message: 'E7 holds the Excel error #REF!' },
    ];
    const cells = ['login', '2024-07-05T14:30:00', 'cus_1', '#N/A', '#REF!'];
    const result = converter().convert(cells, 7, typed);
    expect(result.event).toBeNull();
    // The unmapped "note" column's error is no problem; the mapped one is, once though read twice.
    expect(result.issues).toEqual([
      {
        row: 7,
        column: 'amount',
        kind: 'excel_error',
        severity: 'error',
        message: 'D7 holds the Excel error #N/A (column "amount").',
      },
    ]);
    expect(converter().check(cells, 7, typed).valid).toBe(false);
  });

  it('makes an uncalculated formula in the timestamp column a problem in words', () => {
    const typed: TypedCells = [
      undefined,
      {
        kind: 'problem',
        problem: 'formula_not_calculated',
        message: 'B3 holds a formula (=NOW()) whose result is not saved in the file',
      },
    ];
    const result = converter().check(['login', '=NOW()', 'cus_1', '1', ''], 3, typed);
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => [i.kind, i.column])).toEqual([
      ['formula_not_calculated', 'when'],
    ]);
  });
});
