import type { Notice } from "../history";
import { nodeLabel } from "./buildCascade";
import type { PlanNode } from "./planResult";

/** How far (in growth points) a segment's implied growth may stray from the plan's before it is worth a look. */
export const GROWTH_OUTLIER_POINTS = 0.25;
/** At most this many segments are named, the furthest first. */
const MOST = 10;

/**
 * Segments whose implied growth (target over base-year sales) is far from the whole plan's:
 * worth reading before anything is written. Segments without base-year sales are left out.
 * @example growthOutliers(root, 100)[0] → { code: "segment-growth-far", params: { segment: "West / Cy", growth: "85.0%", overall: "10.0%" } }
 */
export function growthOutliers(root: PlanNode, unit: number): Notice[] {
  if (!(root.baseNet > 0)) return [];
  const overall = (root.units * unit) / root.baseNet - 1;
  const found: { node: PlanNode; growth: number }[] = [];
  const walk = (node: PlanNode) => {
    for (const child of node.children) {
      if (child.baseNet > 0) {
        const growth = (child.units * unit) / child.baseNet - 1;
        if (Math.abs(growth - overall) > GROWTH_OUTLIER_POINTS) found.push({ node: child, growth });
      }
      walk(child);
    }
  };
  walk(root);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return found
    .sort((a, b) => Math.abs(b.growth - overall) - Math.abs(a.growth - overall))
    .slice(0, MOST)
    .map(({ node, growth }) => ({
      code: "segment-growth-far",
      params: { segment: nodeLabel(node.path), growth: pct(growth), overall: pct(overall) },
    }));
}
