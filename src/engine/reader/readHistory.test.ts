import fc from "fast-check";
import { fromA1, toA1 } from "../address";
import type { CellValue, Grid } from "../grid";
import { formatNotice } from "../messages";
import { HEADER_SEPARATOR } from "./headerSeparator";
import { readHistory } from "./readHistory";

const summary = (grid: Grid, options?: Parameters<typeof readHistory>[1]) => {
  const result = readHistory(grid, options);
  return {
    ...result,
    brief: result.records.map((r) => [r.year, r.month, r.amount, r.cell]),
    skips: result.skipped.map((s) => [s.cell, s.code]),
  };
};

describe("readHistory: a Chinese long history", () => {
  const grid: Grid = {
    sheet: "销售明细",
    values: [
      ["2024年销售明细"],
      [],
      ["日期", "大区", "产品线", "业务员", "客户", "销售额", "数量"],
      ["2024-01-05", "华东", "A线", "张三", "甲公司", "1,200.50", "10"],
      ["2024/2/10", "华南", "B线", "李四", "乙公司", "￥3,000", 5],
      [null, "", "  ", null, null, null, null],
      ["2024年3月15日", " 华东 ", "A线", "张三", "丙公司", "N/A", 1],
      ["2024.4.1", "华北", 1001, "王五", "丁公司", "(500)", "x"],
      ["合计", "", "", "", "", 3700.5, ""],
      [],
      ["", "", ""],
    ],
  };
  const result = summary(grid);

  it("finds the header under the title and the roles of its columns", () => {
    expect(result.error).toBeUndefined();
    expect(result.layout).toBe("long");
    expect(result.headerRow).toBe(2);
    expect(result.columns).toEqual({
      date: { column: 0, header: "日期", overridden: false },
      region: { column: 1, header: "大区", overridden: false },
      product: { column: 2, header: "产品线", overridden: false },
      rep: { column: 3, header: "业务员", overridden: false },
      customer: { column: 4, header: "客户", overridden: false },
      amount: { column: 5, header: "销售额", overridden: false },
      quantity: { column: 6, header: "数量", overridden: false },
    });
  });

  it("reads text dates and numbers stored as text", () => {
    expect(result.brief).toEqual([
      [2024, 1, 1200.5, "F4"],
      [2024, 2, 3000, "F5"],
      [2024, 4, -500, "F8"],
    ]);
    expect(result.records[0]).toEqual({
      year: 2024,
      month: 1,
      amount: 1200.5,
      quantity: 10,
      dims: { region: "华东", product: "A线", rep: "张三", customer: "甲公司" },
      cell: "F4",
      transaction: true,
    });
    expect(result.records[1].quantity).toBe(5);
  });

  it("turns numeric members into text and leaves out an unreadable quantity", () => {
    expect(result.records[2].dims.product).toBe("1001");
    expect(result.records[2]).not.toHaveProperty("quantity");
  });

  it("reports the blank row, the N/A amount and the total row, but not the empty tail", () => {
    expect(result.skipped).toEqual([
      { sheet: "销售明细", cell: "A6", code: "blank-row", params: { rows: 1 } },
      {
        sheet: "销售明细",
        cell: "F7",
        code: "amount-not-number",
        params: { value: "N/A", column: "销售额" },
      },
      { sheet: "销售明细", cell: "A9", code: "total-row", params: { label: "合计" } },
    ]);
    // "1,200.50" shows the decimal point, so the ambiguous "￥3,000" is 3,000: the note says so.
    expect(result.notes).toEqual([
      {
        code: "decimal-mark-assumed",
        params: {
          column: "销售额",
          convention: "point",
          basis: "values",
          example: "1,200.50",
          ambiguous: "￥3,000",
          reads: 3000,
        },
      },
    ]);
  });
});

