import type { Language } from "../../engine/language";
import { EN } from "./en";
import type { UiStrings } from "./uiStrings";
import { ZH } from "./zh";

/**
 * The pane's texts in each language, in a module of their own so that the first paint (spinner,
 * "open this in Excel") takes the texts without the engine's message catalogs.
 */
export const UI_STRINGS: Record<Language, UiStrings> = { "en-US": EN, "zh-CN": ZH };
