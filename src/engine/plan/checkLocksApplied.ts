import { PlanError } from "../planError";
import { suggestNearest } from "../suggest";
import type { PlanNode } from "./planResult";
import type { PlanFile } from "./planSchema";

/**
 * Throws for a lock the cascade could not apply because a node above the locked one is not in
 * the plan (`{"region": "Eats", "rep": "Ann"}`): such a lock would otherwise be dropped without a
 * word. The error names the first missing node and suggests the nearest existing name.
 * @example checkLocksApplied(root, plan) // throws lock-parent-unknown-suggest at locks[0].where.region
 */
export function checkLocksApplied(root: PlanNode, plan: PlanFile): void {
  plan.locks.forEach((lock, i) => {
    let node = root;
    for (const { dimension } of plan.levels) {
      const name = lock.where[dimension];
      if (name === undefined) return;
      const member = name.trim();
      const child = node.children.find((c) => c.member === member);
      if (!child) {
        const suggestion = suggestNearest(
          member,
          node.children.map((c) => c.member ?? ""),
        );
        throw new PlanError(
          suggestion ? "lock-parent-unknown-suggest" : "lock-parent-unknown",
          {
            member,
            level: dimension,
            parent: node.path.length === 0 ? "(total)" : node.path.join(" / "),
            ...(suggestion ? { suggestion } : {}),
          },
          `locks[${i}].where.${dimension}`,
        );
      }
      node = child;
    }
  });
}
