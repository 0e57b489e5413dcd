import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { Grid } from "../../engine/grid";
import type { HistoryReadResult, Notice } from "../../engine/history";
import type { Language } from "../../engine/language";
import { parsePlanFileText, type PlanFileProblem } from "../../engine/plan/validatePlanFile";
import { readHistory } from "../../engine/reader/readHistory";
import type { ExcelPort, HistorySource, WorkbookOutline } from "../../excel/excelPort";
import { readPlanStore } from "../../sheets/planStoreSheet";
import { checkDraft, type DraftCheck } from "../model/checkDraft";
import { historyCandidates, sourceKey } from "../model/historySources";
import { defaultDraft, type PlanDraft } from "../model/planDraft";
import { planFileToDraft } from "../model/planFileToDraft";
import { portFailure } from "../model/portFailure";
import { previewPlan, type PlanPreview } from "../model/previewPlan";
import { historyReadOptions } from "../../engine/plan/historyReadOptions";

/** How many sheets the pane tries on open before it stops looking for a readable history. */
const MAX_SHEETS_TRIED = 6;

export type Planner = {
  /** True until the workbook's outline, stored plan and history have been read once. */
  opening: boolean;
  outline: WorkbookOutline | null;
  source: HistorySource | null;
  /** Reads another sheet or table as the history. */
  chooseSource(source: HistorySource): void;
  /** Reads the current source again (after the user changed it in Excel). */
  reread(): void;
  reading: boolean;
  /** Why the last read of the workbook failed. */
  readFailure: Notice | null;
  grid: Grid | null;
  /** The grid read as a history with the draft's column choices. */
  history: HistoryReadResult | null;
  draft: PlanDraft;
  update(change: (draft: PlanDraft) => PlanDraft): void;
  check: DraftCheck;
  preview: PlanPreview | null;
  /** Every problem that stops writing, on its field (plan-file path; `(plan)` for the whole). */
  problems: PlanFileProblem[];
  /** The generated sheets named by the plan restored from the workbook, until dismissed. */
  restored: string[] | null;
  dismissRestored(): void;
  storeProblem: Notice | null;
  /** Replaces the grid after a refresh read the history again. */
  acceptGrid(grid: Grid): void;
};

type Opened = {
  outline: WorkbookOutline;
  source: HistorySource | null;
  grid: Grid | null;
  draft: PlanDraft | null;
  restored: string[] | null;
  storeProblem: Notice | null;
};

async function openWorkbook(port: ExcelPort, language: Language): Promise<Opened> {
  const [outline, storeValues] = await Promise.all([port.outline(), port.readPlanStore()]);
  let draft: PlanDraft | null = null;
  let restored: string[] | null = null;
  let storeProblem: Notice | null = null;
  const store = storeValues ? readPlanStore(storeValues) : null;
  if (storeValues && !store) {
    storeProblem = { code: "ui-plan-store-unreadable", params: { detail: "—" } };
  } else if (store) {
    const parsed = parsePlanFileText(store.plan);
    if (parsed.ok) {
      draft = planFileToDraft(parsed.plan, language);
      restored = store.sheets.filter((s) => s.kind !== "plan-store").map((s) => s.name);
    } else {
      const first = parsed.problems[0];
      storeProblem = {
        code: "ui-plan-store-unreadable",
        params: { detail: `${first.field}: ${first.code}` },
      };
    }
  }
  const candidates = historyCandidates(outline);
  let first: { source: HistorySource; grid: Grid } | null = null;
  for (const source of candidates.slice(0, MAX_SHEETS_TRIED)) {
    const grid = await port.readHistory(source);
    first ??= { source, grid };
    if (!readHistory(grid, historyReadOptions(draft ?? {})).error) {
      return { outline, source, grid, draft, restored, storeProblem };
    }
  }
  return {
    outline,
    source: first?.source ?? null,
    grid: first?.grid ?? null,
    draft,
    restored,
    storeProblem,
  };
}

/** Where a history's own error belongs: a misnamed column on its role's dropdown. */
function historyProblem(history: HistoryReadResult | null): PlanFileProblem | null {
  if (!history?.error) return null;
  const role = history.error.params.role;
  const field =
    history.error.code === "column-not-found" && typeof role === "string"
      ? `columns.${role}`
      : "(history)";
  return { ...history.error, field };
}

