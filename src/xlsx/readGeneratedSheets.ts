import { markOf, type SheetMark } from "../sheets/generatedMark";
import type { CellValue } from "../engine/grid";
import { PLAN_STORE_SHEET, readPlanStore, type PlanStore } from "../sheets/planStoreSheet";
import { insideLayout, type SheetLayout } from "../sheets/sheetLayout";
import { foldSheetName } from "../sheets/sheetNames";
import type { TypedOverCell } from "../sheets/sheetSignatures";
import type { CellDetails } from "../sheets/userEdits";
import { CellDetailsScanner } from "./cellDetailsScanner";
import { CommentsScanner, type CellComment } from "./commentsScanner";
import { StyleFormatsScanner } from "./styleFormats";
import { cellAddress, SheetValuesScanner } from "./sheetValuesScanner";
import {
  openWorkbookPackage,
  packageEntry,
  readPackageWorkbook,
  readSharedStrings,
  relationships,
  scanPart,
  stylesEntry,
  type WorkbookPackage,
} from "./workbookPackage";
import type { SheetState } from "./worksheetGrid";

/** What regenerating a plan workbook needs to know of the workbook it replaces. */
export type GeneratedSheetsRead = {
  /** Every sheet of the workbook, in tab order, with its visibility. */
  sheets: { name: string; state: SheetState }[];
  /** The plan store (`_stp_plan`), or null when the workbook has none or it is not one. */
  store: PlanStore | null;
  /**
   * The cell values carrying user cells reads, of each sheet the store lists, by folded name
   * (`foldSheetName`): the rows down to the row of column ids, then the columns that row names.
   */
  values: Map<string, CellValue[][]>;
  /** Each sheet's generated-sheet mark (`markOf` its first row), null on a user's sheet. */
  marks: { name: string; mark: SheetMark | null }[];
  /** The comments on each sheet the store lists, by folded name: rewriting the sheet drops them. */
  comments: Map<string, CellComment[]>;
  /**
   * The generated cells users typed over on each sheet the store lists with its rows' signatures
   * (`GeneratedSheet.signatures`), by folded name, with what they hold now.
   */
  typedOver: Map<string, TypedOverCell[]>;
};

/** The comments on a worksheet, from the comments part its relationships name (if any). */
async function commentsOf(pkg: WorkbookPackage, sheetPart: string): Promise<CellComment[]> {
  const found: CellComment[] = [];
  for (const rel of (await relationships(pkg, sheetPart)).values()) {
    if (!rel.type.endsWith("/comments")) continue;
    const entry = packageEntry(pkg, rel.part);
    if (!entry) continue;
    const scanner = new CommentsScanner();
    await scanPart(pkg, entry, scanner);
    found.push(...scanner.comments);
  }
  return found;
}

/**
 * Reads, from an .xlsx plan workbook about to be regenerated, only what regeneration needs: the
 * names and visibility of all its sheets in tab order, the plan store, the cell values of the
 * sheets the store lists that carrying user cells reads (see `GeneratedSheetsRead.values`) and the
 * cells of the plan's typed over there, checked row by row against their signatures. Each
 * part is streamed from the zip as it inflates, through a SAX-style scanner: memory holds the
 * values kept, never a whole part or a workbook of objects. Reads what our writer, Excel,
 * ExcelJS, LibreOffice and openpyxl save (shared or inline strings, namespace prefixes, cells and
 * rows without addresses). Throws `FileAccessError` (`file-unreadable`, `zip-bomb`,
 * `workbook-too-large`…) naming the file, and the part when one is at fault.
 * @example const { store, values } = await readGeneratedSheets("plan.xlsx"); values.get(foldSheetName("Action Plan"))
 */
