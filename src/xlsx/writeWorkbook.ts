import { promises as fsp } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { toA1 } from "../engine/address";
import { sheetOf, type SheetCell, type SheetModel, type SheetSource } from "../sheets/sheetModel";
import { sheetNameProblem } from "../sheets/sheetNameProblem";
import { styleCache, type CellLook } from "./cellStyles";
import {
  clearPrintNames,
  foldedName,
  printNamesOf,
  readPrintNames,
  withPrintNames,
  type PrintNames,
} from "./printNames";
import { applySheetExtras } from "./worksheetExtras";
import { FileAccessError, WorkbookWriteError, errnoCode, reasonOf } from "./fileErrors";
import { type DroppedPart, inspectWorkbookParts } from "./findUnkeepableParts";
import { checkWorkbookBytes, loadWorkbook, readBytes } from "./readHistoryFile";
import { type FileStamp, writeFileAtomic } from "./writeFileAtomic";
import { newWorkbookBytes } from "./writeNewWorkbook";

const CREATOR = "Sales Target Planner";

export type WritePlanOptions = {
  /**
   * Names of the sheets an earlier run generated (the caller reads them from the plan store).
   * Only these may be overwritten; one that no model names any more is deleted. A sheet not
   * listed here that has a model's name stops the write with `sheet-name-taken`.
   */
  replaceSheets?: readonly string[];
  /**
   * The output file as the caller read it (`fileStamp`; null: there was none). When it is not so
   * any more as the new workbook would replace it, nothing is written (`file-changed`).
   */
  unchangedSince?: FileStamp;
  /**
   * The rep tabs an earlier run generated, where the add-in draws its quota chart: that chart alone
   * is dropped rather than refused (the add-in draws it again); any other chart is refused.
   */
  quotaChartSheets?: readonly string[];
};

/** What the write did to the workbook's sheets, by name. */
export type WritePlanReport = {
  /** Sheets rewritten in place (same position as before). */
  replaced: string[];
  /** Sheets that did not exist and were appended. */
  added: string[];
  /** Earlier generated sheets no model names any more. */
  removed: string[];
  /** Sheets of the existing file left exactly as they were. */
  kept: string[];
  /** Parts of the existing file not written back, for a warning (see `DroppedPart`). */
  dropped: DroppedPart[];
};

/**
 * ExcelJS orders sheets by this field of its worksheets (not in its typings); setting it is how a
 * rewritten sheet keeps its tab position.
 */
type OrderedWorksheet = ExcelJS.Worksheet & { orderNo: number };

/** Excel's longest cell text. */
const MAX_CELL_TEXT = 32_767;

/**
 * Writes sheet models to an .xlsx file, atomically. A new file holds the models in order, written
 * as SpreadsheetML directly (see `newWorkbookBytes`): fast enough for plans of millions of cells. An
 * existing file is regenerated in place: sheets named in `replaceSheets` or by a model are
 * rewritten at their old position (new ones appended), every other sheet is kept as it is. Before
 * touching an existing file it is checked for parts ExcelJS would drop (charts, images, pivot
 * tables, custom XML…): `workbook-has-unkeepable-parts` names them; the add-in's own quota charts
 * on the rep tabs listed in `quotaChartSheets` are dropped instead (the report's `dropped` says so), since
 * those sheets are rewritten anyway and the add-in draws the charts again. Rewritten sheets take
 * their model's page setup; kept sheets keep theirs, print areas and titles included. Formula
 * cells carry the engine's value as their cached result; strings are always text, never formulas.
 * Throws `WorkbookWriteError` or `FileAccessError`; on any error the file on disk is unchanged.
 * @example await writePlanWorkbook(models, "plan.xlsx", { replaceSheets: storedSheetNames })
 */
