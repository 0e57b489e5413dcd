import type { DimensionKey } from "../engine/history";
import type { ActionPlanUnit } from "../engine/plan/actionPlan";
import { VISITS_PER_MONTH } from "../engine/plan/actionPlan";
import { a1, amount, formula, text } from "./cells";
import type { SheetLabels } from "./labels";
import { sortByPath } from "./memberOrder";
import { KEY_COLUMN_ID, rowKey, rowSignature, SIGNATURE_COLUMN_ID } from "./rowSignature";
import type { CellBlock, ListValidationSpec, SheetCell, UserRowsLayout } from "./sheetModel";

/** The columns users own in action-plan rows, by stable id. */
export const ACTION_USER_COLUMNS = ["activities", "owner", "due", "status", "notes"] as const;
export const DATE_FORMAT = "yyyy-mm-dd";

export type ActionRowsBlock = {
  rows: (SheetCell | null)[][];
  layout: UserRowsLayout;
  /**
   * Header and data rows, the hidden key and signature columns included: a table sorted or
   * filtered moves only its own columns, so the key must be one of them to stay with its row.
   */
  tableBlock: CellBlock;
  validation: ListValidationSpec;
  width: number;
};

/**
 * Action-plan rows, one per unit (rep, or leaf; in the language's order) and month, starting at
 * `startRow` of a sheet:
 * a hidden row of column ids, the header, then the data: the unit's members, period, target,
 * average deal size, deals needed, customers by tier and visits (formulas where they follow from
 * other cells), then the user's columns — key activities, owner, due date, status, notes — and two
 * hidden columns: the row key and the signature of the generated cells (inside the table block, so
 * that sorting the table moves them with their rows).
 * @example actionRowsBlock(result.actionPlans, ["Region", "Rep"], labels, 2026, 2).rows.length === 2 + 12 * units
 */
export function actionRowsBlock(
  units: readonly ActionPlanUnit[],
  dimensions: readonly DimensionKey[],
  labels: SheetLabels,
  planYear: number,
  startRow: number,
): ActionRowsBlock {
  const depth = Math.max(1, ...units.map((u) => u.path.length));
  const dims = dimensions.slice(0, depth);
  const dimCount = Math.max(1, dims.length);
  const col = {
    period: dimCount,
    target: dimCount + 1,
    dealSize: dimCount + 2,
    deals: dimCount + 3,
    a: dimCount + 4,
    b: dimCount + 5,
    c: dimCount + 6,
    visits: dimCount + 7,
  };
  const userStart = dimCount + 8;
  const keyColumn = userStart + ACTION_USER_COLUMNS.length;
  const signatureColumn = keyColumn + 1;
  const width = signatureColumn + 1;
  const generatedColumns = Array.from({ length: userStart }, (_, i) => i);

  const ids: (SheetCell | null)[] = new Array(width).fill(null);
  dims.forEach((d, i) => (ids[i] = text(d)));
  if (dims.length === 0) ids[0] = text("total");
  ids[col.period] = text("period");
  ids[col.target] = text("target");
  ids[col.dealSize] = text("dealSize");
  ids[col.deals] = text("dealsNeeded");
  ids[col.a] = text("customersA");
  ids[col.b] = text("customersB");
  ids[col.c] = text("customersC");
  ids[col.visits] = text("visits");
  ACTION_USER_COLUMNS.forEach((id, i) => (ids[userStart + i] = text(id)));
  ids[keyColumn] = text(KEY_COLUMN_ID);
  ids[signatureColumn] = text(SIGNATURE_COLUMN_ID);

  const header: (SheetCell | null)[] = new Array(width).fill(null);
  dims.forEach((d, i) => (header[i] = text(labels.dimension(d), "header")));
  if (dims.length === 0) header[0] = text(labels.total, "header");
  header[col.period] = text(labels.period, "header");
  header[col.target] = text(labels.target, "header");
  header[col.dealSize] = text(labels.dealSize, "header");
  header[col.deals] = text(labels.dealsNeeded, "header");
  header[col.a] = text(labels.customersOfTier("A"), "header");
  header[col.b] = text(labels.customersOfTier("B"), "header");
  header[col.c] = text(labels.customersOfTier("C"), "header");
  header[col.visits] = text(labels.visits, "header");
  [labels.activities, labels.owner, labels.dueDate, labels.status, labels.notes].forEach(
    (h, i) => (header[userStart + i] = text(h, "header")),
  );
  // A table column needs a header; these columns are hidden, so their ids serve in every language.
  header[keyColumn] = text(KEY_COLUMN_ID, "header");
  header[signatureColumn] = text(SIGNATURE_COLUMN_ID, "header");

  const rows: (SheetCell | null)[][] = [ids, header];
  for (const u of sortByPath(units, (unit) => unit.path, labels.language)) {
    for (let m = 0; m < 12; m++) {
      const r = startRow + rows.length;
      const period = `${planYear}-${String(m + 1).padStart(2, "0")}`;
      const row: (SheetCell | null)[] = new Array(width).fill(null);
      if (u.path.length === 0) row[0] = text(labels.total);
      u.path.forEach((member, i) => (row[i] = text(member)));
      row[col.period] = text(period);
      row[col.target] = amount(u.months[m]);
      row[col.dealSize] = u.dealSize === null ? null : amount(u.dealSize, undefined, "#,##0.00");
      row[col.deals] =
        u.dealSize === null
          ? null
          : formula(
              `IF(${a1(r, col.dealSize)}>0,ROUNDUP(${a1(r, col.target)}/${a1(r, col.dealSize)},0),"")`,
              u.dealsNeeded[m],
            );
      row[col.a] = amount(u.customers.A, undefined, "0");
      row[col.b] = amount(u.customers.B, undefined, "0");
      row[col.c] = amount(u.customers.C, undefined, "0");
      row[col.visits] = formula(
        `${VISITS_PER_MONTH.A}*${a1(r, col.a)}+${VISITS_PER_MONTH.B}*${a1(r, col.b)}+${VISITS_PER_MONTH.C}*${a1(r, col.c)}`,
        u.visits,
        undefined,
        "0",
      );
      ACTION_USER_COLUMNS.forEach((id, i) => {
        row[userStart + i] =
          id === "due"
            ? { value: null, numFmt: DATE_FORMAT, style: "input" }
            : { value: null, style: "input" };
      });
      row[keyColumn] = text(rowKey(u.path, period));
      row[signatureColumn] = text(rowSignature(generatedColumns.map((c) => row[c]?.value ?? null)));
      rows.push(row);
    }
  }
  const firstRow = startRow + 2;
  const lastRow = startRow + rows.length - 1;
  const statusColumn = userStart + ACTION_USER_COLUMNS.indexOf("status");
  return {
    rows,
    width,
    layout: {
      idRow: startRow,
      headerRow: startRow + 1,
      firstRow,
      lastRow,
      keyColumn,
      signatureColumn,
      userColumns: ACTION_USER_COLUMNS.map((id, i) => ({ column: userStart + i, id })),
      generatedColumns,
    },
    tableBlock: {
      firstRow: startRow + 1,
      firstColumn: 0,
      lastRow: Math.max(lastRow, startRow + 2),
      lastColumn: signatureColumn,
    },
    validation: {
      block: {
        firstRow,
        firstColumn: statusColumn,
        lastRow: Math.max(lastRow, firstRow),
        lastColumn: statusColumn,
      },
      values: labels.actionStatuses,
    },
  };
}
