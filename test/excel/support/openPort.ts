import { createExcelPort, ExcelPortError, type ExcelPort } from "../../../src/excel";
import {
  createFakeWorkbook,
  type FakeSheetInit,
  type FakeWorkbook,
  type FakeWorkbookInit,
} from "../../support/excelFake";

/** The strict in-memory workbook holding these sheets, and the Excel port over it. */
export function open(
  sheets: FakeSheetInit[],
  init: Omit<FakeWorkbookInit, "sheets"> = {},
): { fake: FakeWorkbook; port: ExcelPort } {
  const fake = createFakeWorkbook({ ...init, sheets });
  return { fake, port: createExcelPort(fake.host, { isSetSupported: fake.isSetSupported }) };
}

/** The ExcelPortError a call rejects with; fails the test when it resolves or throws another. */
export async function portError(promise: Promise<unknown>): Promise<ExcelPortError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExcelPortError) return error;
    throw error;
  }
  throw new Error("expected an ExcelPortError");
}
