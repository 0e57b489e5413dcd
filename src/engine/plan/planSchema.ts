import { z } from "zod";
import { HISTORY_ROLES } from "../history";
import { LANGUAGES } from "../language";

/** Ways a parent's target is split among its children. */
export const SPLIT_METHODS = ["lastYear", "history", "equal", "manual", "blend"] as const;
/** Ways the annual target is spread over the 12 months. */
export const TIME_METHODS = [
  "seasonality",
  "yearlyShareAverage",
  "movingAverageRatio",
  "equal",
  "manual",
] as const;

/**
 * The largest amount, weight or ratio a plan file may give: Excel holds 15 digits, and the plan
 * splits amounts in whole units, which larger numbers cannot be.
 */
export const MAX_PLAN_NUMBER = 999_999_999_999_999;

const years = z.number().int().min(1).max(20);

/**
 * Names a level cannot take: the result JSON's own fields beside the dimension keys of a row.
 * @example RESERVED_DIMENSION_NAMES.includes("annual") === true
 */
export const RESERVED_DIMENSION_NAMES: readonly string[] = [
  "annual",
  "months",
  "lastYear",
  "new",
  "period",
  "status",
  "unplanned",
  "target",
  "actual",
  "variance",
  "attainment",
  "ytdTarget",
  "ytdActual",
  "reforecast",
  "quantity",
  "price",
  "grossProfit",
  "margin",
  "actualQuantity",
  "actualGrossProfit",
];
/** Longest header a level may name. */
const DIMENSION_NAME_LIMIT = 200;
/** The most levels a plan may have. */
export const MAX_LEVELS = 8;

/** A level's dimension: a built-in one, or the header of a history column, trimmed. */
const dimension = z
  .string()
  .trim()
  .min(1)
  .max(DIMENSION_NAME_LIMIT)
  .refine((name) => !RESERVED_DIMENSION_NAMES.includes(name), { message: "dimension-reserved" });
/** A non-negative number a plan can compute with. */
const planNumber = z.number().finite().nonnegative().max(MAX_PLAN_NUMBER);
const weightMap = z.record(z.string().min(1), planNumber);

const bound = z.union([
  z.strictObject({ ofLastYear: planNumber }),
  z.strictObject({ amount: planNumber }),
]);

const blendPart = z.strictObject({
  method: z.enum(["lastYear", "history", "equal", "manual"]),
  weight: planNumber.positive(),
  years: years.optional(),
  weights: weightMap.optional(),
});

const level = z
  .strictObject({
    dimension,
    // The playbook's own split: each member by its share of last year's sales.
    method: z.enum(SPLIT_METHODS).default("lastYear"),
    years: years.optional(),
    weights: weightMap.optional(),
    parts: z.array(blendPart).min(1).optional(),
    min: bound.optional(),
    max: bound.optional(),
  })
  .superRefine((l, ctx) => {
    if (l.method === "manual" && !l.weights) {
      ctx.addIssue({ code: "custom", path: ["weights"], message: "required-for-manual" });
    }
    if (l.method === "blend" && !l.parts) {
      ctx.addIssue({ code: "custom", path: ["parts"], message: "required-for-blend" });
    }
    l.parts?.forEach((p, i) => {
      if (p.method === "manual" && !p.weights) {
        ctx.addIssue({
          code: "custom",
          path: ["parts", i, "weights"],
          message: "required-for-manual",
        });
      }
    });
  });

const lock = z
  .strictObject({
    where: z.record(dimension, z.string().min(1)),
    amount: planNumber.optional(),
    growth: z.number().finite().gt(-1).max(MAX_PLAN_NUMBER).optional(),
    share: z.number().finite().min(0).max(1).optional(),
    new: z.boolean().optional(),
  })
  .superRefine((l, ctx) => {
    const given = ["amount", "growth", "share"].filter((k) => l[k as "amount"] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: "custom", path: [], message: "lock-needs-one-of" });
    }
    if (Object.keys(l.where).length === 0) {
      ctx.addIssue({ code: "custom", path: ["where"], message: "lock-where-empty" });
    }
  });

const time = z
  .strictObject({
    grain: z.literal("month").default("month"),
    method: z.enum(TIME_METHODS).default("seasonality"),
    years: years.default(3),
    profile: z.enum(["company", "leaf"]).default("company"),
    weights: z.array(planNumber).length(12).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.method === "manual" && !t.weights) {
      ctx.addIssue({ code: "custom", path: ["weights"], message: "required-for-manual-time" });
    }
  });

