import type { ExcelHost } from "../../../src/excel/excelPort";
import { intersects, parseBounds } from "./addresses";
import { FakeEngine, type FakeStats } from "./fakeEngine";
import { FakeWorkbookInspector } from "./inspector";
import { FakeOfficeError } from "./officeError";
import { FakeRequestContext } from "./requestContext";
import { addSheet, setVisibility } from "./sheetOperations";
import { addTable, tableNameError } from "./tables";
import {
  cellForWrite,
  type FakeVisibility,
  type FakeWorkbookState,
  findSheet,
  tidyCell,
  usedBounds,
} from "./workbookState";

/** A sheet the fake workbook starts with, as a file would hold it: raw values, never parsed. */
export type FakeSheetInit = {
  name: string;
  /** Row-major from A1; `null` or `""` is a blank cell. Strings stay text (`=x` too). */
  values: (string | number | boolean | null)[][];
  /** Parallel to `values`; blank or missing is General. */
  numberFormats?: (string | null | undefined)[][];
  visibility?: FakeVisibility;
  customProperties?: Record<string, string>;
  /** Merged areas (`"B3:B5"`); as in Excel, only an area's top-left cell should hold a value. */
  merges?: string[];
};

export type FakeTableInit = { name: string; sheet: string; address: string; style?: string };

export type FakeWorkbookInit = {
  sheets?: FakeSheetInit[];
  tables?: FakeTableInit[];
  /** e.g. `["ExcelApi 1.9"]`: the highest ExcelApi version listed is supported. Default 1.20. */
  requirementSets?: string[];
  /** Default: the first visible sheet. */
  activeSheet?: string;
  settings?: Record<string, unknown>;
};

/** The strict in-memory workbook and what tests do with it. */
export type FakeWorkbook = {
  /** Pass this where the add-in passes `Excel.run`. */
  host: ExcelHost;
  /** The workbook's state, for assertions. */
  workbook: FakeWorkbookInspector;
  stats: FakeStats;
  /** Makes the nth sync from now (1 = the next) reject, applying nothing of its batch. */
  failSync(n: number): void;
  /** As `Office.context.requirements.isSetSupported`, for the supported requirement sets. */
  isSetSupported(name: string, version?: string): boolean;
  /**
   * Makes every round trip from now on take `ms` milliseconds on a timer, as Excel on the web
   * does (about 150 ms); 0 still lets the page's event loop turn between requests. `null`: none.
   */
  setLatency(ms: number | null): void;
};

function excelApiVersion(sets: string[] | undefined): string {
  if (!sets) return "1.20";
  const versions = sets
    .map((s) => /^ExcelApi\s+(\d+\.\d+)$/.exec(s.trim())?.[1])
    .filter((v): v is string => v !== undefined)
    .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
  if (versions.length === 0)
    throw new Error(`requirementSets lists no "ExcelApi 1.x": ${sets.join(", ")}`);
  return versions[versions.length - 1];
}

