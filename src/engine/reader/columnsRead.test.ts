import { columnsRead } from "./columnsRead";
import { readHistory } from "./readHistory";

describe("columnsRead", () => {
  it("names the date, amount, level and customer columns of a long history", () => {
    const history = readHistory(
      {
        sheet: "S",
        values: [
          ["单据日期", "客户名称", "部门", "业务员", "价税合计", "无税金额"],
          ["2025-01-05", "甲", "一部", "张三", 113, 100],
        ],
      },
      { dimensions: ["部门", "rep"] },
    );
    expect(columnsRead(history, ["部门", "rep"])).toEqual([
      { role: "date", header: "单据日期", column: "A" },
      { role: "amount", header: "无税金额", column: "F" },
      { role: "部门", header: "部门", column: "C" },
      { role: "rep", header: "业务员", column: "D" },
      { role: "customer", header: "客户名称", column: "B" },
    ]);
  });

  it("names a wide history's month columns as one range", () => {
    const history = readHistory({
      sheet: "S",
      values: [
        ["", "Report"],
        ["", "Region", "Jan 2025", "Feb 2025", "Mar 2025", "Total"],
        ["", "East", 1, 2, 3, 6],
      ],
    });
    expect(columnsRead(history, ["region"])).toEqual([
      { role: "months", header: "Jan 2025 … Mar 2025", column: "C:E" },
      { role: "region", header: "Region", column: "B" },
    ]);
  });
});
