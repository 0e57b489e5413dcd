import { makeGridView } from "./gridView";
import { formatNotice } from "../messages";
import { readHistory } from "./readHistory";
import { isSubHeaderRow, withTwoRowHeader } from "./twoRowHeader";

const twoLines = [
  ["单据日期", "客户名称", "数量", "金额", "", "业务员"],
  ["", "", "", "含税单价", "价税合计", ""],
  ["2025.03.15", "甲公司", 10, 11.3, 113, "张三"],
  ["2025.04.02", "乙公司", 5, 22.6, 113, "李四"],
];

describe("two-line headers", () => {
  it("joins a merged group header with its sub-headers and keeps single headers", () => {
    const view = withTwoRowHeader(makeGridView({ sheet: "S", values: twoLines }), 0);
    expect([0, 1, 2, 3, 4, 5].map((c) => view.cell(1, c))).toEqual([
      "单据日期",
      "客户名称",
      "数量",
      "金额 含税单价",
      "金额 价税合计",
      "业务员",
    ]);
    expect(view.cell(2, 4)).toBe(113);
  });

  it("reads a header merged into both lines once", () => {
    const filled = [
      ["日期", "金额", "金额"],
      ["日期", "单价", "价税合计"],
    ];
    const view = withTwoRowHeader(makeGridView({ sheet: "S", values: filled }), 0);
    expect([view.cell(1, 0), view.cell(1, 1), view.cell(1, 2)]).toEqual([
      "日期",
      "金额 单价",
      "金额 价税合计",
    ]);
  });

  it("tells a sub-header row from a data row, a total row and a lone note", () => {
    const view = (rows: (string | number)[][]) => makeGridView({ sheet: "S", values: rows });
    expect(isSubHeaderRow(view(twoLines), 0, 0)).toBe(true);
    expect(isSubHeaderRow(view([twoLines[0], twoLines[2]]), 0, 0)).toBe(false);
    expect(isSubHeaderRow(view([twoLines[0], ["合计", "", "", "", 226, ""]]), 0, 0)).toBe(false);
    expect(
      isSubHeaderRow(
        view([
          ["日期", "金额"],
          ["", "", "", "", "备注"],
        ]),
        0,
        0,
      ),
    ).toBe(false);
    expect(
      isSubHeaderRow(
        view([
          ["日期", "金额", ""],
          ["", "", "单价"],
        ]),
        0,
        0,
      ),
    ).toBe(false);
  });

  it("sums the price-plus-tax column, not the unit price under the same group header", () => {
    const read = readHistory({ sheet: "销售明细", values: [["销售明细表"], [], ...twoLines] });
    expect(read.error).toBeUndefined();
    expect(read.headerRow).toBe(3);
    expect(read.columns.amount).toMatchObject({ column: 4, header: "金额 价税合计" });
    expect(read.records.map((r) => r.amount)).toEqual([113, 113]);
    expect(read.skipped).toEqual([]);
  });
});

describe("several amount columns", () => {
  const read = (header: string[]) =>
    readHistory({
      sheet: "S",
      values: [header, ["2025-03-15", ...header.slice(1).map((_, i) => 100 * (i + 1))]],
    });

  it.each([
    [["日期", "价税合计", "税额", "无税金额"], "无税金额"],
    [["日期", "含税金额", "金额"], "金额"],
    [["Billing Date", "Gross Value", "Tax Amount", "Net Value"], "Net Value"],
    [["Date", "Amount incl. tax", "Amount"], "Amount"],
    [["单据日期", "无税金额", "本币无税金额", "价税合计", "本币价税合计"], "本币无税金额"],
    [
      ["Posting Date", "Amount in doc. currency", "Amount in local currency"],
      "Amount in local currency",
    ],
  ])("%j takes %s and says which it passed over", (header, used) => {
    const result = read(header);
    expect(result.columns.amount?.header).toBe(used);
    const ignored = header.filter((h, i) => i > 0 && h !== used && !/税额|Tax Amount/.test(h));
    expect(
      result.notes
        .filter((n) => n.code === "column-ignored")
        .map((n) => String(n.params.column))
        .sort(),
    ).toEqual(ignored.sort());
  });
});

describe("a header that only begins with a word of the amount", () => {
  it("is no amount: codes of a sales organisation are never summed", () => {
    const result = readHistory({
      sheet: "S",
      values: [
        ["Billing Date", "Sales Organization", "Customer", "Betrag"],
        ["2025-01-15", 1000, "ACME", "5,000.00"],
      ],
    });
    expect(result.error?.code).toBe("no-amount-column");
    expect(formatNotice(result.error!, "en-US")).toContain(
      'its headers are "Billing Date", "Sales Organization", "Customer", "Betrag"',
    );
  });
});
