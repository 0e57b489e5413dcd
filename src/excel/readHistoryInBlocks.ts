import type { CellValue, Grid } from "../engine/grid";
import type { ExcelFeatures } from "./excelFeatures";
import type { ExcelHost, HistorySource, RunOptions } from "./excelPort";
import { ExcelPortError } from "./excelPortError";
import { excelErrorCode, isPayloadTooLarge, toExcelPortError } from "./officeErrors";
import { jsonBytes, RESPONSE_BUDGET_BYTES } from "./payloadBytes";
import { blockAddress } from "./rangeAddress";
import { SyncCounter } from "./syncCounter";

/** Rows of each block whose size is measured for the next request's shape. */
const MEASURED_ROWS = 250;
/**
 * Most rows one block reads (`A1:H1000`). A request still carries as many blocks as its 3 MB allow,
 * so round trips do not grow; small blocks keep each piece of the response the page handles short.
 */
export const READ_BLOCK_ROWS = 1000;
/** Most cells one block reads: a wide sheet (a plan's action plan) is read in shorter blocks. */
export const READ_BLOCK_CELLS = 10_000;
/** Bytes a cell's value and number format are assumed to take before any has been measured. */
const FIRST_CELL_BYTES = 64;
/** Never assume less than this per cell (`"",` and `"General",`). */
const MIN_CELL_BYTES = 16;
/** Measured sizes are scaled by this, for rows longer than those seen so far. */
const MARGIN = 1.25;

type Extent = { sheet: string; top: number; left: number; rows: number; columns: number };

/** How many rows a block takes and how many blocks one request carries, for a cell size. */
function blockShape(columns: number, cellBytes: number): { rows: number; blocks: number } {
  const rowBytes = columns * cellBytes;
  const rows = Math.max(
    1,
    Math.min(
      READ_BLOCK_ROWS,
      Math.floor(READ_BLOCK_CELLS / columns),
      Math.floor(RESPONSE_BUDGET_BYTES / rowBytes),
    ),
  );
  const blocks = Math.max(1, Math.floor(RESPONSE_BUDGET_BYTES / (rows * rowBytes)));
  return { rows, blocks };
}

/**
 * The A1 ranges of a RangeAreas address (`Sales!B3:B5, 'Q1, East'!D2:D3`), without their sheet:
 * areas are split at commas outside quoted sheet names.
 */
function areaRanges(address: string): string[] {
  const ranges: string[] = [];
  let quoted = false;
  let start = 0;
  const take = (end: number) => {
    const area = address.slice(start, end).trim();
    if (area !== "") ranges.push(area.slice(area.lastIndexOf("!") + 1).replace(/\$/g, ""));
  };
  for (let i = 0; i < address.length; i++) {
    if (address[i] === "'") quoted = !quoted;
    else if (address[i] === "," && !quoted) {
      take(i);
      start = i + 1;
    }
  }
  take(address.length);
  return ranges;
}

/**
 * Whether Excel's error is located at the merged areas (it gives at most 512 of them), not at the
 * rest of the request: only then is the request worth sending again without them.
 */
function failedAtMergedAreas(error: unknown): boolean {
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo
    ?.errorLocation;
  return typeof location === "string" && /MergedAreas|RangeAreas/i.test(location);
}

/** Finds the source and its extent in one round trip; `null` extent for a blank sheet. */
async function locateSource(
  context: Excel.RequestContext,
  source: HistorySource,
  syncs: SyncCounter,
): Promise<{ worksheet: Excel.Worksheet; range: Excel.Range; extent: Extent | null }> {
  let worksheet: Excel.Worksheet;
  let range: Excel.Range;
  if (source.kind === "sheet") {
    worksheet = context.workbook.worksheets.getItem(source.name);
    range = worksheet.getUsedRangeOrNullObject(true);
  } else {
    const table = context.workbook.tables.getItem(source.name);
    worksheet = table.worksheet;
    range = table.getRange();
  }
  worksheet.load("name");
  range.load("rowIndex,columnIndex,rowCount,columnCount");
  try {
    await syncs.sync();
  } catch (error) {
    if (excelErrorCode(error) === "ItemNotFound") {
      throw new ExcelPortError("source-not-found", { kind: source.kind, name: source.name });
    }
    throw error;
  }
  if (source.kind === "sheet" && range.isNullObject) return { worksheet, range, extent: null };
  return {
    worksheet,
    range,
    extent: {
      sheet: worksheet.name,
      top: range.rowIndex,
      left: range.columnIndex,
      rows: range.rowCount,
      columns: range.columnCount,
    },
  };
}

