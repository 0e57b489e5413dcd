import { sheetLabels } from "./labels";
import { footerText, PORTRAIT_WIDTH, printedWidth, printSetup } from "./printSetup";
import type { SheetCell, SheetModel } from "./sheetModel";

const cell: SheetCell = { value: "x" };

function sheet(columns: number, widths: number[], hiddenColumns: number[] = []): SheetModel {
  return {
    name: "Allocation",
    kind: "allocation",
    rows: [[cell], new Array<SheetCell | null>(columns).fill(cell), [null, cell]],
    columnWidths: widths,
    hiddenColumns,
  };
}

describe("printedWidth", () => {
  it("adds the widths of the visible columns up to the last with a cell, unsized ones at Excel's standard width", () => {
    expect(printedWidth(sheet(3, [26, 16, 10, 40]))).toBe(52);
    expect(printedWidth(sheet(3, [26]))).toBeCloseTo(26 + 2 * 8.43, 10);
    expect(printedWidth(sheet(3, [26, 16, 10], [1]))).toBe(36);
  });
});

describe("footerText", () => {
  it("doubles every ampersand, which would start a field code", () => {
    expect(footerText("R&D & Sales")).toBe("R&&D && Sales");
    expect(footerText("华东")).toBe("华东");
  });
});

describe("printSetup", () => {
  it("prints a sheet that fits a portrait page portrait, a wider one landscape", () => {
    const labels = sheetLabels("en-US");
    const narrow = sheet(5, [26, 16, 10, 16, 10]);
    expect(printedWidth(narrow)).toBeLessThanOrEqual(PORTRAIT_WIDTH);
    expect(printSetup(narrow, { first: 0, last: 0 }, labels, 2026).orientation).toBe("portrait");
    const wide = sheet(20, new Array<number>(20).fill(11));
    expect(printedWidth(wide)).toBeGreaterThan(PORTRAIT_WIDTH);
    expect(printSetup(wide, { first: 1, last: 1 }, labels, 2026).orientation).toBe("landscape");
    // Hidden columns do not print: they never make a sheet landscape.
    const twelve = Array.from({ length: 12 }, (_, i) => 4 + i);
    const hidden = sheet(20, new Array<number>(20).fill(11), twelve);
    expect(printSetup(hidden, { first: 1, last: 1 }, labels, 2026).orientation).toBe("portrait");
  });

  it("prints every cell with the title rows on each page and the plan, sheet and page in the footer", () => {
    const model = { ...sheet(7, []), name: "R&D" };
    expect(printSetup(model, { first: 1, last: 2 }, sheetLabels("en-US"), 2026)).toEqual({
      orientation: "portrait",
      titleRows: { first: 1, last: 2 },
      area: { firstRow: 0, firstColumn: 0, lastRow: 2, lastColumn: 6 },
      footer: "2026 Sales Plan · R&&D · Page &P of &N",
    });
    expect(
      printSetup({ ...model, name: "目标分解" }, { first: 3, last: 3 }, sheetLabels("zh-CN"), 2026)
        .footer,
    ).toBe("2026 年销售计划 · 目标分解 · 第 &P 页，共 &N 页");
  });

  it("gives a sheet without cells a one-cell print area", () => {
    const empty: SheetModel = { name: "Empty", kind: "summary", rows: [] };
    expect(printSetup(empty, { first: 0, last: 0 }, sheetLabels("en-US"), 2026).area).toEqual({
      firstRow: 0,
      firstColumn: 0,
      lastRow: 0,
      lastColumn: 0,
    });
  });
});
