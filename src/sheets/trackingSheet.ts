import type { PlanResult, TrackingRow } from "../engine/plan/planResult";
import { roundCents } from "../engine/plan/tracking";
import { a1, amount, columnRange, fillBlanks, formula, PERCENT_FORMAT, text } from "./cells";
import type { SheetLabels } from "./labels";
import { sortByPath } from "./memberOrder";
import { printSetup } from "./printSetup";
import type { CellBlock, ConditionalFormatSpec, SheetCell, SheetModel } from "./sheetModel";

/**
 * Tracking in long form, one row per leaf × month (leaves in the language's order): target, actual,
 * variance and attainment for the closed months, running YTD figures, and the re-forecast of the
 * open months; unplanned actuals after the plan's rows; a closing block of totals. Actuals and targets are values; variance,
 * attainment, YTD and totals are formulas over them.
 * @example trackingSheet(result, labels, "Tracking").rows[3][1].value === "Period" // with one level
 */
export function trackingSheet(result: PlanResult, labels: SheetLabels, name: string): SheetModel {
  const dimCount = Math.max(1, result.levels.length);
  const col = {
    period: dimCount,
    status: dimCount + 1,
    target: dimCount + 2,
    actual: dimCount + 3,
    variance: dimCount + 4,
    attainment: dimCount + 5,
    ytdTarget: dimCount + 6,
    ytdActual: dimCount + 7,
    reforecast: dimCount + 8,
  };
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
