import { randomBytes } from "node:crypto";
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { FileAccessError, errnoCode, reasonOf } from "./fileErrors";

/** What tells one state of a file from another: null when there is no file. */
export type FileStamp = { ino: number; size: number; mtimeMs: number; ctimeMs: number } | null;

/**
 * The stamp of a file as it is now (null when there is none), to check later that nobody saved,
 * replaced or removed it in between. Throws `FileAccessError` (`file-unreadable`) when the file
 * cannot even be looked at.
 * @example const before = await fileStamp("plan.xlsx");
 */
export async function fileStamp(file: string): Promise<FileStamp> {
  try {
    const { ino, size, mtimeMs, ctimeMs } = await fsp.stat(file);
    return { ino, size, mtimeMs, ctimeMs };
  } catch (error) {
    const code = errnoCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw new FileAccessError(
      "file-unreadable",
      file,
      { reason: reasonOf(error) },
      { cause: error },
    );
  }
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Writes `bytes` to `target` so that readers see the old file or the new one, never half of
 * either: the bytes go to a temporary file in the same folder (same volume, so the rename is
 * atomic), flushed to disk, then renamed over the target. On failure the target is untouched, the
 * temporary file is removed and a `FileAccessError` (`file-unwritable`) is thrown. With
 * `unchangedSince`, a target that is no longer as that stamp says (another program saved,
 * replaced or removed it) is left as it is: `file-changed`.
 */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  options: { unchangedSince?: FileStamp } = {},
): Promise<void> {
  const folder = path.dirname(target);
  const temporary = path.join(
    folder,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  let created = false;
  try {
    const mode = await existingMode(target);
    const handle = await fsp.open(temporary, "wx", mode);
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (
      options.unchangedSince !== undefined &&
      !sameStamp(await fileStamp(target), options.unchangedSince)
    ) {
      throw new FileAccessError("file-changed", target);
    }
    await fsp.rename(temporary, target);
    created = false;
  } catch (error) {
    if (created) await fsp.rm(temporary, { force: true }).catch(() => undefined);
    if (error instanceof FileAccessError) throw error;
    throw new FileAccessError(
      "file-unwritable",
      target,
      { reason: reasonOf(error) },
      { cause: error },
    );
  }
}

// A regenerated file keeps the permissions of the one it replaces.
async function existingMode(target: string): Promise<number | undefined> {
  try {
    return (await fsp.stat(target)).mode & 0o777;
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return undefined;
    throw error;
  }
}
