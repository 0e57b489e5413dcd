import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { Grid } from "../../engine/grid";
import type { HistoryReadResult, Notice } from "../../engine/history";
import type { Language } from "../../engine/language";
import type { PlanFile } from "../../engine/plan/planSchema";
import { parsePlanFileText, type PlanFileProblem } from "../../engine/plan/validatePlanFile";
import type { ExcelPort, HistorySource, WorkbookOutline } from "../../excel/excelPort";
import { readPlanStore } from "../../sheets/planStoreSheet";
import { checkDraft, type DraftCheck } from "../model/checkDraft";
import { gridHead } from "../model/headerTexts";
import { historyCandidates, sourceKey } from "../model/historySources";
import {
  askedReadMeasures,
  defaultDraft,
  draftReadOptions,
  type PlanDraft,
} from "../model/planDraft";
import { planFileToDraft } from "../model/planFileToDraft";
import { portFailure } from "../model/portFailure";
import type { PlanPreview } from "../model/previewPlan";
import { historyReadOptions } from "../../engine/plan/historyReadOptions";
import type { ReadHistoryOptions } from "../../engine/reader/readHistory";
import type { YearTotals } from "../model/yearTotals";
import type { PlanningEngine, ReadHistory } from "./planningEngine";

/** How many sheets the pane tries on open before it stops looking for a readable history. */
const MAX_SHEETS_TRIED = 6;

/** A history as the planning engine read it: its id (which previews name) and its grid's. */
export type ReadHistoryState = ReadHistory & { grid: number };

/** A preview with what it was computed from. */
export type ComputedPreview = { plan: PlanFile; history: number; preview: PlanPreview };

export type Planner = {
  /** True until the workbook's outline, stored plan and history have been read once. */
  opening: boolean;
  outline: WorkbookOutline | null;
  source: HistorySource | null;
  /** Reads another sheet or table as the history. */
  chooseSource(source: HistorySource): void;
  /** Reads the current source again (after the user changed it in Excel). */
  reread(): void;
  /** True while the workbook is read or the history taken out of it. */
  reading: boolean;
  /** Why the last read of the workbook failed. */
  readFailure: Notice | null;
  /** The head of the grid read (`gridHead`): the rows its header is found in. */
  grid: Grid | null;
  /** The grid read as a history with the draft's column choices. */
  history: HistoryReadResult | null;
  /** The history's net sales per year (summed by the planning engine). */
  yearTotals: YearTotals | null;
  /** The planning engine's ids of the grid and of the history shown. */
  historyIds: { grid: number; history: number } | null;
  draft: PlanDraft;
  update(change: (draft: PlanDraft) => PlanDraft): void;
  check: DraftCheck;
  /** The last plan computed; it may be one edit behind the draft (see `computed`). */
  preview: PlanPreview | null;
  /**
   * The preview with the plan and history it was computed from, when they are the current ones:
   * what Generate writes. Null while the plan is being computed again.
   */
  computed: ComputedPreview | null;
  /** Every problem that stops writing, on its field (plan-file path; `(plan)` for the whole). */
  problems: PlanFileProblem[];
  /** The generated sheets named by the plan restored from the workbook, until dismissed. */
  restored: string[] | null;
  dismissRestored(): void;
  storeProblem: Notice | null;
  /**
   * Replaces the grid after a refresh read the history again (already loaded in the engine), with
   * the history the refresh read from it and the options it read with: kept when they are the
   * draft's, rather than read a second time.
   */
  acceptGrid(grid: Grid, gridId: number, read: ReadHistory, options: ReadHistoryOptions): void;
  /** The planning engine (a Web Worker in the browser). */
  engine: PlanningEngine;
};

type Opened = {
  outline: WorkbookOutline;
  source: HistorySource | null;
  grid: {
    grid: Grid;
    id: number;
    read: ReadHistory;
    /** The read options the history was read with (JSON). */
    readKey: string;
  } | null;
  /** The plan restored from the workbook, else the one a user starts from on its history. */
  draft: PlanDraft | null;
  /** True when the draft is the workbook's stored plan. */
  stored: boolean;
  restored: string[] | null;
  storeProblem: Notice | null;
};

