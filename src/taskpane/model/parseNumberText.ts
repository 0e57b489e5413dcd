/**
 * A number typed into the pane, as either language types it: grouping commas and spaces,
 * full-width digits (Chinese input methods), a currency sign or a trailing percent sign are
 * accepted. Blank gives undefined; anything else that is not a number gives null.
 * @example parseNumberText("1,234.5") === 1234.5; parseNumberText("１２％") === 12; parseNumberText("") === undefined; parseNumberText("abc") === null
 */
export function parseNumberText(text: string): number | null | undefined {
  const halfWidth = text
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\uff0e/g, ".")
    .replace(/\uff0c/g, ",")
    .replace(/\uff0d|\u2212/g, "-")
    .trim();
  if (halfWidth === "") return undefined;
  const bare = halfWidth
    .replace(/^[¥$€£￥]\s*/, "")
    .replace(/[%％]$/, "")
    .replace(/[,\s]/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(bare)) return null;
  const value = Number(bare);
  return Number.isFinite(value) ? value : null;
}

/**
 * A percentage typed as percent, as a fraction; keeps the result free of binary noise.
 * @example percentToFraction(10) === 0.1; percentToFraction(12.5) === 0.125
 */
export function percentToFraction(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

/**
 * A fraction shown as percent text, free of binary noise.
 * @example fractionToPercentText(0.1) === "10"; fractionToPercentText(1.3) === "130"
 */
export function fractionToPercentText(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12)));
}
