import { PUNCTUATION, type Language } from "../language";
import type { MessageCatalog, MessageParams } from "../messageCatalog";
import { roleWord } from "../roleWords";
import { HEADER_SEPARATOR } from "./headerSeparator";

const NUMBER_KINDS: Record<string, { en: string; zh: string }> = {
  serial: { en: "Excel date serials", zh: "Excel 日期序列号" },
  yyyymm: { en: "yyyymm", zh: "年月数字（yyyymm）" },
  yyyymmdd: { en: "yyyymmdd", zh: "年月日数字（yyyymmdd）" },
};

const text = (value: string | number | undefined): string =>
  value === undefined ? "" : String(value);
const roleEn = (p: MessageParams): string => roleWord(text(p.role), "en-US");
const roleZh = (p: MessageParams): string => roleWord(text(p.role), "zh-CN");
/** Headers listed in a message, at most this many. */
const LISTED_HEADERS = 12;
/** The headers a row had (joined by `HEADER_SEPARATOR`), quoted and listed in each language. */
const headerList = (p: MessageParams, separator: string, quote: (h: string) => string): string => {
  const all = text(p.headers)
    .split(HEADER_SEPARATOR)
    .filter((h) => h !== "");
  const listed = all.slice(0, LISTED_HEADERS).map(quote).join(separator);
  return all.length > LISTED_HEADERS ? `${listed}${separator}…` : listed;
};
const headersEn = (p: MessageParams): string =>
  p.headers ? `; its headers are ${headerList(p, ", ", (h) => `"${h}"`)}` : "";
const headersZh = (p: MessageParams): string =>
  p.headers ? `；其标题为${headerList(p, "、", (h) => `“${h}”`)}` : "";
/** A number as read, every decimal kept (1.234 stays 1.234), with thousands commas. */
const exact = (value: string | number | undefined): string => {
  if (typeof value !== "number" || !Number.isFinite(value)) return text(value);
  const [whole, fraction] = String(Math.abs(value)).split(".");
  if (whole.includes("e")) return String(value);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
};
const MARK_EN: Record<string, string> = { point: "a decimal point", comma: "a decimal comma" };
const MARK_ZH: Record<string, string> = { point: "句点", comma: "逗号" };
const markEn = (p: MessageParams, key: string): string => MARK_EN[text(p[key])] ?? text(p[key]);
const markZh = (p: MessageParams, key: string): string => MARK_ZH[text(p[key])] ?? text(p[key]);
const otherMark = (p: MessageParams): string => (p.convention === "point" ? "comma" : "point");
/** The amounts a decimal-mark note is about: one column, or a wide history's month columns. */
const amountsEn = (p: MessageParams): string =>
  p.through !== undefined
    ? `month columns "${text(p.column)}" to "${text(p.through)}"`
    : `column "${text(p.column)}"`;
const amountsZh = (p: MessageParams): string =>
  p.through !== undefined
    ? `月份列“${text(p.column)}”至“${text(p.through)}”`
    : `列“${text(p.column)}”`;
/** Prefix of the parameters of the first skipped row inside a `no-records` error. */
const FIRST = "first.";
/** The first skipped row of a `no-records` error, in words: `C2: amount is not a number: "x"`. */
const firstSkip = (p: MessageParams, language: Language): string => {
  const params: MessageParams = {};
  for (const [key, value] of Object.entries(p)) {
    if (key.startsWith(FIRST)) params[key.slice(FIRST.length)] = value;
  }
  const message = READER_MESSAGES[text(p.firstCode)];
  return `${text(p.firstCell)}${PUNCTUATION[language].colon}${message ? message[language](params) : text(p.firstCode)}`;
};
const rows = (p: MessageParams): number => (typeof p.rows === "number" ? p.rows : 1);
const areas = (p: MessageParams): string =>
  typeof p.count === "number" && p.count > 1 ? ` (${p.count} areas)` : "";
