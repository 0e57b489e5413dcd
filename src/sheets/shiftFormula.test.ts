import fc from "fast-check";
import { shiftFormula } from "./shiftFormula";

describe("formulas moved as Excel fills them", () => {
  it.each([
    ["SUM(B2:B9)*$C$1", 3, 1, "SUM(C5:C12)*$C$1"],
    ["A1+$A1+A$1+$A$1", 1, 1, "B2+$A2+B$1+$A$1"],
    ["'Plan Summary'!C6/Sales!B2", 2, 0, "'Plan Summary'!C8/Sales!B4"],
    ['IF(A2="B2","A1",LOG10(A2))', 1, 0, 'IF(A3="B2","A1",LOG10(A3))'],
    ["SUM(STP_ActionPlan[Target])+A1", 5, 5, "SUM(STP_ActionPlan[Target])+F6"],
    ["SUM(A:A)+SUM(2:3)", 1, 1, "SUM(B:B)+SUM(3:4)"],
    ["SUM($A:$A)+SUM($2:$3)", 4, 4, "SUM($A:$A)+SUM($2:$3)"],
    ["A1-B1", -1, 0, "#REF!-#REF!"],
    ["'O''Brien'!A1+1.5E3", 1, 0, "'O''Brien'!A2+1.5E3"],
    ["XFD1+A1", 0, 1, "#REF!+B1"],
  ])("%s moved by (%i, %i) is %s", (formula, rows, columns, expected) => {
    expect(shiftFormula(formula, rows, columns)).toBe(expected);
  });

  it("moved there and back is the same formula, whatever its references", () => {
    const reference = fc
      .tuple(
        fc.boolean(),
        fc.integer({ min: 0, max: 700 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 5000 }),
      )
      .map(([absC, c, absR, r]) => {
        let letters = "";
        for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
          letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
        return `${absC ? "$" : ""}${letters}${absR ? "$" : ""}${r}`;
      });
    const part = fc.oneof(
      reference,
      reference.map((a) => `SUM(${a})`),
      fc.constantFrom('"A1"', "'Sheet 1'!", "+", "*", "2.5", "Table1[Amount]", "LOG10(2)"),
    );
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 8 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (parts, rows, columns) => {
          const formula = parts.join("");
          expect(shiftFormula(shiftFormula(formula, rows, columns), -rows, -columns)).toBe(formula);
        },
      ),
    );
  });
});
