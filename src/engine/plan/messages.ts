import { formatAmount } from "../formatNumber";
import type { MessageCatalog, MessageParams } from "../messageCatalog";
import { roleWord } from "../roleWords";

const DIMENSION_ZH: Record<string, string> = {
  region: "区域",
  product: "产品",
  channel: "渠道",
  rep: "销售代表",
  customer: "客户",
};

const s = (p: MessageParams, k: string) => String(p[k] ?? "");
const n = (p: MessageParams, k: string) =>
  typeof p[k] === "number" ? formatAmount(p[k] as number) : s(p, k);
const dimZh = (p: MessageParams, k: string) => DIMENSION_ZH[s(p, k)] ?? s(p, k);
const MONTHS_EN = [
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
/** A list of month numbers ("3, 11") in words: "Mar, Nov" / "3月、11月". */
const monthList = (p: MessageParams, k: string, language: "en" | "zh") =>
  s(p, k)
    .split(",")
    .map((m) => Number(m.trim()))
    .filter((m) => m >= 1 && m <= 12)
    .map((m) => (language === "en" ? MONTHS_EN[m - 1] : `${m}月`))
    .join(language === "en" ? ", " : "、");

/** " under East / Ann" after a member, nothing under the whole company. */
/** The parent a message names: the whole plan for the cascade's root, else its path. */
const parentName = (p: MessageParams, language: "en" | "zh"): string =>
  p.parent === "(total)" ? (language === "en" ? "the whole plan" : "整个计划") : s(p, "parent");
const under = (p: MessageParams) => (p.parent ? ` under ${parentName(p, "en")}` : "");
const underZh = (p: MessageParams) => (p.parent ? ` ${parentName(p, "zh")} 下` : "");

/** What a plan-file value should have been, by the type the schema expected. */
const TYPE_NAMES: Record<string, { en: string; zh: string }> = {
  number: { en: "a number", zh: "数字" },
  int: { en: "a whole number", zh: "整数" },
  string: { en: "text in quotes", zh: "带引号的文本" },
  boolean: { en: "true or false", zh: " true 或 false" },
  array: { en: "a list [ … ]", zh: "列表 [ … ]" },
  object: { en: "an object { … }", zh: "对象 { … }" },
  record: { en: "an object { … }", zh: "对象 { … }" },
};
const typeName = (p: MessageParams, language: "en" | "zh") =>
  TYPE_NAMES[s(p, "expected")]?.[language] ?? s(p, "expected");
/** The shapes a union accepts, one per key: `{"amount": …} or {"growth": …}`. */
const shapes = (p: MessageParams, or: string) =>
  s(p, "keys")
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "")
    .map((k) => `{"${k}": …}`)
    .join(or);

/** A measure's name: "quantity" / "数量", "gross profit" / "毛利". */
const measureEn = (p: MessageParams) => roleWord(s(p, "measure"), "en-US");
const measureZh = (p: MessageParams) => roleWord(s(p, "measure"), "zh-CN");
/** The column roles a measure reads, as alternatives: "cost or gross profit" / "成本或毛利". */
const rolesIn = (p: MessageParams, language: "en-US" | "zh-CN") =>
  s(p, "roles")
    .split(",")
    .map((r) => r.trim())
    .filter((r) => r !== "")
    .map((r) => roleWord(r, language))
    .join(language === "en-US" ? " or " : "或");
/** The plan-file key a measure's column is named under: `"columns": { "quantity": "<header>" }`. */
const columnsKey = (p: MessageParams) => s(p, "roles").split(",")[0].trim();
/** A planning ratio's name: the price of the quantity, the margin of gross profit. */
const ratioEn = (p: MessageParams) => (p.measure === "quantity" ? "price" : "margin");
const ratioZh = (p: MessageParams) => (p.measure === "quantity" ? "单价" : "毛利率");
/** A suggested cap: an amount, or a share of last year (`ofLastYear` 1.25 → 125 % of last year). */
const capValue = (p: MessageParams, language: "en" | "zh"): string => {
  if (p.boundKind !== "ofLastYear") return n(p, "boundTo");
  const percent = `${Math.round(Number(p.boundTo) * 1000) / 10} %`;
  return language === "en" ? `${percent} of last year` : `上年的 ${percent}`;
};

