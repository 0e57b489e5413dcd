import type { Notice } from "./history";

/**
 * An error the user can fix: a stable code, the values its message needs, and the cell or field
 * that caused it. The UI and the CLI turn it into words in the user's language (`formatNotice`).
 */
export class PlanError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  /** A1 address (with sheet) or plan-file field path, when one thing caused it. */
  readonly where?: string;

  constructor(code: string, params: Record<string, string | number> = {}, where?: string) {
    super(`${where ? `${where}: ` : ""}${code} ${JSON.stringify(params)}`);
    this.name = "PlanError";
    this.code = code;
    this.params = params;
    this.where = where;
  }

  /** The notice this error carries. */
  toNotice(): Notice {
    return { code: this.code, params: this.params };
  }
}
