import type { SheetLabels } from "./labels";
import type { PrintSetup, SheetModel } from "./sheetModel";

/** Width, in characters, of a column the sheet does not size: Excel's standard width. */
const STANDARD_WIDTH = 8.43;

/**
 * Characters of column width a portrait page holds at full size. A4 (narrower than Letter) less
 * the 0.7" side margins leaves 6.87" ≈ 495 pt, and one character of width in Excel's default
 * font is about 5.25 pt (7 pixels): about 94 characters.
 */
export const PORTRAIT_WIDTH = 94;

type PrintedSheet = Pick<SheetModel, "name" | "rows" | "columnWidths" | "hiddenColumns">;

/**
 * The width a sheet prints at, in characters: its visible columns, up to the last one with a cell.
 * @example printedWidth({ name: "S", rows: [[null, null]], columnWidths: [26, 16] }) === 42
 */
export function printedWidth(sheet: PrintedSheet): number {
  const columns = columnCount(sheet);
  const hidden = new Set(sheet.hiddenColumns ?? []);
  let width = 0;
  for (let c = 0; c < columns; c++) {
    if (hidden.has(c)) continue;
    const sized = sheet.columnWidths?.[c];
    width += typeof sized === "number" && sized > 0 ? sized : STANDARD_WIDTH;
  }
  return width;
}

/**
 * Text as it must stand in an Excel header or footer, where `&` starts a field code.
 * @example footerText("R&D") === "R&&D"
 */
export function footerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/**
 * How a generated sheet prints: landscape when it is wider than a portrait page, fitted one page
 * wide, `titleRows` on every page, every cell in the print area, and a footer naming the plan and
 * the sheet with the page number ("2026 Sales Plan · Allocation · Page 2 of 9").
 * @example printSetup(model, { first: 3, last: 3 }, sheetLabels("en-US"), 2026).footer
 *   === "2026 Sales Plan · Allocation · Page &P of &N"
 */
export function printSetup(
  sheet: PrintedSheet,
  titleRows: { first: number; last: number },
  labels: SheetLabels,
  planYear: number,
): PrintSetup {
  const columns = Math.max(1, columnCount(sheet));
  const footer = [
    footerText(labels.planName(planYear)),
    footerText(sheet.name),
    labels.pageOfPages("&P", "&N"),
  ].join(" · ");
  return {
    orientation: printedWidth(sheet) > PORTRAIT_WIDTH ? "landscape" : "portrait",
    titleRows,
    area: {
      firstRow: 0,
      firstColumn: 0,
      lastRow: Math.max(0, sheet.rows.length - 1),
      lastColumn: columns - 1,
    },
    footer,
  };
}

function columnCount(sheet: PrintedSheet): number {
  return sheet.rows.reduce((max, row) => Math.max(max, row.length), 0);
}
