import type { PlanFile } from "../planSchema";
import { validatePlanFile } from "../validatePlanFile";

/**
 * A validated plan file for tests; a plan with problems throws, listing them.
 * @example validPlan({ version: 1, planYear: 2026, target: { growth: 0.1 } }).rounding.unit === 1
 */
export function validPlan(input: unknown): PlanFile {
  const result = validatePlanFile(input);
  if (!result.ok) throw new Error(`invalid plan: ${JSON.stringify(result.problems)}`);
  return result.plan;
}
