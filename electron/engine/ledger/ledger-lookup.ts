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
    for (let r = 0; r < count && qi < total; r++) {
      const at = r * RECORD_WORDS;
      let c = compareKeys(queries, (order[qi] ?? 0) * 4, records, at);
      while (c < 0) {
        qi += 1;
        if (qi >= total) break;
        c = compareKeys(queries, (order[qi] ?? 0) * 4, records, at);
      }
      if (qi >= total) break;
      if (c > 0) continue;
      // The same event may stand in the file more than once: every copy is marked.
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
    }
    this.next = qi;
  }
}
