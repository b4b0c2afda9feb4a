// Sorting fingerprints without comparing 128-bit keys n·log n times: fingerprints are uniform
// hashes, so a counting sort on the top bits of the first word leaves buckets of a few entries,
// each finished by insertion sort. Linear in practice; a million fingerprints sort in tens of ms.

/** Compares the four-word keys at `a` in `x` and `b` in `y` (unsigned, word by word). */
export function compareKeys(x: Uint32Array, a: number, y: Uint32Array, b: number): number {
  for (let i = 0; i < 4; i++) {
    const p = x[a + i] ?? 0;
    const q = y[b + i] ?? 0;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

/**
 * The indices 0..count-1 of entries of `stride` words in `words` (key in the first four), in key
 * order; entries with equal keys keep their order (stable), which the ledger relies on to let the
 * last record of a run win.
 */
export function sortedOrder(words: Uint32Array, stride: number, count: number): Uint32Array {
  const order = new Uint32Array(count);
  if (count === 0) return order;
  // About four entries a bucket, at most 2^22 buckets (16 MB of counts).
  const bits = Math.min(22, Math.max(1, Math.ceil(Math.log2(count / 4 + 1))));
  const shift = 32 - bits;
  const starts = new Uint32Array((1 << bits) + 1);
  for (let i = 0; i < count; i++) {
    const bucket = (words[i * stride] ?? 0) >>> shift;
    starts[bucket + 1] = (starts[bucket + 1] ?? 0) + 1;
  }
  for (let b = 1; b < starts.length; b++) starts[b] = (starts[b] ?? 0) + (starts[b - 1] ?? 0);
  const next = starts.slice(0, -1);
  for (let i = 0; i < count; i++) {
    const bucket = (words[i * stride] ?? 0) >>> shift;
    const at = next[bucket] ?? 0;
    order[at] = i;
    next[bucket] = at + 1;
  }
  // Insertion sort inside each bucket; stable because it moves an entry only past greater keys.
  for (let b = 0; b < starts.length - 1; b++) {
    const from = starts[b] ?? 0;
    const to = starts[b + 1] ?? 0;
    for (let i = from + 1; i < to; i++) {
      const entry = order[i] ?? 0;
      let j = i - 1;
      while (j >= from && compareKeys(words, (order[j] ?? 0) * stride, words, entry * stride) > 0) {
        order[j + 1] = order[j] ?? 0;
        j -= 1;
      }
      order[j + 1] = entry;
    }
  }
  return order;
}
