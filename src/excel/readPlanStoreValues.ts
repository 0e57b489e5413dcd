import { PLAN_STORE_SHEET } from "../sheets/planStoreSheet";
import type { ExcelHost } from "./excelPort";
import { excelErrorCode, toExcelPortError } from "./officeErrors";
import { fromUsedRange } from "./workbookInventory";

/**
 * The plan store sheet's cell values from A1 (read with `readPlanStore` from `src/sheets`), or
 * null when the workbook has no such sheet. One round trip.
 */
export async function readPlanStoreValues(
  host: ExcelHost,
): Promise<(string | number | boolean | null)[][] | null> {
  try {
    return await host.run(async (context) => {
      const used = context.workbook.worksheets
        .getItem(PLAN_STORE_SHEET)
        .getUsedRangeOrNullObject(true);
      used.load("values,rowIndex,columnIndex");
      try {
        await context.sync();
      } catch (error) {
        if (excelErrorCode(error) === "ItemNotFound") return null;
        throw error;
      }
      return used.isNullObject ? [] : fromUsedRange(used.values, used.rowIndex, used.columnIndex);
    });
  } catch (error) {
    throw toExcelPortError(error, { phase: "read", source: PLAN_STORE_SHEET });
  }
}
