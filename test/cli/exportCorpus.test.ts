import { promises as fsp } from "node:fs";
import type { ResultJson } from "../../src/engine/plan/resultJson";
import { readHistoryFile } from "../../src/xlsx";
import { formatCsv } from "../../src/xlsx/writeCsv";
import { writeFixtureXlsx, type FixtureSheet, type FixtureValue } from "../support/buildWorkbook";
import { encodeGb18030 } from "../support/encodeGb18030";
import { runStp, tempFolder, writePlan } from "./runStp";

/**
 * Sales exports as ERP and CRM systems write them, each planned by `stp` with no `columns`
 * mapping: the base must be the sum of the right column, computed here from the rows themselves.
 */

type Folder = Awaited<ReturnType<typeof tempFolder>>;

/** A seeded generator (mulberry32): the same rows on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Sale = {
  year: number;
  month: number;
  day: number;
  customer: string;
  product: string;
  quantity: number;
  unitPrice: number;
  /** Net of tax, to the cent. */
  net: number;
  tax: number;
  gross: number;
  rep: string;
  department: string;
  region: string;
};

const PEOPLE = [
  { rep: "张三", department: "销售一部", region: "华东" },
  { rep: "李四", department: "销售一部", region: "华东" },
  { rep: "王五", department: "销售二部", region: "华南" },
  { rep: "赵六", department: "销售二部", region: "华北" },
];
const PRODUCTS = ["水泵", "阀门", "电机"];
const CUSTOMERS = ["甲公司", "乙公司", "丙公司", "丁公司", "戊公司"];

/** Two full years of sales (2024, 2025) and plan-year actuals for Jan–Feb 2026. */
function sales(seed: number): Sale[] {
  const next = random(seed);
  const rows: Sale[] = [];
  for (const year of [2024, 2025, 2026]) {
    for (let month = 1; month <= (year === 2026 ? 2 : 12); month++) {
      for (const person of PEOPLE) {
        const count = 1 + Math.floor(next() * 3);
        for (let i = 0; i < count; i++) {
          const quantity = 1 + Math.floor(next() * 40);
          const unitPrice = Math.round(50 + next() * 900) + 0.5 * Math.floor(next() * 2);
          const net = Math.round(quantity * unitPrice * 100) / 100;
          const tax = Math.round(net * 13) / 100;
          rows.push({
            year,
            month,
            day: 1 + Math.floor(next() * 28),
            customer: CUSTOMERS[Math.floor(next() * CUSTOMERS.length)],
            product: PRODUCTS[Math.floor(next() * PRODUCTS.length)],
            quantity,
            unitPrice,
            net,
            tax,
            gross: Math.round((net + tax) * 100) / 100,
            ...person,
          });
        }
      }
    }
  }
  return rows;
}

/** The base year's sum of one figure, to the cent, as the test's own reading of the rows. */
function base2025(rows: readonly Sale[], figure: (s: Sale) => number): number {
  const cents = rows
    .filter((s) => s.year === 2025)
    .reduce((t, s) => t + Math.round(figure(s) * 100), 0);
  return cents / 100;
}

const pad = (n: number) => String(n).padStart(2, "0");
const dotted = (s: Sale) => `${s.year}.${pad(s.month)}.${pad(s.day)}`;
const utc = (s: Sale) => new Date(Date.UTC(s.year, s.month - 1, s.day));

async function plan(
  folder: Folder,
  history: string,
  levels: { dimension: string; method?: string }[],
  language?: string,
): Promise<{ code: number; out: string[]; err: string[]; result: ResultJson }> {
  await writePlan(folder.file("P.json"), {
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels,
    ...(language ? { language } : {}),
  });
  const run = await runStp([
    "plan",
    "--history",
    folder.file(history),
    "--config",
    folder.file("P.json"),
    "--out",
    folder.file(`${history}.plan.xlsx`),
    "--json",
    folder.file(`${history}.json`),
  ]);
  if (run.code !== 0) throw new Error(`stp exited ${run.code}: ${run.err.join("\n")}`);
  const result = JSON.parse(
    await fsp.readFile(folder.file(`${history}.json`), "utf8"),
  ) as ResultJson;
  return { ...run, result };
}

const U8_SINGLE = [
  "单据日期",
  "单据编号",
  "客户名称",
  "存货名称",
  "数量",
  "含税单价",
  "无税金额",
  "税额",
  "价税合计",
  "业务员",
  "部门",
  "地区",
];

