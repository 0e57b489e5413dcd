import type { DimensionKey } from "../engine/history";
import type { ActionPlanUnit } from "../engine/plan/actionPlan";
import type { PlanResult, PlanRow, TrackingRow } from "../engine/plan/planResult";
import { roundCents } from "../engine/plan/tracking";
import { actionRowsBlock } from "./actionRows";
import { a1, amount, columnRange, fillBlanks, formula, PERCENT_FORMAT, text } from "./cells";
import type { Language } from "../engine/language";
import type { SheetLabels } from "./labels";
import { compareMembers, comparePaths } from "./memberOrder";
import { printSetup } from "./printSetup";
import type { ChartSpec, SheetCell, SheetModel } from "./sheetModel";
import { attainmentLights, trackingInOrder } from "./trackingSheet";

/** Columns of the monthly quota table: label, 12 months, annual. */
const MONTHLY_TABLE_COLUMNS = 14;

/** The measures a rep tab shows beside the quota, when the plan asks for them. */
const REP_MEASURES = ["quantity", "grossProfit"] as const;

/** Adds 12 months to the label's sums in `groups`. */
function addMonths(groups: Map<string, number[]>, label: string, months: readonly number[]): void {
  const sums = groups.get(label) ?? new Array<number>(12).fill(0);
  months.forEach((m, i) => (sums[i] += m));
  groups.set(label, sums);
}

/** The name of the chart on every rep tab, the same in every language and run. */
export const QUOTA_CHART_NAME = "SalesTargetPlanner_QuotaChart";

/**
 * One rep: the members that identify them (their region, when region is above rep, and name), and
 * what the plan holds of them: action-plan units, leaf rows and tracking rows, in plan order.
 */
export type RepIdentity = {
  key: string;
  rep: string;
  region?: string;
  units: ActionPlanUnit[];
  rows: PlanRow[];
  tracking: TrackingRow[];
};

/**
 * The reps of a plan, in cascade order: every action-plan unit at the rep level, grouped by the
 * rep's region (when region is a level above rep) and name — a rep selling several products is
 * one person, two reps of one name in two regions are two. Each rep's leaf rows and tracking rows
 * are gathered in one pass over the plan.
 * @example repIdentities(result).map((r) => r.key) → ['["East","Ann"]', '["East","Bo"]', …]
 */
export function repIdentities(result: PlanResult): RepIdentity[] {
  const repIndex = result.levels.indexOf("rep");
  if (repIndex < 0) return [];
  const regionIndex = result.levels.indexOf("region");
  const keyOf = (path: readonly string[]): string | undefined => {
    const rep = path[repIndex];
    if (rep === undefined) return undefined;
    const region = regionIndex >= 0 && regionIndex < repIndex ? path[regionIndex] : undefined;
    return JSON.stringify(region === undefined ? [rep] : [region, rep]);
  };
  const byKey = new Map<string, RepIdentity>();
  for (const unit of result.actionPlans) {
    const key = keyOf(unit.path);
    if (key === undefined) continue;
    let identity = byKey.get(key);
    if (!identity) {
      const region =
        regionIndex >= 0 && regionIndex < repIndex ? unit.path[regionIndex] : undefined;
      identity = { key, rep: unit.path[repIndex], region, units: [], rows: [], tracking: [] };
      byKey.set(key, identity);
    }
    identity.units.push(unit);
  }
  // Leaves and tracking rows share paths: each path's key is worked out once.
  const keys = new Map<readonly string[], string | undefined>();
  const identityOf = (path: readonly string[]) => {
    if (!keys.has(path)) keys.set(path, keyOf(path));
    const key = keys.get(path);
    return key === undefined ? undefined : byKey.get(key);
  };
  for (const row of result.rows) identityOf(row.path)?.rows.push(row);
  for (const row of result.tracking) identityOf(row.path)?.tracking.push(row);
  return [...byKey.values()];
}

