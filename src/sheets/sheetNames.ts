/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;
/** Names Excel keeps for itself. */
const RESERVED = ["history"];

/**
 * Case-insensitive form of a sheet name, as Excel compares them.
 * @example foldSheetName("Ann") === foldSheetName("ANN")
 */
export function foldSheetName(name: string): string {
  return name.toLocaleUpperCase("en-US");
}

function truncate(text: string, length: number): string {
  // Cut by UTF-16 units (what Excel counts) without splitting a surrogate pair.
  if (text.length <= length) return text;
  let cut = text.slice(0, length);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

/**
 * A valid sheet name from any text: `: \ / ? * [ ]` and control characters become `_`, no
 * apostrophe at either end, not blank, not "History", at most 31 characters.
 * @example validSheetName("North/South [A]") === "North_South _A_"
 */
export function validSheetName(text: string, fallback = "Sheet"): string {
  let name = text
    // Control characters cannot stand in a sheet name either.
    // eslint-disable-next-line no-control-regex
    .replace(/[:\\/?*[\]\u0000-\u001f\u007f]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (name === "") name = fallback;
  if (RESERVED.includes(name.toLowerCase())) name = `${name}_`;
  return truncate(name, MAX_SHEET_NAME).replace(/'+$/, "") || fallback;
}

/**
 * A valid name not yet in `taken` (compared case-insensitively): the text itself when free, else
 * with ` (2)`, ` (3)`… fitted within 31 characters. The chosen name is added to `taken`.
 * @example uniqueSheetName("Ann", new Set(["ANN"])) === "Ann (2)"
 */
export function uniqueSheetName(text: string, taken: Set<string>, fallback = "Sheet"): string {
  const base = validSheetName(text, fallback);
  let name = base;
  for (let n = 2; taken.has(foldSheetName(name)); n++) {
    const suffix = ` (${n})`;
    name = `${truncate(base, MAX_SHEET_NAME - suffix.length).replace(/'+$/, "")}${suffix}`;
  }
  taken.add(foldSheetName(name));
  return name;
}
