/**
 * Column letters for a zero-based column index.
 * @example columnLetters(0) === "A"; columnLetters(27) === "AB"
 */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A1 address of a zero-based (row, column) position.
 * @example toA1(1042, 6) === "G1043"
 */
export function toA1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/**
 * Zero-based (row, column) of an A1 address; `null` when it is not one.
 * @example fromA1("G1043") → { row: 1042, column: 6 }
 */
export function fromA1(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return null;
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}
