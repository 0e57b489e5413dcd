import type { DimensionKey, Notice } from "../history";
import { PlanError } from "../planError";
import {
  allocateByLargestRemainder,
  byCodePoint,
  ceilUnits,
  floorUnits,
  roundHalfUp,
} from "../rounding";
import { suggestNearest } from "../suggest";
import { monthTotals, type MonthCell } from "./aggregate";
import { checkLocksApplied } from "./checkLocksApplied";
import { distributeWithBounds, type BoundedChild } from "./distributeWithBounds";
import { leftOutMemberNotices } from "./leftOutMemberNotices";
import type { PlanNode } from "./planResult";
import type { BoundSpec, LevelSpec, LockSpec, PlanFile } from "./planSchema";
import { splitWeights, type ChildHistory } from "./splitWeights";
import { hasFullWindow, monthShares } from "./timeShares";

/** Month keys for the time split's tie-break ("01" … "12"). */
const MONTH_KEYS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"));

type CascadeContext = {
  plan: PlanFile;
  levels: readonly LevelSpec[];
  unit: number;
  companyShares: number[];
  warnings: Notice[];
};

/**
 * How a node is named in messages.
 * @example nodeLabel(["East", "Ann"]) === "East / Ann"; nodeLabel([]) === "(total)"
 */
export function nodeLabel(path: readonly string[]): string {
  return path.length === 0 ? "(total)" : path.join(" / ");
}

function lockField(ctx: CascadeContext, lock: LockSpec): string {
  return `locks[${ctx.plan.locks.indexOf(lock)}]`;
}

function childHistories(
  cells: readonly MonthCell[],
  depth: number,
  planYear: number,
): Map<string, ChildHistory> {
  const children = new Map<string, ChildHistory>();
  for (const c of cells) {
    const member = c.members[depth];
    let child = children.get(member);
    if (!child) {
      child = { member, netByYear: new Map(), rows: 0 };
      children.set(member, child);
    }
    if (c.year < planYear) {
      child.netByYear.set(c.year, (child.netByYear.get(c.year) ?? 0) + c.amount);
      child.rows += c.rows;
    }
  }
  return children;
}

function boundUnits(
  bound: BoundSpec | undefined,
  baseNet: number,
  unit: number,
  kind: "min" | "max",
): number | undefined {
  if (!bound) return undefined;
  const amount = "amount" in bound ? bound.amount : Math.max(0, baseNet) * bound.ofLastYear;
  return kind === "max" ? floorUnits(amount, unit) : ceilUnits(amount, unit);
}

/** The locks that fix a child of `parentPath` at `depth`. */
function locksAt(ctx: CascadeContext, parentPath: readonly string[], depth: number): LockSpec[] {
  return ctx.plan.locks.filter((lock) => {
    const keys = Object.keys(lock.where);
    if (keys.length !== depth + 1) return false;
    return ctx.levels
      .slice(0, depth)
      .every((l, i) => lock.where[l.dimension]?.trim() === parentPath[i]);
  });
}

function lockedUnits(
  ctx: CascadeContext,
  lock: LockSpec,
  parentUnits: number,
  childBase: number,
): number {
  if (lock.amount !== undefined) {
    const units = lock.amount / ctx.unit;
    if (!Number.isInteger(units)) {
      throw new PlanError(
        "lock-not-multiple-of-unit",
        { amount: lock.amount, unit: ctx.unit },
        `${lockField(ctx, lock)}.amount`,
      );
    }
    return units;
  }
  if (lock.growth !== undefined) return roundHalfUp((childBase * (1 + lock.growth)) / ctx.unit);
  return roundHalfUp(parentUnits * (lock.share ?? 0));
}

function splitIntoMonths(ctx: CascadeContext, node: PlanNode, cells: readonly MonthCell[]): void {
  const { time, planYear } = ctx.plan;
  let shares = ctx.companyShares;
  if (time.profile === "leaf" && cells.length > 0 && hasFullWindow(cells, planYear, time.years)) {
    shares = monthShares(cells, planYear, time, nodeLabel(node.path)).shares;
  }
  node.monthShares = shares;
  node.monthUnits = allocateByLargestRemainder(
    node.units,
    MONTH_KEYS.map((key, i) => ({ key, weight: shares[i] })),
  );
}

