import { compareKeys } from './fingerprint-order';
import { RECORD_WORDS, rank, sourceOf } from './ledger-records';

/** Per looked-up fingerprint (in the caller's order): 0 unknown, 1 maybe sent, 2 sent; and by whom. */
export interface Matches {
  status: Uint8Array;
  source: Uint32Array;
}

/**
 * Walks one sorted run of records (a segment, chunk by chunk, or a normalized log) alongside the
 * sorted fingerprints being looked up, in one merge pass: each side is read once, so a lookup
 * costs the ledger's size plus the file's, with no index held in memory.
 */
export class MatchWalk {
  private next = 0;

  constructor(
    private readonly queries: Uint32Array,
    private readonly order: Uint32Array,
    private readonly matches: Matches,
  ) {}

  /**
   * Looks up one chunk of a run's records. A run much smaller than the file (a Send event, a
   * small import) is probed instead: each of its records searched among the sorted fingerprints,
   * which costs its own size, not the file's.
   */
  visit(records: Uint32Array, count: number, runSize = count): void {
    if (runSize * PROBE_FACTOR < this.order.length - this.next) {
      this.probe(records, count);
      return;
    }
    const { queries, order } = this;
    const total = order.length;
    let qi = this.next;
    let r = 0;
    while (qi < total && r < count) {
      const query = (order[qi] ?? 0) * 4;
      const q0 = queries[query] ?? 0;
      const q1 = queries[query + 1] ?? 0;
      const q2 = queries[query + 2] ?? 0;
      const q3 = queries[query + 3] ?? 0;
      // The ledger is usually far larger than the file: jump to the first record not below the
      // query (galloping, then binary search) instead of stepping through the gap.
      r = firstNotBelow(records, r, count, q0, q1, q2, q3);
      if (r >= count) break;
      const at = r * RECORD_WORDS;
      if (
        records[at] !== q0 ||
        records[at + 1] !== q1 ||
        records[at + 2] !== q2 ||
        records[at + 3] !== q3
      ) {
        qi += 1;
        continue;
      }
      // The same event may stand in the file more than once: every copy is marked.
      const meta = records[at + 4] ?? 0;
      while (qi < total && compareKeys(queries, (order[qi] ?? 0) * 4, records, at) === 0) {
        this.mark(order[qi] ?? 0, meta);
        qi += 1;
      }
      r += 1;
    }
    this.next = qi;
  }

  private probe(records: Uint32Array, count: number): void {
    const { queries, order } = this;
    for (let r = 0; r < count; r++) {
      const at = r * RECORD_WORDS;
      let low = 0;
      let high = order.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (compareKeys(queries, (order[mid] ?? 0) * 4, records, at) < 0) low = mid + 1;
        else high = mid;
      }
      const meta = records[at + 4] ?? 0;
      for (let qi = low; qi < order.length; qi++) {
        const index = order[qi] ?? 0;
        if (compareKeys(queries, index * 4, records, at) !== 0) break;
        this.mark(index, meta);
      }
    }
  }

  /** Sent beats maybe-sent; between two "sent", the older segment (read first) names the source. */
  private mark(index: number, meta: number): void {
    const strength = rank(meta);
    if (strength > (this.matches.status[index] ?? 0)) {
      this.matches.status[index] = strength;
      this.matches.source[index] = sourceOf(meta);
    }
  }
}

/** A run this many times smaller than the fingerprints still to find is probed, not walked. */
const PROBE_FACTOR = 32;

/** Whether record `r`'s key is below the key (q0, q1, q2, q3), word by word, unsigned. */
function below(
  records: Uint32Array,
  r: number,
  q0: number,
  q1: number,
  q2: number,
  q3: number,
): boolean {
  const at = r * RECORD_WORDS;
  const a = records[at] ?? 0;
  if (a !== q0) return a < q0;
  const b = records[at + 1] ?? 0;
  if (b !== q1) return b < q1;
  const c = records[at + 2] ?? 0;
  if (c !== q2) return c < q2;
  return (records[at + 3] ?? 0) < q3;
}

/** The first record at or after `from` whose key is not below the query's (`count` if none). */
function firstNotBelow(
  records: Uint32Array,
  from: number,
  count: number,
  q0: number,
  q1: number,
  q2: number,
  q3: number,
): number {
  if (from >= count || !below(records, from, q0, q1, q2, q3)) return from;
  // Gallop: 1, 2, 4, ... records ahead until one is not below, then search between.
  let low = from + 1;
  let step = 1;
  let high = from + 1;
  while (high < count && below(records, high, q0, q1, q2, q3)) {
    low = high + 1;
    step *= 2;
    high = from + step;
  }
  high = Math.min(high, count);
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (below(records, mid, q0, q1, q2, q3)) low = mid + 1;
    else high = mid;
  }
  return low;
}
