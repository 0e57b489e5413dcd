import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { SheetModel } from "../../src/sheets/sheetModel";
import { writePlanWorkbook } from "../../src/xlsx/writeWorkbook";
import { compareWithEngine, recalculate } from "../support/libreoffice";
import { describeWithLibreOffice } from "../support/sofficeAvailable";

const HYPERLINK_TEXT = '=HYPERLINK("http://example.com","x")';

/** Formulas whose values the engine got right. */
const rightModel: SheetModel = {
  name: "Plan",
  kind: "allocation",
  rows: [
    [{ value: "Rep" }, { value: "Jan" }, { value: "Feb" }, { value: "Annual" }, { value: "Share" }],
    [
      { value: "Ann" },
      { value: 6600 },
      { value: 5300 },
      { value: 11900, formula: "SUM(B2:C2)" },
      { value: 11900 / 17900, formula: "D2/D4", numFmt: "0.0%" },
    ],
    [
      { value: "Bo" },
      { value: 3300 },
      { value: 2700 },
      { value: 6000, formula: "SUM(B3:C3)" },
      { value: 6000 / 17900, formula: "D3/D4", numFmt: "0.0%" },
    ],
    [
      { value: "Total", style: "total" },
      { value: 9900, formula: "SUM(B2:B3)" },
      { value: 8000, formula: "SUM(C2:C3)" },
      { value: 17900, formula: "SUM(D2:D3)" },
      { value: 1, formula: "SUM(E2:E3)", numFmt: "0.0%" },
    ],
    [
      { value: HYPERLINK_TEXT },
      { value: "Ann: 6600", formula: 'A2&": "&B2' },
      { value: null, formula: 'IF(B2>0,"","low")' },
      { value: true, formula: "D4=B4+C4" },
    ],
  ],
};

/** Deliberately wrong: the harness must catch these, or it proves nothing. */
const wrongModel: SheetModel = {
  name: "Wrong",
  kind: "check",
  rows: [
    [{ value: 3 }, { value: 0, formula: "1/0" }, { value: 6, formula: "A1*2" }],
    [{ value: 4 }, { value: "ok", formula: 'IF(A1>5,"ok","no")' }],
    [{ value: 10, formula: "SUM(A1:A2)" }],
  ],
};

describeWithLibreOffice("LibreOffice recalculation of a written plan", () => {
  let dir: string;
  let recalculated: string;

  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), "stp-lo-"));
    const file = path.join(dir, "plan.xlsx");
    await writePlanWorkbook([rightModel, wrongModel], file);
    recalculated = await recalculate(file);
  });

  afterAll(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  test("right formulas: no mismatch", async () => {
    expect(await compareWithEngine([rightModel], recalculated)).toEqual([]);
  });

  test("wrong values and error results are reported", async () => {
    const mismatches = await compareWithEngine([wrongModel], recalculated);
    expect(mismatches).toEqual([
      { sheet: "Wrong", cell: "B1", expected: 0, actual: "#DIV/0!", kind: "error" },
      { sheet: "Wrong", cell: "B2", expected: "ok", actual: "no", kind: "value" },
      { sheet: "Wrong", cell: "A3", expected: 10, actual: 7, kind: "value" },
    ]);
  });

  test("a missing sheet is reported", async () => {
    const missing: SheetModel = { name: "Gone", kind: "x", rows: [] };
    expect(await compareWithEngine([missing], recalculated)).toEqual([
      { sheet: "Gone", cell: "A1", expected: null, actual: "(sheet missing)", kind: "missing" },
    ]);
  });

  test("text that looks like a formula is still text after recalculation", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(recalculated);
    const cell = workbook.getWorksheet("Plan")!.getCell("A5");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(HYPERLINK_TEXT);
  });
});
