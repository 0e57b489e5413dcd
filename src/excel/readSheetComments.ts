import { fromA1 } from "../engine/address";
import type { SheetComment } from "../sheets/userEdits";
import type { ExcelFeatures } from "./excelFeatures";
import type { ExcelHost } from "./excelPort";
import { excelErrorCode, toExcelPortError } from "./officeErrors";

/** The cell of an address Excel gives (`'Plan Summary'!E5`, `Sheet1!E5:F6`): its first cell. */
function cellOf(address: string): { row: number; column: number } | null {
  const local = address.slice(address.lastIndexOf("!") + 1).split(":")[0];
  return fromA1(local.replace(/\$/g, ""));
}

/**
 * The comments on a sheet's cells, with author and text (two round trips: the comments, then
 * where each one is). None where the running Excel has no comments API (before ExcelApi 1.10) or
 * the sheet is gone.
 * @example await readSheetComments(host, features, "Plan Summary") → [{ row: 4, column: 4, author: "Ann", text: "why?" }]
 */
export async function readSheetComments(
  host: ExcelHost,
  features: ExcelFeatures,
  sheet: string,
): Promise<SheetComment[]> {
  if (!features.comments) return [];
  try {
    return await host.run(async (context) => {
      const comments = context.workbook.worksheets.getItem(sheet).comments;
      comments.load("items/content,items/authorName");
      try {
        await context.sync();
      } catch (error) {
        if (excelErrorCode(error) === "ItemNotFound") return [];
        throw error;
      }
      const located = comments.items.map((comment) => {
        const cell = comment.getLocation();
        cell.load("address");
        return { comment, cell };
      });
      await context.sync();
      return located.flatMap(({ comment, cell }) => {
        const at = cellOf(cell.address);
        return at ? [{ ...at, author: comment.authorName, text: comment.content }] : [];
      });
    });
  } catch (error) {
    throw toExcelPortError(error, { phase: "read", source: sheet });
  }
}
