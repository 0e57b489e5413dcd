import type { Notice } from "./history";
import type { Language } from "./language";
import type { MessageCatalog } from "./messageCatalog";
import { PLAN_MESSAGES } from "./plan/messages";
import { READER_MESSAGES } from "./reader/messages";

const ENGINE_MESSAGES: MessageCatalog = { ...READER_MESSAGES, ...PLAN_MESSAGES };

/**
 * A notice in words of the user's language, from the engine's catalogs and any extra ones (the
 * CLI's, the task pane's). An unknown code still reads as something: the code and its values.
 * @example formatNotice({ code: "amount-not-number", params: { value: "N/A" } }, "en-US") === 'amount is not a number: "N/A"'
 */
export function formatNotice(
  notice: Notice,
  language: Language,
  ...extra: MessageCatalog[]
): string {
  for (const catalog of [...extra, ENGINE_MESSAGES]) {
    const text = catalog[notice.code];
    if (text) return text[language](notice.params);
  }
  const values = Object.entries(notice.params).map(([k, v]) => `${k}=${v}`);
  return values.length ? `${notice.code} (${values.join(", ")})` : notice.code;
}
