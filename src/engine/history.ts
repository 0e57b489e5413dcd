/** The dimensions a plan can be decomposed by, in their canonical order. */
export const DIMENSIONS = ["region", "product", "channel", "rep", "customer"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * What a plan level splits by: a built-in dimension (`"region"`), or the header of any other
 * history column (`"部门"`, `"Distributor"`), whose text then keys the plan's rows.
 */
export type DimensionKey = string;

/** The column roles the task pane's Data step lists, one a line. */
export const COLUMN_ROLES = ["date", "amount", "quantity", "cost", ...DIMENSIONS] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/**
 * Every column role the reader detects, and that `columns` in the plan file may name: the column
 * roles and the gross profit column, which gives a row's cost (amount − gross profit) where the
 * history has no cost column.
 */
export const HISTORY_ROLES = [...COLUMN_ROLES, "grossProfit"] as const;
export type HistoryRole = (typeof HISTORY_ROLES)[number];

/** A reportable condition with a stable code and the values its message needs. */
export type Notice = {
  code: string;
  params: Record<string, string | number>;
};

/** One sale (long format) or one month's figure for one row (wide format). */
export type HistoryRecord = {
  year: number;
  /** 1…12 */
  month: number;
  /** Net amount in currency, cents kept; returns are negative. */
  amount: number;
  /** Units sold on the row (returns negative), when the history has a quantity column. */
  quantity?: number;
  /** Cost of sales of the row: its cost cell, or its amount less its gross profit cell. */
  cost?: number;
  /** Members by dimension key (built-in or a column's header) as trimmed text; blank is absent. */
  dims: Partial<Record<DimensionKey, string>>;
  /** A1 address of the amount cell, for messages. */
  cell: string;
  /** True for a row of a long (transaction) history: only these give an average deal size. */
  transaction: boolean;
};

/** A row (or, in wide format, a cell) the reader did not take, with why and where. */
export type SkippedRow = {
  sheet: string;
  /** A1 address: the offending cell, or the row's first cell for whole-row reasons. */
  cell: string;
  code: SkipCode;
  params: Record<string, string | number>;
};

export type SkipCode =
  | "blank-row"
  | "total-row"
  | "amount-not-number"
  | "amount-too-large"
  | "amount-decimal-mark"
  | "amount-missing"
  | "measure-not-number"
  | "measure-too-large"
  | "measure-decimal-mark"
  | "date-not-readable"
  | "date-missing"
  | "repeated-header"
  | "stage-not-won";

/** Where a detected role lives in the grid. */
export type DetectedColumn = {
  /** Zero-based column index within the sheet. */
  column: number;
  header: string;
  /** True when the plan file's `columns` named it rather than detection. */
  overridden: boolean;
};

/** A month column of a wide history (one column per month). */
export type MonthColumn = {
  column: number;
  header: string;
  year: number;
  month: number;
};

export type HistoryReadResult = {
  sheet: string;
  layout: "long" | "wide";
  /** Zero-based sheet row of the header. */
  headerRow: number;
  /** The column of each detected role, and of each level the reader was asked for by header. */
  columns: Partial<Record<HistoryRole | DimensionKey, DetectedColumn>>;
  /** Header columns that play no role and are no month: what else a plan can split by. */
  otherColumns: { column: number; header: string }[];
  /** Wide layout only: the month columns, in sheet order. */
  monthColumns: MonthColumn[];
  records: HistoryRecord[];
  skipped: SkippedRow[];
  /** Assumptions worth telling the user (e.g. `03/04/2024` read as day first). */
  notes: Notice[];
  /** Set when the sheet cannot be read as a history at all (e.g. no amount column). */
  error?: Notice & { cell?: string };
};