/** 用友 U8 sales detail: title, blank row, one header row, text dates, a 合计 row of formulas. */
function u8Single(rows: readonly Sale[]): FixtureSheet {
  const body: FixtureValue[][] = rows.map((s, i) => [
    dotted(s),
    `XS${String(i + 1).padStart(6, "0")}`,
    s.customer,
    s.product,
    s.quantity,
    Math.round(s.unitPrice * 113) / 100,
    s.net,
    s.tax,
    s.gross,
    s.rep,
    s.department,
    s.region,
  ]);
  const first = 4;
  const last = first + body.length - 1;
  const total = last + 1;
  return {
    name: "销售明细",
    rows: [["销售明细表（2024-01-01 至 2026-02-28）"], [], U8_SINGLE, ...body, ["合计"]],
    cells: Object.fromEntries(
      ["E", "G", "H", "I"].map((c) => [
        `${c}${total}`,
        { formula: `SUM(${c}${first}:${c}${last})`, result: 1 } as never,
      ]),
    ),
  };
}

/** The same export with 金额 merged over 含税单价 | 价税合计 on a second header line. */
function u8TwoLines(rows: readonly Sale[]): FixtureSheet {
  const top = [
    "单据日期",
    "单据编号",
    "客户名称",
    "存货名称",
    "数量",
    "金额",
    null,
    "业务员",
    "部门",
    "地区",
  ];
  const sub = [null, null, null, null, null, "含税单价", "价税合计", null, null, null];
  const body: FixtureValue[][] = rows.map((s, i) => [
    dotted(s),
    `XS${String(i + 1).padStart(6, "0")}`,
    s.customer,
    s.product,
    s.quantity,
    Math.round(s.unitPrice * 113) / 100,
    s.gross,
    s.rep,
    s.department,
    s.region,
  ]);
  return {
    name: "销售明细",
    rows: [["销售明细表"], [], top, sub, ...body],
    merges: ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:G3", "H3:H4", "I3:I4", "J3:J4"],
  };
}

