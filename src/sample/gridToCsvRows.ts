import type { Grid } from "../engine/grid";

const DATE_FORMAT = /(^|[^"\\])[ymd]/i;

function isoDate(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A grid as CSV text cells, the way Excel saves it: date cells as dates, numbers plainly.
 * @example gridToCsvRows({ sheet: "s", values: [[45366]], numberFormats: [["yyyy-mm-dd"]] }) → [["2024-03-15"]]
 */
export function gridToCsvRows(grid: Grid): string[][] {
  return grid.values.map((row, r) =>
    row.map((value, c) => {
      if (value === null) return "";
      if (typeof value === "number") {
        const fmt = grid.numberFormats?.[r]?.[c] ?? "";
        return DATE_FORMAT.test(fmt) && !fmt.includes("0") ? isoDate(value) : String(value);
      }
      return String(value);
    }),
  );
}
