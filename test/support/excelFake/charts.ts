import { type Bounds, cellCount, formatBounds, parseBounds, splitSheet } from "./addresses";
import { FakeClientObject, type LoadOptions, type LoadResponse, quote } from "./clientObject";
import { FakeCollection } from "./collection";
import { invalidArgument, notImplemented } from "./officeError";
import type { FakeRange } from "./range";
import type { FakeRequestContext } from "./requestContext";
import { cellKey, type FakeCellValue, type FakeSheet, folded } from "./workbookState";

/** `Excel.ChartType` as Office.js lists it ("Invalid" is not a type a chart can be added as). */
const CHART_TYPES = new Set(
  (
    "ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked " +
    "3DColumnStacked100 BarClustered BarStacked BarStacked100 3DBarClustered 3DBarStacked " +
    "3DBarStacked100 LineStacked LineStacked100 LineMarkers LineMarkersStacked " +
    "LineMarkersStacked100 PieOfPie PieExploded 3DPieExploded BarOfPie XYScatterSmooth " +
    "XYScatterSmoothNoMarkers XYScatterLines XYScatterLinesNoMarkers AreaStacked AreaStacked100 " +
    "3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled Surface " +
    "SurfaceWireframe SurfaceTopView SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC " +
    "StockOHLC StockVHLC StockVOHLC CylinderColClustered CylinderColStacked CylinderColStacked100 " +
    "CylinderBarClustered CylinderBarStacked CylinderBarStacked100 CylinderCol ConeColClustered " +
    "ConeColStacked ConeColStacked100 ConeBarClustered ConeBarStacked ConeBarStacked100 ConeCol " +
    "PyramidColClustered PyramidColStacked PyramidColStacked100 PyramidBarClustered " +
    "PyramidBarStacked PyramidBarStacked100 PyramidCol 3DColumn Line 3DLine 3DPie Pie XYScatter " +
    "3DArea Area Doughnut Radar Histogram Boxwhisker Pareto RegionMap Treemap Waterfall Sunburst " +
    "Funnel"
  ).split(" "),
);
const SERIES_BY = ["Auto", "Columns", "Rows"] as const;
/** Excel's limit on chart, title and series names. */
const MAX_NAME = 255;

/** One series: where its values, categories and name come from. */
export type FakeChartSeries = {
  values: Bounds;
  categories: Bounds | null;
  /** The header cell Excel took the name from; `name` set later wins. */
  nameCell: Bounds | null;
  name: string | null;
};

/** A chart on a sheet, drawn from cells of that sheet. */
export type FakeChart = {
  id: string;
  name: string;
  type: string;
  /** The title's text; null until one is set. */
  title: string | null;
  source: Bounds;
  seriesBy: "Columns" | "Rows";
  /** The cells it covers (`setPosition`); null until positioned. */
  anchor: { from: string; to: string | null } | null;
  series: FakeChartSeries[];
};

/** A chart as tests see it: series with the values Excel would plot from the cells now. */
export type FakeChartView = {
  name: string;
  type: string;
  title: string | null;
  source: string;
  anchor: { from: string; to: string | null } | null;
  series: {
    name: string;
    valuesAddress: string;
    categoriesAddress: string | null;
    categories: FakeCellValue[];
    /** Numbers (formulas calculated), null for a blank cell, text as it stands. */
    values: (number | string | boolean | null)[];
  }[];
};

type SheetCharts = { charts: FakeChart[]; added: number };
const bySheet = new WeakMap<FakeSheet, SheetCharts>();

function chartsOf(sheet: FakeSheet): SheetCharts {
  let entry = bySheet.get(sheet);
  if (!entry) {
    entry = { charts: [], added: 0 };
    bySheet.set(sheet, entry);
  }
  return entry;
}

/** The charts on a sheet, in the order they were added. */
export function sheetCharts(sheet: FakeSheet): FakeChart[] {
  return chartsOf(sheet).charts;
}

function isText(sheet: FakeSheet, row: number, column: number): boolean {
  const cell = sheet.cells.get(cellKey(row, column));
  return cell !== undefined && cell.formula === undefined && typeof cell.value === "string";
}

function isBlank(sheet: FakeSheet, row: number, column: number): boolean {
  const cell = sheet.cells.get(cellKey(row, column));
  return cell === undefined || (cell.formula === undefined && cell.value === "");
}

/**
 * Series as Excel reads them from a block, by columns: a first row of text names the series, a
 * first column of text gives the category labels, every other column is one series. By rows the
 * same, turned over. `Auto` reads by columns unless the block is wider than it is tall.
 */
