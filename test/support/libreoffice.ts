import { execFile } from "node:child_process";
import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { toA1 } from "../../src/engine/address";
import type { SheetModel } from "../../src/sheets/sheetModel";
import { errorText, toGridValue } from "./exceljsCellValue";
import { findSoffice } from "./sofficeAvailable";

/**
 * LibreOffice's user settings for a private profile: recalculate every formula when loading an
 * .xlsx file (`OOXMLRecalcMode` 0 = always). The default keeps the file's cached values, which
 * would make every comparison with the engine pass.
 */
const RECALCULATE_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens an .xlsx file in headless LibreOffice, recalculates every formula and saves the result as
 * .xlsx in a new folder beside the input (removed with the input's folder). Returns its path.
 * Each call uses its own throw-away profile, so calls may run in parallel. Throws when LibreOffice
 * is missing or produced no file (it exits 0 even when a conversion fails).
 * @example const recalculated = await recalculate(path.join(dir, "plan.xlsx"));
 */
export async function recalculate(
  xlsxPath: string,
  options: { timeoutMs?: number } = {},
): Promise<string> {
  return convertWithLibreOffice(xlsxPath, "xlsx", "xlsx", options.timeoutMs ?? 120_000);
}

/**
 * LibreOffice's PDF of an .xlsx file, every visible sheet as it prints (page setup, print areas
 * and titles, headers and footers), saved in a new folder beside the input. Returns its path.
 * @example const pdf = await printToPdf(path.join(dir, "plan.xlsx"));
 */
export async function printToPdf(
  xlsxPath: string,
  options: { timeoutMs?: number } = {},
): Promise<string> {
  return convertWithLibreOffice(xlsxPath, "pdf", "pdf", options.timeoutMs ?? 120_000);
}

async function convertWithLibreOffice(
  xlsxPath: string,
  filter: string,
  extension: string,
  timeoutMs: number,
): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) not found");
  const input = path.resolve(xlsxPath);
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), "stp-lo-profile-"));
  const outDir = await fsp.mkdtemp(path.join(path.dirname(input), `${extension}-`));
  try {
    await fsp.mkdir(path.join(profile, "user"), { recursive: true });
    await fsp.writeFile(
      path.join(profile, "user", "registrymodifications.xcu"),
      RECALCULATE_ALWAYS,
    );
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      filter,
      "--outdir",
      outDir,
      input,
    ];
    const { stdout, stderr } = await run(soffice, args, timeoutMs);
    const output = path.join(outDir, `${path.basename(input, path.extname(input))}.${extension}`);
    const size = await fsp.stat(output).then(
      (stat) => stat.size,
      () => 0,
    );
    if (size === 0) {
      throw new Error(
        `LibreOffice did not convert ${input}\nstdout: ${stdout.trim()}\nstderr: ${stderr.trim()}`,
      );
    }
    return output;
  } finally {
    await fsp.rm(profile, { recursive: true, force: true });
  }
}

