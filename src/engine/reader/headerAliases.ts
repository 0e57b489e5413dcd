import type { ColumnRole } from "../history";

/**
 * Header words for one column role. `strong` words name the role on their own, also inside a
 * longer header ("Order Date"); `weak` words only qualify a header and lose to any strong word
 * ("Sales Qty" is a quantity, "Sales" alone an amount); `exact` words count only as the whole
 * header ("月" is a month column, "本月销售额" is not).
 */
export type RoleAliases = {
  strong: readonly string[];
  weak?: readonly string[];
  exact?: readonly string[];
};

/**
 * The header words the reader knows for each role, in English and Chinese, as users write them.
 * @example HEADER_ALIASES.amount.strong.includes("销售额") === true
 */
export const HEADER_ALIASES: Record<ColumnRole, RoleAliases> = {
  date: {
    strong: [
      "日期",
      "订单日期",
      "销售日期",
      "交易日期",
      "开票日期",
      "发货日期",
      "单据日期",
      "年月",
      "时间",
      "期间",
      "date",
      "order date",
      "invoice date",
      "transaction date",
      "period",
      "year month",
    ],
    weak: ["月份", "month"],
    exact: ["月", "mon"],
  },
  amount: {
    strong: [
      "销售额",
      "金额",
      "销售金额",
      "销售收入",
      "收入",
      "营业额",
      "净销售额",
      "业绩",
      "revenue",
      "net sales",
      "amount",
      "sales amount",
      "net amount",
      "turnover",
    ],
    weak: ["sales", "销售"],
    exact: ["total", "合计", "总计", "总额", "value"],
  },
  quantity: {
    strong: ["数量", "销量", "销售数量", "件数", "qty", "quantity", "units", "units sold"],
    weak: ["volume"],
    exact: ["pcs"],
  },
  cost: {
    strong: ["成本", "销售成本", "cost", "cogs"],
  },
  region: {
    strong: ["大区", "区域", "地区", "片区", "region", "territory", "area", "zone"],
    weak: ["省份", "province"],
  },
  product: {
    strong: [
      "产品",
      "产品线",
      "品类",
      "产品名称",
      "商品",
      "品名",
      "product",
      "product line",
      "sku",
      "category",
    ],
    weak: ["item"],
  },
  channel: {
    strong: ["渠道", "通路", "channel"],
  },
  rep: {
    strong: [
      "业务员",
      "销售员",
      "销售代表",
      "负责人",
      "销售人员",
      "业务代表",
      "客户经理",
      "sales rep",
      "rep",
      "salesperson",
      "salesman",
      "account manager",
      "owner",
    ],
    weak: ["员工", "employee"],
  },
  customer: {
    strong: ["客户", "客户名称", "顾客", "经销商", "client", "customer"],
    weak: ["account"],
  },
};

/**
 * Headers of a year column that, beside a month-number column, dates each row.
 * @example YEAR_HEADERS.includes("年份") === true
 */
export const YEAR_HEADERS: readonly string[] = [
  "年",
  "年份",
  "年度",
  "财年",
  "year",
  "fy",
  "fiscal year",
];
