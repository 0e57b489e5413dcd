import type { SheetModel } from "../sheets/sheetModel";
import { ExcelPortError } from "./excelPortError";
import { folded } from "../sheets/sheetPlacement";
import { sheetNameProblem } from "../sheets/sheetNameProblem";

/** Excel's limit on a typed-in dropdown list (`a,b,c`). */
export const MAX_LIST_SOURCE = 255;

/**
 * A dropdown's choices as Excel's list source, or null when they cannot be typed in (a choice
 * with a comma, or more than 255 characters in all).
 * @example listSource(["Open", "Done"]) === "Open,Done"
 */
export function listSource(values: readonly string[]): string | null {
  if (values.length === 0 || values.some((v) => v.includes(","))) return null;
  const source = values.join(",");
  return source.length > MAX_LIST_SOURCE ? null : source;
}

/**
 * Refuses models Excel would refuse half-way: bad or duplicate sheet names, duplicate table
 * names, dropdown lists that cannot be typed in. Thrown before the workbook is touched.
 */
export function checkSheetModels(models: readonly SheetModel[]): void {
  const sheets = new Set<string>();
  const tables = new Set<string>();
  for (const model of models) {
    const problem =
      sheetNameProblem(model.name) ?? (sheets.has(folded(model.name)) ? "duplicate" : null);
    if (problem) {
      throw new ExcelPortError("excel-error", {
        detail: `sheet name ${problem}`,
        sheet: model.name,
      });
    }
    sheets.add(folded(model.name));
    for (const table of model.tables ?? []) {
      if (tables.has(folded(table.name))) {
        throw new ExcelPortError("excel-error", {
          detail: "duplicate table name",
          table: table.name,
          sheet: model.name,
        });
      }
      tables.add(folded(table.name));
    }
    for (const validation of model.validations ?? []) {
      if (listSource(validation.values) === null) {
        throw new ExcelPortError("excel-error", {
          detail: `a dropdown list needs 1 to ${MAX_LIST_SOURCE} characters and no commas in its choices`,
          sheet: model.name,
        });
      }
    }
  }
}
