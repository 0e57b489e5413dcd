import type { PlanResult, TrackingRow } from "../engine/plan/planResult";
import { roundCents } from "../engine/plan/tracking";
import {
  a1,
  amount,
  AMOUNT_FORMAT,
  columnRange,
  fillBlanks,
  formula,
  PERCENT_FORMAT,
  text,
} from "./cells";
import type { SheetLabels } from "./labels";
import { sortByPath } from "./memberOrder";
import { printSetup } from "./printSetup";
import type { CellBlock, ConditionalFormatSpec, SheetCell, SheetModel } from "./sheetModel";

/**
 * Tracking in long form, one row per leaf × month (leaves in the language's order): target, actual,
 * variance and attainment for the closed months, running YTD figures, and the re-forecast of the
 * open months (with the actual quantity and gross profit beside the actual amount when the plan
 * asks for them); unplanned actuals after the plan's rows; a closing block of totals. Actuals and targets are values; variance,
 * attainment, YTD and totals are formulas over them.
 * @example trackingSheet(result, labels, "Tracking").rows[3][1].value === "Period" // with one level
 */
export function trackingSheet(result: PlanResult, labels: SheetLabels, name: string): SheetModel {
  const dimCount = Math.max(1, result.levels.length);
  const asked = new Set(result.measures?.asked ?? []);
  // Each measure's actual stands beside the actual amount, when the plan asks for the measure.
  const measureKeys = TRACKED_MEASURES.filter((key) => asked.has(key));
  const after = dimCount + 4 + measureKeys.length;
  const col = {
    period: dimCount,
    status: dimCount + 1,
    target: dimCount + 2,
    actual: dimCount + 3,
    variance: after,
    attainment: after + 1,
    ytdTarget: after + 2,
    ytdActual: after + 3,
    reforecast: after + 4,
  };
  const measureCol = (i: number) => dimCount + 4 + i;
  const width = col.reforecast + 1;
  const rows: (SheetCell | null)[][] = [];
  const blank = () => new Array<SheetCell | null>(width).fill(null);
  const title = blank();
  title[0] = text(labels.trackingTitle(result.planYear, result.asOf ?? ""), "title");
  rows.push(title, blank(), blank());

  const header = blank();
  if (result.levels.length === 0) header[0] = text(labels.total, "header");
  result.levels.forEach((d, i) => (header[i] = text(labels.dimension(d), "header")));
  header[col.period] = text(labels.period, "header");
  header[col.status] = text(labels.status, "header");
  header[col.target] = text(labels.target, "header");
  header[col.actual] = text(labels.actual, "header");
  measureKeys.forEach(
    (key, i) =>
      (header[measureCol(i)] = text(
        key === "quantity" ? labels.measures.actualQuantity : labels.measures.actualGrossProfit,
        "header",
      )),
  );
  header[col.variance] = text(labels.variance, "header");
  header[col.attainment] = text(labels.attainment, "header");
  header[col.ytdTarget] = text(labels.ytdTarget, "header");
  header[col.ytdActual] = text(labels.ytdActual, "header");
  header[col.reforecast] = text(labels.reforecast, "header");
  rows.push(header);

  const firstData = rows.length;
  const attainmentFormula = (r: number) =>
    `IF(${a1(r, col.target)}=0,"",${a1(r, col.actual)}/${a1(r, col.target)})`;
  const runningFormula = (r: number, column: number, source: number, first: boolean) =>
    first ? a1(r, source) : `${a1(r - 1, column)}+${a1(r, source)}`;

  trackingInOrder(result.tracking, labels).forEach((t: TrackingRow) => {
    const r = rows.length;
    const row = blank();
    if (result.levels.length === 0) row[0] = text(labels.total, "label");
    t.path.forEach((member, i) => (row[i] = text(member)));
    row[col.period] = text(t.period);
    const status = t.unplanned ? labels.statuses.unplanned : labels.statuses[t.status];
    row[col.status] = text(status);
    row[col.target] = amount(t.target);
    if (t.status === "closed") {
      const firstOfLeaf = t.month === 1;
      row[col.actual] = amount(t.actual ?? 0);
      measureKeys.forEach((key, i) => {
        const value = t.measureActuals?.[key] ?? 0;
        row[measureCol(i)] = amount(value, undefined, measureFormat(key, value));
      });
      row[col.variance] = formula(`${a1(r, col.actual)}-${a1(r, col.target)}`, t.variance);
      row[col.attainment] = formula(
        attainmentFormula(r),
        t.attainment ?? "",
        undefined,
        PERCENT_FORMAT,
      );
      row[col.ytdTarget] = formula(
        runningFormula(r, col.ytdTarget, col.target, firstOfLeaf),
        t.ytdTarget,
      );
      row[col.ytdActual] = formula(
        runningFormula(r, col.ytdActual, col.actual, firstOfLeaf),
        t.ytdActual,
      );
    } else {
      row[col.reforecast] = amount(t.reforecast ?? 0);
    }
    rows.push(row);
  });
  const lastData = rows.length - 1;
  rows.push(blank());

  const closed = result.tracking.filter((t) => t.status === "closed");
  const closedTarget = closed.reduce((s, t) => s + t.target, 0);
  const closedActual = roundCents(closed.reduce((s, t) => s + (t.actual ?? 0), 0));
  const reforecast = result.tracking.reduce((s, t) => s + (t.reforecast ?? 0), 0);
  const range = (c: number) => columnRange(c, firstData, lastData);
  const totals = blank();
  const tr = rows.length;
  totals[0] = text(labels.closedTotal, "total");
  totals[col.target] = formula(
    `SUMIF(${range(col.status)},"${labels.statuses.closed}",${range(col.target)})`,
    closedTarget,
    "total",
  );
  totals[col.actual] = formula(`SUM(${range(col.actual)})`, closedActual, "total");
  measureKeys.forEach((key, i) => {
    const sum = closed.reduce((s, t) => s + (t.measureActuals?.[key] ?? 0), 0);
    const value = key === "quantity" ? roundFigure(sum) : roundCents(sum);
    totals[measureCol(i)] = formula(
      `SUM(${range(measureCol(i))})`,
      value,
      "total",
      measureFormat(key, value),
    );
  });
  totals[col.variance] = formula(
    `${a1(tr, col.actual)}-${a1(tr, col.target)}`,
    roundCents(closedActual - closedTarget),
    "total",
  );
  totals[col.attainment] = formula(
    attainmentFormula(tr),
    closedTarget === 0 ? "" : closedActual / closedTarget,
    "total",
    PERCENT_FORMAT,
  );
  totals[col.reforecast] = formula(`SUM(${range(col.reforecast)})`, reforecast, "total");
  rows.push(fillBlanks(totals, "total"));
  const outlook = blank();
  outlook[0] = text(labels.outlook, "total");
  outlook[col.reforecast] = formula(
    `${a1(tr, col.actual)}+${a1(tr, col.reforecast)}`,
    roundCents(closedActual + reforecast),
    "total",
  );
  rows.push(fillBlanks(outlook, "total"));

  const columnWidths = new Array<number>(width).fill(12);
  const conditionalFormats =
    lastData >= firstData
      ? attainmentLights({
          firstRow: firstData,
          firstColumn: col.attainment,
          lastRow: lastData,
          lastColumn: col.attainment,
        })
      : [];
  for (let i = 0; i < dimCount; i++) columnWidths[i] = 16;
  const model: SheetModel = {
    name,
    kind: "tracking",
    rows,
    columnWidths,
    freeze: { rows: firstData, columns: dimCount },
    conditionalFormats,
  };
  const titleRows = { first: firstData - 1, last: firstData - 1 };
  return { ...model, print: printSetup(model, titleRows, labels, result.planYear) };
}

