import { compareKeys, sortedOrder } from './fingerprint-order';

// The ledger's records: a fingerprint (four words) and a meta word, `source << 2 | status`, 20
// bytes on disk, little-endian (every platform the app ships for). A run appends records as its
// batches go (a log: an intent `maybe` before a request, then `sent` or `none` after); a closed
// run's log becomes a segment: sorted, one record per fingerprint, `none` dropped.

export const RECORD_WORDS = 5;
export const RECORD_BYTES = RECORD_WORDS * 4;

/** What the ledger knows of an event. Higher wins across runs: sent beats maybe-sent. */
export const STATUS = {
  /** Sent in a request whose answer never came (or not yet): it may have arrived. */
  maybe: 1,
  /** The server confirmed it. */
  sent: 2,
  /** Refused, or never sent after all: cancels the same run's `maybe`. */
  none: 3,
} as const;
export type LedgerStatus = (typeof STATUS)[keyof typeof STATUS];

/** How strongly a status says "already there": none 0, maybe 1, sent 2. */
export function rank(meta: number): number {
  const status = meta & 3;
  return status === STATUS.sent ? 2 : status === STATUS.maybe ? 1 : 0;
}

export function metaOf(source: number, status: LedgerStatus): number {
  return ((source << 2) | status) >>> 0;
}

export function sourceOf(meta: number): number {
  return meta >>> 2;
}

/** Segment files start with these four words: magic "CSLG", format version, record count, 0. */
export const SEGMENT_MAGIC = 0x474c5343;
export const SEGMENT_VERSION = 1;
export const SEGMENT_HEADER_WORDS = 4;

/**
 * A run's records in append order made into a segment's: sorted, the last record of each
 * fingerprint kept (a result supersedes its intent), and `none` dropped. Answers the records and
 * their count.
 */
export function normalizeRun(records: Uint32Array, count: number): Uint32Array {
  const order = sortedOrder(records, RECORD_WORDS, count);
  const out = new Uint32Array(count * RECORD_WORDS);
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const at = (order[i] ?? 0) * RECORD_WORDS;
    const nextIndex = order[i + 1];
    // Equal keys sit together in append order; only the last of them counts.
    if (
      nextIndex !== undefined &&
      compareKeys(records, at, records, nextIndex * RECORD_WORDS) === 0
    )
      continue;
    if (rank(records[at + 4] ?? 0) === 0) continue;
    out.set(records.subarray(at, at + RECORD_WORDS), kept * RECORD_WORDS);
    kept += 1;
  }
  return out.subarray(0, kept * RECORD_WORDS);
}
