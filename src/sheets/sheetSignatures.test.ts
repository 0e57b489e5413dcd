import type { CellValue } from "../engine/grid";
import { markOf, markText } from "./generatedMark";
import type { SheetCell, SheetModel } from "./sheetModel";
import {
  parseRowSignature,
  rowSignatureText,
  signedFormulaCells,
  signRows,
  typedOverInRow,
  typedOverOnSheet,
  valueFingerprint,
} from "./sheetSignatures";

const value = (v: CellValue): SheetCell => ({ value: v });
const sum = (expression: string, result: number): SheetCell => ({
  value: result,
  formula: expression,
});

/** A row as a port reads it back: values by column, formulas where `formulas` says. */
function seen(
  values: readonly CellValue[],
  formulas: readonly number[] = [],
): [(c: number) => CellValue, (c: number) => boolean] {
  return [(c) => values[c] ?? null, (c) => formulas.includes(c)];
}

describe("rowSignatureText", () => {
  it("names its runs of columns and gives each cell a token: blank, formula or fingerprint", () => {
    expect(rowSignatureText([value("Total"), sum("SUM(B2:B4)", 5), null, { value: null }])).toBe(
      `0:${valueFingerprint("Total")}=,3:.`,
    );
    expect(rowSignatureText([null, null])).toBe("");
    expect(parseRowSignature(`0:${valueFingerprint("Total")}=,3:.`)).toEqual([
      { column: 0, token: valueFingerprint("Total") },
      { column: 1, token: "=" },
      { column: 3, token: "." },
    ]);
  });

  it("reads no signature out of other text", () => {
    for (const text of [
      "",
      "ask finance",
      "0:",
      "x:abc",
      "0:ab",
      "0:ab!",
      "-1:abc",
      "0:abc,",
      ",0:abc",
      5,
      true,
      null,
    ])
      expect(parseRowSignature(text)).toBeNull();
  });
});

describe("typedOverInRow", () => {
  const cells = [value("East"), value(6525305.25), value(0.1234567890123), sum("SUM(B1:C1)", 9)];
  const signature = rowSignatureText(cells);

  it("finds nothing in the row as written, nor as tools save it again", () => {
    expect(
      typedOverInRow(signature, ...seen(["East", 6525305.25, 0.1234567890123, 9], [3])),
    ).toEqual([]);
    // 15 significant digits (what some tools write), a recalculated formula with another result,
    // a formula saved without its result.
    expect(
      typedOverInRow(signature, ...seen(["East", 6525305.250000001, 0.123456789012, 11], [3])),
    ).toEqual([]);
    expect(
      typedOverInRow(signature, ...seen(["East", 6525305.25, 0.1234567890123, null], [3])),
    ).toEqual([]);
  });

  it("finds a value changed, cleared or typed into a blank cell of the plan's, and a formula typed over even with its own result", () => {
    expect(typedOverInRow(signature, ...seen(["East", 400000, 0.1234567890123, 9], [3]))).toEqual([
      1,
    ]);
    expect(typedOverInRow(signature, ...seen([null, 6525305.25, 0.1234567890123, 9], [3]))).toEqual(
      [0],
    );
    expect(typedOverInRow(signature, ...seen(["East", 6525305.25, 0.1234567890123, 9]))).toEqual([
      3,
    ]);
    // A formula typed where the plan wrote a value is typed over too.
    expect(
      typedOverInRow(signature, ...seen(["East", 6525305.25, 0.1234567890123, 9], [1, 3])),
    ).toEqual([1]);
    const withBlank = rowSignatureText([value("Q1"), { value: null, style: "total" }]);
    expect(typedOverInRow(withBlank, ...seen(["Q1", "see note"]))).toEqual([1]);
    expect(typedOverInRow(withBlank, ...seen(["Q1", null]))).toEqual([]);
  });

  it("tells nothing for a row without a signature", () => {
    expect(typedOverInRow(null, ...seen([1, 2]))).toEqual([]);
    expect(typedOverInRow("my own note", ...seen([1, 2]))).toEqual([]);
  });
});

