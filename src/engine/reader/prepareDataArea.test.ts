import type { Grid } from "../grid";
import { formatNotice } from "../messages";
import { readHistory } from "./readHistory";

const brief = (grid: Grid) => {
  const result = readHistory(grid);
  return {
    ...result,
    rows: result.records.map((r) => [r.year, r.month, r.amount, r.dims.region ?? "(blank)"]),
    skips: result.skipped.map((s) => [s.cell, s.code]),
  };
};

describe("readHistory: formulas whose result the file never saved", () => {
  const sales = (formulasWithoutValue: string[]): Grid => ({
    sheet: "销售明细",
    values: [
      ["日期", "大区", "单价", "数量", "金额"],
      ["2025-01-05", "华东", 2, 3, 6],
      ["2025-01-06", "华东", 2, 4, null],
      ["2025-01-07", "华南", 5, 1, null],
    ],
    formulasWithoutValue,
  });

  it("is an error naming the first such amount cell, in both languages", () => {
    const result = readHistory(sales(["E4", "E3"]));
    expect(result.records).toEqual([]);
    expect(result.error).toEqual({
      code: "formula-without-value",
      params: { sheet: "销售明细", role: "amount" },
      cell: "E3",
    });
    expect(result.headerRow).toBe(0);
    expect(formatNotice(result.error!, "en-US")).toBe(
      "amount is a formula with no saved value: open the file in Excel or LibreOffice, recalculate and save it",
    );
    expect(formatNotice(result.error!, "zh-CN")).toBe(
      "金额是公式，但文件中没有保存它的计算结果：请用 Excel 或 LibreOffice 打开文件，重新计算后保存",
    );
  });

  it("passes over a total row's unsaved sums: the row is skipped as a total anyway", () => {
    const grid = sales([]);
    grid.values.push(["合计", null, null, null, null]);
    grid.formulasWithoutValue = ["D5", "E5"];
    const result = readHistory(grid);
    expect(result.error).toBeUndefined();
    expect(result.skipped.map((s) => [s.cell, s.code])).toContainEqual(["A5", "total-row"]);
  });

  it("names the role of any column the reader takes: a date, a region", () => {
    expect(readHistory(sales(["A4"])).error).toMatchObject({
      params: { role: "date" },
      cell: "A4",
    });
    expect(readHistory(sales(["B3"])).error).toMatchObject({
      params: { role: "region" },
      cell: "B3",
    });
  });

  it("ignores such cells in columns the reader does not use, and in the header", () => {
    // C is a unit price: never read. A formula header above the data is not data.
    const result = brief(sales(["C3", "C4", "E1"]));
    expect(result.error).toBeUndefined();
    expect(result.rows).toEqual([[2025, 1, 6, "华东"]]);
  });

  it("checks the month cells and dimensions of a wide history", () => {
    const wide: Grid = {
      sheet: "By rep",
      values: [
        ["Region", "Rep", "2025-01", "2025-02"],
        ["East", "Ann", 10, null],
      ],
      formulasWithoutValue: ["D2"],
    };
    expect(readHistory(wide).error).toEqual({
      code: "formula-without-value",
      params: { sheet: "By rep", role: "amount" },
      cell: "D2",
    });
  });

  it("counts addresses from the grid's origin", () => {
    const offset: Grid = {
      sheet: "Data",
      origin: { row: 4, column: 2 },
      values: [
        ["Date", "Amount"],
        ["2025-03-01", null],
      ],
      formulasWithoutValue: ["D6"],
    };
    expect(readHistory(offset).error?.cell).toBe("D6");
  });
});

