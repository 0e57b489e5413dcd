import { useCallback, useEffect, useRef, useState } from "react";
import type { Notice } from "../../engine/history";
import type { Language } from "../../engine/language";
import type { PlanFile } from "../../engine/plan/planSchema";
import { parsePlanFileText } from "../../engine/plan/validatePlanFile";
import { columnsRead } from "../../engine/reader/columnsRead";
import type { ExcelPort, Progress } from "../../excel/excelPort";
import { readPlanStore } from "../../sheets/planStoreSheet";
import { isCancelled, portFailure } from "../model/portFailure";
import { excelWorkbook } from "../../excel/excelWorkbookPort";
import { writePlan, type PlanWriteInput, type PlanWriteOutcome } from "../../workflow/writePlan";
import type { Planner } from "./usePlanner";
import { historyReadOptions } from "../../engine/plan/historyReadOptions";
import { barProgress, type BarProgress } from "./writeProgress";

/** The plan the workbook holds since the pane's last Generate. */
export type WrittenPlan = {
  plan: PlanFile;
  /** The plan's annual target (currency). */
  total: number;
  sheets: string[];
};

/** Where a write put what users had typed in the plan's sheets. */
export type WrittenEdits = {
  /** The sheet of the user's edits written, or null when nothing went there. */
  sheet: string | null;
  /** Generated cells typed over, copied (with their address) to `sheet`. */
  typedOverKept: number;
  /** Generated cells typed over and rewritten with the plan's figures (Overwrite chosen). */
  typedOverRewritten: number;
  /** Cells in the new plan's way (and comments), moved to `sheet`. */
  moved: number;
  /** Cells typed beside the tables, put back where they were. */
  kept: number;
};

export type WriteState =
  | { status: "idle" }
  | {
      status: "running";
      task: "write" | "refresh";
      progress: BarProgress;
      /** True until the first change to the workbook: Cancel then leaves it exactly as it was. */
      cancellable: boolean;
    }
  | { status: "written"; sheets: string[]; edits: WrittenEdits }
  | { status: "refreshed"; asOf: string; sheets: string[] }
  | { status: "no-actuals"; planYear: number }
  | { status: "no-stored-plan" }
  /** Stopped before anything was written: the workbook holds what it held (`previous` sheets). */
  | { status: "cancelled"; task: "write" | "refresh"; previous: number }
  /** `changed`: the failure came after the write had begun changing the workbook. */
  | { status: "failed"; failure: Notice; changed: boolean };

export type Writer = {
  state: WriteState;
  /**
   * Writes every plan sheet and the plan store: the plan of `planner.computed`. With
   * `keepTypedOver`, generated cells users typed over are first copied to the sheet of their edits.
   */
  write(options: { keepTypedOver: boolean }): void;
  /** Re-reads the history and rewrites only the tracking sheet (and the store) of the stored plan. */
  refresh(): void;
  /** Stops the task, only while it has not changed the workbook yet. */
  cancel(): void;
  running: boolean;
  /** The plan the pane last wrote, whatever happened since (a later write cancelled, failed). */
  lastWritten: WrittenPlan | null;
};

/** Thrown inside a task to end it with a state other than success. */
class TaskEnd {
  constructor(readonly state: WriteState) {}
}

/** What a task learns of the workbook as it goes, for the state it ends in. */
type TaskNotes = {
  /** Visible generated sheets the workbook held before the task. */
  previous: number;
  /** Set once the write has begun changing the workbook. */
  changed: boolean;
};

/** Visible sheets of the plan stored in the workbook (0 when there is none). */
async function storedSheets(port: ExcelPort): Promise<number> {
  const values = await port.readPlanStore();
  const store = values ? readPlanStore(values) : null;
  return store ? store.sheets.filter((s) => s.kind !== "plan-store").length : 0;
}

/**
 * What a write of the pane's plan is made of (the plan now, its result and the history it was
 * read from), or null while the plan cannot be computed.
 */
export function writeInput(planner: Planner, uiLanguage: Language): PlanWriteInput | null {
  const { history, computed } = planner;
  if (!history || !computed?.preview.ok) return null;
  const { plan } = computed;
  const result = computed.preview.result;
  return {
    result,
    plan,
    language: plan.language ?? uiLanguage,
    historySheet: history.sheet,
    columnsRead: columnsRead(history, result.levels, result.measures?.asked),
  };
}

/** Where a write put what users had typed, told from its outcome. */
function writtenEdits(outcome: PlanWriteOutcome<unknown>, keepTypedOver: boolean): WrittenEdits {
  const { moved, kept, sheet } = outcome.edits;
  const typedOverKept = moved.filter((c) => c.reason === "typed-over").length;
  // Kept, the typed-over cells are rewritten too, once copied: only a plain overwrite is told so.
  const typedOverRewritten = keepTypedOver ? 0 : outcome.typedOver.length;
  return { sheet, typedOverKept, typedOverRewritten, moved: moved.length - typedOverKept, kept };
}

/**
 * Generate and Refresh actuals: builds the sheet models and hands them to the port, with one
 * progress bar for the whole task and Cancel until the first change to the workbook. A cancel
 * after that could only leave part of the new plan beside part of the old one, so once writing
 * has begun it runs to the end: the workbook holds either the previous plan untouched or the new
 * plan complete.
 */
