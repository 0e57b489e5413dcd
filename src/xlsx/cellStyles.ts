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

/** A cell's whole look: its named style and number format. */
export type CellLook = { style?: CellStyle; numFmt?: string };

/** The palette's traffic-light tones (`TONE_LOOKS`) with ARGB colours. */
export const TONES: Record<ConditionalFormatSpec["tone"], { fill: string; font: string }> = {
  good: { fill: argb(TONE_LOOKS.good.fill), font: argb(TONE_LOOKS.good.font) },
  neutral: { fill: argb(TONE_LOOKS.neutral.fill), font: argb(TONE_LOOKS.neutral.font) },
  bad: { fill: argb(TONE_LOOKS.bad.fill), font: argb(TONE_LOOKS.bad.font) },
};
