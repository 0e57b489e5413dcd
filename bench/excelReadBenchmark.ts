import type { Grid } from "../src/engine/grid";
import { generateHistory } from "../src/sample/generateHistory";
import type { FakeSheetInit } from "../test/support/excelFake";
import { measured, openPort, type PortMeasure } from "./portMeasure";

/** A read of the history's first data rows. */
export type ReadMeasure = PortMeasure & { rows: number };

/**
 * The history `npm run bench` plans from (engine_1m_rows): about 1,000,000 transactions, 8
 * columns, 8 regions × 40 products × 200 reps × 4 channels.
 */
export function benchmarkHistory(): Grid {
  return generateHistory({
    language: "en-US",
    planYear: 2026,
    actualMonths: 6,
    rows: 1_000_000,
    seed: 1_000_000,
    messy: false,
    shape: { regions: 8, products: 40, reps: 200, channels: 4 },
  });
}

/** The header and the first `rows` data rows of a history, as a sheet. */
function firstRows(history: Grid, rows: number): FakeSheetInit {
  return {
    name: history.sheet,
    values: history.values.slice(0, rows + 1),
    numberFormats: history.numberFormats?.slice(0, rows + 1),
  };
}

/** Throws unless the grid read holds exactly the sheet's values and number formats. */
function checkRead(sheet: FakeSheetInit, read: Grid): void {
  const width = sheet.values.reduce((most, row) => Math.max(most, row.length), 0);
  if (read.values.length !== sheet.values.length)
    throw new Error(`read ${read.values.length} rows of ${sheet.values.length}`);
  sheet.values.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      const value = row[c] ?? "";
      const format = sheet.numberFormats?.[r]?.[c] || "General";
      if (read.values[r][c] !== value || read.numberFormats?.[r]?.[c] !== format) {
        throw new Error(
          `row ${r + 1}, column ${c + 1}: read ${JSON.stringify(read.values[r][c])} ` +
            `(${read.numberFormats?.[r]?.[c]}), the sheet holds ${JSON.stringify(value)} (${format})`,
        );
      }
    }
  });
}

/** Reads the sheet through the Excel port, checks what came back, and counts what it cost. */
export async function measureRead(history: Grid, rows: number): Promise<ReadMeasure> {
  const sheet = firstRows(history, rows);
  const { fake, port } = openPort([sheet]);
  let blocks = 0;
  const read = await port.readHistory(
    { kind: "sheet", name: sheet.name },
    { onProgress: ({ done }) => void (done > 0 && blocks++) },
  );
  checkRead(sheet, read);
  return { rows: sheet.values.length - 1, ...measured(fake, blocks) };
}