function readSeries(sheet: FakeSheet, source: Bounds, byRows: boolean): FakeChartSeries[] {
  const across = (i: number, j: number) =>
    byRows
      ? { row: source.top + j, column: source.left + i }
      : { row: source.top + i, column: source.left + j };
  const length = byRows ? source.right - source.left + 1 : source.bottom - source.top + 1;
  const count = byRows ? source.bottom - source.top + 1 : source.right - source.left + 1;
  const text = (i: number, j: number) => {
    const at = across(i, j);
    return isText(sheet, at.row, at.column);
  };
  const firstLine = Array.from({ length: count - 1 }, (_, j) => j + 1);
  const hasNames = count === 1 ? text(0, 0) : firstLine.every((j) => text(0, j));
  const start = hasNames ? 1 : 0;
  const labels = Array.from({ length: length - start }, (_, i) => i + start);
  const hasLabels = count > 1 && labels.length > 0 && labels.every((i) => text(i, 0));
  if (length - start === 0 || count - (hasLabels ? 1 : 0) === 0) {
    throw invalidArgument("The source data holds no values to plot", "ChartCollection.add");
  }
  const line = (j: number): Bounds => {
    const a = across(start, j);
    const b = across(length - 1, j);
    return { top: a.row, left: a.column, bottom: b.row, right: b.column };
  };
  const series: FakeChartSeries[] = [];
  for (let j = hasLabels ? 1 : 0; j < count; j++) {
    const nameAt = across(0, j);
    series.push({
      values: line(j),
      categories: hasLabels ? line(0) : null,
      nameCell: hasNames
        ? { top: nameAt.row, left: nameAt.column, bottom: nameAt.row, right: nameAt.column }
        : null,
      name: null,
    });
  }
  return series;
}

/** A range argument on the chart's own sheet (a range of another sheet is not emulated). */
function boundsOn(sheet: FakeSheet, range: FakeRange | string, where: string): Bounds {
  if (typeof range === "string") {
    const split = splitSheet(range);
    if (split.sheet !== undefined && folded(split.sheet) !== folded(sheet.name))
      throw notImplemented(`${where} with a range of another sheet`);
    return parseBounds(split.address);
  }
  const target = range.resolve();
  if (target.sheet !== sheet) throw notImplemented(`${where} with a range of another sheet`);
  return target.bounds;
}

function checkName(value: unknown, where: string): string {
  if (typeof value !== "string" || value === "" || value.length > MAX_NAME)
    throw invalidArgument(`A name has 1 to ${MAX_NAME} characters`, where);
  return value;
}

/** A cell's value as a chart plots it: formulas calculated (references, SUM and numbers only). */
function plotted(
  sheet: FakeSheet,
  row: number,
  column: number,
  seen: Set<number> = new Set(),
): number | string | boolean | null {
  const key = cellKey(row, column);
  const cell = sheet.cells.get(key);
  if (!cell) return null;
  if (cell.formula === undefined) return cell.value === "" ? null : cell.value;
  if (seen.has(key))
    throw new Error(
      `A circular reference through ${formatBounds({ top: row, left: column, bottom: row, right: column })}`,
    );
  seen.add(key);
  const expression = cell.formula.slice(1).replace(/\$/g, "");
  try {
    if (/^-?\d+(\.\d+)?$/.test(expression)) return Number(expression);
    const reference = /^([A-Z]{1,3}\d+)$/.exec(expression);
    if (reference) {
      const b = parseBounds(reference[1]);
      return plotted(sheet, b.top, b.left, seen) ?? 0;
    }
    const sum = /^SUM\(([A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)\)$/.exec(expression);
    if (sum) {
      const b = parseBounds(sum[1]);
      let total = 0;
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left; c <= b.right; c++) {
          const value = plotted(sheet, r, c, seen);
          if (typeof value === "number") total += value;
        }
      return total;
    }
  } finally {
    seen.delete(key);
  }
  throw notImplemented(`calculating ${cell.formula} for a chart`);
}

function cellsOf<T>(bounds: Bounds, read: (row: number, column: number) => T): T[] {
  const out: T[] = [];
  for (let r = bounds.top; r <= bounds.bottom; r++)
    for (let c = bounds.left; c <= bounds.right; c++) out.push(read(r, c));
  return out;
}

/** The charts of a sheet as tests see them. */
export function describeCharts(sheet: FakeSheet): FakeChartView[] {
  return sheetCharts(sheet).map((chart) => ({
    name: chart.name,
    type: chart.type,
    title: chart.title,
    source: formatBounds(chart.source),
    anchor: chart.anchor,
    series: chart.series.map((s, i) => {
      const nameCell = s.nameCell && sheet.cells.get(cellKey(s.nameCell.top, s.nameCell.left));
      return {
        name: s.name ?? (nameCell ? String(nameCell.value) : `Series${i + 1}`),
        valuesAddress: formatBounds(s.values),
        categoriesAddress: s.categories && formatBounds(s.categories),
        categories: s.categories
          ? cellsOf(s.categories, (r, c) => sheet.cells.get(cellKey(r, c))?.value ?? "")
          : cellsOf(s.values, () => 0).map((_, k) => k + 1),
        values: cellsOf(s.values, (r, c) => plotted(sheet, r, c)),
      };
    }),
  }));
}

