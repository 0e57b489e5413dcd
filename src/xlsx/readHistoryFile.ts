import * as path from "node:path";
import type ExcelJS from "exceljs";
import { CsvReadError } from "./csvReadError";
import { decodeCsvBytes } from "./decodeCsvBytes";
import { emptyTextResults } from "./emptyTextResults";
import { FileAccessError, reasonOf } from "./fileErrors";
import { parseCsv } from "./parseCsv";
import { readRegularFile } from "./readRegularFile";
import { type SheetGrid, worksheetToGrid } from "./worksheetGrid";
import { readZipDirectory, type ZipEntry } from "./zipDirectory";
import { checkDeclaredPartSizes, checkInflatedParts } from "./zipPartLimits";

/** How a file's name says it should be read. */
export type HistoryFileKind = "workbook" | "csv";

const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm"]);
const CSV_EXTENSIONS = new Set([".csv", ".txt", ".tsv"]);

/** Excel's longest sheet name; it cuts a CSV file's name to it when opening the file. */
const MAX_SHEET_NAME = 31;

/**
 * Every worksheet of an .xlsx file, or the one sheet of a .csv file, as grids in the shape Excel's
 * `range.values` / `range.numberFormat` give (see `worksheetToGrid`), with their merged areas, the
 * formulas whose result the file does not keep (a formula saved with an empty text result is
 * blank, not one of those) and the far cells left out. Hidden and very hidden sheets are included:
 * `state` tells them apart. CSV cells stay text (empty → `null`); the history reader
 * parses numbers and dates. Throws `FileAccessError` when the file is missing, unreadable or of a
 * type this port does not read (.xls, .xlsb, .ods, password-protected workbooks).
 * @example const [sales] = await readHistoryFile("sales.csv"); sales.sheet === "sales"
 */
export async function readHistoryFile(filePath: string): Promise<SheetGrid[]> {
  const kind = historyFileKind(filePath);
  const bytes = await readBytes(filePath);
  if (kind === "csv") return [csvGrid(filePath, bytes)];
  const workbook = await loadWorkbook(filePath, bytes);
  const grids = workbook.worksheets.map((worksheet) => worksheetToGrid(worksheet));
  const unsure = grids.filter((grid) => grid.formulasWithoutValue);
  const emptyText = await emptyTextResults(
    bytes,
    unsure.map((grid) => grid.sheet),
  );
  for (const grid of unsure) {
    const blank = emptyText.get(grid.sheet);
    const unsaved = grid.formulasWithoutValue!.filter((cell) => !blank?.has(cell));
    if (unsaved.length > 0) grid.formulasWithoutValue = unsaved;
    else delete grid.formulasWithoutValue;
  }
  return grids;
}

/**
 * How a file is read, by its extension; throws `unsupported-file-type` for anything else.
 * @example historyFileKind("Plan 2026.XLSX") === "workbook"
 */
export function historyFileKind(filePath: string): HistoryFileKind {
  const extension = path.extname(filePath).toLowerCase();
  if (WORKBOOK_EXTENSIONS.has(extension)) return "workbook";
  if (CSV_EXTENSIONS.has(extension)) return "csv";
  throw new FileAccessError("unsupported-file-type", filePath, {
    reason: extension === "" ? "no extension" : extension,
  });
}

/**
 * A file's bytes, with file-system failures turned into `FileAccessError`s; only a regular file
 * is read (`readRegularFile`).
 */
export async function readBytes(filePath: string): Promise<Buffer> {
  return readRegularFile(filePath);
}

/**
 * Checks that bytes are an .xlsx (zip) file whose parts, as its zip directory declares them, a
 * reader can inflate (`checkDeclaredPartSizes`: no zip bomb). Legacy .xls files and
 * password-protected workbooks are OLE compound files, not zip archives: those are
 * `unsupported-file-type`; a zip whose directory cannot be read is `file-unreadable`.
 */
export function checkWorkbookBytes(filePath: string, bytes: Uint8Array): ZipEntry[] {
  const magic =
    bytes.length >= 4 ? Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32BE(0) : 0;
  if (magic === 0xd0cf11e0) {
    throw new FileAccessError("unsupported-file-type", filePath, {
      reason: "legacy .xls or password-protected workbook",
    });
  }
  if (magic !== 0x504b0304) {
    throw new FileAccessError("file-unreadable", filePath, { reason: "not an .xlsx workbook" });
  }
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    throw new FileAccessError(
      "file-unreadable",
      filePath,
      { reason: reasonOf(error) },
      { cause: error },
    );
  }
  checkDeclaredPartSizes(filePath, entries);
  return entries;
}

/**
 * ExcelJS, loaded on first use (a third of a second): planning a CSV history into a new workbook
 * never needs it.
 */
function excelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("exceljs") as typeof ExcelJS;
}

/**
 * An .xlsx workbook loaded by ExcelJS from its bytes, once checked with `checkWorkbookBytes` and
 * `checkInflatedParts` (every part inflates within its declared size, merged areas cover at most
 * 1,000,000 cells): ExcelJS inflates each part whole and builds every merged cell, so a zip bomb
 * or a merged-area bomb is refused before it starts.
 */
export async function loadWorkbook(filePath: string, bytes: Buffer): Promise<ExcelJS.Workbook> {
  await checkInflatedParts(filePath, bytes, checkWorkbookBytes(filePath, bytes));
  const workbook = new (excelJs().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new FileAccessError(
      "file-unreadable",
      filePath,
      { reason: reasonOf(error) },
      { cause: error },
    );
  }
  return workbook;
}

function csvGrid(filePath: string, bytes: Buffer): SheetGrid {
  const delimiter = path.extname(filePath).toLowerCase() === ".tsv" ? "\t" : undefined;
  const name = path.basename(filePath, path.extname(filePath)).slice(0, MAX_SHEET_NAME);
  try {
    return { sheet: name, values: parseCsv(decodeCsvBytes(bytes), delimiter), state: "visible" };
  } catch (error) {
    if (error instanceof CsvReadError) {
      throw new FileAccessError(error.code, filePath, { ...error.params }, { cause: error });
    }
    throw new FileAccessError(
      "file-unreadable",
      filePath,
      { reason: reasonOf(error) },
      { cause: error },
    );
  }
}
