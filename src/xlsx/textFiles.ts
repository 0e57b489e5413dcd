import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { FileAccessError, reasonOf } from "./fileErrors";
import { readRegularFile } from "./readRegularFile";
import { writeFileAtomic } from "./writeFileAtomic";

/**
 * A UTF-8 text file (a plan file, say), without its byte-order mark if it has one; with
 * `maxBytes`, a larger file is refused unread. Throws `FileAccessError` (`file-not-found`,
 * `file-not-regular`, `file-too-large`, `file-unreadable`).
 * @example const plan = JSON.parse(await readTextFile("plan.json", { maxBytes: 10 * 1024 * 1024 }));
 */
export async function readTextFile(
  filePath: string,
  options: { maxBytes?: number } = {},
): Promise<string> {
  const text = (await readRegularFile(filePath, options)).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Writes a UTF-8 text file atomically (temporary file, then rename): readers never see half of
 * it. Throws `FileAccessError` (`file-unwritable`); the old file is then unchanged.
 * @example await writeTextFileAtomic("result.json", JSON.stringify(result));
 */
export async function writeTextFileAtomic(filePath: string, text: string): Promise<void> {
  await writeFileAtomic(filePath, new TextEncoder().encode(text));
}

/**
 * Creates the folder a file is to be written in, with its parents, when missing.
 * @example await ensureParentFolder("out/plan.xlsx")
 */
export async function ensureParentFolder(filePath: string): Promise<void> {
  try {
    await fsp.mkdir(path.dirname(path.resolve(filePath)), { recursive: true });
  } catch (error) {
    throw new FileAccessError(
      "file-unwritable",
      filePath,
      { reason: reasonOf(error) },
      { cause: error },
    );
  }
}
