import type { CellValue, Grid } from "../engine/grid";
import type { Language } from "../engine/language";
import { seededRandom, type Random } from "./random";

export type SampleOptions = {
  language: Language;
  /** The year the plan is for; history runs from January three years before it. */
  planYear: number;
  /** Last month of the plan year with actuals (0 for none). */
  actualMonths: number;
  /** About how many transaction rows to make. */
  rows: number;
  seed: number;
  /** Sprinkle the mess real exports have: text dates and amounts, blank rows, N/A, a total row. */
  messy: boolean;
  /** Company size: regions × products × reps × channels. */
  shape?: { regions: number; products: number; reps: number; channels: number };
};

/** The sample's sheet name in each language (never "History", which Excel reserves). */
export const SAMPLE_SHEET: Record<Language, string> = { "en-US": "Sales", "zh-CN": "销售明细" };

const NAMES = {
  "en-US": {
    header: [
      "Order Date",
      "Region",
      "Product Line",
      "Channel",
      "Sales Rep",
      "Customer",
      "Qty",
      "Net Sales",
    ],
    regions: ["East", "South", "North", "West", "Central", "Northeast", "Northwest", "Southwest"],
    products: [
      "Pumps",
      "Valves",
      "Sensors",
      "Controllers",
      "Fittings",
      "Meters",
      "Filters",
      "Motors",
    ],
    channels: ["Direct", "Distributor", "Online", "Key Account"],
    first: [
      "Ann",
      "Bo",
      "Cy",
      "Dee",
      "Eli",
      "Fay",
      "Gus",
      "Hal",
      "Ivy",
      "Jon",
      "Kim",
      "Lou",
      "Max",
      "Ned",
      "Ora",
      "Pat",
    ],
    last: ["Smith", "Chen", "Garcia", "Novak", "Okafor", "Silva", "Berg", "Kato", "Reyes", "Walsh"],
    customer: (i: number) => `Customer ${String(i + 1).padStart(3, "0")} Ltd`,
    title: "Sales ledger (export)",
    total: "Grand Total",
  },
  "zh-CN": {
    header: ["订单日期", "大区", "产品线", "渠道", "销售员", "客户", "数量", "销售金额"],
    regions: ["华东", "华南", "华北", "西南", "华中", "东北", "西北", "华西"],
    products: ["水泵", "阀门", "传感器", "控制器", "管件", "仪表", "过滤器", "电机"],
    channels: ["直销", "经销商", "电商", "大客户"],
    first: [
      "伟",
      "芳",
      "娜",
      "敏",
      "静",
      "磊",
      "洋",
      "勇",
      "艳",
      "杰",
      "军",
      "涛",
      "明",
      "超",
      "霞",
      "平",
    ],
    last: ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"],
    customer: (i: number) => `客户${String(i + 1).padStart(3, "0")}有限公司`,
    title: "销售明细表(系统导出)",
    total: "合计",
  },
} as const;

/** Relative sales by calendar month: a slow February (Spring Festival), a strong year end. */
const SEASON = [0.85, 0.6, 1.0, 1.0, 1.05, 1.1, 0.95, 0.9, 1.05, 1.1, 1.15, 1.35];

type Rep = { name: string; region: string; skill: number; customers: string[] };

