import {
  type Bounds,
  cellCount,
  formatBounds,
  MAX_COLUMNS,
  MAX_ROWS,
  qualified,
} from "./addresses";
import { cellText } from "./cellText";
import { FakeClientObject } from "./clientObject";
import { FakeConditionalFormatCollection } from "./conditionalFormats";
import { FakeDataValidation } from "./dataValidation";
import { FakeOfficeError, invalidArgument } from "./officeError";
import { FakeRangeAreas } from "./rangeAreas";
import { FakeRangeFormat } from "./rangeFormat";
import { clearCells, type RangeTarget, writeCells } from "./rangeWrites";
import type { FakeRequestContext } from "./requestContext";
import { FakeWorksheet } from "./worksheet";
import { cellKey, type FakeCell } from "./workbookState";

/** Excel documents that a read of more cells than this may return null. */
const MAX_READ_CELLS = 5_000_000;

const RANGE_SCALARS = [
  "address",
  "values",
  "formulas",
  "numberFormat",
  "text",
  "valueTypes",
  "rowCount",
  "columnCount",
  "rowIndex",
  "columnIndex",
  "cellCount",
  "rowHidden",
  "columnHidden",
] as const;

function grid(
  target: RangeTarget,
  read: (cell: FakeCell | undefined) => unknown,
): unknown[][] | null {
  const { sheet, bounds } = target;
  if (cellCount(bounds) > MAX_READ_CELLS) return null;
  const rows: unknown[][] = [];
  for (let r = bounds.top; r <= bounds.bottom; r++) {
    const row: unknown[] = [];
    for (let c = bounds.left; c <= bounds.right; c++)
      row.push(read(sheet.cells.peek(cellKey(r, c))));
    rows.push(row);
  }
  return rows;
}

function valueType(cell: FakeCell | undefined): string {
  if (!cell || (cell.value === "" && cell.formula === undefined)) return "Empty";
  if (cell.formula !== undefined) return "Unknown";
  if (typeof cell.value === "boolean") return "Boolean";
  return typeof cell.value === "number" ? "Double" : "String";
}

/** Hidden state of rows (or columns) top…bottom: true, false, or null when mixed. */
function hiddenState(hidden: Set<number>, first: number, last: number): boolean | null {
  let count = 0;
  for (const index of hidden) if (index >= first && index <= last) count++;
  if (count === 0) return false;
  return count === last - first + 1 ? true : null;
}

function setHidden(hidden: Set<number>, first: number, last: number, value: boolean): void {
  if (!value) {
    for (const index of [...hidden]) if (index >= first && index <= last) hidden.delete(index);
    return;
  }
  if (last - first > 100_000)
    throw invalidArgument("Hiding that many rows is not emulated", "Range");
  for (let i = first; i <= last; i++) hidden.add(i);
}

/**
 * The fake's `Excel.Range`: real cells addressed in A1 notation. Values, formulas and number
 * formats are read as 2-D arrays after load + sync and written as Excel writes them (see
 * `writeCells`).
 */
