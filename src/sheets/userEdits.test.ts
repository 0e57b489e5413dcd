import type { CellValue } from "../engine/grid";
import { computePlan } from "../engine/plan/computePlan";
import { validPlan } from "../engine/plan/testing/validPlan";
import { workedExampleRecords } from "../engine/plan/testing/workedExample";
import { buildPlanSheets } from "./buildPlanSheets";
import { markOf } from "./generatedMark";
import { sheetLabels } from "./labels";
import { KEY_COLUMN_ID } from "./rowSignature";
import { layoutOf } from "./sheetLayout";
import type { SheetModel } from "./sheetModel";
import { findUserEdits, placeUserEdits, USER_COLUMN_ID, userEditsSheet } from "./userEdits";

const labels = sheetLabels("en-US");
const notes = new Set([labels.notInPlanRows]);

function sheets(levels: ("region" | "rep")[]): SheetModel[] {
  const plan = validPlan({
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: levels.map((dimension) => ({ dimension, method: "lastYear" })),
    rounding: { unit: 100 },
    language: "en-US",
  });
  const result = computePlan({ records: workedExampleRecords() }, plan);
  return buildPlanSheets({ result, plan, language: "en-US", historySheet: "Sales" });
}

/** A sheet's values as the workbook holds them once written (what a port reads back). */
function valuesOf(model: SheetModel): CellValue[][] {
  return model.rows.map((row) => row.map((cell) => cell?.value ?? null));
}

function put(values: CellValue[][], row: number, column: number, value: CellValue) {
  while (values.length <= row) values.push([]);
  while (values[row].length < column) values[row].push(null);
  values[row][column] = value;
}

