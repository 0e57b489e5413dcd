import { existsSync, realpathSync } from "node:fs";
import * as path from "node:path";
import { toA1 } from "../engine/address";
import { formatAmount } from "../engine/formatNumber";
import type { HistoryReadResult, Notice } from "../engine/history";
import { pickLanguage, PUNCTUATION, type Language } from "../engine/language";
import { formatNotice } from "../engine/messages";
import { computePlan } from "../engine/plan/computePlan";
import type { PlanResult } from "../engine/plan/planResult";
import type { PlanFile } from "../engine/plan/planSchema";
import { toResultJson } from "../engine/plan/resultJson";
import { historyReadOptions } from "../engine/plan/historyReadOptions";
import { parsePlanFileText } from "../engine/plan/validatePlanFile";
import { PlanError } from "../engine/planError";
import { columnsRead, type ColumnRead } from "../engine/reader/columnsRead";
import { readHistory } from "../engine/reader/readHistory";
import { skippedRowCount } from "../engine/reader/withNoRecordsError";
import { columnsLine } from "./columnsLine";
import { suggestNearest } from "../engine/suggest";
import { PLAN_STORE_SHEET } from "../sheets/planStoreSheet";
import { writePlan } from "../workflow/writePlan";
import {
  FileAccessError,
  WorkbookWriteError,
  openPlanWorkbookFile,
  readHistoryFile,
} from "../xlsx";
import { ensureParentFolder, readTextFile, writeTextFileAtomic } from "../xlsx/textFiles";
import { CliFailure, EXIT, type CliIO } from "./cliFailure";
import { CLI_MESSAGES } from "./messages";
import { runSample } from "./runSample";
import { usage, type UsageTopic } from "./usage";
import { STP_VERSION } from "./version";
import { parseOptions } from "./parseOptions";

const defaultIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
};