function splitNode(
  ctx: CascadeContext,
  node: PlanNode,
  cells: readonly MonthCell[],
  depth: number,
): void {
  if (depth === ctx.levels.length) {
    splitIntoMonths(ctx, node, cells);
    return;
  }
  const level = ctx.levels[depth];
  const { planYear } = ctx.plan;
  const histories = childHistories(cells, depth, planYear);
  const locks = locksAt(ctx, node.path, depth);
  const split = splitWeights(level, [...histories.values()], planYear);
  const { weights, equalFallback } = split;
  if (equalFallback) {
    ctx.warnings.push({
      code: "equal-fallback",
      params: { parent: nodeLabel(node.path), level: level.dimension },
    });
  }
  if (level.method === "manual" || level.parts?.some((p) => p.method === "manual")) {
    for (const member of weights.keys()) {
      if (!histories.has(member)) {
        const suggestion = suggestNearest(member, histories.keys());
        ctx.warnings.push({
          code: suggestion
            ? "manual-member-without-history-suggest"
            : "manual-member-without-history",
          params: {
            member,
            parent: nodeLabel(node.path),
            level: level.dimension,
            ...(suggestion ? { suggestion } : {}),
          },
        });
      }
    }
  }
  if (weights.size === 0 && locks.length === 0) {
    splitIntoMonths(ctx, node, cells);
    return;
  }

  const lockedByMember = new Map<string, { lock: LockSpec; units: number }>();
  for (const lock of locks) {
    const member = (lock.where[level.dimension] ?? "").trim();
    const history = histories.get(member);
    if (!history && !lock.new && !weights.has(member)) {
      const suggestion = suggestNearest(member, histories.keys());
      throw new PlanError(
        suggestion ? "lock-unknown-node-suggest" : "lock-unknown-node",
        {
          member,
          level: level.dimension,
          parent: nodeLabel(node.path),
          ...(suggestion ? { suggestion } : {}),
        },
        `${lockField(ctx, lock)}.where.${level.dimension}`,
      );
    }
    const base = history?.netByYear.get(planYear - 1) ?? 0;
    if (lock.growth !== undefined && !(base > 0)) {
      throw new PlanError(
        "lock-growth-without-base",
        { member, parent: nodeLabel(node.path) },
        `${lockField(ctx, lock)}.growth`,
      );
    }
    lockedByMember.set(member, { lock, units: lockedUnits(ctx, lock, node.units, base) });
  }
  ctx.warnings.push(
    ...leftOutMemberNotices(split, {
      level,
      depth,
      parentPath: node.path,
      planYear,
      locked: lockedByMember,
    }),
  );
  const lockedTotal = [...lockedByMember.values()].reduce((s, l) => s + l.units, 0);
  if (lockedTotal > node.units) {
    throw new PlanError(
      "locks-exceed-parent",
      {
        locked: lockedTotal * ctx.unit,
        parent: nodeLabel(node.path),
        parentAmount: node.units * ctx.unit,
        members: [...lockedByMember.keys()].join(", "),
      },
      lockField(ctx, [...lockedByMember.values()][0].lock),
    );
  }

  const free: BoundedChild[] = [];
  const freeBases: number[] = [];
  for (const [member, weight] of weights) {
    if (lockedByMember.has(member)) continue;
    const baseNet = histories.get(member)?.netByYear.get(planYear - 1) ?? 0;
    freeBases.push(baseNet);
    free.push({
      key: member,
      weight,
      min: boundUnits(level.min, baseNet, ctx.unit, "min"),
      max: boundUnits(level.max, baseNet, ctx.unit, "max"),
    });
  }
  const remainder = node.units - lockedTotal;
  if (free.length === 0 && remainder > 0) {
    throw new PlanError(
      "locks-leave-remainder",
      { parent: nodeLabel(node.path), remainder: remainder * ctx.unit },
      lockField(ctx, locks[0]),
    );
  }
  const outcome = distributeWithBounds(remainder, free);
  if (!outcome.ok) {
    throw capsConflict(
      ctx,
      node,
      depth,
      { free, bases: freeBases, remainder, lockedTotal },
      outcome,
    );
  }

  const cellsByMember = new Map<string, MonthCell[]>();
  for (const c of cells) {
    const list = cellsByMember.get(c.members[depth]);
    if (list) list.push(c);
    else cellsByMember.set(c.members[depth], [c]);
  }
  const children: PlanNode[] = [];
  const makeChild = (member: string, units: number, lock?: LockSpec): PlanNode => ({
    dimension: level.dimension,
    member,
    path: [...node.path, member],
    units,
    baseNet: histories.get(member)?.netByYear.get(planYear - 1) ?? 0,
    baseMonths: monthTotals(cellsByMember.get(member) ?? [], planYear - 1, planYear - 1),
    lock: lock
      ? lock.amount !== undefined
        ? "amount"
        : lock.growth !== undefined
          ? "growth"
          : "share"
      : undefined,
    isNew: !histories.has(member) && lock?.new === true,
    children: [],
  });
  free.forEach((c, i) => children.push(makeChild(c.key, outcome.units[i])));
  for (const [member, { lock, units }] of lockedByMember)
    children.push(makeChild(member, units, lock));
  children.sort((a, b) => byCodePoint(a.member ?? "", b.member ?? ""));
  node.children = children;

  for (const child of children)
    splitNode(ctx, child, cellsByMember.get(child.member ?? "") ?? [], depth + 1);
}

