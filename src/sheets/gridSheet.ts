import type { Grid } from "../engine/grid";
import type { SheetCell, SheetModel } from "./sheetModel";

/**
 * A grid of plain cells as a sheet model (values and number formats only), e.g. to save a
 * generated history as a workbook.
 * @example gridSheet({ sheet: "Sales", values: [["Date"]] }, "history").rows[0][0].value === "Date"
 */
export function gridSheet(grid: Grid, kind: string): SheetModel {
  const rows = grid.values.map((row, r) =>
    row.map((value, c): SheetCell | null => {
      if (value === null || value === "") return null;
      const numFmt = grid.numberFormats?.[r]?.[c];
      return numFmt && numFmt !== "General" && typeof value === "number"
        ? { value, numFmt }
        : { value };
    }),
  );
  return { name: grid.sheet, kind, rows };
}
