import type { Language } from "../engine/language";
import { byCodePoint } from "../engine/rounding";

const collators = new Map<Language, Intl.Collator>();

/**
 * How a language orders member names on a sheet: pinyin for Chinese, dictionary order for English.
 * Names the collator holds equal (other case forms, other Unicode forms) fall back to code points,
 * so the same names always come out in the same order.
 * @example ["华南", "华东", "华北"].sort(compareMembers("zh-CN")) → ["华北", "华东", "华南"]
 */
export function compareMembers(language: Language): (a: string, b: string) => number {
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator(language);
    collators.set(language, collator);
  }
  const compare = collator.compare;
  return (a, b) => compare(a, b) || byCodePoint(a, b);
}

/**
 * Orders paths of members level by level in a language's order: siblings by name, each under
 * its parent, as a tree sorted at every level reads.
 * @example [["华南", "王五"], ["华东", "李四"], ["华东", "张三"]].sort(comparePaths("zh-CN"))
 *   → [["华东", "李四"], ["华东", "张三"], ["华南", "王五"]]
 */
export function comparePaths(
  language: Language,
): (a: readonly string[], b: readonly string[]) => number {
  const members = compareMembers(language);
  return (a, b) => {
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
      const order = members(a[i], b[i]);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  };
}

/**
 * A copy of items sorted by their paths in a language's order; items of one path keep the order
 * they had (a leaf's months stay January to December).
 * @example sortByPath(rows, (r) => r.path, "en-US").map((r) => r.path[0]) → ["Ann", "bo", "Cy"]
 */
export function sortByPath<T>(
  items: readonly T[],
  pathOf: (item: T) => readonly string[],
  language: Language,
): T[] {
  const compare = comparePaths(language);
  return [...items].sort((a, b) => compare(pathOf(a), pathOf(b)));
}
