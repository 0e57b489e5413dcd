import { editDistance } from "../suggest";
import { normalizeHeader } from "./normalizeHeader";

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
    const distance = contains ? 0.5 : editDistance(needle, candidate);
    if (distance <= limit && distance < bestDistance) {
      best = header;
      bestDistance = distance;
    }
  }
  return best;
}
