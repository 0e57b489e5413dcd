import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { PlanFileProblem } from "../../engine/plan/validatePlanFile";
import { useI18n } from "../i18n/I18nContext";
import { STEPS, type StepId } from "../i18n/uiStrings";
import { fieldPathAncestors, stepOfField } from "../model/fieldPaths";
import type { PlanDraft } from "../model/planDraft";

/** A problem with its words, ready for the field that shows it. */
export type WordedProblem = PlanFileProblem & { words: string };

type ProblemsState = {
  /** The first problem of each field path. */
  index: Map<string, WordedProblem>;
  /** Every problem, in order. */
  all: WordedProblem[];
  /** Fields the user has left (by the path of the field that shows them). */
  touched: ReadonlySet<string>;
  /** Steps whose problems all show: left by the user, or every step once Preview was seen. */
  revealed: ReadonlySet<StepId>;
  /** Marks a field as left: its problem shows from now on. */
  touch(path: string): void;
};

const ProblemsContext = createContext<ProblemsState>({
  index: new Map(),
  all: [],
  touched: new Set(),
  revealed: new Set(STEPS),
  touch: () => undefined,
});

/**
 * Makes the plan's problems findable by field path for the fields that show them, in the pane's
 * words. A field's problem shows once the user has left that field or the step (by Next, Back or a
 * tab), and every problem once Preview, which lists them all, was open: a fresh card is quiet.
 */
export function ProblemsProvider(props: {
  problems: PlanFileProblem[];
  draft: PlanDraft | null;
  /** The step on screen. */
  step: StepId;
  children: ReactNode;
}) {
  const { problem } = useI18n();
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [revealed, setRevealed] = useState<ReadonlySet<StepId>>(() => new Set());
  const previous = useRef(props.step);
  useEffect(() => {
    const left = previous.current;
    previous.current = props.step;
    setRevealed((r) => {
      if (props.step === "preview") return new Set(STEPS);
      if (left === props.step || r.has(left)) return r;
      return new Set([...r, left]);
    });
  }, [props.step]);
  const touch = useCallback(
    (path: string) => setTouched((t) => (t.has(path) ? t : new Set([...t, path]))),
    [],
  );
  const { draft } = props;
  const all = useMemo(
    () => props.problems.map((p) => ({ ...p, words: problem(p, draft) })),
    [props.problems, draft, problem],
  );
  const index = useMemo(() => {
    const map = new Map<string, WordedProblem>();
    for (const p of all) if (!map.has(p.field)) map.set(p.field, p);
    return map;
  }, [all]);
  const value = useMemo(
    () => ({ index, all, touched, revealed, touch }),
    [index, all, touched, revealed, touch],
  );
  return <ProblemsContext.Provider value={value}>{props.children}</ProblemsContext.Provider>;
}

/** True when a problem shown by the field at `path` may show: the field was left, or its step. */
function isShown(state: ProblemsState, path: string): boolean {
  if (state.revealed.has(stepOfField(path))) return true;
  return fieldPathAncestors(path).some((p) => state.touched.has(p));
}

/**
 * The problem a field shows, once it may show, and the handler that marks the field as left.
 * `path` is the field's own plan-file path; `alsoShows` further paths whose problems belong there
 * (the whole lock, `locks[0]`, on its value).
 * @example useFieldProblem("locks[0].amount", "locks[0]").message → "Enter the amount of the lock on 华东."
 */
export function useFieldProblem(
  path: string,
  ...alsoShows: string[]
): { message: string | undefined; onLeave: () => void } {
  const state = useContext(ProblemsContext);
  const { touch } = state;
  const onLeave = useCallback(() => touch(path), [touch, path]);
  let message: string | undefined;
  if (isShown(state, path)) {
    for (const p of [path, ...alsoShows]) {
      const found = state.index.get(p);
      if (found) {
        message = found.words;
        break;
      }
    }
  }
  return { message, onLeave };
}

/**
 * The problems on fields inside a container (`levels[0].weights` covers its members), each shown
 * once its own field was left or the step was.
 */
export function useProblemsUnder(prefix: string): WordedProblem[] {
  const state = useContext(ProblemsContext);
  return state.all.filter(
    (p) =>
      (p.field === prefix ||
        p.field.startsWith(`${prefix}.`) ||
        p.field.startsWith(`${prefix}[`)) &&
      isShown(state, p.field),
  );
}

/** Every problem, in the pane's words (Preview lists them all). */
export function useAllProblems(): WordedProblem[] {
  return useContext(ProblemsContext).all;
}

/**
 * How many problems each step's tab should count: those showing on the step on screen, every one
 * of the others (the user is not typing there).
 */
export function useStepProblemCounts(current: StepId): Record<StepId, number> {
  const state = useContext(ProblemsContext);
  const counts = Object.fromEntries(STEPS.map((s) => [s, 0])) as Record<StepId, number>;
  const seen = new Set<string>();
  for (const p of state.all) {
    if (seen.has(p.field)) continue;
    seen.add(p.field);
    const step = stepOfField(p.field);
    if (step !== current || isShown(state, p.field)) counts[step] += 1;
  }
  return counts;
}

/** True when a problem on a field inside `prefix` shows (a collapsed card opens for it). */
export function useHasShownProblemUnder(prefix: string): boolean {
  return useProblemsUnder(prefix).length > 0;
}
