import * as path from "node:path";
import { CsvReadError } from "./csvReadError";
import { decodeCsvBytes } from "./decodeCsvBytes";
import { FileAccessError, reasonOf } from "./fileErrors";
import { parseCsv } from "./parseCsv";
import { StyleFormatsScanner } from "./styleFormats";
import {
  openWorkbookPackage,
  packageEntry,
  readBytes,
  readPackageWorkbook,
  readSharedStrings,
  scanPart,
  stylesEntry,
  type PackageSheet,
  type WorkbookPackage,
} from "./workbookPackage";
import {
  WorksheetGridScanner,
  type MergedCellsBudget,
  type SheetGrid,
  type WorkbookContext,
} from "./worksheetGrid";
import { MAX_MERGED_CELLS } from "./zipPartLimits";

/** How a file's name says it should be read. */
export type HistoryFileKind = "workbook" | "csv";

const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm"]);
const CSV_EXTENSIONS = new Set([".csv", ".txt", ".tsv"]);

/** Excel's longest sheet name; it cuts a CSV file's name to it when opening the file. */
const MAX_SHEET_NAME = 31;

/**
 * Every worksheet of an .xlsx file, or the one sheet of a .csv file, as grids in the shape Excel's
 * `range.values` / `range.numberFormat` give (see `WorksheetGridScanner`), with their merged
 * areas, the formulas whose result the file does not keep (a formula saved with an empty text
 * result is blank, not one of those) and the far cells left out. Hidden and very hidden sheets are
 * included: `state` tells them apart. CSV cells stay text (empty → `null`); the history reader
 * parses numbers and dates. An .xlsx file is streamed part by part (`readWorkbookGrids`), never
 * held as a workbook of objects.
 *
 * .xlsx cells read as ExcelJS read them when this port loaded workbooks with it: a number under a
 * date or time format is its serial rounded to the millisecond (1900 date system, a 1904
 * workbook's dates moved to it), the number format is the style's code (Excel's built-in ids as
 * ExcelJS spelled them, a cell without a style or with style 0 `"General"`), errors are their
 * text, rich text is joined, `_xHHHH_` escapes are decoded (in inline strings and lower-case hex
 * digits too, which ExcelJS kept as written). Where ExcelJS misread a file, this
 * reads it as Excel does: the East Asian built-in date formats (ids 27–36, 50–58) are dates, an
 * ISO date cell (`t="d"`) is its date, not its year, a boolean `false` is false, a text, boolean or
 * error result of a formula under a date format stays what it is, a hyperlinked number stays a
 * number, and merged areas overlapping an earlier one are left out rather than failing the file.
 *
 * Throws `FileAccessError` when the file is missing, unreadable or of a type this port does not
 * read (.xls, .xlsb, .ods, password-protected workbooks).
 * @example const [sales] = await readHistoryFile("sales.csv"); sales.sheet === "sales"
 */
export async function readHistoryFile(filePath: string): Promise<SheetGrid[]> {
  const kind = historyFileKind(filePath);
  if (kind === "csv") return [csvGrid(filePath, await readBytes(filePath))];
  return readWorkbookGrids(await openWorkbookPackage(filePath));
}

/**
 * The grids of an .xlsx package's worksheets, in tab order (chart sheets have none), or of the
 * first one `wanted` picks. Each worksheet part is streamed once as it inflates
 * (`WorksheetGridScanner`): its cells, then its merged areas, which may cover at most 1,000,000
 * cells in all the worksheets (`merged-cells-too-many`). The shared strings are kept as one array,
 * the number formats once per cell style. A part inflating past its declared size is a
 * `zip-bomb`.
 * @example const [grid] = await readWorkbookGrids(pkg, (sheet) => sheet.name === "Sales")
 */
export async function readWorkbookGrids(
  pkg: WorkbookPackage,
  wanted?: (sheet: PackageSheet) => boolean,
): Promise<SheetGrid[]> {
  const workbook = await readPackageWorkbook(pkg);
  let sheets = workbook.sheets.filter(
    (sheet) => sheet.worksheet && sheet.part !== undefined && packageEntry(pkg, sheet.part),
  );
  if (wanted) sheets = sheets.filter(wanted).slice(0, 1);
  if (sheets.length === 0) return [];
  const styles = new StyleFormatsScanner();
  const stylesPart = stylesEntry(pkg, workbook);
  if (stylesPart) await scanPart(pkg, stylesPart, styles);
  const context: WorkbookContext = {
    shared: await readSharedStrings(pkg, workbook),
    formats: styles.formats(),
    date1904: workbook.date1904,
  };
  const grids: SheetGrid[] = [];
  let part = "";
  const budget: MergedCellsBudget = {
    limit: MAX_MERGED_CELLS,
    counted: 0,
    refuse(largest, cells) {
      throw new FileAccessError("merged-cells-too-many", pkg.filePath, {
        part,
        area: largest,
        cells: cells.toLocaleString("en-US"),
      });
    },
  };
  for (const sheet of sheets) {
    const entry = packageEntry(pkg, sheet.part!)!;
    part = entry.name;
    const scanner = new WorksheetGridScanner(sheet.name, sheet.state, context, budget);
    await scanPart(pkg, entry, scanner, () => scanner.finished);
    grids.push(scanner.grid());
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
