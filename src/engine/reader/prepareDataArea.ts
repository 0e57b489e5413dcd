import { DIMENSIONS, type Notice } from "../history";
import type { HeaderAnalysis } from "./analyzeHeaderRow";
import { fillMergedCells } from "./fillMergedCells";
import type { GridArea, GridView } from "./gridView";
import { findTotalCell } from "./findTotalCell";

/** A column the row readers take something from. */
export type DataColumn = {
  column: number;
  /** Its role (`date`, `amount`, `region`…): what a message calls it. */
  role: string;
  /** Amounts (sales, quantity, cost, gross profit, a month's figure) count once: never filled from a merge. */
  amount: boolean;
};

/** The rows below a header, ready to read, or why they cannot be read. */
export type DataArea = {
  view: GridView;
  notes: Notice[];
  /** A cell whose value the file does not hold: nothing below the header can be trusted. */
  error?: Notice & { cell: string };
};

const AMOUNT_ROLES = new Set(["amount", "quantity", "cost", "grossProfit"]);

/**
 * The columns a row reader takes something from: in a long history every detected role and the
 * year column; in a wide one the dimensions and the month columns (amounts).
 * @example dataColumnsOf(header, "wide").filter((c) => c.amount).length === header.months.length
 */
export function dataColumnsOf(header: HeaderAnalysis, layout: "long" | "wide"): DataColumn[] {
  const columns: DataColumn[] = [];
  const roles = layout === "long" ? Object.keys(header.roles) : DIMENSIONS;
  for (const role of roles) {
    const found = header.roles[role as keyof HeaderAnalysis["roles"]];
    if (found) columns.push({ column: found.column, role, amount: AMOUNT_ROLES.has(role) });
  }
  for (const [key, found] of Object.entries(header.levelColumns ?? {})) {
    columns.push({ column: found.column, role: key, amount: false });
  }
  if (layout === "long" && header.yearColumn) {
    columns.push({ column: header.yearColumn.column, role: "year", amount: false });
  }
  if (layout === "wide") {
    for (const month of header.months) {
      columns.push({ column: month.column, role: "amount", amount: true });
    }
  }
  return columns;
}

/** Areas listed in a note, at most; the note says how many there are. */
const LISTED = 5;

function listed(view: GridView, areas: readonly GridArea[]): string {
  const names = areas
    .slice(0, LISTED)
    .map((a) => `${view.sheet}!${view.address(a.top, a.left)}:${view.address(a.bottom, a.right)}`);
  return areas.length > LISTED ? `${names.join(", ")}, …` : names.join(", ");
}

/**
 * Readies the rows below a header for the row readers. A cell of a used column holding a formula
 * whose result the file never saved is an error on the first such cell (outside total rows, which
 * are skipped anyway): its value is unknown, and reading it as blank would plan from part of the
 * history. Merged areas below the header fill
 * their cells of used columns from their top-left cell — a region merged over B3:B5 is the region
 * of rows 3 to 5 —, said in a note; an amount merged over several cells counts once, also said.
 * Cells the grid left out (far outside the data) are said too.
 * @example prepareDataArea(view, 0, [{ column: 1, role: "region", amount: false }]).notes[0].code === "merged-cells-filled"
 */
export function prepareDataArea(
  source: GridView,
  headerRow: number,
  columns: readonly DataColumn[],
): DataArea {
  const roles = new Map(columns.map((c) => [c.column, c]));
  // A total row is skipped whatever its formulas hold: its unsaved sums are no loss.
  const unsaved = source.formulasWithoutValue.find(
    (p) => p.row > headerRow && roles.has(p.column) && !findTotalCell(source, p.row),
  );
  if (unsaved) {
    return {
      view: source,
      notes: [],
      error: {
        code: "formula-without-value",
        params: { sheet: source.sheet, role: roles.get(unsaved.column)!.role },
        cell: source.address(unsaved.row, unsaved.column),
      },
    };
  }

  const notes: Notice[] = [];
  const fillable = new Set(columns.filter((c) => !c.amount).map((c) => c.column));
  const below = source.merges.filter((a) => a.top > headerRow && a.left >= 0);
  const filled = below.filter((a) => {
    for (let column = a.left; column <= a.right; column++) {
      if (fillable.has(column) && (column !== a.left || a.bottom > a.top)) return true;
    }
    return false;
  });
  if (filled.length > 0) {
    notes.push({
      code: "merged-cells-filled",
      params: { cells: listed(source, filled), count: filled.length },
    });
  }
  const amounts = below.filter((a) => roles.get(a.left)?.amount);
  if (amounts.length > 0) {
    notes.push({
      code: "merged-amounts-once",
      params: { cells: listed(source, amounts), count: amounts.length },
    });
  }
  if (source.cellsLeftOut) {
    const { count, first } = source.cellsLeftOut;
    const names = first.slice(0, LISTED).map((cell) => `${source.sheet}!${cell}`);
    notes.push({
      code: "cells-left-out",
      params: { cells: count > names.length ? `${names.join(", ")}, …` : names.join(", "), count },
    });
  }
  return { view: fillMergedCells(source, filled, fillable), notes };
}
