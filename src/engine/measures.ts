import type { HistoryRole } from "./history";

/**
 * The figures a history record carries and the aggregation sums: the amount, and the quantity and
 * cost the measures are planned from. A new history figure is added here and on `HistoryRecord`.
 */
export const HISTORY_FIGURES = ["amount", "quantity", "cost"] as const;
export type HistoryFigure = (typeof HISTORY_FIGURES)[number];
/** A figure other than the amount. */
export type MeasureFigure = Exclude<HistoryFigure, "amount">;
/** Net sums of figures (currency for amount and cost, units for quantity). */
export type FigureSums = Record<HistoryFigure, number>;

/** Measures planned leaf by leaf from the leaf's amount target and a ratio of its history. */
export const RATIO_MEASURES = ["quantity", "grossProfit"] as const;
export type RatioMeasure = (typeof RATIO_MEASURES)[number];

/** Every key of the plan file's `measures`, in the order results list them. */
export const MEASURE_KEYS = [...RATIO_MEASURES, "expenses"] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

/**
 * What defines a measure planned from a ratio: which history figure it needs and from which
 * columns, its planning ratio, how a leaf's annual follows from its amount target, and the names
 * it takes in the result. Everything that carries measures (the reader, aggregation, the ratios
 * with their fallbacks, the plan of each leaf, tracking, the result JSON) reads these.
 */
export type RatioMeasureDefinition = {
  key: RatioMeasure;
  /** The history figure summed beside the amount. */
  figure: MeasureFigure;
  /** History columns that give the figure, the first present one read. */
  roles: readonly HistoryRole[];
  /** The ratio's name in the result JSON. */
  ratioField: "price" | "margin";
  /** The ratio from net sums, or null when they give none (e.g. no positive net sales). */
  ratio(sums: Readonly<FigureSums>): number | null;
  /** A leaf's exact annual measure from its annual amount and its ratio, before rounding. */
  fromAmount(amount: number, ratio: number): number;
  /** The tracked actual of the measure from a month's net sums. */
  actual(sums: Readonly<FigureSums>): number;
  /** The tracked actual's name in the result JSON. */
  actualField: "actualQuantity" | "actualGrossProfit";
};

/** A ratio a plan can use: a finite number (an amount of a cent against millions is none). */
const finite = (ratio: number | null): number | null =>
  ratio !== null && Number.isFinite(ratio) ? ratio : null;

/**
 * The measures planned from a ratio, by key.
 * @example MEASURES.quantity.ratio({ amount: 1000, quantity: 40, cost: 0 }) === 25 // the price
 */
export const MEASURES: Record<RatioMeasure, RatioMeasureDefinition> = {
  quantity: {
    key: "quantity",
    figure: "quantity",
    roles: ["quantity"],
    ratioField: "price",
    ratio: (s) => finite(s.amount > 0 && s.quantity > 0 ? s.amount / s.quantity : null),
    fromAmount: (amount, price) => amount / price,
    actual: (s) => s.quantity,
    actualField: "actualQuantity",
  },
  grossProfit: {
    key: "grossProfit",
    figure: "cost",
    roles: ["cost", "grossProfit"],
    ratioField: "margin",
    ratio: (s) => finite(s.amount > 0 ? (s.amount - s.cost) / s.amount : null),
    fromAmount: (amount, margin) => amount * margin,
    actual: (s) => s.amount - s.cost,
    actualField: "actualGrossProfit",
  },
};

/**
 * The ratio measures a plan asks for, in `RATIO_MEASURES` order.
 * @example askedRatioMeasures({ grossProfit: {}, quantity: { unit: 1 } }).map((m) => m.key) → ["quantity", "grossProfit"]
 */
export function askedRatioMeasures(
  measures: Partial<Record<string, unknown>> | undefined,
): RatioMeasureDefinition[] {
  return RATIO_MEASURES.filter((key) => measures?.[key] !== undefined).map((key) => MEASURES[key]);
}

/**
 * The history figures a plan needs summed: the amount, and each asked measure's figure.
 * @example figuresFor([MEASURES.grossProfit]) → ["amount", "cost"]
 */
export function figuresFor(measures: readonly RatioMeasureDefinition[]): HistoryFigure[] {
  return ["amount", ...measures.map((m) => m.figure)];
}

/**
 * The figures of a set of records or cells, summed; figures not given count as 0.
 * @example emptySums() → { amount: 0, quantity: 0, cost: 0 }
 */
export function emptySums(): FigureSums {
  return Object.fromEntries(HISTORY_FIGURES.map((figure) => [figure, 0])) as FigureSums;
}

/**
 * Adds what a record or aggregated cell holds of each figure to `sums` (a missing figure adds 0).
 * @example addFigures(sums, { amount: 100, quantity: 2 }) // sums.amount += 100, sums.quantity += 2
 */
export function addFigures(
  sums: FigureSums,
  from: { amount: number } & Partial<Record<MeasureFigure, number>>,
): void {
  for (const figure of HISTORY_FIGURES) sums[figure] += from[figure] ?? 0;
}