function buildState(init: FakeWorkbookInit): FakeWorkbookState {
  const state: FakeWorkbookState = {
    sheets: [],
    tables: [],
    names: new Map(),
    settings: new Map(),
    activeSheetId: "",
    selection: null,
    nextId: 1,
  };
  const sheets =
    init.sheets && init.sheets.length > 0 ? init.sheets : [{ name: "Sheet1", values: [] }];
  for (const spec of sheets) {
    const sheet = addSheet(state, spec.name);
    spec.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === "") return;
        if (typeof value === "number" && !Number.isFinite(value))
          throw new Error(`${spec.name}: ${value} in row ${r + 1}`);
        cellForWrite(sheet, r, c).value = value;
        tidyCell(sheet, r, c);
      }),
    );
    spec.numberFormats?.forEach((row, r) =>
      row.forEach((format, c) => {
        if (!format || format === "General") return;
        cellForWrite(sheet, r, c).numberFormat = format;
        tidyCell(sheet, r, c);
      }),
    );
    for (const [key, value] of Object.entries(spec.customProperties ?? {}))
      sheet.customProperties.set(key.toLocaleUpperCase("en-US"), { key, value });
    for (const address of spec.merges ?? []) {
      const area = parseBounds(address);
      if (sheet.merges.some((other) => intersects(other, area)))
        throw new Error(`${spec.name}: ${address} overlaps another merged area`);
      sheet.merges.push(area);
    }
  }
  const firstVisible = sheets.find((s) => (s.visibility ?? "Visible") === "Visible");
  if (!firstVisible) throw new Error("A workbook needs at least one visible sheet");
  state.activeSheetId = (
    findSheet(state, init.activeSheet ?? firstVisible.name) ?? state.sheets[0]
  ).id;
  for (const spec of sheets) {
    if (spec.visibility && spec.visibility !== "Visible")
      setVisibility(state, findSheet(state, spec.name)!, spec.visibility);
  }
  for (const spec of init.tables ?? []) {
    const sheet = findSheet(state, spec.sheet);
    if (!sheet) throw new Error(`Table ${spec.name}: no sheet "${spec.sheet}"`);
    const table = addTable(state, sheet, parseBounds(spec.address), true);
    const problem = tableNameError(state, spec.name, table);
    if (problem) throw problem;
    table.name = spec.name;
    if (spec.style) table.style = spec.style;
  }
  for (const [key, value] of Object.entries(init.settings ?? {}))
    state.settings.set(key, { key, value });
  // Excel knows each sheet's used range when it opens a file: found now, not on the first read.
  for (const sheet of state.sheets) {
    usedBounds(sheet, true);
    usedBounds(sheet, false);
  }
  return state;
}

/**
 * A strict in-memory Excel workbook for tests. It implements, with real cells and A1 addresses,
 * the Excel JavaScript API the port uses, and behaves as Office.js does where it matters:
 * reading a property that was not loaded, or before `sync()`, throws PropertyNotLoaded; setters and
 * methods queue and apply at sync; each sync counts and records its request's bytes; requests or
 * responses over 5 MB fail; a string starting with `=` written through `values` into a cell not
 * formatted as text becomes a formula; calls it does not emulate throw "not implemented in the
 * fake".
 * @example const fake = createFakeWorkbook({ sheets: [{ name: "Sales", values: [["Date", "Amount"]] }] });
 */
export function createFakeWorkbook(init: FakeWorkbookInit = {}): FakeWorkbook {
  const engine = new FakeEngine(buildState(init), excelApiVersion(init.requirementSets));
  const host: ExcelHost = {
    async run<T>(
      batch: (context: Excel.RequestContext) => Promise<T>,
      options?: { mergeUndoGroup?: boolean },
    ): Promise<T> {
      engine.stats.runs++;
      if (options?.mergeUndoGroup) {
        // Excel before 1.20 has no undo groups: asking for one is a mistake of the add-in.
        if (!engine.isSetSupported("ExcelApi", "1.20")) {
          throw new FakeOfficeError(
            "ApiNotFound",
            `Excel.run's mergeUndoGroup needs ExcelApi 1.20; this workbook supports ${engine.excelApi}.`,
          );
        }
        engine.stats.undoGroups++;
      }
      const context = new FakeRequestContext(engine);
      try {
        const result = await batch(context as unknown as Excel.RequestContext);
        // Excel.run sends what the batch left queued.
        if (context.hasPending()) await context.sync();
        return result;
      } finally {
        context.close();
      }
    },
  };
  return {
    host,
    workbook: new FakeWorkbookInspector(engine.state),
    stats: engine.stats,
    failSync: (n) => engine.failSync(n),
    isSetSupported: (name, version) => engine.isSetSupported(name, version),
    setLatency: (ms) => {
      engine.latencyMs = ms;
    },
  };
}
