import { columnLetters } from "../engine/address";

/** Excel's last row and column (1-based). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A character that can stand in a name or function before or after a reference. */
function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_.\\]/.test(ch);
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;
const COLUMNS = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/;
const ROWS = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})/;

/**
 * A formula moved by `rows` and `columns`, as Excel moves a formula filled or copied there:
 * relative references (cells, whole columns, whole rows) move, absolute parts (`$`) stay; text in
 * quotes, quoted sheet names, structured references (`Table[Column]`) and function names are left
 * as they are. A reference moved off the sheet becomes `#REF!`, as in Excel. The formula is in
 * Excel's file syntax (en-US, A1 references, no leading `=`).
 * @example shiftFormula("SUM(B2:B9)*$C$1", 3, 1) === "SUM(C5:C12)*$C$1"
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  const moveRow = (absolute: string, row: string): string | null => {
    const n = absolute ? Number(row) : Number(row) + rows;
    return n < 1 || n > MAX_ROW ? null : `${absolute}${n}`;
  };
  const moveColumn = (absolute: string, letters: string): string | null => {
    const n = absolute ? columnNumber(letters) : columnNumber(letters) + columns;
    return n < 1 || n > MAX_COLUMN ? null : `${absolute}${columnLetters(n - 1)}`;
  };
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A text literal or a quoted sheet name, doubled quotes inside it included.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch && formula[j + 1] === ch) j += 2;
        else if (formula[j] === ch) break;
        else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      // A structured reference's columns: names, not cells.
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (isNameChar(formula[i - 1]) && ch !== "$") {
      out += ch;
      i++;
      continue;
    }
    const rest = formula.slice(i, i + 24);
    const wholeColumns = COLUMNS.exec(rest);
    const wholeRows = wholeColumns ? null : ROWS.exec(rest);
    const cell = wholeColumns || wholeRows ? null : CELL.exec(rest);
    const match = wholeColumns ?? wholeRows ?? cell;
    const after = match ? formula[i + match[0].length] : undefined;
    if (match && !isNameChar(after) && after !== "(" && after !== "!") {
      let moved: string | null;
      if (cell) {
        const c = moveColumn(cell[1], cell[2]);
        const r = moveRow(cell[3], cell[4]);
        moved = c && r ? `${c}${r}` : null;
      } else if (wholeColumns) {
        const a = moveColumn(wholeColumns[1], wholeColumns[2]);
        const b = moveColumn(wholeColumns[3], wholeColumns[4]);
        moved = a && b ? `${a}:${b}` : null;
      } else {
        const a = moveRow(wholeRows![1], wholeRows![2]);
        const b = moveRow(wholeRows![3], wholeRows![4]);
        moved = a && b ? `${a}:${b}` : null;
      }
      out += moved ?? "#REF!";
      i += match[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
