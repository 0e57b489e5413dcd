import type { PlanningEngine } from "../state/planningEngine";
import { workerPlanningEngine, type WorkerEndpoint } from "../state/workerPlanningEngine";

/** The worker's file, which the build writes beside the page under this fixed name. */
export const PLANNING_WORKER_FILE = "planning-worker.js";

/**
 * The planning engine in a Web Worker started from the page's folder; null where the browser
 * cannot start one (the pane then plans on the page's own thread: large histories make it wait,
 * but it works).
 */
export function startPlanningWorker(): PlanningEngine | null {
  if (typeof Worker === "undefined") return null;
  try {
    const worker = new Worker(new URL(PLANNING_WORKER_FILE, document.baseURI));
    return workerPlanningEngine(worker as unknown as WorkerEndpoint);
  } catch {
    return null;
  }
}
