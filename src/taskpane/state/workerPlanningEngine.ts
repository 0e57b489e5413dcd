import type { HistoryParts, PlanningReply, PlanningRequest } from "./planningCore";
import type { PlanningEngine } from "./planningEngine";
import type { HistoryRecord } from "../../engine/history";
import type { PlanDraft } from "../model/planDraft";
import type { PlanPreview } from "../model/previewPlan";
import { nextTurn, TurnSlicer } from "../../excel/pageTurns";
import { recordDecoder } from "./recordColumns";

/** Rows per message when a grid goes to the worker: each copy stays far below 50 ms. */
export const GRID_SLICE_ROWS = 2000;

/** Records turned back into objects at a time, between looks at the clock. */
export const DECODE_PIECE_RECORDS = 500;

/**
 * The longest the page decodes records before it lets the page paint and handle input: a budget of
 * time rather than of records, so that a slow or busy machine still yields often.
 */
export const DECODE_BUDGET_MS = 12;

/** The part of a `Worker` the engine uses (a test passes a stand-in). */
export type WorkerEndpoint = {
  postMessage(message: PlanningRequest, transfer: Transferable[]): void;
  addEventListener(type: "message", listener: (event: { data: PlanningReply }) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
  terminate(): void;
};

/**
 * The engine in a Web Worker (see `planning.worker.ts`). A grid goes over in slices of
 * `GRID_SLICE_ROWS` rows, one message per turn of the page's event loop; a history comes back with
 * its records as transferred columns, turned back into records on the page.
 */
export function workerPlanningEngine(worker: WorkerEndpoint): PlanningEngine {
  let next = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>();
  worker.addEventListener("message", (event) => {
    const reply = event.data;
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new Error(reply.message));
  });
  // A worker that failed to load or crashed answers nothing more: say so rather than wait.
  let broken: string | null = null;
  worker.addEventListener("error", (event) => {
    broken = event.message || "the planning worker failed";
    for (const pending of waiting.values()) pending.reject(new Error(broken));
    waiting.clear();
  });
  const ask = <T>(request: PlanningRequest & { id: number }): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (broken) {
        reject(new Error(broken));
        return;
      }
      waiting.set(request.id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage(request, []);
    });

  return {
    async loadGrid(grid) {
      const id = ++next;
      const { values, numberFormats, ...head } = grid;
      worker.postMessage({ type: "grid", grid: id, head }, []);
      for (let first = 0; first < values.length; first += GRID_SLICE_ROWS) {
        await nextTurn();
        worker.postMessage(
          {
            type: "rows",
            grid: id,
            values: values.slice(first, first + GRID_SLICE_ROWS),
            numberFormats: numberFormats?.slice(first, first + GRID_SLICE_ROWS),
          },
          [],
        );
      }
      return id;
    },
    async readHistory(grid, options) {
      const id = ++next;
      const parts = await ask<HistoryParts>({ type: "read", id, grid, history: id, options });
      // Decoding is the page's share of the work: a few milliseconds at a time, letting the page
      // paint between.
      const records: HistoryRecord[] = [];
      const slices = new TurnSlicer(DECODE_BUDGET_MS);
      const decode = recordDecoder(parts.records);
      for (let first = 0; first < parts.records.count; first += DECODE_PIECE_RECORDS) {
        await slices.pause();
        for (const record of decode(first, first + DECODE_PIECE_RECORDS)) records.push(record);
      }
      return { id, history: { ...parts.history, records }, yearTotals: parts.yearTotals };
    },
    preview: (history, plan) => ask<PlanPreview>({ type: "preview", id: ++next, history, plan }),
    defaultDraft: (history, language) =>
      ask<PlanDraft>({ type: "draft", id: ++next, history, language }),
    dispose: () => {
      worker.terminate();
      for (const pending of waiting.values())
        pending.reject(new Error("the planning worker stopped"));
      waiting.clear();
    },
  };
}