describe("signRows", () => {
  const model: SheetModel = {
    name: "Plan Summary",
    kind: "summary",
    rows: [
      [value("Sales plan 2026"), null, value(markText({ kind: "summary" }))],
      [],
      [value("Target"), sum("SUM(B5:B6)", 3)],
      [value("Note kept for the user")],
    ],
  };

  it("signs each row holding cells of the plan's in the mark's hidden column, the first row in the mark itself, leaving out the user's cells", () => {
    const signed = signRows({ ...model, hiddenColumns: [2] }, (row) => row === 3);
    expect(signed.column).toBe(2);
    expect(signed.model.hiddenColumns).toEqual([2]);
    expect(signed.model.rowSignatures).toBe(2);
    const rows = signed.model.rows;
    // Nothing stands right of the mark in its row; the mark still says what the sheet is.
    expect(rows[0]).toHaveLength(3);
    const mark = rows[0][2]?.value as string;
    expect(markOf([[mark]])).toEqual({ kind: "summary" });
    expect(parseRowSignature(mark)).toEqual([
      { column: 0, token: valueFingerprint("Sales plan 2026") },
    ]);
    expect(rows[1]).toEqual([]);
    expect(rows[2][2]?.value).toBe(`0:${valueFingerprint("Target")}=`);
    expect(rows[3]).toEqual([value("Note kept for the user")]);
    // The model itself is left as it was.
    expect(model.rows[0][2]?.value).toBe(markText({ kind: "summary" }));
    // Without a mark, the signatures stand right of everything.
    const unmarked = signRows({ ...model, rows: model.rows.slice(1) });
    expect(unmarked.column).toBe(2);
    expect(unmarked.model.hiddenColumns).toEqual([2]);
  });

  it("leaves the keyed rows of a table to their own signatures, and signs nothing on a kept sheet", () => {
    const keyed: SheetModel = {
      name: "Action Plan",
      kind: "action-plan",
      rows: [
        [value("Action plan")],
        [value("period"), value("__key")],
        [value("Period"), value("Key")],
        [value("2026-01"), value('["Ann","2026-01"]')],
        [],
        [value("2026-02"), value('["Bo","2026-02"]')],
        [value("Rows no longer in the plan")],
      ],
      userRows: {
        idRow: 1,
        headerRow: 2,
        firstRow: 3,
        lastRow: 3,
        keyColumn: 1,
        signatureColumn: 2,
        userColumns: [],
        generatedColumns: [0],
      },
    };
    const signed = signRows(keyed);
    const signedRows = signed.model.rows.flatMap((row, r) =>
      row[signed.column!] === undefined ? [] : [r],
    );
    expect(signedRows).toEqual([0, 6]);
    expect(signRows({ ...model, keepExisting: true })).toEqual({
      model: { ...model, keepExisting: true },
      column: null,
    });
  });

  it("a sheet signed and read back: typed-over cells found by the signatures alone", () => {
    const signed = signRows(model);
    const values: CellValue[][] = signed.model.rows.map((row) => row.map((c) => c?.value ?? null));
    values[2][1] = 3; // the formula's result, still a formula
    const formulas = new Set(["2:1"]);
    expect(signedFormulaCells(values, signed.column!)).toEqual([{ row: 2, column: 1 }]);
    expect(typedOverOnSheet(values, signed.column!, (r, c) => formulas.has(`${r}:${c}`))).toEqual(
      [],
    );
    values[0][0] = "My plan";
    formulas.clear();
    expect(typedOverOnSheet(values, signed.column!, (r, c) => formulas.has(`${r}:${c}`))).toEqual([
      { row: 0, column: 0, value: "My plan" },
      { row: 2, column: 1, value: 3 },
    ]);
  });
});
