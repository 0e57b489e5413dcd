import { TONE_LOOKS } from "../sheets/palette";
import type { ConditionalFormatSpec } from "../sheets/sheetModel";

/** Excel's own good / neutral / bad cell styles, for traffic-light rules. */
export const TONES: Record<ConditionalFormatSpec["tone"], { fill: string; font: string }> = {
  good: { fill: `#${TONE_LOOKS.good.fill}`, font: `#${TONE_LOOKS.good.font}` },
  neutral: { fill: `#${TONE_LOOKS.neutral.fill}`, font: `#${TONE_LOOKS.neutral.font}` },
  bad: { fill: `#${TONE_LOOKS.bad.fill}`, font: `#${TONE_LOOKS.bad.font}` },
};

const OPERATORS = {
  greaterThanOrEqual: "GreaterThanOrEqual",
  lessThan: "LessThan",
  between: "Between",
} as const;

/** Actions one rule queues (add, fill, font, rule). */
export const CONDITIONAL_FORMAT_ACTIONS = 4;

function asFormula(bound: string): string {
  return bound.startsWith("=") ? bound : `=${bound}`;
}

/**
 * Queues a traffic-light rule on a range (ExcelApi 1.6): a cell-value comparison, or for
 * `expression` a custom rule whose formula is read for the range's top-left cell, relative
 * references following each cell, as Excel reads it.
 */
export function queueConditionalFormat(range: Excel.Range, spec: ConditionalFormatSpec): void {
  const tone = TONES[spec.tone];
  if (spec.operator === "expression") {
    const rule = range.conditionalFormats.add("Custom").custom;
    rule.format.fill.color = tone.fill;
    rule.format.font.color = tone.font;
    rule.rule.formula = asFormula(spec.bounds[0]);
    return;
  }
  const rule = range.conditionalFormats.add("CellValue").cellValue;
  rule.format.fill.color = tone.fill;
  rule.format.font.color = tone.font;
  const [low, high] = spec.bounds.map(asFormula);
  rule.rule =
    spec.operator === "between"
      ? { formula1: low, formula2: high, operator: OPERATORS.between }
      : { formula1: low, operator: OPERATORS[spec.operator] };
}