describe("what users put around the plan's cells", () => {
  it("is found beside, below and between the plan's cells of a summary, and put back where it was", () => {
    const summary = sheets(["region", "rep"]).find((s) => s.kind === "summary")!;
    const values = valuesOf(summary);
    const width = Math.max(...summary.rows.map((r) => r.length));
    put(values, 2, width + 3, "beside");
    put(values, summary.rows.length + 4, 0, "below");
    const gap = summary.rows.findIndex((r, i) => i > 0 && r.length === 0);
    put(values, gap, 1, 4711);
    const found = findUserEdits("Plan Summary", values, layoutOf(summary), notes);
    const byPlace = (a: CellValue[], b: CellValue[]) =>
      (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number);
    expect(found.cells.map((c) => [c.row, c.column, c.value]).sort(byPlace)).toEqual(
      [
        [2, width + 3, "beside"],
        [gap, 1, 4711],
        [summary.rows.length + 4, 0, "below"],
      ].sort(byPlace),
    );

    const placed = placeUserEdits(summary, found, labels);
    expect(placed.moved).toEqual([]);
    expect(placed.kept).toBe(3);
    for (const cell of found.cells) {
      expect(placed.model.rows[cell.row][cell.column]?.value).toBe(cell.value);
      expect(placed.isUsers(cell.row, cell.column)).toBe(true);
    }
    // The mark moved right of the user's cell, still hidden, and still the sheet's.
    expect(markOf(valuesOf(placed.model))).toEqual({ kind: "summary" });
    const markColumn = placed.model.rows[0].length - 1;
    expect(markColumn).toBeGreaterThan(width + 3);
    expect(placed.model.hiddenColumns).toContain(markColumn);
    expect(placed.model.hiddenColumns).not.toContain(width - 1);
    // The plan's layout leaves the user's cells out: the next regeneration finds them again.
    const again = findUserEdits(
      "Plan Summary",
      valuesOf(placed.model),
      layoutOf(placed.model, placed.isUsers),
      notes,
    );
    expect(again.cells.map((c) => c.value)).toEqual(found.cells.map((c) => c.value));
  });

  it("moves a cell the new layout writes to the sheet of edits, with its address", () => {
    const [before] = [sheets(["region"]).find((s) => s.kind === "action-plan")!];
    const after = sheets(["region", "rep"]).find((s) => s.kind === "action-plan")!;
    const values = valuesOf(before);
    const below = before.rows.length + 1;
    expect(after.rows.length).toBeGreaterThan(below);
    put(values, below, 1, "total by hand");
    const found = findUserEdits("Action Plan", values, layoutOf(before), notes);
    expect(found.cells).toEqual([
      { sheet: "Action Plan", row: below, column: 1, value: "total by hand" },
    ]);
    const placed = placeUserEdits(after, found, labels);
    expect(placed.kept).toBe(0);
    expect(placed.moved).toEqual([{ ...found.cells[0], reason: "layout" }]);
    const edits = userEditsSheet(placed.moved, labels, "Your edits", ["Action Plan"]);
    expect(edits.rows[4].map((c) => c?.value ?? null)).toEqual([
      "Action Plan",
      `B${below + 1}`,
      "total by hand",
      null,
      null,
      labels.edits.reasons.layout,
    ]);
    expect(markOf(valuesOf(edits))).toBeNull();
  });

  it("carries a column inserted into the Action Plan table by row key, after a sort", () => {
    const actionPlan = sheets(["region", "rep"]).find((s) => s.kind === "action-plan")!;
    const layout = actionPlan.userRows!;
    const values = valuesOf(actionPlan);
    // Insert a column left of the period column (Excel shifts every cell right of it) …
    const at = layout.generatedColumns[1];
    for (const row of values) if (row.length > at) row.splice(at, 0, null);
    values[layout.headerRow][at] = "Priority";
    const keyColumn = layout.keyColumn + 1;
    const typed = new Map<string, string>();
    for (let r = layout.firstRow; r <= layout.lastRow; r += 5) {
      values[r][at] = `P${r}`;
      typed.set(String(values[r][keyColumn]), `P${r}`);
    }
    // … and sort the table's rows backwards (their keys move with them).
    const body = values.slice(layout.firstRow, layout.lastRow + 1).reverse();
    values.splice(layout.firstRow, body.length, ...body);

    const found = findUserEdits("Action Plan", values, layoutOf(actionPlan), notes);
    expect(found.cells).toEqual([]);
    expect(found.columns).toHaveLength(1);
    expect(found.columns[0].header).toBe("Priority");
    expect(found.columns[0].cells.size).toBe(typed.size);

    const placed = placeUserEdits(actionPlan, found, labels);
    expect(placed.columns).toBe(1);
    expect(placed.moved).toEqual([]);
    const model = placed.model;
    const table = model.tables![0];
    const added = table.block.lastColumn;
    expect(added).toBe(actionPlan.tables![0].block.lastColumn + 1);
    expect(model.rows[layout.idRow][added]?.value).toBe(USER_COLUMN_ID);
    expect(model.rows[layout.headerRow][added]?.value).toBe("Priority");
    for (let r = layout.firstRow; r <= layout.lastRow; r++) {
      const key = String(model.rows[r][layout.keyColumn]?.value);
      expect(model.rows[r][added]?.value ?? null).toBe(typed.get(key) ?? null);
    }
    expect(model.rows[layout.idRow]).toContainEqual({ value: KEY_COLUMN_ID });
    expect(markOf(valuesOf(model))).toEqual({ kind: "action-plan" });

    // Written back, the column is known for the user's again, with its cells.
    const next = findUserEdits("Action Plan", valuesOf(model), layoutOf(model), notes);
    expect(next.columns.map((c) => [c.header, c.cells.size])).toEqual([["Priority", typed.size]]);
    expect(next.cells).toEqual([]);
  });

  it("takes a row inserted into the table for the user's, and never the plan's own notes or mark", () => {
    const actionPlan = sheets(["region", "rep"]).find((s) => s.kind === "action-plan")!;
    const layout = actionPlan.userRows!;
    const values = valuesOf(actionPlan);
    const row = new Array<CellValue>(values[layout.firstRow].length).fill(null);
    row[0] = "subtotal East";
    row[layout.userColumns[0].column] = "review with Ann";
    values.splice(layout.firstRow + 3, 0, row);
    const found = findUserEdits("Action Plan", values, layoutOf(actionPlan), notes);
    expect(found.cells.map((c) => [c.row, c.value])).toEqual([
      [layout.firstRow + 3, "subtotal East"],
      [layout.firstRow + 3, "review with Ann"],
    ]);
  });
});
