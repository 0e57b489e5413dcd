import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readHistory } from "../../src/engine/reader/readHistory";
import { readHistoryFile } from "../../src/xlsx/readHistoryFile";
import { writeFixtureXlsx } from "../support/buildWorkbook";
import { rawXlsx, rowXml } from "../support/rawWorkbook";

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "stp-grid-"));
});
afterAll(() => fsp.rm(dir, { recursive: true, force: true }));

async function gridsOf(name: string, bytes: Buffer) {
  const file = path.join(dir, name);
  await fsp.writeFile(file, bytes);
  return readHistoryFile(file);
}

const header = rowXml(1, ["日期", "单价", "数量", "金额"]);

describe("formulas in a workbook written by a program that does not calculate", () => {
  it("lists the formulas without a saved value, shared ones included, and reads them blank", async () => {
    const [grid] = await gridsOf(
      "uncalculated.xlsx",
      await rawXlsx([
        {
          name: "销售明细",
          rows:
            header +
            rowXml(2, ["2025-01-05", 2, 3, { xml: '<c r="{ref}"><f>B2*C2</f></c>' }]) +
            rowXml(3, [
              "2025-01-06",
              2,
              4,
              { xml: '<c r="{ref}"><f t="shared" ref="D3:D4" si="0">B3*C3</f></c>' },
            ]) +
            rowXml(4, ["2025-01-07", 5, 1, { xml: '<c r="{ref}"><f t="shared" si="0"/></c>' }]) +
            // openpyxl writes an empty value element for a formula it did not calculate.
            rowXml(5, ["2025-01-08", 5, 2, { xml: '<c r="{ref}"><f>B5*C5</f><v></v></c>' }]),
        },
      ]),
    );
    expect(grid.formulasWithoutValue).toEqual(["D2", "D3", "D4", "D5"]);
    expect(grid.values.map((row) => row[3])).toEqual(["金额", null, null, null, null]);
    expect(readHistory(grid).error).toEqual({
      code: "formula-without-value",
      params: { sheet: "销售明细", role: "amount" },
      cell: "D2",
    });
  });

  it("reads saved results, 0, FALSE and empty text included, as values and not as unsaved", async () => {
    const [grid] = await gridsOf(
      "calculated.xlsx",
      await rawXlsx([
        {
          name: "Sales",
          rows:
            rowXml(1, ["Date", "Amount", "Paid", "Note"]) +
            rowXml(2, [
              "2025-01-05",
              { xml: '<c r="{ref}"><f>0*1</f><v>0</v></c>' },
              { xml: '<c r="{ref}" t="b"><f>1=2</f><v>0</v></c>' },
              { xml: '<c r="{ref}" t="str"><f>IF(1,"","x")</f><v></v></c>' },
            ]) +
            rowXml(3, [
              "2025-01-06",
              { xml: '<c r="{ref}"><f>2*6</f><v>12</v></c>' },
              null,
              { xml: '<c r="{ref}" t=\'str\'><f>""</f><v/></c>' },
            ]),
        },
      ]),
    );
    expect(grid.formulasWithoutValue).toBeUndefined();
    expect(grid.values).toEqual([
      ["Date", "Amount", "Paid", "Note"],
      ["2025-01-05", 0, false, null],
      ["2025-01-06", 12, null, null],
    ]);
  });
});

describe("merged cells in a workbook", () => {
  it("lists each merged area; only its top-left cell holds the value", async () => {
    const file = path.join(dir, "merged.xlsx");
    await writeFixtureXlsx(file, [
      {
        name: "销售明细",
        rows: [
          ["2025 年销售", null, null],
          ["日期", "大区", "金额"],
          ["2025-01-05", "华东", 100],
          ["2025-01-06", null, 200],
          ["2025-01-07", null, 300],
        ],
        merges: ["A1:C1", "B3:B5"],
      },
    ]);
    const [grid] = await readHistoryFile(file);
    expect(grid.merges).toEqual(["A1:C1", "B3:B5"]);
    expect(grid.values.map((row) => row[1])).toEqual([null, "大区", "华东", null, null]);
    const read = readHistory(grid);
    expect(read.records.map((r) => r.dims.region)).toEqual(["华东", "华东", "华东"]);
    expect(read.notes).toContainEqual({
      code: "merged-cells-filled",
      params: { cells: "销售明细!B3:B5", count: 1 },
    });
  });
});

describe("a sheet whose used range is far larger than its data", () => {
  it("keeps the data and leaves a stray cell at XFD1048576 out, saying so", async () => {
    let rows = rowXml(1, ["Date", "Region", "Amount"]);
    for (let r = 2; r <= 25; r++)
      rows += rowXml(r, [`2025-01-${String(r).padStart(2, "0")}`, "East", r]);
    rows += '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>';
    const [grid] = await gridsOf(
      "far.xlsx",
      await rawXlsx([{ name: "Sales", rows, dimension: "A1:XFD1048576" }]),
    );
    expect(grid.values).toHaveLength(25);
    expect(grid.values.every((row) => row.length === 3)).toBe(true);
    expect(grid.cellsLeftOut).toEqual({ count: 1, first: ["XFD1048576"] });
    const read = readHistory(grid);
    expect(read.records).toHaveLength(24);
    expect(read.notes).toContainEqual({
      code: "cells-left-out",
      params: { cells: "Sales!XFD1048576", count: 1 },
    });
  });

  it("keeps a sparse used range whole while it stays small", async () => {
    const rows = rowXml(1, ["Date", "Amount"]) + '<row r="300"><c r="Z300"><v>7</v></c></row>';
    const [grid] = await gridsOf("sparse.xlsx", await rawXlsx([{ name: "S", rows }]));
    expect(grid.values).toHaveLength(300);
    expect(grid.values[299][25]).toBe(7);
    expect(grid.cellsLeftOut).toBeUndefined();
  });
});
