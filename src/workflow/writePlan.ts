import { checkedRegistry } from "../sheets/generatedMark";
import type { CellValue } from "../engine/grid";
import { planSheets, type PlanSheetsInput } from "../sheets/buildPlanSheets";
import { carryIntoSheet, type CarryReport } from "../sheets/carryUserCells";
import { sheetLabels } from "../sheets/labels";
import { PLAN_STORE_SHEET, type GeneratedSheet } from "../sheets/planStoreSheet";
import { holdsUserRows, refreshRewrites } from "../sheets/sheetKinds";
import type { LazySheet, SheetModel } from "../sheets/sheetModel";
import { layoutOf, type SheetLayout } from "../sheets/sheetLayout";
import { signRows } from "../sheets/sheetSignatures";
import { foldSheetName, uniqueSheetName } from "../sheets/sheetNames";
import {
  findUserEdits,
  placeUserEdits,
  userEditsSheet,
  type FoundEdits,
  type MovedCell,
  type UserCell,
} from "../sheets/userEdits";
import type { FlowOptions, WorkbookPort } from "./workbookPort";

/**
 * Lets whatever waits run between two sheets built ahead of a write: in the task pane, the page
 * stays responsive while a preview builds a dozen rep tabs.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** What the plan's sheets are made of: the plan, its result and the history it was read from. */
export type PlanWriteInput = Omit<PlanSheetsInput, "existing">;

export type PlanWriteOptions = FlowOptions & {
  /** Rewrite only what a refresh of actuals rewrites; every other generated sheet is kept. */
  refresh?: boolean;
  /** Run once the workbook has been read and the sheets named, before anything is written. */
  beforeWrite?: () => Promise<void>;
  /**
   * Copy the generated cells users typed over (what they typed, with the address) to the sheet
   * of the user's edits before rewriting them.
   */
  keepTypedOver?: boolean;
};

export type PlanWriteOutcome<Report> = {
  /** The port's own report of the write. */
  written: Report;
  /** Visible sheets written (kept sheets left out), in workbook order. */
  sheets: string[];
  /** What was carried into each sheet users had typed into. */
  carried: CarryReport[];
  /** What users had added around the plan's cells, kept or moved. */
  edits: UserEditsOutcome;
  /**
   * Generated cells users had typed over (rewritten; copied to the sheet of edits too with
   * `keepTypedOver`), sheet by sheet in workbook order, with what they had typed.
   */
  typedOver: MovedCell[];
};

/** A generated sheet left exactly as it is by a write: a mark with nothing to write. */
function keptAsIs(sheet: LazySheet): LazySheet {
  const mark: SheetModel = {
    name: sheet.name,
    kind: sheet.kind,
    ...(sheet.key === undefined ? {} : { key: sheet.key }),
    rows: [],
    keepExisting: true,
  };
  return {
    name: mark.name,
    kind: mark.kind,
    key: sheet.key,
    keepExisting: true,
    build: () => mark,
  };
}

/** What a regeneration did with what users had put around the plan's cells. */
export type UserEditsOutcome = {
  /** Cells typed outside the plan's cells, put back where they were. */
  kept: number;
  /** Those cells, with their address (0-based) on the sheet they were typed on. */
  keptCells: UserCell[];
  /** Columns users had added to a table, carried back by row key. */
  columns: number;
  /** Cells the new plan needed, moved with their address to `sheet`. */
  moved: MovedCell[];
  /** The sheet of the user's edits written, or null when nothing had to move. */
  sheet: string | null;
};

/**
 * One sheet built for writing: the model, what was carried into it, the layout it writes and the
 * column of its rows' signatures.
 */
type BuiltSheet = {
  model: SheetModel;
  report: CarryReport | null;
  layout: SheetLayout;
  signatures: number | null;
  kept: number;
  keptCells: UserCell[];
  columns: number;
  moved: MovedCell[];
};

/** What a write will do to one sheet, as a preview lists it. */
export type SheetWriteStatus = "new" | "rewritten" | "kept" | "not-in-plan" | "removed";

/** What a write would do, told before anything is written (the pane shows it). */
export type PlanWritePreview = {
  /** Every sheet the write touches or keeps, in the order written; removed ones last. */
  sheets: { name: string; kind: string; status: SheetWriteStatus }[];
  /** Generated cells users typed over since the last write: rewritten, or kept when asked. */
  typedOver: MovedCell[];
  /** What users put around the plan's cells: kept where it is, or moved (listed). */
  edits: UserEditsOutcome;
  /** The name a sheet of the user's edits takes (with typed-over cells kept, if none else). */
  editsSheet: string;
};

