import type { FakeCell } from "./workbookState";

function grouped(value: number, decimals: number): string {
  return value.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

function dateText(serial: number, format: string): string | null {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  const two = (n: number) => String(n).padStart(2, "0");
  if (format === "yyyy-mm-dd") return `${y}-${two(m)}-${two(d)}`;
  if (format === "m/d/yyyy") return `${m}/${d}/${y}`;
  return null;
}

/**
 * What a cell shows (`range.text`) for the number formats the product uses: General, text, `0`,
 * `#,##0`, `#,##0.00`, `0%`, `0.0%`, `yyyy-mm-dd`, `m/d/yyyy`; any other format shows the raw value.
 * A formula cell shows nothing: the fake does not calculate.
 */
export function cellText(cell: FakeCell | undefined): string {
  if (!cell || cell.formula !== undefined) return "";
  const { value, numberFormat } = cell;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  switch (numberFormat) {
    case "0":
      return String(Math.round(value));
    case "#,##0":
      return grouped(value, 0);
    case "#,##0.00":
      return grouped(value, 2);
    case "0%":
      return `${Math.round(value * 100)}%`;
    case "0.0%":
      return `${(value * 100).toFixed(1)}%`;
    default:
      return dateText(value, numberFormat) ?? String(value);
  }
}
