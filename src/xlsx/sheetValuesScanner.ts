import type { CellValue } from "../engine/grid";
import { ACTION_USER_COLUMNS } from "../sheets/actionRows";
import { columnIds } from "../sheets/carryUserCells";
import {
  KEY_COLUMN_ID,
  SIGNATURE_COLUMN_ID,
  signatureHolds,
  signedColumns,
} from "../sheets/rowSignature";
import { typedOverInRow, type TypedOverCell } from "../sheets/sheetSignatures";
import { dateToSerial } from "./excelSerial";
import {
  attributeEnd,
  attributeStart,
  SKIP_ELEMENT,
  xmlAttribute,
  type XmlHandler,
} from "./xmlScanner";

/**
 * Rows searched for the row of column ids, as `carryUserCells` searches them: a sheet without one
 * there carries nothing, so reading it further is wasted.
 */
export const ID_ROW_SEARCH_ROWS = 500;

/** Where `parseCellRef` puts what it read: 0-based row and column. */
const parsed = { row: 0, column: 0 };

/**
 * Reads a cell reference (`B3`, `$B$3`) in `text[start…end)` into `parsed`, without a regular
 * expression or a string of its own: it is read for every cell of every sheet. False when it is
 * not one (an entity in it included: the caller then decodes it first).
 */
function parseCellRef(text: string, start: number, end: number): boolean {
  let column = 0;
  let row = 0;
  let i = start;
  if (text.charCodeAt(i) === 36 /* $ */) i++;
  for (; i < end; i++) {
    const code = text.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (i < end && text.charCodeAt(i) === 36) i++;
  const digits = i;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
    row = row * 10 + (code - 48);
  }
  if (column === 0 || i === digits || row === 0) return false;
  parsed.row = row - 1;
  parsed.column = column - 1;
  return true;
}

/**
 * A cell reference (`B3`, `$B$3`) as 0-based row and column. Null when it is not one.
 * @example cellAddress("$B$3") → { row: 2, column: 1 }
 */
export function cellAddress(ref: string): { row: number; column: number } | null {
  return parseCellRef(ref, 0, ref.length) ? { row: parsed.row, column: parsed.column } : null;
}

/**
 * A value as kept past the scan: a text of its own. A text cut from the piece of the part being
 * scanned would hold that whole piece in memory (V8 slices strings), as long as it is kept.
 */
function kept(value: CellValue): CellValue {
  return typeof value === "string" && value.length > 12 ? (" " + value).slice(1) : value;
}

/** The cell types a sheet writes (`t="…"`), each made once: read for every cell. */
const CELL_TYPES = ["s", "n", "b", "e", "str", "inlineStr", "d"];

/** A cell's type attribute (`t`), as written; undefined when it has none. */
function cellTypeOf(attributes: string): string | undefined {
  const start = attributeStart(attributes, "t");
  if (start < 0) return undefined;
  const end = attributeEnd(attributes, start);
  for (const type of CELL_TYPES)
    if (end - start === type.length && attributes.startsWith(type, start)) return type;
  return xmlAttribute(attributes, "t");
}

/** Excel writes text cells with `_xHHHH_` for characters XML cannot hold (`_x000D_`). */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** A cell's value as Excel's `range.values` gives it, from its type and the text it holds. */
export function cellValue(
  type: string | undefined,
  text: string,
  shared: readonly string[],
): CellValue {
  switch (type) {
    case "s": {
      const value = shared[Number(text)];
      return value === undefined || value === "" ? null : value;
    }
    case "inlineStr":
    case "str":
      return text === "" ? null : decodeOoxmlEscapes(text);
    case "b":
      return text === "1" || text.toLowerCase() === "true";
    case "e":
      return text === "" ? null : text;
    case "d": {
      // An ISO date without a zone is a wall-clock date, as Excel reads it.
      const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes("T") ? text : `${text}Z`;
      const time = Date.parse(/T/.test(iso) ? iso : `${iso}T00:00:00Z`);
      return Number.isFinite(time) ? dateToSerial(new Date(time)) : null;
    }
    default: {
      if (text.trim() === "") return null;
      const number = Number(text);
      return Number.isFinite(number) ? number : null;
    }
  }
}

/**
 * Collects the text of shared strings (`<si>`, rich-text runs joined, phonetic runs left out)
 * from `xl/sharedStrings.xml` as it is scanned.
 * @example const s = new SharedStringsScanner(); new XmlScanner(s).feed(bytes); s.strings[0]
 */
export class SharedStringsScanner implements XmlHandler {
  readonly strings: string[] = [];
  private current: string | null = null;
  private inText = false;
  private phonetic = 0;

