import type ExcelJS from "exceljs";
import { STYLE_LOOKS, TONE_LOOKS, type StyleLook } from "../sheets/palette";
import type { CellStyle, ConditionalFormatSpec } from "../sheets/sheetModel";

/** The parts of a named look, as plain data both .xlsx writers read (colours ARGB). */
export type LookParts = StyleLook;

const argb = (color: string) => `FF${color}`;

/** The palette's looks (`STYLE_LOOKS`) with ARGB colours, as SpreadsheetML spells them. */
export const LOOKS: Record<CellStyle, LookParts> = Object.fromEntries(
  Object.entries(STYLE_LOOKS).map(([style, look]) => [
    style,
    {
      ...look,
      ...(look.font
        ? { font: { ...look.font, ...(look.font.color ? { color: argb(look.font.color) } : {}) } }
        : {}),
      ...(look.fill ? { fill: argb(look.fill) } : {}),
      ...(look.border ? { border: { ...look.border, color: argb(look.border.color) } } : {}),
    },
  ]),
) as Record<CellStyle, LookParts>;

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

/** The palette's traffic-light tones (`TONE_LOOKS`) with ARGB colours. */
export const TONES: Record<ConditionalFormatSpec["tone"], { fill: string; font: string }> = {
  good: { fill: argb(TONE_LOOKS.good.fill), font: argb(TONE_LOOKS.good.font) },
  neutral: { fill: argb(TONE_LOOKS.neutral.fill), font: argb(TONE_LOOKS.neutral.font) },
  bad: { fill: argb(TONE_LOOKS.bad.fill), font: argb(TONE_LOOKS.bad.font) },
};
