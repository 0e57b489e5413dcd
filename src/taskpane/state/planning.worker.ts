/**
 * The planning worker: reads histories and computes plans off the page's thread (see
 * `PlanningCore`), so that the pane never freezes on a large history. Built as a file of its own
 * (`planning-worker.js`) and started by `startPlanningWorker`.
 */
import { PlanningCore, type PlanningRequest } from "./planningCore";

const core = new PlanningCore();

self.addEventListener("message", (event: MessageEvent<PlanningRequest>) => {
  const answer = core.handle(event.data);
  if (answer) self.postMessage(answer.reply, { transfer: answer.transfer });
});
