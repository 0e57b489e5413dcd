import * as path from "node:path";
import * as zlib from "node:zlib";
import { FileAccessError, reasonOf } from "./fileErrors";
import { readRegularFile } from "./readRegularFile";
import { SharedStringsScanner } from "./sheetValuesScanner";
import type { SheetState } from "./worksheetGrid";
import { readZipDirectory, type ZipEntry } from "./zipDirectory";
import { checkDeclaredPartSizes, formatSize } from "./zipPartLimits";
import { xmlAttribute, XmlScanner, type XmlHandler } from "./xmlScanner";

/** An .xlsx package opened for streamed reading: its bytes and its parts by lower-case name. */
export type WorkbookPackage = {
  filePath: string;
  bytes: Uint8Array;
  byName: Map<string, ZipEntry>;
};

/** A sheet of the workbook as `xl/workbook.xml` lists it, in tab order. */
export type PackageSheet = {
  name: string;
  state: SheetState;
  /** The sheet's part, when its relationship names one. */
  part?: string;
  /** True for a worksheet (not a chart sheet or a dialog sheet). */
  worksheet: boolean;
};

/** What `xl/workbook.xml` and its relationships say of the workbook. */
export type PackageWorkbook = {
  sheets: PackageSheet[];
  /** The workbook part's relationships: id → { type, part }. */
  rels: Map<string, { type: string; part: string }>;
  /** True when the workbook counts dates from 1904 (`<workbookPr date1904="1"/>`). */
  date1904: boolean;
};

/** The size of the pieces a part is inflated in. */
const INFLATED_PIECE = 256 * 1024;

/** How many inflated pieces may wait to be scanned before inflating pauses. */
const PIECES_AHEAD = 4;

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const STYLES = /\/styles$/;

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
 * An .xlsx file read and its zip directory checked (`checkWorkbookBytes`), ready for its parts to
 * be streamed. Throws `FileAccessError` when the file is missing, unreadable or not an .xlsx.
 * @example const pkg = await openWorkbookPackage("sales.xlsx"); packageEntry(pkg, "xl/workbook.xml")
 */
export async function openWorkbookPackage(filePath: string): Promise<WorkbookPackage> {
  const bytes = await readBytes(filePath);
  const entries = checkWorkbookBytes(filePath, bytes);
  return { filePath, bytes, byName: new Map(entries.map((e) => [e.name.toLowerCase(), e])) };
}

/** A `file-unreadable` error naming the file. */
export function unreadable(filePath: string, reason: string, cause?: unknown): FileAccessError {
  return new FileAccessError("file-unreadable", filePath, { reason }, { cause });
}

/** The entry of a part by its name in the package (zip names are matched without case). */
export function packageEntry(pkg: WorkbookPackage, name: string): ZipEntry | undefined {
  return pkg.byName.get(name.toLowerCase());
}

/**
 * Hands one part's bytes to `look` piece by piece as they are inflated, never holding the part
 * whole; stops as soon as `done()` says nothing more is wanted. A part inflating past its declared
 * size is a zip bomb (`zip-bomb`); anything `look` throws that is not a `FileAccessError` makes the
 * file `file-unreadable`, naming the part.
 */
function streamPart(
  pkg: WorkbookPackage,
  entry: ZipEntry,
  look: (chunk: Uint8Array, last: boolean) => void,
  done = () => false,
): Promise<void> {
  const data = pkg.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const fail = (error: unknown) =>
    error instanceof FileAccessError
      ? error
      : unreadable(pkg.filePath, `${entry.name}: ${reasonOf(error)}`, error);
  if (entry.method === 0) {
    try {
      look(data, true);
    } catch (error) {
      return Promise.reject(fail(error));
    }
    return Promise.resolve();
  }
  if (entry.method !== 8) {
    return Promise.reject(
      unreadable(pkg.filePath, `${entry.name}: compression method ${entry.method}`),
    );
  }
  return new Promise<void>((resolve, reject) => {
    // Large pieces: fewer hand-overs between the thread inflating and the one scanning.
    const inflate = zlib.createInflateRaw({ chunkSize: INFLATED_PIECE });
    let size = 0;
    let settled = false;
    let ended = false;
    let looking = false;
    // Pieces inflated, not yet looked at: zlib inflates the next one while `look` reads these.
    const pending: Buffer[] = [];
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      pending.length = 0;
      inflate.destroy();
      if (error === undefined) resolve();
      else reject(fail(error));
    };
    const lookAtPending = () => {
      looking = false;
      try {
        while (pending.length > 0 && !settled) {
          look(pending.shift()!, false);
          if (done()) return settle();
        }
        if (settled) return;
        if (ended) {
          look(new Uint8Array(0), true);
          return settle();
        }
        inflate.resume();
      } catch (error) {
        settle(error);
      }
    };
    const later = () => {
      if (looking || settled) return;
      looking = true;
      setImmediate(lookAtPending);
    };
    inflate.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > entry.size) {
        settle(
          new FileAccessError("zip-bomb", pkg.filePath, {
            part: entry.name,
            declared: formatSize(entry.size),
          }),
        );
        return;
      }
      pending.push(chunk);
      // Memory holds a few pieces ahead, never the part.
      if (pending.length >= PIECES_AHEAD) inflate.pause();
      later();
    });
    inflate.on("end", () => {
      ended = true;
      later();
    });
    inflate.on("error", (error) => settle(error));
    inflate.end(data);
  });
}

