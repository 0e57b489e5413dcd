import type { CellValue } from "../engine/grid";
import { toA1 } from "../engine/address";
import {
  changedCells,
  KEY_COLUMN_ID,
  parseRowKey,
  rowSignature,
  SIGNATURE_COLUMN_ID,
  signedColumns,
} from "./rowSignature";
import type { SheetCell, SheetModel } from "./sheetModel";

/** What a regeneration did with the cells users typed into one sheet. */
export type CarryReport = {
  sheet: string;
  /** User cells carried to their rows. */
  carried: number;
  /** Generated cells a user had typed over (their previous addresses): rewritten. */
  overwritten: string[];
  /** The same cells with what the user had typed there (0-based, on the previous sheet). */
  overwrittenCells: { row: number; column: number; value: CellValue }[];
  /** Rows whose key left the plan, kept below the data with what was typed in them. */
  orphaned: number;
};

type PreviousRow = { row: number; key: string; user: Map<string, CellValue> };

function isBlank(value: CellValue | undefined): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/**
 * The columns a row of column ids names, by id (the last of a repeated id).
 * @example columnIds(["period", null, "__key"]) → Map { "period" → 0, "__key" → 2 }
 */
export function columnIds(row: readonly CellValue[]): Map<string, number> {
  const ids = new Map<string, number>();
  row.forEach((v, c) => {
    if (typeof v === "string" && v !== "") ids.set(v, c);
  });
  return ids;
}

/** Finds the id row of a previous sheet: the row holding the key column's id. */
export function findIdRow(
  values: readonly (readonly CellValue[])[],
): { row: number; ids: Map<string, number> } | null {
  for (let r = 0; r < Math.min(values.length, 500); r++) {
    const row = values[r] ?? [];
    if (row.includes(KEY_COLUMN_ID)) return { row: r, ids: columnIds(row) };
  }
  return null;
}

/**
 * Regeneration without loss: fills a freshly built sheet model with what users typed into the
 * sheet it replaces. User cells follow their row key (the leaf's path and month) and their column
 * id, wherever rows and columns moved. Generated cells a user typed over are listed (and get the
 * new value). Rows whose key is no longer in the plan but hold typed cells are kept below the data
 * under a note, keys and all, so they come back if their key returns. A keyed row read without
 * its signature is taken as unchanged: a reader may leave out the generated cells and signature
 * of a row whose signature it found holding (the .xlsx reader does, to keep little in memory).
 * @example carryUserCells(newModel, previousValues, labels.notInPlanRows).report.carried === 30
 */
