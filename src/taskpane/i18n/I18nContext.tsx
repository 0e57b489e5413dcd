import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Notice } from "../../engine/history";
import type { Language } from "../../engine/language";
import { formatNotice } from "../../engine/messages";
import { makeFormatters, type Formatters } from "./formatters";
import { PANE_NOTICES } from "./paneNotices";
import type { UiStrings } from "./uiStrings";
import { UI_STRINGS } from "./uiStringsByLanguage";

export { UI_STRINGS };

export type I18n = {
  language: Language;
  t: UiStrings;
  format: Formatters;
  /** A notice (engine, port or pane code) in words. */
  notice(notice: Notice): string;
};

/**
 * Everything the pane says in one language.
 * @example makeI18n("zh-CN").t.steps.data === "数据"
 */
export function makeI18n(language: Language): I18n {
  return {
    language,
    t: UI_STRINGS[language],
    format: makeFormatters(language),
    notice: (notice) => formatNotice(notice, language, PANE_NOTICES),
  };
}

const I18nContext = createContext<I18n>(makeI18n("en-US"));

export function I18nProvider(props: { language: Language; children: ReactNode }) {
  const value = useMemo(() => makeI18n(props.language), [props.language]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/** The pane's language, texts and formatters. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