/**
 * Streams one part through an XML handler as it is inflated (`streamPart`): memory holds what the
 * handler keeps, never the part.
 */
export function scanPart(
  pkg: WorkbookPackage,
  entry: ZipEntry,
  handler: XmlHandler,
  done = () => false,
): Promise<void> {
  const scanner = new XmlScanner(handler);
  return streamPart(
    pkg,
    entry,
    (chunk, last) => {
      if (chunk.length > 0) scanner.feed(chunk);
      if (last && !done()) scanner.end();
    },
    done,
  );
}

/** Collects the attribute text of every element of the names given, in document order. */
export function elements(...names: string[]): XmlHandler & {
  found: { name: string; attributes: string }[];
} {
  const wanted = new Set(names);
  const found: { name: string; attributes: string }[] = [];
  return {
    found,
    open: (element, attributes) => {
      if (wanted.has(element)) found.push({ name: element, attributes });
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

/** A part's relationships (external ones left out): id → { type, part }. */
export async function relationships(
  pkg: WorkbookPackage,
  ofPart: string,
): Promise<Map<string, { type: string; part: string }>> {
  const relsName = path.posix.join(
    path.posix.dirname(ofPart),
    "_rels",
    `${path.posix.basename(ofPart)}.rels`,
  );
  const entry = packageEntry(pkg, relsName.replace(/^\.\//, ""));
  const out = new Map<string, { type: string; part: string }>();
  if (!entry) return out;
  const handler = elements("Relationship");
  await scanPart(pkg, entry, handler);
  for (const { attributes } of handler.found) {
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

/** The workbook part: the package's office document, `xl/workbook.xml` by convention. */
async function workbookPart(pkg: WorkbookPackage): Promise<string> {
  const rels = await relationships(pkg, "");
  for (const rel of rels.values()) if (OFFICE_DOCUMENT.test(rel.type)) return rel.part;
  return "xl/workbook.xml";
}

/** A sheet's visibility from its `state` attribute. */
export function sheetState(state: string | undefined): SheetState {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

/** The relationship id of a `<sheet>` whose writer chose another prefix than `r:`. */
function idAttribute(attributes: string): string | undefined {
  const match = /\s[A-Za-z_][\w.-]*:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * The sheets of a workbook in tab order, with their visibility and parts, from its workbook part
 * and that part's relationships, and its date system. Throws `file-unreadable` when the package
 * has no workbook part.
 * @example const { sheets } = await readPackageWorkbook(pkg); sheets.filter((s) => s.worksheet)
 */
export async function readPackageWorkbook(pkg: WorkbookPackage): Promise<PackageWorkbook> {
  const name = await workbookPart(pkg);
  const entry = packageEntry(pkg, name);
  if (!entry) throw unreadable(pkg.filePath, `no workbook part (${name})`);
  const found = elements("sheet", "workbookPr");
  await scanPart(pkg, entry, found);
  const rels = await relationships(pkg, name);
  const sheets: PackageSheet[] = [];
  let date1904 = false;
  for (const { name: element, attributes } of found.found) {
    if (element === "workbookPr") {
      const flag = xmlAttribute(attributes, "date1904");
      date1904 = flag === "1" || flag === "true";
      continue;
    }
    const sheetName = xmlAttribute(attributes, "name");
    if (sheetName === undefined) continue;
    const id = xmlAttribute(attributes, "r:id") ?? idAttribute(attributes);
    const rel = id === undefined ? undefined : rels.get(id);
    sheets.push({
      name: sheetName,
      state: sheetState(xmlAttribute(attributes, "state")),
      part: rel?.part,
      worksheet: rel !== undefined && WORKSHEET.test(rel.type),
    });
  }
  return { sheets, rels, date1904 };
}

/** The entry of the workbook's part of one relationship type, if it has one. */
function relatedEntry(
  pkg: WorkbookPackage,
  workbook: PackageWorkbook,
  type: RegExp,
): ZipEntry | undefined {
  const rel = [...workbook.rels.values()].find((r) => type.test(r.type));
  return rel && packageEntry(pkg, rel.part);
}

/**
 * The workbook's shared strings (`xl/sharedStrings.xml`) as one array of their texts, rich text
 * runs joined; empty when it has none.
 */
export async function readSharedStrings(
  pkg: WorkbookPackage,
  workbook: PackageWorkbook,
): Promise<string[]> {
  const scanner = new SharedStringsScanner();
  const entry = relatedEntry(pkg, workbook, SHARED_STRINGS);
  if (entry) await scanPart(pkg, entry, scanner);
  return scanner.strings;
}

/** The entry of the workbook's style sheet (`xl/styles.xml`), if it has one. */
export function stylesEntry(pkg: WorkbookPackage, workbook: PackageWorkbook): ZipEntry | undefined {
  return relatedEntry(pkg, workbook, STYLES);
}
