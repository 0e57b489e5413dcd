import { markOf, type SheetMark } from "../sheets/generatedMark";
import * as path from "node:path";
import * as zlib from "node:zlib";
import type { CellValue } from "../engine/grid";
import { PLAN_STORE_SHEET, readPlanStore, type PlanStore } from "../sheets/planStoreSheet";
import { insideLayout, type SheetLayout } from "../sheets/sheetLayout";
import { foldSheetName } from "../sheets/sheetNames";
import { CommentsScanner, type CellComment } from "./commentsScanner";
import { FileAccessError, reasonOf } from "./fileErrors";
import { checkWorkbookBytes, readBytes } from "./readHistoryFile";
import { SharedStringsScanner, SheetValuesScanner } from "./sheetValuesScanner";
import type { SheetState } from "./worksheetGrid";
import { formatSize } from "./zipPartLimits";
import type { ZipEntry } from "./zipDirectory";
import { xmlAttribute, XmlScanner, type XmlHandler } from "./xmlScanner";

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
};

type Parts = { byName: Map<string, ZipEntry>; bytes: Uint8Array; filePath: string };

const OFFICE_DOCUMENT = /\/officeDocument$/;
const SHARED_STRINGS = /\/sharedStrings$/;

function unreadable(filePath: string, reason: string, cause?: unknown): FileAccessError {
  return new FileAccessError("file-unreadable", filePath, { reason }, { cause });
}

/** The entry of a part by its name in the package (zip names are matched without case). */
function entryOf(parts: Parts, name: string): ZipEntry | undefined {
  return parts.byName.get(name.toLowerCase());
}

/**
 * Streams one part through a handler as it is inflated, never holding it whole; stops as soon
 * as `done()` says nothing more is wanted. A part inflating past its declared size is a zip bomb.
 */
function scanPart(parts: Parts, entry: ZipEntry, handler: XmlHandler, done = () => false) {
  const data = parts.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const scanner = new XmlScanner(handler);
  const fail = (error: unknown) =>
    error instanceof FileAccessError
      ? error
      : unreadable(parts.filePath, `${entry.name}: ${reasonOf(error)}`, error);
  if (entry.method === 0) {
    try {
      scanner.feed(data);
      if (!done()) scanner.end();
    } catch (error) {
      return Promise.reject(fail(error));
    }
    return Promise.resolve();
  }
  if (entry.method !== 8) {
    return Promise.reject(
      unreadable(parts.filePath, `${entry.name}: compression method ${entry.method}`),
    );
  }
  return new Promise<void>((resolve, reject) => {
    const inflate = zlib.createInflateRaw();
    let size = 0;
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      if (error === undefined) resolve();
      else reject(fail(error));
    };
    inflate.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > entry.size) {
        settle(
          new FileAccessError("zip-bomb", parts.filePath, {
            part: entry.name,
            declared: formatSize(entry.size),
          }),
        );
        return;
      }
      try {
        scanner.feed(chunk);
        if (done()) settle();
      } catch (error) {
        settle(error);
      }
    });
    inflate.on("end", () => {
      try {
        scanner.end();
        settle();
      } catch (error) {
        settle(error);
      }
    });
    inflate.on("error", (error) => settle(error));
    inflate.end(data);
  });
}

/** Collects the attribute text of every element of one name. */
function elements(name: string): XmlHandler & { found: string[] } {
  const found: string[] = [];
  return {
    found,
    open: (element, attributes) => {
      if (element === name) found.push(attributes);
    },
    close: () => {},
    text: () => {},
  };
}