  open(name: string, _attributes: string, selfClosing: boolean): void {
    if (name === "si") {
      if (selfClosing) this.strings.push("");
      else this.current = "";
    } else if (name === "rPh") {
      if (!selfClosing) this.phonetic++;
    } else if (name === "t") {
      this.inText = !selfClosing;
    }
  }

  close(name: string): void {
    if (name === "si" && this.current !== null) {
      this.strings.push(decodeOoxmlEscapes(this.current));
      this.current = null;
    } else if (name === "rPh") {
      this.phonetic = Math.max(0, this.phonetic - 1);
    } else if (name === "t") {
      this.inText = false;
    }
  }

  text(text: string): void {
    if (this.inText && this.phonetic === 0 && this.current !== null) this.current += text;
  }
}

/**
 * The cell-reading half of a worksheet scan: follows `<row>` and `<c>` elements (rows and cells
 * without an `r` attribute take the next place, as Excel reads them) and hands each cell on once
 * it ends, with its type (`t`), style index (`s`, 0 when absent, read only when `readsStyles`),
 * the text of its value (`<v>`, or an inline string's `<t>` runs, phonetic runs left out) and
 * whether it holds a formula (`<f>` with text or a `t` attribute). Stops, `finished`, at the end
 * of `<sheetData>` (`cellsEnded`): what follows is not cells.
 */
export abstract class WorksheetScanner implements XmlHandler {
  /** True once nothing more of the sheet is wanted: the scan may stop. */
  finished = false;
  /** The current row, 0-based (-1 before the first). */
  protected row = -1;
  /** Whether `cell` needs the style index. */
  protected readsStyles = false;
  /** Whether `cell` needs the formula's text and attributes (`formulaText`, `formulaAttributes`). */
  protected readsFormulas = false;
  /** The current cell's formula as written (without `=`), when `readsFormulas`. */
  protected formulaText = "";
  /** The attribute text of the current cell's `<f>` (`t="shared" si="0" ref="…"`), or null. */
  protected formulaAttributes: string | null = null;
  private column = -1;
  private cellColumn = -1;
  private cellType: string | undefined;
  private cellStyle = 0;
  private cellText = "";
  private formula = false;
  private inValue = false;
  private inInline = false;
  private inText = false;
  private inFormula = false;
  private phonetic = 0;

  /** One cell, at its end. `text` is as written, XML entities decoded. */
  protected abstract cell(
    row: number,
    column: number,
    type: string | undefined,
    style: number,
    text: string,
    formula: boolean,
  ): void;

  /**
   * Whether a cell, known by its address as it starts, is of no interest: it is then passed over
   * unread (`cell` is not called for it).
   */
  protected skipsCell(_row: number, _column: number): boolean {
    return false;
  }

  /** A row starts (`row` is set); `finished` may be set to stop. */
  protected rowStarted(): void {}

  /** The current row ends (called again when a row is left without its end tag). */
  protected rowEnded(): void {}

  /** `<sheetData>` ends: the cells are all read. The scan stops unless this says otherwise. */
  protected cellsEnded(): void {
    this.finished = true;
  }

  open(name: string, attributes: string, selfClosing: boolean): void | typeof SKIP_ELEMENT {
    if (this.finished) return;
    switch (name) {
      case "row": {
        this.rowEnded();
        const r = Number(xmlAttribute(attributes, "r"));
        this.row = Number.isInteger(r) && r > 0 ? r - 1 : this.row + 1;
        this.column = -1;
        this.rowStarted();
        return;
      }
      case "c": {
        const start = attributeStart(attributes, "r");
        let at: { row: number; column: number } | null = null;
        if (start >= 0) {
          if (parseCellRef(attributes, start, attributeEnd(attributes, start))) at = parsed;
          // A reference written with entities (`&#66;3`) is decoded first.
          else at = cellAddress(xmlAttribute(attributes, "r") ?? "");
        }
        this.cellColumn = at ? at.column : this.column + 1;
        if (at) this.row = at.row;
        this.column = this.cellColumn;
        if (this.skipsCell(this.row < 0 ? 0 : this.row, this.cellColumn)) return SKIP_ELEMENT;
        this.cellType = cellTypeOf(attributes);
        if (this.readsStyles) {
          const style = parseInt(xmlAttribute(attributes, "s") ?? "", 10);
          this.cellStyle = style > 0 ? style : 0;
        }
        this.cellText = "";
        this.formula = false;
        if (this.readsFormulas) {
          this.formulaText = "";
          this.formulaAttributes = null;
        }
        this.inValue = this.inInline = this.inText = this.inFormula = false;
        this.phonetic = 0;
        return;
      }
      case "v":
        this.inValue = !selfClosing;
        return;
      case "f":
        if (xmlAttribute(attributes, "t")) this.formula = true;
        if (this.readsFormulas) this.formulaAttributes = attributes;
        this.inFormula = !selfClosing;
        return;
      case "is":
        this.inInline = !selfClosing;
        return;
      case "t":
        this.inText = this.inInline && !selfClosing;
        return;
      case "rPh":
        if (!selfClosing) this.phonetic++;
        return;
    }
  }