/** The workbook read and the plan's sheets named: everything a preview or a write needs. */
type Prepared = {
  generated: GeneratedSheet[];
  present: string[];
  lazy: LazySheet[];
  /** Generated sheets a refresh keeps as they are. */
  kept: ReadonlySet<string>;
  layouts: Map<string, SheetLayout>;
  signatureColumns: Map<string, number>;
  build: (sheet: LazySheet) => BuiltSheet;
  release: (sheet: LazySheet) => void;
  /** Comments on rewritten sheets, and cells the new layout needs, known before writing. */
  moved: MovedCell[];
  /** Generated cells typed over outside keyed rows (found by the rows' signatures), by sheet. */
  typedOverSigned: Map<string, MovedCell[]>;
  edits: UserEditsOutcome;
  labels: ReturnType<typeof sheetLabels>;
};

/**
 * Reads what a write needs of the workbook — the plan store checked against the sheets' marks,
 * the sheets' names, what users typed into and around the generated sheets, comments on them —
 * and names the plan's sheets (earlier names kept, users' names never taken).
 */
async function prepare<Report>(
  port: WorkbookPort<Report>,
  input: PlanWriteInput,
  options: PlanWriteOptions,
): Promise<Prepared> {
  // The registry as the workbook bears it out: only sheets with the plan's mark are the plan's.
  const generated = checkedRegistry(await port.readPlanStore(), await port.sheetMarks());
  const generatedNames = new Set([
    ...generated.map((g) => foldSheetName(g.name)),
    foldSheetName(PLAN_STORE_SHEET),
  ]);
  const present = await port.sheetNames();
  const presentNames = new Set(present.map(foldSheetName));
  const userSheets = present.filter((name) => !generatedNames.has(foldSheetName(name)));
  const rewritten = (kind: string) => !options.refresh || refreshRewrites(kind);
  const layouts = new Map<string, SheetLayout>();
  const signatureColumns = new Map<string, number>();
  const kept = new Set<string>();
  const lazy = planSheets({
    ...input,
    existing: { generated, userSheets },
    layouts,
    signatureColumns,
  }).map((sheet) => {
    if (sheet.keepExisting || rewritten(sheet.kind)) return sheet;
    kept.add(sheet.name);
    return keptAsIs(sheet);
  });
  const earlier = (sheet: LazySheet) =>
    generated.find((g) => g.kind === sheet.kind && g.key === sheet.key);
  // A sheet kept as it is keeps the layout it was written with, and its rows' signatures.
  for (const sheet of lazy) {
    const before = sheet.keepExisting ? earlier(sheet) : undefined;
    if (before?.layout) layouts.set(sheet.name, before.layout);
    if (before?.signatures !== undefined) signatureColumns.set(sheet.name, before.signatures);
  }

  // What the workbook holds now on each sheet to rewrite: keyed rows users type into, and
  // whatever lies outside the cells the plan wrote there (known from its layout).
  const previous = new Map<string, CellValue[][]>();
  const labels = sheetLabels(input.language);
  const planNotes = new Set(
    [sheetLabels("en-US"), sheetLabels("zh-CN")].map((l) => l.notInPlanRows),
  );
  const edits = new Map<string, FoundEdits>();
  const moved: MovedCell[] = [];
  const typedOverSigned = new Map<string, MovedCell[]>();
  for (const sheet of lazy) {
    if (sheet.keepExisting || sheet.kind === "plan-store") continue;
    const before = earlier(sheet);
    if (!before || !presentNames.has(foldSheetName(before.name))) continue;
    const comments = await port.readComments(before.name);
    const values =
      holdsUserRows(sheet.kind) || before.layout || comments.length > 0
        ? await port.readSheetValues(before.name, options)
        : null;
    // Cells of the plan's that users typed over, told by the signatures of their rows.
    if (before.signatures !== undefined) {
      const typed = await port.readTypedOver(before.name, before.signatures, options);
      if (typed.length > 0) {
        const details = await port.readCellDetails(before.name, typed);
        typedOverSigned.set(
          sheet.name,
          typed.map((cell, i) => ({
            sheet: before.name,
            ...cell,
            ...details[i],
            reason: "typed-over" as const,
          })),
        );
      }
    }
    // A rewritten sheet cannot keep its comments: each is moved with its cell's address.
    for (const { row, column, author, text } of comments) {
      moved.push({
        sheet: before.name,
        row,
        column,
        value: values?.[row]?.[column] ?? null,
        comment: author === "" ? text : `${author}: ${text}`,
        reason: "comment",
      });
    }
    if (!values || (!holdsUserRows(sheet.kind) && !before.layout)) continue;
    if (holdsUserRows(sheet.kind)) previous.set(foldSheetName(before.name), values);
    const found = findUserEdits(before.name, values, before.layout, planNotes);
    if (found.cells.length > 0) {
      // A formula stays a formula, a date a date: what a value alone cannot tell.
      const details = await port.readCellDetails(before.name, found.cells);
      found.cells = found.cells.map((cell, i) => ({ ...cell, ...details[i] }));
    }
    if (found.cells.length > 0 || found.columns.length > 0) edits.set(sheet.name, found);
  }

  const orphanNote = labels.notInPlanRows;
  const build = (sheet: LazySheet): BuiltSheet => {
    const carried = carryIntoSheet(
      sheet.build(),
      generated,
      (name) => previous.get(foldSheetName(name)) ?? null,
      orphanNote,
    );
    const found = edits.get(sheet.name);
    if (!found) {
      // The plan store is read by its keys, never typed into: it has no rows to sign.
      const signed =
        sheet.kind === "plan-store"
          ? { model: carried.model, column: null }
          : signRows(carried.model);
      return {
        model: signed.model,
        report: carried.report,
        layout: layoutOf(signed.model),
        signatures: signed.column,
        kept: 0,
        keptCells: [],
        columns: 0,
        moved: [],
      };
    }
    const placed = placeUserEdits(carried.model, found, labels);
    const signed = signRows(placed.model, placed.isUsers);
    return {
      model: signed.model,
      report: carried.report,
      layout: layoutOf(signed.model, placed.isUsers),
      signatures: signed.column,
      kept: placed.kept,
      keptCells: placed.keptCells,
      columns: placed.columns,
      moved: placed.moved,
    };
  };
  // Once carried, what was read of a sheet can be let go.
  const release = (sheet: LazySheet) => {
    for (const g of generated)
      if (g.kind === sheet.kind && g.key === sheet.key) previous.delete(foldSheetName(g.name));
  };

  // Which cells must move is known only once their sheet is built: the few sheets users added
  // to are built ahead (and again when written, alike), so the sheet of edits is named in time.
  const outcome: UserEditsOutcome = { kept: 0, keptCells: [], columns: 0, moved, sheet: null };
  for (const sheet of lazy) {
    if (!edits.has(sheet.name)) continue;
    await nextTurn();
    const built = build(sheet);
    moved.push(...built.moved);
    outcome.kept += built.kept;
    outcome.keptCells.push(...built.keptCells);
    outcome.columns += built.columns;
  }
  return {
    generated,
    present,
    lazy,
    kept,
    layouts,
    signatureColumns,
    build,
    release,
    moved,
    typedOverSigned,
    edits: outcome,
    labels,
  };
}