describe("readHistory: a wide English history", () => {
  const grid: Grid = {
    sheet: "Sales",
    values: [
      ["Monthly sales by territory"],
      ["FY2023, USD"],
      ["Territory", "Sales Rep", 44927, 44958, "Mar 2023", "2023-04", "Total"],
      ["East", "Ann", 100, 200, "300", "", 600],
      ["West", "Cy", 50, null, "N/A", 70, 120],
      [],
      ["Grand Total", "", 150, 200, 300, 70, 720],
    ],
    numberFormats: [
      [],
      [],
      ["General", "General", "mmm-yy", "mmm-yy", "General", "General", "General"],
    ],
  };
  const result = summary(grid);

  it("takes date cells and month texts as month columns and ignores the Total column", () => {
    expect(result.error).toBeUndefined();
    expect(result.layout).toBe("wide");
    expect(result.headerRow).toBe(2);
    expect(result.monthColumns).toEqual([
      { column: 2, header: "2023-01", year: 2023, month: 1 },
      { column: 3, header: "2023-02", year: 2023, month: 2 },
      { column: 4, header: "Mar 2023", year: 2023, month: 3 },
      { column: 5, header: "2023-04", year: 2023, month: 4 },
    ]);
    expect(result.columns).toEqual({
      region: { column: 0, header: "Territory", overridden: false },
      rep: { column: 1, header: "Sales Rep", overridden: false },
    });
  });

  it("makes one record per non-blank month cell, addressed at that cell", () => {
    expect(result.brief).toEqual([
      [2023, 1, 100, "C4"],
      [2023, 2, 200, "D4"],
      [2023, 3, 300, "E4"],
      [2023, 1, 50, "C5"],
      [2023, 4, 70, "F5"],
    ]);
    expect(result.records.every((r) => !r.transaction)).toBe(true);
    expect(result.records[3].dims).toEqual({ region: "West", rep: "Cy" });
  });

  it("skips the unreadable cell and the Grand Total row; the Total column is never sales", () => {
    expect(result.skips).toEqual([
      ["E5", "amount-not-number"],
      ["A6", "blank-row"],
      ["A7", "total-row"],
    ]);
    expect(result.records.some((r) => r.cell.startsWith("G"))).toBe(false);
  });

  it("reads Chinese month headers", () => {
    const chinese = summary({
      sheet: "月度",
      values: [
        ["区域", "2023年1月", "2023年02月", "合计"],
        ["华东", 10, 20, 30],
        ["华东 合计", 10, 20, 30],
      ],
    });
    expect(chinese.layout).toBe("wide");
    expect(chinese.brief).toEqual([
      [2023, 1, 10, "B2"],
      [2023, 2, 20, "C2"],
    ]);
    expect(chinese.skips).toEqual([["A3", "total-row"]]);
  });

  it("reads serial headers without a format when they fall on the first of a month", () => {
    const plain = summary({
      sheet: "S",
      values: [
        ["Region", 44927, 44958],
        ["East", 1, 2],
      ],
    });
    expect(plain.layout).toBe("wide");
    expect(plain.brief).toEqual([
      [2023, 1, 1, "B2"],
      [2023, 2, 2, "C2"],
    ]);
  });
});

