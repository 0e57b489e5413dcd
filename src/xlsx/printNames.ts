import type ExcelJS from "exceljs";
import JSZip from "jszip";
import type { PrintSetup } from "../sheets/sheetModel";
import { sheetRef } from "../sheets/cells";
import { xmlText } from "./spreadsheetMl";
import { blockRef } from "./worksheetExtras";

/**
 * What a sheet's print names say: the print area's ranges (`A1:X99`), the rows (`4:4`) and columns
 * (`A:B`) repeated on every page. `index` is the sheet's zero-based place among the workbook's
 * sheets, which the names are local to.
 */
export type PrintNames = {
  sheet: string;
  index: number;
  areas: string[];
  titleRows?: string;
  titleColumns?: string;
};

/**
 * The print names of a sheet model's print setup.
 * @example printNamesOf("Allocation", 1, print) → { sheet: "Allocation", index: 1, areas: ["A1:W40"], titleRows: "4:4" }
 */
export function printNamesOf(sheet: string, index: number, print: PrintSetup): PrintNames {
  return {
    sheet,
    index,
    areas: [blockRef(print.area)],
    titleRows: `${print.titleRows.first + 1}:${print.titleRows.last + 1}`,
  };
}

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
 * The workbook's `<definedName>` elements of print names: `_xlnm.Print_Area` and
 * `_xlnm.Print_Titles`, local to their sheet, the sheet's name quoted (`'O''Brien'!$A$1:$C$9`).
 * @example printNamesXml([{ sheet: "Plan", index: 0, areas: ["A1:C9"] }])
 *   === `<definedName name="_xlnm.Print_Area" localSheetId="0">'Plan'!$A$1:$C$9</definedName>`
 */
export function printNamesXml(names: readonly PrintNames[]): string {
  const parts: string[] = [];
  for (const { sheet, index, areas, titleRows, titleColumns } of names) {
    const quoted = sheetRef(sheet);
    const refs = (list: (string | undefined)[]) =>
      list
        .filter((ref): ref is string => ref !== undefined && ref !== "")
        .map((ref) => `${quoted}!${absoluteRef(ref)}`)
        .join(",");
    const element = (name: string, formula: string) =>
      `<definedName name="${name}" localSheetId="${index}">${xmlText(formula)}</definedName>`;
    if (areas.length > 0) parts.push(element("_xlnm.Print_Area", refs(areas)));
    if (titleRows || titleColumns) {
      parts.push(element("_xlnm.Print_Titles", refs([titleColumns, titleRows])));
    }
  }
  return parts.join("");
}

/**
 * The page setup of a sheet as SpreadsheetML, in the order the worksheet schema wants: the
 * `sheetPr` that turns on fitting (first child of the worksheet), then `pageSetup` (one page wide,
 * any number tall) and `headerFooter` (after `pageMargins`).
 * @example pageSetupXml(print).pageSetup === '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
 */
export function pageSetupXml(print: PrintSetup): {
  sheetPr: string;
  pageSetup: string;
  headerFooter: string;
} {
  return {
    sheetPr: '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    pageSetup: `<pageSetup orientation="${print.orientation}" fitToWidth="1" fitToHeight="0"/>`,
    headerFooter: `<headerFooter><oddFooter>${xmlText(`&C${print.footer}`)}</oddFooter></headerFooter>`,
  };
}

/**
 * Takes the print areas and titles out of every sheet of an ExcelJS workbook, to be written by
 * `withPrintNames` instead: ExcelJS writes them with relative rows (`$A1:$C9`) and does not double
 * an apostrophe in a sheet's name, which Excel repairs and ExcelJS itself cannot read back.
 * `index` is each sheet's place in the order ExcelJS writes them.
 */
export function takePrintNames(workbook: ExcelJS.Workbook): PrintNames[] {
  const names: PrintNames[] = [];
  workbook.worksheets.forEach((sheet, index) => {
    const setup = sheet.pageSetup as Partial<ExcelJS.PageSetup> | undefined;
    if (!setup) return;
    const areas = (setup.printArea ?? "").split("&&").filter((area) => area !== "");
    const titleRows = setup.printTitlesRow || undefined;
    const titleColumns = setup.printTitlesColumn || undefined;
    delete setup.printArea;
    delete setup.printTitlesRow;
    delete setup.printTitlesColumn;
    if (areas.length > 0 || titleRows || titleColumns) {
      names.push({ sheet: sheet.name, index, areas, titleRows, titleColumns });
    }
  });
  return names;
}

/**
 * An .xlsx package with the print names added to its workbook part; every other entry is kept as
 * it was compressed.
 * @example const bytes = await withPrintNames(await workbook.xlsx.writeBuffer(), takenNames, 6);
 */
export async function withPrintNames(
  bytes: Uint8Array,
  names: readonly PrintNames[],
  level: number,
): Promise<Uint8Array> {
  const elements = printNamesXml(names);
  if (elements === "") return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file(WORKBOOK_PART);
  if (!part) throw new Error(`the package has no ${WORKBOOK_PART}`);
  const xml = await part.async("string");
  let edited: string;
  if (xml.includes("</definedNames>")) {
    edited = xml.replace("</definedNames>", `${elements}</definedNames>`);
  } else if (xml.includes("</sheets>")) {
    edited = xml.replace("</sheets>", `</sheets><definedNames>${elements}</definedNames>`);
  } else {
    throw new Error(`${WORKBOOK_PART} has no sheets`);
  }
  zip.file(WORKBOOK_PART, edited);
  return await zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level },
  });
}

const WORKBOOK_PART = "xl/workbook.xml";