function serialOf(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

function makeReps(random: Random, language: Language, regions: string[], count: number): Rep[] {
  const names = NAMES[language];
  const used = new Set<string>();
  const reps: Rep[] = [];
  for (let i = 0; i < count; i++) {
    let name: string;
    let k = 0;
    do {
      name =
        language === "zh-CN"
          ? `${random.pick(names.last)}${random.pick(names.first)}${k > 3 ? random.pick(names.first) : ""}`
          : `${random.pick(names.first)} ${random.pick(names.last)}${k > 3 ? ` ${k}` : ""}`;
      k++;
    } while (used.has(name));
    used.add(name);
    reps.push({
      name,
      region: regions[i % regions.length],
      skill: 0.6 + random.next() * 0.8,
      customers: [],
    });
  }
  return reps;
}

function dateText(random: Random, year: number, month: number, day: number): string {
  const mm = String(month).padStart(2, "0");
  const dd = String(day).padStart(2, "0");
  switch (random.int(0, 2)) {
    case 0:
      return `${year}-${mm}-${dd}`;
    case 1:
      return `${year}/${month}/${day}`;
    default:
      return `${year}年${month}月${day}日`;
  }
}

function amountText(random: Random, amount: number, language: Language): string {
  const fixed = Math.abs(amount).toFixed(2);
  const [whole, cents] = fixed.split(".");
  const grouped = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
  if (amount < 0) return `(${grouped})`;
  return random.next() < 0.5 ? grouped : `${language === "zh-CN" ? "¥" : "$"}${grouped}`;
}

/**
 * A realistic sales history as a grid: transactions from January three years before the plan year
 * through `actualMonths` of the plan year, with regions, product lines, channels, reps (each in one
 * region, with their own customers), seasonality, growth and returns; when `messy`, a title row,
 * text dates in mixed formats, amounts as text, blank rows, an "N/A" amount and a typed total row.
 * @example generateHistory({ language: "zh-CN", planYear: 2026, actualMonths: 4, rows: 3000, seed: 7, messy: true }).sheet === "销售明细"
 */
export function generateHistory(options: SampleOptions): Grid {
  const random = seededRandom(options.seed);
  const names = NAMES[options.language];
  const shape = options.shape ?? { regions: 4, products: 5, reps: 12, channels: 3 };
  const regions = names.regions.slice(0, shape.regions);
  const products = Array.from({ length: shape.products }, (_, i) =>
    i < names.products.length
      ? names.products[i]
      : `${names.products[i % names.products.length]} ${Math.floor(i / names.products.length) + 1}`,
  );
  const channels = names.channels.slice(0, shape.channels);
  const reps = makeReps(random, options.language, regions, shape.reps);
  let customerCount = 0;
  for (const rep of reps) {
    const n = random.int(4, 9);
    for (let i = 0; i < n; i++) rep.customers.push(names.customer(customerCount++));
  }
  const productPrice = products.map(() => 2000 + random.next() * 18000);

  const months: { year: number; month: number; weight: number }[] = [];
  const firstYear = options.planYear - 3;
  for (let year = firstYear; year <= options.planYear; year++) {
    for (let month = 1; month <= 12; month++) {
      if (year === options.planYear && month > options.actualMonths) break;
      const growth = Math.pow(1.09, year - firstYear);
      months.push({ year, month, weight: SEASON[month - 1] * growth });
    }
  }
  const totalWeight =
    months.reduce((s, m) => s + m.weight, 0) * reps.reduce((s, r) => s + r.skill, 0);

  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const push = (row: CellValue[], fmt: string[] = []) => {
    values.push(row);
    formats.push(fmt);
  };
  if (options.messy) {
    push([names.title]);
    push([]);
  }
  push([...names.header]);
  const dateFormat = "yyyy-mm-dd";
  for (const { year, month, weight } of months) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (const rep of reps) {
      const expected = (options.rows * weight * rep.skill) / totalWeight;
      const deals = Math.max(0, Math.round(expected + random.normal() * Math.sqrt(expected)));
      for (let d = 0; d < deals; d++) {
        const product = random.int(0, products.length - 1);
        const qty = random.int(1, 12);
        const price = productPrice[product] * (0.85 + random.next() * 0.3);
        const isReturn = random.next() < 0.02;
        const amount = Math.round((isReturn ? -1 : 1) * qty * price * 100) / 100;
        const day = random.int(1, days);
        const row: CellValue[] = [
          serialOf(year, month, day),
          rep.region,
          products[product],
          random.pick(channels),
          rep.name,
          random.pick(rep.customers),
          isReturn ? -qty : qty,
          amount,
        ];
        const fmt = [dateFormat, "", "", "", "", "", "0", "#,##0.00"];
        if (options.messy) {
          const dice = random.next();
          if (dice < 0.15) row[0] = dateText(random, year, month, day);
          if (dice > 0.8) row[7] = amountText(random, amount, options.language);
        }
        push(row, fmt);
      }
    }
  }
  if (options.messy) {
    // The usual mess of a hand-kept export, at fixed places so the sample stays readable.
    const dataStart = 3;
    const at = (fraction: number) => dataStart + Math.floor((values.length - dataStart) * fraction);
    values[at(0.37)][7] = "N/A";
    for (const [fraction, blanks] of [
      [0.5, 1],
      [0.75, 2],
    ] as const) {
      const index = at(fraction);
      values.splice(index, 0, ...Array.from({ length: blanks }, () => []));
      formats.splice(index, 0, ...Array.from({ length: blanks }, () => []));
    }
    const total = values
      .slice(dataStart)
      .reduce((s, r) => s + (typeof r[7] === "number" ? r[7] : 0), 0);
    push([], []);
    push(
      [names.total, null, null, null, null, null, null, Math.round(total * 100) / 100],
      ["", "", "", "", "", "", "", "#,##0.00"],
    );
  }
  return { sheet: SAMPLE_SHEET[options.language], values, numberFormats: formats };
}
