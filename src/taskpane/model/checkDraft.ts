import type { PlanFile } from "../../engine/plan/planSchema";
import { validatePlanFile, type PlanFileProblem } from "../../engine/plan/validatePlanFile";
import { draftToPlanFile } from "./draftToPlanFile";
import { fieldPathAncestors } from "./fieldPaths";
import type { PlanDraft } from "./planDraft";

export type DraftCheck = {
  /** The validated plan file, when the draft has no problem. */
  plan: PlanFile | null;
  /** Every problem, by field path; at most one per field, the pane's own (a mistyped number) first. */
  problems: PlanFileProblem[];
};

/**
 * A draft as a validated plan file, or the problems that stop it, each on its field.
 * @example checkDraft({ ...draft, planYear: "20x6" }).problems[0] → { field: "planYear", code: "ui-not-a-whole-number", … }
 */
export function checkDraft(draft: PlanDraft): DraftCheck {
  const converted = draftToPlanFile(draft);
  const validation = validatePlanFile(converted.plan);
  // A number the pane could not read was left out of the plan file: what the schema then says
  // about that field, its object or a sibling of its union (target.amount for a bad
  // target.growth) only repeats the same mistake.
  const typed = new Set<string>();
  for (const problem of converted.problems) {
    const [, ...ancestors] = fieldPathAncestors(problem.field);
    typed.add(problem.field);
    for (const a of ancestors) typed.add(a);
    const parent = ancestors[0];
    if (parent) typed.add(`${parent}.*`);
  }
  const consequence = (field: string) => {
    if (typed.has(field)) return true;
    const parent = fieldPathAncestors(field)[1];
    return parent !== undefined && typed.has(`${parent}.*`);
  };
  const problems = [...converted.problems];
  if (!validation.ok) {
    const seen = new Set<string>();
    for (const problem of validation.problems) {
      if (seen.has(problem.field) || consequence(problem.field)) continue;
      seen.add(problem.field);
      problems.push(problem);
    }
  }
  return {
    plan: validation.ok && problems.length === 0 ? validation.plan : null,
    problems,
  };
}
