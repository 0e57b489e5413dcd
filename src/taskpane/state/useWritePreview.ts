import { useCallback, useEffect, useRef, useState } from "react";
import type { Notice } from "../../engine/history";
import type { Language } from "../../engine/language";
import type { ExcelPort } from "../../excel/excelPort";
import { excelWorkbook } from "../../excel/excelWorkbookPort";
import { previewPlanWrite, type PlanWritePreview } from "../../workflow/writePlan";
import { portFailure } from "../model/portFailure";
import type { Planner } from "./usePlanner";
import { writeInput } from "./useWriter";

export type WritePreviewState =
  /** No plan to write yet (problems, or the history not read). */
  | { status: "idle" }
  /** Reading the workbook; `last` is the previous check's answer, shown meanwhile. */
  | { status: "checking"; last: PlanWritePreview | null }
  | { status: "ready"; preview: PlanWritePreview }
  | { status: "failed"; failure: Notice };

export type WritePreview = {
  state: WritePreviewState;
  /** Reads the workbook again (after typing in it while the step is open). */
  check(): void;
};

/**
 * What a write of the pane's plan would do, read from the workbook without writing: when the
 * Generate step opens, whenever the plan changes and after each write or refresh. It never runs
 * beside the pane's own write; an answer for a plan since changed is dropped.
 */
export function useWritePreview(
  port: ExcelPort,
  planner: Planner,
  uiLanguage: Language,
  writing: boolean,
): WritePreview {
  const [state, setState] = useState<WritePreviewState>({ status: "idle" });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const current = useRef(planner);
  current.current = planner;
  // The plan's result and the history read decide the write; the rest of the planner does not.
  const computed = planner.computed;
  const history = planner.history;

  const wasWriting = useRef(writing);

  useEffect(() => {
    // What was checked before a write or refresh no longer holds once it has run.
    const afterWrite = wasWriting.current && !writing;
    wasWriting.current = writing;
    if (writing) return;
    const input = writeInput(current.current, uiLanguage);
    const id = ++latest.current;
    if (!input) {
      setState({ status: "idle" });
      return;
    }
    setState((s) => ({
      status: "checking",
      last: afterWrite
        ? null
        : s.status === "ready"
          ? s.preview
          : s.status === "checking"
            ? s.last
            : null,
    }));
    // Stopped when the write starts, the plan changes or the step closes: the write does not
    // wait behind a check whose answer no longer counts.
    const abort = new AbortController();
    previewPlanWrite(excelWorkbook(port), input, { signal: abort.signal }).then(
      (preview) => {
        if (id === latest.current) setState({ status: "ready", preview });
      },
      (failure: unknown) => {
        if (id === latest.current) setState({ status: "failed", failure: portFailure(failure) });
      },
    );
    return () => {
      // A newer check (or the step closing) makes this one's answer moot.
      if (latest.current === id) latest.current++;
      abort.abort();
    };
  }, [computed, history, port, uiLanguage, writing, round]);

  const check = useCallback(() => setRound((r) => r + 1), []);
  return { state, check };
}