/**
 * Reps in the order their tabs stand: by region (where region is above rep), then by name, in the
 * language's order (pinyin for Chinese).
 * @example repsInOrder(repIdentities(result), "zh-CN").map((r) => r.rep) → ["刘磊", "周娜", …]
 */
export function repsInOrder(reps: readonly RepIdentity[], language: Language): RepIdentity[] {
  const compare = comparePaths(language);
  const pathOf = (r: RepIdentity) => (r.region === undefined ? [r.rep] : [r.region, r.rep]);
  return [...reps].sort((a, b) => compare(pathOf(a), pathOf(b)));
}

/**
 * A rep's quota tab: annual and quarterly quota, the monthly quota by product (where product is a
 * level; products in the language's order) — and, when the plan asks for them, the annual and
 * monthly quantity and gross profit targets the same way — the monthly quota against last year's net sales (a
 * table and, in Excel, a chart), the rep's action-plan rows (user columns kept across
 * regenerations) and tracking. It prints with the rep's name and region on every page.
 * @example repTab(result, identity, labels, "Ann").kind === "rep-tab"
 */
export function repTab(
  result: PlanResult,
  identity: RepIdentity,
  labels: SheetLabels,
  name: string,
): SheetModel {
  const rows: (SheetCell | null)[][] = [];
  const push = (...cells: (SheetCell | null)[]) => rows.push(cells);
  push(text(labels.repTitle(identity.rep, result.planYear), "title"));
  push(identity.region === undefined ? null : text(identity.region, "note"));
  push();

  const productIndex = result.levels.indexOf("product");
  const leaves = identity.rows;
  const asked = new Set(result.measures?.asked ?? []);
  const measureKeys = REP_MEASURES.filter((key) => asked.has(key));
  const groups = new Map<string, number[]>();
  const measureGroups = new Map(measureKeys.map((key) => [key, new Map<string, number[]>()]));
  for (const leaf of leaves) {
    // Without a product level the rep's one row is named after the rep (the total row follows).
    const label = productIndex >= 0 ? (leaf.path[productIndex] ?? labels.total) : identity.rep;
    addMonths(groups, label, leaf.months);
    for (const key of measureKeys)
      addMonths(measureGroups.get(key)!, label, leaf.measures?.[key]?.months ?? []);
  }
  const byMember = compareMembers(labels.language);
  const products = [...groups].sort(([a], [b]) => byMember(a, b));
  const totals = new Array<number>(12).fill(0);
  for (const [, months] of products) months.forEach((m, i) => (totals[i] += m));
  const annual = totals.reduce((a, b) => a + b, 0);

  // The quota block refers to the monthly table below it: row numbers fixed here.
  const annualRow = rows.length;
  const quarterRow = annualRow + 1 + measureKeys.length;
  const monthlyLabelRow = quarterRow + 3;
  const monthlyHeaderRow = monthlyLabelRow + 1;
  const firstGroupRow = monthlyHeaderRow + 1;
  const totalRow = firstGroupRow + groups.size;
  const monthCol = (m: number) => 1 + m;
  const annualCol = 13;
  // Each measure's monthly table follows the quota's: a blank row, its title, header, products, total.
  const measureTotalRow = (i: number) => totalRow + (i + 1) * (groups.size + 4);

  push(text(labels.annualQuota, "label"), formula(a1(totalRow, annualCol), annual, "total"));
  const measureTotals = measureKeys.map((key) =>
    [...measureGroups.get(key)!.values()].flat().reduce((a, b) => a + b, 0),
  );
  measureKeys.forEach((key, i) =>
    push(
      text(
        key === "quantity" ? labels.measures.annualQuantity : labels.measures.annualGrossProfit,
        "label",
      ),
      formula(a1(measureTotalRow(i), annualCol), measureTotals[i], "total"),
    ),
  );
  push(text(labels.quarterlyQuota, "label"), ...labels.quarters.map((q) => text(q, "header")));
  push(
    null,
    ...[0, 1, 2, 3].map((q) =>
      formula(
        `SUM(${a1(totalRow, monthCol(3 * q))}:${a1(totalRow, monthCol(3 * q + 2))})`,
        totals[3 * q] + totals[3 * q + 1] + totals[3 * q + 2],
      ),
    ),
  );
  push();
  push(text(labels.monthlyQuota, "subtitle"));
  /** Product rows (values, the year a SUM) and a total row of SUMs, from the next row. */
  const monthlyTable = (byProduct: ReadonlyMap<string, number[]>): void => {
    const first = rows.length;
    const sums = new Array<number>(12).fill(0);
    for (const [label] of products) {
      const months = byProduct.get(label) ?? new Array<number>(12).fill(0);
      months.forEach((m, i) => (sums[i] += m));
      const r = rows.length;
      push(
        text(label),
        ...months.map((m) => amount(m)),
        formula(
          `SUM(${a1(r, monthCol(0))}:${a1(r, monthCol(11))})`,
          months.reduce((a, b) => a + b, 0),
        ),
      );
    }
    const last = rows.length;
    const sumColumn = (c: number, value: number) =>
      formula(`SUM(${columnRange(c, first, Math.max(first, last - 1))})`, value, "total");
    rows.push(
      fillBlanks(
        [
          text(labels.total, "total"),
          ...sums.map((t, m) => sumColumn(monthCol(m), t)),
          sumColumn(
            annualCol,
            sums.reduce((a, b) => a + b, 0),
          ),
        ],
        "total",
      ),
    );
  };
  const tableHeader = () =>
    push(
      text(productIndex >= 0 ? labels.dimensions.product : "", "header"),
      ...labels.months.map((m) => text(m, "header")),
      text(labels.annual, "header"),
    );
  tableHeader();
  monthlyTable(groups);
  for (const key of measureKeys) {
    push();
    push(
      text(
        key === "quantity" ? labels.measures.monthlyQuantity : labels.measures.monthlyGrossProfit,
        "subtitle",
      ),
    );
    tableHeader();
    monthlyTable(measureGroups.get(key)!);
  }
  push();
  const lastYear = new Array<number>(12).fill(0);
  for (const unit of identity.units) unit.baseMonths.forEach((m, i) => (lastYear[i] += m));
  const chart = quotaVsLastYear(rows, labels, result, {
    targets: totals,
    targetRow: totalRow,
    firstTargetColumn: monthCol(0),
    lastYear: lastYear.map(roundCents),
  });
  push();
  push(text(labels.actionRows, "subtitle"));

  const block = actionRowsBlock(
    identity.units,
    result.levels,
    labels,
    result.planYear,
    rows.length,
  );
  rows.push(...block.rows);

  const conditionalFormats = [];
  const tracking = trackingInOrder(identity.tracking, labels);
  if (tracking.length > 0) {
    push();
    push(text(labels.trackingRows, "subtitle"));
    const { block: lights } = trackingRows(tracking, result.levels, labels, rows);
    conditionalFormats.push(...attainmentLights(lights));
  }

  const widths = new Array<number>(Math.max(block.width, MONTHLY_TABLE_COLUMNS)).fill(11);
  widths[0] = 18;
  // Text columns are wide where no month column of the quota table sits above them; under one,
  // a typed text runs on into the empty cells beside it instead.
  block.layout.userColumns.forEach(({ column, id }) => {
    const text = id === "activities" || id === "notes";
    widths[column] = text && column >= MONTHLY_TABLE_COLUMNS ? 28 : 13;
  });
  const model: SheetModel = {
    name,
    kind: "rep-tab",
    rows,
    columnWidths: widths,
    validations: [block.validation],
    hiddenRows: [block.layout.idRow],
    hiddenColumns: [block.layout.keyColumn, block.layout.signatureColumn],
    userRows: block.layout,
    conditionalFormats,
    charts: [chart],
  };
  // The tab's sections each have their own header: what heads every page is whose tab it is.
  const titleRows = { first: 0, last: identity.region === undefined ? 0 : 1 };
  return { ...model, print: printSetup(model, titleRows, labels, result.planYear) };
}

