import { toA1 } from "../engine/address";
import type { CellValue } from "../engine/grid";
import { text } from "./cells";
import { findIdRow } from "./carryUserCells";
import { MARK_PREFIX, withMark } from "./generatedMark";
import type { SheetLabels, UserEditReason } from "./labels";
import { KEY_COLUMN_ID, parseRowKey, USER_COLUMN_ID } from "./rowSignature";
import { insideLayout, type SheetLayout } from "./sheetLayout";
import type { CellBlock, SheetCell, SheetModel } from "./sheetModel";

export { USER_COLUMN_ID };

/** A cell a user typed where the plan writes nothing, at its address on the sheet (0-based). */
export type UserCell = {
  sheet: string;
  row: number;
  column: number;
  value: CellValue;
  /** The cell's formula, without `=`, when the workbook gives it. */
  formula?: string;
  /** The cell's number format (a date stays a date). */
  numFmt?: string;
  /** A comment or note on the cell, with its author. */
  comment?: string;
};

/** What a cell holds besides its value: its formula (without `=`) and number format. */
export type CellDetails = { formula?: string; numFmt?: string };

/** A comment (note) on a cell of a sheet, as a port reads it (0-based address). */
export type SheetComment = { row: number; column: number; author: string; text: string };

/** A user's cell moved to the sheet of the user's edits, and why. */
export type MovedCell = UserCell & { reason: UserEditReason };

/** A column a user added to a keyed table: its header and its cells by row key. */
export type UserColumn = { header: string; cells: Map<string, UserCell> };

/** What users put on a generated sheet outside the plan's cells and columns. */
export type FoundEdits = {
  sheet: string;
  /** Cells typed beside, below or between the plan's cells. */
  cells: UserCell[];
  /** Columns added to a keyed table, carried by row key. */
  columns: UserColumn[];
};

function isBlank(value: CellValue | undefined): value is null | undefined {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/**
 * What users put on a sheet an earlier generation wrote, found by the layout it wrote (from the
 * plan store): every non-blank cell outside it. On a sheet with keyed rows (an action plan), a
 * column inserted into the table (no id of the plan's in the hidden id row) is the user's and is
 * carried by row key; a row inserted into the table (no key) holds only the user's cells. Text
 * the plan writes outside any layout — a sheet's mark, the note over rows no longer in the plan —
 * is never taken for a user's. Without a layout (a plan written before layouts were kept), only
 * what keyed rows tell is found.
 * @example findUserEdits("Plan Summary", values, layout, notes).cells.map((c) => c.row)
 */
export function findUserEdits(
  sheet: string,
  previous: readonly (readonly CellValue[])[],
  layout: SheetLayout | undefined,
  planNotes: ReadonlySet<string>,
): FoundEdits {
  const found: FoundEdits = { sheet, cells: [], columns: [] };
  const inside = layout ? insideLayout(layout) : null;
  const ours = (value: CellValue) => typeof value === "string" && value.startsWith(MARK_PREFIX);
  const stray = (row: number, column: number, value: CellValue) =>
    found.cells.push({ sheet, row, column, value });

  const ids = findIdRow(previous);
  if (!ids || !ids.ids.has(KEY_COLUMN_ID)) {
    if (!inside) return found;
    previous.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (!isBlank(value) && !ours(value) && !inside(r, c)) stray(r, c, value);
      }),
    );
    return found;
  }

  // The columns the id row names, and those inserted among them since (no id, or the user's).
  const idRow = ids.row;
  const header = idRow + 1;
  const keyColumn = ids.ids.get(KEY_COLUMN_ID)!;
  const lastId = Math.max(...ids.ids.values());
  const idCells = previous[idRow] ?? [];
  const inserted: number[] = [];
  for (let c = 0; c <= lastId; c++) {
    const id = idCells[c];
    if (isBlank(id) || id === USER_COLUMN_ID) inserted.push(c);
  }
  const insertedAt = new Map(inserted.map((c, i) => [c, i]));
  // Where a column stood when the layout was written: inserted columns pushed the rest right.
  const layoutColumn = (c: number) => c - inserted.filter((i) => i < c).length;
  const columns: UserColumn[] = inserted.map((c) => {
    const title = previous[header]?.[c];
    return { header: isBlank(title) ? "" : String(title), cells: new Map<string, UserCell>() };
  });

  // Rows between the first and the last keyed row are the table's: one without a key there was
  // inserted by a user. Other rows (a rep tab's blocks below its action rows) are the layout's.
  // Each row's key read once: a million-row plan has a million of them.
  const keyedRows = new Uint8Array(previous.length);
  let firstKeyed = -1;
  let lastKeyed = -1;
  for (let r = header + 1; r < previous.length; r++) {
    if (parseRowKey(previous[r]?.[keyColumn] ?? null) === null) continue;
    keyedRows[r] = 1;
    if (firstKeyed < 0) firstKeyed = r;
    lastKeyed = r;
  }
  previous.forEach((cells, r) => {
    if (r === idRow) return;
    const key = cells[keyColumn];
    const keyed = keyedRows[r] === 1;
    const inTable = r >= firstKeyed && r <= lastKeyed;
    cells.forEach((value, c) => {
      if (isBlank(value) || ours(value)) return;
      const own = insertedAt.get(c);
      if (own !== undefined) {
        if (r === header) return;
        if (keyed) columns[own].cells.set(key as string, { sheet, row: r, column: c, value });
        else stray(r, c, value);
        return;
      }
      if (keyed && c <= lastId) return; // the plan's and the user columns, carried by key
      if (inTable && !keyed && c <= lastId) {
        // A row of the table without a key was inserted by a user, but for the plan's own note.
        if (!(c === 0 && typeof value === "string" && planNotes.has(value))) stray(r, c, value);
        return;
      }
      if (inside && !inside(r, layoutColumn(c))) stray(r, c, value);
    });
  });
  found.columns = columns.filter((column) => column.cells.size > 0 || column.header !== "");
  return found;
}

