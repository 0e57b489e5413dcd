import { markOf, type SheetMark } from "../sheets/generatedMark";
import type { CellValue } from "../engine/grid";
import { PLAN_STORE_SHEET, readPlanStore, type PlanStore } from "../sheets/planStoreSheet";
import { insideLayout, type SheetLayout } from "../sheets/sheetLayout";
import { foldSheetName } from "../sheets/sheetNames";
import type { TypedOverCell } from "../sheets/sheetSignatures";
import type { CellDetails } from "../sheets/userEdits";
import { CellDetailsScanner } from "./cellDetailsScanner";
import { CommentsScanner, type CellComment } from "./commentsScanner";
import { FileAccessError } from "./fileErrors";
import { StyleFormatsScanner } from "./styleFormats";
import { readListedSheetsOnThread, secondThreadAvailable } from "./listedSheetsThread";
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

/** One sheet the plan store lists, to be read for regeneration: its part, layout and signatures. */
export type ListedSheetScan = {
  folded: string;
  part: string;
  layout?: SheetLayout;
  signatures?: number;
};

/** What was read of one listed sheet: the values carrying reads, typed-over cells, comments. */
export type ListedSheetRead = {
  folded: string;
  values: CellValue[][];
  typedOver: TypedOverCell[];
  comments: CellComment[];
};

/** A worksheet part scanned for its values (see `SheetValuesScanner` for the options). */
async function scanSheet(
  pkg: WorkbookPackage,
  shared: readonly string[],
  part: string,
  options: ConstructorParameters<typeof SheetValuesScanner>[1],
): Promise<SheetValuesScanner | null> {
  const entry = packageEntry(pkg, part);
  if (!entry) return null;
  const scanner = new SheetValuesScanner(shared, options);
  await scanPart(pkg, entry, scanner, () => scanner.finished);
  return scanner;
}

/**
 * Reads the sheets the plan store lists, in this thread, one part after another: the values
 * carrying user cells reads (rows down to the row of ids, keyed rows by key and users' cells,
 * the cells outside the layout), the cells of the plan's typed over, and the comments, whose
 * cells keep their values.
 */
export async function readListedSheets(
  pkg: WorkbookPackage,
  shared: readonly string[],
  scans: readonly ListedSheetScan[],
): Promise<ListedSheetRead[]> {
  const reads: ListedSheetRead[] = [];
  for (const { folded, part, layout, signatures } of scans) {
    const comments = await commentsOf(pkg, part);
    const keep = new Set(
      comments.flatMap(({ ref }) => {
        const at = cellAddress(ref);
        return at ? [`${at.row}:${at.column}`] : [];
      }),
    );
    const inside = layout ? insideLayout(layout) : null;
    const scanner = await scanSheet(pkg, shared, part, {
      onlyCarried: true,
      ...(inside ? { outside: (row: number, column: number) => !inside(row, column) } : {}),
      ...(signatures === undefined ? {} : { signatureColumn: signatures }),
      keep,
    });
    if (scanner)
      reads.push({ folded, values: scanner.values(), typedOver: scanner.typedOver, comments });
  }
  return reads;
}

/** How the listed sheets are read. */
export type ReadOptions = {
  /** On a second thread from this much XML (inflated) in the listed sheets on. */
  secondThreadFrom?: number;
  /**
   * What reads sheets on the second thread (`readListedSheetsOnThread` by default, where the
   * compiled worker is at hand; none otherwise).
   */
  secondThread?: (filePath: string, scans: ListedSheetScan[]) => Promise<ListedSheetRead[]>;
};

/**
 * Below this much XML in the listed sheets, a second thread costs more than it saves.
 */
const SECOND_THREAD_FROM = 32 * 1024 * 1024;

/** What starting the second thread costs, in XML read meanwhile (see `halves`). */
const SECOND_THREAD_START = 24 * 1024 * 1024;

/**
 * The listed sheets split in two of about the same XML, the largest first: one half read here,
 * the other on a second thread.
 */
function halves(
  pkg: WorkbookPackage,
  scans: readonly ListedSheetScan[],
): [ListedSheetScan[], ListedSheetScan[]] {
  const size = (scan: ListedSheetScan) => packageEntry(pkg, scan.part)?.size ?? 0;
  const here: ListedSheetScan[] = [];
  const there: ListedSheetScan[] = [];
  let hereSize = 0;
  // Starting the thread, opening the file there and handing back what it read take about as long
  // as reading this much XML: the second thread is given that much less (of a small plan read on
  // two threads, an eighth less at most).
  const total = scans.reduce((n, scan) => n + size(scan), 0);
  let thereSize = Math.min(SECOND_THREAD_START, total / 8);
  for (const scan of [...scans].sort((a, b) => size(b) - size(a))) {
    if (hereSize <= thereSize) {
      here.push(scan);
      hereSize += size(scan);
    } else {
      there.push(scan);
      thereSize += size(scan);
    }
  }
  return [here, there];
}

