import { askedRatioMeasures } from "../measures";
import type { ReadHistoryOptions } from "../reader/readHistory";
import type { PlanFileInput } from "./planSchema";

/**
 * What the history reader needs of a plan: the columns it names by header, every level's
 * dimension (a level may split by any column: `"部门"`), and the measures it asks for.
 * @example historyReadOptions({ levels: [{ dimension: "部门" }] }).dimensions // ["部门"]
 */
export function historyReadOptions(
  plan: Pick<PlanFileInput, "columns" | "measures"> & {
    levels?: readonly { dimension: string }[];
  },
): ReadHistoryOptions {
  const measures = askedRatioMeasures(plan.measures).map((m) => m.key);
  return {
    columns: plan.columns,
    dimensions: (plan.levels ?? []).map((level) => level.dimension.trim()),
    ...(measures.length > 0 ? { measures } : {}),
  };
}