  close(name: string): void {
    if (this.finished) return;
    switch (name) {
      case "v":
        this.inValue = false;
        return;
      case "f":
        this.inFormula = false;
        return;
      case "t":
        this.inText = false;
        return;
      case "is":
        this.inInline = false;
        return;
      case "rPh":
        this.phonetic = Math.max(0, this.phonetic - 1);
        return;
      case "c":
        if (this.row < 0) this.row = 0;
        this.cell(
          this.row,
          this.cellColumn,
          this.cellType,
          this.cellStyle,
          this.cellText,
          this.formula,
        );
        return;
      case "row":
        this.rowEnded();
        return;
      case "sheetData":
        this.rowEnded();
        this.cellsEnded();
        return;
    }
  }

  text(text: string): void {
    if (this.inValue || (this.inText && this.phonetic === 0)) this.cellText += text;
    else if (this.inFormula && text !== "") {
      this.formula = true;
      if (this.readsFormulas) this.formulaText += text;
    }
  }
}

/**
 * Collects one worksheet's cell values as it is scanned, in the shape Excel's `range.values`
 * gives (row-major, 0-based, blanks `null`): shared and inline strings, formula results saved as
 * text (`t="str"`), numbers, booleans, errors as their text, ISO dates as serials; cells and rows
 * without an `r` attribute take the next place, as Excel reads them. With `onlyCarried`, it keeps
 * what regeneration carries and nothing more: the rows down to the row of column ids, then only
 * the columns that row names; a sheet with no such row in its first 500 rows is `finished`
 * there, so the reader can stop inflating it. With `signatureColumn`, every row is checked against
 * the signature it carries there as it ends (`typedOver`): the row's cells are held until then,
 * and only those of them a user typed over are kept. Below the row of column ids, a keyed row
 * whose generated cells all match its signature (`__sig`) is kept without them and without its
 * signature: what carrying it needs is its key and what users typed; a row a user changed is kept
 * whole, for `carryUserCells` to tell which cells. Cells `keep` names are kept whatever they are.
 * @example const s = new SheetValuesScanner(shared, { onlyCarried: true }); new XmlScanner(s).feed(bytes); s.values()
 */
export class SheetValuesScanner extends WorksheetScanner {
  private readonly rows: CellValue[][] = [];
  private idRowFound = false;
  private keptColumns: Set<number> | null = null;
  /** The generated cells typed over, found by the rows' signatures (with `signatureColumn`). */
  readonly typedOver: TypedOverCell[] = [];
  /** The current row's values and formula marks, by column, while its signature is awaited. */
  private rowValues: CellValue[] = [];
  private rowFormulas: boolean[] = [];
  /**
   * Once the row of column ids names a key and a signature column: where they are, and the
   * columns keyed rows' signatures cover (left out of a row whose signature holds).
   */
  private keyed: {
    idRow: number;
    keyColumn: number;
    signatureColumn: number;
    signed: number[];
    signedSet: Set<number>;
  } | null = null;

  constructor(
    private readonly shared: readonly string[],
    private readonly options: {
      onlyCarried: boolean;
      firstRowOnly?: boolean;
      /**
       * With `onlyCarried`: the cells outside the layout the plan wrote on the sheet (users'
       * cells). The whole sheet is then read: its first rows and keyed rows whole, and past them
       * only the cells this says are outside.
       */
      outside?: (row: number, column: number) => boolean;
      /** The column of the rows' signatures (`signRows`): typed-over cells are then found. */
      signatureColumn?: number;
      /** Cells (`row:column`, 0-based) kept whatever they are: those users put comments on. */
      keep?: ReadonlySet<string>;
    },
  ) {
    super();
  }