/**
 * The error of a level whose minimum and maximum per child cannot hold under one parent: which
 * bound collides (`bound`: "max" when the children cannot take the amount even at their maximum,
 * "min" when their minimums already exceed it, "crossed" when a child's minimum is above its
 * maximum), and the ways out, computed: `boundTo` the level-wide bound (`boundKind` amount or
 * ofLastYear, as the plan gives it) that would hold, `parentTo` the amount the parent would need,
 * `parentLock` the lock that fixes the parent, if one does. On the colliding bound's field.
 */
function capsConflict(
  ctx: CascadeContext,
  node: PlanNode,
  depth: number,
  split: {
    free: readonly BoundedChild[];
    /** Each free child's base-year net sales. */
    bases: readonly number[];
    remainder: number;
    lockedTotal: number;
  },
  outcome: { minTotal: number; maxTotal: number },
): PlanError {
  const { free, bases, remainder, lockedTotal } = split;
  const level = ctx.levels[depth];
  const { unit } = ctx;
  const crossed = free.find((c) => Math.max(0, c.min ?? 0) > (c.max ?? Infinity));
  const side: "min" | "max" = remainder > outcome.maxTotal ? "max" : "min";
  const bound = crossed ? "crossed" : side;
  const params: Record<string, string | number> = {
    parent: nodeLabel(node.path),
    level: level.dimension,
    bound,
    amount: remainder * unit,
    minTotal: outcome.minTotal * unit,
    maxTotal: Number.isFinite(outcome.maxTotal) ? outcome.maxTotal * unit : "∞",
    locked: lockedTotal * unit,
    children: free.length,
  };
  if (crossed) {
    params.member = crossed.key;
  } else {
    const spec = side === "max" ? level.max : level.min;
    const to = spec ? boundThatHolds(spec, side, remainder, bases, unit) : undefined;
    if (to !== undefined && spec) {
      params.boundKind = "amount" in spec ? "amount" : "ofLastYear";
      params.boundTo = to;
    }
    params.parentTo = ((side === "max" ? outcome.maxTotal : outcome.minTotal) + lockedTotal) * unit;
    const parentLock = ctx.plan.locks.findIndex(
      (lock) =>
        node.path.length > 0 &&
        Object.keys(lock.where).length === node.path.length &&
        ctx.levels
          .slice(0, node.path.length)
          .every((l, i) => lock.where[l.dimension]?.trim() === node.path[i]),
    );
    if (parentLock >= 0) params.parentLock = parentLock;
  }
  return new PlanError(
    "caps-infeasible",
    params,
    bound === "crossed" ? `levels[${depth}]` : `levels[${depth}].${bound}`,
  );
}

