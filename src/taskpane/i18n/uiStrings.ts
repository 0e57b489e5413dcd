import type { HistoryRole } from "../../engine/history";
import type { Language } from "../../engine/language";
import type { SplitMethod, TimeMethod } from "../../engine/plan/planSchema";

/** The pane's steps, in order. */
export const STEPS = ["data", "target", "breakdown", "preview", "generate"] as const;
export type StepId = (typeof STEPS)[number];

export type BoundKind = "none" | "ofLastYear" | "amount";
export type LockKind = "amount" | "growth" | "share";

/** Every text of the pane; each language fills all of it (the type makes a missing one an error). */
export type UiStrings = {
  steps: Record<StepId, string>;
  stepOf: (step: number, total: number) => string;
  stepsLabel: string;
  /** A step tab's accessible name: its number, name and how many problems its step has. */
  stepTab: (index: number, name: string, problems: number) => string;
  back: string;
  next: string;
  starting: string;
  /** The pane's own code could not be loaded. */
  loadFailed: string;
  /** A step's code is loading. */
  loadingStep: string;
  /** A step's code could not be loaded. */
  stepLoadFailed: string;
  outside: {
    title: string;
    intro: string;
    howTitle: string;
    howWeb: string;
    howDesktop: string;
    readme: string;
    otherHost: string;
  };
  restored: (count: number) => string;
  dismiss: string;
  data: {
    intro: string;
    source: string;
    sheetsGroup: string;
    tablesGroup: string;
    tableOption: (table: string, sheet: string) => string;
    reread: string;
    reading: string;
    readSummary: (p: { rows: string; sheet: string; header: number; layout: string }) => string;
    layoutLong: string;
    layoutWide: (months: number) => string;
    columns: string;
    columnsHint: string;
    notFound: string;
    resetColumns: string;
    skipped: (count: string) => string;
    skippedNone: string;
    skippedMore: (count: string) => string;
    selectCell: (cell: string) => string;
    notes: string;
    noSheets: string;
  };
  roles: Record<HistoryRole, string>;
  target: {
    intro: string;
    planYear: string;
    kind: string;
    kindGrowth: (baseYear: number) => string;
    kindAmount: string;
    growth: string;
    amount: string;
    baseActual: (baseYear: number) => string;
    resultingTarget: string;
    noBase: string;
    asOf: string;
    asOfAuto: string;
    asOfHint: string;
  };
  breakdown: {
    intro: string;
    levels: string;
    noLevels: string;
    levelTitle: (index: number, name: string) => string;
    dimension: string;
    method: string;
    years: string;
    moveUp: (name: string) => string;
    moveDown: (name: string) => string;
    remove: (name: string) => string;
    addLevel: string;
    addLevelNone: string;
    weights: string;
    weightFor: (member: string) => string;
    weight: string;
    share: string;
    weightsTotal: string;
    parts: string;
    partMethod: (index: number) => string;
    partWeight: (index: number) => string;
    removePart: (index: number) => string;
    addPart: string;
    minCap: string;
    maxCap: string;
    boundKinds: Record<BoundKind, string>;
    boundValue: (kind: BoundKind) => string;
    locks: string;
    locksHint: string;
    noLocks: string;
    lockTitle: (index: number) => string;
    lockLevel: string;
    lockMember: (dimension: string) => string;
    lockKind: string;
    lockKinds: Record<LockKind, string>;
    lockValue: (kind: LockKind) => string;
    lockNew: string;
    removeLock: (index: number) => string;
    addLock: string;
    /** A card's "More options" toggle, for the options not used yet. */
    moreOptions: string;
    fewerOptions: string;
    /** A bound in a level card's one-line summary: "max 120% of last year". */
    boundSummary: (which: "min" | "max", value: string) => string;
    ofLastYear: (percent: string) => string;
    /** A lock card's summary before its segment is chosen. */
    lockNotChosen: string;
    /** The label of the explanation of the methods, and of the time spreads. */
    aboutMethods: string;
    aboutTimeMethods: string;
    rounding: string;
    roundingUnit: string;
    roundingHint: string;
    time: string;
    timeMethod: string;
    timeYears: string;
    timeProfile: string;
    profileCompany: string;
    profileLeaf: string;
    monthWeights: string;
    chartTitle: string;
    chartDescription: (years: string) => string;
    chartResult: string;
    chartLoading: string;
    chartNoData: string;
  };
  methods: Record<SplitMethod, string>;
  /** What each method does, in a sentence, shown on demand. */
  methodInfo: Record<SplitMethod, string>;
  timeMethods: Record<TimeMethod, string>;
  timeMethodInfo: Record<TimeMethod, string>;
  preview: {
    intro: string;
    blocking: string;
    /** Beside a problem at a level: the levels above it still plan, the rest waits. */
    partial: (planned: string | null, waiting: string) => string;
    goToField: (step: string) => string;
    needHistory: string;
    target: string;
    base: (year: number) => string;
    growth: string;
    byLevel: (name: string) => string;
    segment: string;
    targetColumn: string;
    vsLastYear: string;
    newMember: string;
    locked: string;
    moreRows: (count: string) => string;
    warnings: string;
    noWarnings: string;
    farFromHistory: (p: { segment: string; implied: string; history: string }) => string;
    months: string;
  };
  generate: {
    intro: string;
    language: string;
    languages: Record<Language, string>;
    write: string;
    writing: string;
    cancel: string;
    done: (count: number) => string;
    openSheet: (sheet: string) => string;
    blocked: string;
    refreshTitle: string;
    refreshIntro: string;
    refresh: string;
    refreshing: string;
    refreshed: (asOf: string) => string;
    noActuals: (year: number) => string;
    noStoredPlan: string;
    failed: string;
  };
  /** Generate's write: its one progress bar, Cancel, what the workbook holds, undo. */
  writeState: {
    preparing: string;
    readingHistory: string;
    /** "Sheet 7 of 17: Ann Berg". */
    sheetProgress: (sheet: { name: string; number: number; count: number }) => string;
    /** Once writing has begun, in place of Cancel. */
    committed: string;
    /** Cancelled before the first change; `previous`: visible sheets of the plan the workbook holds. */
    cancelledWrite: (previous: number) => string;
    cancelledRefresh: string;
    /** Added to a failure that came after the write had begun. */
    failedPart: string;
    outOfDateTitle: string;
    /** Totals formatted; `now` null when the changed plan cannot be computed. */
    outOfDate: (written: string, now: string | null) => string;
    undoOne: string;
    undoNone: string;
  };
  /**
   * What Generate will write, told before writing (the sheets it touches, what users typed that
   * it would rewrite or move), and where what users typed went once written.
   */
  writePreview: {
    checking: string;
    checkAgain: string;
    /** `reason`: the port's, in the pane's words. */
    checkFailed: (reason: string) => string;
    /** "Writing touches 17 sheets". */
    sheetsTitle: (count: number) => string;
    /** The count line: the title, then the counts by status (joined). */
    sheetsLine: (title: string, counts: string) => string;
    /** Per status, a count: "12 rewritten". */
    statusCount: Record<
      "new" | "rewritten" | "kept" | "not-in-plan" | "removed",
      (count: number) => string
    >;
    /** A sheet's status in the list. */
    status: Record<"new" | "rewritten" | "kept" | "not-in-plan" | "removed", string>;
    /** Between the counts of the count line. */
    separator: string;
    showSheets: string;
    hideSheets: string;
    /** Rep tabs of one status, grouped in the list. */
    repTabs: (count: number) => string;
    /** A cell typed empty. */
    empty: string;
    /** A cell in a list: "Action Plan!D6: 424,242", and why it moves when it does. */
    cell: (address: string, value: string, why: string | null) => string;
    typedOverTitle: (count: number) => string;
    typedOverIntro: string;
    /** Below a list cut at its first cells. */
    more: (count: number) => string;
    choiceLabel: string;
    keep: (sheet: string) => string;
    overwrite: string;
    keptBeside: (count: number) => string;
    columnsKept: (count: number) => string;
    movedTitle: (count: number, sheet: string) => string;
    /** Why a cell in the way moves. */
    movedReason: Record<"layout" | "row-gone" | "comment", string>;
    /** After the write. */
    doneTypedOverKept: (count: number, sheet: string) => string;
    doneTypedOverRewritten: (count: number) => string;
    doneMoved: (count: number, sheet: string) => string;
    doneKept: (count: number) => string;
    openEdits: (sheet: string) => string;
  };
  /**
   * The measures planned beside the amount: the Target step's section that sets them and the
   * Preview step's P&L totals.
   */
  measures: {
    title: string;
    /** The folded section's summary when no measure is planned. */
    summaryNone: string;
    summaryQuantity: string;
    /** `value`: the target margin or amount formatted ("" for each segment at its own margin). */
    summaryGrossProfit: (target: "none" | "margin" | "amount", value: string) => string;
    summaryExpenses: (kind: "rate" | "amount", value: string) => string;
    /** Between the parts of the summary. */
    separator: string;
    intro: string;
    quantity: string;
    quantityUnit: string;
    grossProfit: string;
    grossProfitTarget: string;
    grossProfitTargets: Record<"none" | "margin" | "amount", string>;
    grossProfitMargin: string;
    grossProfitAmount: string;
    expenses: string;
    expenseKinds: Record<"none" | "rate" | "amount", string>;
    expenseRate: string;
    expenseAmount: string;
    /** A history column by its letters and header: "column G, Qty". */
    column: (letters: string, header: string) => string;
    /** Which history column feeds a measure: "Quantity from column G, Qty." */
    fromColumn: (role: string, column: string) => string;
    /** Cost of sales worked out from a gross profit column. */
    costFromGrossProfit: (column: string) => string;
    /** No column for a measure asked: `roles` its column's names as alternatives. */
    columnMissing: (roles: string, dataStep: string) => string;
    /** "cost or gross profit" joined the language's way. */
    or: string;
    /** Preview: the P&L totals. */
    profitTitle: string;
    sales: string;
    quantityTotal: string;
    cost: string;
    grossProfitTotal: string;
    margin: string;
    expensesTotal: string;
    netProfit: string;
    /** Below the totals: where the P&L by segment and month is written. */
    profitSheetNote: string;
  };
};
