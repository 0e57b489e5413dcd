import type { CellValue } from "../grid";
import type { HistoryReadResult } from "../history";
import { formatNotice } from "../messages";
import { readHistory } from "./readHistory";
import { withNoRecordsError } from "./withNoRecordsError";

describe("withNoRecordsError", () => {
  it("says a header with no rows below it holds no history", () => {
    const read = readHistory({ sheet: "sales", values: [["Date", "Region", "Amount"], [], []] });
    expect(read.error).toEqual({
      code: "no-records",
      params: { sheet: "sales", layout: "long", skipped: 0 },
    });
    expect(formatNotice(read.error!, "en-US")).toBe("the sheet has a header but no rows below it");
    expect(formatNotice(read.error!, "zh-CN")).toBe("工作表有标题行，但其下没有数据行");
  });

  it("counts the rows skipped when no amount can be read, and gives the first one's cell and reason", () => {
    const values: CellValue[][] = [["Date", "Region", "Amount"]];
    for (let m = 1; m <= 12; m++) {
      for (let r = 0; r < 3; r++)
        values.push([`2025-${String(m).padStart(2, "0")}-0${r + 1}`, "East", "x"]);
    }
    const read = readHistory({ sheet: "sales", values });
    expect(read.records).toEqual([]);
    expect(read.skipped).toHaveLength(36);
    expect(read.error?.code).toBe("no-records");
    expect(formatNotice(read.error!, "en-US")).toBe(
      'no sales rows could be read (36 rows skipped; the first: C2: amount is not a number: "x")',
    );
    expect(formatNotice(read.error!, "zh-CN")).toBe(
      "没有可读取的销售行（跳过 36 行；第一处：C2：金额不是数字：“x”）",
    );
  });

  it("counts each row of a run of blank rows, and keeps the skipped rows for the user", () => {
    const read = readHistory({
      sheet: "S",
      values: [["日期", "销售额"], ["合计", 100], [], [], ["2025-01-01", "N/A"]],
    });
    expect(read.skipped.map((s) => [s.cell, s.code])).toEqual([
      ["A2", "total-row"],
      ["A3", "blank-row"],
      ["B5", "amount-not-number"],
    ]);
    expect(read.error?.params).toEqual({
      sheet: "S",
      layout: "long",
      skipped: 4,
      firstCell: "A2",
      firstCode: "total-row",
      "first.label": "合计",
    });
    expect(formatNotice(read.error!, "en-US")).toBe(
      'no sales rows could be read (4 rows skipped; the first: A2: total row "合计" is not counted as sales)',
    );
  });

  it("says a wide history's month columns hold no figures", () => {
    const read = readHistory({
      sheet: "Monthly",
      values: [
        ["Rep", "Jan 2025", "Feb 2025"],
        ["Ann", null, ""],
      ],
    });
    expect(read.error?.params).toEqual({ sheet: "Monthly", layout: "wide", skipped: 0 });
    expect(formatNotice(read.error!, "en-US")).toBe(
      "the sheet has a header but no figures in its month columns",
    );
    expect(formatNotice(read.error!, "zh-CN")).toBe("工作表有标题行，但月份列中没有数据");
  });

  it("leaves a read with a record, or with an error of its own, as it is", () => {
    const read: HistoryReadResult = {
      sheet: "S",
      layout: "long",
      headerRow: 0,
      columns: {},
      otherColumns: [],
      monthColumns: [],
      records: [{ year: 2025, month: 1, amount: 5, dims: {}, cell: "B2", transaction: true }],
      skipped: [],
      notes: [],
    };
    expect(withNoRecordsError(read)).toBe(read);
    const failed = { ...read, records: [], error: { code: "no-amount-column", params: {} } };
    expect(withNoRecordsError(failed)).toBe(failed);
  });
});