/** The sheet model without its mark (the mark moves right of whatever is added). */
function withoutMark(model: SheetModel): { model: SheetModel; marked: boolean } {
  const first = model.rows[0] ?? [];
  const at = first.findIndex(
    (cell) => typeof cell?.value === "string" && cell.value.startsWith(MARK_PREFIX),
  );
  if (at < 0) return { model, marked: false };
  const row = first.slice(0, at);
  return {
    model: {
      ...model,
      rows: [row, ...model.rows.slice(1)],
      hiddenColumns: (model.hiddenColumns ?? []).filter((c) => c !== at),
    },
    marked: true,
  };
}

function inBlock(block: CellBlock, row: number, column: number): boolean {
  return (
    row >= block.firstRow &&
    row <= block.lastRow &&
    column >= block.firstColumn &&
    column <= block.lastColumn
  );
}

/** A header not yet among `taken` (compared without case, as Excel compares table headers). */
function uniqueHeader(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLocaleLowerCase()); n++) name = `${wanted} (${n})`;
  taken.add(name.toLocaleLowerCase());
  return name;
}

/** What placing the user's edits on a regenerated sheet did. */
export type PlacedEdits = {
  model: SheetModel;
  /** Cells put back where the user had them. */
  kept: number;
  /** Those cells, with their address on the sheet they came from. */
  keptCells: UserCell[];
  /** Columns added to a table, carried back by row key. */
  columns: number;
  /** Cells the new layout needs, for the sheet of the user's edits. */
  moved: MovedCell[];
  /** Whether a cell of the model is one put back for the user (not the plan's). */
  isUsers: (row: number, column: number) => boolean;
};

/**
 * Puts back on a freshly built sheet what users had added to the sheet it replaces: their table
 * columns right of the table (header and cells by row key), their cells where they were — unless
 * the new layout writes there, the cell lies in a table or a hidden row or column, or its row left
 * the plan: those are moved, with their address, to the sheet of the user's edits.
 * @example placeUserEdits(model, found, labels).moved.length === 0
 */