export class FakeRange extends FakeClientObject<RangeTarget> {
  private formatObject: FakeRangeFormat | undefined;

  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly find: () => RangeTarget | null,
    options: { nullable?: boolean; minVersion?: string } = {},
  ) {
    super(context, "Range", path, options);
    if (options.nullable) this.instantiate();
  }

  protected scalars(): readonly string[] {
    return RANGE_SCALARS;
  }

  protected locate(): RangeTarget | null {
    return this.find();
  }

  protected snapshot(name: string, target: RangeTarget): unknown {
    const { bounds, sheet } = target;
    switch (name) {
      case "address":
        return qualified(sheet.name, formatBounds(bounds));
      case "values":
        return grid(target, (c) => (c === undefined || c.formula !== undefined ? "" : c.value));
      case "formulas":
        return grid(target, (c) => c?.formula ?? c?.value ?? "");
      case "numberFormat":
        return grid(target, (c) => c?.numberFormat ?? "General");
      case "text":
        return grid(target, cellText);
      case "valueTypes":
        return grid(target, valueType);
      case "rowCount":
        return bounds.bottom - bounds.top + 1;
      case "columnCount":
        return bounds.right - bounds.left + 1;
      case "rowIndex":
        return bounds.top;
      case "columnIndex":
        return bounds.left;
      case "cellCount":
        return cellCount(bounds);
      case "rowHidden":
        return hiddenState(sheet.hiddenRows, bounds.top, bounds.bottom);
      case "columnHidden":
        return hiddenState(sheet.hiddenColumns, bounds.left, bounds.right);
    }
    return undefined;
  }

  get address(): string {
    return this.loaded("address");
  }
  get values(): (string | number | boolean)[][] {
    return this.loaded("values");
  }
  set values(values: (string | number | boolean | null)[][]) {
    this.setProperty("values", values, (t) => writeCells(t, values, "values"));
  }
  get formulas(): (string | number | boolean)[][] {
    return this.loaded("formulas");
  }
  set formulas(formulas: (string | number | boolean | null)[][]) {
    this.setProperty("formulas", formulas, (t) => writeCells(t, formulas, "formulas"));
  }
  get numberFormat(): string[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(formats: (string | null)[][]) {
    this.setProperty("numberFormat", formats, (t) => writeCells(t, formats, "numberFormat"));
  }
  get text(): string[][] {
    return this.loaded("text");
  }
  get valueTypes(): string[][] {
    return this.loaded("valueTypes");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get cellCount(): number {
    return this.loaded("cellCount");
  }
  get rowHidden(): boolean | null {
    return this.loaded("rowHidden");
  }
  set rowHidden(hidden: boolean) {
    this.act(
      "set",
      "rowHidden",
      [hidden],
      (t) => setHidden(t.sheet.hiddenRows, t.bounds.top, t.bounds.bottom, hidden),
      "1.2",
    );
  }
  get columnHidden(): boolean | null {
    return this.loaded("columnHidden");
  }
  set columnHidden(hidden: boolean) {
    this.act(
      "set",
      "columnHidden",
      [hidden],
      (t) => setHidden(t.sheet.hiddenColumns, t.bounds.left, t.bounds.right, hidden),
      "1.2",
    );
  }

  /** The range's look: font, fill, borders, alignment, column width and row height. */
  get format(): FakeRangeFormat {
    this.formatObject ??= new FakeRangeFormat(this.context, `${this.path}.format`, () =>
      this.resolve(),
    );
    return this.formatObject;
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this.path}.worksheet`, () => this.resolve().sheet);
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(
      this.context,
      `${this.path}.conditionalFormats`,
      () => this.resolve(),
    );
  }

  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.context, `${this.path}.dataValidation`, () =>
      this.resolve(),
    );
  }

  private derived(
    name: string,
    args: unknown[],
    bounds: (b: Bounds) => Bounds,
    minVersion = "1.1",
  ): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.${name}(${args.map((a) => JSON.stringify(a)).join(",")})`,
      () => {
        this.context.engine.require(minVersion, `Range.${name}`);
        const target = this.resolve();
        const next = bounds(target.bounds);
        if (
          next.top < 0 ||
          next.left < 0 ||
          next.bottom >= MAX_ROWS ||
          next.right >= MAX_COLUMNS ||
          next.bottom < next.top ||
          next.right < next.left
        ) {
          throw invalidArgument(
            `Range.${name}(${args.join(", ")}) leaves the sheet`,
            `Range.${name}`,
          );
        }
        return { sheet: target.sheet, bounds: next };
      },
    );
  }

  /** A cell relative to the range's top-left cell. */
  getCell(row: number, column: number): FakeRange {
    return this.derived("getCell", [row, column], (b) => ({
      top: b.top + row,
      left: b.left + column,
      bottom: b.top + row,
      right: b.left + column,
    }));
  }

  /** The merged areas touching the range, a null object when none (ExcelApi 1.13). */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, `${this.path}.getMergedAreasOrNullObject()`, () =>
      this.resolve(),
    );
  }

  /** The range grown (or shrunk) by rows and columns at its bottom-right (ExcelApi 1.7). */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(
      "getResizedRange",
      [deltaRows, deltaColumns],
      (b) => ({ ...b, bottom: b.bottom + deltaRows, right: b.right + deltaColumns }),
      "1.7",
    );
  }

  /** The same-sized range moved by rows and columns. */
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived("getOffsetRange", [rowOffset, columnOffset], (b) => ({
      top: b.top + rowOffset,
      bottom: b.bottom + rowOffset,
      left: b.left + columnOffset,
      right: b.right + columnOffset,
    }));
  }

  /** Clears contents, formats or both (`All`, the default). */
  clear(applyTo: string = "All"): void {
    this.act("call", "clear", [applyTo], (t) => clearCells(t, applyTo));
  }

  /** Selects the range; its sheet must be the active one. */
  select(): void {
    this.act("call", "select", [], (t) => {
      const state = this.context.engine.state;
      if (state.activeSheetId !== t.sheet.id) {
        throw new FakeOfficeError(
          "InvalidOperation",
          `A range on "${t.sheet.name}" cannot be selected while another sheet is active.`,
          "Range.select",
        );
      }
      state.selection = { sheetId: t.sheet.id, address: formatBounds(t.bounds) };
    });
  }
}