describe("readHistory: dates", () => {
  const long = (dates: CellValue[], formats?: string[]): Grid => ({
    sheet: "S",
    values: [["Date", "Amount"], ...dates.map((date, i) => [date, i + 1])],
    numberFormats: formats && [["General", "General"], ...formats.map((f) => [f, "General"])],
  });

  it("reads dd/mm when a first part is above 12, and says so", () => {
    const result = summary(long(["03/04/2024", "25/04/2024"]));
    expect(result.records.map((r) => r.month)).toEqual([4, 4]);
    expect(result.notes).toEqual([
      {
        code: "date-order-assumed",
        params: { column: "Date", order: "day-first", basis: "values", example: "25/04/2024" },
      },
    ]);
  });

  it("reads mm/dd when a second part is above 12, and says so", () => {
    const result = summary(long(["03/04/2024", "04/25/2024"]));
    expect(result.records.map((r) => r.month)).toEqual([3, 4]);
    expect(result.notes[0].params).toMatchObject({ order: "month-first", basis: "values" });
  });

  it("assumes mm/dd when nothing tells, and says so", () => {
    const result = summary(long(["03/04/2024", "05/06/2024"]));
    expect(result.records.map((r) => r.month)).toEqual([3, 5]);
    expect(result.notes[0].params).toMatchObject({ order: "month-first", basis: "default" });
  });

  it("skips a date that contradicts the order the column shows", () => {
    const result = summary(long(["13/04/2024", "14/04/2024", "04/15/2024"]));
    expect(result.records.map((r) => r.month)).toEqual([4, 4]);
    expect(result.skipped).toEqual([
      {
        sheet: "S",
        cell: "A4",
        code: "date-not-readable",
        params: { value: "04/15/2024", column: "Date" },
      },
    ]);
  });

  it("knows serial 60 is Excel's 29 Feb 1900 and 61 is 1 Mar 1900", () => {
    const result = summary(
      long([59, 60, 61, 1], ["yyyy-mm-dd", "yyyy-mm-dd", "m/d/yyyy", "d-mmm-yy"]),
    );
    expect(result.records.map((r) => [r.year, r.month])).toEqual([
      [1900, 2],
      [1900, 2],
      [1900, 3],
      [1900, 1],
    ]);
  });

  it("reads numbers without a date format as serials or yyyymm, and says so", () => {
    const result = summary(long([45366, 202403, 20240315], ["General", "General", "0"]));
    expect(result.records.map((r) => [r.year, r.month])).toEqual([
      [2024, 3],
      [2024, 3],
      [2024, 3],
    ]);
    expect(result.notes.map((n) => n.params.kind)).toEqual(["serial", "yyyymm", "yyyymmdd"]);
    expect(result.notes[0]).toEqual({
      code: "date-number-assumed",
      params: { column: "Date", kind: "serial", example: "45366", reads: "2024-03" },
    });
  });

  it("reports blank, unreadable and boolean dates at the date cell", () => {
    const result = summary(long(["", "soon", true, 42, "Mar 2024 15:00"]));
    expect(result.skipped.map((s) => [s.cell, s.code, s.params.value])).toEqual([
      ["A2", "date-missing", undefined],
      ["A3", "date-not-readable", "soon"],
      ["A4", "date-not-readable", "TRUE"],
      ["A5", "date-not-readable", "42"],
    ]);
    expect(result.records).toHaveLength(1);
  });

  it("dates month numbers from a year column", () => {
    const result = summary({
      sheet: "S",
      values: [
        ["年份", "月份", "大区", "销售额"],
        [2024, 3, "华东", 100],
        ["2024年", "4月", "华东", 200],
        ["", 5, "华东", 300],
      ],
    });
    expect(result.brief).toEqual([
      [2024, 3, 100, "D2"],
      [2024, 4, 200, "D3"],
    ]);
    expect(result.skips).toEqual([["A4", "date-missing"]]);
    expect(result.notes).toEqual([
      { code: "year-column-used", params: { column: "月份", yearColumn: "年份" } },
    ]);
  });
});