/** The fake's `Excel.ChartTitle`. */
export class FakeChartTitle extends FakeClientObject<FakeChart> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly chart: () => FakeChart,
  ) {
    super(context, "ChartTitle", path);
  }
  protected scalars(): readonly string[] {
    return ["text"];
  }
  protected locate(): FakeChart {
    return this.chart();
  }
  protected snapshot(_name: string, chart: FakeChart): unknown {
    return chart.title ?? "";
  }
  get text(): string {
    return this.loaded("text");
  }
  set text(text: string) {
    const value = checkName(text, "ChartTitle.text");
    this.setProperty("text", value, (chart) => {
      chart.title = value;
    });
  }
}

/** The fake's `Excel.ChartSeries`. */
export class FakeChartSeriesObject extends FakeClientObject<FakeChartSeries> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly find: () => FakeChartSeries | null,
    private readonly chart: () => FakeChart,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, "ChartSeries", path);
  }
  protected scalars(): readonly string[] {
    return ["name"];
  }
  protected locate(): FakeChartSeries | null {
    return this.find();
  }
  protected override isGone(series: FakeChartSeries): boolean {
    return !this.chart().series.includes(series);
  }
  protected snapshot(_name: string, series: FakeChartSeries): unknown {
    return series.name ?? "";
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(name: string) {
    const value = checkName(name, "ChartSeries.name");
    this.setProperty("name", value, (series) => {
      series.name = value;
    });
  }
  /** Takes the series' values from a range (ExcelApi 1.7). */
  setValues(sourceData: FakeRange): void {
    this.act(
      "call",
      "setValues",
      [sourceData.path],
      (series) => {
        series.values = boundsOn(this.sheet(), sourceData, "ChartSeries.setValues");
      },
      "1.7",
    );
  }
  /** Takes the series' category labels from a range (ExcelApi 1.7). */
  setXAxisValues(sourceData: FakeRange): void {
    this.act(
      "call",
      "setXAxisValues",
      [sourceData.path],
      (series) => {
        series.categories = boundsOn(this.sheet(), sourceData, "ChartSeries.setXAxisValues");
      },
      "1.7",
    );
  }
}

/** `chart.series`. */
export class FakeChartSeriesCollection extends FakeCollection<
  FakeChartSeries,
  FakeChartSeriesObject
> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly chart: () => FakeChart,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, "ChartSeriesCollection", path);
  }
  protected locate(): readonly FakeChartSeries[] {
    return this.chart().series;
  }
  protected itemScalars(): readonly string[] {
    return ["name"];
  }
  protected itemFor(series: FakeChartSeries): FakeChartSeriesObject {
    const index = this.chart().series.indexOf(series);
    return new FakeChartSeriesObject(
      this.context,
      `${this.path}.getItemAt(${index})`,
      () => series,
      this.chart,
      this.sheet,
    );
  }
  /** A series by position; ItemNotFound at sync when there is none. */
  getItemAt(index: number): FakeChartSeriesObject {
    return new FakeChartSeriesObject(
      this.context,
      `${this.path}.getItemAt(${index})`,
      () => this.chart().series[index] ?? null,
      this.chart,
      this.sheet,
    );
  }
}

/** The fake's `Excel.Chart`. */
export class FakeChartObject extends FakeClientObject<FakeChart> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly find: () => FakeChart | null,
    private readonly sheet: () => FakeSheet,
    options: { nullable?: boolean; minVersion?: string } = {},
  ) {
    super(context, "Chart", path, options);
    if (options.nullable) this.instantiate();
  }
  protected scalars(): readonly string[] {
    return ["name"];
  }
  protected locate(): FakeChart | null {
    return this.find();
  }
  protected override isGone(chart: FakeChart): boolean {
    return !sheetCharts(this.sheet()).includes(chart);
  }
  protected snapshot(_name: string, chart: FakeChart): unknown {
    return chart.name;
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(name: string) {
    const value = checkName(name, "Chart.name");
    this.setProperty("name", value, (chart) => {
      chart.name = value;
    });
  }
  get title(): FakeChartTitle {
    return new FakeChartTitle(this.context, `${this.path}.title`, () => this.resolve());
  }
  get series(): FakeChartSeriesCollection {
    return new FakeChartSeriesCollection(
      this.context,
      `${this.path}.series`,
      () => this.resolve(),
      this.sheet,
    );
  }
  /** Places the chart over cells: from the start cell, covering the end cell when given. */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const label = (cell: FakeRange | string) => (typeof cell === "string" ? cell : cell.path);
    const args = endCell === undefined ? [label(startCell)] : [label(startCell), label(endCell)];
    this.act("call", "setPosition", args, (chart) => {
      const sheet = this.sheet();
      const from = boundsOn(sheet, startCell, "Chart.setPosition");
      const to = endCell === undefined ? null : boundsOn(sheet, endCell, "Chart.setPosition");
      if (to && (to.bottom < from.top || to.right < from.left))
        throw invalidArgument(
          "The end cell is above or left of the start cell",
          "Chart.setPosition",
        );
      chart.anchor = { from: formatBounds(from), to: to && formatBounds(to) };
    });
  }
  /** Deletes the chart; the cells it was drawn from stay. */
  delete(): void {
    this.act("call", "delete", [], (chart) => {
      const charts = sheetCharts(this.sheet());
      charts.splice(charts.indexOf(chart), 1);
    });
  }
}