/** The name of the sheet of the user's edits a write adds, taken by no sheet. */
function editsSheetName(prepared: Prepared): string {
  const taken = new Set(
    [...prepared.present, ...prepared.lazy.map((s) => s.name)].map(foldSheetName),
  );
  return uniqueSheetName(prepared.labels.edits.sheetName, taken, "Edits");
}

/** The generated sheet an earlier generation wrote for a sheet of the plan, if any. */
function earlierOf(prepared: Prepared, sheet: LazySheet): GeneratedSheet | undefined {
  return prepared.generated.find((g) => g.kind === sheet.kind && g.key === sheet.key);
}

/**
 * A sheet's typed-over cells in one list, top to bottom and left to right: those of its keyed rows
 * (from carrying them) and those the signatures of its other rows tell.
 */
function sheetTypedOver(
  prepared: Prepared,
  sheet: LazySheet,
  report: CarryReport | null,
): MovedCell[] {
  const before = earlierOf(prepared, sheet);
  if (!before) return [];
  const cells: MovedCell[] = (report?.overwrittenCells ?? []).map((cell) => ({
    sheet: before.name,
    ...cell,
    reason: "typed-over",
  }));
  cells.push(...(prepared.typedOverSigned.get(sheet.name) ?? []));
  return cells.sort((a, b) => a.row - b.row || a.column - b.column);
}

/**
 * The generated cells users typed over since the last write, with what they typed, sheet by
 * sheet: on sheets with keyed rows, found by carrying them (one sheet per turn); everywhere else,
 * by the signatures of the rows the plan wrote, read with the workbook.
 */
async function typedOverCells(prepared: Prepared): Promise<MovedCell[]> {
  const found: MovedCell[] = [];
  for (const sheet of prepared.lazy) {
    if (sheet.keepExisting || !earlierOf(prepared, sheet)) continue;
    let report: CarryReport | null = null;
    if (holdsUserRows(sheet.kind)) {
      await nextTurn();
      report = prepared.build(sheet).report;
    }
    found.push(...sheetTypedOver(prepared, sheet, report));
  }
  return found;
}