export async function writePlanWorkbook(
  sheets: readonly SheetSource[],
  outPath: string,
  options: WritePlanOptions = {},
): Promise<WritePlanReport> {
  if (path.extname(outPath).toLowerCase() !== ".xlsx") {
    throw new FileAccessError("unsupported-file-type", outPath, {
      reason: path.extname(outPath) || "no extension",
    });
  }
  checkSheetNames(sheets, outPath);
  const existing = await existingWorkbook(outPath, options.quotaChartSheets ?? []);
  const unchanged = { unchangedSince: options.unchangedSince };
  if (!existing) return writeNewWorkbook(sheets, outPath, unchanged);
  const workbook = existing.workbook;
  const models = sheets.map(sheetOf);
  const report = placeSheets(workbook, models, options.replaceSheets ?? [], outPath);
  report.dropped = existing.dropped;
  if (!workbook.worksheets.some((sheet) => sheet.state === "visible" || !sheet.state)) {
    throw new WorkbookWriteError("no-visible-sheet", outPath);
  }
  pointViewsAtVisibleSheet(workbook);
  // Excel recalculates on opening; readers that do not calculate see the engine's values.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  // Every sheet's print area and titles are written by the writer itself: the rewritten sheets'
  // from their models, the kept sheets' as the file held them.
  const printNames = workbookPrintNames(workbook, models, await readPrintNames(existing.bytes));
  const written = await workbook.xlsx.writeBuffer({
    zip: zipOptions(models),
  } as ExcelJS.XlsxWriteOptions);
  const bytes = await withPrintNames(
    new Uint8Array(written as ArrayBuffer),
    printNames,
    zipLevel(models),
  );
  await writeFileAtomic(outPath, bytes, unchanged);
  return report;
}

/**
 * The print names of every sheet in the order ExcelJS writes them, taken off its worksheets:
 * a rewritten sheet's from its model, a kept sheet's as `kept` (the file's own) holds them.
 */
function workbookPrintNames(
  workbook: ExcelJS.Workbook,
  models: readonly SheetModel[],
  kept: Map<string, Omit<PrintNames, "index">>,
): PrintNames[] {
  clearPrintNames(workbook);
  const rewritten = new Map(
    models.filter((m) => !m.keepExisting).map((m) => [foldedName(m.name), m]),
  );
  return workbook.worksheets.flatMap((sheet, index): PrintNames[] => {
    const model = rewritten.get(foldedName(sheet.name));
    if (model) return model.print ? [printNamesOf(sheet.name, index, model.print)] : [];
    const names = kept.get(foldedName(sheet.name));
    return names ? [{ index, ...names }] : [];
  });
}

/** Cells past which a workbook is compressed fast rather than small: deflate dominates the write. */
const FAST_ZIP_CELLS = 200_000;

function zipLevel(models: readonly SheetModel[]): number {
  const cells = models.reduce((n, m) => n + cellCount(m), 0);
  return cells > FAST_ZIP_CELLS ? 1 : 6;
}

function cellCount(model: SheetModel): number {
  return model.rows.reduce((k, row) => k + row.length, 0);
}

function zipOptions(models: readonly SheetModel[]): object {
  return { compression: "DEFLATE", compressionOptions: { level: zipLevel(models) } };
}

/** A file that does not exist yet: the models, in order, written as SpreadsheetML directly. */
async function writeNewWorkbook(
  sheets: readonly SheetSource[],
  outPath: string,
  unchanged: { unchangedSince?: FileStamp },
): Promise<WritePlanReport> {
  const written = sheets.filter((sheet) => !sheet.keepExisting);
  if (!written.some((model) => (model.state ?? "visible") === "visible")) {
    throw new WorkbookWriteError("no-visible-sheet", outPath);
  }
  // Compressed small until the workbook written so far is large, fast from then on.
  let cellsSoFar = 0;
  const bytes = await newWorkbookBytes(sheets, {
    level: (model) => {
      cellsSoFar += cellCount(model);
      return cellsSoFar > FAST_ZIP_CELLS ? 1 : 6;
    },
    // Runs for every cell: the address is made only for a cell that is refused.
    check: (cell, sheet, row, column) => {
      const reason = cellProblem(cell);
      if (reason !== null) {
        throw new WorkbookWriteError("cell-value-invalid", outPath, {
          cell: `${sheet}!${toA1(row, column)}`,
          reason,
        });
      }
    },
    creator: CREATOR,
    created: new Date(),
  });
  await writeFileAtomic(
    outPath,
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    unchanged,
  );
  return {
    replaced: [],
    added: written.map((model) => model.name),
    removed: [],
    kept: [],
    dropped: [],
  };
}

