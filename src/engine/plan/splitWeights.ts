import { byCodePoint } from "../rounding";
import type { BlendPart, LevelSpec } from "./planSchema";

/** What the cascade knows of one child inside its parent: net sales per year and its row count. */
export type ChildHistory = {
  member: string;
  netByYear: Map<number, number>;
  rows: number;
};

/** The members of a split and their weights (not normalised), in code-point order of member. */
export type SplitWeights = {
  weights: Map<string, number>;
  /** True when no child qualified and the children with any earlier row split equally. */
  equalFallback: boolean;
};

/** Default window of each method, in years before the plan year. */
const DEFAULT_YEARS = { lastYear: 1, history: 3, equal: 1, manual: 1 } as const;

type SingleMethod = {
  method: BlendPart["method"];
  years?: number;
  weights?: Record<string, number>;
};

function net(child: ChildHistory, planYear: number, years: number): number {
  let total = 0;
  for (let y = planYear - years; y < planYear; y++) total += child.netByYear.get(y) ?? 0;
  return total;
}

function singleMethodWeights(
  spec: SingleMethod,
  children: readonly ChildHistory[],
  planYear: number,
): Map<string, number> {
  const weights = new Map<string, number>();
  if (spec.method === "manual") {
    for (const [member, weight] of Object.entries(spec.weights ?? {}))
      weights.set(member.trim(), weight);
    return weights;
  }
  const years = spec.method === "lastYear" ? 1 : (spec.years ?? DEFAULT_YEARS[spec.method]);
  for (const child of children) {
    const sales = net(child, planYear, years);
    if (sales > 0) weights.set(child.member, spec.method === "equal" ? 1 : sales);
  }
  return weights;
}

function sortedByMember(weights: Map<string, number>): Map<string, number> {
  return new Map([...weights].sort((a, b) => byCodePoint(a[0], b[0])));
}

/**
 * Members of a parent's split and their weights, by the level's method: `lastYear` (base-year net
 * sales), `history` (net sales over `years`), `equal`, `manual` (named children), or `blend`
 * (normalised shares of its parts mixed by their `weight`). Members are the children with positive
 * net sales in the method's window (for `manual`, those named with a positive weight); when none
 * qualifies, the children with any earlier row split equally.
 * @example splitWeights({ dimension: "rep", method: "lastYear" }, kids, 2026).weights // Map { "Ann" → 120000, "Bo" → 60000 }
 */
export function splitWeights(
  level: LevelSpec,
  children: readonly ChildHistory[],
  planYear: number,
): SplitWeights {
  let weights: Map<string, number>;
  if (level.method === "blend") {
    weights = new Map();
    for (const part of level.parts ?? []) {
      const partWeights = singleMethodWeights(part, children, planYear);
      const total = [...partWeights.values()].reduce((s, w) => s + w, 0);
      if (total <= 0) continue;
      for (const [member, w] of partWeights) {
        weights.set(member, (weights.get(member) ?? 0) + (part.weight * w) / total);
      }
    }
  } else {
    weights = singleMethodWeights({ ...level, method: level.method }, children, planYear);
  }
  for (const [member, w] of weights) if (!(w > 0)) weights.delete(member);
  if (weights.size > 0) return { weights: sortedByMember(weights), equalFallback: false };
  const fallback = new Map<string, number>();
  for (const child of children) if (child.rows > 0) fallback.set(child.member, 1);
  return { weights: sortedByMember(fallback), equalFallback: fallback.size > 0 };
}