export function carryUserCells(
  model: SheetModel,
  previous: readonly (readonly CellValue[])[] | null,
  orphanNote: string,
): { model: SheetModel; report: CarryReport } {
  const report: CarryReport = {
    sheet: model.name,
    carried: 0,
    overwritten: [],
    overwrittenCells: [],
    orphaned: 0,
  };
  const layout = model.userRows;
  const found = previous && layout ? findIdRow(previous) : null;
  if (!layout || !previous || !found) return { model, report };

  const prevKeyColumn = found.ids.get(KEY_COLUMN_ID)!;
  const prevSignatureColumn = found.ids.get(SIGNATURE_COLUMN_ID);
  const userIds = layout.userColumns.map((u) => u.id);
  const newIds = model.rows[layout.idRow] ?? [];
  const generatedIds = layout.generatedColumns
    .map((c) => newIds[c]?.value)
    .filter((v): v is string => typeof v === "string");
  // The signature covers the previous generation's own generated columns, in its order: the
  // plan's levels may have changed since, and with them which columns are generated.
  const prevGenerated = signedColumns(found.ids, userIds);
  // A formula saved without its result (openpyxl writes formulas so) reads as blank: not an edit.
  const formulaIds = new Set(
    layout.generatedColumns
      .filter((c) => model.rows[layout.firstRow]?.[c]?.formula !== undefined)
      .map((c) => newIds[c]?.value),
  );
  const generatedIdSet = new Set(generatedIds);
  const typedOver = (value: CellValue | undefined, id: string) =>
    !(isBlank(value) && (formulaIds.has(id) || !generatedIdSet.has(id)));

  // Only rows with something typed carry anything, or tell of cells typed over.
  const userAt = userIds.flatMap((id) => {
    const c = found.ids.get(id);
    return c === undefined ? [] : [[id, c] as const];
  });
  const previousRows = new Map<string, PreviousRow>();
  for (let r = found.row + 1; r < previous.length; r++) {
    const row = previous[r];
    if (row === undefined) continue;
    const key = row[prevKeyColumn];
    if (typeof key !== "string") continue;
    const signature = prevSignatureColumn === undefined ? undefined : row[prevSignatureColumn];
    let user: Map<string, CellValue> | null = null;
    for (const [id, c] of userAt) if (!isBlank(row[c])) (user ??= new Map()).set(id, row[c]);
    if ((user === null && typeof signature !== "string") || !parseRowKey(key)) continue;
    if (user !== null) previousRows.set(key, { row: r, key, user });
    if (typeof signature === "string" && signature.length === 4 * prevGenerated.length) {
      const values = prevGenerated.map(([, c]) => row[c]);
      for (const i of changedCells(values, signature)) {
        const [id, c] = prevGenerated[i];
        if (!typedOver(row[c], id)) continue;
        report.overwritten.push(toA1(r, c));
        report.overwrittenCells.push({ row: r, column: c, value: row[c] ?? null });
      }
    }
  }

  // A row is copied only when something is carried into it.
  const rows = model.rows.slice();
  const used = new Set<string>();
  for (let r = layout.firstRow; r <= layout.lastRow; r++) {
    const key = rows[r]?.[layout.keyColumn]?.value;
    const before = typeof key === "string" ? previousRows.get(key) : undefined;
    if (!before) continue;
    used.add(before.key);
    const row = (rows[r] = [...rows[r]]);
    for (const { column, id } of layout.userColumns) {
      const value = before.user.get(id);
      if (value === undefined) continue;
      row[column] = { ...(row[column] ?? { style: "input" }), value } as SheetCell;
      report.carried++;
    }
  }

  const orphans = [...previousRows.values()].filter((p) => !used.has(p.key));
  if (orphans.length > 0) {
    const width = Math.max(...rows.map((r) => r.length), layout.signatureColumn + 1);
    rows.push(new Array(width).fill(null));
    const note: (SheetCell | null)[] = new Array(width).fill(null);
    note[0] = { value: orphanNote, style: "note" };
    rows.push(note);
    for (const orphan of orphans) {
      const parsed = parseRowKey(orphan.key)!;
      const row: (SheetCell | null)[] = new Array(width).fill(null);
      const periodColumn = layout.generatedColumns.find((c) => newIds[c]?.value === "period");
      parsed.path.forEach((member, i) => (row[i] = { value: member }));
      if (periodColumn !== undefined) row[periodColumn] = { value: parsed.period };
      for (const { column, id } of layout.userColumns) {
        const value = orphan.user.get(id);
        const template = model.rows[layout.firstRow]?.[column];
        row[column] = { ...(template ?? {}), value: value ?? null, style: "input" } as SheetCell;
      }
      row[layout.keyColumn] = { value: orphan.key };
      row[layout.signatureColumn] = {
        value: rowSignature(layout.generatedColumns.map((c) => row[c]?.value ?? null)),
      };
      rows.push(row);
      report.orphaned++;
    }
  }
  return { model: { ...model, rows }, report };
}

/**
 * Carries user cells into every model that has keyed rows, from the sheet of the same kind (and
 * key, for rep tabs) that an earlier generation wrote — found in the plan store's registry, read
 * from the workbook by its name then.
 * @example carryIntoSheets(models, registry, (name) => valuesOf(name), labels.notInPlanRows).reports
 */
export function carryIntoSheets(
  models: readonly SheetModel[],
  generated: readonly { name: string; kind: string; key?: string }[],
  previousValues: (sheetName: string) => readonly (readonly CellValue[])[] | null,
  orphanNote: string,
): { models: SheetModel[]; reports: CarryReport[] } {
  const reports: CarryReport[] = [];
  const out = models.map((model) => {
    const carried = carryIntoSheet(model, generated, previousValues, orphanNote);
    if (carried.report) reports.push(carried.report);
    return carried.model;
  });
  return { models: out, reports };
}

/**
 * `carryIntoSheets` for one model: the model with the user cells carried in, and the report when
 * an earlier generation of the sheet was found (null otherwise).
 * @example carryIntoSheet(model, registry, (name) => valuesOf(name), note).report?.carried
 */
export function carryIntoSheet(
  model: SheetModel,
  generated: readonly { name: string; kind: string; key?: string }[],
  previousValues: (sheetName: string) => readonly (readonly CellValue[])[] | null,
  orphanNote: string,
): { model: SheetModel; report: CarryReport | null } {
  if (!model.userRows || model.keepExisting) return { model, report: null };
  const before = generated.find((g) => g.kind === model.kind && g.key === model.key);
  const values = before ? previousValues(before.name) : null;
  const carried = carryUserCells(model, values, orphanNote);
  return { model: carried.model, report: values ? carried.report : null };
}
