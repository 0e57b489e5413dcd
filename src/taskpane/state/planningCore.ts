import type { Grid } from "../../engine/grid";
import type { HistoryReadResult } from "../../engine/history";
import type { PlanFile } from "../../engine/plan/planSchema";
import { readHistory, type ReadHistoryOptions } from "../../engine/reader/readHistory";
import type { Language } from "../../engine/language";
import { defaultDraft, type PlanDraft } from "../model/planDraft";
import { previewPlan, type PlanPreview } from "../model/previewPlan";
import { yearTotals, type YearTotals } from "../model/yearTotals";
import { encodeRecords, recordBuffers, type RecordColumns } from "./recordColumns";

/**
 * A history as it crosses threads: everything but the records, the records as columns, and what
 * the pane shows that sums the records (each year's net sales).
 */
export type HistoryParts = {
  history: Omit<HistoryReadResult, "records">;
  records: RecordColumns;
  yearTotals: YearTotals;
};

/** What the page asks of the planning thread. */
export type PlanningRequest =
  /** A grid starts: its sheet and everything but its rows, which follow in slices. */
  | { type: "grid"; grid: number; head: Omit<Grid, "values" | "numberFormats"> }
  | {
      type: "rows";
      grid: number;
      values: Grid["values"];
      numberFormats: string[][] | undefined;
    }
  | {
      type: "read";
      id: number;
      grid: number;
      history: number;
      options: ReadHistoryOptions;
    }
  | { type: "preview"; id: number; history: number; plan: PlanFile }
  | { type: "draft"; id: number; history: number; language: Language };

/** What the planning thread answers (only `read` and `preview` are answered). */
export type PlanningReply =
  | { id: number; ok: true; value: HistoryParts | PlanPreview | PlanDraft }
  | { id: number; ok: false; message: string };

/** How many grids and histories the planning thread keeps (the current one and the one before). */
const KEPT = 2;

/**
 * What the planning core did, as a User Timing mark in the thread that did it (`stp-planning:read`,
 * `…:preview`, `…:draft`): seen in a browser's performance trace, and by the browser tests that
 * check the page's own thread never plans.
 */
export const PLANNING_MARK = "stp-planning:";

function markDone(what: "read" | "preview" | "draft"): void {
  globalThis.performance?.mark?.(`${PLANNING_MARK}${what}`);
}

function keep<T>(map: Map<number, T>, key: number, value: T): void {
  map.set(key, value);
  while (map.size > KEPT) map.delete(map.keys().next().value as number);
}

/**
 * The pane's planning work — reading a grid as a history and computing the plan on it — with the
 * grids and histories it keeps, whichever thread runs it: the planning worker, or the page itself
 * where there is no Worker (jsdom).
 */
export class PlanningCore {
  private readonly grids = new Map<number, Grid>();
  private readonly histories = new Map<number, HistoryReadResult>();

  putGrid(id: number, grid: Grid): void {
    keep(this.grids, id, grid);
  }

  /** Reads a kept grid as a history, kept under `historyId`, with each year's net sales. */
  read(
    gridId: number,
    historyId: number,
    options: ReadHistoryOptions,
  ): { history: HistoryReadResult; yearTotals: YearTotals } {
    const grid = this.grids.get(gridId);
    if (!grid) throw new Error(`grid ${gridId} is no longer kept`);
    const history = readHistory(grid, options);
    keep(this.histories, historyId, history);
    const totals = yearTotals(history.records);
    markDone("read");
    return { history, yearTotals: totals };
  }

  /** The plan computed on a kept history. */
  preview(historyId: number, plan: PlanFile): PlanPreview {
    const history = this.histories.get(historyId);
    if (!history) throw new Error(`history ${historyId} is no longer kept`);
    const preview = previewPlan(history, plan);
    markDone("preview");
    return preview;
  }

  /** The plan a user starts from on a kept history (its years, its columns). */
  draft(historyId: number, language: Language): PlanDraft {
    const history = this.histories.get(historyId);
    if (!history) throw new Error(`history ${historyId} is no longer kept`);
    const draft = defaultDraft(history, language);
    markDone("draft");
    return draft;
  }

  /**
   * One message from the page; the reply to post back (with the buffers to transfer), or null for
   * the messages that carry a grid.
   */
  handle(request: PlanningRequest): { reply: PlanningReply; transfer: ArrayBuffer[] } | null {
    if (request.type === "grid") {
      this.putGrid(request.grid, { ...request.head, values: [], numberFormats: [] });
      return null;
    }
    if (request.type === "rows") {
      const grid = this.grids.get(request.grid);
      if (!grid) return null;
      for (const row of request.values) grid.values.push(row);
      if (request.numberFormats) {
        const formats = (grid.numberFormats ??= []);
        for (const row of request.numberFormats) formats.push(row);
      }
      return null;
    }
    try {
      if (request.type === "read") {
        const read = this.read(request.grid, request.history, request.options);
        const { records: list, ...history } = read.history;
        const records = encodeRecords(list);
        return {
          reply: {
            id: request.id,
            ok: true,
            value: { history, records, yearTotals: read.yearTotals },
          },
          transfer: recordBuffers(records),
        };
      }
      const value =
        request.type === "draft"
          ? this.draft(request.history, request.language)
          : this.preview(request.history, request.plan);
      return { reply: { id: request.id, ok: true, value }, transfer: [] };
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      return { reply: { id: request.id, ok: false, message }, transfer: [] };
    }
  }
}