describe("readHistory: rows it does not take", () => {
  it("collapses a run of blank rows inside the data into one entry", () => {
    const result = summary({
      sheet: "S",
      values: [
        ["Date", "Amount"],
        ["2024-01-01", 1],
        [],
        [null],
        ["", " "],
        ["2024-02-01", 2],
        [],
        [],
      ],
    });
    expect(result.skipped).toEqual([
      { sheet: "S", cell: "A3", code: "blank-row", params: { rows: 3, through: "A5" } },
    ]);
  });

  it("skips a header row repeated inside the data (a paged export)", () => {
    const result = summary({
      sheet: "S",
      values: [
        ["日期", "销售员", "销售额"],
        ["2024-01-01", "张三", 1],
        ["日期", "销售员", "销售额"],
        ["2024-02-01", "李四", 2],
      ],
    });
    expect(result.skips).toEqual([["A3", "repeated-header"]]);
    expect(result.brief).toEqual([
      [2024, 1, 1, "C2"],
      [2024, 2, 2, "C4"],
    ]);
  });

  it("tells a subtotal row from a customer whose name starts with Total", () => {
    const result = summary({
      sheet: "S",
      values: [
        ["Date", "Customer", "Amount"],
        ["2024-01-03", "Total Wine", 10],
        ["", "Total East", 10],
        ["2024-01-04", "Subtotal", 5],
        ["总计:", "", 25],
      ],
    });
    expect(result.brief).toEqual([[2024, 1, 10, "C2"]]);
    expect(result.skipped).toEqual([
      { sheet: "S", cell: "B3", code: "total-row", params: { label: "Total East" } },
      { sheet: "S", cell: "B4", code: "total-row", params: { label: "Subtotal" } },
      { sheet: "S", cell: "A5", code: "total-row", params: { label: "总计:" } },
    ]);
  });

  it("reports a blank amount and a boolean amount at the amount cell", () => {
    const result = summary({
      sheet: "S",
      values: [["Date", "Amount"], ["2024-01-03"], ["2024-01-04", false]],
    });
    expect(result.skips).toEqual([
      ["B2", "amount-missing"],
      ["B3", "amount-not-number"],
    ]);
  });

  it("addresses cells from the grid's origin", () => {
    const result = readHistory({
      sheet: "S",
      origin: { row: 9, column: 2 },
      values: [["Date", "Amount"], ["2024-01-03", "N/A"], [], ["2024-01-04", 5]],
    });
    expect(result.headerRow).toBe(9);
    expect(result.columns.amount?.column).toBe(3);
    expect(result.skipped.map((s) => s.cell)).toEqual(["D11", "C12"]);
    expect(result.records[0].cell).toBe("D13");
  });
});

describe("readHistory: columns", () => {
  it("tells reps, amounts and customers apart", () => {
    const result = readHistory({
      sheet: "S",
      values: [
        [
          "Order Date",
          "Account",
          "Account Manager",
          "Sales Rep ID",
          "Net Sales",
          "Sales Qty",
          "COGS",
        ],
        ["2024-01-03", "Acme", "Ann", "R1", 100, 2, 60],
      ],
    });
    expect(
      Object.fromEntries(Object.entries(result.columns).map(([k, v]) => [k, v?.header])),
    ).toEqual({
      date: "Order Date",
      customer: "Account",
      rep: "Account Manager",
      amount: "Net Sales",
      quantity: "Sales Qty",
      cost: "COGS",
    });
    expect(result.records[0]).toMatchObject({ quantity: 2, cost: 60, dims: { rep: "Ann" } });
    expect(result.notes).toEqual([
      {
        code: "column-ignored",
        params: { role: "rep", column: "Sales Rep ID", used: "Account Manager" },
      },
    ]);
  });

  it("tells 销售员 (rep) from 销售额 (amount)", () => {
    const result = readHistory({
      sheet: "S",
      values: [
        ["销售员", "订单日期", "销售额"],
        ["张三", "2024-05-01", 8],
      ],
    });
    expect(result.columns.rep?.column).toBe(0);
    expect(result.columns.amount?.column).toBe(2);
  });

  it("lets the plan file's columns win over detection", () => {
    const result = readHistory(
      {
        sheet: "S",
        values: [
          ["Fecha", "Zona", "Sales", "Importe neto"],
          ["2024-02-01", "Norte", 1, 2],
        ],
      },
      { columns: { date: "fecha", amount: "IMPORTE NETO", region: "Zona" } },
    );
    expect(result.error).toBeUndefined();
    expect(result.columns.amount).toEqual({ column: 3, header: "Importe neto", overridden: true });
    expect(result.columns.region).toEqual({ column: 1, header: "Zona", overridden: true });
    expect(result.records[0]).toMatchObject({ amount: 2, dims: { region: "Norte" } });
  });

  it("names a column the plan file asks for that is missing, with the nearest header", () => {
    const grid: Grid = {
      sheet: "S",
      values: [
        ["Date", "Territory", "Sales"],
        ["2024-02-01", "N", 1],
      ],
    };
    expect(readHistory(grid, { columns: { region: "Teritory" } }).error).toEqual({
      code: "column-not-found",
      params: { sheet: "S", role: "region", header: "Teritory", suggestion: "Territory" },
    });
    expect(readHistory(grid, { columns: { rep: "Owner name" } }).error).toEqual({
      code: "column-not-found",
      params: { sheet: "S", role: "rep", header: "Owner name" },
    });
  });
});

