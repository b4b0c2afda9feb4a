/**
 * "Did you mean …?" help for names a person typed (mapping fields, column headers).
 */

const MAX_COMPARED_LENGTH = 200;

/**
 * The number of single-character edits (insert, delete, replace, swap of neighbours) between two
 * strings, ignoring letter case. Long strings are cut so that a huge header cannot stall the UI.
 */
export function editDistance(a: string, b: string): number {
  const s = a.slice(0, MAX_COMPARED_LENGTH).toLowerCase();
  const t = b.slice(0, MAX_COMPARED_LENGTH).toLowerCase();
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/**
 * The candidates close to `typed`, best first: same text apart from case or surrounding spaces, then
 * small typos (about one edit per three characters), then candidates that contain it or are contained in it.
 */
export function closestMatches(typed: string, candidates: readonly string[], limit = 3): string[] {
  const wanted = typed.trim().toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const plain = candidate.trim().toLowerCase();
    if (plain === '' || wanted === '') continue;
    const distance = editDistance(wanted, plain);
    const allowed = Math.max(1, Math.floor(Math.max(wanted.length, plain.length) / 3));
    if (distance <= allowed) scored.push({ candidate, score: distance });
    else if (
      Math.min(wanted.length, plain.length) >= 3 &&
      (plain.includes(wanted) || wanted.includes(plain))
    ) {
      scored.push({ candidate, score: allowed + 1 });
    }
  }
  scored.sort((x, y) => x.score - y.score);
  return scored.slice(0, limit).map((entry) => entry.candidate);
}

/** `"a", "b" or "c"` for a sentence. */
export function quoteList(items: readonly string[], conjunction = 'or'): string {
  const quoted = items.map((item) => JSON.stringify(item));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1] ?? ''}`;
}