async function openWorkbook(
  port: ExcelPort,
  engine: PlanningEngine,
  language: Language,
): Promise<Opened> {
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
  const stored = draft !== null;
  type Found = {
    source: HistorySource;
    grid: NonNullable<Opened["grid"]>;
    historyId: number;
  };
  let first: Found | null = null;
  let chosen: Found | null = null;
  for (const source of candidates.slice(0, MAX_SHEETS_TRIED)) {
    const grid = await port.readHistory(source);
    const id = await engine.loadGrid(grid);
    const options = draft ? draftReadOptions(draft) : historyReadOptions({});
    const read = await engine.readHistory(id, options);
    const found: Found = {
      source,
      grid: { grid: gridHead(grid), id, read, readKey: JSON.stringify(options) },
      historyId: read.id,
    };
    first ??= found;
    if (!read.history.error) {
      chosen = found;
      break;
    }
  }
  chosen ??= first;
  if (!draft && chosen) draft = await engine.defaultDraft(chosen.historyId, language);
  return {
    outline,
    source: chosen?.source ?? null,
    grid: chosen?.grid ?? null,
    draft,
    stored,
    restored,
    storeProblem,
  };
}

/**
 * True when a history read with `read` holds everything one read with `wanted` would: the same
 * columns named (none and an empty list alike) and level dimensions, and at least its measures.
 */
