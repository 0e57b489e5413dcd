import { toA1 } from "../../../src/engine/address";
import { CELL_LOOKS } from "../../../src/excel/cellLooks";
import { columnWidthPoints } from "../../../src/excel/columnWidthPoints";
import type { SheetModel } from "../../../src/sheets/sheetModel";
import type { FakeCell, FakeWorkbook, PageLayoutView } from "../../support/excelFake";
import { cellKey, keyPosition } from "../../support/excelFake/workbookState";

const NO_FOOTERS = {
  leftHeader: "",
  centerHeader: "",
  rightHeader: "",
  leftFooter: "",
  centerFooter: "",
  rightFooter: "",
};

/**
 * The page layout a model gives its sheet where Excel has `pageLayout` (ExcelApi 1.9); a sheet
 * without a page setup, or an older Excel, keeps Excel's defaults.
 */
export function expectedPageLayout(fake: FakeWorkbook, model: SheetModel): PageLayoutView {
  const print = model.print;
  if (!print || !fake.isSetSupported("ExcelApi", "1.9")) {
    return {
      orientation: "Portrait",
      zoom: { scale: 100 },
      printArea: null,
      printTitleRows: null,
      headersFooters: NO_FOOTERS,
    };
  }
  const { area, titleRows } = print;
  return {
    orientation: print.orientation === "landscape" ? "Landscape" : "Portrait",
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    printArea: `${toA1(area.firstRow, area.firstColumn)}:${toA1(area.lastRow, area.lastColumn)}`,
    printTitleRows: `${titleRows.first + 1}:${titleRows.last + 1}`,
    headersFooters: { ...NO_FOOTERS, centerFooter: print.footer },
  };
}

/** What a model cell must have become in Excel, compared as plain data. */
function expectedCell(model: SheetModel, r: number, c: number): Partial<FakeCell> | null {
  const cell = model.rows[r]?.[c];
  if (!cell) return null;
  if (cell.formula !== undefined) {
    return { formula: `=${cell.formula}`, value: "", numberFormat: cell.numFmt ?? "General" };
  }
  if (typeof cell.value === "string" && cell.value !== "") {
    return { value: cell.value, numberFormat: "@" };
  }
  return { value: cell.value === null ? "" : cell.value, numberFormat: cell.numFmt ?? "General" };
}

/**
 * Checks that a sheet in the fake workbook holds exactly a model: every cell's value, formula,
 * number format and look, nothing beyond the model's cells, and the sheet-wide settings.
 */
export function expectSheetWritten(fake: FakeWorkbook, model: SheetModel): void {
  const sheet = fake.workbook.sheet(model.name);
  const problems: string[] = [];
  const seen = new Set<number>();
  model.rows.forEach((row, r) =>
    row.forEach((_, c) => {
      const key = cellKey(r, c);
      seen.add(key);
      const expected = expectedCell(model, r, c);
      const actual = sheet.cells.get(key);
      const style = model.rows[r][c]?.style;
      if (expected) {
        const value = actual?.value ?? "";
        const numberFormat = actual?.numberFormat ?? "General";
        if (
          value !== expected.value ||
          numberFormat !== expected.numberFormat ||
          actual?.formula !== expected.formula
        ) {
          problems.push(
            `${toA1(r, c)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
          );
        }
      } else if (actual && (actual.value !== "" || actual.formula !== undefined)) {
        problems.push(`${toA1(r, c)}: expected blank, got ${JSON.stringify(actual)}`);
      }
      const format = actual?.format ?? {};
      const look = style ? CELL_LOOKS[style] : {};
      if (
        (format.bold ?? false) !== (look.bold ?? false) ||
        (format.italic ?? false) !== (look.italic ?? false) ||
        format.fillColor !== look.fillColor ||
        format.fontColor !== look.fontColor ||
        format.fontSize !== look.size ||
        // A rule between two rows shows on both neighbours; only a missing rule is a problem.
        (look.ruleAbove && format.borders?.top?.style !== "Continuous") ||
        (look.ruleBelow && format.borders?.bottom?.style !== "Continuous")
      ) {
        problems.push(`${toA1(r, c)}: look ${JSON.stringify(format)}, style ${String(style)}`);
      }
    }),
  );
  for (const [key, cell] of sheet.cells) {
    if (!seen.has(key) && (cell.value !== "" || cell.formula !== undefined)) {
      const { row, column } = keyPosition(key);
      const address = toA1(row, column);
      problems.push(`${address}: not in the model, holds ${JSON.stringify(cell.value)}`);
    }
  }
  (model.columnWidths ?? []).forEach((width, column) => {
    const got = sheet.columnWidths.get(column);
    if (width > 0 && got !== columnWidthPoints(width)) {
      problems.push(`column ${column}: width ${got}, expected ${columnWidthPoints(width)}`);
    }
  });
  const freeze =
    model.freeze && (model.freeze.rows > 0 || model.freeze.columns > 0) ? model.freeze : null;
  if (JSON.stringify(sheet.freeze) !== JSON.stringify(freeze)) {
    problems.push(`freeze ${JSON.stringify(sheet.freeze)}, expected ${JSON.stringify(freeze)}`);
  }
  const sorted = (list: Iterable<number>) => [...list].sort((a, b) => a - b);
  if (JSON.stringify(sorted(sheet.hiddenRows)) !== JSON.stringify(sorted(model.hiddenRows ?? []))) {
    problems.push(`hidden rows ${sorted(sheet.hiddenRows).join(",")}`);
  }
  if (
    JSON.stringify(sorted(sheet.hiddenColumns)) !==
    JSON.stringify(sorted(model.hiddenColumns ?? []))
  ) {
    problems.push(`hidden columns ${sorted(sheet.hiddenColumns).join(",")}`);
  }
  const visibility = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" }[
    model.state ?? "visible"
  ];
  if (sheet.visibility !== visibility) problems.push(`visibility ${sheet.visibility}`);
  const layout = fake.workbook.pageLayout(model.name);
  const expectedLayout = expectedPageLayout(fake, model);
  if (JSON.stringify(layout) !== JSON.stringify(expectedLayout)) {
    problems.push(
      `page layout ${JSON.stringify(layout)}, expected ${JSON.stringify(expectedLayout)}`,
    );
  }
  if (problems.length > 0) {
    throw new Error(
      `${model.name} differs from its model:\n  ${problems.slice(0, 20).join("\n  ")}`,
    );
  }
}
