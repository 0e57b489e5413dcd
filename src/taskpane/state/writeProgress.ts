import type { Progress } from "../../excel/excelPort";

/**
 * The one progress bar of a Generate or a Refresh: a value from 0 to 1 that never goes back, what
 * the task is doing, and the sheet it writes ("Sheet 7 of 17: Ann Berg").
 */
export type BarProgress = {
  value: number;
  stage: "preparing" | "reading" | "writing";
  sheet?: { name: string; number: number; count: number };
};

/**
 * The bar after a word of progress from the port. A Generate's bar is its write (what it reads of
 * the sheets first keeps the bar at its start); a Refresh's is its read of the history (the first
 * half) then its write (the second). The value never decreases, whatever the port reports.
 * @example barProgress("write", "write", { phase: "write", done: 7, total: 14 }, { value: 0, stage: "preparing" }).value === 0.5
 */
export function barProgress(
  task: "write" | "refresh",
  stage: "read" | "write",
  progress: Progress,
  previous: BarProgress,
): BarProgress {
  const part = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 0;
  let value: number;
  let next: BarProgress["stage"];
  if (stage === "read") {
    value = task === "refresh" && progress.phase === "read" ? part / 2 : previous.value;
    next = "reading";
  } else if (progress.phase === "write") {
    value = task === "refresh" ? 0.5 + part / 2 : part;
    next = "writing";
  } else {
    // Reading back what users typed into the plan's sheets, before the write.
    value = previous.value;
    next = previous.stage === "writing" ? "writing" : "preparing";
  }
  const sheet = progress.phase === "write" ? progress.sheet : previous.sheet;
  return { value: Math.max(previous.value, value), stage: next, ...(sheet ? { sheet } : {}) };
}
