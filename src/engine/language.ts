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
