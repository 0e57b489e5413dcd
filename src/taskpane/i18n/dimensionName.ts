import type { DimensionKey } from "../../engine/history";
import type { UiStrings } from "./uiStrings";

/**
 * A level's name in the pane: a built-in dimension's word, or the header a level splits by.
 * @example dimensionName(en, "region") === "Region"; dimensionName(en, "部门") === "部门"
 */
export function dimensionName(t: Pick<UiStrings, "roles">, key: DimensionKey): string {
  const words: Readonly<Record<string, string>> = t.roles;
  return Object.prototype.hasOwnProperty.call(words, key) ? words[key] : key;
}
