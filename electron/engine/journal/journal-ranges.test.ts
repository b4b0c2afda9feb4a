import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countRows, rangesFrom, rowsOf, RowSet, subtractRanges, toRanges } from './journal-ranges';

const rowLists = fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 120 });
const sortedUnique = (rows: number[]) => [...new Set(rows)].sort((a, b) => a - b);

describe('row ranges', () => {
  it('keeps a batch of consecutive rows as one pair', () => {
    expect(toRanges([2, 3, 4, 5, 7, 8, 10])).toEqual([
      [2, 5],
      [7, 8],
      [10, 10],
    ]);
  });

  it('cover exactly the rows given, in any order and with repeats', () => {
    fc.assert(
      fc.property(rowLists, (rows) => {
        const ranges = toRanges(rows);
        expect([...rowsOf(ranges)]).toEqual(sortedUnique(rows));
        expect(countRows(ranges)).toBe(new Set(rows).size);
      }),
    );
  });

  it('subtract like sets do', () => {
    fc.assert(
      fc.property(rowLists, rowLists, (a, b) => {
        const remove = new Set(b);
        const expected = sortedUnique(a).filter((row) => !remove.has(row));
        expect([...rowsOf(subtractRanges(toRanges(a), toRanges(b)))]).toEqual(expected);
      }),
    );
  });

  it('clip from a row on', () => {
    fc.assert(
      fc.property(rowLists, fc.integer({ min: 1, max: 300 }), (rows, from) => {
        const expected = sortedUnique(rows).filter((row) => row >= from);
        expect([...rowsOf(rangesFrom(toRanges(rows), from))]).toEqual(expected);
      }),
    );
  });

  it('grow a set batch by batch, merging neighbours', () => {
    fc.assert(
      fc.property(
        fc.array(rowLists, { maxLength: 10 }),
        fc.integer({ min: 0, max: 301 }),
        (batches, probe) => {
          const set = new RowSet();
          for (const batch of batches) set.add(toRanges(batch));
          const all = batches.flat();
          expect(set.ranges()).toEqual(toRanges(all));
          expect(set.size).toBe(new Set(all).size);
          expect(set.has(probe)).toBe(all.includes(probe));
        },
      ),
    );
  });
});
