import type { MessageCatalog, MessageParams } from "../messageCatalog";

const ROLE_NAMES: Record<string, { en: string; zh: string }> = {
  date: { en: "date", zh: "日期" },
  year: { en: "year", zh: "年份" },
  amount: { en: "amount", zh: "金额" },
  quantity: { en: "quantity", zh: "数量" },
  cost: { en: "cost", zh: "成本" },
  region: { en: "region", zh: "区域" },
  product: { en: "product", zh: "产品" },
  channel: { en: "channel", zh: "渠道" },
  rep: { en: "rep", zh: "业务员" },
  customer: { en: "customer", zh: "客户" },
};

const NUMBER_KINDS: Record<string, { en: string; zh: string }> = {
  serial: { en: "Excel date serials", zh: "Excel 日期序列号" },
  yyyymm: { en: "yyyymm", zh: "年月数字(yyyymm)" },
  yyyymmdd: { en: "yyyymmdd", zh: "年月日数字(yyyymmdd)" },
};

const text = (value: string | number | undefined): string =>
  value === undefined ? "" : String(value);
const roleEn = (p: MessageParams): string => ROLE_NAMES[text(p.role)]?.en ?? text(p.role);
const roleZh = (p: MessageParams): string => ROLE_NAMES[text(p.role)]?.zh ?? text(p.role);
const rows = (p: MessageParams): number => (typeof p.rows === "number" ? p.rows : 1);
const areas = (p: MessageParams): string =>
  typeof p.count === "number" && p.count > 1 ? ` (${p.count} areas)` : "";
const areasZh = (p: MessageParams): string =>
  typeof p.count === "number" && p.count > 1 ? `（共 ${p.count} 处）` : "";

/**
 * The history reader's messages, in English and Chinese, for every skip, error and note code it
 * reports. Messages never name a cell: the caller puts the address in front (`G1043: …`).
 * @example READER_MESSAGES["amount-not-number"]["en-US"]({ value: "N/A" }) === 'amount is not a number: "N/A"'
 */
