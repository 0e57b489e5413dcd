import { CellDetailsScanner } from "../../src/xlsx/cellDetailsScanner";
import { GENERAL } from "../../src/xlsx/styleFormats";
import { XmlScanner } from "../../src/xlsx/xmlScanner";

/** A worksheet as Excel saves a column filled down: one shared formula, referred to below it. */
const SHEET = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="2"><c r="K2" s="1"><f t="shared" ref="K2:K4" si="0">SUM(B2:D2)*$A$1</f><v>12</v></c></row>
<row r="3"><c r="K3" s="1"><f t="shared" si="0"/><v>13</v></c><c r="L3" s="2"><v>46112</v></c></row>
<row r="4"><c r="K4" s="1"><f t="shared" si="0"/><v>14</v></c><c r="M4" t="s"><v>0</v></c></row>
<row r="5"><c r="K5"><f>'Plan Summary'!C6/2</f><v>1</v></c></row>
</sheetData></worksheet>`;

describe("the formula and number format of the cells a regeneration keeps", () => {
  it("gives each cell of a filled column its own formula, and a date its format", () => {
    const wanted = [
      { row: 3, column: 10 },
      { row: 2, column: 10 },
      { row: 2, column: 11 },
      { row: 3, column: 12 },
      { row: 4, column: 10 },
      { row: 9, column: 9 },
    ];
    const scanner = new CellDetailsScanner(
      new Set(wanted.map(({ row, column }) => `${row}:${column}`)),
      [GENERAL, { code: "#,##0.00", dated: false }, { code: "yyyy-mm-dd", dated: true }],
    );
    new XmlScanner(scanner).feed(Buffer.from(SHEET));
    expect(scanner.details(wanted)).toEqual([
      { formula: "SUM(B4:D4)*$A$1", numFmt: "#,##0.00" },
      { formula: "SUM(B3:D3)*$A$1", numFmt: "#,##0.00" },
      { numFmt: "yyyy-mm-dd" },
      {},
      { formula: "'Plan Summary'!C6/2" },
      {},
    ]);
  });
});
