import type { ReadHistoryOptions } from "../reader/readHistory";
import type { PlanFileInput } from "./planSchema";

/**
 * What the history reader needs of a plan: the columns it names by header, and every level's
 * dimension (a level may split by any column: `"部门"`).
 * @example historyReadOptions({ levels: [{ dimension: "部门" }] }).dimensions // ["部门"]
 */
export function historyReadOptions(
  plan: Pick<PlanFileInput, "columns"> & { levels?: readonly { dimension: string }[] },
): ReadHistoryOptions {
  return {
    columns: plan.columns,
    dimensions: (plan.levels ?? []).map((level) => level.dimension.trim()),
  };
}
