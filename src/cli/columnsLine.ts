import type { Language } from "../engine/language";
import type { ColumnRead } from "../engine/reader/columnsRead";
import { roleWord } from "../engine/roleWords";

/**
 * The columns a plan read, as one line of `stp`'s summary: `amount ← 价税合计 (G), …`.
 * @example columnsLine([{ role: "amount", header: "价税合计", column: "G" }], "zh-CN") === "金额 ← 价税合计（G）"
 */
export function columnsLine(columns: readonly ColumnRead[], language: Language): string {
  const zh = language === "zh-CN";
  return columns
    .map((c) => {
      const role = roleWord(c.role, language);
      return zh ? `${role} ← ${c.header}（${c.column}）` : `${role} ← ${c.header} (${c.column})`;
    })
    .join(zh ? "，" : ", ");
}
