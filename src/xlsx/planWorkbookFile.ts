import type { SheetMark } from "../sheets/generatedMark";
import { existsSync } from "node:fs";
import { fromA1 } from "../engine/address";
import type { CellValue } from "../engine/grid";
import { PLAN_STORE_SHEET, type GeneratedSheet, type PlanStore } from "../sheets/planStoreSheet";
import type { LazySheet } from "../sheets/sheetModel";
import type { CellDetails, SheetComment } from "../sheets/userEdits";
import { foldSheetName } from "../sheets/sheetNames";
import type { TypedOverCell } from "../sheets/sheetSignatures";
import {
  readCellDetails,
  readGeneratedSheets,
  type GeneratedSheetsRead,
} from "./readGeneratedSheets";
import { removeLeftoverTemporaries } from "./removeLeftoverTemporaries";
import { fileStamp } from "./writeFileAtomic";
import { writePlanWorkbook, type WritePlanReport } from "./writeWorkbook";

/** The plan workbook file as the planning workflow uses it (see `WorkbookPort`). */
export type PlanWorkbookFile = {
  readPlanStore(): Promise<PlanStore | null>;
  sheetNames(): Promise<string[]>;
  sheetMarks(): Promise<{ name: string; mark: SheetMark | null }[]>;
  readSheetValues(name: string): Promise<CellValue[][] | null>;
  readTypedOver(name: string): Promise<TypedOverCell[]>;
  readComments(name: string): Promise<SheetComment[]>;
  readCellDetails(
    name: string,
    cells: readonly { row: number; column: number }[],
  ): Promise<CellDetails[]>;
  writeSheets(
    sheets: readonly LazySheet[],
    previous: readonly GeneratedSheet[],
  ): Promise<WritePlanReport>;
};

/**
 * What an existing plan workbook held before, read once and streamed: its sheets, its plan store
 * and the cells carrying user cells needs of the sheets the store lists.
 */
async function readPreviousSheets(file: string): Promise<GeneratedSheetsRead | null> {
  return existsSync(file) ? readGeneratedSheets(file) : null;
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
  let previous: Promise<GeneratedSheetsRead | null> | null = null;
  const read = () => (previous ??= readPreviousSheets(file));
  return {
    readPlanStore: async () => (await read())?.store ?? null,
    sheetNames: async () => ((await read())?.sheets ?? []).map((s) => s.name),
    sheetMarks: async () => (await read())?.marks ?? [],
    readSheetValues: async (name) => (await read())?.values.get(foldSheetName(name)) ?? null,
    // Found as the sheet was read, by the column of signatures the plan store names.
    readTypedOver: async (name) => (await read())?.typedOver.get(foldSheetName(name)) ?? [],
    readCellDetails: (name, cells) => readCellDetails(file, name, cells),
    readComments: async (name) =>
      ((await read())?.comments.get(foldSheetName(name)) ?? []).flatMap(({ ref, author, text }) => {
        const at = fromA1(ref);
        return at ? [{ row: at.row, column: at.column, author, text }] : [];
      }),
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
