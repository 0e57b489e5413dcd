import { BLANK_MEMBER } from "../../engine/plan/aggregate";
import type { HistoryRecord } from "../../engine/history";
import type { PlanResult } from "../../engine/plan/planResult";
import { levelTotals } from "./levelTotals";

/** How far (in growth points) a segment's planned growth may stray from its own last growth. */
export const FAR_FROM_HISTORY = 0.2;
/** Segments smaller than this share of the base year are not worth a warning. */
const MIN_SHARE = 0.01;
const MAX_WARNINGS = 8;

export type GrowthWarning = {
  path: string[];
  /** Planned growth over the base year. */
  implied: number;
  /** The segment's growth from the year before the base year to the base year. */
  history: number;
};

/**
 * Segments whose planned growth is far from their own history (base year over the year before):
 * a rep planned at +40 % who shrank last year deserves a second look. Largest gaps first.
 * @example growthWarnings(records, result) → [{ path: ["West", "Cy"], implied: 0.1, history: -0.25 }]
 */
export function growthWarnings(
  records: readonly HistoryRecord[],
  result: PlanResult,
): GrowthWarning[] {
  const baseYear = result.baseYear;
  const byPath = new Map<string, { base: number; before: number }>();
  for (const r of records) {
    if (r.year !== baseYear && r.year !== baseYear - 1) continue;
    const members = result.levels.map((d) => r.dims[d] ?? BLANK_MEMBER);
    for (let depth = 1; depth <= members.length; depth++) {
      const key = members.slice(0, depth).join("\u0000");
      const sums = byPath.get(key) ?? { base: 0, before: 0 };
      if (r.year === baseYear) sums.base += r.amount;
      else sums.before += r.amount;
      byPath.set(key, sums);
    }
  }
  const warnings: (GrowthWarning & { gap: number })[] = [];
  for (const level of levelTotals(result)) {
    for (const segment of level.segments) {
      const sums = byPath.get(segment.path.join("\u0000"));
      if (!sums || segment.growth === null || sums.before <= 0 || sums.base <= 0) continue;
      if (result.base > 0 && sums.base < result.base * MIN_SHARE) continue;
      const history = sums.base / sums.before - 1;
      const gap = Math.abs(segment.growth - history);
      if (gap > FAR_FROM_HISTORY)
        warnings.push({ path: segment.path, implied: segment.growth, history, gap });
    }
  }
  return warnings
    .sort((a, b) => b.gap - a.gap)
    .slice(0, MAX_WARNINGS)
    .map(({ path, implied, history }) => ({ path, implied, history }));
}