/** The workbook at `outPath` when there is one, after checking it can be rewritten safely. */
async function existingWorkbook(
  outPath: string,
  quotaChartSheets: readonly string[],
): Promise<{ workbook: ExcelJS.Workbook; dropped: DroppedPart[]; bytes: Uint8Array } | null> {
  try {
    const stat = await fsp.stat(outPath);
    if (stat.isDirectory()) {
      throw new FileAccessError("file-unwritable", outPath, { reason: "is a folder" });
    }
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return null;
    if (error instanceof FileAccessError) throw error;
    throw new FileAccessError("file-unreadable", outPath, { reason: reasonOf(error) });
  }
  const bytes = await readBytes(outPath);
  checkWorkbookBytes(outPath, bytes);
  const { unkeepable: parts, dropped } = await inspectWorkbookParts(bytes, {
    quotaChartSheets,
  }).catch((error: unknown) => {
    throw new FileAccessError(
      "file-unreadable",
      outPath,
      { reason: reasonOf(error) },
      { cause: error },
    );
  });
  if (parts.length > 0) {
    throw new WorkbookWriteError(
      "workbook-has-unkeepable-parts",
      outPath,
      { parts: parts.join(", ") },
      parts,
    );
  }
  return { workbook: await loadWorkbook(outPath, bytes), dropped, bytes };
}

function placeSheets(
  workbook: ExcelJS.Workbook,
  models: readonly SheetModel[],
  replaceSheets: readonly string[],
  outPath: string,
): WritePlanReport {
  const ours = new Set(replaceSheets.map(folded));
  const marks = models.filter((model) => model.keepExisting);
  const rewritten = models.filter((model) => !model.keepExisting);
  const modelNames = new Set(rewritten.map((model) => folded(model.name)));
  const markNames = new Set(marks.map((model) => folded(model.name)));
  const before = workbook.worksheets;
  for (const model of rewritten) {
    const clash = before.find((sheet) => folded(sheet.name) === folded(model.name));
    if (clash && !ours.has(folded(clash.name))) {
      throw new WorkbookWriteError("sheet-name-taken", outPath, { sheet: clash.name });
    }
  }
  const report: WritePlanReport = { replaced: [], added: [], removed: [], kept: [], dropped: [] };
  const lookOf = styleCache();
  const positions = new Map<string, number>();
  for (const sheet of before) {
    const key = folded(sheet.name);
    if (modelNames.has(key)) {
      positions.set(key, (sheet as OrderedWorksheet).orderNo);
      workbook.removeWorksheet(sheet.id);
    } else if (ours.has(key) && !markNames.has(key)) {
      report.removed.push(sheet.name);
      workbook.removeWorksheet(sheet.id);
    } else {
      report.kept.push(sheet.name);
    }
  }
  for (const model of rewritten) {
    const sheet = workbook.addWorksheet(model.name);
    const position = positions.get(folded(model.name));
    if (position !== undefined) {
      // Back where the sheet it replaces was; addWorksheet put it last.
      (sheet as OrderedWorksheet).orderNo = position;
      report.replaced.push(model.name);
    } else {
      report.added.push(model.name);
    }
    fillWorksheet(sheet, model, outPath, lookOf);
  }
  // A mark on a sheet kept as it was: only its own non-blank cells are written.
  for (const mark of marks) {
    const sheet = workbook.worksheets.find((w) => folded(w.name) === folded(mark.name));
    if (!sheet) continue;
    mark.rows.forEach((row, r) =>
      row.forEach((modelCell, c) => {
        if (!modelCell || modelCell.value === null) return;
        const cell = sheet.getCell(r + 1, c + 1);
        cell.value = excelValue(modelCell, () => `${mark.name}!${toA1(r, c)}`, outPath);
        if (modelCell.style) cell.style = lookOf(modelCell);
      }),
    );
  }
  return report;
}

