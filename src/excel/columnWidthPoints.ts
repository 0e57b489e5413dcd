/**
 * Excel's column width in characters (of the default font's digits, ~7 px each, plus 5 px of
 * padding) as the points `range.format.columnWidth` takes (0.75 pt per px).
 * @example columnWidthPoints(8.43) === 48 // Excel's standard width: 64 px
 */
export function columnWidthPoints(characters: number): number {
  if (characters <= 0) return 0;
  const pixels = Math.round(characters * 7) + 5;
  return pixels * 0.75;
}

/** Excel's standard column width in points (8.43 characters, 64 px). */
export const STANDARD_WIDTH_POINTS = 48;