export async function readGeneratedSheets(filePath: string): Promise<GeneratedSheetsRead> {
  const pkg = await openWorkbookPackage(filePath);
  const workbook = await readPackageWorkbook(pkg);
  const sheets = workbook.sheets;
  const shared = await readSharedStrings(pkg, workbook);

  const scanSheet = async (
    part: string | undefined,
    onlyCarried: boolean,
    firstRowOnly = false,
    listed?: { layout?: SheetLayout; signatures?: number },
    keep?: ReadonlySet<string>,
  ) => {
    const entry = part === undefined ? undefined : packageEntry(pkg, part);
    if (!entry) return null;
    const inside = listed?.layout ? insideLayout(listed.layout) : null;
    const scanner = new SheetValuesScanner(shared, {
      onlyCarried,
      firstRowOnly,
      ...(inside ? { outside: (row: number, column: number) => !inside(row, column) } : {}),
      ...(listed?.signatures === undefined ? {} : { signatureColumn: listed.signatures }),
      ...(keep ? { keep } : {}),
    });
    await scanPart(pkg, entry, scanner, () => scanner.finished);
    return { values: scanner.values(), typedOver: scanner.typedOver };
  };
  const valuesOf = async (part: string | undefined, onlyCarried: boolean, firstRowOnly = false) =>
    (await scanSheet(part, onlyCarried, firstRowOnly))?.values ?? null;

  const storeSheet = sheets.find((s) => foldSheetName(s.name) === foldSheetName(PLAN_STORE_SHEET));
  const storeValues = storeSheet ? await valuesOf(storeSheet.part, false) : null;
  const store = storeValues ? readPlanStore(storeValues) : null;

  const values = new Map<string, CellValue[][]>();
  const comments = new Map<string, CellComment[]>();
  const typedOver = new Map<string, TypedOverCell[]>();
  const listed = new Map((store?.sheets ?? []).map((g) => [foldSheetName(g.name), g]));
  // The values read of each sheet the store lists, by its part.
  const scanned = new Map<string, CellValue[][]>();
  for (const sheet of sheets) {
    const folded = foldSheetName(sheet.name);
    if (!listed.has(folded) || values.has(folded)) continue;
    // The cells commented on keep their values, whatever the scan would leave out.
    const found = sheet.part === undefined ? [] : await commentsOf(pkg, sheet.part);
    if (found.length > 0) comments.set(folded, found);
    const keep = new Set(
      found.flatMap(({ ref }) => {
        const at = cellAddress(ref);
        return at ? [`${at.row}:${at.column}`] : [];
      }),
    );
    const read = await scanSheet(sheet.part, true, false, listed.get(folded), keep);
    if (read) values.set(folded, read.values);
    if (read && sheet.part !== undefined) scanned.set(sheet.part, read.values);
    if (read && read.typedOver.length > 0) typedOver.set(folded, read.typedOver);
  }
  const marks: GeneratedSheetsRead["marks"] = [];
  for (const sheet of sheets) {
    // A sheet read above has its first row whole among its values: it is not read again.
    const read = scanned.get(sheet.part ?? "");
    const first = read ?? (await valuesOf(sheet.part, false, true)) ?? [];
    marks.push({ name: sheet.name, mark: markOf(first.slice(0, 1)) });
  }
  return {
    sheets: sheets.map(({ name, state }) => ({ name, state })),
    store,
    values,
    marks,
    comments,
    typedOver,
  };
}

/**
 * The formula (without `=`) and number format of some cells of one sheet of an .xlsx file, in
 * the order asked (a cell with a plain value has no formula; General is no format): what
 * regeneration needs to put back or move a user's cells as they were. The sheet is matched
 * without regard to case; nothing is found on a sheet that is gone.
 * @example await readCellDetails("plan.xlsx", "Plan Summary", [{ row: 2, column: 10 }]) → [{ formula: "SUM(B5:B9)" }]
 */
export async function readCellDetails(
  filePath: string,
  sheetName: string,
  cells: readonly { row: number; column: number }[],
): Promise<CellDetails[]> {
  const pkg = await openWorkbookPackage(filePath);
  const workbook = await readPackageWorkbook(pkg);
  const sheet = workbook.sheets.find((s) => foldSheetName(s.name) === foldSheetName(sheetName));
  const entry = sheet?.part === undefined ? undefined : packageEntry(pkg, sheet.part);
  if (!entry) return cells.map(() => ({}));
  const styles = new StyleFormatsScanner();
  const stylesPart = stylesEntry(pkg, workbook);
  if (stylesPart) await scanPart(pkg, stylesPart, styles);
  const scanner = new CellDetailsScanner(
    new Set(cells.map(({ row, column }) => `${row}:${column}`)),
    styles.formats(),
  );
  await scanPart(pkg, entry, scanner, () => scanner.finished);
  return scanner.details(cells);
}
