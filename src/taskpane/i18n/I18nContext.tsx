import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Notice } from "../../engine/history";
import type { Language } from "../../engine/language";
import { makeFormatters, type Formatters } from "./formatters";
import type { PlanDraft } from "../model/planDraft";
import { problemWords, type PaneProblem } from "./problemWords";
import type { UiStrings } from "./uiStrings";
import { UI_STRINGS } from "./uiStringsByLanguage";

export { UI_STRINGS };

export type I18n = {
  language: Language;
  t: UiStrings;
  format: Formatters;
  /** A notice (engine, port or pane code) in words. */
  notice(notice: Notice): string;
  /**
   * A problem on a plan-file field in the pane's words, naming the user's things from the draft
   * (the lock on 华东, the weight of East), never the field's path.
   */
  problem(problem: PaneProblem, draft: PlanDraft | null): string;
};

/**
 * Everything the pane says in one language.
 * @example makeI18n("zh-CN").t.steps.data === "数据"
 */
export function makeI18n(language: Language): I18n {
  const t = UI_STRINGS[language];
  const format = makeFormatters(language);
  return {
    language,
    t,
    format,
    notice: (notice) => problemWords(notice, { language, t, draft: null }, format),
    problem: (problem, draft) => problemWords(problem, { language, t, draft }, format),
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