function fillWorksheet(
  sheet: ExcelJS.Worksheet,
  model: SheetModel,
  outPath: string,
  lookOf: (look: CellLook) => Partial<ExcelJS.Style>,
): void {
  sheet.state = model.state ?? "visible";
  model.columnWidths?.forEach((width, column) => {
    if (typeof width === "number" && width > 0) sheet.getColumn(column + 1).width = width;
  });
  const freeze = model.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0)) {
    sheet.views = [
      {
        state: "frozen",
        xSplit: freeze.columns,
        ySplit: freeze.rows,
        topLeftCell: toA1(freeze.rows, freeze.columns),
      },
    ];
  }
  model.rows.forEach((row, r) => {
    row.forEach((modelCell, c) => {
      if (!modelCell) return;
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value = excelValue(modelCell, () => `${model.name}!${toA1(r, c)}`, outPath);
      if (modelCell.numFmt || modelCell.style) cell.style = lookOf(modelCell);
    });
  });
  applySheetExtras(sheet, model);
}

/**
 * What ExcelJS stores for a model cell. A formula keeps the engine's value as its cached result;
 * any other value is written as itself, so a string stays a string even when it starts with `=`.
 */
function excelValue(cell: SheetCell, where: () => string, outPath: string): ExcelJS.CellValue {
  checkCell(cell, where, outPath);
  const value = cell.value;
  if (cell.formula !== undefined) {
    const formula = cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula;
    return value === null ? { formula } : { formula, result: value };
  }
  return value;
}

/** Refuses a value Excel cannot hold: a non-finite number, or text over Excel's limit. */
function checkCell(cell: SheetCell, where: () => string, outPath: string): void {
  const reason = cellProblem(cell);
  if (reason !== null) {
    throw new WorkbookWriteError("cell-value-invalid", outPath, { cell: where(), reason });
  }
}

/** Why Excel cannot hold a cell's value, or `null` when it can. */
function cellProblem(cell: SheetCell): string | null {
  const value = cell.value;
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.length > MAX_CELL_TEXT) {
    return `text longer than ${MAX_CELL_TEXT} characters`;
  }
  return null;
}

function checkSheetNames(sheets: readonly SheetSource[], outPath: string): void {
  const seen = new Set<string>();
  for (const model of sheets) {
    const reason = sheetNameProblem(model.name);
    if (reason) {
      throw new WorkbookWriteError("sheet-name-invalid", outPath, { sheet: model.name, reason });
    }
    if (seen.has(folded(model.name))) {
      throw new WorkbookWriteError("sheet-name-invalid", outPath, {
        sheet: model.name,
        reason: "duplicate",
      });
    }
    seen.add(folded(model.name));
  }
}

// Excel compares sheet names without regard to case.
function folded(name: string): string {
  return name.toLocaleUpperCase("en-US");
}

// Excel cannot open a workbook whose active tab is hidden.
function pointViewsAtVisibleSheet(workbook: ExcelJS.Workbook): void {
  const sheets = workbook.worksheets;
  const firstVisible = sheets.findIndex((sheet) => (sheet.state ?? "visible") === "visible");
  const views: Partial<ExcelJS.WorkbookView>[] =
    workbook.views && workbook.views.length > 0 ? workbook.views : [{}];
  workbook.views = views.map((view) => {
    const active = view.activeTab ?? 0;
    const activeSheet = sheets[active];
    const usable = activeSheet && (activeSheet.state ?? "visible") === "visible";
    return {
      ...view,
      activeTab: usable ? active : firstVisible,
      firstSheet: Math.min(view.firstSheet ?? 0, firstVisible),
    } as ExcelJS.WorkbookView;
  });
}
