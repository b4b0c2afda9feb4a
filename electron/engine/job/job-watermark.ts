/** A point in the file: a byte offset and the number of the row that starts there. */
export interface FilePoint {
  offset: number;
  row: number;
}

/**
 * Works out the journal's low-water mark: the furthest chunk end below which every row is settled
 * (sent and answered, rejected, or skipped). Rows still in the packer or in a request "hold" the
 * mark back by their first row; chunk ends are the only places a resumed read can start.
 */
export class WatermarkTracker {
  private readonly holds = new Map<string | number, number>();
  private readonly boundaries: FilePoint[] = [];
  private current: FilePoint;

  constructor(start: FilePoint) {
    this.current = start;
  }

  /** Rows from `firstRow` on are not settled yet, until `release(token)`. */
  hold(token: string | number, firstRow: number): void {
    this.holds.set(token, firstRow);
  }

  release(token: string | number): void {
    this.holds.delete(token);
  }

  /** Every row before `point.row` has been read and passed on (to the packer, a request or the report). */
  boundary(point: FilePoint): void {
    this.boundaries.push(point);
  }

  get mark(): FilePoint {
    return this.current;
  }

  /** Moves the mark as far as the holds allow; returns it when it moved, else null. */
  advance(): FilePoint | null {
    let lowestHeld = Infinity;
    for (const row of this.holds.values()) lowestHeld = Math.min(lowestHeld, row);
    let moved: FilePoint | null = null;
    while (this.boundaries.length > 0 && (this.boundaries[0]?.row ?? Infinity) <= lowestHeld) {
      moved = this.boundaries.shift() ?? null;
    }
    if (moved && moved.offset > this.current.offset) {
      this.current = moved;
      return moved;
    }
    return null;
  }
}
