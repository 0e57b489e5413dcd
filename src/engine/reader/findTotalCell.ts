import type { GridView } from "./gridView";
import { classifyTotalLabel } from "./classifyTotalLabel";

/** A cell labelling its row as a total, and how sure the label is (see `classifyTotalLabel`). */
export type TotalCell = { column: number; label: string; kind: "total" | "variant" };

/**
 * The first cell of a grid row whose text labels a total row, preferring a plain total label
 * (`合计`) over a variant (`Total East`); `null` when the row has none.
 * @example findTotalCell(makeGridView({ sheet: "S", values: [["华东 合计", 9]] }), 0)?.kind === "variant"
 */
export function findTotalCell(view: GridView, row: number): TotalCell | null {
  let variant: TotalCell | null = null;
  const length = view.rowLength(row);
  for (let column = 0; column < length; column++) {
    const value = view.cell(row, column);
    if (typeof value !== "string") continue;
    const kind = classifyTotalLabel(value);
    if (kind === "total") return { column, label: value.trim(), kind };
    if (kind === "variant" && !variant) variant = { column, label: value.trim(), kind };
  }
  return variant;
}