export function placeUserEdits(
  built: SheetModel,
  found: FoundEdits,
  labels: SheetLabels,
): PlacedEdits {
  const moved: MovedCell[] = [];
  const usersCells = new Set<string>();
  if (found.cells.length === 0 && found.columns.length === 0) {
    return { model: built, kept: 0, keptCells: [], columns: 0, moved, isUsers: () => false };
  }
  const unmarked = withoutMark(built);
  let model = unmarked.model;
  const rows = model.rows.map((row) => [...row]);
  const put = (row: number, column: number, cell: SheetCell) => {
    while (rows.length <= row) rows.push([]);
    const cells = rows[row];
    while (cells.length < column) cells.push(null);
    cells[column] = cell;
  };

  let columnsAdded = 0;
  const layout = model.userRows;
  const table = layout && model.tables?.find((t) => t.block.firstRow === layout.headerRow);
  if (found.columns.length > 0 && layout && table) {
    const start = table.block.lastColumn + 1;
    const headers = new Set(
      (rows[layout.headerRow] ?? [])
        .slice(table.block.firstColumn, start)
        .map((cell) => String(cell?.value ?? "").toLocaleLowerCase()),
    );
    const keyRows = new Map<string, number>();
    rows.forEach((cells, r) => {
      const key = r >= layout.firstRow ? cells[layout.keyColumn]?.value : undefined;
      if (typeof key === "string") keyRows.set(key, r);
    });
    found.columns.forEach((column, i) => {
      const c = start + i;
      put(layout.idRow, c, text(USER_COLUMN_ID));
      const header = uniqueHeader(column.header || labels.userColumn(i + 1), headers);
      put(layout.headerRow, c, text(header, "header"));
      for (let r = layout.firstRow; r <= table.block.lastRow; r++) {
        put(r, c, { value: null, style: "input" });
      }
      for (const [key, cell] of column.cells) {
        const r = keyRows.get(key);
        if (r === undefined) moved.push({ ...cell, reason: "row-gone" });
        else put(r, c, { value: cell.value, style: "input" });
      }
    });
    columnsAdded = found.columns.length;
    const widths = [...(model.columnWidths ?? [])];
    for (let i = 0; i < columnsAdded; i++) widths[start + i] = 14;
    const grown = { ...table, block: { ...table.block, lastColumn: start + columnsAdded - 1 } };
    model = {
      ...model,
      columnWidths: widths,
      tables: model.tables!.map((t) => (t === table ? grown : t)),
      ...(model.print
        ? {
            print: {
              ...model.print,
              area: {
                ...model.print.area,
                lastColumn: Math.max(model.print.area.lastColumn, start + columnsAdded - 1),
              },
            },
          }
        : {}),
    };
  } else {
    for (const column of found.columns) {
      for (const cell of column.cells.values()) moved.push({ ...cell, reason: "layout" });
    }
  }

  const hiddenRows = new Set(model.hiddenRows ?? []);
  const hiddenColumns = new Set(model.hiddenColumns ?? []);
  const tables = model.tables ?? [];
  const keptCells: UserCell[] = [];
  for (const cell of found.cells) {
    const taken =
      (rows[cell.row]?.[cell.column] ?? null) !== null ||
      hiddenRows.has(cell.row) ||
      hiddenColumns.has(cell.column) ||
      tables.some((t) => inBlock(t.block, cell.row, cell.column));
    if (taken) {
      moved.push({ ...cell, reason: "layout" });
      continue;
    }
    put(cell.row, cell.column, {
      value: cell.value,
      ...(cell.formula === undefined ? {} : { formula: cell.formula }),
      ...(cell.numFmt === undefined ? {} : { numFmt: cell.numFmt }),
    });
    usersCells.add(`${cell.row}:${cell.column}`);
    keptCells.push(cell);
  }
  model = { ...model, rows };
  if (unmarked.marked) model = withMark(model);
  return {
    model,
    kept: keptCells.length,
    keptCells,
    columns: columnsAdded,
    moved,
    isUsers: (row, column) => usersCells.has(`${row}:${column}`),
  };
}

/**
 * The sheet of the user's edits a regeneration moved: a user's sheet from then on (no mark, not
 * in the plan store), which no regeneration rewrites. Cells in the order of the sheets they came
 * from, then by row and column; values as they were (text stays text), formulas and comments as
 * text beside them.
 * @example userEditsSheet(moved, labels, "Your edits", ["Plan Summary", "Action Plan"]).rows[3][0]?.value === "Sheet"
 */
export function userEditsSheet(
  moved: readonly MovedCell[],
  labels: SheetLabels,
  name: string,
  sheetOrder: readonly string[],
): SheetModel {
  const words = labels.edits;
  const order = new Map(sheetOrder.map((sheet, i) => [sheet, i]));
  const sorted = [...moved].sort(
    (a, b) =>
      (order.get(a.sheet) ?? order.size) - (order.get(b.sheet) ?? order.size) ||
      a.row - b.row ||
      a.column - b.column ||
      a.reason.localeCompare(b.reason),
  );
  const header = [
    words.sheet,
    words.cell,
    words.value,
    words.formula,
    words.comment,
    words.reason,
  ].map((h) => text(h, "header"));
  const rows: (SheetCell | null)[][] = [
    [text(words.title, "title")],
    [text(words.explanation, "note")],
    [],
    header,
  ];
  for (const cell of sorted) {
    rows.push([
      text(cell.sheet),
      text(toA1(cell.row, cell.column)),
      cell.value === null
        ? null
        : { value: cell.value, ...(cell.numFmt === undefined ? {} : { numFmt: cell.numFmt }) },
      cell.formula === undefined ? null : text(`=${cell.formula}`),
      cell.comment === undefined ? null : text(cell.comment),
      text(words.reasons[cell.reason]),
    ]);
  }
  return {
    name,
    kind: "user-edits",
    rows,
    columnWidths: [20, 10, 30, 30, 40, 36],
    freeze: { rows: 4, columns: 0 },
  };
}
