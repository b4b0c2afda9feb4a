/**
 * Row numbers kept compactly as sorted, disjoint, inclusive ranges: a batch of rows 2..101 is one
 * pair `[2, 101]` rather than a hundred numbers, so journal lines stay short.
 */
export type RowRange = [first: number, last: number];

/** Sorted, merged ranges of the given row numbers (duplicates allowed, any order). */
export function toRanges(rows: Iterable<number>): RowRange[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const row of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && row <= last[1] + 1) last[1] = Math.max(last[1], row);
    else ranges.push([row, row]);
  }
  return ranges;
}

/** How many rows the ranges cover (they must be disjoint, as `toRanges` makes them). */
export function countRows(ranges: readonly RowRange[]): number {
  let count = 0;
  for (const [first, last] of ranges) count += last - first + 1;
  return count;
}

/** The rows of `ranges`, one by one. */
export function* rowsOf(ranges: readonly RowRange[]): Generator<number> {
  for (const [first, last] of ranges) for (let row = first; row <= last; row += 1) yield row;
}

/** Rows in `a` but not in `b`; both sorted and disjoint. */
export function subtractRanges(a: readonly RowRange[], b: readonly RowRange[]): RowRange[] {
  const result: RowRange[] = [];
  let j = 0;
  for (const [first, last] of a) {
    let start = first;
    while (j < b.length && (b[j]?.[1] ?? 0) < start) j += 1;
    let k = j;
    while (start <= last) {
      const cut = b[k];
      if (!cut || cut[0] > last) {
        result.push([start, last]);
        break;
      }
      if (cut[0] > start) result.push([start, cut[0] - 1]);
      start = Math.max(start, cut[1] + 1);
      k += 1;
    }
  }
  return result;
}

/** Rows of `ranges` from `fromRow` on. */
export function rangesFrom(ranges: readonly RowRange[], fromRow: number): RowRange[] {
  const result: RowRange[] = [];
  for (const [first, last] of ranges) {
    if (last < fromRow) continue;
    result.push([Math.max(first, fromRow), last]);
  }
  return result;
}

/** A growing set of rows, kept as merged ranges (cheap for the long runs a journal holds). */
export class RowSet {
  private list: [number, number][] = [];

  add(ranges: readonly RowRange[]): void {
    for (const [first, last] of ranges) this.addRange(first, last);
  }

  has(row: number): boolean {
    const i = this.firstEndingAtOrAfter(row);
    const range = this.list[i];
    return range !== undefined && range[0] <= row;
  }

  get size(): number {
    return countRows(this.list);
  }

  ranges(): RowRange[] {
    return this.list.map(([first, last]): RowRange => [first, last]);
  }

  private addRange(first: number, last: number): void {
    // Ranges that touch or overlap [first, last] (adjacent counts) are merged into it.
    const i = this.firstEndingAtOrAfter(first - 1);
    let start = first;
    let end = last;
    let remove = 0;
    for (let k = i; k < this.list.length; k += 1) {
      const range = this.list[k];
      if (!range || range[0] > last + 1) break;
      start = Math.min(start, range[0]);
      end = Math.max(end, range[1]);
      remove += 1;
    }
    this.list.splice(i, remove, [start, end]);
  }

  /** Index of the first range whose end is >= row (binary search). */
  private firstEndingAtOrAfter(row: number): number {
    let low = 0;
    let high = this.list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.list[mid]?.[1] ?? 0) < row) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
