import type { Dimension, DimensionKey } from "../engine/history";
import type { Language } from "../engine/language";

/** Every word the generated sheets show, in each language. */
export type SheetLabels = {
  /** The language of these words, which also orders member names on the sheets. */
  language: Language;
  sheetNames: {
    summary: string;
    allocation: string;
    allocationTable: string;
    actionPlan: string;
    tracking: string;
    profitPlan: string;
  };
  dimensions: Record<Dimension, string>;
  /** A level's heading: a built-in dimension's word, or the column header a level names. */
  dimension: (key: DimensionKey) => string;
  /** A column role's heading (date, amount, months, a level). */
  roleName: (role: string) => string;
  roles: {
    date: string;
    amount: string;
    months: string;
    quantity: string;
    cost: string;
    grossProfit: string;
  };
  columnsRead: string;
  columnRole: string;
  columnHeader: string;
  column: string;
  months: string[];
  quarters: string[];
  summaryTitle: (year: number) => string;
  /** The plan's name, printed in the footer of every page. */
  planName: (year: number) => string;
  /** The page number line of the printed footer, given Excel's page and page-count fields. */
  pageOfPages: (page: string, pages: string) => string;
  allocationTitle: (year: number) => string;
  trackingTitle: (year: number, asOf: string) => string;
  generatedFrom: (sheet: string, unit: string) => string;
  planYear: string;
  baseYearSales: (year: number) => string;
  target: string;
  growth: string;
  roundingUnit: string;
  levels: string;
  timeMethod: string;
  timeMethods: Record<string, string>;
  profiles: Record<string, string>;
  years: (n: number) => string;
  none: string;
  period: string;
  share: string;
  baseYear: (year: number) => string;
  growthVsBase: string;
  annual: string;
  total: string;
  totalOf: (name: string) => string;
  status: string;
  statuses: { closed: string; open: string; unplanned: string };
  actual: string;
  variance: string;
  attainment: string;
  ytdTarget: string;
  ytdActual: string;
  reforecast: string;
  closedTotal: string;
  outlook: string;
  newMember: string;
  locked: string;
  quarter: string;
  actionPlanTitle: (year: number) => string;
  allocationTableTitle: (year: number) => string;
  dealSize: string;
  dealsNeeded: string;
  customersOfTier: (tier: "A" | "B" | "C") => string;
  visits: string;
  activities: string;
  owner: string;
  dueDate: string;
  actionStatuses: string[];
  notes: string;
  repTitle: (rep: string, year: number) => string;
  annualQuota: string;
  quarterlyQuota: string;
  monthlyQuota: string;
  month: string;
  quotaVsLastYear: string;
  targetOfYear: (year: number) => string;
  quotaChartTitle: (planYear: number, baseYear: number) => string;
  actionRows: string;
  trackingRows: string;
  notInPlan: string;
  notInPlanRows: string;
  /** The measures beside the amount: column and row headings. */
  measures: {
    quantity: string;
    grossProfit: string;
    margin: string;
    actualQuantity: string;
    actualGrossProfit: string;
    annualQuantity: string;
    annualGrossProfit: string;
    monthlyQuantity: string;
    monthlyGrossProfit: string;
  };
  profitPlanTitle: (year: number) => string;
  /** The heading of the Profit Plan's column of P&L lines. */
  profitLine: string;
  /** The lines of the sales P&L, top to bottom. */
  profitLines: {
    sales: string;
    cost: string;
    grossProfit: string;
    margin: string;
    expenses: string;
    netProfit: string;
  };
  /** The sheet of the user's edits a regeneration moved out of the plan's way. */
  edits: {
    sheetName: string;
    title: string;
    explanation: string;
    sheet: string;
    cell: string;
    value: string;
    formula: string;
    comment: string;
    reason: string;
    reasons: Record<UserEditReason, string>;
  };
  /** The header of a column a user added to a table, when it had none. */
  userColumn: (n: number) => string;
};

/** Why a user's cell was moved to the sheet of the user's edits. */
export type UserEditReason = "layout" | "row-gone" | "comment" | "typed-over";

/** Labels as written per language; `dimension` is derived from `dimensions`. */
type LabelTexts = Omit<SheetLabels, "dimension" | "roleName">;

