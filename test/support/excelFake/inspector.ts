import { fromA1 } from "../../../src/engine/address";
import { type Bounds, formatBounds } from "./addresses";
import { describeCharts, type FakeChartView } from "./charts";
import {
  cellKey,
  type FakeCell,
  type FakeCellValue,
  type FakeSheet,
  type FakeWorkbookState,
  findSheet,
  usedBounds,
} from "./workbookState";

/** A sheet copied out of the fake: plain data, comparable with `toEqual` before and after a run. */
export type SheetSnapshot = {
  name: string;
  visibility: string;
  position: number;
  cells: [string, FakeCell][];
  columnWidths: [number, number][];
  rowHeights: [number, number][];
  hiddenRows: number[];
  hiddenColumns: number[];
  freeze: { rows: number; columns: number } | null;
  customProperties: Record<string, unknown>;
  conditionalFormats: unknown[];
  validations: unknown[];
  tables: { name: string; address: string; style: string }[];
  pageLayout: PageLayoutView;
};

/** How a sheet prints, as set through `worksheet.pageLayout`, addresses in A1. */
export type PageLayoutView = {
  orientation: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea: string | null;
  printTitleRows: string | null;
  headersFooters: Record<string, string>;
};

/**
 * Read access to the fake workbook's state, for assertions: sheets in tab order with their cells
 * (value, formula, number format, look), tables, conditional formats, validations, names,
 * settings, custom properties, visibility, the active sheet and the selection.
 */
export class FakeWorkbookInspector {
  constructor(readonly state: FakeWorkbookState) {}

  /** Sheet names in tab order. */
  get order(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  get sheets(): readonly FakeSheet[] {
    return this.state.sheets;
  }

  hasSheet(name: string): boolean {
    return findSheet(this.state, name) !== undefined;
  }

  /** A sheet by name (any case); throws when there is none. */
  sheet(name: string): FakeSheet {
    const sheet = findSheet(this.state, name);
    if (!sheet)
      throw new Error(`The fake workbook has no sheet "${name}" (it has ${this.order.join(", ")})`);
    return sheet;
  }

  /** A cell by A1 address; undefined when it was never written. */
  cell(sheet: string, address: string): FakeCell | undefined {
    const position = fromA1(address);
    if (!position) throw new Error(`"${address}" is not an A1 cell address`);
    return this.sheet(sheet).cells.get(cellKey(position.row, position.column));
  }

  private grid<T>(sheet: string, read: (cell: FakeCell | undefined) => T): T[][] {
    const s = this.sheet(sheet);
    const bounds = usedBounds(s, false);
    if (!bounds) return [];
    const rows: T[][] = [];
    for (let r = 0; r <= bounds.bottom; r++) {
      const row: T[] = [];
      for (let c = 0; c <= bounds.right; c++) row.push(read(s.cells.get(cellKey(r, c))));
      rows.push(row);
    }
    return rows;
  }

  /** Values from A1 to the used range's far corner; blanks `""`, formula cells their formula. */
  values(sheet: string): FakeCellValue[][] {
    return this.grid(sheet, (c) => c?.formula ?? c?.value ?? "");
  }

  numberFormats(sheet: string): string[][] {
    return this.grid(sheet, (c) => c?.numberFormat ?? "General");
  }

  get tables(): { name: string; sheet: string; address: string; style: string }[] {
    return this.state.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      address: formatBounds(t.bounds),
      style: t.style,
    }));
  }

  /** Conditional formats in the order they were added (their ids left out). */
  conditionalFormats(
    sheet: string,
  ): { address: string; type: string; rule: unknown; format: unknown }[] {
    return this.sheet(sheet).conditionalFormats.map((cf) => ({
      address: formatBounds(cf.bounds),
      type: cf.type,
      rule: cf.rule,
      format: cf.format,
    }));
  }

  validations(sheet: string): { address: string; rule: unknown }[] {
    return this.sheet(sheet).validations.map((v) => ({
      address: formatBounds(v.bounds),
      rule: v.rule,
    }));
  }

  /** The sheet's charts in the order they were added, series valued from the cells now. */
  charts(sheet: string): FakeChartView[] {
    return describeCharts(this.sheet(sheet));
  }

  /** What the sheet's page layout holds now. */
  pageLayout(sheet: string): PageLayoutView {
    const layout = this.sheet(sheet).pageLayout;
    const address = (bounds: Bounds) => formatBounds(bounds);
    return {
      orientation: layout.orientation,
      zoom: { ...layout.zoom },
      printArea: layout.printArea ? layout.printArea.map(address).join(",") : null,
      printTitleRows: layout.printTitleRows ? address(layout.printTitleRows) : null,
      headersFooters: { ...layout.headersFooters },
    };
  }

  customProperties(sheet: string): Record<string, unknown> {
    return Object.fromEntries(
      [...this.sheet(sheet).customProperties.values()].map((e) => [e.key, e.value]),
    );
  }

  get names(): { name: string; formula: string; comment: string }[] {
    return [...this.state.names.values()].map((e) => ({
      name: e.key,
      formula: String(e.value),
      comment: e.comment ?? "",
    }));
  }

  get settings(): Record<string, unknown> {
    return Object.fromEntries([...this.state.settings.values()].map((e) => [e.key, e.value]));
  }

  get activeSheet(): string {
    return this.state.sheets.find((s) => s.id === this.state.activeSheetId)?.name ?? "";
  }

  get selection(): { sheet: string; address: string } | null {
    const selection = this.state.selection;
    if (!selection) return null;
    const sheet = this.state.sheets.find((s) => s.id === selection.sheetId);
    return sheet ? { sheet: sheet.name, address: selection.address } : null;
  }

  /** A deep, plain copy of a sheet and everything on it (cells left out when `withCells` is false). */
  snapshot(name: string, options: { withCells?: boolean } = {}): SheetSnapshot {
    const sheet = this.sheet(name);
    const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    return copy({
      name: sheet.name,
      visibility: sheet.visibility,
      position: this.state.sheets.indexOf(sheet),
      cells:
        options.withCells === false
          ? []
          : [...sheet.cells.entries()]
              .sort(([a], [b]) => a - b)
              .map(([key, cell]): [string, FakeCell] => [String(key), cell]),
      columnWidths: [...sheet.columnWidths.entries()].sort(([a], [b]) => a - b),
      rowHeights: [...sheet.rowHeights.entries()].sort(([a], [b]) => a - b),
      hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
      freeze: sheet.freeze,
      customProperties: this.customProperties(name),
      conditionalFormats: this.conditionalFormats(name),
      validations: sheet.validations,
      tables: this.tables.filter((t) => t.sheet === sheet.name),
      pageLayout: this.pageLayout(name),
    });
  }
}