export function useWriter(port: ExcelPort, planner: Planner, uiLanguage: Language): Writer {
  const [state, setState] = useState<WriteState>({ status: "idle" });
  const [lastWritten, setLastWritten] = useState<WrittenPlan | null>(null);
  const controller = useRef<{ abort: AbortController; notes: TaskNotes } | null>(null);
  useEffect(() => () => controller.current?.abort.abort(), []);

  const run = useCallback(
    (
      task: "write" | "refresh",
      body: (
        options: { signal: AbortSignal; onProgress: (p: Progress) => void },
        notes: TaskNotes,
        stage: (name: "read" | "write") => void,
      ) => Promise<WriteState>,
    ) => {
      if (controller.current) return;
      const abort = new AbortController();
      const notes: TaskNotes = { previous: 0, changed: false };
      controller.current = { abort, notes };
      let stageName: "read" | "write" = task === "refresh" ? "read" : "write";
      let bar: BarProgress = { value: 0, stage: "preparing" };
      setState({ status: "running", task, progress: bar, cancellable: true });
      const onProgress = (progress: Progress) => {
        // The first word of the write is said before its first change: from here it runs on.
        if (stageName === "write" && progress.phase === "write") notes.changed = true;
        bar = barProgress(task, stageName, progress, bar);
        const next = bar;
        setState((s) =>
          s.status === "running" ? { ...s, progress: next, cancellable: !notes.changed } : s,
        );
      };
      body({ signal: abort.signal, onProgress }, notes, (name) => {
        stageName = name;
      })
        .then(setState)
        .catch((failure: unknown) => {
          if (failure instanceof TaskEnd) setState(failure.state);
          else if (!notes.changed && (abort.signal.aborted || isCancelled(failure)))
            setState({ status: "cancelled", task, previous: notes.previous });
          else
            setState({ status: "failed", failure: portFailure(failure), changed: notes.changed });
        })
        .finally(() => {
          controller.current = null;
        });
    },
    [],
  );

  const write = useCallback(
    ({ keepTypedOver }: { keepTypedOver: boolean }) => {
      const input = writeInput(planner, uiLanguage);
      if (!input) return;
      run("write", async (options, notes) => {
        notes.previous = await storedSheets(port);
        const outcome = await writePlan(excelWorkbook(port), input, {
          ...options,
          keepTypedOver,
        });
        setLastWritten({ plan: input.plan, total: input.result.target, sheets: outcome.sheets });
        return {
          status: "written",
          sheets: outcome.sheets,
          edits: writtenEdits(outcome, keepTypedOver),
        };
      });
    },
    [planner, port, run, uiLanguage],
  );

  const refresh = useCallback(() => {
    const { source, engine, acceptGrid } = planner;
    run("refresh", async (options, notes, stage) => {
      const values = await port.readPlanStore();
      const store = values ? readPlanStore(values) : null;
      if (!store) throw new TaskEnd({ status: "no-stored-plan" });
      notes.previous = store.sheets.filter((s) => s.kind !== "plan-store").length;
      const parsed = parsePlanFileText(store.plan);
      if (!parsed.ok) {
        const first = parsed.problems[0];
        throw new TaskEnd({
          status: "failed",
          changed: false,
          failure: {
            code: "ui-plan-store-unreadable",
            params: { detail: `${first.field}: ${first.code}` },
          },
        });
      }
      const plan = parsed.plan;
      if (!source) throw new TaskEnd({ status: "no-stored-plan" });
      const grid = await port.readHistory(source, options);
      // Reading the history and computing the plan: in the planning worker.
      const gridId = await engine.loadGrid(grid);
      const readOptions = historyReadOptions(plan);
      const read = await engine.readHistory(gridId, readOptions);
      const { id, history } = read;
      if (history.error) {
        throw new TaskEnd({ status: "failed", failure: history.error, changed: false });
      }
      const preview = await engine.preview(id, plan);
      acceptGrid(grid, gridId, read, readOptions);
      if (!preview.ok) {
        const { code, params } = preview.problem;
        throw new TaskEnd({ status: "failed", failure: { code, params }, changed: false });
      }
      const result = preview.result;
      if (result.closedMonths === 0) {
        throw new TaskEnd({ status: "no-actuals", planYear: plan.planYear });
      }
      if (options.signal.aborted) {
        throw new TaskEnd({ status: "cancelled", task: "refresh", previous: notes.previous });
      }
      stage("write");
      // Every other generated sheet goes along as a mark: the port keeps it as it is.
      const outcome = await writePlan(
        excelWorkbook(port),
        {
          result,
          plan,
          language: plan.language ?? uiLanguage,
          historySheet: history.sheet,
          columnsRead: columnsRead(history, result.levels, result.measures?.asked),
        },
        { ...options, refresh: true },
      );
      return { status: "refreshed", asOf: result.asOf ?? "", sheets: outcome.sheets };
    });
  }, [planner, port, run, uiLanguage]);

  const cancel = useCallback(() => {
    const task = controller.current;
    if (task && !task.notes.changed) task.abort.abort();
  }, []);

  return { state, write, refresh, cancel, running: state.status === "running", lastWritten };
}
