/** Labels longer than this are names or notes, not total labels. */
const LABEL_LIMIT = 80;

const CHINESE_TOTALS = ["合计", "总计", "小计", "汇总", "共计", "总合计"];
const ENGLISH_TOTALS = new Set(["total", "totals", "subtotal", "subtotals", "grandtotal", "sum"]);
/** Text without any of these cannot be a total label (full-width letters take the slow path). */
const MAY_BE_TOTAL = /[合总小汇共]|total|sum|[\uFF21-\uFF3A\uFF41-\uFF5A]/i;
const ENGLISH_EDGE_TOTALS = new Set(["total", "totals", "subtotal", "subtotals"]);
/** Words ending like a total that name an amount: 价税合计 is price plus tax, an ERP amount column. */
const NOT_TOTALS = ["价税合计", "税价合计"];

/**
 * Whether a cell's text labels a total or subtotal row: `"total"` when the label is nothing else
 * (`合计`, `总计:`, `Total`, `Grand Total`, `Sum`), `"variant"` when it totals something named
 * (`Total East`, `华东 合计`, `East Subtotal`), `null` otherwise. Variants can also be real names
 * ("Total Wine"), so the reader trusts them only where a total row is expected.
 * @example classifyTotalLabel("总计:") === "total"; classifyTotalLabel("华东合计") === "variant";
 *          classifyTotalLabel("小计算器") === null
 */
export function classifyTotalLabel(text: string): "total" | "variant" | null {
  if (text.length > LABEL_LIMIT * 4 || !MAY_BE_TOTAL.test(text)) return null;
  const s = text.normalize("NFKC").trim().toLowerCase();
  if (s === "" || s.length > LABEL_LIMIT) return null;
  const tokens = s
    .replace(/\bgrand\s*total/g, "total")
    .replace(/\bsub[\s-]*total/g, "subtotal")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== "");
  if (tokens.length === 0 || tokens.some((token) => NOT_TOTALS.some((w) => token.endsWith(w)))) {
    return null;
  }
  const joined = tokens.join("");
  if (CHINESE_TOTALS.includes(joined) || ENGLISH_TOTALS.has(joined)) return "total";
  if (tokens.some((token) => CHINESE_TOTALS.includes(token))) return "variant";
  const last = tokens[tokens.length - 1];
  if (CHINESE_TOTALS.some((word) => last.endsWith(word))) return "variant";
  if (tokens.length <= 4 && (ENGLISH_EDGE_TOTALS.has(tokens[0]) || ENGLISH_EDGE_TOTALS.has(last))) {
    return "variant";
  }
  return null;
}
