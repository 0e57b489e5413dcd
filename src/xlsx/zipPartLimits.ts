import { FileAccessError } from "./fileErrors";
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
 * The largest part a package may declare: the readers stream parts, but regeneration reads the
 * parts it edits whole as text (`packageParts`), and a JavaScript string holds at most 2^29 − 24
 * characters.
 */
export const MAX_PART_SIZE = 512 * MB - 1;
/** The most all parts together may inflate to. */
export const MAX_TOTAL_SIZE = 2048 * MB;
/**
 * The most cells the merged areas of a workbook's worksheets may cover in all: the grid reader
 * notes every covered cell, and the history reader fills every one of them (a report merging its
 * region cells over 100,000 rows covers a tenth of this).
 */
export const MAX_MERGED_CELLS = 1_000_000;

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