export function sameReading(read: ReadHistoryOptions, wanted: ReadHistoryOptions): boolean {
  const named = (o: ReadHistoryOptions) =>
    JSON.stringify(
      Object.entries(o.columns ?? {})
        .filter(([, header]) => header)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  const dimensions = (o: ReadHistoryOptions) => JSON.stringify(o.dimensions ?? []);
  return (
    named(read) === named(wanted) &&
    dimensions(read) === dimensions(wanted) &&
    (wanted.measures ?? []).every((m) => (read.measures ?? []).includes(m))
  );
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
 * them — validation, the computed preview and the problems that stop writing. Reading the history
 * out of the grid and computing the plan run in the planning engine (a Web Worker in the
 * browser); the page only reads the workbook, through the port, and shows the results.
 */
export function usePlanner(port: ExcelPort, language: Language, engine: PlanningEngine): Planner {
  const [opening, setOpening] = useState(true);
  const [outline, setOutline] = useState<WorkbookOutline | null>(null);
  const [source, setSource] = useState<HistorySource | null>(null);
  const [grid, setGrid] = useState<{ grid: Grid; id: number } | null>(null);
  const [portReading, setPortReading] = useState(false);
  const [readFailure, setReadFailure] = useState<Notice | null>(null);
  const [draft, setDraft] = useState<PlanDraft>(() => defaultDraft(null, language));
  const [restored, setRestored] = useState<string[] | null>(null);
  const [storeProblem, setStoreProblem] = useState<Notice | null>(null);
  const [read, setRead] = useState<ReadHistoryState | null>(null);
  const [computed, setComputed] = useState<ComputedPreview | null>(null);
  /** The draft came from the workbook or the user: a new history must not reset it. */
  const keepDraft = useRef(false);
  const readSerial = useRef(0);
  /** The grid and options of the history read last (`grid|options JSON`). */
  const lastRead = useRef("");
  /** The read options of the draft, as the effect below last worked them out. */
  const draftReading = useRef<ReadHistoryOptions | null>(null);

  useEffect(() => {
    let live = true;
    openWorkbook(port, engine, language)
      .then((opened) => {
        if (!live) return;
        setOutline(opened.outline);
        setSource(opened.source);
        if (opened.grid) {
          const { grid: openedGrid, id, read: openedRead, readKey } = opened.grid;
          setGrid({ grid: openedGrid, id });
          // Read already: the effect below need not read it again with the same options.
          lastRead.current = `${id}|${readKey}`;
          setRead({ ...openedRead, grid: id });
        }
        setRestored(opened.restored);
        setStoreProblem(opened.storeProblem);
        if (opened.stored) keepDraft.current = true;
        if (opened.draft) setDraft(opened.draft);
      })
      .catch((failure: unknown) => live && setReadFailure(portFailure(failure)))
      .finally(() => live && setOpening(false));
    return () => {
      live = false;
    };
    // The workbook is opened once per port; a language change only rewords the pane.
  }, [port, engine]);

  const readSource = useCallback(
    (next: HistorySource) => {
      const serial = ++readSerial.current;
      setSource(next);
      setPortReading(true);
      setReadFailure(null);
      Promise.all([port.readHistory(next), port.outline()])
        .then(async ([nextGrid, nextOutline]) => {
          const id = await engine.loadGrid(nextGrid);
          const fresh = keepDraft.current
            ? null
            : await engine.defaultDraft((await engine.readHistory(id, {})).id, language);
          if (serial !== readSerial.current) return;
          setGrid({ grid: gridHead(nextGrid), id });
          setOutline(nextOutline);
          if (fresh && !keepDraft.current) setDraft(fresh);
        })
        .catch((failure: unknown) => {
          if (serial === readSerial.current) setReadFailure(portFailure(failure));
        })
        .finally(() => {
          if (serial === readSerial.current) setPortReading(false);
        });
    },
    [port, engine, language],
  );

  const update = useCallback((change: (draft: PlanDraft) => PlanDraft) => {
    keepDraft.current = true;
    setDraft(change);
  }, []);

  // Read again when the columns change, a level starts or stops splitting by a column of its
  // own, or a measure whose column must be read is turned on or off, not on every edit.
  const columnsKey = JSON.stringify(draft.columns ?? null);
  const levelDimensions = JSON.stringify(draft.levels.map((level) => level.dimension));
  const measuresKey = askedReadMeasures(draft.measures).join(",");
  const gridId = grid?.id ?? null;
  useEffect(() => {
    if (gridId === null) return;
    let live = true;
    const columns = JSON.parse(columnsKey) as PlanDraft["columns"] | null;
    const options = historyReadOptions({
      columns: columns ?? undefined,
      levels: (JSON.parse(levelDimensions) as string[]).map((dimension) => ({ dimension })),
      measures: Object.fromEntries(
        measuresKey
          .split(",")
          .filter((key) => key !== "")
          .map((key) => [key, {}]),
      ),
    });
    draftReading.current = options;
    const key = `${gridId}|${JSON.stringify(options)}`;
    if (key === lastRead.current) return;
    lastRead.current = key;
    engine
      .readHistory(gridId, options)
      .then((next) => live && setRead({ ...next, grid: gridId }))
      .catch((failure: unknown) => live && setReadFailure(portFailure(failure)));
    return () => {
      live = false;
    };
  }, [engine, gridId, columnsKey, levelDimensions, measuresKey]);

  const deferredDraft = useDeferredValue(draft);
  const check = useMemo(() => checkDraft(deferredDraft), [deferredDraft]);
  const history = read?.history ?? null;

  // One preview at a time in the engine; while it computes, only the latest wish waits.
  const previews = useRef<{
    busy: boolean;
    wanted: { plan: PlanFile; history: number } | null;
    live: boolean;
  }>({ busy: false, wanted: null, live: true });
  useEffect(() => {
    const queue = previews.current;
    queue.live = true;
    return () => {
      queue.live = false;
    };
  }, []);
  const pump = useCallback(() => {
    const queue = previews.current;
    if (queue.busy || !queue.wanted) return;
    const job = queue.wanted;
    queue.wanted = null;
    queue.busy = true;
    engine
      .preview(job.history, job.plan)
      .catch((failure: unknown): PlanPreview => ({
        ok: false,
        problem: { field: "(plan)", ...portFailure(failure) },
      }))
      .then((preview) => {
        if (queue.live) setComputed({ ...job, preview });
      })
      .finally(() => {
        queue.busy = false;
        pump();
      });
  }, [engine]);
  const readId = read && !read.history.error ? read.id : null;
  useEffect(() => {
    if (readId === null || !check.plan) return;
    previews.current.wanted = { plan: check.plan, history: readId };
    pump();
  }, [readId, check.plan, pump]);

  const current =
    computed && readId !== null && computed.history === readId && computed.plan === check.plan
      ? computed
      : null;
  // The last preview stays in view while the next one computes, unless the plan cannot be made.
  const preview = readId !== null && check.plan && computed ? computed.preview : null;
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
    chooseSource: readSource,
    reread: useCallback(() => {
      if (source) readSource(source);
    }, [readSource, source]),
    reading: portReading || (gridId !== null && read?.grid !== gridId),
    readFailure,
    grid: grid?.grid ?? null,
    history,
    yearTotals: read?.yearTotals ?? null,
    historyIds: read ? { grid: read.grid, history: read.id } : null,
    draft,
    update,
    check,
    preview,
    computed: current,
    problems,
    restored,
    dismissRestored: useCallback(() => setRestored(null), []),
    storeProblem,
    acceptGrid: useCallback(
      (next: Grid, id: number, nextRead: ReadHistory, options: ReadHistoryOptions) => {
        // The history the refresh read serves as the pane's when the draft reads the same way.
        const draftOptions = draftReading.current;
        if (draftOptions && sameReading(options, draftOptions)) {
          lastRead.current = `${id}|${JSON.stringify(draftOptions)}`;
          setRead({ ...nextRead, grid: id });
        }
        setGrid({ grid: gridHead(next), id });
      },
      [],
    ),
    engine,
  };
}

/** The source's stable key, for dropdowns. */
export function currentSourceKey(planner: Planner): string {
  return planner.source ? sourceKey(planner.source) : "";
}
