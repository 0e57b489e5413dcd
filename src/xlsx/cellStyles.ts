import type ExcelJS from "exceljs";
import type { CellStyle, ConditionalFormatSpec } from "../sheets/sheetModel";

const HEADER_FILL = "FFDDEBF7";
const INPUT_FILL = "FFFFF2CC";
const NOTE_GREY = "FF7F7F7F";
const SUBTITLE_GREY = "FF595959";
const RULE = "FF8EA9DB";

/** The parts of a named look, as plain data both .xlsx writers read. */
export type LookParts = {
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  /** Solid fill colour (ARGB). */
  fill?: string;
  /** A thin rule above or below the cell, and its colour (ARGB). */
  border?: { side: "top" | "bottom"; color: string };
  alignment?: { vertical: "middle"; wrapText: boolean };
};

/**
 * Each named look: title large bold; subtitle grey; header bold on a light fill with a rule
 * below; label bold; total bold with a rule above; note italic grey; input (a cell the user types
 * into) on pale yellow.
 */
export const LOOKS: Record<CellStyle, LookParts> = {
  title: { font: { bold: true, size: 14 } },
  subtitle: { font: { size: 11, color: SUBTITLE_GREY } },
  header: {
    font: { bold: true },
    fill: HEADER_FILL,
    border: { side: "bottom", color: RULE },
    alignment: { vertical: "middle", wrapText: true },
  },
  label: { font: { bold: true } },
  total: { font: { bold: true }, border: { side: "top", color: RULE } },
  note: { font: { italic: true, color: NOTE_GREY } },
  input: { fill: INPUT_FILL },
};

/**
 * Applies a named look to a cell (see `LOOKS`). Fresh objects each time: ExcelJS shares style
 * objects between cells that were given the same one.
 */
export function applyCellStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const { font, fill, border, alignment } = LOOKS[style];
  if (font) {
    const { color, ...rest } = font;
    cell.font = color ? { ...rest, color: { argb: color } } : { ...rest };
  }
  if (fill) cell.fill = solidFill(fill);
  if (border) cell.border = { [border.side]: { style: "thin", color: { argb: border.color } } };
  if (alignment) cell.alignment = { ...alignment };
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

/** Fill and font of each traffic-light tone (Excel's own good / neutral / bad cell styles). */
export const TONES: Record<ConditionalFormatSpec["tone"], { fill: string; font: string }> = {
  good: { fill: "FFC6EFCE", font: "FF006100" },
  neutral: { fill: "FFFFEB9C", font: "FF9C5700" },
  bad: { fill: "FFFFC7CE", font: "FF9C0006" },
};
