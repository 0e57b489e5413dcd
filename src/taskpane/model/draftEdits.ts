import type { DimensionKey, HistoryRecord } from "../../engine/history";
import type { SplitMethod } from "../../engine/plan/planSchema";
import type { LevelDraft, LockDraft, PartDraft, PlanDraft } from "./planDraft";
import { newLevel } from "./planDraft";
import { memberSales, membersOf } from "./members";

/** Edits of a draft: pure functions the pane's controls call, each returning a new draft. */

function takeKey(draft: PlanDraft): [string, PlanDraft] {
  return [`k${draft.nextKey}`, { ...draft, nextKey: draft.nextKey + 1 }];
}

/**
 * Appends a level on a dimension.
 * @example addLevel(draft, "rep").levels.at(-1)?.dimension === "rep"
 */
export function addLevel(draft: PlanDraft, dimension: DimensionKey): PlanDraft {
  const [key, next] = takeKey(draft);
  return { ...next, levels: [...draft.levels, newLevel(dimension, key)] };
}

/** Removes a level; locks below it keep their members and report what no longer fits. */
export function removeLevel(draft: PlanDraft, key: string): PlanDraft {
  return { ...draft, levels: draft.levels.filter((l) => l.key !== key) };
}

/**
 * Moves a level one place up (−1) or down (+1).
 * @example moveLevel(draft, "k2", -1).levels[0].key === "k2"
 */
export function moveLevel(draft: PlanDraft, key: string, by: -1 | 1): PlanDraft {
  const from = draft.levels.findIndex((l) => l.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= draft.levels.length) return draft;
  const levels = [...draft.levels];
  [levels[from], levels[to]] = [levels[to], levels[from]];
  return { ...draft, levels };
}

/** Replaces one level's settings. */
export function updateLevel(
  draft: PlanDraft,
  key: string,
  change: (level: LevelDraft) => LevelDraft,
): PlanDraft {
  return { ...draft, levels: draft.levels.map((l) => (l.key === key ? change(l) : l)) };
}

/**
 * Manual weights to start from: each member's share of the base year in percent (one decimal),
 * so the grid opens on last year's split and the user adjusts from there.
 * @example startingWeights(records, "region", 2026) → { East: "65.2", West: "34.8" }
 */
export function startingWeights(
  records: readonly HistoryRecord[],
  dimension: DimensionKey,
  planYear: number | null,
): Record<string, string> {
  const members = membersOf(records, dimension, planYear);
  const sales = planYear === null ? new Map() : memberSales(records, dimension, planYear - 1);
  const total = members.reduce((s, m) => s + Math.max(0, sales.get(m) ?? 0), 0);
  const weights: Record<string, string> = {};
  for (const member of members) {
    const share = total > 0 ? Math.max(0, sales.get(member) ?? 0) / total : 1 / members.length;
    weights[member] = String(Math.round(share * 1000) / 10);
  }
  return weights;
}

/**
 * Changes a level's method; a manual (or blend) level gets starting weights and parts the first
 * time.
 */
export function setLevelMethod(
  draft: PlanDraft,
  key: string,
  method: SplitMethod,
  records: readonly HistoryRecord[],
): PlanDraft {
  let next = draft;
  const parts: PartDraft[] = [];
  const level = draft.levels.find((l) => l.key === key);
  if (!level) return draft;
  if (method === "blend" && level.parts.length === 0) {
    for (const [partMethod, weight] of [
      ["lastYear", "50"],
      ["history", "50"],
    ] as const) {
      const [partKey, after] = takeKey(next);
      next = after;
      parts.push({ key: partKey, method: partMethod, weight, years: "3" });
    }
  }
  const planYear = Number(draft.planYear) || null;
  return updateLevel(next, key, (l) => ({
    ...l,
    method,
    parts: parts.length > 0 ? parts : l.parts,
    weights:
      method === "manual" && Object.keys(l.weights).length === 0
        ? startingWeights(records, l.dimension, planYear)
        : l.weights,
  }));
}

/** Adds a method to a blend level. */
export function addPart(draft: PlanDraft, levelKey: string): PlanDraft {
  const [key, next] = takeKey(draft);
  return updateLevel(next, levelKey, (l) => ({
    ...l,
    parts: [...l.parts, { key, method: "equal", weight: "10", years: "3" }],
  }));
}

/**
 * Adds a lock on the first level (the user then picks its level and members).
 * @example addLock(draft).locks.at(-1)?.kind === "amount"
 */
export function addLock(draft: PlanDraft): PlanDraft {
  const [key, next] = takeKey(draft);
  const lock: LockDraft = {
    key,
    dimension: draft.levels[0]?.dimension ?? "region",
    where: {},
    kind: "amount",
    value: "",
    isNew: false,
  };
  return { ...next, locks: [...draft.locks, lock] };
}

export function updateLock(
  draft: PlanDraft,
  key: string,
  change: (lock: LockDraft) => LockDraft,
): PlanDraft {
  return { ...draft, locks: draft.locks.map((l) => (l.key === key ? change(l) : l)) };
}

export function removeLock(draft: PlanDraft, key: string): PlanDraft {
  return { ...draft, locks: draft.locks.filter((l) => l.key !== key) };
}
