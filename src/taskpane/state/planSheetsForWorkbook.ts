import type { CellValue, Grid } from "../../engine/grid";
import type { ExcelPort, RunOptions } from "../../excel/excelPort";
import { ExcelPortError } from "../../excel/excelPortError";
import { buildPlanSheets, type PlanSheetsInput } from "../../sheets/buildPlanSheets";
import { carryIntoSheets } from "../../sheets/carryUserCells";
import { sheetLabels } from "../../sheets/labels";
import { PLAN_STORE_SHEET, readPlanStore } from "../../sheets/planStoreSheet";
import { foldSheetName } from "../../sheets/sheetNames";
import type { SheetModel } from "../../sheets/sheetModel";

/** A grid's values placed from A1 (the port reads a sheet's used range, which may start later). */
function valuesFromA1(grid: Grid): CellValue[][] {
  const origin = grid.origin ?? { row: 0, column: 0 };
  const padding = new Array<CellValue>(origin.column).fill(null);
  const top = Array.from({ length: origin.row }, () => [] as CellValue[]);
  return [...top, ...grid.values.map((row) => [...padding, ...row])];
}

/**
 * The plan's sheet models for this workbook, as regeneration needs them: sheets generated before
 * keep their names (the plan store's registry), no new sheet takes a user's sheet's name, and what
 * users typed into generated sheets (notes, statuses) is carried into the new models by row key.
 */
export async function planSheetsForWorkbook(
  port: ExcelPort,
  input: Omit<PlanSheetsInput, "existing">,
  options: RunOptions = {},
): Promise<SheetModel[]> {
  const [storeValues, outline] = await Promise.all([port.readPlanStore(), port.outline()]);
  // The registry as the workbook bears it out: a listed sheet without the plan's mark is a user's.
  const marked = new Map(outline.sheets.map((s) => [foldSheetName(s.name), s.generatedKind]));
  const generated = ((storeValues && readPlanStore(storeValues)?.sheets) || []).filter(
    (g) => marked.get(foldSheetName(g.name)) === g.kind,
  );
  const generatedNames = new Set([
    ...generated.map((g) => foldSheetName(g.name)),
    foldSheetName(PLAN_STORE_SHEET),
  ]);
  const present = new Set(outline.sheets.map((s) => foldSheetName(s.name)));
  const userSheets = outline.sheets
    .map((s) => s.name)
    .filter((name) => !generatedNames.has(foldSheetName(name)));
  const built = buildPlanSheets({ ...input, existing: { generated, userSheets } });

  const previous = new Map<string, CellValue[][]>();
  for (const model of built) {
    if (!model.userRows || model.keepExisting) continue;
    const before = generated.find((g) => g.kind === model.kind && g.key === model.key);
    if (!before || !present.has(foldSheetName(before.name))) continue;
    if (options.signal?.aborted) throw new ExcelPortError("cancelled");
    let grid: Grid;
    try {
      grid = await port.readHistory({ kind: "sheet", name: before.name }, options);
    } catch (error) {
      // Deleted or renamed since the outline: nothing of it to carry, as if it had never been.
      if (error instanceof ExcelPortError && error.code === "source-not-found") continue;
      throw error;
    }
    previous.set(foldSheetName(before.name), valuesFromA1(grid));
  }
  return carryIntoSheets(
    built,
    generated,
    (name) => previous.get(foldSheetName(name)) ?? null,
    sheetLabels(input.language).notInPlanRows,
  ).models;
}
