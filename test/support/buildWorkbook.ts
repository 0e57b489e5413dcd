import ExcelJS from "exceljs";
import { fromA1 } from "../../src/engine/address";

/** A fixture cell: dates are written as dates (build them with `Date.UTC`, as ExcelJS reads them). */
export type FixtureValue = string | number | boolean | Date | null;

export type FixtureSheet = {
  name: string;
  rows: FixtureValue[][];
  /** Number formats by A1 address; a date cell without one gets `yyyy-mm-dd`. */
  numFmts?: Record<string, string>;
  /** Cells ExcelJS writes as given (formulas, rich text, hyperlinks, errors), by A1 address. */
  cells?: Record<string, ExcelJS.CellValue>;
  /** Ranges to merge, e.g. `"A1:D1"` for a title row. */
  merges?: string[];
  state?: "visible" | "hidden" | "veryHidden";
};

/**
 * Writes a small real .xlsx file from inline 2-D arrays, for tests of the file port and of the
 * command line: dates, numbers typed as text, title rows, hidden sheets.
 * @example await writeFixtureXlsx(file, [{ name: "Sales", rows: [["Date", "Amount"], [new Date(Date.UTC(2025, 0, 5)), "1,200"]] }])
 */
export async function writeFixtureXlsx(path: string, sheets: FixtureSheet[]): Promise<void> {
  const workbook = fixtureWorkbook(sheets);
  await workbook.xlsx.writeFile(path);
}

/** The ExcelJS workbook `writeFixtureXlsx` saves, for tests that add more (images…) first. */
export function fixtureWorkbook(sheets: FixtureSheet[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const fixture of sheets) {
    const sheet = workbook.addWorksheet(fixture.name, { state: fixture.state ?? "visible" });
    fixture.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = sheet.getCell(r + 1, c + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = "yyyy-mm-dd";
      });
    });
    for (const [address, value] of Object.entries(fixture.cells ?? {})) {
      sheet.getCell(checkedAddress(address)).value = value;
    }
    for (const [address, numFmt] of Object.entries(fixture.numFmts ?? {})) {
      sheet.getCell(checkedAddress(address)).numFmt = numFmt;
    }
    for (const range of fixture.merges ?? []) sheet.mergeCells(range);
  }
  return workbook;
}

function checkedAddress(address: string): string {
  if (!fromA1(address)) throw new Error(`not an A1 address: ${address}`);
  return address;
}