/**
 * The rep's month × (target, last year) block, appended to `rows`, and the chart drawn from it to
 * its right. Targets refer to the monthly quota's cells, so the chart follows them; last year's
 * net sales are values.
 */
function quotaVsLastYear(
  rows: (SheetCell | null)[][],
  labels: SheetLabels,
  result: PlanResult,
  quota: { targets: number[]; targetRow: number; firstTargetColumn: number; lastYear: number[] },
): ChartSpec {
  const titleRow = rows.length;
  rows.push([text(labels.quotaVsLastYear, "subtitle")]);
  const headerRow = rows.length;
  const targetName = labels.targetOfYear(result.planYear);
  const lastYearName = labels.baseYear(result.baseYear);
  rows.push([
    text(labels.month, "header"),
    text(targetName, "header"),
    text(lastYearName, "header"),
  ]);
  labels.months.forEach((month, m) =>
    rows.push([
      text(month),
      formula(a1(quota.targetRow, quota.firstTargetColumn + m), quota.targets[m]),
      amount(quota.lastYear[m]),
    ]),
  );
  const lastRow = rows.length - 1;
  return {
    name: QUOTA_CHART_NAME,
    type: "columnClustered",
    title: labels.quotaChartTitle(result.planYear, result.baseYear),
    source: `${a1(headerRow, 0)}:${a1(lastRow, 2)}`,
    categories: columnRange(0, headerRow + 1, lastRow),
    series: [
      { name: targetName, values: columnRange(1, headerRow + 1, lastRow) },
      { name: lastYearName, values: columnRange(2, headerRow + 1, lastRow) },
    ],
    // Columns E to M: clear of the block and of the hidden key columns further right.
    anchor: { from: a1(titleRow, 4), to: a1(lastRow, 12) },
  };
}

