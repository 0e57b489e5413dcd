import type { CellDetails } from "../sheets/userEdits";
import type { ExcelHost } from "./excelPort";
import { excelErrorCode, toExcelPortError } from "./officeErrors";

/** Cells whose formula and number format one round trip asks for. */
const CELLS_PER_SYNC = 2000;

/**
 * The formula (without `=`) and number format of some cells of a sheet — those a regeneration
 * puts back or moves for the user, so a formula stays a formula and a date a date. A cell with a
 * plain value has no formula; "General" is no format. Nothing for a sheet that is gone.
 * @example await readCellDetails(host, "Plan Summary", [{ row: 2, column: 10 }]) → [{ formula: "SUM(B5:B9)" }]
 */
export async function readCellDetails(
  host: ExcelHost,
  sheet: string,
  cells: readonly { row: number; column: number }[],
): Promise<CellDetails[]> {
  const out: CellDetails[] = [];
  try {
    for (let start = 0; start < cells.length; start += CELLS_PER_SYNC) {
      const chunk = cells.slice(start, start + CELLS_PER_SYNC);
      const read = await host.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        const ranges = chunk.map(({ row, column }) => {
          const range = worksheet.getCell(row, column);
          range.load("formulas,numberFormat");
          return range;
        });
        try {
          await context.sync();
        } catch (error) {
          if (excelErrorCode(error) === "ItemNotFound") return null;
          throw error;
        }
        return ranges.map((range): CellDetails => {
          const formula = range.formulas[0]?.[0];
          const numFmt = range.numberFormat[0]?.[0];
          return {
            ...(typeof formula === "string" && formula.startsWith("=")
              ? { formula: formula.slice(1) }
              : {}),
            ...(typeof numFmt === "string" && numFmt !== "General" ? { numFmt } : {}),
          };
        });
      });
      if (read === null) return cells.map(() => ({}));
      out.push(...read);
    }
    return out;
  } catch (error) {
    throw toExcelPortError(error, { phase: "read", source: sheet });
  }
}
