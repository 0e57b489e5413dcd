import type ExcelJS from "exceljs";
import type { CellStyle } from "../sheets/sheetModel";

const HEADER_FILL = "FFDDEBF7";
const INPUT_FILL = "FFFFF2CC";
const NOTE_GREY = "FF7F7F7F";
const SUBTITLE_GREY = "FF595959";
const RULE = "FF8EA9DB";

/**
 * Applies a named look to a cell: title large bold; subtitle grey; header bold on a light fill
 * with a rule below; label bold; total bold with a rule above; note italic grey; input (a cell
 * the user types into) on pale yellow. Fresh objects each time: ExcelJS shares style objects
 * between cells that were given the same one.
 */
export function applyCellStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  switch (style) {
    case "title":
      cell.font = { bold: true, size: 14 };
      break;
    case "subtitle":
      cell.font = { size: 11, color: { argb: SUBTITLE_GREY } };
      break;
    case "header":
      cell.font = { bold: true };
      cell.fill = solidFill(HEADER_FILL);
      cell.border = { bottom: { style: "thin", color: { argb: RULE } } };
      cell.alignment = { vertical: "middle", wrapText: true };
      break;
    case "label":
      cell.font = { bold: true };
      break;
    case "total":
      cell.font = { bold: true };
      cell.border = { top: { style: "thin", color: { argb: RULE } } };
      break;
    case "note":
      cell.font = { italic: true, color: { argb: NOTE_GREY } };
      break;
    case "input":
      cell.fill = solidFill(INPUT_FILL);
      break;
  }
}

/** A cell's whole look: its named style and number format. */
export type CellLook = { style?: CellStyle; numFmt?: string };

/**
 * One style object per distinct look, shared by every cell that has it: ExcelJS then writes each
 * look once instead of once per cell (which dominates the write of a large workbook). Shared
 * objects must never be changed afterwards — assign a cell another one instead.
 * @example const lookOf = styleCache(); cell.style = lookOf({ style: "total", numFmt: "#,##0" });
 */
export function styleCache(): (look: CellLook) => Partial<ExcelJS.Style> {
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  return ({ style, numFmt }) => {
    const key = `${style ?? ""}\u0000${numFmt ?? ""}`;
    let object = cache.get(key);
    if (!object) {
      // Build the look on a scratch cell-like object.
      const scratch = {} as ExcelJS.Cell;
      if (style) applyCellStyle(scratch, style);
      object = {
        ...(numFmt ? { numFmt } : {}),
        ...(scratch.font ? { font: scratch.font } : {}),
        ...(scratch.fill ? { fill: scratch.fill } : {}),
        ...(scratch.border ? { border: scratch.border } : {}),
        ...(scratch.alignment ? { alignment: scratch.alignment } : {}),
      } as Partial<ExcelJS.Style>;
      cache.set(key, object);
    }
    return object;
  };
}

function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}