const EN: LabelTexts = {
  language: "en-US",
  sheetNames: {
    summary: "Plan Summary",
    allocation: "Allocation",
    allocationTable: "Allocation Table",
    actionPlan: "Action Plan",
    tracking: "Tracking",
    profitPlan: "Profit Plan",
  },
  dimensions: {
    region: "Region",
    product: "Product",
    channel: "Channel",
    rep: "Rep",
    customer: "Customer",
  },
  roles: {
    date: "Date",
    amount: "Amount",
    months: "Month columns",
    quantity: "Quantity",
    cost: "Cost of sales",
    grossProfit: "Gross profit",
  },
  columnsRead: "Columns read from the history",
  columnRole: "Used as",
  columnHeader: "Header",
  column: "Column",
  months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  quarters: ["Q1", "Q2", "Q3", "Q4"],
  summaryTitle: (y) => `Sales plan ${y}`,
  planName: (y) => `${y} Sales Plan`,
  pageOfPages: (page, pages) => `Page ${page} of ${pages}`,
  allocationTitle: (y) => `Target allocation ${y}`,
  trackingTitle: (y, asOf) => `Tracking ${y} (actuals to ${asOf})`,
  generatedFrom: (sheet, unit) => `From sheet "${sheet}" · amounts rounded to ${unit}`,
  planYear: "Plan year",
  baseYearSales: (y) => `Net sales ${y} (base)`,
  target: "Target",
  growth: "Growth",
  roundingUnit: "Rounding unit",
  levels: "Breakdown",
  timeMethod: "Months by",
  timeMethods: {
    seasonality: "seasonality",
    yearlyShareAverage: "average yearly share",
    movingAverageRatio: "moving-average ratio",
    equal: "equal months",
    manual: "manual weights",
  },
  profiles: { company: "company profile", leaf: "each segment's own profile" },
  years: (n) => `${n} year${n === 1 ? "" : "s"}`,
  none: "(none)",
  period: "Period",
  share: "Share",
  baseYear: (y) => `${y} actual`,
  growthVsBase: "vs base",
  annual: "Annual",
  total: "Total",
  totalOf: (name) => `${name} total`,
  status: "Status",
  statuses: { closed: "closed", open: "open", unplanned: "unplanned" },
  actual: "Actual",
  variance: "Variance",
  attainment: "Attainment",
  ytdTarget: "YTD target",
  ytdActual: "YTD actual",
  reforecast: "Re-forecast",
  closedTotal: "Closed months",
  outlook: "Full-year outlook",
  newMember: "new",
  locked: "locked",
  quarter: "Quarter",
  actionPlanTitle: (y) => `Monthly action plan ${y}`,
  allocationTableTitle: (y) => `Targets by month ${y} (table)`,
  dealSize: "Avg deal size",
  dealsNeeded: "Deals needed",
  customersOfTier: (t) => `${t} customers`,
  visits: "Visits",
  activities: "Key activities",
  owner: "Owner",
  dueDate: "Due date",
  actionStatuses: ["Not started", "In progress", "Done", "At risk"],
  notes: "Notes",
  repTitle: (rep, y) => `${rep} — quota ${y}`,
  annualQuota: "Annual quota",
  quarterlyQuota: "Quarterly quota",
  monthlyQuota: "Monthly quota",
  month: "Month",
  quotaVsLastYear: "Quota vs last year",
  targetOfYear: (y) => `Target ${y}`,
  quotaChartTitle: (plan, base) => `Monthly quota ${plan} vs net sales ${base}`,
  actionRows: "Action plan",
  trackingRows: "Tracking",
  notInPlan: "Not in the current plan: kept as it was, not regenerated",
  notInPlanRows: "Rows no longer in the plan (kept with what was typed)",
  measures: {
    quantity: "Quantity",
    grossProfit: "Gross profit",
    margin: "GP margin",
    actualQuantity: "Actual quantity",
    actualGrossProfit: "Actual gross profit",
    annualQuantity: "Annual quantity target",
    annualGrossProfit: "Annual gross profit target",
    monthlyQuantity: "Monthly quantity target",
    monthlyGrossProfit: "Monthly gross profit target",
  },
  profitPlanTitle: (y) => `Profit plan ${y}`,
  profitLine: "Line",
  profitLines: {
    sales: "Sales",
    cost: "Cost of sales",
    grossProfit: "Gross profit",
    margin: "Margin %",
    expenses: "Expenses",
    netProfit: "Net profit",
  },
  edits: {
    sheetName: "Your edits",
    title: "Your edits, moved out of the plan's way",
    explanation:
      "The plan was regenerated and needed these cells; what you had there is kept here, with where it was. The planner never changes this sheet.",
    sheet: "Sheet",
    cell: "Cell",
    value: "Value",
    formula: "Formula",
    comment: "Comment",
    reason: "Why it was moved",
    reasons: {
      layout: "The new plan writes this cell",
      "row-gone": "Its row is no longer in the plan",
      comment: "A comment on a sheet the plan rewrites",
      "typed-over": "A plan figure you had typed over",
    },
  },
  userColumn: (n) => `Column ${n}`,
};

