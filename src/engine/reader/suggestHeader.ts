import { normalizeHeader } from "./normalizeHeader";

/** Edit distance between two strings by code point, giving up (returning `limit + 1`) past `limit`. */
function boundedDistance(a: string, b: string, limit: number): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1),
      );
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[t.length];
}

/**
 * The existing header nearest to a header the plan file names, compared without case, spaces and
 * punctuation: one that contains it or is contained in it, else one within a typo's distance
 * (a third of the length, 1…3 edits); `undefined` when none is that close.
 * @example suggestHeader("Teritory", ["Date", "Territory", "Sales"]) === "Territory"
 */
export function suggestHeader(name: string, headers: readonly string[]): string | undefined {
  const needle = normalizeHeader(name.slice(0, 200));
  if (needle === "") return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const header of headers) {
    const candidate = normalizeHeader(header.slice(0, 200));
    if (candidate === "") continue;
    const limit = Math.min(
      3,
      Math.max(1, Math.floor(Math.max(needle.length, candidate.length) / 3)),
    );
    const contains =
      Math.min(needle.length, candidate.length) >= 3 &&
      (candidate.includes(needle) || needle.includes(candidate));
    const distance = contains ? 0.5 : boundedDistance(needle, candidate, limit);
    if (distance <= limit && distance < bestDistance) {
      best = header;
      bestDistance = distance;
    }
  }
  return best;
}