  /** The values read, every row an array (empty for rows with no cell), holes `null`. */
  values(): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
      out.push(row);
    }
    return out;
  }

  protected override rowStarted(): void {
    if (
      this.options.onlyCarried &&
      !this.options.outside &&
      !this.idRowFound &&
      this.row >= ID_ROW_SEARCH_ROWS
    ) {
      this.finished = true;
    }
    // The first row is all a mark needs: the rest of the sheet is never inflated.
    if (this.options.firstRowOnly && this.row > 0) this.finished = true;
  }

  protected override skipsCell(row: number, column: number): boolean {
    // A signed row's every cell is checked against its signature.
    return this.options.signatureColumn === undefined && this.passesOver(row, column);
  }

  protected cell(
    row: number,
    column: number,
    type: string | undefined,
    _s: number,
    text: string,
    formula: boolean,
  ) {
    const value = cellValue(type, text, this.shared);
    // A row below the ids waits for its end: whether its signature holds tells what is kept.
    const held = this.keyed !== null && row > this.keyed.idRow;
    if (held || this.options.signatureColumn !== undefined) {
      if (formula) this.rowFormulas[column] = true;
      if (value !== null) this.rowValues[column] = value;
      // What the values would not have kept (a cell of the plan's deep in a sheet) is checked
      // against the row's signature only.
      if (held || this.passesOver(row, column)) return;
    }
    if (value === null) return;
    (this.rows[row] ??= [])[column] = kept(value);
  }

  /**
   * Keeps the held cells of the row that ends, below the row of ids: a keyed row whose signature
   * holds without its generated cells and signature, any other row as it is.
   */
  private keepHeldRow(): void {
    const keyed = this.keyed;
    if (keyed === null || this.row <= keyed.idRow) return;
    const values = this.rowValues;
    const key = values[keyed.keyColumn];
    const signature = values[keyed.signatureColumn];
    const unchanged =
      typeof key === "string" &&
      key.startsWith("[") &&
      typeof signature === "string" &&
      signatureHolds(signature, keyed.signed.length, (i) => values[keyed.signed[i]]);
    const keep = this.options.keep;
    let into: CellValue[] | undefined;
    for (let c = 0; c < values.length; c++) {
      const value = values[c];
      if (value === undefined) continue;
      const cell = keep !== undefined && keep.has(`${this.row}:${c}`);
      if (!cell) {
        if (this.passesOver(this.row, c)) continue;
        if (unchanged && (c === keyed.signatureColumn || keyed.signedSet.has(c))) continue;
      }
      (into ??= this.rows[this.row] ??= [])[c] = kept(value);
    }
  }

  /**
   * Whether the values leave a cell out: keyed rows are carried whole (columns users inserted
   * among them too); elsewhere, past the rows searched for the id row, only what lies outside
   * the plan's cells is kept.
   */
  private passesOver(row: number, column: number): boolean {
    const outside = this.options.outside;
    if (outside) return !this.idRowFound && row >= ID_ROW_SEARCH_ROWS && !outside(row, column);
    return this.keptColumns !== null && !this.keptColumns.has(column);
  }

  /** Checks the row that ends against its signature. */
  private checkSignature(): void {
    const column = this.options.signatureColumn;
    if (column === undefined || this.row < 0) return;
    const values = this.rowValues;
    const formulas = this.rowFormulas;
    const signature = values[column];
    if (signature !== undefined) {
      const typed = typedOverInRow(
        signature,
        (c) => values[c],
        (c) => formulas[c] === true,
      );
      for (const c of typed)
        this.typedOver.push({ row: this.row, column: c, value: values[c] ?? null });
    }
  }

  /**
   * At the end of a row: its held cells are checked and kept (or let go), then is it the row of
   * column ids, after which only named columns matter?
   */
  protected override rowEnded(): void {
    this.checkSignature();
    this.keepHeldRow();
    this.rowValues.length = 0;
    this.rowFormulas.length = 0;
    this.findIdRow();
  }

  private findIdRow(): void {
    if (!this.options.onlyCarried || this.idRowFound || this.row < 0) return;
    const row = this.rows[this.row];
    if (!row || !row.includes(KEY_COLUMN_ID)) return;
    this.idRowFound = true;
    this.keptColumns = new Set();
    row.forEach((value, c) => {
      if (typeof value === "string" && value !== "") this.keptColumns!.add(c);
    });
    const ids = columnIds(row);
    const keyColumn = ids.get(KEY_COLUMN_ID);
    const signatureColumn = ids.get(SIGNATURE_COLUMN_ID);
    if (keyColumn === undefined || signatureColumn === undefined) return;
    // Rows are carried by the ids of the columns users type into, the same on every keyed sheet.
    const signed = signedColumns(ids, ACTION_USER_COLUMNS).map(([, c]) => c);
    this.keyed = {
      idRow: this.row,
      keyColumn,
      signatureColumn,
      signed,
      signedSet: new Set(signed),
    };
  }
}
