import { createExcelPort, type ExcelPort } from "../src/excel";
import {
  createFakeWorkbook,
  type FakeSheetInit,
  type FakeWorkbook,
} from "../test/support/excelFake";

/** What one port call cost over the strict in-memory workbook. */
export type PortMeasure = {
  /** Blocks the port reported progress for. */
  blocks: number;
  /** Round trips (`context.sync()` calls that sent something). */
  syncs: number;
  /** Largest request, in UTF-8 bytes of its JSON, as the in-memory workbook measures it. */
  max_request_bytes: number;
  /** Largest response, measured the same way. */
  max_response_bytes: number;
};

/** The strict in-memory workbook holding these sheets, and the Excel port over it. */
export function openPort(sheets: FakeSheetInit[]): { fake: FakeWorkbook; port: ExcelPort } {
  const fake = createFakeWorkbook({ sheets });
  return { fake, port: createExcelPort(fake.host, { isSetSupported: fake.isSetSupported }) };
}

/** The workbook's counts after a call, with the blocks its progress reported. */
export function measured(fake: FakeWorkbook, blocks: number): PortMeasure {
  return {
    blocks,
    syncs: fake.stats.syncs,
    max_request_bytes: Math.max(0, ...fake.stats.requestBytes),
    max_response_bytes: Math.max(0, ...fake.stats.responseBytes),
  };
}
