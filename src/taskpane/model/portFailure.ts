import type { Notice } from "../../engine/history";
import { PlanError } from "../../engine/planError";

/**
 * What went wrong in a call to the Excel port (or the engine behind it), as a notice the pane can
 * put in words: the port's own code (`sheet-name-taken`, `cancelled`, …) when it gave one.
 * @example portFailure(Object.assign(new Error("x"), { code: "cancelled", params: {} })).code === "cancelled"
 */
export function portFailure(failure: unknown): Notice {
  if (failure instanceof PlanError) return failure.toNotice();
  if (failure !== null && typeof failure === "object") {
    const { code, params } = failure as { code?: unknown; params?: unknown };
    if (typeof code === "string" && /^[a-z][a-z0-9-]*$/.test(code)) {
      const clean: Record<string, string | number> = {};
      if (params !== null && typeof params === "object") {
        for (const [k, v] of Object.entries(params)) {
          if (typeof v === "string" || typeof v === "number") clean[k] = v;
          else if (Array.isArray(v)) clean[k] = v.join(", ");
        }
      }
      return { code, params: clean };
    }
    if (failure instanceof Error && failure.name === "AbortError")
      return { code: "cancelled", params: {} };
  }
  const detail = failure instanceof Error ? failure.message : String(failure);
  return { code: "excel-error", params: { detail } };
}

/** True when a port call ended because the user cancelled it. */
export function isCancelled(failure: unknown): boolean {
  return portFailure(failure).code === "cancelled";
}
