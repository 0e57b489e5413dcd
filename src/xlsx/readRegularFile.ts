import { constants, promises as fsp, type Stats } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { FileAccessError, errnoCode, readFailure } from "./fileErrors";

/** What a path that is not a regular file is instead, for `file-not-regular`'s `kind`. */
export type NonRegularKind =
  "directory" | "fifo" | "character-device" | "block-device" | "socket" | "other";

function kindOf(stats: Stats): NonRegularKind {
  if (stats.isDirectory()) return "directory";
  if (stats.isFIFO()) return "fifo";
  if (stats.isCharacterDevice()) return "character-device";
  if (stats.isBlockDevice()) return "block-device";
  if (stats.isSocket()) return "socket";
  return "other";
}

// Without O_NONBLOCK, opening a named pipe waits for a writer, forever; regular files ignore it.
// Windows has neither the flag nor named pipes on ordinary paths.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of a regular file. A folder, a named pipe or a device (`/dev/zero`) is refused at
 * once (`file-not-regular`, with its `kind`), and with `maxBytes` a larger file is refused
 * (`file-too-large`) before any of it is read: both are told by the opened file itself, so
 * nothing can be swapped in between. Other failures are `file-not-found` or `file-unreadable`.
 * @example const bytes = await readRegularFile("plan.json", { maxBytes: 10 * 1024 * 1024 });
 */
export async function readRegularFile(
  filePath: string,
  options: { maxBytes?: number } = {},
): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await fsp.open(filePath, OPEN_FLAGS);
  } catch (error) {
    if (errnoCode(error) === "EISDIR") {
      throw new FileAccessError("file-not-regular", filePath, { kind: "directory" });
    }
    throw readFailure(filePath, error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new FileAccessError("file-not-regular", filePath, { kind: kindOf(stats) });
    }
    const { maxBytes } = options;
    if (maxBytes !== undefined && stats.size > maxBytes) {
      throw new FileAccessError("file-too-large", filePath, { size: stats.size, limit: maxBytes });
    }
    const bytes = await handle.readFile();
    // A file still growing while it was read is held to the same limit.
    if (maxBytes !== undefined && bytes.length > maxBytes) {
      throw new FileAccessError("file-too-large", filePath, {
        size: bytes.length,
        limit: maxBytes,
      });
    }
    return bytes;
  } catch (error) {
    throw readFailure(filePath, error);
  } finally {
    await handle.close();
  }
}
