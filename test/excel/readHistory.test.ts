import type { CellValue, Grid } from "../../src/engine/grid";
import { readHistory } from "../../src/engine/reader/readHistory";
import type { Progress } from "../../src/excel";
import { READ_BLOCK_CELLS } from "../../src/excel/readHistoryInBlocks";
import { generateHistory } from "../../src/sample/generateHistory";
import type { FakeSheetInit } from "../support/excelFake";
import { open, portError } from "./support/openPort";

/**
 * What Excel gives for a sheet's used range (values only): a rectangle from the first to the last
 * row and column holding a value, blanks `""`, formats General where none.
 */
function usedRangeOf(sheet: FakeSheetInit): { values: CellValue[][]; numberFormats: string[][] } {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const valueRow: CellValue[] = [];
    const formatRow: string[] = [];
    for (let c = left; c <= right; c++) {
      valueRow.push(sheet.values[r]?.[c] ?? "");
      formatRow.push(sheet.numberFormats?.[r]?.[c] || "General");
    }
    values.push(valueRow);
    numberFormats.push(formatRow);
  }
  return { values, numberFormats };
}

function generatedHistory(rows: number, seed = 11): Grid {
  return generateHistory({
    language: "en-US",
    planYear: 2026,
    actualMonths: 4,
    rows,
    seed,
    messy: true,
  });
}

function historySheet(rows: number, seed = 11): FakeSheetInit {
  const grid = generatedHistory(rows, seed);
  return { name: grid.sheet, values: grid.values, numberFormats: grid.numberFormats };
}

describe("reading a 100,000-row history", () => {
  const file = generatedHistory(100_000);
  const sheet: FakeSheetInit = {
    name: file.sheet,
    values: file.values,
    numberFormats: file.numberFormats,
  };
  const expected = usedRangeOf(sheet);
  const rows = expected.values.length;

  it("takes requests that grow with blocks, not rows, and gives the sheet's contents exactly", async () => {
    const { fake, port } = open([sheet]);
    const progress: Progress[] = [];
    const grid = await port.readHistory(
      { kind: "sheet", name: "Sales" },
      { onProgress: (p) => progress.push(p) },
    );

    expect(rows).toBeGreaterThan(95_000);
    expect(fake.stats.syncs).toBeLessThanOrEqual(Math.ceil(rows / 5000) + 3);
    // Several blocks share a request once their size is known.
    expect(fake.stats.syncs).toBeLessThan(Math.ceil(rows / 5000));
    expect(Math.max(...fake.stats.responseBytes)).toBeLessThan(4_000_000);
    expect(Math.max(...fake.stats.requestBytes)).toBeLessThan(20_000);

    expect(grid.sheet).toBe("Sales");
    expect(grid.origin).toEqual({ row: 0, column: 0 });
    // Compared as text: 800,000 cells are slow to compare one by one.
    expect(JSON.stringify(grid.values) === JSON.stringify(expected.values)).toBe(true);
    expect(JSON.stringify(grid.numberFormats) === JSON.stringify(expected.numberFormats)).toBe(
      true,
    );
    // Every request only loaded: nothing was set or called.
    expect(fake.stats.changingActions.every((n) => n === 0)).toBe(true);

    expect(progress[progress.length - 1]).toEqual({ phase: "read", done: rows, total: rows });
    expect(progress.length).toBeGreaterThanOrEqual(Math.ceil(rows / 5000));
    expect(progress.every((p, i) => i === 0 || p.done > progress[i - 1].done)).toBe(true);

    // The engine reads the same history from Excel's grid as from the file's.
    const fromExcel = readHistory(grid);
    const fromFile = readHistory(file);
    expect(fromExcel.records.length).toBe(fromFile.records.length);
    expect(fromExcel.skipped.map((s) => [s.cell, s.code])).toEqual(
      fromFile.skipped.map((s) => [s.cell, s.code]),
    );
  });

  it("stops between requests when cancelled", async () => {
    const { fake, port } = open([sheet]);
    const abort = new AbortController();
    let syncsAtAbort = 0;
    const error = await portError(
      port.readHistory(
        { kind: "sheet", name: "Sales" },
        {
          signal: abort.signal,
          onProgress: ({ done }) => {
            if (done > 0 && !abort.signal.aborted) {
              abort.abort();
              syncsAtAbort = fake.stats.syncs;
            }
          },
        },
      ),
    );
    expect(error.code).toBe("cancelled");
    expect(fake.stats.syncs).toBe(syncsAtAbort);
    expect(Number(error.params.done)).toBeLessThan(rows);
  });
});

