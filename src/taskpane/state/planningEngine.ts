import type { Grid } from "../../engine/grid";
import type { HistoryReadResult } from "../../engine/history";
import type { PlanFile } from "../../engine/plan/planSchema";
import type { ReadHistoryOptions } from "../../engine/reader/readHistory";
import type { Language } from "../../engine/language";
import type { PlanDraft } from "../model/planDraft";
import type { PlanPreview } from "../model/previewPlan";
import type { YearTotals } from "../model/yearTotals";
import { PlanningCore } from "./planningCore";

/**
 * A history read by the planning engine, under the id its previews name, with each year's net
 * sales (summed where it was read).
 */
export type ReadHistory = { id: number; history: HistoryReadResult; yearTotals: YearTotals };

/**
 * The pane's heavy work — reading the history out of a grid, computing the plan — behind one
 * interface: in a Web Worker in the browser (`workerPlanningEngine`), on the page itself where
 * there is none (`localPlanningEngine`, jsdom). Writing to Excel is not here: Office.js lives on
 * the page.
 */
export type PlanningEngine = {
  /** Hands a grid (as read from the workbook) to the engine; resolves to its id. */
  loadGrid(grid: Grid): Promise<number>;
  /** Reads a loaded grid as a history. */
  readHistory(grid: number, options: ReadHistoryOptions): Promise<ReadHistory>;
  /** The plan computed on a history read before (the engine keeps the last two). */
  preview(history: number, plan: PlanFile): Promise<PlanPreview>;
  /** The plan a user starts from (`defaultDraft`) on a history read before. */
  defaultDraft(history: number, language: Language): Promise<PlanDraft>;
  /** Stops the worker, if there is one. */
  dispose(): void;
};

/** The engine on the page's own thread (tests in jsdom, where there is no Worker). */
export function localPlanningEngine(): PlanningEngine {
  const core = new PlanningCore();
  let next = 0;
  return {
    loadGrid: (grid) => {
      const id = ++next;
      core.putGrid(id, grid);
      return Promise.resolve(id);
    },
    readHistory: (grid, options) => {
      const id = ++next;
      try {
        return Promise.resolve({ id, ...core.read(grid, id, options) });
      } catch (failure) {
        return Promise.reject(failure as Error);
      }
    },
    preview: (history, plan) => {
      try {
        return Promise.resolve(core.preview(history, plan));
      } catch (failure) {
        return Promise.reject(failure as Error);
      }
    },
    defaultDraft: (history, language) => {
      try {
        return Promise.resolve(core.draft(history, language));
      } catch (failure) {
        return Promise.reject(failure as Error);
      }
    },
    dispose: () => undefined,
  };
}
