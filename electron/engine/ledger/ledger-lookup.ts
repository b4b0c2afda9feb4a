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

  visit(records: Uint32Array, count: number): void {
    const { queries, order, matches } = this;
    const total = order.length;
    let qi = this.next;
    let r = 0;
    while (r < count && qi < total) {
      const query = (order[qi] ?? 0) * 4;
      const c = compareKeys(queries, query, records, r * RECORD_WORDS);
      if (c < 0) {
        qi += 1;
        continue;
      }
      if (c > 0) {
        // The ledger is usually far larger than the file: jump to the first record not below
        // the query (galloping, then binary search) instead of stepping through the gap.
        r = firstNotBelow(records, r + 1, count, queries, query);
        continue;
      }
      // The same event may stand in the file more than once: every copy is marked.
      const at = r * RECORD_WORDS;
      const meta = records[at + 4] ?? 0;
      const strength = rank(meta);
      while (qi < total && compareKeys(queries, (order[qi] ?? 0) * 4, records, at) === 0) {
        const index = order[qi] ?? 0;
        // Sent beats maybe-sent; between two "sent", the older segment (read first) names the source.
        if (strength > (matches.status[index] ?? 0)) {
          matches.status[index] = strength;
          matches.source[index] = sourceOf(meta);
        }
        qi += 1;
      }
      r += 1;
    }
    this.next = qi;
  }
}

/** The first record at or after `from` whose key is not below the query's (`count` if none). */
function firstNotBelow(
  records: Uint32Array,
  from: number,
  count: number,
  queries: Uint32Array,
  query: number,
): number {
  const below = (r: number) => compareKeys(records, r * RECORD_WORDS, queries, query) < 0;
  // Gallop: 1, 2, 4, ... records ahead until one is not below, then search between.
  let low = from;
  let step = 1;
  let high = from;
  while (high < count && below(high)) {
    low = high + 1;
    high = from + step;
    step *= 2;
  }
  high = Math.min(high, count);
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (below(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