describe("reading a history", () => {
  it("needs a number of requests that grows with the number of blocks", async () => {
    const syncsFor = async (rowCount: number) => {
      const { fake, port } = open([historySheet(rowCount, 3)]);
      await port.readHistory({ kind: "sheet", name: "Sales" });
      return fake.stats.syncs;
    };
    const small = await syncsFor(4000);
    const large = await syncsFor(40_000);
    expect(small).toBe(2);
    expect(large).toBeGreaterThan(small);
    expect(large).toBeLessThanOrEqual(40_000 / 5000 + 3);
  });

  it("reads a wide sheet in blocks of at most 10,000 cells, without more requests for it", async () => {
    const columns = 40;
    const values = Array.from({ length: 4000 }, (_, r) =>
      Array.from({ length: columns }, (_, c) => (r === 0 ? `Column ${c + 1}` : r * columns + c)),
    );
    const { fake, port } = open([{ name: "Wide", values }]);
    const progress: Progress[] = [];
    const grid = await port.readHistory(
      { kind: "sheet", name: "Wide" },
      { onProgress: (p) => progress.push(p) },
    );
    expect(grid.values).toEqual(values);
    const blocks = progress.slice(1).map((p, i) => p.done - progress[i].done);
    expect(blocks.length).toBe(4000 / (READ_BLOCK_CELLS / columns));
    expect(Math.max(...blocks) * columns).toBeLessThanOrEqual(READ_BLOCK_CELLS);
    // Blocks share requests: round trips follow the bytes, not the blocks.
    expect(fake.stats.syncs).toBeLessThanOrEqual(4);
  });

  it("gives an empty grid for a blank sheet, in one request", async () => {
    const { fake, port } = open([{ name: "Empty", values: [] }]);
    expect(await port.readHistory({ kind: "sheet", name: "Empty" })).toEqual({
      sheet: "Empty",
      values: [],
      numberFormats: [],
    });
    expect(fake.stats.syncs).toBe(1);
  });

  it("keeps where the used range starts", async () => {
    const { port } = open([
      {
        name: "Offset",
        values: [[], [], [null, "Date", "Amount"], [null, 45658, "12"], [null, null, 5]],
        numberFormats: [[], [], [], ["", "yyyy-mm-dd"]],
      },
    ]);
    expect(await port.readHistory({ kind: "sheet", name: "offset" })).toEqual({
      sheet: "Offset",
      values: [
        ["Date", "Amount"],
        [45658, "12"],
        ["", 5],
      ],
      numberFormats: [
        ["General", "General"],
        ["yyyy-mm-dd", "General"],
        ["General", "General"],
      ],
      origin: { row: 2, column: 1 },
    });
  });

  it("reads an Excel table from its sheet", async () => {
    const { fake, port } = open(
      [
        {
          name: "Data",
          values: [
            ["Notes above the table"],
            [],
            [null, "Date", "Rep", "Amount"],
            [null, 45658, "Ann", 10],
            [null, 45659, "Bo", 20],
          ],
        },
      ],
      { tables: [{ name: "SalesTable", sheet: "Data", address: "B3:D5" }] },
    );
    const grid = await port.readHistory({ kind: "table", name: "SalesTable" });
    expect(grid.sheet).toBe("Data");
    expect(grid.origin).toEqual({ row: 2, column: 1 });
    expect(grid.values).toEqual([
      ["Date", "Rep", "Amount"],
      [45658, "Ann", 10],
      [45659, "Bo", 20],
    ]);
    expect(fake.stats.changingActions).toEqual([0, 0]);
  });

  it("says which source is missing", async () => {
    const { port } = open([{ name: "Data", values: [[1]] }]);
    expect(await portError(port.readHistory({ kind: "sheet", name: "Sales" }))).toMatchObject({
      code: "source-not-found",
      params: { kind: "sheet", name: "Sales" },
    });
    expect(await portError(port.readHistory({ kind: "table", name: "T1" }))).toMatchObject({
      code: "source-not-found",
      params: { kind: "table", name: "T1" },
    });
  });

  it("asks again in smaller pieces when Excel refuses a response for its size", async () => {
    const text = (r: number, c: number) => `${r}:${c} ${"note ".repeat(80)}`;
    const values = Array.from({ length: 6000 }, (_, r) => [0, 1, 2, 3].map((c) => text(r, c)));
    const { fake, port } = open([{ name: "Notes", values }]);
    const grid = await port.readHistory({ kind: "sheet", name: "Notes" });
    expect(grid.values).toEqual(values);
    expect(fake.stats.responseBytes.some((b) => b > 5 * 1024 * 1024)).toBe(true);
    expect(fake.stats.syncs).toBeLessThan(20);
  });

  it("works on Excel with only ExcelApi 1.4", async () => {
    const sheet = historySheet(3000);
    const { port } = open([sheet], { requirementSets: ["ExcelApi 1.4"] });
    const grid = await port.readHistory({ kind: "sheet", name: "Sales" });
    expect(grid.values).toEqual(usedRangeOf(sheet).values);
  });
});

