import { parentPort, workerData } from "node:worker_threads";
import { FileAccessError } from "./fileErrors";
import type { ListedSheetsMessage } from "./listedSheetsThread";
import { readListedSheets, type ListedSheetScan } from "./readGeneratedSheets";
import { openWorkbookPackage, readPackageWorkbook, readSharedStrings } from "./workbookPackage";

/**
 * The second thread of `readGeneratedSheets`: opens the plan workbook, reads the listed sheets
 * it is given and posts what it read (or the error it met) back.
 */
async function read(): Promise<ListedSheetsMessage> {
  const { filePath, scans } = workerData as { filePath: string; scans: ListedSheetScan[] };
  try {
    const pkg = await openWorkbookPackage(filePath);
    const shared = await readSharedStrings(pkg, await readPackageWorkbook(pkg));
    return { reads: await readListedSheets(pkg, shared, scans) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return error instanceof FileAccessError
      ? { error: { message, file: { code: error.code, path: error.path, params: error.params } } }
      : { error: { message } };
  }
}

void read().then((message) => parentPort?.postMessage(message));