/**
 * Reads a history (a sheet's used range, values only, or an Excel table) as values and number
 * formats, in row blocks addressed A1-style (`A1:H1000`; ExcelApi 1.4 has no getRangeByIndexes).
 * Several blocks share a request while the expected response — cells × bytes per cell, the
 * bytes measured on the blocks already read — stays under 3 MB, so round trips grow with blocks,
 * not rows; if Excel still refuses a response for its size, the same rows are asked again in
 * smaller pieces. Progress is reported per block (in rows); a cancelled run stops between
 * requests. The workbook is never written. Where Excel has `getMergedAreasOrNullObject`
 * (ExcelApi 1.13), the merged areas ride along with the first request and the grid lists them;
 * when Excel refuses them (more than 512 areas), the history is read without them.
 * @example const grid = await readHistoryInBlocks(host, { kind: "sheet", name: "Sales" }, {});
 */
export async function readHistoryInBlocks(
  host: ExcelHost,
  source: HistorySource,
  options: RunOptions = {},
  features: Pick<ExcelFeatures, "mergedAreas"> = { mergedAreas: false },
): Promise<Grid> {
  try {
    return await host.run(async (context) => {
      const syncs = new SyncCounter(context, options.signal);
      syncs.throwIfCancelled(() => ({ done: 0, total: 0 }));
      const { worksheet, range, extent } = await locateSource(context, source, syncs);
      if (!extent) return { sheet: worksheet.name, values: [], numberFormats: [] };

      const values: CellValue[][] = [];
      const numberFormats: string[][] = [];
      const total = extent.rows;
      options.onProgress?.({ phase: "read", done: 0, total });
      let cellBytes = FIRST_CELL_BYTES;
      let largestMeasured = 0;
      let next = 0;
      let askMerges = features.mergedAreas;
      let merges: string[] = [];
      while (next < total) {
        syncs.throwIfCancelled(() => ({ done: next, total }));
        const shape = blockShape(extent.columns, cellBytes);
        const blocks: { range: Excel.Range; rows: number }[] = [];
        for (let b = 0, start = next; b < shape.blocks && start < total; b++) {
          const rows = Math.min(shape.rows, total - start);
          const block = worksheet.getRange(
            blockAddress(
              extent.top + start,
              extent.left,
              extent.top + start + rows - 1,
              extent.left + extent.columns - 1,
            ),
          );
          block.load("values,numberFormat");
          blocks.push({ range: block, rows });
          start += rows;
        }
        // The source's range: a sheet's used range, or the table's.
        const mergedAreas = askMerges ? range.getMergedAreasOrNullObject() : null;
        mergedAreas?.load("address");
        try {
          await syncs.sync();
        } catch (error) {
          if (mergedAreas && failedAtMergedAreas(error)) {
            // Excel refuses more than 512 merged areas: the same rows again, without them.
            askMerges = false;
            continue;
          }
          const smallest = shape.rows === 1 && shape.blocks === 1;
          if (!isPayloadTooLarge(error) || smallest) throw error;
          cellBytes *= 4;
          continue;
        }
        if (mergedAreas) {
          merges = mergedAreas.isNullObject ? [] : areaRanges(mergedAreas.address);
          askMerges = false;
        }
        for (const { range: block, rows } of blocks) {
          const blockValues = block.values as CellValue[][];
          const blockFormats = block.numberFormat as string[][];
          values.push(...blockValues);
          numberFormats.push(...blockFormats);
          // Bytes per cell, from a sample of the block: measuring a whole block would cost the
          // page as much time as the response took to arrive.
          const sampled = Math.min(rows, MEASURED_ROWS);
          const measured =
            jsonBytes([blockValues.slice(0, sampled), blockFormats.slice(0, sampled)]) /
            (sampled * extent.columns);
          largestMeasured = Math.max(largestMeasured, measured);
          next += rows;
          options.onProgress?.({ phase: "read", done: next, total });
        }
        cellBytes = Math.max(MIN_CELL_BYTES, Math.ceil(largestMeasured * MARGIN));
      }
      const grid: Grid = {
        sheet: extent.sheet,
        values,
        numberFormats,
        origin: { row: extent.top, column: extent.left },
      };
      if (merges.length > 0) grid.merges = merges;
      return grid;
    });
  } catch (error) {
    throw toExcelPortError(error, { phase: "read", source: source.name });
  }
}