/**
 * Reads, from an .xlsx plan workbook about to be regenerated, only what regeneration needs: the
 * names and visibility of all its sheets in tab order, the plan store, the cell values of the
 * sheets the store lists that carrying user cells reads (see `GeneratedSheetsRead.values`) and the
 * cells of the plan's typed over there, checked row by row against their signatures. Each
 * part is streamed from the zip as it inflates, through a SAX-style scanner: memory holds the
 * values kept, never a whole part or a workbook of objects. A large plan's listed sheets are read
 * half here, half on a second thread (`readListedSheetsOnThread`), where the compiled worker is
 * at hand. Reads what our writer, Excel, ExcelJS, LibreOffice and openpyxl save (shared or inline
 * strings, namespace prefixes, cells and rows without addresses). Throws `FileAccessError`
 * (`file-unreadable`, `zip-bomb`, `workbook-too-large`…) naming the file, and the part when one
 * is at fault.
 * @example const { store, values } = await readGeneratedSheets("plan.xlsx"); values.get(foldSheetName("Action Plan"))
 */
export async function readGeneratedSheets(
  filePath: string,
  options: ReadOptions = {},
): Promise<GeneratedSheetsRead> {
  const pkg = await openWorkbookPackage(filePath);
  const workbook = await readPackageWorkbook(pkg);
  const sheets = workbook.sheets;
  const shared = await readSharedStrings(pkg, workbook);

  const storeSheet = sheets.find((s) => foldSheetName(s.name) === foldSheetName(PLAN_STORE_SHEET));
  const storeScan = storeSheet?.part
    ? await scanSheet(pkg, shared, storeSheet.part, { onlyCarried: false })
    : null;
  const store = storeScan ? readPlanStore(storeScan.values()) : null;

  const listed = new Map((store?.sheets ?? []).map((g) => [foldSheetName(g.name), g]));
  const scans: ListedSheetScan[] = [];
  const partOf = new Map<string, string>();
  for (const sheet of sheets) {
    const folded = foldSheetName(sheet.name);
    const generated = listed.get(folded);
    if (!generated || partOf.has(folded) || sheet.part === undefined) continue;
    if (!packageEntry(pkg, sheet.part)) continue;
    partOf.set(folded, sheet.part);
    scans.push({
      folded,
      part: sheet.part,
      ...(generated.layout ? { layout: generated.layout } : {}),
      ...(generated.signatures === undefined ? {} : { signatures: generated.signatures }),
    });
  }
  const xml = scans.reduce((n, scan) => n + (packageEntry(pkg, scan.part)?.size ?? 0), 0);
  const thread =
    options.secondThread ?? (secondThreadAvailable() ? readListedSheetsOnThread : null);
  const threaded = thread !== null && xml >= (options.secondThreadFrom ?? SECOND_THREAD_FROM);
  const [here, there] = threaded ? halves(pkg, scans) : [scans, []];
  const onThread = thread !== null && there.length > 0 ? thread(filePath, there) : null;
  // Settled either way before this thread's read can fail: no rejection is left unheard.
  const theirs = onThread?.then(
    (reads) => ({ reads }),
    (error: unknown) => ({ error }),
  );
  const reads = await readListedSheets(pkg, shared, here);
  const other = await theirs;
  if (other && "error" in other) {
    // What the file holds fails alike here; a thread that could not run is done without.
    if (other.error instanceof FileAccessError) throw other.error;
    reads.push(...(await readListedSheets(pkg, shared, there)));
  } else reads.push(...(other?.reads ?? []));

  const values = new Map<string, CellValue[][]>();
  const comments = new Map<string, CellComment[]>();
  const typedOver = new Map<string, TypedOverCell[]>();
  // The values read of each sheet the store lists, by its part.
  const scanned = new Map<string, CellValue[][]>();
  for (const read of reads) {
    values.set(read.folded, read.values);
    scanned.set(partOf.get(read.folded)!, read.values);
    if (read.typedOver.length > 0) typedOver.set(read.folded, read.typedOver);
    if (read.comments.length > 0) comments.set(read.folded, read.comments);
  }
  const marks: GeneratedSheetsRead["marks"] = [];
  for (const sheet of sheets) {
    // A sheet read above has its first row whole among its values: it is not read again.
    const first =
      scanned.get(sheet.part ?? "") ??
      (sheet.part === undefined
        ? null
        : (
            await scanSheet(pkg, shared, sheet.part, { onlyCarried: false, firstRowOnly: true })
          )?.values()) ??
      [];
    marks.push({ name: sheet.name, mark: markOf(first.slice(0, 1)) });
  }
  return {
    sheets: sheets.map(({ name, state }) => ({ name, state })),
    store,
    values: orderedLike(values, scans),
    marks,
    comments: orderedLike(comments, scans),
    typedOver: orderedLike(typedOver, scans),
  };
}

/** A map's entries in the order of the listed sheets (as read one after another). */
function orderedLike<T>(map: Map<string, T>, scans: readonly ListedSheetScan[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const { folded } of scans) {
    const value = map.get(folded);
    if (value !== undefined) out.set(folded, value);
  }
  return out;
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