function run(
  command: string,
  args: string[],
  timeout: number,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** One disagreement between the engine's sheet models and a spreadsheet engine's recalculation. */
export type Mismatch = {
  sheet: string;
  /** A1 address; `A1` for a missing sheet. */
  cell: string;
  /** The model's value (for an error cell without a formula in the model: its value, if any). */
  expected: string | number | boolean | null;
  /** The recalculated value, an error's text (`#DIV/0!`), or `"(sheet missing)"`. */
  actual: string | number | boolean | null;
  /**
   * `value`: a formula's result differs from the model; `error`: a cell holds an error value;
   * `missing`: the sheet is not in the recalculated file.
   */
  kind: "value" | "error" | "missing";
};

const RELATIVE_TOLERANCE = 1e-9;
const ABSOLUTE_TOLERANCE = 1e-10;

/**
 * Compares every formula cell of the models with the recalculated file's result for it (the
 * cached result LibreOffice wrote, read from `cell.result`): numbers within a relative tolerance
 * of 1e-9 (LibreOffice writes 15 significant digits) plus 1e-10 absolute, text and booleans
 * exactly, blank and empty text alike. Also reports every error value anywhere in those sheets.
 * An empty list means the spreadsheet engine agrees with the plan engine.
 */
export async function compareWithEngine(
  models: readonly SheetModel[],
  recalculatedPath: string,
): Promise<Mismatch[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(recalculatedPath);
  const mismatches: Mismatch[] = [];
  for (const model of models) {
    const sheet = workbook.getWorksheet(model.name);
    if (!sheet) {
      mismatches.push({
        sheet: model.name,
        cell: "A1",
        expected: null,
        actual: "(sheet missing)",
        kind: "missing",
      });
      continue;
    }
    const formulaCells = new Set<string>();
    model.rows.forEach((row, r) => {
      row.forEach((modelCell, c) => {
        if (!modelCell || modelCell.formula === undefined) return;
        const address = toA1(r, c);
        formulaCells.add(address);
        const cell = sheet.getCell(address);
        const error = errorText(cell.value);
        const expected = modelCell.value;
        if (error !== null) {
          if (expected !== error) {
            mismatches.push({
              sheet: model.name,
              cell: address,
              expected,
              actual: error,
              kind: "error",
            });
          }
          return;
        }
        const actual = toGridValue(cell.result as ExcelJS.CellFormulaValue["result"]);
        if (!sameValue(expected, actual)) {
          mismatches.push({ sheet: model.name, cell: address, expected, actual, kind: "value" });
        }
      });
    });
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const error = errorText(cell.value);
        if (error === null || formulaCells.has(cell.address)) return;
        const position = { row: Number(cell.row) - 1, column: Number(cell.col) - 1 };
        const expected = model.rows[position.row]?.[position.column]?.value ?? null;
        mismatches.push({
          sheet: model.name,
          cell: cell.address,
          expected,
          actual: error,
          kind: "error",
        });
      });
    });
  }
  return mismatches;
}

/**
 * Sheet models rebuilt from a written .xlsx file: every formula cell with its cached result as
 * the value. The plan writer stores the engine's value as that result, so comparing these with a
 * recalculation checks a workbook written by any route (the CLI, say) against the engine.
 * Only the named sheets when `sheetNames` is given; hidden sheets included.
 */
export async function modelsFromFile(
  xlsxPath: string,
  sheetNames?: readonly string[],
): Promise<SheetModel[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheets = workbook.worksheets.filter(
    (sheet) => !sheetNames || sheetNames.includes(sheet.name),
  );
  return sheets.map((sheet) => {
    const rows: SheetModel["rows"] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        const formula = cell.formula;
        if (!formula) return;
        const cells = (rows[rowNumber - 1] ??= []);
        const error = errorText(cell.value);
        const value = error ?? toGridValue(cell.result as ExcelJS.CellFormulaValue["result"]);
        cells[columnNumber - 1] = { value, formula };
      });
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return { name: sheet.name, kind: "file", rows, state: sheet.state };
  });
}

/**
 * Recalculates a written plan workbook in LibreOffice and lists every formula whose result
 * differs from the value the writer cached (the engine's), plus every error cell.
 * @example expect(await checkWrittenWorkbook("out.xlsx")).toEqual([])
 */
export async function checkWrittenWorkbook(
  xlsxPath: string,
  sheetNames?: readonly string[],
): Promise<{ mismatches: Mismatch[]; formulaCount: number }> {
  const models = await modelsFromFile(xlsxPath, sheetNames);
  const formulaCount = models.reduce(
    (sum, model) => sum + model.rows.reduce((n, row) => n + row.filter(Boolean).length, 0),
    0,
  );
  const recalculated = await recalculate(xlsxPath);
  return { mismatches: await compareWithEngine(models, recalculated), formulaCount };
}

function sameValue(
  expected: string | number | boolean | null,
  actual: string | number | boolean | null,
): boolean {
  const blank = (value: unknown) => value === null || value === "";
  if (blank(expected) || blank(actual)) return blank(expected) && blank(actual);
  if (typeof expected === "number" && typeof actual === "number") {
    const tolerance = RELATIVE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
    return Math.abs(expected - actual) <= tolerance + ABSOLUTE_TOLERANCE;
  }
  return expected === actual;
}
