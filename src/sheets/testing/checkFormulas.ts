import type { SheetModel } from "../sheetModel";

/** A formula whose cached value is not what it computes from the cells it reads. */
export type FormulaProblem = { cell: string; formula: string; cached: unknown; computed: unknown };

type Value = number | string | boolean | null;
type Ref = { row: number; column: number };
type Range = { from: Ref; to: Ref };

/**
 * Checks every formula of a sheet model against the cached values of the cells it reads (each
 * formula on its own: with every one of them right, the sheet is right as a whole). Knows the
 * formulas the generated sheets write: references and ranges on the sheet (with or without `$`),
 * numbers, text, `+ - * /`, comparisons, `SUM`, `SUBTOTAL(9, …)` (which skips SUBTOTAL cells),
 * `SUMIF(range, criterion, sum range)` (criterion as text, matched without regard to case) and
 * `IF` and `ROUNDUP`. Numbers agree within 1e-9 relative. Throws on a formula outside that set.
 * @example checkFormulas(model) → [] // every formula's cached value is what it computes
 */
export function checkFormulas(model: Pick<SheetModel, "rows">): FormulaProblem[] {
  const problems: FormulaProblem[] = [];
  model.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.formula) return;
      const computed = evaluate(cell.formula, model);
      if (!same(cell.value, computed)) {
        problems.push({ cell: address(r, c), formula: cell.formula, cached: cell.value, computed });
      }
    }),
  );
  return problems;
}

/**
 * The value a formula computes from the cached values of the cells it reads.
 * @example evaluate("B2-B3", model) === model.rows[1][1].value - model.rows[2][1].value
 */
export function evaluate(formula: string, model: Pick<SheetModel, "rows">): Value {
  const parser = new Parser(tokenize(formula), model);
  const value = parser.expression();
  parser.end();
  return value;
}

function same(cached: Value, computed: Value): boolean {
  const blank = (v: Value) => v === null || v === "";
  if (blank(cached) || blank(computed)) return blank(cached) && blank(computed);
  if (typeof cached === "number" && typeof computed === "number") {
    return Math.abs(cached - computed) <= 1e-9 * Math.max(1, Math.abs(cached));
  }
  return cached === computed;
}

function address(row: number, column: number): string {
  let letters = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) {
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}

type Token =
  | { kind: "ref"; ref: Ref }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "name"; value: string }
  | { kind: "op"; value: string };

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /\s*(?:(\$?[A-Z]{1,3}\$?\d+)(?![A-Z(])|(\d+(?:\.\d+)?)|"((?:[^"]|"")*)"|([A-Z][A-Z0-9.]*)(?=\()|(<=|>=|<>|[-+*/(),:=<>]))/y;
  let at = 0;
  while (at < formula.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(formula);
    if (!match) throw new Error(`cannot read ${formula} at ${at}`);
    at = pattern.lastIndex;
    if (match[1]) tokens.push({ kind: "ref", ref: parseRef(match[1]) });
    else if (match[2]) tokens.push({ kind: "number", value: Number(match[2]) });
    else if (match[3] !== undefined)
      tokens.push({ kind: "text", value: match[3].replace(/""/g, '"') });
    else if (match[4]) tokens.push({ kind: "name", value: match[4] });
    else if (match[5]) tokens.push({ kind: "op", value: match[5] });
    else if (at === formula.length) break;
  }
  return tokens;
}