/** The rep's tracking rows (members, period, target, actual, variance, attainment, re-forecast). */
function trackingRows(
  tracking: readonly TrackingRow[],
  levels: readonly DimensionKey[],
  labels: SheetLabels,
  rows: (SheetCell | null)[][],
): { block: { firstRow: number; firstColumn: number; lastRow: number; lastColumn: number } } {
  const dimCount = Math.max(1, levels.length);
  const c = {
    period: dimCount,
    target: dimCount + 1,
    actual: dimCount + 2,
    variance: dimCount + 3,
    attainment: dimCount + 4,
    reforecast: dimCount + 5,
  };
  rows.push([
    ...levels.map((d) => text(labels.dimension(d), "header")),
    ...(levels.length === 0 ? [text(labels.total, "header")] : []),
    text(labels.period, "header"),
    text(labels.target, "header"),
    text(labels.actual, "header"),
    text(labels.variance, "header"),
    text(labels.attainment, "header"),
    text(labels.reforecast, "header"),
  ]);
  const first = rows.length;
  for (const t of tracking) {
    const r = rows.length;
    const row: (SheetCell | null)[] = new Array(c.reforecast + 1).fill(null);
    t.path.forEach((member, i) => (row[i] = text(member)));
    row[c.period] = text(t.unplanned ? `${t.period} (${labels.statuses.unplanned})` : t.period);
    row[c.target] = amount(t.target);
    if (t.status === "closed") {
      row[c.actual] = amount(t.actual ?? 0);
      row[c.variance] = formula(`${a1(r, c.actual)}-${a1(r, c.target)}`, t.variance);
      row[c.attainment] = formula(
        `IF(${a1(r, c.target)}=0,"",${a1(r, c.actual)}/${a1(r, c.target)})`,
        t.attainment ?? "",
        undefined,
        PERCENT_FORMAT,
      );
    } else {
      row[c.reforecast] = amount(t.reforecast ?? 0);
    }
    rows.push(row);
  }
  return {
    block: {
      firstRow: first,
      firstColumn: c.attainment,
      lastRow: rows.length - 1,
      lastColumn: c.attainment,
    },
  };
}
