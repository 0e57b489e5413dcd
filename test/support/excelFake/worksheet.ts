import { FakeCommentCollection } from "./comments";
import { parseBounds, splitSheet, WHOLE_SHEET } from "./addresses";
import { FakeChartCollection } from "./charts";
import { FakeClientObject, quote } from "./clientObject";
import { FakeCollection } from "./collection";
import { FakeFreezePanes } from "./freezePanes";
import { FakeCustomPropertyCollection } from "./keyedItems";
import { FakeOfficeError, invalidArgument } from "./officeError";
import { FakePageLayout } from "./pageLayout";
import { FakeRange } from "./range";
import type { FakeRequestContext } from "./requestContext";
import {
  activateSheet,
  addSheet,
  deleteSheet,
  moveSheet,
  renameSheet,
  setVisibility,
} from "./sheetOperations";
import { FakeTableCollection } from "./tables";
import { type FakeSheet, findSheet, folded, usedBounds } from "./workbookState";

const SHEET_SCALARS = ["id", "name", "position", "visibility"] as const;

/** The fake's `Excel.Worksheet`. */
export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly find: () => FakeSheet | null,
    options: { nullable?: boolean; minVersion?: string } = {},
  ) {
    super(context, "Worksheet", path, options);
    if (options.nullable) this.instantiate();
  }

  protected scalars(): readonly string[] {
    return SHEET_SCALARS;
  }

  protected locate(): FakeSheet | null {
    return this.find();
  }

  protected override isGone(sheet: FakeSheet): boolean {
    return sheet.deleted;
  }

  protected snapshot(name: string, sheet: FakeSheet): unknown {
    switch (name) {
      case "id":
        return sheet.id;
      case "name":
        return sheet.name;
      case "position":
        return this.context.engine.state.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
    }
    return undefined;
  }

  private get state() {
    return this.context.engine.state;
  }

  get id(): string {
    return this.loaded("id");
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(name: string) {
    this.setProperty("name", name, (sheet) => renameSheet(this.state, sheet, name));
  }
  get position(): number {
    return this.loaded("position");
  }
  set position(position: number) {
    this.setProperty("position", position, (sheet) => moveSheet(this.state, sheet, position));
  }
  get visibility(): string {
    return this.loaded("visibility");
  }
  set visibility(visibility: string) {
    this.setProperty("visibility", visibility, (sheet) =>
      setVisibility(this.state, sheet, visibility),
    );
  }

  activate(): void {
    this.act("call", "activate", [], (sheet) => activateSheet(this.state, sheet));
  }

  /** Deletes the sheet (in Excel this also clears the undo stack). */
  delete(): void {
    this.act("call", "delete", [], (sheet) => deleteSheet(this.state, sheet));
  }

  /** A range by A1 address (`A1:H5000`, `B:D`, `3:7`), or the whole sheet without one. */
  getRange(address?: string): FakeRange {
    const path = `${this.path}.getRange(${address === undefined ? "" : quote(address)})`;
    return new FakeRange(this.context, path, () => {
      const sheet = this.resolve();
      if (address === undefined || address === "") return { sheet, bounds: WHOLE_SHEET };
      const split = splitSheet(address);
      if (split.sheet !== undefined && folded(split.sheet) !== folded(sheet.name)) {
        throw invalidArgument(`"${address}" is not on "${sheet.name}"`, "Worksheet.getRange");
      }
      return { sheet, bounds: parseBounds(split.address) };
    });
  }

  /** One cell by zero-based row and column. */
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, `${this.path}.getCell(${row},${column})`, () => ({
      sheet: this.resolve(),
      bounds: { top: row, left: column, bottom: row, right: column },
    }));
  }

  /** The used range; a blank sheet gives A1, as Excel does. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, `${this.path}.getUsedRange(${valuesOnly})`, () => {
      if (valuesOnly) this.context.engine.require("1.2", "Worksheet.getUsedRange(valuesOnly)");
      const sheet = this.resolve();
      return {
        sheet,
        bounds: usedBounds(sheet, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      };
    });
  }

  /** The used range, or a null object for a blank sheet (ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const sheet = this.resolve();
        const bounds = usedBounds(sheet, valuesOnly);
        return bounds ? { sheet, bounds } : null;
      },
      { nullable: true, minVersion: "1.4" },
    );
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, `${this.path}.tables`, () => this.resolve());
  }

  /** The sheet's charts. */
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.context, `${this.path}.charts`, () => this.resolve());
  }

  /** Comments on the sheet's cells (ExcelApi 1.10). */
  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.context, `${this.path}.comments`, () => this.resolve());
  }

  /** Custom properties of the sheet (ExcelApi 1.12). */
  get customProperties(): FakeCustomPropertyCollection {
    return new FakeCustomPropertyCollection(this.context, `${this.path}.customProperties`, () =>
      this.resolve(),
    );
  }

  /** How the sheet prints (ExcelApi 1.9). */
  get pageLayout(): FakePageLayout {
    return new FakePageLayout(this.context, `${this.path}.pageLayout`, () => this.resolve());
  }

  /** Frozen rows and columns (ExcelApi 1.7). */
  get freezePanes(): FakeFreezePanes {
    return new FakeFreezePanes(this.context, `${this.path}.freezePanes`, () => this.resolve());
  }
}

/** `context.workbook.worksheets`. */
export class FakeWorksheetCollection extends FakeCollection<FakeSheet, FakeWorksheet> {
  constructor(context: FakeRequestContext) {
    super(context, "WorksheetCollection", "worksheets");
  }

  protected locate(): readonly FakeSheet[] {
    return this.context.engine.state.sheets;
  }

  protected itemScalars(): readonly string[] {
    return SHEET_SCALARS;
  }

  protected itemFor(sheet: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItem(${quote(sheet.id)})`, () => sheet);
  }

  private byKey(key: string): FakeSheet | null {
    const state = this.context.engine.state;
    return state.sheets.find((s) => s.id === key) ?? findSheet(state, key) ?? null;
  }

  /** Adds a sheet at the end; it is not activated. */
  add(name?: string): FakeWorksheet {
    let added: FakeSheet | null = null;
    const sheet = new FakeWorksheet(
      this.context,
      `worksheets.add(${name === undefined ? "" : quote(name)})`,
      () => {
        if (!added)
          throw new FakeOfficeError("InvalidObjectPath", "The added sheet is not there yet");
        return added;
      },
    );
    this.context.enqueue({
      wire: { call: "add", on: this.path, args: [name ?? null] },
      changes: true,
      apply: () => {
        added = addSheet(this.context.engine.state, name);
        return null;
      },
    });
    return sheet;
  }

  /** A sheet by name (any case) or id; ItemNotFound at sync when there is none. */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItem(${quote(key)})`, () =>
      this.byKey(key),
    );
  }

  /** A sheet by name or id, or a null object (ExcelApi 1.4). */
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      `worksheets.getItemOrNullObject(${quote(key)})`,
      () => this.byKey(key),
      {
        nullable: true,
        minVersion: "1.4",
      },
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, "worksheets.getActiveWorksheet()", () => {
      const state = this.context.engine.state;
      return state.sheets.find((s) => s.id === state.activeSheetId) ?? null;
    });
  }
}
