import type { CellStyle, ConditionalFormatSpec } from "./sheetModel";

/** A colour as six hex digits (`RRGGBB`); each writer spells it its own way (ARGB, `#RRGGBB`). */
export type PaletteColor = string;

/** What a named cell style looks like, as plain data both writers map. */
export type StyleLook = {
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: PaletteColor };
  /** Solid fill. */
  fill?: PaletteColor;
  /** A thin rule above or below the cell. */
  border?: { side: "top" | "bottom"; color: PaletteColor };
  alignment?: { vertical: "middle"; wrapText: boolean };
};

const RULE = "8EA9DB";

/**
 * The one palette of generated sheets: title large bold; subtitle grey; header bold on a light
 * fill with a rule below; label bold; total bold with a rule above; note italic grey; input (a
 * cell the user types into) on pale yellow.
 * @example STYLE_LOOKS.input.fill === "FFF2CC"
 */
export const STYLE_LOOKS: Readonly<Record<CellStyle, StyleLook>> = {
  title: { font: { bold: true, size: 14 } },
  subtitle: { font: { size: 11, color: "595959" } },
  header: {
    font: { bold: true },
    fill: "DDEBF7",
    border: { side: "bottom", color: RULE },
    alignment: { vertical: "middle", wrapText: true },
  },
  label: { font: { bold: true } },
  total: { font: { bold: true }, border: { side: "top", color: RULE } },
  note: { font: { italic: true, color: "7F7F7F" } },
  input: { fill: "FFF2CC" },
};

/**
 * Fill and font of each traffic-light tone: Excel's own good / neutral / bad cell styles.
 * @example TONE_LOOKS.bad.fill === "FFC7CE"
 */
export const TONE_LOOKS: Readonly<
  Record<ConditionalFormatSpec["tone"], { fill: PaletteColor; font: PaletteColor }>
> = {
  good: { fill: "C6EFCE", font: "006100" },
  neutral: { fill: "FFEB9C", font: "9C5700" },
  bad: { fill: "FFC7CE", font: "9C0006" },
};
