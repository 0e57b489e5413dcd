/**
 * Edit distance (insertions, deletions, substitutions, swaps of neighbours) between two strings,
 * by code point: the optimal string alignment distance, which counts a typo like "Eats" as one.
 * @example editDistance("histroy", "history") === 1
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let before: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        cur[j] = Math.min(cur[j], before[j - 2] + 1);
      }
    }
    before = prev;
    prev = cur;
  }
  return prev[t.length];
}

/** The most edits a suggested name may be from the name given. */
const MAX_SUGGESTION_EDITS = 3;

/**
 * The candidate nearest to `name` (case-insensitive edit distance), or undefined when none is
 * close enough to be a plausible typo (distance at most a third of the longer name, min 1… 3).
 * @example suggestNearest("Anm", ["Ann", "Bo"]) === "Ann"
 */
export function suggestNearest(name: string, candidates: Iterable<string>): string | undefined {
  const needle = name.trim().toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = candidate.trim().toLowerCase();
    // No suggestion is more than 3 edits away, so names far apart in length need no distance
    // (twice as far in UTF-16 units, which count some characters twice).
    if (Math.abs(other.length - needle.length) > 2 * MAX_SUGGESTION_EDITS) continue;
    const d = editDistance(needle, other);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.min(
    MAX_SUGGESTION_EDITS,
    Math.max(1, Math.floor(Math.max(needle.length, best.length) / 3)),
  );
  return bestDistance <= limit ? best : undefined;
}
