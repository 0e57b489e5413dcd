import { useCallback, useEffect, useRef, useState } from "react";
import type { Notice } from "../../engine/history";
import type { Language } from "../../engine/language";
import { computePlan } from "../../engine/plan/computePlan";
import { parsePlanFileText } from "../../engine/plan/validatePlanFile";
import { columnsRead } from "../../engine/reader/columnsRead";
import { readHistory } from "../../engine/reader/readHistory";
import type { ExcelPort, Progress } from "../../excel/excelPort";
import { readPlanStore } from "../../sheets/planStoreSheet";
import { isCancelled, portFailure } from "../model/portFailure";
import { excelWorkbook } from "../../excel/excelWorkbookPort";
import { writePlan } from "../../workflow/writePlan";
import type { Planner } from "./usePlanner";
import { historyReadOptions } from "../../engine/plan/historyReadOptions";

export type WriteState =
  | { status: "idle" }
  | { status: "running"; task: "write" | "refresh"; progress: Progress | null }
  | { status: "written"; sheets: string[] }
  | { status: "refreshed"; asOf: string; sheets: string[] }
  | { status: "no-actuals"; planYear: number }
  | { status: "no-stored-plan" }
  | { status: "cancelled" }
  | { status: "failed"; failure: Notice };

export type Writer = {
  state: WriteState;
  /** Writes every plan sheet and the plan store. */
  write(): void;
  /** Re-reads the history and rewrites only the tracking sheet (and the store) of the stored plan. */
  refresh(): void;
  cancel(): void;
  running: boolean;
};

/** Thrown inside a task to end it with a state other than success. */
class TaskEnd {
  constructor(readonly state: WriteState) {}
}

/**
 * Generate and Refresh actuals: builds the sheet models and hands them to the port with a progress
 * callback and an abort signal (the Cancel button).
 */
export function useWriter(port: ExcelPort, planner: Planner, uiLanguage: Language): Writer {
  const [state, setState] = useState<WriteState>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    (
      task: "write" | "refresh",
      body: (options: {
        signal: AbortSignal;
        onProgress: (p: Progress) => void;
      }) => Promise<WriteState>,
    ) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: "running", task, progress: null });
      const onProgress = (progress: Progress) =>
        setState((s) => (s.status === "running" ? { ...s, progress } : s));
      body({ signal: abort.signal, onProgress })
        .then(setState)
        .catch((failure: unknown) => {
          if (failure instanceof TaskEnd) setState(failure.state);
          else if (abort.signal.aborted || isCancelled(failure)) setState({ status: "cancelled" });
          else setState({ status: "failed", failure: portFailure(failure) });
        })
        .finally(() => {
          controller.current = null;
        });
    },
    [],
  );

  const write = useCallback(() => {
    const { history, preview, check } = planner;
    if (!history || !preview?.ok || !check.plan) return;
    const plan = check.plan;
    const result = preview.result;
    run("write", async (options) => {
      const outcome = await writePlan(
        excelWorkbook(port),
        {
          result,
          plan,
          language: plan.language ?? uiLanguage,
          historySheet: history.sheet,
          columnsRead: columnsRead(history, result.levels),
        },
        options,
      );
      return { status: "written", sheets: outcome.sheets };
    });
  }, [planner, port, run, uiLanguage]);

  const refresh = useCallback(() => {
    const source = planner.source;
    run("refresh", async (options) => {
      const values = await port.readPlanStore();
      const store = values ? readPlanStore(values) : null;
      if (!store) throw new TaskEnd({ status: "no-stored-plan" });
      const parsed = parsePlanFileText(store.plan);
      if (!parsed.ok) {
        const first = parsed.problems[0];
        throw new TaskEnd({
          status: "failed",
          failure: {
            code: "ui-plan-store-unreadable",
            params: { detail: `${first.field}: ${first.code}` },
          },
        });
      }
      const plan = parsed.plan;
      if (!source) throw new TaskEnd({ status: "no-stored-plan" });
      const grid = await port.readHistory(source, options);
      planner.acceptGrid(grid);
      const history = readHistory(grid, historyReadOptions(plan));
      if (history.error) throw new TaskEnd({ status: "failed", failure: history.error });
      const result = computePlan({ records: history.records, columns: history.columns }, plan);
      if (result.closedMonths === 0) {
        throw new TaskEnd({ status: "no-actuals", planYear: plan.planYear });
      }
      // Every other generated sheet goes along as a mark: the port keeps it as it is.
      const outcome = await writePlan(
        excelWorkbook(port),
        {
          result,
          plan,
          language: plan.language ?? uiLanguage,
          historySheet: history.sheet,
          columnsRead: columnsRead(history, result.levels),
        },
        { ...options, refresh: true },
      );
      return { status: "refreshed", asOf: result.asOf ?? "", sheets: outcome.sheets };
    });
  }, [planner, port, run, uiLanguage]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { state, write, refresh, cancel, running: state.status === "running" };
}
