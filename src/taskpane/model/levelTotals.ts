import type { DimensionKey } from "../../engine/history";
import type { PlanNode, PlanResult } from "../../engine/plan/planResult";

export type SegmentTotal = {
  /** Members from the first level down. */
  path: string[];
  target: number;
  /** Net sales in the base year. */
  base: number;
  /** target / base − 1; null without base-year sales. */
  growth: number | null;
  isNew: boolean;
  locked: boolean;
};

export type LevelTotals = { dimension: DimensionKey; segments: SegmentTotal[] };

/**
 * The plan's targets per level of the breakdown, in cascade order, with each segment's base year
 * and growth: what Preview shows before anything is written.
 * @example levelTotals(result)[0] → { dimension: "region", segments: [{ path: ["East"], target: 198000, base: 180000, growth: 0.1, … }, …] }
 */
export function levelTotals(result: PlanResult): LevelTotals[] {
  const levels: LevelTotals[] = result.levels.map((dimension) => ({ dimension, segments: [] }));
  const visit = (node: PlanNode, depth: number) => {
    if (depth > 0) {
      const target = node.units * result.unit;
      levels[depth - 1].segments.push({
        path: node.path,
        target,
        base: node.baseNet,
        growth: node.baseNet > 0 ? target / node.baseNet - 1 : null,
        isNew: node.isNew,
        locked: node.lock !== undefined,
      });
    }
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(result.root, 0);
  return levels;
}

/**
 * The plan's monthly targets for the whole company (sum of every leaf's months).
 * @example monthTotals(result).reduce((a, b) => a + b) === result.target
 */
export function companyMonths(result: PlanResult): number[] {
  const months = new Array<number>(12).fill(0);
  for (const row of result.rows) row.months.forEach((m, i) => (months[i] += m));
  return months;
}