describe("stp plan on ERP and CRM exports, with no columns mapping", () => {
  let folder: Folder;
  const rows = sales(7);
  beforeAll(async () => {
    folder = await tempFolder();
  });
  afterAll(() => folder.remove());

  it("用友 U8, one header row: the net-of-tax amount, by department then rep", async () => {
    await writeFixtureXlsx(folder.file("u8.xlsx"), [u8Single(rows)]);
    // As users write it: each level split by last year's sales unless a method is named.
    const { result, out } = await plan(folder, "u8.xlsx", [
      { dimension: "部门" },
      { dimension: "rep" },
    ]);
    expect(result.base).toBe(base2025(rows, (s) => s.net));
    expect(result.columns).toEqual({
      date: { header: "单据日期", column: "A" },
      amount: { header: "无税金额", column: "G" },
      部门: { header: "部门", column: "K" },
      rep: { header: "业务员", column: "J" },
      customer: { header: "客户名称", column: "C" },
    });
    expect(out.join("\n")).toContain("amount ← 无税金额 (G)");
    expect(new Set(result.rows.map((r) => r["部门"]))).toEqual(new Set(["销售一部", "销售二部"]));
    expect(result.rows.reduce((t, r) => t + r.annual, 0)).toBe(result.target);
    const skippedTotals = result.skipped.filter((s) => s.code === "total-row");
    expect(skippedTotals.map((s) => s.cell)).toEqual([`A${rows.length + 4}`]);
    const ignored = result.warnings.filter((w) => w.code === "column-ignored");
    expect(ignored.map((w) => w.message).join("\n")).toContain("价税合计");

    const [summary] = await readHistoryFile(folder.file("u8.xlsx.plan.xlsx"));
    const at = summary.values.findIndex((row) => row[0] === "Columns read from the history");
    expect(at).toBeGreaterThan(0);
    expect(summary.values.slice(at + 1, at + 7).map((row) => row.slice(0, 3))).toEqual([
      ["Used as", "Header", "Column"],
      ["Date", "单据日期", "A"],
      ["Amount", "无税金额", "G"],
      ["部门", "部门", "K"],
      ["Rep", "业务员", "J"],
      ["Customer", "客户名称", "C"],
    ]);
  });

  it("用友 U8, two header lines: 价税合计, never the unit price under the same group", async () => {
    await writeFixtureXlsx(folder.file("u8-two-lines.xlsx"), [u8TwoLines(rows)]);
    const { result } = await plan(folder, "u8-two-lines.xlsx", [
      { dimension: "地区", method: "lastYear" },
    ]);
    expect(result.base).toBe(base2025(rows, (s) => s.gross));
    expect(result.columns.amount).toEqual({ header: "金额 价税合计", column: "G" });
    // A level named by a header keys the rows by that header, even when it is a known role's.
    expect(result.columns["地区"]).toEqual({ header: "地区", column: "J" });
    expect(new Set(result.rows.map((r) => r["地区"]))).toEqual(new Set(["华东", "华南", "华北"]));
    expect(result.skipped).toEqual([]);
  });

  it("用友 U8 as a GB18030 CSV (Chinese Excel's plain CSV)", async () => {
    const values = [
      ["销售明细表"],
      [],
      U8_SINGLE,
      ...rows.map((s) => [
        dotted(s),
        "XS",
        s.customer,
        s.product,
        String(s.quantity),
        String(s.unitPrice),
        s.net.toFixed(2),
        s.tax.toFixed(2),
        s.gross.toFixed(2),
        s.rep,
        s.department,
        s.region,
      ]),
      ["合计", "", "", "", "", "", "1", "1", "1"],
    ];
    await fsp.writeFile(
      folder.file("u8.csv"),
      encodeGb18030(formatCsv(values).replace(/^\uFEFF/, "")),
    );
    const { result } = await plan(folder, "u8.csv", [{ dimension: "部门", method: "lastYear" }]);
    expect(result.base).toBe(base2025(rows, (s) => s.net));
    expect(result.columns.amount).toEqual({ header: "无税金额", column: "G" });
    expect(result.skipped.map((s) => s.code)).toEqual(["total-row"]);
  });

  it("用友 U8, two header lines, as a GB18030 CSV: the Chinese summary names the column", async () => {
    const sheet = u8TwoLines(rows);
    const values = sheet.rows.map((row) =>
      row.map((v) => (v === null ? "" : v instanceof Date ? "" : String(v))),
    );
    await fsp.writeFile(
      folder.file("u8-two-lines.csv"),
      encodeGb18030(formatCsv(values).replace(/^\uFEFF/, "")),
    );
    const { result, out } = await plan(
      folder,
      "u8-two-lines.csv",
      [{ dimension: "部门", method: "lastYear" }],
      "zh-CN",
    );
    expect(result.base).toBe(base2025(rows, (s) => s.gross));
    expect(result.columns.amount).toEqual({ header: "金额 价税合计", column: "G" });
    expect(result.skipped).toEqual([]);
    expect(out.join("\n")).toContain("读取的列：日期 ← 单据日期（A），金额 ← 金额 价税合计（G）");
  });

  it("金蝶 K3: 金额 (net) over 价税合计, 产品名称 as the product", async () => {
    const header = [
      "日期",
      "单据编号",
      "购货单位",
      "产品名称",
      "规格型号",
      "销售数量",
      "单价",
      "金额",
      "税额",
      "价税合计",
      "部门",
      "业务员",
    ];
    const body = rows.map((s) => [
      utc(s),
      "XSD",
      s.customer,
      s.product,
      "标准",
      s.quantity,
      s.unitPrice,
      s.net,
      s.tax,
      s.gross,
      s.department,
      s.rep,
    ]);
    await writeFixtureXlsx(folder.file("k3.xlsx"), [{ name: "销售出库", rows: [header, ...body] }]);
    const { result } = await plan(folder, "k3.xlsx", [
      { dimension: "product", method: "lastYear" },
      { dimension: "rep", method: "equal" },
    ]);
    expect(result.base).toBe(base2025(rows, (s) => s.net));
    expect(result.columns.amount).toEqual({ header: "金额", column: "H" });
    expect(result.columns.product).toEqual({ header: "产品名称", column: "D" });
  });

  it("SAP billing: Net Value, Billing Date, Sold-to party, a level by Sales Organization", async () => {
    const header = [
      "Billing Document",
      "Billing Date",
      "Sold-to party",
      "Material",
      "Sales Organization",
      "Net Value",
      "Tax Amount",
      "Currency",
    ];
    const orgs: Record<string, string> = { 华东: "CN10", 华南: "CN20", 华北: "CN30" };
    const body = rows.map((s, i) => [
      String(90000000 + i),
      utc(s),
      s.customer,
      s.product,
      orgs[s.region],
      s.net,
      s.tax,
      "CNY",
    ]);
    await writeFixtureXlsx(folder.file("sap.xlsx"), [{ name: "VF05", rows: [header, ...body] }]);
    const { result } = await plan(
      folder,
      "sap.xlsx",
      [{ dimension: "Sales Organization", method: "lastYear" }],
      "en-US",
    );
    expect(result.base).toBe(base2025(rows, (s) => s.net));
    expect(result.columns.amount).toEqual({ header: "Net Value", column: "F" });
    expect(result.columns.date).toEqual({ header: "Billing Date", column: "B" });
    expect(result.columns.customer).toEqual({ header: "Sold-to party", column: "C" });
    expect(result.rows.map((r) => r["Sales Organization"])).toEqual(["CN10", "CN20", "CN30"]);
  });

  it("Salesforce opportunity report: won opportunities only, Close Date (MM/DD/YYYY), Opportunity Owner", async () => {
    const header = [
      "Opportunity Name",
      "Account Name",
      "Opportunity Owner",
      "Stage",
      "Close Date",
      "Amount",
      "Probability (%)",
    ];
    const stages = ["Closed Won", "Closed Won", "Closed Lost", "Prospecting"];
    const body = rows.map((s, i) => [
      `Deal ${i}`,
      s.customer,
      s.rep,
      stages[i % stages.length],
      `${pad(s.month)}/${pad(s.day)}/${s.year}`,
      s.net,
      stages[i % stages.length] === "Closed Won" ? 100 : 10,
    ]);
    await writeFixtureXlsx(folder.file("sfdc.xlsx"), [
      { name: "report", rows: [header, ...body, ["Total", null, null, null, null, 1]] },
    ]);
    const { result } = await plan(folder, "sfdc.xlsx", [{ dimension: "rep", method: "lastYear" }]);
    const won = rows.filter((_, i) => stages[i % stages.length] === "Closed Won");
    expect(result.base).toBe(base2025(won, (s) => s.net));
    expect(result.columns).toMatchObject({
      date: { header: "Close Date", column: "E" },
      amount: { header: "Amount", column: "F" },
      rep: { header: "Opportunity Owner", column: "C" },
    });
    const notWon = result.skipped.filter((s) => s.code === "stage-not-won");
    expect(notWon).toHaveLength(rows.length - won.length);
    expect(notWon[0]).toMatchObject({ cell: "D4" });
    expect(notWon[0].reason).toBe(
      'not a sale: the opportunity\'s Stage is "Closed Lost" (only won opportunities count)',
    );
    expect(result.skipped.filter((s) => s.code === "total-row")).toHaveLength(1);
  });

  it("a pivot-like wide sheet: months across, subtotals and a grand total left out", async () => {
    const months: string[] = [];
    for (const year of [2024, 2025]) for (let m = 1; m <= 12; m++) months.push(`${year}年${m}月`);
    const cell = new Map<string, number>();
    for (const s of rows.filter((r) => r.year < 2026)) {
      const key = `${s.region}|${s.product}|${s.year}年${s.month}月`;
      cell.set(key, Math.round(((cell.get(key) ?? 0) + s.net) * 100) / 100);
    }
    const body: FixtureValue[][] = [];
    for (const region of ["华东", "华南", "华北"]) {
      const lines = PRODUCTS.map((product) => [
        region,
        product,
        ...months.map((m) => cell.get(`${region}|${product}|${m}`) ?? 0),
      ]);
      body.push(...lines);
      body.push([
        `${region} 小计`,
        null,
        ...months.map((_, i) => lines.reduce((t, l) => t + (l[i + 2] as number), 0)),
      ]);
    }
    body.push(["总计", null, ...months.map(() => 1)]);
    await writeFixtureXlsx(folder.file("pivot.xlsx"), [
      {
        name: "透视",
        rows: [["各区域各产品月度销售额"], ["大区", "产品", ...months, "合计"], ...body],
      },
    ]);
    const { result } = await plan(folder, "pivot.xlsx", [
      { dimension: "region", method: "lastYear" },
      { dimension: "product", method: "lastYear" },
    ]);
    expect(result.base).toBe(base2025(rows, (s) => s.net));
    expect(result.columns).toEqual({
      months: { header: "2024年1月 … 2025年12月", column: "C:Z" },
      region: { header: "大区", column: "A" },
      product: { header: "产品", column: "B" },
    });
    expect(result.skipped.filter((s) => s.code === "total-row")).toHaveLength(4);
  });
});