const areasZh = (p: MessageParams): string =>
  typeof p.count === "number" && p.count > 1 ? `（共 ${p.count} 处）` : "";

/**
 * The history reader's messages, in English and Chinese, for every skip, error and note code it
 * reports. Messages never name a cell: the caller puts the address in front (`G1043: …`); only
 * `no-records` quotes the first skipped row with its own cell.
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
    "zh-CN": (p) => `合计行“${text(p.label)}”不计入销售`,
  },
  "amount-not-number": {
    "en-US": (p) => `amount is not a number: "${text(p.value)}"`,
    "zh-CN": (p) => `金额不是数字：“${text(p.value)}”`,
  },
  "amount-too-large": {
    "en-US": (p) =>
      `amount is too large to be sales: "${text(p.value)}" (Excel holds 15 digits; at most 999,999,999,999,999)`,
    "zh-CN": (p) =>
      `金额过大，不可能是销售额：“${text(p.value)}”（Excel 只保存 15 位数字；最多 999,999,999,999,999）`,
  },
  "amount-decimal-mark": {
    "en-US": (p) =>
      `amount "${text(p.value)}" is written with ${MARK_EN[otherMark(p)]}, but column "${text(p.column)}" has ${markEn(p, "convention")}, as "${text(p.example)}" shows`,
    "zh-CN": (p) =>
      `金额“${text(p.value)}”以${MARK_ZH[otherMark(p)]}作小数点，与列“${text(p.column)}”不符（该列以${markZh(p, "convention")}作小数点，如“${text(p.example)}”）`,
  },
  "measure-not-number": {
    "en-US": (p) => `${roleEn(p)} is not a number: "${text(p.value)}"`,
    "zh-CN": (p) => `${roleZh(p)}不是数字：“${text(p.value)}”`,
  },
  "measure-too-large": {
    "en-US": (p) =>
      `${roleEn(p)} is too large: "${text(p.value)}" (Excel holds 15 digits; at most 999,999,999,999,999)`,
    "zh-CN": (p) =>
      `${roleZh(p)}过大：“${text(p.value)}”（Excel 只保存 15 位数字；最多 999,999,999,999,999）`,
  },
  "measure-decimal-mark": {
    "en-US": (p) =>
      `${roleEn(p)} "${text(p.value)}" is written with ${MARK_EN[otherMark(p)]}, but column "${text(p.column)}" has ${markEn(p, "convention")}, as "${text(p.example)}" shows`,
    "zh-CN": (p) =>
      `${roleZh(p)}“${text(p.value)}”以${MARK_ZH[otherMark(p)]}作小数点，与列“${text(p.column)}”不符（该列以${markZh(p, "convention")}作小数点，如“${text(p.example)}”）`,
  },
  "amount-missing": {
    "en-US": () => "amount is blank",
    "zh-CN": () => "金额为空",
  },
  "date-not-readable": {
    "en-US": (p) => `date is not readable: "${text(p.value)}"`,
    "zh-CN": (p) => `无法识别的日期：“${text(p.value)}”`,
  },
  "date-missing": {
    "en-US": () => "date is blank",
    "zh-CN": () => "日期为空",
  },
  "repeated-header": {
    "en-US": () => "the header row repeated inside the data (a paged export): not sales",
    "zh-CN": () => "数据中重复出现的表头行（分页导出）：不计入销售",
  },

  // Errors: the sheet cannot be read as a history
  "no-header-row": {
    "en-US": (p) =>
      `sheet "${text(p.sheet)}" has no header row in its first ${text(p.rows)} rows (looked for a date or month columns and an amount, e.g. "Date", "Sales")`,
    "zh-CN": (p) =>
      `工作表“${text(p.sheet)}”前 ${text(p.rows)} 行中没有标题行（需要日期列或月份列，以及金额列，如“日期”、“销售额”）`,
  },
  "no-amount-column": {
    "en-US": (p) =>
      `sheet "${text(p.sheet)}" has no amount column (e.g. "Sales", "Amount", "Revenue", "销售额", "价税合计")${headersEn(p)}; name it in the plan as "columns": { "amount": "<header>" }`,
    "zh-CN": (p) =>
      `工作表“${text(p.sheet)}”没有金额列（如“销售额”、“金额”、“价税合计”、“Sales”）${headersZh(p)}；请在计划中指定："columns": { "amount": "列标题" }`,
  },
  "no-date-column": {
    "en-US": (p) =>
      `sheet "${text(p.sheet)}" has no date column (e.g. "Date", "Month", "日期", "单据日期") and no month columns (e.g. "2024-01", "Jan 2024")${headersEn(p)}; name it in the plan as "columns": { "date": "<header>" }`,
    "zh-CN": (p) =>
      `工作表“${text(p.sheet)}”没有日期列（如“日期”、“月份”、“单据日期”、“Date”），也没有月份列（如“2024-01”、“2024年1月”）${headersZh(p)}；请在计划中指定："columns": { "date": "列标题" }`,
  },
  "month-columns-without-year": {
    "en-US": (p) =>
      `month columns of sheet "${text(p.sheet)}" such as "${text(p.example)}" have no year; head them like "Jan 2024" or "2024-01"`,
    "zh-CN": (p) =>
      `工作表“${text(p.sheet)}”的月份列（如“${text(p.example)}”）没有年份；请写成“2024年1月”或“2024-01”的形式`,
  },
  "column-not-found": {
    "en-US": (p) =>
      `the ${roleEn(p)} column "${text(p.header)}" (columns.${text(p.role)} in the plan) is not in the header row of sheet "${text(p.sheet)}"` +
      (p.suggestion !== undefined ? `; did you mean "${text(p.suggestion)}"?` : ""),
    "zh-CN": (p) =>
      `工作表“${text(p.sheet)}”的标题行中找不到计划中 columns.${text(p.role)} 指定的${roleZh(p)}列“${text(p.header)}”` +
      (p.suggestion !== undefined ? `，是否是“${text(p.suggestion)}”？` : ""),
  },
  "no-dimension-column": {
    "en-US": (p) =>
      `a level splits by ${roleEn(p)}, but sheet "${text(p.sheet)}" has no ${roleEn(p)} column${headersEn(p)}; name it in the plan as "columns": { "${text(p.role)}": "<header>" }`,
    "zh-CN": (p) =>
      `计划按${roleZh(p)}分解，但工作表“${text(p.sheet)}”没有${roleZh(p)}列${headersZh(p)}；请在计划中指定："columns": { "${text(p.role)}": "列标题" }`,
  },
  "level-column-not-found": {
    "en-US": (p) =>
      `a level splits by "${text(p.dimension)}", which is neither region, product, channel, rep or customer nor a header of sheet "${text(p.sheet)}"` +
      (p.suggestion !== undefined ? `; did you mean "${text(p.suggestion)}"?` : headersEn(p)),
    "zh-CN": (p) =>
      `计划按“${text(p.dimension)}”分解，但它既不是 region、product、channel、rep、customer，也不是工作表“${text(p.sheet)}”的列标题` +
      (p.suggestion !== undefined ? `，是否是“${text(p.suggestion)}”？` : headersZh(p)),
  },
  "no-records": {
    "en-US": (p) =>
      Number(p.skipped) > 0
        ? `no sales rows could be read (${text(p.skipped)} ${Number(p.skipped) === 1 ? "row" : "rows"} skipped; the first: ${firstSkip(p, "en-US")})`
        : p.layout === "wide"
          ? "the sheet has a header but no figures in its month columns"
          : "the sheet has a header but no rows below it",
    "zh-CN": (p) =>
      Number(p.skipped) > 0
        ? `没有可读取的销售行（跳过 ${text(p.skipped)} 行；第一处：${firstSkip(p, "zh-CN")}）`
        : p.layout === "wide"
          ? "工作表有标题行，但月份列中没有数据"
          : "工作表有标题行，但其下没有数据行",
  },
  "stage-not-won": {
    "en-US": (p) =>
      `not a sale: the opportunity's ${text(p.column)} is "${text(p.stage)}" (only won opportunities count)`,
    "zh-CN": (p) => `不是成交：商机的${text(p.column)}为“${text(p.stage)}”（只计已赢单的商机）`,
  },
  "formula-without-value": {
    "en-US": (p) =>
      `${roleEn(p)} is a formula with no saved value: open the file in Excel or LibreOffice, recalculate and save it`,
    "zh-CN": (p) =>
      `${roleZh(p)}是公式，但文件中没有保存它的计算结果：请用 Excel 或 LibreOffice 打开文件，重新计算后保存`,
  },
  "history-unreadable": {
    "en-US": (p) => `sheet "${text(p.sheet)}" could not be read: ${text(p.reason)}`,
    "zh-CN": (p) => `无法读取工作表“${text(p.sheet)}”：${text(p.reason)}`,
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
        ? `列“${text(p.column)}”中的日期（如“${text(p.example)}”）按日/月/年读取`
        : p.basis === "values"
          ? `列“${text(p.column)}”中的日期（如“${text(p.example)}”）按月/日/年读取`
          : `列“${text(p.column)}”中的日期（如“${text(p.example)}”）无法判断日月顺序，按月/日/年读取`,
  },
  "decimal-mark-assumed": {
    "en-US": (p) =>
      p.basis === "values"
        ? `${amountsEn(p)}: amounts read with ${markEn(p, "convention")}, as "${text(p.example)}" shows` +
          (p.ambiguous !== undefined ? `, so "${text(p.ambiguous)}" is ${exact(p.reads)}` : "")
        : `${amountsEn(p)}: no value shows the decimal mark, so "${text(p.ambiguous)}" is read with ${markEn(p, "convention")} as ${exact(p.reads)}`,
    "zh-CN": (p) =>
      p.basis === "values"
        ? `${amountsZh(p)}：金额以${markZh(p, "convention")}作小数点读取（如“${text(p.example)}”）` +
          (p.ambiguous !== undefined ? `，因此“${text(p.ambiguous)}”读作 ${exact(p.reads)}` : "")
        : `${amountsZh(p)}：没有数值能表明小数点的写法，“${text(p.ambiguous)}”以${markZh(p, "convention")}作小数点，读作 ${exact(p.reads)}`,
  },
  "date-number-assumed": {
    "en-US": (p) =>
      `numbers in date column "${text(p.column)}" read as ${NUMBER_KINDS[text(p.kind)]?.en ?? text(p.kind)} (e.g. ${text(p.example)} is ${text(p.reads)})`,
    "zh-CN": (p) =>
      `日期列“${text(p.column)}”中的数字按${NUMBER_KINDS[text(p.kind)]?.zh ?? text(p.kind)}读取（如 ${text(p.example)} 为 ${text(p.reads)}）`,
  },
  "year-column-used": {
    "en-US": (p) =>
      `months in column "${text(p.column)}" take their year from column "${text(p.yearColumn)}"`,
    "zh-CN": (p) => `列“${text(p.column)}”中的月份取列“${text(p.yearColumn)}”中的年份`,
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
  "measure-blank-cells": {
    "en-US": (p) =>
      `the ${roleEn(p)} column "${text(p.column)}" is blank on ${text(p.count)} row(s) (the first at ${text(p.cell)}): each counts as 0 ${roleEn(p)}`,
    "zh-CN": (p) =>
      `${roleZh(p)}列“${text(p.column)}”有 ${text(p.count)} 行为空（第一处在 ${text(p.cell)}）：按${roleZh(p)} 0 计`,
  },
  "column-ignored": {
    "en-US": (p) =>
      `column "${text(p.column)}" also looks like the ${roleEn(p)} column; "${text(p.used)}" is used`,
    "zh-CN": (p) => `列“${text(p.column)}”也像${roleZh(p)}列，已使用“${text(p.used)}”`,
  },
};
