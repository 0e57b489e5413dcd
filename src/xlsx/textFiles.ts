import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { FileAccessError, reasonOf } from "./fileErrors";
import { readBytes } from "./readHistoryFile";
import { writeFileAtomic } from "./writeFileAtomic";

/**
 * A UTF-8 text file (a plan file, say), without its byte-order mark if it has one. Throws
 * `FileAccessError` (`file-not-found`, `file-unreadable`).
 * @example const plan = JSON.parse(await readTextFile("plan.json"));
 */
export async function readTextFile(filePath: string): Promise<string> {
  const text = (await readBytes(filePath)).toString("utf8");
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
