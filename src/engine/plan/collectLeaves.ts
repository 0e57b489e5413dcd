import type { PlanNode } from "./planResult";

/**
 * Leaves of the cascade in cascade order.
 * @example collectLeaves(root).map((l) => l.path) → [["East","Ann"], ["East","Bo"], ["West","Cy"]]
 */
export function collectLeaves(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  if (node.children.length === 0) out.push(node);
  else for (const child of node.children) collectLeaves(child, out);
  return out;
}
