import { existsSync } from "node:fs";
import type { CellValue } from "../engine/grid";
import { PLAN_STORE_SHEET, type GeneratedSheet } from "../sheets/planStoreSheet";
import type { LazySheet } from "../sheets/sheetModel";
import { foldSheetName } from "../sheets/sheetNames";
import { readHistoryFile } from "./readHistoryFile";
import { removeLeftoverTemporaries } from "./removeLeftoverTemporaries";
import { fileStamp } from "./writeFileAtomic";
import { writePlanWorkbook, type WritePlanReport } from "./writeWorkbook";
import type { SheetGrid } from "./worksheetGrid";

/** The plan workbook file as the planning workflow uses it (see `WorkbookPort`). */
export type PlanWorkbookFile = {
  readPlanStore(): Promise<CellValue[][] | null>;
  sheetNames(): Promise<string[]>;
  readSheetValues(name: string): Promise<CellValue[][] | null>;
  writeSheets(
    sheets: readonly LazySheet[],
    previous: readonly GeneratedSheet[],
  ): Promise<WritePlanReport>;
};

/** What an existing plan workbook held before: every sheet's values, read once. */
async function readPreviousSheets(file: string): Promise<SheetGrid[]> {
  return existsSync(file) ? readHistoryFile(file) : [];
}

/**
 * The file port of the planning workflow over the .xlsx at `file` (there or not yet): reads the
 * plan store and the generated sheets' cells, and writes the plan's sheets into it atomically —
 * never over a file another program saved since it was opened. Temporary files a killed run of
 * ours left beside it are removed on opening.
 * @example const outcome = await writePlan(await openPlanWorkbookFile("plan.xlsx"), input);
 */
export async function openPlanWorkbookFile(file: string): Promise<PlanWorkbookFile> {
  await removeLeftoverTemporaries(file);
  // The output as read: a save by another program before the new one replaces it stops the write.
  const stamp = await fileStamp(file);
  let previous: Promise<SheetGrid[]> | null = null;
  const sheets = () => (previous ??= readPreviousSheets(file));
  const sheetNamed = async (name: string) =>
    (await sheets()).find((g) => foldSheetName(g.sheet) === foldSheetName(name)) ?? null;
  return {
    readPlanStore: async () => (await sheetNamed(PLAN_STORE_SHEET))?.values ?? null,
    sheetNames: async () => (await sheets()).map((g) => g.sheet),
    readSheetValues: async (name) => (await sheetNamed(name))?.values ?? null,
    writeSheets: async (models, generated) => {
      // The previous cells have been carried by now: they need not stay for the write.
      previous = null;
      return writePlanWorkbook(models, file, {
        replaceSheets: [...generated.map((g) => g.name), PLAN_STORE_SHEET],
        unchangedSince: stamp,
        quotaChartSheets: generated.filter((g) => g.kind === "rep-tab").map((g) => g.name),
      });
    },
  };
}