/** `worksheet.charts`. */
export class FakeChartCollection extends FakeCollection<FakeChart, FakeChartObject> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, "ChartCollection", path);
  }
  protected locate(): readonly FakeChart[] {
    return sheetCharts(this.sheet());
  }
  protected itemScalars(): readonly string[] {
    return ["name"];
  }
  protected itemFor(chart: FakeChart): FakeChartObject {
    return new FakeChartObject(
      this.context,
      `${this.path}.getItem(${quote(chart.id)})`,
      () => chart,
      this.sheet,
    );
  }

  /** Loads `count` as well as items (`load("count")`, `load("items/name,count")`). */
  override load(options?: LoadOptions): this {
    const names =
      typeof options === "string"
        ? options.split(",").map((n) => n.trim())
        : Array.isArray(options)
          ? options.flatMap((o) => o.split(",")).map((n) => n.trim())
          : null;
    if (!names?.includes("count")) return super.load(options);
    this.context.enqueue({
      wire: { load: ["count"], on: this.path },
      apply: (): LoadResponse => ({
        isNullObject: false,
        values: { count: this.resolve().length },
      }),
      commit: (response) => this.acceptLoad(response as LoadResponse),
    });
    const rest = names.filter((n) => n !== "count");
    return rest.length > 0 ? super.load(rest) : this;
  }

  get count(): number {
    return this.loaded("count");
  }

  /** Adds a chart of a type over a block of this sheet; Excel reads its series from the block. */
  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChartObject {
    if (typeof sourceData !== "object" || sourceData === null || !("resolve" in sourceData))
      throw invalidArgument("The source data must be a Range", "ChartCollection.add");
    let added: FakeChart | null = null;
    const chart = new FakeChartObject(
      this.context,
      `${this.path}.add(${quote(String(type))})`,
      () => added,
      this.sheet,
    );
    this.act("call", "add", [type, sourceData.path, seriesBy], () => {
      if (!CHART_TYPES.has(type))
        throw invalidArgument(`"${String(type)}" is not a chart type`, "ChartCollection.add");
      if (!(SERIES_BY as readonly string[]).includes(seriesBy))
        throw invalidArgument(
          `"${String(seriesBy)}" is not a ChartSeriesBy`,
          "ChartCollection.add",
        );
      const sheet = this.sheet();
      const source = boundsOn(sheet, sourceData, "ChartCollection.add");
      if (cellCount(source) > 100_000) throw notImplemented("a chart over whole rows or columns");
      if (cellsOf(source, (r, c) => isBlank(sheet, r, c)).every(Boolean))
        throw invalidArgument("The source data is empty", "ChartCollection.add");
      const wide = source.right - source.left > source.bottom - source.top;
      const byRows = seriesBy === "Rows" || (seriesBy === "Auto" && wide);
      const entry = chartsOf(sheet);
      entry.added += 1;
      added = {
        id: `{chart-${this.context.engine.state.nextId++}}`,
        name: `Chart ${entry.added}`,
        type,
        title: null,
        source,
        seriesBy: byRows ? "Rows" : "Columns",
        anchor: null,
        series: readSeries(sheet, source, byRows),
      };
      entry.charts.push(added);
    });
    return chart;
  }

  private byName(name: string): FakeChart | null {
    return sheetCharts(this.sheet()).find((c) => folded(c.name) === folded(name)) ?? null;
  }

  /** The first chart of a name (Excel allows several); ItemNotFound at sync when there is none. */
  getItem(name: string): FakeChartObject {
    return new FakeChartObject(
      this.context,
      `${this.path}.getItem(${quote(name)})`,
      () => this.byName(name),
      this.sheet,
    );
  }

  /** The first chart of a name, or a null object (ExcelApi 1.4). */
  getItemOrNullObject(name: string): FakeChartObject {
    return new FakeChartObject(
      this.context,
      `${this.path}.getItemOrNullObject(${quote(name)})`,
      () => this.byName(name),
      this.sheet,
      { nullable: true, minVersion: "1.4" },
    );
  }
}
