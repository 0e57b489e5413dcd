import type { ExcelHost } from "./excelPort";
import { ExcelPortError } from "./excelPortError";
import { excelErrorCode, toExcelPortError } from "./officeErrors";

/**
 * Activates a sheet and selects a cell or range on it (A1 address; A1 when none), e.g. the cell
 * of a skipped history row. A sheet that is not there gives `source-not-found`.
 * @example await selectCell(host, "Sales", "G1043")
 */
export async function selectCell(host: ExcelHost, sheet: string, address = "A1"): Promise<void> {
  try {
    await host.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await context.sync();
    });
  } catch (error) {
    if (excelErrorCode(error) === "ItemNotFound") {
      throw new ExcelPortError(
        "source-not-found",
        { kind: "sheet", name: sheet },
        { cause: error },
      );
    }
    throw toExcelPortError(error, { phase: "select", sheet, address });
  }
}
