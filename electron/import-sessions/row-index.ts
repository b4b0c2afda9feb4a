/**
 * Where reading can start again in a validated file: the reader's chunk boundaries, each with the
 * byte offset, the row number that follows and how many data rows came before. A page of the
 * review table is read from the nearest point instead of from the top, so any page of a
 * million-row file costs one chunk (about 64 KB) of reading. A boundary every ~600 rows keeps
 * the index at a few thousand numbers for a million rows.
 */
export interface ReadPoint {
  /** 0 for the start of the file (read from the top, header included). */
  byteOffset: number;
  rowNumber: number;
  /** Data rows before this point (the position of the next data row in the whole file). */
  dataIndex: number;
}

export class RowIndex {
  private readonly offsets: number[] = [0];
  private readonly rows: number[] = [1];
  private readonly indexes: number[] = [0];

  /** Records a chunk boundary; boundaries come in file order. */
  add(byteOffset: number, rowNumber: number, dataIndex: number): void {
    this.offsets.push(byteOffset);
    this.rows.push(rowNumber);
    this.indexes.push(dataIndex);
  }

  get size(): number {
    return this.offsets.length;
  }

  at(position: number): ReadPoint {
    return {
      byteOffset: this.offsets[position] ?? 0,
      rowNumber: this.rows[position] ?? 1,
      dataIndex: this.indexes[position] ?? 0,
    };
  }

  /** Position of the last point whose data index is at most `dataIndex`. */
  beforeIndex(dataIndex: number): number {
    return lastAtMost(this.indexes, dataIndex);
  }

  /** Position of the last point whose row number is at most `row`. */
  beforeRow(row: number): number {
    return lastAtMost(this.rows, row);
  }
}

function lastAtMost(values: readonly number[], wanted: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((values[mid] ?? 0) <= wanted) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A sorted list of row numbers with insertion, for the rows the "problems" view shows. */
export class SortedRows {
  private readonly list: number[] = [];

  /** Appends a row larger than any held (the validation pass goes in file order). */
  push(row: number): void {
    this.list.push(row);
  }

  /** Adds a row anywhere (a row edited later); nothing happens if it is already there. */
  insert(row: number): void {
    const at = firstAtLeast(this.list, row);
    if (this.list[at] !== row) this.list.splice(at, 0, row);
  }

  has(row: number): boolean {
    return this.list[firstAtLeast(this.list, row)] === row;
  }

  get size(): number {
    return this.list.length;
  }

  slice(start: number, end: number): number[] {
    return this.list.slice(start, end);
  }

  values(): readonly number[] {
    return this.list;
  }
}

function firstAtLeast(values: readonly number[], wanted: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] ?? 0) < wanted) low = mid + 1;
    else high = mid;
  }
  return low;
}
