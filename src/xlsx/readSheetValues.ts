import { promises as fsp } from "node:fs";
import type { CellValue } from "../engine/grid";
import { errnoCode } from "./fileErrors";
import { readWorkbookGrids } from "./readHistoryFile";
import { openWorkbookPackage } from "./workbookPackage";

/**
 * The cell values of one sheet of an .xlsx file, hidden and very hidden sheets included (the plan
 * store is very hidden), row-major from A1 in the shape `readHistoryFile` gives; only that sheet's
 * part is read, streamed. `null` when the file does not exist yet or has no sheet of that name
 * (compared without regard to case, as Excel does). Throws `FileAccessError` when the file exists
 * but cannot be read.
 * @example const store = await readSheetValues("plan.xlsx", "_stp_plan");
 */
export async function readSheetValues(
  filePath: string,
  sheetName: string,
): Promise<CellValue[][] | null> {
  try {
    await fsp.access(filePath);
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return null;
  }
  const wanted = sheetName.toLocaleUpperCase("en-US");
  const [grid] = await readWorkbookGrids(
    await openWorkbookPackage(filePath),
    (sheet) => sheet.name.toLocaleUpperCase("en-US") === wanted,
  );
  return grid ? grid.values : null;
}
