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
export const RULE_COLOR = "#8EA9DB";

/**
 * Named styles as the Excel port draws them, matching the .xlsx writer: title bold and large;
 * subtitle grey; header bold on a light fill with a rule below; label bold; total bold with a
 * rule above; note italic grey; input (a cell the user types into) on pale yellow.
 */
export const CELL_LOOKS: Record<CellStyle, CellLook> = {
  title: { bold: true, size: 14 },
  subtitle: { size: 11, fontColor: "#595959" },
  header: {
    bold: true,
    fillColor: "#DDEBF7",
    ruleBelow: true,
    verticalAlignment: "Center",
    wrapText: true,
  },
  label: { bold: true },
  total: { bold: true, ruleAbove: true },
  note: { italic: true, fontColor: "#7F7F7F" },
  input: { fillColor: "#FFF2CC" },
};

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
