import { writeFileAtomic } from "./writeFileAtomic";

/**
 * CSV text as Excel's "CSV UTF-8" saves it: a byte-order mark, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break.
 * @example formatCsv([["a", "b,c"]]) === '\uFEFFa,"b,c"\r\n'
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${rows.map((r) => r.map(field).join(",")).join("\r\n")}\r\n`;
}

/**
 * Writes rows as a CSV UTF-8 file, atomically.
 * @example await writeCsvFile("sales.csv", [["Date", "Amount"], ["2024-03-15", "100"]])
 */
export async function writeCsvFile(
  filePath: string,
  rows: readonly (readonly string[])[],
): Promise<void> {
  await writeFileAtomic(filePath, new TextEncoder().encode(formatCsv(rows)));
}
