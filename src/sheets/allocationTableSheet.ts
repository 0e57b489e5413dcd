import type { PlanResult } from "../engine/plan/planResult";
import { amount, text } from "./cells";
import type { SheetLabels } from "./labels";
import { sortByPath } from "./memberOrder";
import { printSetup } from "./printSetup";
import type { SheetCell, SheetModel } from "./sheetModel";

const HEADER_ROW = 2;

/**
 * The allocation in long form — one row per leaf and month with its members, period, quarter and
 * target (and the quantity and gross profit, when the plan asks for them), leaves in the
 * language's order — as an Excel table, ready for PivotTables and slicers.
 * @example allocationTableSheet(result, labels, "Allocation Table").rows.length === 3 + 12 * result.rows.length
 */
export function allocationTableSheet(
  result: PlanResult,
  labels: SheetLabels,
  name: string,
): SheetModel {
  const dims = result.levels;
  const dimCount = Math.max(1, dims.length);
  const asked = new Set(result.measures?.asked ?? []);
  // The measures asked, after the target: each a value of the leaf's month.
  const measureKeys = (["quantity", "grossProfit"] as const).filter((key) => asked.has(key));
  const width = dimCount + 3 + measureKeys.length;
  const title: (SheetCell | null)[] = new Array(width).fill(null);
  title[0] = text(labels.allocationTableTitle(result.planYear), "title");
  const header: (SheetCell | null)[] = new Array(width).fill(null);
  if (dims.length === 0) header[0] = text(labels.total, "header");
  dims.forEach((d, i) => (header[i] = text(labels.dimension(d), "header")));
  header[dimCount] = text(labels.period, "header");
  header[dimCount + 1] = text(labels.quarter, "header");
  header[dimCount + 2] = text(labels.target, "header");
  measureKeys.forEach(
    (key, i) => (header[dimCount + 3 + i] = text(labels.measures[key], "header")),
  );
  const rows: (SheetCell | null)[][] = [title, new Array(width).fill(null), header];
  for (const leaf of sortByPath(result.rows, (row) => row.path, labels.language)) {
    leaf.months.forEach((target, m) => {
      const row: (SheetCell | null)[] = new Array(width).fill(null);
      if (dims.length === 0) row[0] = text(labels.total);
      for (let i = 0; i < dims.length; i++)
        row[i] = leaf.path[i] === undefined ? null : text(leaf.path[i]);
      row[dimCount] = text(result.periods[m]);
      row[dimCount + 1] = text(`${result.planYear}-Q${Math.floor(m / 3) + 1}`);
      row[dimCount + 2] = amount(target);
      measureKeys.forEach(
        (key, i) => (row[dimCount + 3 + i] = amount(leaf.measures?.[key]?.months[m] ?? 0)),
      );
      rows.push(row);
    });
  }
  const model: SheetModel = {
    name,
    kind: "allocation-table",
    rows,
    columnWidths: [
      ...new Array<number>(dimCount).fill(16),
      10,
      10,
      12,
      ...measureKeys.map(() => 12),
    ],
    freeze: { rows: HEADER_ROW + 1, columns: 0 },
    tables: [
      {
        name: "STP_Allocation",
        block: {
          firstRow: HEADER_ROW,
          firstColumn: 0,
          lastRow: Math.max(rows.length - 1, HEADER_ROW + 1),
          lastColumn: width - 1,
        },
        style: "TableStyleMedium2",
      },
    ],
  };
  const titleRows = { first: HEADER_ROW, last: HEADER_ROW };
  return { ...model, print: printSetup(model, titleRows, labels, result.planYear) };
}