describe("reading a history with merged cells", () => {
  // A region merged over the rows of its reps, as people lay out a report.
  const report: FakeSheetInit = {
    name: "Q1, East",
    values: [
      ["Sales by rep", null, null, null],
      ["Date", "Region", "Rep", "Amount"],
      [45658, "East", "Ann", 10],
      [45659, null, "Bo", 20],
      [45660, null, "Cy", 30],
      [45661, "West", "Di", 40],
    ],
    numberFormats: [[], [], ["yyyy-mm-dd"], ["yyyy-mm-dd"], ["yyyy-mm-dd"], ["yyyy-mm-dd"]],
    merges: ["A1:D1", "B3:B5"],
  };
  const regions = (grid: Grid) => readHistory(grid).records.map((r) => r.dims.region);

  it("lists them with the first request, so the reader fills each region for its rows", async () => {
    const { fake, port } = open([report]);
    const grid = await port.readHistory({ kind: "sheet", name: "Q1, East" });
    expect(grid.merges).toEqual(["A1:D1", "B3:B5"]);
    expect(grid.values[3][1]).toBe("");
    expect(regions(grid)).toEqual(["East", "East", "East", "West"]);
    expect(readHistory(grid).notes).toContainEqual({
      code: "merged-cells-filled",
      params: { cells: "Q1, East!B3:B5", count: 1 },
    });
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.changingActions.every((n) => n === 0)).toBe(true);
  });

  it("gives the merged areas of a table in sheet addresses, whatever the table's origin", async () => {
    const { port } = open([{ ...report, name: "Data" }], {
      tables: [{ name: "Sales", sheet: "Data", address: "A2:D6" }],
    });
    const grid = await port.readHistory({ kind: "table", name: "Sales" });
    expect(grid.origin).toEqual({ row: 1, column: 0 });
    // The title's merge lies outside the table.
    expect(grid.merges).toEqual(["B3:B5"]);
    expect(regions(grid)).toEqual(["East", "East", "East", "West"]);
  });

  it("reads as before on Excel without ExcelApi 1.13", async () => {
    const { fake, port } = open([report], { requirementSets: ["ExcelApi 1.12"] });
    const grid = await port.readHistory({ kind: "sheet", name: "Q1, East" });
    expect(grid.merges).toBeUndefined();
    expect(regions(grid)).toEqual(["East", undefined, undefined, "West"]);
    expect(fake.stats.syncs).toBe(2);
  });

  it("reads without them when Excel refuses more than 512 merged areas", async () => {
    const values: FakeSheetInit["values"] = [["Date", "Region", "Amount"]];
    const merges: string[] = [];
    for (let i = 0; i < 600; i++) {
      values.push([45658 + i, `R${i}`, 1], [45658 + i, null, 2]);
      merges.push(`B${values.length - 1}:B${values.length}`);
    }
    const { fake, port } = open([{ name: "Crowded", values, merges }]);
    const grid = await port.readHistory({ kind: "sheet", name: "Crowded" });
    expect(grid.merges).toBeUndefined();
    expect(grid.values).toHaveLength(1201);
    // The refused request, then the same rows again.
    expect(fake.stats.syncs).toBe(3);
  });
});
