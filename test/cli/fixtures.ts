import { columnLetters } from "../../src/engine/address";
import type { FixtureSheet, FixtureValue } from "../support/buildWorkbook";

/** Monthly amount of a rep in a year (whole yuan, with a seasonal shape and yearly growth). */
export function repMonthAmount(base: number, year: number, month: number): number {
  const season = [0.8, 0.6, 1, 1, 1.1, 1.1, 0.9, 0.9, 1, 1.1, 1.2, 1.3][month - 1];
  return Math.round(base * season * (1 + 0.1 * (year - 2024)));
}

export const ZH_REPS = [
  { region: "华东", rep: "张三", base: 10000 },
  { region: "华东", rep: "李四", base: 6000 },
  { region: "华南", rep: "王五", base: 8000 },
];

/** Where the Chinese fixture's deliberate mess sits, for assertions. */
export type ZhFixture = {
  sheet: FixtureSheet;
  /** A1 address of the "N/A" amount. */
  naCell: string;
  /** The amount the N/A row would have had (it must not count). */
  naWouldBe: number;
  /** Net sales of 2025 that count (the base). */
  base2025: number;
  /** The typed total row's amount (must not count). */
  totalRowAmount: number;
  /** Plan-year actuals by rep, by month (1…3). */
  actuals2026: Record<string, number[]>;
};

/**
 * A long-format history with Chinese headers, a title row, dates as date cells and as text in three
 * styles, amounts as numbers and as text, blank rows, an "N/A" amount, a typed 合计 row, and
 * plan-year actuals for January to March (one from a rep the plan does not have).
 */
export function chineseMessyHistory(): ZhFixture {
  const rows: FixtureValue[][] = [
    ["2024—2026 年销售明细(系统导出)"],
    [],
    ["订单日期", "大区", "销售员", "产品", "销售金额"],
  ];
  let base2025 = 0;
  let naCell = "";
  let naWouldBe = 0;
  let total = 0;
  const dateStyles = [
    (y: number, m: number) => new Date(Date.UTC(y, m - 1, 15)) as FixtureValue,
    (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}-15`,
    (y: number, m: number) => `${y}/${m}/15`,
    (y: number, m: number) => `${y}年${m}月15日`,
  ];
  let k = 0;
  for (const year of [2024, 2025]) {
    for (let month = 1; month <= 12; month++) {
      for (const r of ZH_REPS) {
        const amount = repMonthAmount(r.base, year, month);
        const date = dateStyles[k % dateStyles.length](year, month);
        let cellAmount: FixtureValue = amount;
        if (k % 5 === 1) cellAmount = amount.toLocaleString("en-US", { minimumFractionDigits: 2 });
        if (k % 7 === 3) cellAmount = `¥${amount.toLocaleString("en-US")}`;
        const isNa = year === 2025 && month === 6 && r.rep === "李四";
        if (isNa) {
          cellAmount = "N/A";
          naCell = `E${rows.length + 1}`;
          naWouldBe = amount;
        } else {
          total += amount;
          if (year === 2025) base2025 += amount;
        }
        rows.push([date, r.region, r.rep, "阀门", cellAmount]);
        k++;
      }
      if (month === 7) rows.push([]);
    }
    rows.push([null, "", null, null, null]);
  }
  const actuals2026: Record<string, number[]> = {};
  for (let month = 1; month <= 3; month++) {
    for (const r of ZH_REPS) {
      const amount = repMonthAmount(r.base, 2026, month) + 0.5;
      (actuals2026[r.rep] ??= []).push(amount);
      rows.push([
        `2026-${String(month).padStart(2, "0")}-10`,
        r.region,
        r.rep,
        "阀门",
        String(amount),
      ]);
      total += amount;
    }
  }
  rows.push(["2026年2月20日", "华东", "赵六", "阀门", "3,000"]);
  total += 3000;
  rows.push(["合计", null, null, null, total]);
  return {
    sheet: { name: "销售明细", rows },
    naCell,
    naWouldBe,
    base2025,
    totalRowAmount: total,
    actuals2026,
  };
}

export const WIDE_REPS = [
  { region: "East", rep: "Ann", base: 12000 },
  { region: "East", rep: "Bo", base: 5000 },
  { region: "West", rep: "Cy", base: 9000 },
];

/**
 * A wide history in English: two title rows, one column per month (2024 as date cells, 2025 as
 * `2025-01` text, 2026 as `Jan 2026` text), a Total column and a Grand Total row.
 */
export function englishWideHistory(): { sheet: FixtureSheet; base2025: number } {
  const months: { year: number; month: number }[] = [];
  for (const year of [2024, 2025]) for (let m = 1; m <= 12; m++) months.push({ year, month: m });
  months.push({ year: 2026, month: 1 }, { year: 2026, month: 2 });
  const names = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ];
  const header: FixtureValue[] = [
    "Region",
    "Sales Rep",
    ...months.map(({ year, month }) =>
      year === 2024
        ? (new Date(Date.UTC(year, month - 1, 1)) as FixtureValue)
        : year === 2025
          ? `${year}-${String(month).padStart(2, "0")}`
          : `${names[month - 1]} ${year}`,
    ),
    "Total",
  ];
  const rows: FixtureValue[][] = [
    ["ACME Corp — net sales by rep"],
    ["Exported from the ledger, all figures in USD"],
    [],
    header,
  ];
  const numFmts: Record<string, string> = {};
  months.forEach((_, i) => {
    if (i < 12) numFmts[`${columnLetters(2 + i)}4`] = "mmm yyyy";
  });
  let base2025 = 0;
  const columnTotals = new Array<number>(months.length + 1).fill(0);
  for (const r of WIDE_REPS) {
    const values = months.map(({ year, month }) => repMonthAmount(r.base, year, month));
    const sum = values.reduce((a, b) => a + b, 0);
    base2025 += values.slice(12, 24).reduce((a, b) => a + b, 0);
    values.forEach((v, i) => (columnTotals[i] += v));
    columnTotals[months.length] += sum;
    rows.push([r.region, r.rep, ...values, sum]);
  }
  rows.push(["Grand Total", null, ...columnTotals]);
  return { sheet: { name: "By rep", rows, numFmts }, base2025 };
}

/**
 * A plain long history in English, `Date | Region | Rep | Amount`, one row per rep and month of
 * 2024 and 2025 with the rep's monthly amount in each year.
 */
export function plainHistory(
  reps: { region: string; rep: string; monthly: Record<number, number> }[],
): FixtureValue[][] {
  const rows: FixtureValue[][] = [["Date", "Region", "Rep", "Amount"]];
  for (const year of [2024, 2025]) {
    for (let month = 1; month <= 12; month++) {
      for (const r of reps) {
        if (r.monthly[year] === undefined) continue;
        rows.push([
          `${year}-${String(month).padStart(2, "0")}-15`,
          r.region,
          r.rep,
          r.monthly[year],
        ]);
      }
    }
  }
  return rows;
}