describe("readHistory: sheets that are no history", () => {
  it("says there is no amount column", () => {
    const result = readHistory({
      sheet: "Leads",
      values: [
        ["Date", "Region", "Rep"],
        ["2024-01-01", "East", "Ann"],
      ],
    });
    expect(result.error).toEqual({
      code: "no-amount-column",
      params: { sheet: "Leads", headers: ["Date", "Region", "Rep"].join(HEADER_SEPARATOR) },
      cell: "A1",
    });
    expect(result.records).toEqual([]);
    const words = formatNotice(result.error!, "en-US");
    expect(words).toContain('its headers are "Date", "Region", "Rep"');
    expect(words).toContain('"columns": { "amount": "<header>" }');
    expect(formatNotice(result.error!, "zh-CN")).toContain("其标题为“Date”、“Region”、“Rep”");
  });

  it("says there is no amount column when the plan names the date of a sheet with month-like headers", () => {
    // Naming the date makes the history long: its other headers read as months are no amounts,
    // and the rows below are not read as if they had one (the row with a lone control
    // character would otherwise go unreported).
    const result = readHistory(
      {
        sheet: "Sales",
        values: [["Region"], ["Date", "1900-01-01", "1900-01-01"], ["\u0000"]],
      },
      { columns: { date: "Date" } },
    );
    expect(result.error).toEqual({
      code: "no-amount-column",
      params: { sheet: "Sales", headers: "Date" },
      cell: "A2",
    });
    expect(result.records).toEqual([]);
  });

  it("names a level's column that the sheet lacks, with the nearest header", () => {
    const values = [
      ["日期", "部门", "业务员", "金额"],
      ["2024-01-01", "销售一部", "张三", 100],
    ];
    const result = readHistory({ sheet: "S", values }, { dimensions: ["rep", "部 门 "] });
    expect(result.error).toBeUndefined();
    const missing = readHistory({ sheet: "S", values }, { dimensions: ["部分"] });
    expect(missing.error).toMatchObject({
      code: "level-column-not-found",
      params: { dimension: "部分", suggestion: "部门" },
    });
    expect(formatNotice(missing.error!, "en-US")).toContain('did you mean "部门"?');
    const noRegion = readHistory({ sheet: "S", values }, { dimensions: ["region", "rep"] });
    expect(noRegion.error).toMatchObject({
      code: "no-dimension-column",
      params: { role: "region" },
    });
    expect(formatNotice(noRegion.error!, "en-US")).toBe(
      'a level splits by region, but sheet "S" has no region column; its headers are "日期", "部门", "业务员", "金额"; name it in the plan as "columns": { "region": "<header>" }',
    );
    expect(formatNotice(noRegion.error!, "zh-CN")).toContain('"columns": { "region": "列标题" }');
  });

  it("says there is no date column", () => {
    const result = readHistory({
      sheet: "S",
      values: [
        ["Region", "Sales"],
        ["East", 5],
      ],
    });
    expect(result.error?.code).toBe("no-date-column");
  });

  it("says there is no header row in an empty or header-less sheet", () => {
    for (const values of [
      [],
      [[]],
      [
        [1, 2],
        [3, 4],
      ],
      [[null, ""]],
    ]) {
      expect(readHistory({ sheet: "S", values }).error).toEqual({
        code: "no-header-row",
        params: { sheet: "S", rows: 20 },
      });
    }
  });

  it("says month columns without a year cannot be dated", () => {
    const result = readHistory({
      sheet: "S",
      values: [
        ["Region", "Year", "Jan", "Feb", "Mar"],
        ["East", 2024, 1, 2, 3],
      ],
    });
    expect(result.error).toEqual({
      code: "month-columns-without-year",
      params: { sheet: "S", example: "Jan" },
      cell: "A1",
    });
  });

  it("says a header with no rows below it holds no history", () => {
    const result = readHistory({ sheet: "S", values: [["日期", "金额"]] });
    expect(result.error).toEqual({
      code: "no-records",
      params: { sheet: "S", layout: "long", skipped: 0 },
    });
    expect(result.headerRow).toBe(0);
    expect(result.records).toEqual([]);
    expect(result.skipped).toEqual([]);
  });

  it("looks for the header in the first 20 rows only", () => {
    const values: CellValue[][] = Array.from({ length: 20 }, () => ["note"]);
    values.push(["Date", "Amount"], ["2024-01-01", 1]);
    expect(readHistory({ sheet: "S", values }).error?.code).toBe("no-header-row");
  });
});