/**
 * The measures planned beside the amount (销售量、毛利、销售费用): each optional.
 * `quantity.unit` rounds quantities (a whole number of items, default 1); `grossProfit.target` is
 * a gross profit `amount` (a multiple of the rounding unit) or a `margin` of the target (0…1),
 * without it each leaf's gross profit follows its own margin; `expenses` is a `rate` of the target
 * (0…1) or an `amount`.
 */
const measures = z.strictObject({
  quantity: z
    .strictObject({ unit: z.number().int().positive().max(MAX_PLAN_NUMBER).default(1) })
    .optional(),
  grossProfit: z
    .strictObject({
      target: z
        .union([
          z.strictObject({ amount: planNumber }),
          z.strictObject({ margin: z.number().finite().min(0).max(1) }),
        ])
        .optional(),
    })
    .optional(),
  expenses: z
    .union([
      z.strictObject({ rate: z.number().finite().min(0).max(1) }),
      z.strictObject({ amount: planNumber }),
    ])
    .optional(),
});

/**
 * The node a lock's `where` names, as a key two locks on it share (names trimmed, as the cascade
 * matches them; keys in level order) and as words: its level, its member and the path above it.
 */
function lockedNode(
  where: Partial<Record<string, string>>,
  levels: readonly { dimension: string }[],
): { key: string; names: { level: string; member: string; parent: string } } {
  const rank = (dimension: string) => {
    const i = levels.findIndex((l) => l.dimension === dimension);
    return i < 0 ? levels.length : i;
  };
  const entries = Object.entries(where)
    .map(([dimension, name]) => [dimension, (name ?? "").trim()] as const)
    .sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const [level, member] = entries.at(-1) ?? ["", ""];
  const parent = entries
    .slice(0, -1)
    .map(([, name]) => name)
    .join(" / ");
  return { key: JSON.stringify(entries), names: { level, member, parent } };
}

/** The plan file (version 1): what to plan and how. Also what the add-in stores in a workbook. */
export const planFileSchema = z
  .strictObject({
    version: z.literal(1),
    planYear: z.number().int().min(1901).max(9998),
    target: z.union([
      z.strictObject({ amount: planNumber }),
      z.strictObject({ growth: z.number().finite().gt(-1).max(MAX_PLAN_NUMBER) }),
    ]),
    columns: z.partialRecord(z.enum(HISTORY_ROLES), z.string().min(1)).optional(),
    levels: z.array(level).max(MAX_LEVELS).default([]),
    locks: z.array(lock).default([]),
    time: time.default({ grain: "month", method: "seasonality", years: 3, profile: "company" }),
    rounding: z.strictObject({ unit: z.number().int().positive() }).default({ unit: 1 }),
    asOf: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
    language: z.enum(LANGUAGES).optional(),
    measures: measures.optional(),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.levels.forEach((l, i) => {
      if (seen.has(l.dimension)) {
        ctx.addIssue({
          code: "custom",
          path: ["levels", i, "dimension"],
          message: "level-repeated",
        });
      }
      seen.add(l.dimension);
    });
    const lockIndexByNode = new Map<string, number>();
    p.locks.forEach((l, i) => {
      const node = lockedNode(l.where, p.levels);
      const first = lockIndexByNode.get(node.key);
      if (first === undefined) {
        lockIndexByNode.set(node.key, i);
        return;
      }
      ctx.addIssue({
        code: "custom",
        path: ["locks", i],
        message: "lock-repeated",
        params: { other: `locks[${first}]`, ...node.names },
      });
    });
    if (p.asOf && Number(p.asOf.slice(0, 4)) !== p.planYear) {
      ctx.addIssue({ code: "custom", path: ["asOf"], message: "asof-outside-plan-year" });
    }
  });

/** A validated plan file, defaults filled in. */
export type PlanFile = z.output<typeof planFileSchema>;
/** A plan file as written by a user (optional parts may be missing). */
export type PlanFileInput = z.input<typeof planFileSchema>;
export type LevelSpec = PlanFile["levels"][number];
export type LockSpec = PlanFile["locks"][number];
export type BoundSpec = z.output<typeof bound>;
export type SplitMethod = (typeof SPLIT_METHODS)[number];
export type TimeMethod = (typeof TIME_METHODS)[number];
export type BlendPart = z.output<typeof blendPart>;
export type MeasuresSpec = z.output<typeof measures>;