const ZH: LabelTexts = {
  language: "zh-CN",
  sheetNames: {
    summary: "计划摘要",
    allocation: "目标分解",
    allocationTable: "分解明细表",
    actionPlan: "行动计划",
    tracking: "跟踪监控",
    profitPlan: "利润计划",
  },
  dimensions: {
    region: "区域",
    product: "产品",
    channel: "渠道",
    rep: "销售代表",
    customer: "客户",
  },
  roles: {
    date: "日期",
    amount: "金额",
    months: "月份列",
    quantity: "数量",
    cost: "销售成本",
    grossProfit: "毛利",
  },
  columnsRead: "从历史数据读取的列",
  columnRole: "用作",
  columnHeader: "列标题",
  column: "列",
  months: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
  quarters: ["一季度", "二季度", "三季度", "四季度"],
  summaryTitle: (y) => `${y} 年度销售计划`,
  planName: (y) => `${y} 年销售计划`,
  pageOfPages: (page, pages) => `第 ${page} 页，共 ${pages} 页`,
  allocationTitle: (y) => `${y} 年目标分解`,
  trackingTitle: (y, asOf) => `${y} 年跟踪监控(实际截至 ${asOf})`,
  generatedFrom: (sheet, unit) => `数据来源:工作表"${sheet}" · 金额取整到 ${unit}`,
  planYear: "计划年度",
  baseYearSales: (y) => `${y} 年净销售额(基准)`,
  target: "目标",
  growth: "增长率",
  roundingUnit: "取整单位",
  levels: "分解层级",
  timeMethod: "月度分解方法",
  timeMethods: {
    seasonality: "季节性",
    yearlyShareAverage: "年度占比平均",
    movingAverageRatio: "移动平均比率",
    equal: "平均分配",
    manual: "手工权重",
  },
  profiles: { company: "公司整体", leaf: "各细分自身" },
  years: (n) => `${n} 年`,
  none: "(无)",
  period: "期间",
  share: "占比",
  baseYear: (y) => `${y} 年实际`,
  growthVsBase: "同比",
  annual: "全年",
  total: "合计",
  totalOf: (name) => `${name} 小计`,
  status: "状态",
  statuses: { closed: "已结", open: "未结", unplanned: "计划外" },
  actual: "实际",
  variance: "差异",
  attainment: "达成率",
  ytdTarget: "累计目标",
  ytdActual: "累计实际",
  reforecast: "滚动预测",
  closedTotal: "已结月份",
  outlook: "全年预计",
  newMember: "新增",
  locked: "锁定",
  quarter: "季度",
  actionPlanTitle: (y) => `${y} 年月度行动计划`,
  allocationTableTitle: (y) => `${y} 年月度目标明细(表格)`,
  dealSize: "平均单笔金额",
  dealsNeeded: "所需成交笔数",
  customersOfTier: (t) => `${t} 类客户数`,
  visits: "拜访次数",
  activities: "重点工作",
  owner: "负责人",
  dueDate: "完成日期",
  actionStatuses: ["未开始", "进行中", "已完成", "有风险"],
  notes: "备注",
  repTitle: (rep, y) => `${rep} — ${y} 年销售任务`,
  annualQuota: "年度任务",
  quarterlyQuota: "季度任务",
  monthlyQuota: "月度任务",
  month: "月份",
  quotaVsLastYear: "任务与去年对比",
  targetOfYear: (y) => `${y} 年目标`,
  quotaChartTitle: (plan, base) => `${plan} 年月度任务与 ${base} 年净销售额`,
  actionRows: "行动计划",
  trackingRows: "跟踪监控",
  notInPlan: "已不在当前计划中:保留原样,不再重新生成",
  notInPlanRows: "已不在计划中的行(保留所填内容)",
  measures: {
    quantity: "数量",
    grossProfit: "毛利",
    margin: "毛利率",
    actualQuantity: "实际数量",
    actualGrossProfit: "实际毛利",
    annualQuantity: "年度数量目标",
    annualGrossProfit: "年度毛利目标",
    monthlyQuantity: "月度数量目标",
    monthlyGrossProfit: "月度毛利目标",
  },
  profitPlanTitle: (y) => `${y} 年利润计划`,
  profitLine: "项目",
  profitLines: {
    sales: "销售额",
    cost: "销售成本",
    grossProfit: "毛利",
    margin: "毛利率",
    expenses: "销售费用",
    netProfit: "净利",
  },
  edits: {
    sheetName: "您的编辑",
    title: "您的编辑（为新计划让出位置而移到此处）",
    explanation:
      "重新生成的计划要用到这些单元格；您原先填写的内容保留在这里，并注明原来的位置。规划工具从不改动此工作表。",
    sheet: "工作表",
    cell: "单元格",
    value: "值",
    formula: "公式",
    comment: "批注",
    reason: "移动原因",
    reasons: {
      layout: "新计划要写入此单元格",
      "row-gone": "所在行已不在计划中",
      comment: "计划重写的工作表上的批注",
      "typed-over": "您改写过的计划数字",
    },
  },
  userColumn: (n) => `列 ${n}`,
};

/**
 * The sheet labels of a language.
 * @example sheetLabels("zh-CN").target === "目标"
 */
export function sheetLabels(language: Language): SheetLabels {
  return language === "zh-CN" ? ZH_LABELS : EN_LABELS;
}

function withDimension(texts: LabelTexts): SheetLabels {
  const words: Readonly<Record<string, string>> = texts.dimensions;
  const dimension = (key: string) =>
    Object.prototype.hasOwnProperty.call(words, key) ? words[key] : key;
  const roles: Readonly<Record<string, string>> = texts.roles;
  return {
    ...texts,
    dimension,
    roleName: (role) =>
      Object.prototype.hasOwnProperty.call(roles, role) ? roles[role] : dimension(role),
  };
}

const EN_LABELS = withDimension(EN);
const ZH_LABELS = withDimension(ZH);