/** Messages of the plan file, the cascade and tracking, in English and Chinese. */
export const PLAN_MESSAGES: MessageCatalog = {
  "plan-not-json": {
    "en-US": (p) =>
      p.line !== undefined
        ? `the plan file is not valid JSON at line ${s(p, "line")}, column ${s(p, "column")} (near "${s(p, "near")}"): check the commas and quotes there`
        : p.end !== undefined
          ? "the plan file is not valid JSON: it ends too early (a bracket or quote is not closed)"
          : `the plan file is not valid JSON: ${s(p, "detail")}`,
    "zh-CN": (p) =>
      p.line !== undefined
        ? `计划文件不是有效的 JSON：第 ${s(p, "line")} 行第 ${s(p, "column")} 列（“${s(p, "near")}”附近）有误，请检查该处的逗号和引号`
        : p.end !== undefined
          ? "计划文件不是有效的 JSON：文件提前结束（有括号或引号未闭合）"
          : `计划文件不是有效的 JSON：${s(p, "detail")}`,
  },
  "plan-unknown-key-suggest": {
    "en-US": (p) => `unknown key "${s(p, "key")}" (did you mean "${s(p, "suggestion")}"?)`,
    "zh-CN": (p) => `未知的键 “${s(p, "key")}”（是否应为 “${s(p, "suggestion")}”？）`,
  },
  "plan-unknown-key": {
    "en-US": (p) =>
      `unknown key "${s(p, "key")}"${p.known ? ` (known keys: ${s(p, "known")})` : ""}`,
    "zh-CN": (p) => `未知的键 “${s(p, "key")}”${p.known ? `（可用的键：${s(p, "known")}）` : ""}`,
  },
  "plan-missing": {
    "en-US": () => "is required",
    "zh-CN": () => "必须填写",
  },
  "plan-wrong-type": {
    "en-US": (p) => `must be ${typeName(p, "en")}, got ${s(p, "got")}`,
    "zh-CN": (p) => `必须是${typeName(p, "zh")}，实际为 ${s(p, "got")}`,
  },
  "plan-not-one-of": {
    "en-US": (p) => `must be one of ${s(p, "allowed")}, got ${s(p, "got")}`,
    "zh-CN": (p) => `必须是以下之一：${s(p, "allowed")}；实际为 ${s(p, "got")}`,
  },
  "plan-not-one-of-suggest": {
    "en-US": (p) =>
      `must be one of ${s(p, "allowed")}, got ${s(p, "got")} (did you mean "${s(p, "suggestion")}"?)`,
    "zh-CN": (p) =>
      `必须是以下之一：${s(p, "allowed")}；实际为 ${s(p, "got")}（是否应为 “${s(p, "suggestion")}”？）`,
  },
  "plan-too-small": {
    "en-US": (p) =>
      `must be ${p.inclusive ? "at least" : "more than"} ${s(p, "limit")}, got ${s(p, "got")}`,
    "zh-CN": (p) => `应${p.inclusive ? "不小于" : "大于"} ${s(p, "limit")}，实际为 ${s(p, "got")}`,
  },
  "plan-too-big": {
    "en-US": (p) =>
      `must be ${p.inclusive ? "at most" : "less than"} ${s(p, "limit")}, got ${s(p, "got")}`,
    "zh-CN": (p) => `应${p.inclusive ? "不大于" : "小于"} ${s(p, "limit")}，实际为 ${s(p, "got")}`,
  },
  "plan-bad-format": {
    "en-US": (p) => `must look like 2026-04 (year-month), got ${s(p, "got")}`,
    "zh-CN": (p) => `格式应为 2026-04（年-月），实际为 ${s(p, "got")}`,
  },
  "plan-wrong-shape": {
    "en-US": (p) => `must be ${shapes(p, " or ")}, got ${s(p, "got")}`,
    "zh-CN": (p) => `必须是 ${shapes(p, " 或 ")}，实际为 ${s(p, "got")}`,
  },
  "plan-required-for-manual": {
    "en-US": () => `is required when the method is "manual" (child → weight)`,
    "zh-CN": () => `方法为 "manual" 时必须填写（成员 → 权重）`,
  },
  "plan-required-for-blend": {
    "en-US": () => `is required when the method is "blend" (methods with a weight each)`,
    "zh-CN": () => `方法为 "blend" 时必须填写（各方法及其权重）`,
  },
  "plan-required-for-manual-time": {
    "en-US": () => `needs 12 month weights when the time method is "manual"`,
    "zh-CN": () => `时间方法为 "manual" 时需要 12 个月的权重`,
  },
  "plan-lock-needs-one-of": {
    "en-US": () => `a lock needs exactly one of "amount", "growth" or "share"`,
    "zh-CN": () => `锁定需且仅需填写 "amount"、"growth"、"share" 之一`,
  },
  "plan-lock-where-empty": {
    "en-US": () => `must name the locked node, e.g. {"region": "East"}`,
    "zh-CN": () => `必须指明锁定的节点，例如 {"region": "华东"}`,
  },
  "plan-lock-repeated": {
    "en-US": (p) =>
      `the same node as ${s(p, "other")} (${s(p, "level")} "${s(p, "member")}"${p.parent ? ` under ${parentName(p, "en")}` : ""}): a node takes one lock`,
    "zh-CN": (p) =>
      `与 ${s(p, "other")} 锁定的是同一节点（${p.parent ? `${parentName(p, "zh")} 下的` : ""}${dimZh(p, "level")} “${s(p, "member")}”）：每个节点只能有一个锁定`,
  },
  "plan-dimension-reserved": {
    "en-US": () =>
      "is a name the result uses for its own figures; name the column differently in the history",
    "zh-CN": () => "与结果中的字段同名；请在历史数据中给该列换一个标题",
  },
  "plan-level-repeated": {
    "en-US": () => "this dimension is already a level",
    "zh-CN": () => "该维度已是一个层级",
  },
  "plan-asof-outside-plan-year": {
    "en-US": () => "must be a month of the plan year",
    "zh-CN": () => "必须是计划年度内的月份",
  },
  "plan-invalid": {
    "en-US": (p) => `is not valid: ${s(p, "detail")}`,
    "zh-CN": (p) => `无效：${s(p, "detail")}`,
  },
  "manual-time-weights-zero": {
    "en-US": () => "the 12 manual month weights add up to zero",
    "zh-CN": () => "手工填写的 12 个月权重之和为零",
  },
  "no-sales-in-window": {
    "en-US": (p) =>
      `no positive sales in ${s(p, "window")} (${s(p, "scope")}) to learn the seasonality from`,
    "zh-CN": (p) => `${s(p, "window")}（${s(p, "scope")}）没有正的销售额，无法计算季节性`,
  },
  "moving-average-needs-24-months": {
    "en-US": (p) =>
      `the moving-average ratio needs at least 24 months of history in ${s(p, "window")}, found ${s(p, "months")}`,
    "zh-CN": (p) =>
      `移动平均比率法至少需要 24 个月的历史（${s(p, "window")}），实际只有 ${s(p, "months")} 个月`,
  },
  "lock-not-multiple-of-unit": {
    "en-US": (p) =>
      `the lock amount ${n(p, "amount")} is not a multiple of the rounding unit ${n(p, "unit")}`,
    "zh-CN": (p) => `锁定金额 ${n(p, "amount")} 不是取整单位 ${n(p, "unit")} 的整数倍`,
  },
  "lock-unknown-node": {
    "en-US": (p) =>
      `no ${s(p, "level")} "${s(p, "member")}" under ${parentName(p, "en")} in the history (add "new": true for a new one)`,
    "zh-CN": (p) =>
      `历史数据中 ${parentName(p, "zh")} 下没有${dimZh(p, "level")} “${s(p, "member")}”（新增请加 "new": true）`,
  },
  "lock-unknown-node-suggest": {
    "en-US": (p) =>
      `no ${s(p, "level")} "${s(p, "member")}" under ${parentName(p, "en")} in the history: did you mean "${s(p, "suggestion")}"? (add "new": true for a new one)`,
    "zh-CN": (p) =>
      `历史数据中 ${parentName(p, "zh")} 下没有${dimZh(p, "level")} “${s(p, "member")}”：是否应为 “${s(p, "suggestion")}”？（新增请加 "new": true）`,
  },
  "lock-parent-unknown": {
    "en-US": (p) =>
      `no ${s(p, "level")} "${s(p, "member")}" under ${parentName(p, "en")} in the history to hold this lock (a new one needs its own lock with "new": true)`,
    "zh-CN": (p) =>
      `历史数据中 ${parentName(p, "zh")} 下没有${dimZh(p, "level")} “${s(p, "member")}”，无法放置此锁定（如是新增，请先用 "new": true 单独锁定它）`,
  },
  "lock-parent-unknown-suggest": {
    "en-US": (p) =>
      `no ${s(p, "level")} "${s(p, "member")}" under ${parentName(p, "en")} in the history to hold this lock: did you mean "${s(p, "suggestion")}"? (a new one needs its own lock with "new": true)`,
    "zh-CN": (p) =>
      `历史数据中 ${parentName(p, "zh")} 下没有${dimZh(p, "level")} “${s(p, "member")}”，无法放置此锁定：是否应为 “${s(p, "suggestion")}”？（如是新增，请先用 "new": true 单独锁定它）`,
  },
  "lock-growth-without-base": {
    "en-US": (p) =>
      `"${s(p, "member")}" under ${parentName(p, "en")} has no base-year sales to grow from: lock an amount or a share instead`,
    "zh-CN": (p) =>
      `${parentName(p, "zh")} 下的 “${s(p, "member")}” 没有基准年销售额，无法按增长率锁定：请改为锁定金额或占比`,
  },
  "locks-exceed-parent": {
    "en-US": (p) =>
      `locks on ${s(p, "members")} total ${n(p, "locked")}, more than their parent ${parentName(p, "en")} (${n(p, "parentAmount")})`,
    "zh-CN": (p) =>
      `${s(p, "members")} 的锁定合计 ${n(p, "locked")}，超过其上级 ${parentName(p, "zh")}（${n(p, "parentAmount")}）`,
  },
  "locks-leave-remainder": {
    "en-US": (p) =>
      `every member of ${parentName(p, "en")} is locked, leaving ${n(p, "remainder")} with nowhere to go`,
    "zh-CN": (p) => `${parentName(p, "zh")} 的所有成员都已锁定，剩余 ${n(p, "remainder")} 无处分配`,
  },
  "caps-infeasible": {
    "en-US": (p) =>
      `the caps under ${parentName(p, "en")} cannot hold: ${n(p, "amount")} must fit between ${n(p, "minTotal")} and ${n(p, "maxTotal")}` +
      (p.bound === "crossed"
        ? ` (the minimum of ${s(p, "level")} "${s(p, "member")}" is above its maximum)`
        : p.boundTo !== undefined
          ? `; a ${p.bound === "min" ? "minimum" : "maximum"} of ${capValue(p, "en")} per ${s(p, "level")} would hold`
          : ""),
    "zh-CN": (p) =>
      `${parentName(p, "zh")} 下的上下限无法同时满足：${n(p, "amount")} 须在 ${n(p, "minTotal")} 与 ${n(p, "maxTotal")} 之间` +
      (p.bound === "crossed"
        ? `（${dimZh(p, "level")}“${s(p, "member")}”的下限高于上限）`
        : p.boundTo !== undefined
          ? `；每个${dimZh(p, "level")}的${p.bound === "min" ? "下限不高于" : "上限不低于"} ${capValue(p, "zh")} 即可满足`
          : ""),
  },
  "lock-dimension-not-a-level": {
    "en-US": (p) =>
      `"${s(p, "dimension")}" is not a level of this plan (levels: ${s(p, "levels")})` +
      (p.suggestion !== undefined ? `; did you mean "${s(p, "suggestion")}"?` : ""),
    "zh-CN": (p) =>
      `“${s(p, "dimension")}”不是本计划的层级（层级：${s(p, "levels")}）` +
      (p.suggestion !== undefined ? `，是否是“${s(p, "suggestion")}”？` : ""),
  },
  "lock-missing-level": {
    "en-US": (p) => `must also name the ${s(p, "dimension")} above the locked node`,
    "zh-CN": (p) => `还必须指明锁定节点上级的${dimZh(p, "dimension")}`,
  },
  "level-column-missing": {
    "en-US": (p) =>
      `the history has no ${s(p, "dimension")} column (name it in "columns" if its header is unusual)`,
    "zh-CN": (p) => `历史数据中没有${dimZh(p, "dimension")}列（表头特殊时可在 "columns" 中指定）`,
  },
  "asof-bad-format": {
    "en-US": (p) => `"${s(p, "value")}" is not a month like 2026-04`,
    "zh-CN": (p) => `“${s(p, "value")}” 不是形如 2026-04 的月份`,
  },
  "asof-outside-plan-year": {
    "en-US": (p) => `"${s(p, "value")}" is not in the plan year ${s(p, "planYear")}`,
    "zh-CN": (p) => `“${s(p, "value")}” 不在计划年度 ${s(p, "planYear")} 内`,
  },
  "target-not-multiple-of-unit": {
    "en-US": (p) =>
      `the target ${n(p, "amount")} is not a multiple of the rounding unit ${n(p, "unit")}`,
    "zh-CN": (p) => `目标 ${n(p, "amount")} 不是取整单位 ${n(p, "unit")} 的整数倍`,
  },
  "target-too-large": {
    "en-US": (p) =>
      `the target ${n(p, "amount")} is too large: at most ${n(p, "limit")} can be split in whole units`,
    "zh-CN": (p) => `目标 ${n(p, "amount")} 过大：最多只能按整单位分解 ${n(p, "limit")}`,
  },
  "growth-needs-full-base-year": {
    "en-US": (p) =>
      `a growth target needs sales in all 12 months of ${s(p, "baseYear")}; missing: ${monthList(p, "missing", "en")}`,
    "zh-CN": (p) =>
      `按增长率设定目标需要 ${s(p, "baseYear")} 年全部 12 个月的销售数据；缺少：${monthList(p, "missing", "zh")}`,
  },
  "no-history-before-plan-year": {
    "en-US": (p) =>
      `the history has no rows before ${s(p, "planYear")}: there is nothing to plan from` +
      (Number(p.count) > 0
        ? ` (its ${s(p, "count")} rows are all dated ${s(p, "planYear")} or later; is the plan year right?)`
        : ""),
    "zh-CN": (p) =>
      `历史数据中没有 ${s(p, "planYear")} 年之前的记录，无从制定计划` +
      (Number(p.count) > 0
        ? `（全部 ${s(p, "count")} 行都在 ${s(p, "planYear")} 年或之后；计划年度是否正确？）`
        : ""),
  },
  "base-not-positive": {
    "en-US": (p) =>
      `net sales of ${s(p, "baseYear")} are ${n(p, "base")}: a growth target needs a positive base; give an amount`,
    "zh-CN": (p) =>
      `${s(p, "baseYear")} 年净销售额为 ${n(p, "base")}：按增长率设定目标需要正的基数；请改为填写金额`,
  },
  "no-base-year-sales": {
    "en-US": (p) =>
      `the history has no rows in the base year ${s(p, "baseYear")} (its latest month is ${s(p, "latest")}): the plan has no last year to compare with; is the plan year right?`,
    "zh-CN": (p) =>
      `历史数据中没有基准年 ${s(p, "baseYear")} 年的记录（最近的月份为 ${s(p, "latest")}）：计划没有上一年可比；计划年度是否正确？`,
  },
  "negative-month-clamped": {
    "en-US": (p) =>
      `net sales of month(s) ${s(p, "months")} are negative (${s(p, "scope")}): counted as zero in the seasonality`,
    "zh-CN": (p) => `第 ${s(p, "months")} 月净销售额为负（${s(p, "scope")}）：季节性计算中按零处理`,
  },
  "equal-fallback": {
    "en-US": (p) =>
      `no ${s(p, "level")} under ${parentName(p, "en")} has positive sales in the window: split equally among those with any history`,
    "zh-CN": (p) =>
      `${parentName(p, "zh")} 下没有${dimZh(p, "level")}在窗口期内有正的销售额：在有历史记录的成员间平均分配`,
  },
  "manual-member-without-history": {
    "en-US": (p) =>
      `manual weight for ${s(p, "level")} "${s(p, "member")}" under ${parentName(p, "en")}, which has no history`,
    "zh-CN": (p) =>
      `${parentName(p, "zh")} 下手工权重中的${dimZh(p, "level")} “${s(p, "member")}” 没有历史数据`,
  },
  "manual-member-without-history-suggest": {
    "en-US": (p) =>
      `manual weight for ${s(p, "level")} "${s(p, "member")}" under ${parentName(p, "en")}, which has no history: did you mean "${s(p, "suggestion")}"?`,
    "zh-CN": (p) =>
      `${parentName(p, "zh")} 下手工权重中的${dimZh(p, "level")} “${s(p, "member")}” 没有历史数据：是否应为 “${s(p, "suggestion")}”？`,
  },
  "negative-net-members": {
    "en-US": (p) =>
      `${s(p, "level")} ${s(p, "members")}${under(p)}: negative net sales in ${s(p, "window")}, so left out of the split with no target (a split goes to members with positive net sales)`,
    "zh-CN": (p) =>
      `${p.parent ? `${parentName(p, "zh")} 下的` : ""}${dimZh(p, "level")} ${s(p, "members")} 在 ${s(p, "window")} 年的净销售额为负，因此不参与分配，没有目标（只有净销售额为正的成员参与分配）`,
  },
  "manual-weights-leave-out": {
    "en-US": (p) =>
      `${s(p, "field")} leaves out ${s(p, "level")} ${s(p, "members")}${under(p)}, which have history: they get no target`,
    "zh-CN": (p) =>
      `${s(p, "field")} 未列出${underZh(p)}有历史数据的${dimZh(p, "level")} ${s(p, "members")}：它们没有目标`,
  },
  "blend-part-leaves-out": {
    "en-US": (p) =>
      `${s(p, "field")} leaves out ${s(p, "level")} ${s(p, "members")}${under(p)}, which have history: they get no share of that part of the blend`,
    "zh-CN": (p) =>
      `${s(p, "field")} 未列出${underZh(p)}有历史数据的${dimZh(p, "level")} ${s(p, "members")}：它们分不到混合方法中这一部分的份额`,
  },
  "growth-above-one": {
    "en-US": (p) =>
      `${s(p, "field")} is ${s(p, "growth")}, which means +${s(p, "percent")} %: for ${s(p, "growth")} % write ${s(p, "fraction")}`,
    "zh-CN": (p) =>
      `${s(p, "field")} 为 ${s(p, "growth")}，即增长 ${s(p, "percent")} %；如果想要增长 ${s(p, "growth")} %，请写 ${s(p, "fraction")}`,
  },
  "rows-after-plan-year": {
    "en-US": (p) => `${s(p, "count")} row(s) dated after ${s(p, "planYear")} were ignored`,
    "zh-CN": (p) => `${s(p, "count")} 行日期晚于 ${s(p, "planYear")} 年，已忽略`,
  },
  "actuals-after-as-of": {
    "en-US": (p) =>
      `${s(p, "count")} plan-year row(s) after ${s(p, "asOf")} are not yet counted in tracking`,
    "zh-CN": (p) => `${s(p, "count")} 行计划年度数据晚于 ${s(p, "asOf")}，暂不计入跟踪`,
  },
  "segment-growth-far": {
    "en-US": (p) =>
      `${s(p, "segment")}: target implies ${s(p, "growth")} growth on its base year, far from the plan's ${s(p, "overall")}`,
    "zh-CN": (p) =>
      `${s(p, "segment")}：目标相对其基准年增长 ${s(p, "growth")}，与整体计划的 ${s(p, "overall")} 相差较大`,
  },
  "measure-column-missing": {
    "en-US": (p) =>
      `planning the ${measureEn(p)} needs a ${rolesIn(p, "en-US")} column in the history, and none was found: name its header under "columns" (e.g. "columns": { "${columnsKey(p)}": "<header>" }) or leave ${measureEn(p)} out of "measures"`,
    "zh-CN": (p) =>
      `计划${measureZh(p)}需要历史数据中的${rolesIn(p, "zh-CN")}列，但未找到：请在 "columns" 中指定其表头（如 "columns": { "${columnsKey(p)}": "<表头>" }），或从 "measures" 中去掉${measureZh(p)}`,
  },
  "measure-no-ratio": {
    "en-US": (p) =>
      p.measure === "quantity"
        ? `${s(p, "node")} has no planning price: neither it nor any level above it (up to the whole company) has positive net sales and positive net quantity in the ${s(p, "years")} year(s) before ${s(p, "planYear")}; check the quantity column`
        : `${s(p, "node")} has no planning margin: neither it nor any level above it (up to the whole company) has positive net sales in the ${s(p, "years")} year(s) before ${s(p, "planYear")}`,
    "zh-CN": (p) =>
      p.measure === "quantity"
        ? `${s(p, "node")} 无法确定计划单价：它及其所有上级（直至全公司）在 ${s(p, "planYear")} 年之前的 ${s(p, "years")} 年内都没有同时为正的净销售额和净数量；请检查数量列`
        : `${s(p, "node")} 无法确定计划毛利率：它及其所有上级（直至全公司）在 ${s(p, "planYear")} 年之前的 ${s(p, "years")} 年内都没有为正的净销售额`,
  },
  "measure-ratio-inherited": {
    "en-US": (p) =>
      `${s(p, "count")} segment(s) have no ${ratioEn(p)} of their own in the base year or the ${s(p, "years")}-year window and take the one of the level above them: ${s(p, "members")}`,
    "zh-CN": (p) =>
      `${s(p, "count")} 个细分在基准年及 ${s(p, "years")} 年窗口内都没有自己的${ratioZh(p)}，已沿用其上级的${ratioZh(p)}：${s(p, "members")}`,
  },
  "measure-too-large": {
    "en-US": (p) =>
      `${s(p, "node")}: its ${measureEn(p)} would pass ${n(p, "limit")} at its ${ratioEn(p)} of ${s(p, "ratio")} (net sales all but cancelled by returns?); check its history or leave ${measureEn(p)} out of "measures"`,
    "zh-CN": (p) =>
      `${s(p, "node")}：按其${ratioZh(p)} ${s(p, "ratio")} 计算，${measureZh(p)}将超过 ${n(p, "limit")}（净销售额是否几乎被退货抵消？）；请检查其历史数据，或从 "measures" 中去掉${measureZh(p)}`,
  },
  "gross-profit-target-not-multiple-of-unit": {
    "en-US": (p) =>
      `the gross profit target ${n(p, "amount")} is not a multiple of the rounding unit ${n(p, "unit")}`,
    "zh-CN": (p) => `毛利目标 ${n(p, "amount")} 不是取整单位 ${n(p, "unit")} 的整数倍`,
  },
  "expenses-not-multiple-of-unit": {
    "en-US": (p) =>
      `the expenses ${n(p, "amount")} are not a multiple of the rounding unit ${n(p, "unit")}`,
    "zh-CN": (p) => `销售费用 ${n(p, "amount")} 不是取整单位 ${n(p, "unit")} 的整数倍`,
  },
  "gross-profit-split-by-amount": {
    "en-US": (p) =>
      `no segment of ${parentName(p, "en")} has a positive gross profit at its margin: its gross profit target ${n(p, "amount")} is split by sales targets instead`,
    "zh-CN": (p) =>
      `${parentName(p, "zh")}下没有按毛利率计算毛利为正的细分：其毛利目标 ${n(p, "amount")} 改按销售目标分摊`,
  },
  "gross-profit-loss-leaf": {
    "en-US": (p) =>
      `${s(p, "member")} sells at a loss (margin ${s(p, "margin")}%): its gross profit is planned at ${n(p, "amount")}`,
    "zh-CN": (p) =>
      `${s(p, "member")} 亏损销售（毛利率 ${s(p, "margin")}%）：其计划毛利为 ${n(p, "amount")}`,
  },
  "gross-profit-loss-leaf-zero": {
    "en-US": (p) =>
      `${s(p, "member")} sells at a loss (margin ${s(p, "margin")}%): it gets no share of the gross profit target`,
    "zh-CN": (p) => `${s(p, "member")} 亏损销售（毛利率 ${s(p, "margin")}%）：不分摊毛利目标`,
  },
  "gross-profit-loss-leaf-share": {
    "en-US": (p) =>
      `${s(p, "member")} sells at a loss (margin ${s(p, "margin")}%), yet gets ${n(p, "amount")} of the gross profit target: no segment beside it has a positive gross profit to take it`,
    "zh-CN": (p) =>
      `${s(p, "member")} 亏损销售（毛利率 ${s(p, "margin")}%），但同级没有毛利为正的细分可承担，仍分得毛利目标 ${n(p, "amount")}`,
  },
  "unplanned-actuals": {
    "en-US": (p) =>
      `actual sales of ${s(p, "count")} segment(s) not in the plan are shown as unplanned: ${s(p, "members")}`,
    "zh-CN": (p) =>
      `${s(p, "count")} 个不在计划中的细分有实际销售，已列为计划外：${s(p, "members")}`,
  },
};
