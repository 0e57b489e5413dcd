import { sheetRef } from "../sheets/cells";
import type { PrintSetup } from "../sheets/sheetModel";
import { blockRef, xmlText } from "./spreadsheetMl";

/**
 * A sheet's print names, as formulas without `=`: its print area (`_xlnm.Print_Area`) and the
 * rows or columns repeated on every page (`_xlnm.Print_Titles`). `index` is the sheet's zero-based
 * place among the workbook's sheets, which the names are local to.
 */
export type PrintNames = { index: number; area?: string; titles?: string };

const PRINT_AREA = "_xlnm.Print_Area";
const PRINT_TITLES = "_xlnm.Print_Titles";

/**
 * A reference made absolute, as Excel stores print names.
 * @example absoluteRef("a1:X99") === "$A$1:$X$99"; absoluteRef("4:4") === "$4:$4"
 */
export function absoluteRef(ref: string): string {
  return ref
    .split(":")
    .map((part) => {
      const match = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(part.trim());
      if (!match || (match[1] === "" && match[2] === "")) {
        throw new Error(`not a cell, row or column reference: "${ref}"`);
      }
      const [, column, row] = match;
      return `${column ? `$${column.toUpperCase()}` : ""}${row ? `$${row}` : ""}`;
    })
    .join(":");
}

/**
 * The print names of a sheet model's page setup: every cell, the title rows.
 * @example printNamesOf("O'Brien", 1, print) → { index: 1, area: "'O''Brien'!$A$1:$W$40", titles: "'O''Brien'!$4:$4" }
 */
export function printNamesOf(sheet: string, index: number, print: PrintSetup): PrintNames {
  const quoted = sheetRef(sheet);
  const { first, last } = print.titleRows;
  return {
    index,
    area: `${quoted}!${absoluteRef(blockRef(print.area))}`,
    titles: `${quoted}!${absoluteRef(`${first + 1}:${last + 1}`)}`,
  };
}

/**
 * The workbook's `<definedName>` elements of print names, local to their sheet.
 * @example printNamesXml([{ index: 0, area: "'Plan'!$A$1:$C$9" }])
 *   === `<definedName name="_xlnm.Print_Area" localSheetId="0">'Plan'!$A$1:$C$9</definedName>`
 */
export function printNamesXml(names: readonly PrintNames[]): string {
  const element = (name: string, index: number, formula: string) =>
    `<definedName name="${name}" localSheetId="${index}">${xmlText(formula)}</definedName>`;
  return names
    .flatMap(({ index, area, titles }) => [
      area ? element(PRINT_AREA, index, area) : "",
      titles ? element(PRINT_TITLES, index, titles) : "",
    ])
    .join("");
}
