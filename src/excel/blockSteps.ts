import type { CellBlock, SheetModel } from "../sheets/sheetModel";
import { blockArrays, rowArrayBytes } from "./cellWrites";
import { CELL_LOOKS, lookActionCount, queueLook } from "./cellLooks";
import { CONDITIONAL_FORMAT_ACTIONS, queueConditionalFormat } from "./conditionalFormatRules";
import { listSource } from "./checkSheetModels";
import type { ExcelFeatures } from "./excelFeatures";
import { ExcelPortError } from "./excelPortError";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./payloadBytes";
import { blockAddress } from "./rangeAddress";
import { styleRectangles, styleRuns } from "./styleRectangles";
import { StepBuilder, type WriteStep } from "./writeStep";

/** Most rows one block writes. */
export const WRITE_BLOCK_ROWS = 5000;

function blockRef(block: CellBlock): string {
  return blockAddress(block.firstRow, block.firstColumn, block.lastRow, block.lastColumn);
}

/** Bytes of everything of a model queued once rather than per row: tables, rules, dropdowns. */
function extrasBytes(model: SheetModel): number {
  const tables =
    (model.tables ?? []).length * 3 * ACTION_OVERHEAD_BYTES + jsonBytes(model.tables ?? []);
  const formats =
    (model.conditionalFormats ?? []).length * CONDITIONAL_FORMAT_ACTIONS * ACTION_OVERHEAD_BYTES +
    jsonBytes(model.conditionalFormats ?? []);
  const lists =
    (model.validations ?? []).length * ACTION_OVERHEAD_BYTES + jsonBytes(model.validations ?? []);
  return tables + formats + lists;
}

/** Most bytes one row can add to a block: its arrays and the format calls of its style runs. */
function rowBytes(model: SheetModel, row: number, width: number): number {
  const runs = styleRuns(model.rows[row]);
  const formatting = runs.reduce(
    (sum, run) => sum + lookActionCount(CELL_LOOKS[run.style], 2) * ACTION_OVERHEAD_BYTES + 64,
    0,
  );
  return rowArrayBytes(model.rows[row], width) + formatting;
}

/** Splits a model's rows into blocks of at most `WRITE_BLOCK_ROWS` rows and `budget` bytes. */
function chunkRows(model: SheetModel, width: number, budget: number): [number, number][] {
  const chunks: [number, number][] = [];
  let first = 0;
  let size = 0;
  for (let r = 0; r < model.rows.length; r++) {
    const bytes = rowBytes(model, r, width);
    if (bytes > budget) {
      throw new ExcelPortError("excel-error", {
        detail: "a row holds more than one request can carry",
        sheet: model.name,
        row: r + 1,
      });
    }
    if (r > first && (r - first >= WRITE_BLOCK_ROWS || size + bytes > budget)) {
      chunks.push([first, r - 1]);
      first = r;
      size = 0;
    }
    size += bytes;
  }
  if (model.rows.length > 0) chunks.push([first, model.rows.length - 1]);
  return chunks;
}

/**
 * A model's cells as row blocks, each measured by serializing exactly what it queues. Per block,
 * in Excel's recommended order: number formats (text cells as text first, so data stays text),
 * values, the tables whose rows are now all written, formulas, the styles (one call set per
 * rectangle of a style), then the conditional formats (limited to their data rows) and dropdown
 * lists whose rows are written. Rules need ExcelApi 1.6 and 1.8: without them they are left out.
 * The last block marks the sheet complete.
 */
export function blockSteps(
  model: SheetModel,
  features: ExcelFeatures,
  budget: number,
): WriteStep[] {
  const width = Math.max(1, ...model.rows.map((row) => row.length));
  // Room for the block's own array, table and rule actions besides its rows.
  const chunks = chunkRows(model, width, budget - extrasBytes(model) - 4 * ACTION_OVERHEAD_BYTES);
  const chunkOf = (row: number) =>
    chunks.findIndex(([, last]) => Math.min(row, model.rows.length - 1) <= last);
  const name = model.name;
  const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(name);

  return chunks.map(([first, last], index) => {
    const step = new StepBuilder();
    const address = blockAddress(first, 0, last, width - 1);
    const arrays = blockArrays(model.rows, first, last, width);
    const { numberFormats, values, formulas } = arrays;
    if (numberFormats) {
      step.add(1, numberFormats, (context) => {
        sheet(context).getRange(address).numberFormat = numberFormats;
      });
    }
    if (values) {
      step.add(1, values, (context) => {
        sheet(context).getRange(address).values = values;
      });
    }
    for (const table of model.tables ?? []) {
      if (chunkOf(table.block.lastRow) !== index) continue;
      step.add(3, table, (context) => {
        const added = sheet(context).tables.add(blockRef(table.block), true);
        added.name = table.name;
        added.style = table.style;
      });
    }
    if (formulas) {
      step.add(1, formulas, (context) => {
        sheet(context).getRange(address).formulas = formulas;
      });
    }
    for (const box of styleRectangles(model.rows, first, last)) {
      const look = CELL_LOOKS[box.style];
      const rows = box.bottom - box.top + 1;
      const boxAddress = blockAddress(box.top, box.left, box.bottom, box.right);
      step.add(lookActionCount(look, rows), boxAddress, (context) => {
        queueLook(sheet(context).getRange(boxAddress), look, rows);
      });
    }
    if (features.conditionalFormats) {
      for (const format of model.conditionalFormats ?? []) {
        if (chunkOf(format.block.lastRow) !== index) continue;
        step.add(CONDITIONAL_FORMAT_ACTIONS, format, (context) => {
          queueConditionalFormat(sheet(context).getRange(blockRef(format.block)), format);
        });
      }
    }
    if (features.dataValidation) {
      for (const validation of model.validations ?? []) {
        if (chunkOf(validation.block.lastRow) !== index) continue;
        const source = listSource(validation.values) ?? "";
        step.add(1, [validation.block, source], (context) => {
          sheet(context).getRange(blockRef(validation.block)).dataValidation.rule = {
            list: { inCellDropDown: true, source },
          };
        });
      }
    }
    return step.build(name, "block", index === chunks.length - 1 ? name : undefined);
  });
}