describe("readHistory: merged cells", () => {
  const merged: Grid = {
    sheet: "销售明细",
    values: [
      ["销售明细 2025", null, null, null],
      ["日期", "大区", "业务员", "金额"],
      ["2025-01-05", "华东", "张三", 100],
      ["2025-01-06", null, "李四", 200],
      ["2025-01-07", null, "王五", 300],
      ["2025-02-01", "华南", "赵六", 400],
      ["2025-02-02", "华北", "钱七", 900],
      ["2025-02-03", "华北", "孙八", null],
    ],
    merges: ["A1:D1", "B3:B5", "D7:D8"],
  };
  const result = brief(merged);

  it("reads a region merged over B3:B5 as the region of rows 3 to 5", () => {
    expect(result.error).toBeUndefined();
    expect(result.rows).toEqual([
      [2025, 1, 100, "华东"],
      [2025, 1, 200, "华东"],
      [2025, 1, 300, "华东"],
      [2025, 2, 400, "华南"],
      [2025, 2, 900, "华北"],
    ]);
  });

  it("counts an amount merged over two rows once, and says both", () => {
    expect(result.skips).toEqual([["D8", "amount-missing"]]);
    expect(result.notes).toEqual([
      { code: "merged-cells-filled", params: { cells: "销售明细!B3:B5", count: 1 } },
      { code: "merged-amounts-once", params: { cells: "销售明细!D7:D8", count: 1 } },
    ]);
    expect(formatNotice(result.notes[0], "en-US")).toBe(
      "merged cells read as their top-left value in every row they cover: 销售明细!B3:B5",
    );
    expect(formatNotice(result.notes[1], "zh-CN")).toBe(
      "合并的金额单元格只计一次，计在其第一个单元格：销售明细!D7:D8",
    );
  });

  it("leaves merged header cells as they are", () => {
    // The title merged over A1:D1 is above the header: neither filled nor reported.
    expect(result.headerRow).toBe(1);
    expect(JSON.stringify(result.notes)).not.toContain("A1:D1");
  });

  it("fills the dimensions of a wide history, never its month cells", () => {
    const wide = brief({
      sheet: "By rep",
      values: [
        ["Region", "Rep", "2025-01", "2025-02", "2025-03"],
        ["East", "Ann", 10, null, 30],
        [null, "Bo", 5, 6, 7],
      ],
      merges: ["A2:A3", "C2:D2"],
    });
    expect(wide.rows).toEqual([
      [2025, 1, 10, "East"],
      [2025, 3, 30, "East"],
      [2025, 1, 5, "East"],
      [2025, 2, 6, "East"],
      [2025, 3, 7, "East"],
    ]);
    expect(wide.notes.map((n) => n.code)).toEqual(["merged-cells-filled", "merged-amounts-once"]);
  });

  it("lists five areas at most and says how many there are", () => {
    const rows: Grid["values"] = [["Date", "Region", "Amount"]];
    const merges: string[] = [];
    for (let i = 0; i < 7; i++) {
      rows.push([`2025-0${i + 1}-01`, `R${i}`, 1], [`2025-0${i + 1}-02`, null, 1]);
      merges.push(`B${rows.length - 1}:B${rows.length}`);
    }
    const notes = readHistory({ sheet: "S", values: rows, merges }).notes;
    expect(notes).toHaveLength(1);
    expect(notes[0].params).toEqual({
      cells: "S!B2:B3, S!B4:B5, S!B6:B7, S!B8:B9, S!B10:B11, …",
      count: 7,
    });
    expect(formatNotice(notes[0], "en-US")).toMatch(/, … \(7 areas\)$/);
    expect(formatNotice(notes[0], "zh-CN")).toMatch(/（共 7 处）$/);
  });
});

describe("readHistory: cells the grid left out", () => {
  it("says which cells far outside the data were not read", () => {
    const result = readHistory({
      sheet: "Sales",
      values: [
        ["Date", "Amount"],
        ["2025-01-05", 10],
      ],
      cellsLeftOut: { count: 1, first: ["XFD1048576"] },
    });
    expect(result.records).toHaveLength(1);
    expect(result.notes).toEqual([
      { code: "cells-left-out", params: { cells: "Sales!XFD1048576", count: 1 } },
    ]);
    expect(formatNotice(result.notes[0], "en-US")).toBe(
      "1 cell(s) far outside the data were not read: Sales!XFD1048576",
    );
  });
});