describe("readHistory: odd grids", () => {
  it("survives thousands of columns and huge text", () => {
    const wide = Array.from({ length: 5000 }, (_, i) => `c${i}`);
    wide[10] = "Date";
    wide[4000] = "Amount";
    const data = Array.from({ length: 5000 }, () => "x");
    data[10] = "2024-06-01";
    data[4000] = "12";
    const huge = "合计".repeat(200000);
    const start = Date.now();
    const result = readHistory({ sheet: "S", values: [wide, data, [huge, huge], data] });
    expect(Date.now() - start).toBeLessThan(3000);
    expect(result.records.map((r) => r.cell)).toEqual([toA1(1, 4000), toA1(3, 4000)]);
    expect(result.skipped.map((s) => s.code)).toEqual(["amount-missing"]);
  });

  it("survives values that break the types", () => {
    const broken = [
      { sheet: "S", values: null },
      { sheet: 7, values: [null, undefined, [undefined, {}, []], "row"] },
      {
        sheet: "S",
        values: [
          ["Date", "Amount"],
          [{}, []],
        ],
        numberFormats: "x",
        origin: { row: -5 },
      },
      null,
    ] as unknown as Grid[];
    for (const grid of broken) {
      const result = readHistory(grid);
      expect(result.error?.code).not.toBe("history-unreadable");
    }
  });
});

// Property tests: random grids of random cell types and shapes.

const SAMPLE_TEXT = [
  "N/A",
  "-",
  "#N/A",
  "TBD",
  "NaN",
  "Infinity",
  "-Infinity",
  "=SUM(A1:A3)",
  "=1+1",
  "合计",
  "Total East",
  "华东 合计",
  "日期",
  "销售额",
  "Date",
  "Amount",
  "Region",
  "Sales Rep",
  "月份",
  "年份",
  "2024-03-15",
  "03/04/2024",
  "25/12/2023",
  "Jan 2023",
  "2023年1月",
  "1,234.50",
  "(1,234)",
  "¥1,234",
  "1e308",
  "1e309",
  "-0",
  "  ",
];

const cellArbitrary: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.constantFrom(...SAMPLE_TEXT),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, 60, 61, 45366, 202403),
  fc.integer({ min: -100000, max: 3000000 }),
  fc.boolean(),
  fc.constant("x".repeat(20000)),
);

const formatArbitrary = fc.constantFrom("General", "yyyy-mm-dd", "mmm-yy", "0.00", "@", "h:mm");

const gridArbitrary: fc.Arbitrary<Grid> = fc.record(
  {
    sheet: fc.string({ maxLength: 8 }),
    values: fc.array(fc.array(cellArbitrary, { maxLength: 8 }), { maxLength: 25 }),
    numberFormats: fc.array(fc.array(formatArbitrary, { maxLength: 8 }), { maxLength: 25 }),
    origin: fc.record({ row: fc.nat(1000), column: fc.nat(100) }),
  },
  { requiredKeys: ["sheet", "values"] },
);

/** A grid that has a recognisable header row, so that rows actually get read. */
const headedGridArbitrary: fc.Arbitrary<Grid> = fc
  .tuple(
    fc.array(fc.array(cellArbitrary, { maxLength: 3 }), { maxLength: 3 }),
    fc.shuffledSubarray(
      ["日期", "Amount", "大区", "Rep", "数量", "Cost", "Jan 2023", "2023-02", "Total"],
      {
        minLength: 2,
      },
    ),
    fc.array(fc.array(cellArbitrary, { maxLength: 10 }), { maxLength: 25 }),
    gridArbitrary,
  )
  .map(([title, header, rows, base]) => ({ ...base, values: [...title, header, ...rows] }));

