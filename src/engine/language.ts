/** The languages the product speaks, in the UI and in generated sheets. */
export const LANGUAGES = ["en-US", "zh-CN"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The supported language closest to a locale tag; English when nothing fits.
 * @example pickLanguage("zh-TW") === "zh-CN"; pickLanguage("fr-FR") === "en-US"
 */
export function pickLanguage(tag: string | null | undefined): Language {
  return tag && /^zh(?:[-_.]|$)/i.test(tag) ? "zh-CN" : "en-US";
}

/**
 * The punctuation that joins texts in each language: after a place or a label (`G5: …`,
 * `G5：…`), between the items of a list, between clauses.
 */
export const PUNCTUATION: Record<Language, { colon: string; list: string; clause: string }> = {
  "en-US": { colon: ": ", list: ", ", clause: "; " },
  "zh-CN": { colon: "：", list: "、", clause: "；" },
};