function environmentLanguage(env: CliIO["env"]): Language {
  return pickLanguage(env.STP_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}

/**
 * The largest plan file read. A plan is a few KB; anything near this is another file given by
 * mistake, and reading it whole would only take memory.
 */
const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024;

type PlanArgs = {
  history: string;
  sheet?: string;
  config: string;
  out: string;
  json?: string;
  asOf?: string;
};

function parsePlanArgs(argv: string[], say: (n: Notice) => string): PlanArgs | "help" {
  const values = parseOptions(
    argv,
    {
      history: { type: "string" },
      sheet: { type: "string" },
      config: { type: "string" },
      out: { type: "string" },
      json: { type: "string" },
      "as-of": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    say,
  );
  if (values.help) return "help";
  for (const option of ["history", "config", "out"] as const) {
    if (!values[option])
      throw new CliFailure(EXIT.usage, say({ code: "usage-missing-option", params: { option } }));
  }
  const args: PlanArgs = {
    history: values.history as string,
    sheet: values.sheet,
    config: values.config as string,
    out: values.out as string,
    json: values.json,
    asOf: values["as-of"],
  };
  if (args.asOf !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(args.asOf)) {
    throw new CliFailure(
      EXIT.usage,
      say({ code: "usage-bad-as-of", params: { value: args.asOf } }),
    );
  }
  if (path.extname(args.out).toLowerCase() !== ".xlsx") {
    throw new CliFailure(
      EXIT.usage,
      say({ code: "usage-out-not-xlsx", params: { path: args.out } }),
    );
  }
  if (samePath(args.out, args.history)) {
    throw new CliFailure(EXIT.usage, say({ code: "usage-out-is-history", params: {} }));
  }
  for (const option of ["out", "config", "history"] as const) {
    if (args.json && samePath(args.json, args[option])) {
      throw new CliFailure(
        EXIT.usage,
        say({ code: "usage-json-clash", params: { option, path: args.json } }),
      );
    }
  }
  return args;
}

function samePath(a: string, b: string): boolean {
  const resolve = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return resolve(a) === resolve(b);
}

/**
 * Picks the history sheet: the one named, else the first that reads as a history — visible
 * sheets before hidden ones, whatever their order; a hidden one taken is noted.
 */
function chooseHistory(
  grids: Awaited<ReturnType<typeof readHistoryFile>>,
  plan: PlanFile,
  sheet: string | undefined,
  say: (n: Notice) => string,
  language: Language,
): HistoryReadResult {
  const names = grids.map((g) => g.sheet);
  const { list } = PUNCTUATION[language];
  const options = historyReadOptions(plan);
  if (sheet !== undefined) {
    const grid =
      grids.find((g) => g.sheet === sheet) ??
      grids.find((g) => g.sheet.toLowerCase() === sheet.toLowerCase());
    if (!grid) {
      const suggestion = suggestNearest(sheet, names);
      throw new CliFailure(
        EXIT.badInput,
        say({
          code: "sheet-not-found",
          params: { sheet, sheets: names.join(list), ...(suggestion ? { suggestion } : {}) },
        }),
      );
    }
    return readHistory(grid, options);
  }
  const usable = grids.filter((g) => g.sheet !== PLAN_STORE_SHEET && g.state !== "veryHidden");
  const hidden = usable.filter((g) => g.state === "hidden");
  const candidates = [...usable.filter((g) => g.state !== "hidden"), ...hidden];
  let first: HistoryReadResult | undefined;
  let failedHistory: HistoryReadResult | undefined;
  for (const grid of candidates) {
    const read = readHistory(grid, options);
    if (!read.error) {
      if (hidden.includes(grid)) {
        read.notes.push({ code: "history-sheet-hidden", params: { sheet: grid.sheet } });
      }
      return read;
    }
    first ??= read;
    if (!NOT_A_HISTORY.has(read.error.code)) failedHistory ??= read;
  }
  // A sheet that is a history but cannot be planned says why, not that no history was found.
  if (failedHistory) return failedHistory;
  if (candidates.length === 1 && first) return first;
  throw new CliFailure(
    EXIT.badInput,
    say({ code: "no-history-sheet", params: { sheets: names.join(list) } }),
  );
}

/** Reader errors of a sheet that is no history at all (other errors are a history's own). */
const NOT_A_HISTORY = new Set([
  "no-header-row",
  "no-amount-column",
  "no-date-column",
  "month-columns-without-year",
  "history-unreadable",
]);

/** What a plan run keeps of the history once it is planned: no cells, no records. */
type HistorySummary = Pick<HistoryReadResult, "sheet" | "layout" | "skipped" | "notes"> & {
  recordCount: number;
  /** The columns the plan was read from, for the result JSON, the summary line and sheet. */
  columnsRead: ColumnRead[];
};

/** Reads the history file and plans it; the grids and records stay inside this call. */
async function planFromHistory(
  args: { history: string; config: string; sheet?: string; asOf?: string },
  plan: PlanFile,
  say: (n: Notice) => string,
  language: Language,
): Promise<{ result: PlanResult; history: HistorySummary }> {
  const { colon } = PUNCTUATION[language];
  // The file's cells are let go once read into records, before planning.
  const history = chooseHistory(
    await readHistoryFile(args.history),
    plan,
    args.sheet,
    say,
    language,
  );
  if (history.error) {
    const where = history.error.cell ? `${history.sheet}!${history.error.cell}` : history.sheet;
    throw new CliFailure(EXIT.badInput, `${where}${colon}${say(history.error)}`);
  }

  let result: PlanResult;
  try {
    result = computePlan(history, plan, { asOf: args.asOf });
  } catch (e) {
    if (e instanceof PlanError) {
      const where = e.where
        ? `${path.basename(args.config)}${colon}${e.where}`
        : path.basename(args.config);
      throw new CliFailure(EXIT.badInput, `${where}${colon}${say(e.toNotice())}`);
    }
    throw e;
  }

  const { sheet, layout, skipped, notes, records } = history;
  const read = columnsRead(history, result.levels, result.measures?.asked);
  return {
    result,
    history: { sheet, layout, skipped, notes, recordCount: records.length, columnsRead: read },
  };
}

/** Writes the result JSON; a failure says that the workbook was left as it was. */
async function writeResultJson(
  file: string,
  text: string,
  out: string,
  say: (n: Notice) => string,
): Promise<void> {
  try {
    await writeTextFileAtomic(file, text);
  } catch (e) {
    if (!(e instanceof FileAccessError)) throw e;
    const kept = say({ code: "workbook-left-unchanged", params: { path: out } });
    throw new CliFailure(EXIT.files, `${say(e.toNotice())}; ${kept}`);
  }
}

async function runPlan(argv: string[], io: CliIO): Promise<number> {
  let language = environmentLanguage(io.env);
  const say = (n: Notice) => formatNotice(n, language, CLI_MESSAGES);
  const args = parsePlanArgs(argv, say);
  if (args === "help") {
    io.out(usage("plan", language));
    return EXIT.ok;
  }

  const configText = await readTextFile(args.config, { maxBytes: MAX_PLAN_FILE_BYTES });
  const validation = parsePlanFileText(configText);
  if (!validation.ok) {
    // A plan that says its language is answered in it, even when something else in it is wrong.
    if (validation.language) language = validation.language;
    const { colon, clause } = PUNCTUATION[language];
    const lines = validation.problems.map((p) =>
      p.field === "(plan)" ? say(p) : `${p.field}${colon}${say(p)}`,
    );
    throw new CliFailure(
      EXIT.badInput,
      `${path.basename(args.config)}${colon}${lines.join(clause)}`,
    );
  }
  const plan = validation.plan;
  if (plan.language) language = plan.language;

  // The history's cells and records are needed only here: once planned, they can be let go.
  const { result, history } = await planFromHistory(args, plan, say, language);
  // The result JSON as text before anything is written: a failure here leaves no file half-done.
  const jsonText = args.json
    ? `${JSON.stringify(toResultJson(result, history, say), null, 2)}\n`
    : null;

  await ensureParentFolder(args.out);
  if (args.json) await ensureParentFolder(args.json);
  const written = [args.out];
  const outcome = await writePlan(
    await openPlanWorkbookFile(args.out),
    {
      result,
      plan,
      language,
      historySheet: history.sheet,
      columnsRead: history.columnsRead,
    },
    {
      // The result first: a result that cannot be written leaves the workbook as it was.
      beforeWrite: async () => {
        if (!args.json || jsonText === null) return;
        await writeResultJson(args.json, jsonText, args.out, say);
        written.push(args.json);
      },
    },
  );
  const reports = outcome.carried;
  const writeReport = outcome.written;

  const growth = result.base > 0 ? `${((result.target / result.base - 1) * 100).toFixed(1)}%` : "";
  const measures = measuresSummary(result);
  io.out(
    say({
      code: "summary-plan",
      params: {
        year: result.planYear,
        target: formatAmount(result.target),
        base: formatAmount(result.base),
        growth: growth && !growth.startsWith("-") ? `+${growth}` : growth,
        rows: result.rows.length,
        unit: formatAmount(result.unit),
      },
    }) +
      // The measures' totals, when the plan asks for any, on the same line.
      (measures
        ? `${PUNCTUATION[language].clause}${say({ code: "summary-measures", params: measures })}`
        : ""),
  );
  io.out(
    say({
      code: "summary-history",
      params: {
        sheet: history.sheet,
        layout: history.layout,
        records: history.recordCount,
        skipped: skippedRowCount(history.skipped),
      },
    }),
  );
  io.out(
    say({
      code: "summary-columns",
      params: { columns: columnsLine(history.columnsRead, language) },
    }),
  );
  if (result.closedMonths > 0) {
    io.out(
      say({
        code: "summary-tracking",
        params: { closed: result.closedMonths, asOf: result.asOf ?? "" },
      }),
    );
  }
  // "warning: …" / "警告：…": the colons and lists are the language's own.
  const { colon, list } = PUNCTUATION[language];
  const skippedLabel = say({ code: "label-skipped", params: {} });
  for (const s of history.skipped.slice(0, 10))
    io.err(`${skippedLabel} ${s.sheet}!${s.cell}${colon}${say(s)}`);
  if (history.skipped.length > 10)
    io.err(`${skippedLabel}${colon}… +${history.skipped.length - 10}`);
  const warningLabel = `${say({ code: "label-warning", params: {} })}${colon}`;
  for (const r of reports) {
    if (r.carried > 0 || r.orphaned > 0) {
      io.out(
        say({
          code: "summary-carried",
          params: { sheet: r.sheet, carried: r.carried, orphaned: r.orphaned },
        }),
      );
    }
  }
  // Every generated cell typed over, keyed rows or not, sheet by sheet.
  const typedOver = new Map<string, string[]>();
  for (const cell of outcome.typedOver) {
    const cells = typedOver.get(cell.sheet) ?? [];
    cells.push(toA1(cell.row, cell.column));
    typedOver.set(cell.sheet, cells);
  }
  for (const [sheet, addresses] of typedOver) {
    const cells = addresses.slice(0, 8).join(list) + (addresses.length > 8 ? `${list}…` : "");
    io.err(
      `${warningLabel}${say({ code: "generated-cells-overwritten", params: { sheet, count: addresses.length, cells } })}`,
    );
  }
  const edits = outcome.edits;
  if (edits.kept > 0 || edits.columns > 0) {
    io.out(
      say({ code: "summary-edits-kept", params: { kept: edits.kept, columns: edits.columns } }),
    );
  }
  if (edits.sheet !== null) {
    const cells = edits.moved
      .slice(0, 8)
      .map((cell) => `${cell.sheet}!${toA1(cell.row, cell.column)}`)
      .join(list);
    io.err(
      `${warningLabel}${say({
        code: "edits-moved",
        params: {
          count: edits.moved.length,
          cells: edits.moved.length > 8 ? `${cells}${list}…` : cells,
          sheet: edits.sheet,
        },
      })}`,
    );
  }
  for (const part of writeReport.dropped)
    io.err(`${warningLabel}${say({ code: `dropped-${part}`, params: { path: args.out } })}`);
  for (const w of [...history.notes, ...result.warnings]) io.err(`${warningLabel}${say(w)}`);
  io.out(say({ code: "summary-wrote", params: { files: written.join(list) } }));
  return EXIT.ok;
}

/**
 * The totals of the measures a plan asks for, as the summary line's values: quantity, gross
 * profit with its margin, cost of sales, expenses, net profit; null when it asks for none.
 */
function measuresSummary(result: PlanResult): Record<string, string> | null {
  const measures = result.measures;
  if (!measures) return null;
  const params: Record<string, string> = {};
  if (measures.quantity) params.quantity = formatAmount(measures.quantity.total);
  const total = measures.profit.total;
  if (total.grossProfit) {
    params.grossProfit = formatAmount(total.grossProfit.annual);
    if (total.margin?.annual != null) params.margin = `${(total.margin.annual * 100).toFixed(1)}%`;
  }
  if (total.cost) params.cost = formatAmount(total.cost.annual);
  if (total.expenses) params.expenses = formatAmount(total.expenses.annual);
  if (total.netProfit) params.netProfit = formatAmount(total.netProfit.annual);
  return params;
}

export { EXIT, type CliIO };

/**
 * Runs `stp` with its arguments and returns the exit code (0 ok, 1 bad input, 2 usage, 3 files).
 * Every failure is one line on stderr saying what and where.
 * @example await runCli(["plan", "--history", "h.xlsx", "--config", "p.json", "--out", "o.xlsx"]) === 0
 */
export async function runCli(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const language = environmentLanguage(io.env);
  const say = (n: Notice) => formatNotice(n, language, CLI_MESSAGES);
  const [command, ...rest] = argv;
  // A usage error is followed by the help of what was being used.
  const topic: UsageTopic = command === "plan" || command === "sample" ? command : "stp";
  try {
    if (command === "--version" || command === "-V") {
      io.out(STP_VERSION);
      return EXIT.ok;
    }
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      (command === undefined ? io.err : io.out)(usage("stp", language));
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === "sample") return await runSample(rest, io, language);
    if (command !== "plan") {
      io.err(say({ code: "usage-unknown-command", params: { command } }));
      io.err(usage("stp", language));
      return EXIT.usage;
    }
    return await runPlan(rest, io);
  } catch (e) {
    if (e instanceof CliFailure) {
      io.err(e.line);
      if (e.exitCode === EXIT.usage) io.err(usage(topic, language));
      return e.exitCode;
    }
    if (e instanceof FileAccessError || e instanceof WorkbookWriteError) {
      io.err(say(e.toNotice()));
      return EXIT.files;
    }
    io.err(`stp: internal error: ${(e as Error).stack ?? String(e)}`);
    return EXIT.files;
  }
}
