import * as path from "node:path";
import type { Notice } from "../engine/history";
import { pickLanguage, type Language } from "../engine/language";
import { formatNotice } from "../engine/messages";
import { generateHistory } from "../sample/generateHistory";
import { gridToCsvRows } from "../sample/gridToCsvRows";
import { gridSheet } from "../sheets/gridSheet";
import { writePlanWorkbook } from "../xlsx";
import { ensureParentFolder } from "../xlsx/textFiles";
import { writeCsvFile } from "../xlsx/writeCsv";
import { CliFailure, EXIT, type CliIO } from "./cliFailure";
import { CLI_MESSAGES } from "./messages";
import { usage } from "./usage";
import { parseOptions } from "./parseOptions";

function integer(
  value: string | undefined,
  fallback: number,
  option: string,
  say: (n: Notice) => string,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new CliFailure(
      EXIT.usage,
      say({ code: "usage-not-whole-number", params: { option, value } }),
    );
  }
  return n;
}

/**
 * `stp sample --out FILE [--language zh-CN] [--rows N] [--seed N] [--plan-year Y] [--actual-months M] [--clean]`:
 * writes a generated sales history (.xlsx or .csv) to try the planner on, or to benchmark it.
 * Its messages and help are in `language`, the environment's.
 */
export async function runSample(argv: string[], io: CliIO, language: Language): Promise<number> {
  const say = (n: Notice) => formatNotice(n, language, CLI_MESSAGES);
  const values = parseOptions(
    argv,
    {
      out: { type: "string" },
      language: { type: "string" },
      rows: { type: "string" },
      seed: { type: "string" },
      "plan-year": { type: "string" },
      "actual-months": { type: "string" },
      regions: { type: "string" },
      products: { type: "string" },
      reps: { type: "string" },
      channels: { type: "string" },
      clean: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    say,
  );
  if (values.help) {
    io.out(usage("sample", language));
    return EXIT.ok;
  }
  if (!values.out)
    throw new CliFailure(
      EXIT.usage,
      say({ code: "usage-missing-option", params: { option: "out" } }),
    );
  const int = (key: keyof typeof values, fallback: number) =>
    integer(values[key] as string | undefined, fallback, key, say);
  const grid = generateHistory({
    language: pickLanguage(values.language ?? "en-US"),
    planYear: int("plan-year", 2026),
    actualMonths: Math.min(12, int("actual-months", 4)),
    rows: int("rows", 3000),
    seed: int("seed", 20260101),
    messy: !values.clean,
    shape: {
      regions: Math.max(1, Math.min(8, int("regions", 4))),
      products: Math.max(1, int("products", 5)),
      reps: Math.max(1, int("reps", 12)),
      channels: Math.max(1, Math.min(4, int("channels", 3))),
    },
  });
  const ext = path.extname(values.out).toLowerCase();
  await ensureParentFolder(values.out);
  if (ext === ".csv") await writeCsvFile(values.out, gridToCsvRows(grid));
  else if (ext === ".xlsx") {
    // A sample sheet written before is ours to rewrite; any other sheet of the file is kept.
    await writePlanWorkbook([gridSheet(grid, "sample-history")], values.out, {
      replaceSheets: [grid.sheet],
    });
  } else
    throw new CliFailure(
      EXIT.usage,
      say({ code: "usage-sample-out-type", params: { path: values.out } }),
    );
  io.out(
    say({
      code: "summary-sample",
      params: { path: values.out, rows: grid.values.length, sheet: grid.sheet },
    }),
  );
  return EXIT.ok;
}