/**
 * The pane's working state: the workbook's outline, the history read from it, the plan being
 * edited (restored from the workbook's plan store when it has one) and everything derived from
 * them — validation, the computed preview and the problems that stop writing.
 */
export function usePlanner(port: ExcelPort, language: Language): Planner {
  const [opening, setOpening] = useState(true);
  const [outline, setOutline] = useState<WorkbookOutline | null>(null);
  const [source, setSource] = useState<HistorySource | null>(null);
  const [grid, setGrid] = useState<Grid | null>(null);
  const [reading, setReading] = useState(false);
  const [readFailure, setReadFailure] = useState<Notice | null>(null);
  const [draft, setDraft] = useState<PlanDraft>(() => defaultDraft(null, language));
  const [restored, setRestored] = useState<string[] | null>(null);
  const [storeProblem, setStoreProblem] = useState<Notice | null>(null);
  /** The draft came from the workbook or the user: a new history must not reset it. */
  const keepDraft = useRef(false);
  const readSerial = useRef(0);

  useEffect(() => {
    let live = true;
    openWorkbook(port, language)
      .then((opened) => {
        if (!live) return;
        setOutline(opened.outline);
        setSource(opened.source);
        setGrid(opened.grid);
        setRestored(opened.restored);
        setStoreProblem(opened.storeProblem);
        if (opened.draft) {
          keepDraft.current = true;
          setDraft(opened.draft);
        } else if (opened.grid) {
          setDraft(defaultDraft(readHistory(opened.grid), language));
        }
      })
      .catch((failure: unknown) => live && setReadFailure(portFailure(failure)))
      .finally(() => live && setOpening(false));
    return () => {
      live = false;
    };
    // The workbook is opened once per port; a language change only rewords the pane.
  }, [port]);

  const read = useCallback(
    (next: HistorySource) => {
      const serial = ++readSerial.current;
      setSource(next);
      setReading(true);
      setReadFailure(null);
      Promise.all([port.readHistory(next), port.outline()])
        .then(([nextGrid, nextOutline]) => {
          if (serial !== readSerial.current) return;
          setGrid(nextGrid);
          setOutline(nextOutline);
          if (!keepDraft.current) setDraft(defaultDraft(readHistory(nextGrid), language));
        })
        .catch((failure: unknown) => {
          if (serial === readSerial.current) setReadFailure(portFailure(failure));
        })
        .finally(() => {
          if (serial === readSerial.current) setReading(false);
        });
    },
    [port, language],
  );

  const update = useCallback((change: (draft: PlanDraft) => PlanDraft) => {
    keepDraft.current = true;
    setDraft(change);
  }, []);

  // Read again when a level starts or stops splitting by a column of its own, not on every edit.
  const levelDimensions = JSON.stringify(draft.levels.map((level) => level.dimension));
  const history = useMemo(
    () =>
      grid
        ? readHistory(
            grid,
            historyReadOptions({
              columns: draft.columns,
              levels: (JSON.parse(levelDimensions) as string[]).map((dimension) => ({ dimension })),
            }),
          )
        : null,
    [grid, draft.columns, levelDimensions],
  );
  const deferredDraft = useDeferredValue(draft);
  const deferredHistory = useDeferredValue(history);
  const check = useMemo(() => checkDraft(deferredDraft), [deferredDraft]);
  const preview = useMemo(
    () =>
      deferredHistory && !deferredHistory.error && check.plan
        ? previewPlan(deferredHistory, check.plan)
        : null,
    [deferredHistory, check.plan],
  );
  const problems = useMemo(() => {
    const list = [...check.problems];
    const fromHistory = historyProblem(history);
    if (fromHistory) list.push(fromHistory);
    if (preview && !preview.ok) list.push(preview.problem);
    return list;
  }, [check.problems, history, preview]);

  return {
    opening,
    outline,
    source,
    chooseSource: read,
    reread: useCallback(() => {
      if (source) read(source);
    }, [read, source]),
    reading,
    readFailure,
    grid,
    history,
    draft,
    update,
    check,
    preview,
    problems,
    restored,
    dismissRestored: useCallback(() => setRestored(null), []),
    storeProblem,
    acceptGrid: setGrid,
  };
}

/** The source's stable key, for dropdowns. */
export function currentSourceKey(planner: Planner): string {
  return planner.source ? sourceKey(planner.source) : "";
}
