import * as zlib from "node:zlib";
import { FileAccessError } from "./fileErrors";
import { MergedAreaScanner } from "./mergedAreaScanner";
import type { ZipEntry } from "./zipDirectory";

const MB = 1024 * 1024;

/**
 * A part inflating more than this many times its compressed size, to more than `RATIO_FLOOR`, is
 * a zip bomb: sheet XML compresses 10 to 20 times, a million-row history's included.
 */
export const MAX_RATIO = 100;
/** Below this size a part may compress as well as it likes (a sheet of one repeated value). */
export const RATIO_FLOOR = 100 * MB;
/**
 * The largest part the reader can hold: ExcelJS reads each part whole as text, and a JavaScript
 * string holds at most 2^29 − 24 characters.
 */
export const MAX_PART_SIZE = 512 * MB - 1;
/** The most all parts together may inflate to. */
export const MAX_TOTAL_SIZE = 2048 * MB;
/**
 * The most cells merged areas may cover in all: ExcelJS makes an object of about 300 bytes for
 * each (a report merging its region cells over 100,000 rows covers a tenth of this).
 */
export const MAX_MERGED_CELLS = 1_000_000;

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * A size in words a user reads: `600 MB`, `1.5 GB`.
 * @example formatSize(1536 * 1024 * 1024) === "1.5 GB"
 */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * MB) return `${Number((bytes / (1024 * MB)).toFixed(1))} GB`;
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Refuses an .xlsx package whose parts, by the sizes its zip directory declares, would inflate
 * past what a history can be: a part more than 100 times its compressed size and over 100 MB (a
 * zip bomb), a part over 512 MB, or more than 2 GB in all. Nothing is inflated. Throws
 * `FileAccessError` (`zip-bomb`, `workbook-too-large`) naming the part.
 * @example checkDeclaredPartSizes("h.xlsx", readZipDirectory(bytes))
 */
export function checkDeclaredPartSizes(filePath: string, entries: readonly ZipEntry[]): void {
  let total = 0;
  for (const entry of entries) {
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > RATIO_FLOOR && ratio > MAX_RATIO) {
      throw new FileAccessError("zip-bomb", filePath, {
        part: entry.name,
        size: formatSize(entry.size),
        compressed: formatSize(entry.compressedSize),
      });
    }
    if (entry.size > MAX_PART_SIZE) {
      throw new FileAccessError("workbook-too-large", filePath, {
        part: entry.name,
        size: formatSize(entry.size),
      });
    }
    total += entry.size;
  }
  if (total > MAX_TOTAL_SIZE) {
    throw new FileAccessError("workbook-too-large", filePath, { size: formatSize(total) });
  }
}

/**
 * Whether deflated data inflates to at most `limit` bytes, each piece handed to `look` as it
 * comes; stops as soon as it does not.
 */
function inflatesWithin(
  data: Uint8Array,
  limit: number,
  look?: (chunk: Buffer) => void,
): Promise<boolean> {
  return new Promise((resolve) => {
    const inflate = zlib.createInflateRaw();
    let size = 0;
    let settled = false;
    const settle = (within: boolean) => {
      if (settled) return;
      settled = true;
      resolve(within);
      if (!within) inflate.destroy();
    };
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle(false);
      else look?.(chunk);
    });
    inflate.on("end", () => settle(true));
    // Damaged data is the reader's to report; only the size is checked here.
    inflate.on("error", () => settle(true));
    inflate.end(data);
  });
}

/**
 * Inflates each deflated part, keeping none of it, and refuses the package when one yields more
 * than its declared size — a zip bomb whose headers lie, which the reader would inflate whole —,
 * or when the merged areas its worksheets declare cover more than 1,000,000 cells (the reader
 * would build every one of them). Memory stays at a few chunks whatever the parts hold. Throws
 * `FileAccessError` (`zip-bomb`, `merged-cells-too-many`) naming the part.
 * @example await checkInflatedParts("h.xlsx", bytes, readZipDirectory(bytes))
 */
export async function checkInflatedParts(
  filePath: string,
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
): Promise<void> {
  let merged = 0;
  for (const entry of entries) {
    const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    const scanner = WORKSHEET_PART.test(entry.name) ? new MergedAreaScanner() : undefined;
    if (entry.method === 8) {
      if (!(await inflatesWithin(data, entry.size, scanner && ((c) => scanner.feed(c))))) {
        throw new FileAccessError("zip-bomb", filePath, {
          part: entry.name,
          declared: formatSize(entry.size),
        });
      }
    } else if (entry.method === 0) {
      scanner?.feed(data);
    }
    merged += scanner?.cells ?? 0;
    if (scanner && merged > MAX_MERGED_CELLS) {
      throw new FileAccessError("merged-cells-too-many", filePath, {
        part: entry.name,
        area: scanner.largest,
        cells: merged.toLocaleString("en-US"),
      });
    }
  }
}
