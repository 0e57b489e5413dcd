import type { ChartSpec, SheetModel } from "../sheets/sheetModel";
import type { ExcelFeatures } from "./excelFeatures";
import { ExcelPortError } from "./excelPortError";
import type { SheetWritePlan } from "../sheets/sheetPlacement";
import type { SyncCounter } from "./syncCounter";
import { StepBuilder, type WriteStep } from "./writeStep";

/** Excel's chart type for each kind of chart a model asks for. */
const EXCEL_CHART_TYPES = { line: "Line", columnClustered: "ColumnClustered" } as const;

/** Excel's limit on chart, title and series names. */
const MAX_NAME = 255;

/** Per model (by name): the charts on its existing sheet that a write replaces. */
export type ChartsToReplace = ReadonlyMap<string, Excel.Chart[]>;

/**
 * The charts a write replaces: on each generated sheet it rewrites, those bearing the name of one
 * of the model's charts (a chart the add-in drew). Every other chart — one a user added — stays.
 * One round trip, and only when such a sheet exists and Excel draws charts.
 */
export async function readChartsToReplace(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  plan: SheetWritePlan,
  syncs: SyncCounter,
): Promise<ChartsToReplace> {
  const found = new Map<string, Excel.Chart[]>();
  if (!features.charts) return found;
  const loads = plan.replaced
    .filter(({ model }) => (model.charts ?? []).length > 0)
    .map(({ model, existing }) => {
      const charts = context.workbook.worksheets.getItem(existing).charts;
      charts.load("items/name");
      return { model, charts };
    });
  if (loads.length === 0) return found;
  await syncs.sync();
  for (const { model, charts } of loads) {
    const names = new Set((model.charts ?? []).map((chart) => chart.name));
    found.set(
      model.name,
      charts.items.filter((chart) => names.has(chart.name)),
    );
  }
  return found;
}

/** Refuses a chart Excel would refuse half-way through a write. */
function checkChart(model: SheetModel, spec: ChartSpec, names: Set<string>): void {
  const problem =
    spec.name === "" || spec.name.length > MAX_NAME
      ? `a chart name has 1 to ${MAX_NAME} characters`
      : names.has(spec.name)
        ? `two charts are named "${spec.name}"`
        : spec.series.length === 0
          ? "a chart needs a series"
          : [spec.title, ...spec.series.map((s) => s.name)].some(
                (text) => text === "" || text.length > MAX_NAME,
              )
            ? `chart titles and series names have 1 to ${MAX_NAME} characters`
            : null;
  if (problem) throw new ExcelPortError("excel-error", { detail: problem, sheet: model.name });
  names.add(spec.name);
}

/** Actions one chart queues: add, name, title, position, then per series its name (and ranges). */
function chartActions(spec: ChartSpec, features: ExcelFeatures): number {
  return 4 + spec.series.length * (features.chartSeriesRanges ? 3 : 1);
}

function queueChart(
  context: Excel.RequestContext,
  sheetName: string,
  spec: ChartSpec,
  features: ExcelFeatures,
): void {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  // Excel reads the series from the block: names from its header row, labels from its first column.
  const chart = sheet.charts.add(
    EXCEL_CHART_TYPES[spec.type],
    sheet.getRange(spec.source),
    "Columns",
  );
  chart.name = spec.name;
  chart.title.text = spec.title;
  chart.setPosition(spec.anchor.from, spec.anchor.to);
  spec.series.forEach((wanted, i) => {
    const series = chart.series.getItemAt(i);
    series.name = wanted.name;
    // Where Excel can say so (ExcelApi 1.7), each series is tied to its cells explicitly.
    if (features.chartSeriesRanges) {
      series.setXAxisValues(sheet.getRange(spec.categories));
      series.setValues(sheet.getRange(wanted.values));
    }
  });
}

/**
 * One step per rewritten sheet with charts, queued after every cell is written (Excel reads a
 * new chart's series from the cells): the charts found by `readChartsToReplace` are deleted, then
 * the model's charts added, named, titled, placed over their cells, and their series named. Where
 * Excel offers no charts, nothing is drawn and the sheets are written all the same.
 */
export function chartSteps(
  models: readonly SheetModel[],
  features: ExcelFeatures,
  toReplace: ChartsToReplace,
): WriteStep[] {
  if (!features.charts) return [];
  return models
    .filter((model) => !model.keepExisting && (model.charts ?? []).length > 0)
    .map((model) => {
      const specs = model.charts ?? [];
      const names = new Set<string>();
      for (const spec of specs) checkChart(model, spec, names);
      const step = new StepBuilder();
      const stale = toReplace.get(model.name) ?? [];
      if (stale.length > 0) {
        step.add(stale.length, undefined, () => {
          for (const chart of stale) chart.delete();
        });
      }
      for (const spec of specs) {
        step.add(chartActions(spec, features), spec, (context) =>
          queueChart(context, model.name, spec, features),
        );
      }
      return step.build(model.name, "chart");
    });
}
