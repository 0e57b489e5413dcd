import type { HistoryRole } from "../history";

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
export const HEADER_ALIASES: Record<HistoryRole, RoleAliases> = {
  date: {
    strong: [
      "日期",
      "订单日期",
      "销售日期",
      "交易日期",
      "开票日期",
      "发货日期",
      "单据日期",
      "业务日期",
      "出库日期",
      "记账日期",
      "过账日期",
      "年月",
      "时间",
      "期间",
      "date",
      "order date",
      "invoice date",
      "transaction date",
      "billing date",
      "posting date",
      "document date",
      "close date",
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
      "价税合计",
      "含税金额",
      "无税金额",
      "不含税金额",
      "本币无税金额",
      "本币价税合计",
      "本币含税金额",
      "销售净额",
      "revenue",
      "net sales",
      "amount",
      "sales amount",
      "net amount",
      "net value",
      "gross amount",
      "gross value",
      "extended amount",
      "line amount",
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
    strong: [
      "成本",
      "销售成本",
      "营业成本",
      "主营业务成本",
      "成本金额",
      "cost",
      "cogs",
      "cost of sales",
      "cost of goods sold",
    ],
  },
  grossProfit: {
    strong: ["毛利", "毛利额", "销售毛利", "毛利润", "gross profit", "gross margin", "margin"],
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
      "商品名称",
      "品名",
      "存货",
      "存货名称",
      "物料",
      "物料名称",
      "product",
      "product line",
      "sku",
      "category",
      "material",
      "material description",
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
    strong: [
      "客户",
      "客户名称",
      "客户简称",
      "顾客",
      "经销商",
      "client",
      "customer",
      "sold to party",
      "sold to",
      "ship to party",
    ],
    weak: ["account"],
  },
};

/**
 * Headers that name a per-unit figure, a rate, a tax, a discount or a cost or profit centre: never
 * an amount, a quantity, a cost or any other role, whatever word they share with one ("金额 含税单价",
 * "Tax Amount", "Unit Cost", "Margin %", "Cost Center").
 * Matched against the normalised header (see `normalizeHeader`).
 * @example NOT_A_ROLE.some((pattern) => pattern.test("含税单价")) === true
 */
export const NOT_A_ROLE: readonly RegExp[] = [
  /单价|单位成本|单位售价|单位价格|均价|平均价|售价$|价格$|折扣|税额|税率|费率|毛利率|利润率|百分比|占比/,
  /unitprice|unitcost|priceperunit|costperunit|averageprice|avgprice|listprice|netprice|^prices?$/,
  /^(tax|vat|gst)|taxamount|vatamount|salestax|taxrate|^discount|discount$|percent|pct$|ratio$/,
  /成本中心|利润中心|costcent(er|re)|profitcent(er|re)|marginrate|^gpm$/,
];

/**
 * Amount headers that are net of tax (they win over other amount columns) and gross of tax (they
 * give way to any other amount column), matched inside the normalised header.
 * @example AMOUNT_NET_OF_TAX.test("本币无税金额") === true; AMOUNT_GROSS_OF_TAX.test("价税合计") === true
 */
export const AMOUNT_NET_OF_TAX =
  /无税|不含税|未税|税前|净额|销售净|netamount|netvalue|netsales|netrevenue|excl(uding)?(tax|vat|gst)|ex(tax|vat|gst)|before(tax|vat)|pretax/;
export const AMOUNT_GROSS_OF_TAX =
  /价税合计|含税|税后|grossamount|grossvalue|grosssales|grossrevenue|incl(uding)?(tax|vat|gst)|inc(tax|vat|gst)|after(tax|vat)|with(tax|vat)/;

/**
 * Amount headers in the company's own currency (本币), which win over amounts in each document's
 * currency (原币): summing those would add dollars to yuan.
 * @example AMOUNT_LOCAL_CURRENCY.test("本币无税金额") === true; AMOUNT_DOCUMENT_CURRENCY.test("原币无税金额") === true
 */
export const AMOUNT_LOCAL_CURRENCY =
  /本币|本位币|localcurrency|companycurrency|incl?c$|inlc|grouppcurrency/;
export const AMOUNT_DOCUMENT_CURRENCY =
  /原币|外币|documentcurrency|doccurrency|transactioncurrency|foreigncurrency|indc$/;

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
