import type { CellValue } from "../engine/grid";
import { parseLayout, type SheetLayout } from "./sheetLayout";
import type { SheetModel } from "./sheetModel";

/** The very hidden sheet that remembers the plan and which sheets were generated. */
export const PLAN_STORE_SHEET = "_stp_plan";
/** Marks the store's first cell, so a user's sheet of the same name is never taken for it. */
const STORE_MARK = "Sales Target Planner plan store v1";
/** Excel holds at most 32,767 characters in a cell: long values are stored in chunks. */
const CHUNK = 30000;

/**
 * A generated sheet as the store remembers it; `key` identifies what a per-member sheet is for
 * (a rep tab's rep), so the tab keeps its name across regenerations; `layout` which cells the
 * plan wrote there, so the next regeneration tells them from what users typed around them;
 * `signatures` where the rows' signatures are, so it tells which of them users typed over.
 */
export type GeneratedSheet = {
  name: string;
  kind: string;
  key?: string;
  layout?: SheetLayout;
  /** The hidden column holding the signatures of the rows the plan wrote (`signRows`). */
  signatures?: number;
};

export type PlanStore = {
  /** The plan file's JSON text. */
  plan: string;
  sheets: GeneratedSheet[];
};

/**
 * The plan store as a sheet model: key/value rows, long values split over several rows.
 * @example planStoreSheet({ plan: "{}", sheets: [] }).state === "veryHidden"
 */
export function planStoreSheet(store: PlanStore): SheetModel {
  const rows: SheetModel["rows"] = [[{ value: STORE_MARK }]];
  const put = (key: string, value: string) => {
    for (let i = 0; i === 0 || i * CHUNK < value.length; i++) {
      rows.push([{ value: key }, { value: value.slice(i * CHUNK, (i + 1) * CHUNK) }]);
    }
  };
  put("plan", store.plan);
  put("sheets", JSON.stringify(store.sheets));
  return { name: PLAN_STORE_SHEET, kind: "plan-store", rows, state: "veryHidden" };
}

/**
 * Reads a plan store back from the sheet's cell values; null when the sheet is not one.
 * @example readPlanStore([["Sales Target Planner plan store v1"], ["plan", "{}"], ["sheets", "[]"]]) → { plan: "{}", sheets: [] }
 */
export function readPlanStore(values: readonly (readonly CellValue[])[]): PlanStore | null {
  if (values[0]?.[0] !== STORE_MARK) return null;
  const parts: Record<string, string> = {};
  for (const row of values.slice(1)) {
    const key = row[0];
    if (typeof key !== "string") continue;
    parts[key] =
      (parts[key] ?? "") + (row[1] === null || row[1] === undefined ? "" : String(row[1]));
  }
  try {
    const sheets = JSON.parse(parts.sheets ?? "[]") as unknown;
    if (!Array.isArray(sheets)) return null;
    const valid = sheets
      .filter(
        (s): s is GeneratedSheet =>
          typeof s === "object" &&
          s !== null &&
          typeof s.name === "string" &&
          typeof s.kind === "string" &&
          (s.key === undefined || typeof s.key === "string"),
      )
      .map(({ name, kind, key, layout, signatures }) => {
        // A layout edited out of shape is no layout: nothing is then taken for a user's by it.
        const parsed = layout === undefined ? null : parseLayout(layout);
        const column =
          typeof signatures === "number" && Number.isInteger(signatures) && signatures >= 0
            ? signatures
            : undefined;
        return {
          name,
          kind,
          ...(key === undefined ? {} : { key }),
          ...(parsed ? { layout: parsed } : {}),
          ...(column === undefined ? {} : { signatures: column }),
        };
      });
    return { plan: parts.plan ?? "", sheets: valid };
  } catch {
    return null;
  }
}
