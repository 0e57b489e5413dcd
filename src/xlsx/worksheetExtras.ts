import type ExcelJS from "exceljs";
import { columnLetters, toA1 } from "../engine/address";
import type { CellBlock, PrintSetup, SheetModel } from "../sheets/sheetModel";
import { TONES } from "./cellStyles";

function toneStyle(tone: { fill: string; font: string }): Partial<ExcelJS.Style> {
  return {
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: tone.fill } },
    font: { color: { argb: tone.font } },
  };
}

/**
 * A1 reference of a block.
 * @example blockRef({ firstRow: 4, firstColumn: 0, lastRow: 9, lastColumn: 2 }) === "A5:C10"
 */
export function blockRef(block: CellBlock): string {
  return `${toA1(block.firstRow, block.firstColumn)}:${toA1(block.lastRow, block.lastColumn)}`;
}

/**
 * The parts of a sheet model beyond its cells: hidden rows and columns, tables, conditional
 * formats, dropdowns and page setup (less the print names). Called after the cells are written; a
 * table keeps the cells' values, formulas, number formats and styles.
 */
export function applySheetExtras(sheet: ExcelJS.Worksheet, model: SheetModel): void {
  if (model.print) applyPrintSetup(sheet, model.print);
  for (const row of model.hiddenRows ?? []) sheet.getRow(row + 1).hidden = true;
  for (const column of model.hiddenColumns ?? []) sheet.getColumn(column + 1).hidden = true;
  for (const table of model.tables ?? [])
    addTable(sheet, model, table.name, table.block, table.style);
  let priority = 1;
  for (const format of model.conditionalFormats ?? []) {
    const tone = TONES[format.tone];
    sheet.addConditionalFormatting({
      ref: blockRef(format.block),
      rules: [
        format.operator === "expression"
          ? {
              type: "expression",
              formulae: format.bounds,
              priority: priority++,
              style: toneStyle(tone),
            }
          : {
              type: "cellIs",
              // OOXML knows greaterThanOrEqual; ExcelJS writes the operator as given.
              operator: format.operator as ExcelJS.CellIsOperators,
              formulae: format.bounds,
              priority: priority++,
              style: toneStyle(tone),
            },
      ],
    });
  }
  for (const validation of model.validations ?? []) {
    // One rule object for the whole block: ExcelJS merges equal neighbours into one range.
    const rule: ExcelJS.DataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${validation.values.map((v) => v.replace(/"/g, '""')).join(",")}"`],
      showErrorMessage: true,
    };
    const { firstRow, lastRow, firstColumn, lastColumn } = validation.block;
    for (let r = firstRow; r <= lastRow; r++) {
      for (let c = firstColumn; c <= lastColumn; c++)
        sheet.getCell(r + 1, c + 1).dataValidation = rule;
    }
  }
}

/**
 * Orientation, one page wide and any number tall, the footer. The print area and title rows are
 * names of the workbook, which the writer adds itself (see `printNamesOf`, `withPrintNames`).
 */
function applyPrintSetup(sheet: ExcelJS.Worksheet, print: PrintSetup): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: `&C${print.footer}` };
}

/**
 * A written cell's value to hand back to ExcelJS. A formula's `value` getter drops a cached result
 * of 0 (or ""), so the result is taken from the cell's model.
 */
function tableCellValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const value = cell.value;
  if (value !== null && typeof value === "object" && "formula" in value && value.formula) {
    const { result } = cell.model as { result?: ExcelJS.CellFormulaValue["result"] };
    const formula: ExcelJS.CellFormulaValue = { formula: value.formula, date1904: false };
    if (result !== undefined) formula.result = result;
    return formula;
  }
  return value;
}

/**
 * ExcelJS writes a table's rows itself: hand it the cells already written (values and formulas
 * with their cached results), then give each cell back the look it had.
 */
function addTable(
  sheet: ExcelJS.Worksheet,
  model: SheetModel,
  name: string,
  block: CellBlock,
  style: string,
): void {
  const header = model.rows[block.firstRow] ?? [];
  const saved: { cell: ExcelJS.Cell; style: Partial<ExcelJS.Style> }[] = [];
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = block.firstRow + 1; r <= block.lastRow; r++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = block.firstColumn; c <= block.lastColumn; c++) {
      const cell = sheet.getCell(r + 1, c + 1);
      saved.push({ cell, style: cell.style });
      row.push(tableCellValue(cell));
    }
    rows.push(row);
  }
  const headerCells: ExcelJS.Cell[] = [];
  const columns: ExcelJS.TableColumnProperties[] = [];
  for (let c = block.firstColumn; c <= block.lastColumn; c++) {
    const cell = sheet.getCell(block.firstRow + 1, c + 1);
    headerCells.push(cell);
    saved.push({ cell, style: cell.style });
    const text = header[c]?.value;
    columns.push({
      name: typeof text === "string" && text !== "" ? text : `${columnLetters(c)}`,
      filterButton: true,
    });
  }
  sheet.addTable({
    name,
    ref: toA1(block.firstRow, block.firstColumn),
    headerRow: true,
    totalsRow: false,
    style: { theme: style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns,
    rows,
  });
  // The looks are shared objects (see styleCache): put the same ones back, never copies.
  for (const { cell, style: s } of saved) cell.style = s;
}
