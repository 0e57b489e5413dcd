import { randomBytes } from "node:crypto";
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { FileAccessError, errnoCode, reasonOf } from "./fileErrors";

/**
 * Writes `bytes` to `target` so that readers see the old file or the new one, never half of
 * either: the bytes go to a temporary file in the same folder (same volume, so the rename is
 * atomic), flushed to disk, then renamed over the target. On failure the target is untouched, the
 * temporary file is removed and a `FileAccessError` (`file-unwritable`) is thrown.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
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
    await fsp.rename(temporary, target);
    created = false;
  } catch (error) {
    if (created) await fsp.rm(temporary, { force: true }).catch(() => undefined);
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