/**
 * What `writePlan` would do, without writing: the sheets it would add, rewrite, keep or remove,
 * the generated cells users typed over since the last write (with what they typed), and what
 * users put around the plan's cells — kept where it is, or moved to a sheet of their edits.
 * @example const { sheets, typedOver } = await previewPlanWrite(port, input);
 */
export async function previewPlanWrite<Report>(
  port: WorkbookPort<Report>,
  input: PlanWriteInput,
  options: PlanWriteOptions = {},
): Promise<PlanWritePreview> {
  const prepared = await prepare(port, input, options);
  const typedOver = await typedOverCells(prepared);
  const written = new Set(prepared.lazy.map((s) => foldSheetName(s.name)));
  const present = new Set(prepared.present.map(foldSheetName));
  const sheets: PlanWritePreview["sheets"] = prepared.lazy
    .filter((sheet) => sheet.state !== "veryHidden")
    .map((sheet) => ({
      name: sheet.name,
      kind: sheet.kind,
      status: prepared.kept.has(sheet.name)
        ? "kept"
        : sheet.keepExisting
          ? "not-in-plan"
          : present.has(foldSheetName(sheet.name))
            ? "rewritten"
            : "new",
    }));
  const edits = { ...prepared.edits };
  const editsSheet = editsSheetName(prepared);
  if (edits.moved.length > 0) {
    edits.sheet = editsSheet;
    sheets.push({ name: editsSheet, kind: "user-edits", status: "new" });
  }
  for (const g of prepared.generated) {
    if (g.kind === "plan-store" || written.has(foldSheetName(g.name))) continue;
    if (present.has(foldSheetName(g.name)))
      sheets.push({ name: g.name, kind: g.kind, status: "removed" });
  }
  return { sheets, typedOver, edits, editsSheet };
}

/**
 * The planning flow, once for every workbook: reads the plan store and what users typed into and
 * around the generated sheets, builds the plan's sheets (earlier names kept, users' names never
 * taken), carries the typed cells into them by row key, puts back what users added beside the
 * plan's cells (or, where the new layout needs the cell, moves it to a sheet of the user's edits)
 * and writes them through the port, the layout of every sheet remembered in the plan store and
 * each row the plan writes signed (`signRows`), so the next write tells which generated cells
 * users typed over, on every sheet. With `keepTypedOver`, generated cells users typed over are
 * copied to that sheet before being rewritten; the outcome lists them either way.
 * @example const { sheets } = await writePlan(port, { result, plan, language: "en-US", historySheet: "Sales" });
 */
export async function writePlan<Report>(
  port: WorkbookPort<Report>,
  input: PlanWriteInput,
  options: PlanWriteOptions = {},
): Promise<PlanWriteOutcome<Report>> {
  const prepared = await prepare(port, input, options);
  const { lazy, layouts, signatureColumns, moved, labels } = prepared;
  // Typed-over cells of keyed rows are known once their sheets are carried: built ahead, like
  // the edits, when they are to be kept; told after the write otherwise.
  const keptTypedOver = options.keepTypedOver ? await typedOverCells(prepared) : null;
  if (keptTypedOver) moved.push(...keptTypedOver);

  const carried: CarryReport[] = [];
  const typedOver: MovedCell[] = [];
  const sheets: LazySheet[] = lazy.map((sheet) => ({
    ...sheet,
    build: () => {
      if (sheet.keepExisting) return sheet.build();
      const built = prepared.build(sheet);
      if (sheet.kind !== "plan-store") {
        layouts.set(sheet.name, built.layout);
        if (built.signatures === null) signatureColumns.delete(sheet.name);
        else signatureColumns.set(sheet.name, built.signatures);
      }
      prepared.release(sheet);
      if (built.report) carried.push(built.report);
      if (!keptTypedOver) typedOver.push(...sheetTypedOver(prepared, sheet, built.report));
      return built.model;
    },
  }));
  const edits = prepared.edits;
  if (moved.length > 0) {
    const name = editsSheetName(prepared);
    const model = userEditsSheet(moved, labels, name, prepared.present);
    // After the plan store: a user's sheet from now on, never listed in it, and where the plan's
    // sheets (standing together) leave it at the next regeneration.
    sheets.push({ name, kind: model.kind, build: () => model });
    edits.sheet = name;
  }

  await options.beforeWrite?.();
  const written = await port.writeSheets(sheets, prepared.generated, options);
  return {
    written,
    sheets: sheets.filter((s) => !s.keepExisting && s.state !== "veryHidden").map((s) => s.name),
    carried,
    edits,
    typedOver: keptTypedOver ?? typedOver,
  };
}
