/**
 * A header reduced to what matters for matching: compatibility-normalised (full-width forms
 * become ASCII), lower case, letters and digits only.
 * @example normalizeHeader("Net Sales (¥)") === "netsales"; normalizeHeader("销售额（元）") === "销售额元"
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}
