import { STYLE_LOOKS, type StyleLook } from "../sheets/palette";
import type { CellStyle } from "../sheets/sheetModel";

/** The formatting a named cell style stands for, in Excel's terms. */
export type CellLook = {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  fontColor?: string;
  fillColor?: string;
  /** A thin rule above each cell (totals). */
  ruleAbove?: boolean;
  /** A thin rule below each cell (headers). */
  ruleBelow?: boolean;
  verticalAlignment?: "Center";
  wrapText?: boolean;
};

/** The rule colour under headers and above totals. */
export const RULE_COLOR = `#${STYLE_LOOKS.header.border?.color ?? "8EA9DB"}`;

/** A palette look (`STYLE_LOOKS`) in Excel's terms. */
function excelLook(look: StyleLook): CellLook {
  const { font, fill, border, alignment } = look;
  return {
    ...(font?.bold !== undefined ? { bold: font.bold } : {}),
    ...(font?.italic !== undefined ? { italic: font.italic } : {}),
    ...(font?.size !== undefined ? { size: font.size } : {}),
    ...(font?.color !== undefined ? { fontColor: `#${font.color}` } : {}),
    ...(fill !== undefined ? { fillColor: `#${fill}` } : {}),
    ...(border?.side === "top" ? { ruleAbove: true } : {}),
    ...(border?.side === "bottom" ? { ruleBelow: true } : {}),
    ...(alignment ? { verticalAlignment: "Center" as const, wrapText: alignment.wrapText } : {}),
  };
}

/** The palette's named styles as the Excel port draws them, the same as the .xlsx writers. */
export const CELL_LOOKS: Record<CellStyle, CellLook> = Object.fromEntries(
  Object.entries(STYLE_LOOKS).map(([style, look]) => [style, excelLook(look)]),
) as Record<CellStyle, CellLook>;

type Border = "EdgeTop" | "EdgeBottom" | "InsideHorizontal";

function rule(range: Excel.Range, edge: Border): void {
  const border = range.format.borders.getItem(edge);
  border.style = "Continuous";
  border.weight = "Thin";
  border.color = RULE_COLOR;
}

/**
 * Queues a look on a range of `rows` rows; returns the number of actions queued (for measuring
 * the request). A rule is drawn between the rows too, so every row of a total block has one.
 */
export function queueLook(range: Excel.Range, look: CellLook, rows: number): number {
  let actions = 0;
  const font = range.format.font;
  if (look.bold !== undefined) {
    font.bold = look.bold;
    actions++;
  }
  if (look.italic !== undefined) {
    font.italic = look.italic;
    actions++;
  }
  if (look.size !== undefined) {
    font.size = look.size;
    actions++;
  }
  if (look.fontColor !== undefined) {
    font.color = look.fontColor;
    actions++;
  }
  if (look.fillColor !== undefined) {
    range.format.fill.color = look.fillColor;
    actions++;
  }
  if (look.verticalAlignment !== undefined) {
    range.format.verticalAlignment = look.verticalAlignment;
    actions++;
  }
  if (look.wrapText !== undefined) {
    range.format.wrapText = look.wrapText;
    actions++;
  }
  const edges: Border[] = [];
  if (look.ruleAbove) edges.push("EdgeTop");
  if (look.ruleBelow) edges.push("EdgeBottom");
  if ((look.ruleAbove || look.ruleBelow) && rows > 1) edges.push("InsideHorizontal");
  for (const edge of edges) {
    rule(range, edge);
    actions += 3;
  }
  return actions;
}

/**
 * Actions `queueLook` queues for a look, without queueing them.
 * @example lookActionCount(CELL_LOOKS.total, 1) === 4
 */
export function lookActionCount(look: CellLook, rows: number): number {
  const simple = [
    "bold",
    "italic",
    "size",
    "fontColor",
    "fillColor",
    "verticalAlignment",
    "wrapText",
  ] as const;
  const rules = (look.ruleAbove ? 1 : 0) + (look.ruleBelow ? 1 : 0);
  const inside = rules > 0 && rows > 1 ? 1 : 0;
  return simple.filter((key) => look[key] !== undefined).length + 3 * (rules + inside);
}
