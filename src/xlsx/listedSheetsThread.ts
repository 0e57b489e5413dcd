import { existsSync } from "node:fs";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { FileAccessError, type FileAccessErrorCode } from "./fileErrors";
import type { ListedSheetRead, ListedSheetScan } from "./readGeneratedSheets";

/** The compiled worker (`listedSheetsWorker.ts`), beside this file once built. */
const WORKER = path.join(__dirname, "listedSheetsWorker.js");

/** What a worker posts back: the sheets read, or why it could not read them. */
export type ListedSheetsMessage =
  | { reads: ListedSheetRead[] }
  | {
      error: {
        message: string;
        file?: { code: FileAccessErrorCode; path: string; params: Record<string, string | number> };
      };
    };

/**
 * Whether listed sheets can be read on a second thread: the compiled worker is there (`stp` as
 * built; not when the sources run as they are, in tests).
 * @example if (secondThreadAvailable()) await readListedSheetsOnThread("plan.xlsx", scans);
 */
export function secondThreadAvailable(): boolean {
  return existsSync(WORKER);
}

/**
 * The error a worker's message says, as this thread would have thrown it: a `FileAccessError`
 * with its code and parameters, any other as an `Error` with its message.
 * @example revivedError({ message: "…", file: { code: "zip-bomb", path: "plan.xlsx", params: {} } }).code === "zip-bomb"
 */
export function revivedError(error: Extract<ListedSheetsMessage, { error: unknown }>["error"]) {
  return error.file
    ? new FileAccessError(error.file.code, error.file.path, error.file.params)
    : new Error(error.message);
}

/**
 * Reads listed sheets of the plan workbook at `filePath` on a second thread, which opens the
 * file itself (`readListedSheets` there): what it reads comes back as values, the same as read
 * here. Rejects with the error the read met, a `FileAccessError` as such.
 * @example const reads = await readListedSheetsOnThread("plan.xlsx", [{ folded: "ANN", part: "xl/worksheets/sheet9.xml" }]);
 */
export function readListedSheetsOnThread(
  filePath: string,
  scans: readonly ListedSheetScan[],
): Promise<ListedSheetRead[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { filePath, scans } });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.once("message", (message: ListedSheetsMessage) =>
      settle(() =>
        "reads" in message ? resolve(message.reads) : reject(revivedError(message.error)),
      ),
    );
    worker.once("error", (error) => settle(() => reject(error)));
    worker.once("exit", (code) =>
      settle(() => reject(new Error(`the thread reading ${filePath} stopped (${code})`))),
    );
  });
}