/** The measures whose actuals tracking shows, when the plan asks for them. */
const TRACKED_MEASURES = ["quantity", "grossProfit"] as const;

/**
 * A tracked actual's number format: whole units, or up to six decimals for a quantity that has
 * them (2.5 kg).
 * @example measureFormat("quantity", 2.5) === "#,##0.0#####"
 */
export function measureFormat(key: "quantity" | "grossProfit", value: number): string {
  return key === "quantity" && !Number.isInteger(value) ? "#,##0.0#####" : AMOUNT_FORMAT;
}

/** A sum of quantities to six decimals, float noise dropped. */
function roundFigure(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Tracking rows with the plan's leaves in the language's order, then the unplanned segments in
 * that order; each leaf's months stay together, January first (running YTD formulas need that).
 * @example trackingInOrder(result.tracking, sheetLabels("zh-CN"))[0].path → ["华北", "刘磊"]
 */
export function trackingInOrder(
  tracking: readonly TrackingRow[],
  labels: SheetLabels,
): TrackingRow[] {
  const planned = tracking.filter((t) => !t.unplanned);
  const unplanned = tracking.filter((t) => t.unplanned);
  const pathOf = (t: TrackingRow) => t.path;
  return [
    ...sortByPath(planned, pathOf, labels.language),
    ...sortByPath(unplanned, pathOf, labels.language),
  ];
}

/**
 * Traffic lights on a column of attainment ratios, data rows only: at least 100 % green, at least
 * 90 % amber, below red; blank and text cells (open months, zero targets) stay uncoloured.
 * @example attainmentLights({ firstRow: 4, firstColumn: 7, lastRow: 40, lastColumn: 7 })[0].bounds → ["AND(ISNUMBER(H5),H5>=1)"]
 */
export function attainmentLights(block: CellBlock): ConditionalFormatSpec[] {
  const cell = a1(block.firstRow, block.firstColumn);
  const rule = (condition: string, tone: ConditionalFormatSpec["tone"]): ConditionalFormatSpec => ({
    block,
    operator: "expression",
    bounds: [`AND(ISNUMBER(${cell}),${condition})`],
    tone,
  });
  return [
    rule(`${cell}>=1`, "good"),
    rule(`${cell}>=0.9,${cell}<1`, "neutral"),
    rule(`${cell}<0.9`, "bad"),
  ];
}
