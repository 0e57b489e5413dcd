import type { StepId } from "../i18n/uiStrings";

/**
 * The DOM id of the pane's field for a plan-file path, so a problem can take the user there.
 * @example fieldDomId("locks[0].amount") === "stp-field-locks-0-amount"
 */
export function fieldDomId(path: string): string {
  const slug = path.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
  return `stp-field-${slug || "plan"}`;
}

/**
 * The step that shows a plan-file field.
 * @example stepOfField("levels[1].max") === "breakdown"; stepOfField("target.growth") === "target"
 */
export function stepOfField(path: string): StepId {
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? "";
  switch (head) {
    case "columns":
      return "data";
    case "planYear":
    case "target":
    case "asOf":
    case "measures":
      return "target";
    case "levels":
    case "locks":
    case "time":
    case "rounding":
      return "breakdown";
    case "language":
      return "generate";
    default:
      return "preview";
  }
}

/**
 * Paths from the most to the least specific, for finding the nearest field that shows a problem.
 * @example fieldPathAncestors("locks[0].where.region") → ["locks[0].where.region", "locks[0].where", "locks[0]", "locks"]
 */
export function fieldPathAncestors(path: string): string[] {
  const out = [path];
  let rest = path;
  for (;;) {
    const cut = Math.max(rest.lastIndexOf("."), rest.lastIndexOf("["));
    if (cut <= 0) break;
    rest = rest.slice(0, cut);
    out.push(rest);
  }
  return out;
}