/** Date cells as sheets hold them: text in several forms, serials, and junk. */
const dateCellArbitrary: fc.Arbitrary<CellValue> = fc.oneof(
  fc
    .record({
      y: fc.integer({ min: 1990, max: 2040 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .chain(({ y, m, d }) =>
      fc.constantFrom<CellValue>(
        `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
        `${y}/${m}/${d}`,
        `${y}年${m}月${d}日`,
        `${d}/${m}/${y}`,
        `${m}/${d}/${y}`,
        `${y}-${String(m).padStart(2, "0")}`,
        Math.round(Date.UTC(y, m - 1, d) / 86400000) + 25569,
      ),
    ),
  cellArbitrary,
);

/** Amount cells: numbers, numbers as text, and junk. */
const amountCellArbitrary: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }).map((cents) => cents / 100),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => `¥${n.toLocaleString("en-US")}`),
  cellArbitrary,
);

/** A long history with realistic and broken rows mixed. */
const longGridArbitrary: fc.Arbitrary<Grid> = fc
  .array(fc.tuple(dateCellArbitrary, cellArbitrary, amountCellArbitrary, cellArbitrary), {
    maxLength: 30,
  })
  .map((rows) => ({ sheet: "S", values: [["日期", "Region", "Amount", "Qty"], ...rows] }));

function checkInvariants(grid: Grid): void {
  const result = readHistory(grid);
  expect(result.error?.code).not.toBe("history-unreadable");
  for (const skipped of result.skipped) {
    expect(fromA1(skipped.cell)).not.toBeNull();
    expect(skipped.sheet).toBe(result.sheet);
  }
  for (const record of result.records) {
    expect(Number.isInteger(record.month) && record.month >= 1 && record.month <= 12).toBe(true);
    expect(Number.isInteger(record.year)).toBe(true);
    expect(Number.isFinite(record.amount)).toBe(true);
    expect(Object.is(record.amount, -0)).toBe(false);
    expect(fromA1(record.cell)).not.toBeNull();
    if (record.quantity !== undefined) expect(Number.isFinite(record.quantity)).toBe(true);
    if (record.cost !== undefined) expect(Number.isFinite(record.cost)).toBe(true);
  }
}

describe("readHistory: properties", () => {
  it("never throws and keeps its invariants on random grids", () => {
    fc.assert(fc.property(gridArbitrary, checkInvariants), { numRuns: 300 });
  });

  it("never throws and keeps its invariants on random grids with a header", () => {
    fc.assert(fc.property(headedGridArbitrary, checkInvariants), { numRuns: 300 });
  });

  it("never throws and keeps its invariants on long histories with broken rows", () => {
    fc.assert(
      fc.property(longGridArbitrary, (grid) => {
        checkInvariants(grid);
        const result = readHistory(grid);
        const dataRows = grid.values.length - 1;
        // Every row is a record or a skip (a run of blank rows is one skip), never both.
        expect(result.records.length + result.skipped.length).toBeLessThanOrEqual(dataRows);
      }),
      { numRuns: 200 },
    );
  });

  it("never counts a total row as sales", () => {
    const rowArbitrary = fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      cents: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 20 }), fc.nat(20), (rows, at) => {
        const values: CellValue[][] = [["日期", "销售额"]];
        rows.forEach(({ month, cents }) => values.push([`2024年${month}月`, cents / 100]));
        const sum = rows.reduce((total, row) => total + row.cents, 0) / 100;
        values.splice(1 + Math.min(at, rows.length), 0, ["合计", sum]);
        const result = readHistory({ sheet: "S", values });
        const cents = result.records.reduce((total, r) => total + Math.round(r.amount * 100), 0);
        expect(cents).toBe(Math.round(sum * 100));
        expect(result.skipped.map((s) => s.code)).toEqual(["total-row"]);
      }),
      { numRuns: 100 },
    );
  });
});
