import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { PlanFileProblem } from "../../engine/plan/validatePlanFile";
import { useI18n } from "../i18n/I18nContext";

type ProblemIndex = Map<string, PlanFileProblem>;

const ProblemsContext = createContext<ProblemIndex>(new Map());

/** Makes the plan's problems findable by field path for the fields that show them. */
export function ProblemsProvider(props: { problems: PlanFileProblem[]; children: ReactNode }) {
  const index = useMemo(() => {
    const map: ProblemIndex = new Map();
    for (const p of props.problems) if (!map.has(p.field)) map.set(p.field, p);
    return map;
  }, [props.problems]);
  return <ProblemsContext.Provider value={index}>{props.children}</ProblemsContext.Provider>;
}

/**
 * The words of the first problem on any of these fields (exact plan-file paths), if any.
 * @example useFieldProblem("locks[0].amount", "locks[0]") → "locks over East total 250,000, …"
 */
export function useFieldProblem(...paths: string[]): string | undefined {
  const index = useContext(ProblemsContext);
  const { notice } = useI18n();
  for (const path of paths) {
    const problem = index.get(path);
    if (problem) return notice(problem);
  }
  return undefined;
}

/** The words of every problem on a field or inside it (`levels[0].weights` covers its members). */
export function useProblemsUnder(prefix: string): string[] {
  const index = useContext(ProblemsContext);
  const { notice } = useI18n();
  const out: string[] = [];
  for (const [field, problem] of index) {
    if (field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`)) {
      out.push(notice(problem));
    }
  }
  return out;
}