export const READER_MESSAGES: MessageCatalog = {
  // Skipped rows
  "blank-row": {
    "en-US": (p) => (rows(p) > 1 ? `${rows(p)} blank rows` : "blank row"),
    "zh-CN": (p) => (rows(p) > 1 ? `连续 ${rows(p)} 个空行` : "空行"),
  },
  "total-row": {
    "en-US": (p) => `total row "${text(p.label)}" is not counted as sales`,
    "zh-CN": (p) => `合计行"${text(p.label)}"不计入销售`,
  },
  "amount-not-number": {
    "en-US": (p) => `amount is not a number: "${text(p.value)}"`,
    "zh-CN": (p) => `金额不是数字:"${text(p.value)}"`,
  },
  "amount-too-large": {
    "en-US": (p) =>
      `amount is too large to be sales: "${text(p.value)}" (Excel holds 15 digits; at most 999,999,999,999,999)`,
    "zh-CN": (p) =>
      `金额过大,不可能是销售额:"${text(p.value)}"(Excel 只保存 15 位数字;最多 999,999,999,999,999)`,
  },
  "amount-missing": {
    "en-US": () => "amount is blank",
    "zh-CN": () => "金额为空",
  },
  "date-not-readable": {
    "en-US": (p) => `date is not readable: "${text(p.value)}"`,
    "zh-CN": (p) => `无法识别的日期:"${text(p.value)}"`,
  },
  "date-missing": {
    "en-US": () => "date is blank",
    "zh-CN": () => "日期为空",
  },
  "repeated-header": {
    "en-US": () => "the header row repeated inside the data (a paged export): not sales",
    "zh-CN": () => "数据中重复出现的表头行(分页导出):不计入销售",
  },

  // Errors: the sheet cannot be read as a history
  "no-header-row": {
    "en-US": (p) =>
      `sheet "${text(p.sheet)}" has no header row in its first ${text(p.rows)} rows (looked for a date or month columns and an amount, e.g. "Date", "Sales")`,
    "zh-CN": (p) =>
      `工作表"${text(p.sheet)}"前 ${text(p.rows)} 行中没有标题行(需要日期列或月份列,以及金额列,如"日期"、"销售额")`,
  },
  "no-amount-column": {
    "en-US": (p) =>
      `sheet "${text(p.sheet)}" has no amount column (e.g. "Sales", "Amount", "Revenue", "销售额"); name it under "columns" in the plan`,
    "zh-CN": (p) =>
      `工作表"${text(p.sheet)}"没有金额列(如"销售额"、"金额"、"Sales");可在计划的 columns 中指定`,
  },
  "no-date-column": {
    "en-US": (p) =>
      `sheet "${text(p.sheet)}" has no date column (e.g. "Date", "Month", "日期") and no month columns (e.g. "2024-01", "Jan 2024")`,
    "zh-CN": (p) =>
      `工作表"${text(p.sheet)}"没有日期列(如"日期"、"月份"、"Date"),也没有月份列(如"2024-01"、"2024年1月")`,
  },
  "month-columns-without-year": {
    "en-US": (p) =>
      `month columns of sheet "${text(p.sheet)}" such as "${text(p.example)}" have no year; head them like "Jan 2024" or "2024-01"`,
    "zh-CN": (p) =>
      `工作表"${text(p.sheet)}"的月份列(如"${text(p.example)}")没有年份;请写成"2024年1月"或"2024-01"的形式`,
  },
  "column-not-found": {
    "en-US": (p) =>
      `the ${roleEn(p)} column "${text(p.header)}" (columns.${text(p.role)} in the plan) is not in the header row of sheet "${text(p.sheet)}"` +
      (p.suggestion !== undefined ? `; did you mean "${text(p.suggestion)}"?` : ""),
    "zh-CN": (p) =>
      `工作表"${text(p.sheet)}"的标题行中找不到计划中 columns.${text(p.role)} 指定的${roleZh(p)}列"${text(p.header)}"` +
      (p.suggestion !== undefined ? `,是否是"${text(p.suggestion)}"?` : ""),
  },
  "formula-without-value": {
    "en-US": (p) =>
      `${roleEn(p)} is a formula with no saved value: open the file in Excel or LibreOffice, recalculate and save it`,
    "zh-CN": (p) =>
      `${roleZh(p)}是公式，但文件中没有保存它的计算结果：请用 Excel 或 LibreOffice 打开文件，重新计算后保存`,
  },
  "history-unreadable": {
    "en-US": (p) => `sheet "${text(p.sheet)}" could not be read: ${text(p.reason)}`,
    "zh-CN": (p) => `无法读取工作表"${text(p.sheet)}":${text(p.reason)}`,
  },

  // Notes: assumptions worth telling the user
  "date-order-assumed": {
    "en-US": (p) =>
      p.order === "day-first"
        ? `dates like "${text(p.example)}" in column "${text(p.column)}" read as day/month/year`
        : p.basis === "values"
          ? `dates like "${text(p.example)}" in column "${text(p.column)}" read as month/day/year`
          : `dates like "${text(p.example)}" in column "${text(p.column)}" read as month/day/year (no day above 12 shows the order)`,
    "zh-CN": (p) =>
      p.order === "day-first"
        ? `列"${text(p.column)}"中的日期(如"${text(p.example)}")按日/月/年读取`
        : p.basis === "values"
          ? `列"${text(p.column)}"中的日期(如"${text(p.example)}")按月/日/年读取`
          : `列"${text(p.column)}"中的日期(如"${text(p.example)}")无法判断日月顺序,按月/日/年读取`,
  },
  "date-number-assumed": {
    "en-US": (p) =>
      `numbers in date column "${text(p.column)}" read as ${NUMBER_KINDS[text(p.kind)]?.en ?? text(p.kind)} (e.g. ${text(p.example)} is ${text(p.reads)})`,
    "zh-CN": (p) =>
      `日期列"${text(p.column)}"中的数字按${NUMBER_KINDS[text(p.kind)]?.zh ?? text(p.kind)}读取(如 ${text(p.example)} 为 ${text(p.reads)})`,
  },
  "year-column-used": {
    "en-US": (p) =>
      `months in column "${text(p.column)}" take their year from column "${text(p.yearColumn)}"`,
    "zh-CN": (p) => `列"${text(p.column)}"中的月份取列"${text(p.yearColumn)}"中的年份`,
  },
  "merged-cells-filled": {
    "en-US": (p) =>
      `merged cells read as their top-left value in every row they cover: ${text(p.cells)}${areas(p)}`,
    "zh-CN": (p) => `合并单元格按其左上角的值读入所覆盖的每一行：${text(p.cells)}${areasZh(p)}`,
  },
  "merged-amounts-once": {
    "en-US": (p) =>
      `merged amount cells count once, in their first cell: ${text(p.cells)}${areas(p)}`,
    "zh-CN": (p) => `合并的金额单元格只计一次，计在其第一个单元格：${text(p.cells)}${areasZh(p)}`,
  },
  "cells-left-out": {
    "en-US": (p) =>
      `${text(p.count)} cell(s) far outside the data were not read${p.cells ? `: ${text(p.cells)}` : ""}`,
    "zh-CN": (p) =>
      `数据区域以外很远处的 ${text(p.count)} 个单元格未读取${p.cells ? `：${text(p.cells)}` : ""}`,
  },
  "column-ignored": {
    "en-US": (p) =>
      `column "${text(p.column)}" also looks like the ${roleEn(p)} column; "${text(p.used)}" is used`,
    "zh-CN": (p) => `列"${text(p.column)}"也像${roleZh(p)}列,已使用"${text(p.used)}"`,
  },
};
