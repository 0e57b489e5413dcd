import type { Language } from "./language";

/** The word for each column role (and `months`, a wide history's month columns), per language. */
const ROLE_WORDS: Record<string, Record<Language, string>> = {
  date: { "en-US": "date", "zh-CN": "日期" },
  year: { "en-US": "year", "zh-CN": "年份" },
  amount: { "en-US": "amount", "zh-CN": "金额" },
  months: { "en-US": "months", "zh-CN": "月份列" },
  quantity: { "en-US": "quantity", "zh-CN": "数量" },
  cost: { "en-US": "cost", "zh-CN": "成本" },
  grossProfit: { "en-US": "gross profit", "zh-CN": "毛利" },
  region: { "en-US": "region", "zh-CN": "区域" },
  product: { "en-US": "product", "zh-CN": "产品" },
  channel: { "en-US": "channel", "zh-CN": "渠道" },
  rep: { "en-US": "rep", "zh-CN": "业务员" },
  customer: { "en-US": "customer", "zh-CN": "客户" },
};

/**
 * A role's word in a language; a level named by a column's header is that header.
 * @example roleWord("amount", "zh-CN") === "金额"; roleWord("部门", "en-US") === "部门"
 */
export function roleWord(role: string, language: Language): string {
  return Object.prototype.hasOwnProperty.call(ROLE_WORDS, role) ? ROLE_WORDS[role][language] : role;
}