/** Steps of a suggested "% of last year" bound: a tenth of a percent. */
const RATIO_STEP = 1000;

/**
 * The level-wide bound nearest the plan's that lets children with these base-year sales take
 * `remainder` units: the smallest maximum, or the largest minimum (an amount in whole units, or a
 * ratio of last year in tenths of a percent). Undefined when no bound of that kind can.
 * @example boundThatHolds({ amount: 100 }, "max", 30, [0, 0], 10) === 150
 */
function boundThatHolds(
  spec: BoundSpec,
  which: "min" | "max",
  remainder: number,
  bases: readonly number[],
  unit: number,
): number | undefined {
  const n = bases.length;
  if (n === 0) return undefined;
  if ("amount" in spec) {
    return which === "max" ? Math.ceil(remainder / n) * unit : Math.floor(remainder / n) * unit;
  }
  const positive = bases.reduce((s, b) => s + Math.max(0, b), 0);
  if (!(positive > 0)) return undefined;
  const total = (ratio: number) =>
    bases.reduce((s, b) => s + (boundUnits({ ofLastYear: ratio }, b, unit, which) ?? 0), 0);
  let steps =
    which === "max"
      ? Math.ceil(((remainder * unit) / positive) * RATIO_STEP)
      : Math.floor(((remainder * unit) / positive) * RATIO_STEP);
  // Each whole unit lost to rounding a child is made up within a few steps.
  for (let tries = 0; tries < 10_000 && steps >= 0; tries++) {
    const units = total(steps / RATIO_STEP);
    if (which === "max" ? units >= remainder : units <= remainder) return steps / RATIO_STEP;
    steps += which === "max" ? 1 : -1;
  }
  return undefined;
}

/**
 * The cascade: the target split level by level (weights, locks, caps, largest-remainder
 * rounding), then every leaf's annual split into 12 months.
 * @example buildCascade(plan, cells, targetUnits, shares, warnings).children[0].member === "East"
 */
export function buildCascade(
  plan: PlanFile,
  historyCells: readonly MonthCell[],
  targetUnits: number,
  baseNet: number,
  companyShares: number[],
  warnings: Notice[],
): PlanNode {
  const ctx: CascadeContext = {
    plan,
    levels: plan.levels,
    unit: plan.rounding.unit,
    companyShares,
    warnings,
  };
  validateLockPaths(ctx);
  const root: PlanNode = {
    dimension: null,
    member: null,
    path: [],
    units: targetUnits,
    baseNet,
    baseMonths: monthTotals(historyCells, plan.planYear - 1, plan.planYear - 1),
    isNew: false,
    children: [],
  };
  splitNode(ctx, root, historyCells, 0);
  checkLocksApplied(root, plan);
  return root;
}

/** A lock's `where` must name its node's level and every level above it, nothing else. */
function validateLockPaths(ctx: CascadeContext): void {
  const dims: DimensionKey[] = ctx.levels.map((l) => l.dimension);
  ctx.plan.locks.forEach((lock, i) => {
    const keys = Object.keys(lock.where) as DimensionKey[];
    const expected = dims.slice(0, keys.length);
    const extra = keys.find((k) => !dims.includes(k));
    if (extra) {
      const suggestion = suggestNearest(extra, dims);
      throw new PlanError(
        "lock-dimension-not-a-level",
        { dimension: extra, levels: dims.join(", "), ...(suggestion ? { suggestion } : {}) },
        `locks[${i}].where.${extra}`,
      );
    }
    const missing = expected.find((d) => !(d in lock.where));
    if (missing) {
      throw new PlanError("lock-missing-level", { dimension: missing }, `locks[${i}].where`);
    }
  });
}