function parseRef(text: string): Ref {
  const [, letters, digits] = /^\$?([A-Z]+)\$?(\d+)$/.exec(text)!;
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(digits) - 1, column: column - 1 };
}

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly model: Pick<SheetModel, "rows">,
  ) {}

  end(): void {
    if (this.at !== this.tokens.length) throw new Error("trailing tokens");
  }

  expression(): Value {
    const left = this.sum();
    const op = this.peekOp(["=", "<>", "<", ">", "<=", ">="]);
    if (!op) return left;
    this.at++;
    const right = this.sum();
    const [a, b] = [num(left), num(right)];
    switch (op) {
      case "=":
        return left === right || (typeof left === "number" && a === b);
      case "<>":
        return !(left === right || (typeof left === "number" && a === b));
      case "<":
        return a < b;
      case ">":
        return a > b;
      case "<=":
        return a <= b;
      default:
        return a >= b;
    }
  }

  private sum(): Value {
    let value = this.product();
    for (let op = this.peekOp(["+", "-"]); op; op = this.peekOp(["+", "-"])) {
      this.at++;
      const right = num(this.product());
      value = op === "+" ? num(value) + right : num(value) - right;
    }
    return value;
  }

  private product(): Value {
    let value = this.unary();
    for (let op = this.peekOp(["*", "/"]); op; op = this.peekOp(["*", "/"])) {
      this.at++;
      const right = num(this.unary());
      if (op === "/" && right === 0) throw new Error("#DIV/0!");
      value = op === "*" ? num(value) * right : num(value) / right;
    }
    return value;
  }

  private unary(): Value {
    if (this.peekOp(["-"])) {
      this.at++;
      return -num(this.unary());
    }
    return this.primary();
  }

  private primary(): Value {
    const token = this.tokens[this.at++];
    if (!token) throw new Error("formula ends early");
    switch (token.kind) {
      case "number":
      case "text":
        return token.value;
      case "ref":
        if (this.peekOp([":"])) throw new Error("a range outside a function");
        return this.cell(token.ref);
      case "op":
        if (token.value !== "(") throw new Error(`unexpected ${token.value}`);
        return this.closing(this.expression());
      case "name":
        return this.call(token.value);
    }
  }

  private closing<T>(value: T): T {
    this.expect(")");
    return value;
  }

  private call(name: string): Value {
    this.expect("(");
    switch (name) {
      case "SUM":
        return this.closing(sumOf(this.cells(this.range())));
      case "SUBTOTAL": {
        const kind = this.expression();
        this.expect(",");
        if (kind !== 9) throw new Error(`SUBTOTAL(${String(kind)}) not known`);
        const cells = this.cellsOf(this.range()).filter((c) => !c?.formula?.startsWith("SUBTOTAL"));
        return this.closing(sumOf(cells.map((c) => c?.value ?? null)));
      }
      case "SUMIF": {
        const range = this.range();
        this.expect(",");
        const criterion = String(this.expression()).toLowerCase();
        this.expect(",");
        const sumRange = this.range();
        const keys = this.cells(range);
        const values = this.cells(sumRange);
        if (keys.length !== values.length) throw new Error("SUMIF ranges differ in size");
        return this.closing(
          sumOf(values.filter((_, i) => String(keys[i] ?? "").toLowerCase() === criterion)),
        );
      }
      case "ROUNDUP": {
        const value = num(this.expression());
        this.expect(",");
        const digits = num(this.expression());
        const scale = 10 ** digits;
        const up = Math.ceil(Math.abs(value) * scale - 1e-9) / scale;
        return this.closing(value < 0 ? -up : up);
      }
      case "IF": {
        const condition = this.expression();
        this.expect(",");
        // Both branches are read; only the one taken is evaluated.
        const start = this.at;
        const thenEnd = this.skipArgument();
        this.expect(",");
        const elseStart = this.at;
        const elseEnd = this.skipArgument();
        const [from, to] = condition ? [start, thenEnd] : [elseStart, elseEnd];
        const branch = new Parser(this.tokens.slice(from, to), this.model);
        const value = branch.expression();
        branch.end();
        return this.closing(value);
      }
      default:
        throw new Error(`function ${name} not known`);
    }
  }

  /** Moves past one argument (to the next `,` or `)` at its depth), returning where it ends. */
  private skipArgument(): number {
    let depth = 0;
    for (; this.at < this.tokens.length; this.at++) {
      const token = this.tokens[this.at];
      if (token.kind !== "op") continue;
      if (token.value === "(") depth++;
      else if (token.value === ")") {
        if (depth === 0) return this.at;
        depth--;
      } else if (token.value === "," && depth === 0) return this.at;
    }
    throw new Error("argument not closed");
  }

  private range(): Range {
    const from = this.tokens[this.at++];
    if (from?.kind !== "ref") throw new Error("a range expected");
    this.expect(":");
    const to = this.tokens[this.at++];
    if (to?.kind !== "ref") throw new Error("a range expected");
    return { from: from.ref, to: to.ref };
  }

  private cellsOf(range: Range) {
    const cells = [];
    for (let r = range.from.row; r <= range.to.row; r++) {
      for (let c = range.from.column; c <= range.to.column; c++) {
        cells.push(this.model.rows[r]?.[c] ?? null);
      }
    }
    return cells;
  }

  private cells(range: Range): Value[] {
    return this.cellsOf(range).map((cell) => cell?.value ?? null);
  }

  private cell(ref: Ref): Value {
    return this.model.rows[ref.row]?.[ref.column]?.value ?? null;
  }

  private peekOp(ops: readonly string[]): string | undefined {
    const token = this.tokens[this.at];
    return token?.kind === "op" && ops.includes(token.value) ? token.value : undefined;
  }

  private expect(op: string): void {
    const token = this.tokens[this.at++];
    if (token?.kind !== "op" || token.value !== op) throw new Error(`${op} expected`);
  }
}

/** Excel's SUM: numbers only; text and blanks are skipped. */
function sumOf(values: readonly Value[]): number {
  return values.reduce<number>((s, v) => (typeof v === "number" ? s + v : s), 0);
}

/** A cell read as a number in arithmetic: blank is 0; text is an error, as in Excel. */
function num(value: Value): number {
  if (value === null || value === "") return 0;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  throw new Error(`#VALUE! (${value})`);
}
