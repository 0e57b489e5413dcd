import * as path from "node:path";
import { CsvReadError } from "./csvReadError";
import { decodeCsvBytes } from "./decodeCsvBytes";
import { FileAccessError, reasonOf } from "./fileErrors";
import { MergedAreaScanner } from "./mergedAreaScanner";
import { parseCsv } from "./parseCsv";
import { StyleFormatsScanner } from "./styleFormats";
import {
  openWorkbookPackage,
  packageEntry,
  readBytes,
  readPackageWorkbook,
  readSharedStrings,
  scanPart,
  streamPart,
  stylesEntry,
  type PackageSheet,
  type WorkbookPackage,
} from "./workbookPackage";
import {
  mergedArea,
  WorksheetGridScanner,
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
 * held as a workbook of objects. Throws `FileAccessError` when the file is missing, unreadable or
 * of a type this port does not read (.xls, .xlsb, .ods, password-protected workbooks).
 * @example const [sales] = await readHistoryFile("sales.csv"); sales.sheet === "sales"
 */
export async function readHistoryFile(filePath: string): Promise<SheetGrid[]> {
  const kind = historyFileKind(filePath);
  if (kind === "csv") return [csvGrid(filePath, await readBytes(filePath))];
  return readWorkbookGrids(await openWorkbookPackage(filePath));
}

/**
 * The grids of an .xlsx package's worksheets, in tab order (chart sheets have none), or of the
 * first one `wanted` picks. Each worksheet part is streamed twice as it inflates: once for its
 * merged areas, which come after its cells (together they may cover at most 1,000,000 cells:
 * `merged-cells-too-many`), then for its cells; the shared strings are kept as one array and the
 * number formats once per cell style. A part inflating past its declared size is a `zip-bomb`.
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
  let mergedCells = 0;
  for (const sheet of sheets) {
    const entry = packageEntry(pkg, sheet.part!)!;
    const merged = new MergedAreaScanner();
    await streamPart(pkg, entry, (chunk) => {
      merged.feed(chunk);
      if (mergedCells + merged.cells <= MAX_MERGED_CELLS) return;
      throw new FileAccessError("merged-cells-too-many", pkg.filePath, {
        part: entry.name,
        area: merged.largest,
        cells: (mergedCells + merged.cells).toLocaleString("en-US"),
      });
    });
    mergedCells += merged.cells;
    const areas = merged.refs.map(mergedArea).filter((area) => area !== null);
    const scanner = new WorksheetGridScanner(sheet.name, sheet.state, context, areas);
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
