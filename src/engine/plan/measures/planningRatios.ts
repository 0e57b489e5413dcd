import {
  addFigures,
  emptySums,
  type FigureSums,
  type RatioMeasureDefinition,
} from "../../measures";
import { PlanError } from "../../planError";
import type { MonthCell } from "../aggregate";
import { nodeLabel } from "../buildCascade";
import type { PlanNode, PlannedRatio } from "../planResult";

/** Net sums of a node's history rows: over the base year, and over the `time.years` window. */
type PooledSums = { baseYear: FigureSums; window: FigureSums };

const SEPARATOR = "\u0000";

/**
 * The history of every node pooled: all rows under it (its path a prefix of theirs), leaves left
 * out of the plan included, as the planning ratio's fallback to a parent asks.
 */
function pooledByPath(
  cells: readonly MonthCell[],
  planYear: number,
  years: number,
): Map<string, PooledSums> {
  const pooled = new Map<string, PooledSums>();
  const baseYear = planYear - 1;
  const firstYear = planYear - years;
  for (const cell of cells) {
    if (cell.year < firstYear || cell.year > baseYear) continue;
    let key = "";
    for (let depth = 0; depth <= cell.members.length; depth++) {
      if (depth > 0)
        key = depth === 1 ? cell.members[0] : key + SEPARATOR + cell.members[depth - 1];
      let sums = pooled.get(key);
      if (!sums) {
        sums = { baseYear: emptySums(), window: emptySums() };
        pooled.set(key, sums);
      }
      addFigures(sums.window, cell);
      if (cell.year === baseYear) addFigures(sums.baseYear, cell);
    }
  }
  return pooled;
}

/**
 * Each node's planning ratio for a measure (the price of the quantity, the margin of gross
 * profit), as `ratios[measure.key]` on every node of the cascade: its own history's ratio over the
 * base year; else over the `time.years` window; else its parent's (all rows under the parent
 * pooled, by the same rule), up to the company. A leaf left with none anywhere is an error naming
 * the measure. Returns the leaves whose ratio came from a node above them.
 * @example planningRatios(root, cells, MEASURES.quantity, 2026, 3) // East/Ann: 132000 / 1100 → price 120
 */
export function planningRatios(
  root: PlanNode,
  cells: readonly MonthCell[],
  measure: RatioMeasureDefinition,
  planYear: number,
  years: number,
): PlanNode[] {
  const pooled = pooledByPath(cells, planYear, years);
  const inheritedLeaves: PlanNode[] = [];
  const visit = (node: PlanNode, above: PlannedRatio | undefined): void => {
    const sums = pooled.get(node.path.join(SEPARATOR));
    let own: PlannedRatio | undefined;
    const baseYear = sums ? measure.ratio(sums.baseYear) : null;
    if (baseYear !== null) own = { value: baseYear, source: "baseYear", from: node.path };
    else {
      const window = sums ? measure.ratio(sums.window) : null;
      if (window !== null) own = { value: window, source: "window", from: node.path };
    }
    const ratio = own ?? (above && { ...above, source: "inherited" as const });
    if (node.children.length === 0) {
      if (!ratio) {
        throw new PlanError(
          "measure-no-ratio",
          { measure: measure.key, node: nodeLabel(node.path), years, planYear },
          `measures.${measure.key}`,
        );
      }
      if (!own) inheritedLeaves.push(node);
    }
    if (ratio) (node.ratios ??= {})[measure.key] = ratio;
    for (const child of node.children) visit(child, ratio);
  };
  visit(root, undefined);
  return inheritedLeaves;
}