/** Where a relationship's target is in the package, from the part whose relationships it is. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), target));
}

/** A part's relationships: id → { type, part }. */
async function relationships(
  parts: Parts,
  ofPart: string,
): Promise<Map<string, { type: string; part: string }>> {
  const relsName = path.posix.join(
    path.posix.dirname(ofPart),
    "_rels",
    `${path.posix.basename(ofPart)}.rels`,
  );
  const entry = entryOf(parts, relsName.replace(/^\.\//, ""));
  const out = new Map<string, { type: string; part: string }>();
  if (!entry) return out;
  const handler = elements("Relationship");
  await scanPart(parts, entry, handler);
  for (const attributes of handler.found) {
    const id = xmlAttribute(attributes, "Id");
    const target = xmlAttribute(attributes, "Target");
    if (id === undefined || target === undefined) continue;
    if (xmlAttribute(attributes, "TargetMode") === "External") continue;
    out.set(id, {
      type: xmlAttribute(attributes, "Type") ?? "",
      part: resolveTarget(ofPart, target),
    });
  }
  return out;
}

/** The comments on a worksheet, from the comments part its relationships name (if any). */
async function commentsOf(parts: Parts, sheetPart: string): Promise<CellComment[]> {
  const found: CellComment[] = [];
  for (const rel of (await relationships(parts, sheetPart)).values()) {
    if (!rel.type.endsWith("/comments")) continue;
    const entry = entryOf(parts, rel.part);
    if (!entry) continue;
    const scanner = new CommentsScanner();
    await scanPart(parts, entry, scanner);
    found.push(...scanner.comments);
  }
  return found;
}

/** The workbook part: the package's office document, `xl/workbook.xml` by convention. */
async function workbookPart(parts: Parts): Promise<string> {
  const rels = await relationships(parts, "");
  for (const rel of rels.values()) if (OFFICE_DOCUMENT.test(rel.type)) return rel.part;
  return "xl/workbook.xml";
}

function sheetState(state: string | undefined): SheetState {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

/**
 * Reads, from an .xlsx plan workbook about to be regenerated, only what regeneration needs: the
 * names and visibility of all its sheets in tab order, the plan store, and the cell values of the
 * sheets the store lists that carrying user cells reads (see `GeneratedSheetsRead.values`). Each
 * part is streamed from the zip as it inflates, through a SAX-style scanner: memory holds the
 * values kept, never a whole part or a workbook of objects. Reads what our writer, Excel,
 * ExcelJS, LibreOffice and openpyxl save (shared or inline strings, namespace prefixes, cells and
 * rows without addresses). Throws `FileAccessError` (`file-unreadable`, `zip-bomb`,
 * `workbook-too-large`…) naming the file, and the part when one is at fault.
 * @example const { store, values } = await readGeneratedSheets("plan.xlsx"); values.get(foldSheetName("Action Plan"))
 */
export async function readGeneratedSheets(filePath: string): Promise<GeneratedSheetsRead> {
  const bytes = await readBytes(filePath);
  const entries = checkWorkbookBytes(filePath, bytes);
  const parts: Parts = {
    byName: new Map(entries.map((e) => [e.name.toLowerCase(), e])),
    bytes,
    filePath,
  };

  const workbookName = await workbookPart(parts);
  const workbookEntry = entryOf(parts, workbookName);
  if (!workbookEntry) throw unreadable(filePath, `no workbook part (${workbookName})`);
  const sheetElements = elements("sheet");
  await scanPart(parts, workbookEntry, sheetElements);
  const rels = await relationships(parts, workbookName);

  const sheets: (GeneratedSheetsRead["sheets"][number] & { part?: string })[] = [];
  for (const attributes of sheetElements.found) {
    const name = xmlAttribute(attributes, "name");
    if (name === undefined) continue;
    const id = xmlAttribute(attributes, "r:id") ?? idAttribute(attributes);
    sheets.push({
      name,
      state: sheetState(xmlAttribute(attributes, "state")),
      part: id === undefined ? undefined : rels.get(id)?.part,
    });
  }

  const shared = new SharedStringsScanner();
  const sharedRel = [...rels.values()].find((rel) => SHARED_STRINGS.test(rel.type));
  const sharedEntry = sharedRel && entryOf(parts, sharedRel.part);
  if (sharedEntry) await scanPart(parts, sharedEntry, shared);

  const valuesOf = async (
    part: string | undefined,
    onlyCarried: boolean,
    firstRowOnly = false,
    layout?: SheetLayout,
  ) => {
    const entry = part === undefined ? undefined : entryOf(parts, part);
    if (!entry) return null;
    const inside = layout ? insideLayout(layout) : null;
    const scanner = new SheetValuesScanner(shared.strings, {
      onlyCarried,
      firstRowOnly,
      ...(inside ? { outside: (row: number, column: number) => !inside(row, column) } : {}),
    });
    await scanPart(parts, entry, scanner, () => scanner.finished);
    return scanner.values();
  };

  const storeSheet = sheets.find((s) => foldSheetName(s.name) === foldSheetName(PLAN_STORE_SHEET));
  const storeValues = storeSheet ? await valuesOf(storeSheet.part, false) : null;
  const store = storeValues ? readPlanStore(storeValues) : null;

  const values = new Map<string, CellValue[][]>();
  const comments = new Map<string, CellComment[]>();
  const listed = new Map((store?.sheets ?? []).map((g) => [foldSheetName(g.name), g]));
  for (const sheet of sheets) {
    const folded = foldSheetName(sheet.name);
    if (!listed.has(folded) || values.has(folded)) continue;
    const read = await valuesOf(sheet.part, true, false, listed.get(folded)?.layout);
    if (read) values.set(folded, read);
    const found = sheet.part === undefined ? [] : await commentsOf(parts, sheet.part);
    if (found.length > 0) comments.set(folded, found);
  }
  const marks: GeneratedSheetsRead["marks"] = [];
  for (const sheet of sheets) {
    const first = (await valuesOf(sheet.part, false, true)) ?? [];
    marks.push({ name: sheet.name, mark: markOf(first) });
  }
  return {
    sheets: sheets.map(({ name, state }) => ({ name, state })),
    store,
    values,
    marks,
    comments,
  };
}

/** The relationship id of a `<sheet>` whose writer chose another prefix than `r:`. */
function idAttribute(attributes: string): string | undefined {
  const match = /\s[A-Za-z_][\w.-]*:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes);
  return match ? (match[1] ?? match[2]) : undefined;
}
