import { formatAmount } from "../formatNumber";
import type { Notice } from "../history";
import type { LevelSpec } from "./planSchema";
import type { SplitWeights } from "./splitWeights";

/** At most this many members are named in one warning; the rest are counted. */
const MOST = 10;

function memberList(names: readonly string[]): string {
  const shown = names.slice(0, MOST).join(", ");
  return names.length > MOST ? `${shown}, … (+${names.length - MOST})` : shown;
}

/** Where a split happens: its level, its parent's path and the plan year. */
export type SplitPlace = {
  level: LevelSpec;
  depth: number;
  parentPath: readonly string[];
  planYear: number;
  /** Children with a lock: the lock is their target, so they are never named here. */
  locked: { has: (member: string) => boolean };
};

/**
 * Warnings naming the children with history that a split gives no target, or no share of a blend
 * part: those with negative net sales over the method's window (with their net), and those that
 * manual weights leave out — never silently.
 * @example leftOutMemberNotices(split, place)[0] → { code: "negative-net-members", params: { level: "rep", parent: "East", members: "Bo (-1,200)", count: 1, window: "2025" } }
 */
export function leftOutMemberNotices(split: SplitWeights, place: SplitPlace): Notice[] {
  const { level, depth, planYear, locked } = place;
  const parent = place.parentPath.join(" / ");
  const notices: Notice[] = [];

  const byWindow = new Map<number, string[]>();
  for (const n of split.negative) {
    if (locked.has(n.member)) continue;
    const list = byWindow.get(n.years) ?? [];
    list.push(`${n.member} (${formatAmount(n.net)})`);
    byWindow.set(n.years, list);
  }
  for (const [years, members] of byWindow) {
    const window = years === 1 ? `${planYear - 1}` : `${planYear - years}–${planYear - 1}`;
    notices.push({
      code: "negative-net-members",
      params: {
        level: level.dimension,
        parent,
        members: memberList(members),
        count: members.length,
        window,
      },
    });
  }

  const byPart = new Map<number | undefined, { none: string[]; some: string[] }>();
  for (const { member, part } of split.leftOut) {
    if (locked.has(member)) continue;
    const lists = byPart.get(part) ?? { none: [], some: [] };
    // Left out of one blend part, a member may still be weighed by the others.
    (split.weights.has(member) ? lists.some : lists.none).push(member);
    byPart.set(part, lists);
  }
  for (const [part, { none, some }] of byPart) {
    const field =
      part === undefined ? `levels[${depth}].weights` : `levels[${depth}].parts[${part}].weights`;
    const groups = [
      { code: "manual-weights-leave-out", members: none },
      { code: "blend-part-leaves-out", members: some },
    ];
    for (const { code, members } of groups) {
      if (members.length === 0) continue;
      notices.push({
        code,
        params: {
          field,
          level: level.dimension,
          parent,
          members: memberList(members),
          count: members.length,
        },
      });
    }
  }
  return notices;
}
