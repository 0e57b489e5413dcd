import { type Bounds, formatBounds, intersects, parseBounds, splitSheet } from "./addresses";
import { FakeClientObject, quote } from "./clientObject";
import { FakeCollection } from "./collection";
import { FakeOfficeError, invalidArgument, notImplemented } from "./officeError";
import { FakeRange } from "./range";
import { clearCells } from "./rangeWrites";
import type { FakeRequestContext } from "./requestContext";
import { FakeWorksheet } from "./worksheet";
import {
  cellForWrite,
  cellKey,
  type FakeSheet,
  type FakeTable,
  type FakeWorkbookState,
  findSheet,
  folded,
} from "./workbookState";

const TABLE_SCALARS = ["id", "name", "style", "showHeaders", "showTotals"] as const;
const STYLE = /^TableStyle(Light([1-9]|1\d|2[0-8])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

/** Why Excel refuses a table name, or null. */
export function tableNameError(
  state: FakeWorkbookState,
  name: unknown,
  except?: FakeTable,
): FakeOfficeError | null {
  if (
    typeof name !== "string" ||
    name.length > 255 ||
    !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[RrCc]$|^[Rr]\d*[Cc]\d*$/.test(name)
  ) {
    return invalidArgument(`"${String(name)}" is not a valid table name`, "Table.name");
  }
  const key = folded(name);
  const taken =
    state.tables.some((t) => t !== except && folded(t.name) === key) || state.names.has(key);
  return taken
    ? new FakeOfficeError(
        "ItemAlreadyExists",
        `A table or name "${name}" already exists.`,
        "Table.name",
      )
    : null;
}

/** Adds a table over a range whose first row holds the headers (made unique text, as Excel does). */
export function addTable(
  state: FakeWorkbookState,
  sheet: FakeSheet,
  bounds: Bounds,
  hasHeaders: boolean,
): FakeTable {
  if (!hasHeaders) throw notImplemented("TableCollection.add with hasHeaders = false");
  if (bounds.bottom === bounds.top)
    throw notImplemented("a table with a header row and no data rows");
  if (bounds.bottom - bounds.top > 1_048_000 || bounds.right - bounds.left > 16_000) {
    throw notImplemented("a table over whole rows or columns");
  }
  const clash = state.tables.find((t) => t.sheet === sheet && intersects(t.bounds, bounds));
  if (clash) {
    throw invalidArgument(
      `A table can't overlap another table ("${clash.name}").`,
      "TableCollection.add",
    );
  }
  const seen = new Set<string>();
  for (let c = bounds.left; c <= bounds.right; c++) {
    const cell = sheet.cells.get(cellKey(bounds.top, c));
    if (cell?.formula !== undefined)
      throw notImplemented("a table whose header row holds formulas");
    const raw = cell?.value ?? "";
    let header = raw === "" ? `Column${c - bounds.left + 1}` : String(raw);
    const base = header;
    for (let n = 2; seen.has(folded(header)); n++) header = `${base}${n}`;
    seen.add(folded(header));
    if (header !== raw) cellForWrite(sheet, bounds.top, c).value = header;
  }
  let n = state.tables.length + 1;
  while (tableNameError(state, `Table${n}`)) n++;
  const table: FakeTable = {
    id: String(state.nextId++),
    name: `Table${n}`,
    sheet,
    bounds,
    style: "TableStyleMedium2",
  };
  state.tables.push(table);
  return table;
}

/** The fake's `Excel.Table`. */
export class FakeTableObject extends FakeClientObject<FakeTable> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly find: () => FakeTable | null,
    options: { nullable?: boolean; minVersion?: string } = {},
  ) {
    super(context, "Table", path, options);
    if (options.nullable) this.instantiate();
  }
  protected scalars(): readonly string[] {
    return TABLE_SCALARS;
  }
  protected locate(): FakeTable | null {
    return this.find();
  }
  protected override isGone(table: FakeTable): boolean {
    return !this.context.engine.state.tables.includes(table);
  }
  protected snapshot(name: string, table: FakeTable): unknown {
    switch (name) {
      case "id":
        return table.id;
      case "name":
        return table.name;
      case "style":
        return table.style;
      case "showHeaders":
        return true;
      case "showTotals":
        return false;
    }
    return undefined;
  }
  get id(): string {
    return this.loaded("id");
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(name: string) {
    this.setProperty("name", name, (table) => {
      const error = tableNameError(this.context.engine.state, name, table);
      if (error) throw error;
      table.name = name;
    });
  }
  get style(): string {
    return this.loaded("style");
  }
  set style(style: string) {
    this.setProperty("style", style, (table) => {
      if (style !== "" && !STYLE.test(style))
        throw invalidArgument(`"${style}" is not a table style`, "Table.style");
      table.style = style;
    });
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this.path}.worksheet`, () => this.resolve().sheet);
  }
  /** The whole table, headers included. */
  getRange(): FakeRange {
    return new FakeRange(this.context, `${this.path}.getRange()`, () => {
      const table = this.resolve();
      return { sheet: table.sheet, bounds: table.bounds };
    });
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, `${this.path}.getHeaderRowRange()`, () => {
      const table = this.resolve();
      return { sheet: table.sheet, bounds: { ...table.bounds, bottom: table.bounds.top } };
    });
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, `${this.path}.getDataBodyRange()`, () => {
      const table = this.resolve();
      return { sheet: table.sheet, bounds: { ...table.bounds, top: table.bounds.top + 1 } };
    });
  }
  /** Deletes the table and its cells. */
  delete(): void {
    this.act("call", "delete", [], (table) => {
      const state = this.context.engine.state;
      state.tables = state.tables.filter((t) => t !== table);
      clearCells({ sheet: table.sheet, bounds: table.bounds }, "All");
    });
  }
}

/** `workbook.tables` (scope: the workbook) or `worksheet.tables` (scope: one sheet). */
export class FakeTableCollection extends FakeCollection<FakeTable, FakeTableObject> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly scope: (() => FakeSheet) | null,
  ) {
    super(context, "TableCollection", path);
  }
  protected locate(): readonly FakeTable[] {
    const tables = this.context.engine.state.tables;
    if (!this.scope) return tables;
    const sheet = this.scope();
    return tables.filter((t) => t.sheet === sheet);
  }
  protected itemScalars(): readonly string[] {
    return TABLE_SCALARS;
  }
  protected itemFor(table: FakeTable): FakeTableObject {
    return new FakeTableObject(this.context, `tables.getItem(${quote(table.id)})`, () => table);
  }
  private byKey(key: string): FakeTable | null {
    return this.resolve().find((t) => t.id === key || folded(t.name) === folded(key)) ?? null;
  }

  /** Adds a table over an address (sheet-qualified for `workbook.tables`) or a range. */
  add(address: FakeRange | string, hasHeaders: boolean): FakeTableObject {
    let added: FakeTable | null = null;
    const label = typeof address === "string" ? address : address.path;
    const table = new FakeTableObject(
      this.context,
      `${this.path}.add(${quote(label)})`,
      () => added,
    );
    this.context.enqueue({
      wire: { call: "add", on: this.path, args: [label, hasHeaders] },
      changes: true,
      apply: () => {
        const state = this.context.engine.state;
        let sheet: FakeSheet;
        let bounds: Bounds;
        if (typeof address !== "string") {
          ({ sheet, bounds } = address.resolve());
        } else {
          const split = splitSheet(address);
          const named = split.sheet === undefined ? undefined : findSheet(state, split.sheet);
          if (split.sheet !== undefined && !named) {
            throw new FakeOfficeError(
              "ItemNotFound",
              `No sheet "${split.sheet}"`,
              "TableCollection.add",
            );
          }
          if (!this.scope && !named)
            throw invalidArgument(`"${address}" names no sheet`, "TableCollection.add");
          sheet = this.scope ? this.scope() : (named as FakeSheet);
          if (named && named !== sheet)
            throw invalidArgument(`"${address}" is on another sheet`, "TableCollection.add");
          bounds = parseBounds(split.address);
        }
        added = addTable(state, sheet, bounds, hasHeaders);
        return null;
      },
    });
    return table;
  }

  getItem(key: string): FakeTableObject {
    return new FakeTableObject(this.context, `${this.path}.getItem(${quote(key)})`, () =>
      this.byKey(key),
    );
  }

  getItemOrNullObject(key: string): FakeTableObject {
    return new FakeTableObject(
      this.context,
      `${this.path}.getItemOrNullObject(${quote(key)})`,
      () => this.byKey(key),
      {
        nullable: true,
        minVersion: "1.4",
      },
    );
  }
}

/** A table's address, for inspection. */
export function tableAddress(table: FakeTable): string {
  return formatBounds(table.bounds);
}
