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
  /**
   * Children not in the split because their net sales over the method's window are negative (for
   * a blend: over the window of the first part where they are), in code-point order.
   */
  negative: { member: string; net: number; years: number }[];
  /**
   * Children with history that manual weights do not name, in code-point order; `part` is the
   * blend part whose weights leave them out (the blend's other parts may still weigh them).
   */
  leftOut: { member: string; part?: number }[];
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

type MethodWeights = {
  weights: Map<string, number>;
  negative: SplitWeights["negative"];
  leftOut: string[];
};

function singleMethodWeights(
  spec: SingleMethod,
  children: readonly ChildHistory[],
  planYear: number,
): MethodWeights {
  const weights = new Map<string, number>();
  const negative: SplitWeights["negative"] = [];
  if (spec.method === "manual") {
    for (const [member, weight] of Object.entries(spec.weights ?? {}))
      weights.set(member.trim(), weight);
    const leftOut = children.filter((c) => c.rows > 0 && !weights.has(c.member));
    return { weights, negative, leftOut: leftOut.map((c) => c.member) };
  }
  const years = spec.method === "lastYear" ? 1 : (spec.years ?? DEFAULT_YEARS[spec.method]);
  for (const child of children) {
    const sales = net(child, planYear, years);
    if (sales > 0) weights.set(child.member, spec.method === "equal" ? 1 : sales);
    else if (sales < 0) negative.push({ member: child.member, net: sales, years });
  }
  return { weights, negative, leftOut: [] };
}

function sortedByMember(weights: Map<string, number>): Map<string, number> {
  return new Map([...weights].sort((a, b) => byCodePoint(a[0], b[0])));
}

/**
 * Members of a parent's split and their weights, by the level's method: `lastYear` (base-year net
 * sales), `history` (net sales over `years`), `equal`, `manual` (named children), or `blend`
 * (normalised shares of its parts mixed by their `weight`). Members are the children with positive
 * net sales in the method's window (for `manual`, those named with a positive weight); when none
 * qualifies, the children with any earlier row split equally. The children with history it
 * leaves out are named: a negative net, or no entry in manual weights.
 * @example splitWeights({ dimension: "rep", method: "lastYear" }, kids, 2026).weights // Map { "Ann" → 120000, "Bo" → 60000 }
 */
export function splitWeights(
  level: LevelSpec,
  children: readonly ChildHistory[],
  planYear: number,
): SplitWeights {
  let weights: Map<string, number>;
  const negative = new Map<string, SplitWeights["negative"][number]>();
  const leftOut: SplitWeights["leftOut"] = [];
  if (level.method === "blend") {
    weights = new Map();
    (level.parts ?? []).forEach((part, index) => {
      const method = singleMethodWeights(part, children, planYear);
      for (const n of method.negative) if (!negative.has(n.member)) negative.set(n.member, n);
      for (const member of method.leftOut) leftOut.push({ member, part: index });
      const total = [...method.weights.values()].reduce((s, w) => s + w, 0);
      if (total <= 0) return;
      for (const [member, w] of method.weights) {
        weights.set(member, (weights.get(member) ?? 0) + (part.weight * w) / total);
      }
    });
  } else {
    const method = singleMethodWeights({ ...level, method: level.method }, children, planYear);
    weights = method.weights;
    for (const n of method.negative) negative.set(n.member, n);
    for (const member of method.leftOut) leftOut.push({ member });
  }
  for (const [member, w] of weights) if (!(w > 0)) weights.delete(member);
  if (weights.size > 0) {
    return {
      weights: sortedByMember(weights),
      equalFallback: false,
      negative: [...negative.values()]
        .filter((n) => !weights.has(n.member))
        .sort((a, b) => byCodePoint(a.member, b.member)),
      leftOut: leftOut.sort(
        (a, b) => (a.part ?? 0) - (b.part ?? 0) || byCodePoint(a.member, b.member),
      ),
    };
  }
  // No child qualified: every child with history shares equally, so none is left out.
  const fallback = new Map<string, number>();
  for (const child of children) if (child.rows > 0) fallback.set(child.member, 1);
  return {
    weights: sortedByMember(fallback),
    equalFallback: fallback.size > 0,
    negative: [],
    leftOut: [],
  };
}
