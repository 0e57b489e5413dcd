/** The sheet kinds a refresh of actuals rewrites: the tracking figures and the plan store. */
const REFRESHED_KINDS: ReadonlySet<string> = new Set(["tracking", "plan-store"]);

/** The sheet kinds with rows users type into (notes, statuses), carried on regeneration. */
const USER_ROW_KINDS: ReadonlySet<string> = new Set(["action-plan", "rep-tab"]);

/**
 * Whether a refresh of actuals rewrites a generated sheet of this kind; every other one is kept
 * as it is.
 * @example refreshRewrites("tracking") === true && refreshRewrites("summary") === false
 */
export function refreshRewrites(kind: string): boolean {
  return REFRESHED_KINDS.has(kind);
}

/**
 * Whether sheets of this kind hold rows users type into, so that regeneration reads what the
 * workbook holds there before rewriting them.
 * @example holdsUserRows("action-plan") === true && holdsUserRows("summary") === false
 */
export function holdsUserRows(kind: string): boolean {
  return USER_ROW_KINDS.has(kind);
}
