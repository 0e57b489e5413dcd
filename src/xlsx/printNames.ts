import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { sheetRef } from "../sheets/cells";
import type { PrintSetup } from "../sheets/sheetModel";
import { xmlText } from "./spreadsheetMl";
import { blockRef } from "./worksheetExtras";

/**
 * A sheet's print names, as formulas without `=`: its print area (`_xlnm.Print_Area`) and the
 * rows or columns repeated on every page (`_xlnm.Print_Titles`). `index` is the sheet's zero-based
 * place among the workbook's sheets, which the names are local to.
 */
export type PrintNames = { index: number; area?: string; titles?: string };

/** The print names a sheet has in a workbook, by the sheet's name (as Excel compares them). */
export type PrintNamesBySheet = Map<string, Omit<PrintNames, "index">>;

const PRINT_AREA = "_xlnm.Print_Area";
const PRINT_TITLES = "_xlnm.Print_Titles";
const WORKBOOK_PART = "xl/workbook.xml";

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

const ENTITIES: Record<string, string> = { amp: "&", apos: "'", quot: '"', lt: "<", gt: ">" };

function xmlValue(text: string): string {
  return text.replace(
    /&(?:(amp|apos|quot|lt|gt)|#(\d+)|#x([0-9a-fA-F]+));/g,
    (_, name, dec, hex) =>
      name ? ENTITIES[name as string] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)),
  );
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? xmlValue(match[1] ?? match[2]) : undefined;
}

/**
 * The print names of every sheet of an .xlsx package, exactly as its workbook part holds them:
 * ExcelJS reads only a simple print area back (whole columns or one cell it garbles), so the
 * names of the sheets a regeneration keeps are taken from the file itself.
 * @example (await readPrintNames(bytes)).get("MY NOTES") → { area: "'My notes'!$A:$D" }
 */
export async function readPrintNames(bytes: Uint8Array): Promise<PrintNamesBySheet> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file(WORKBOOK_PART)?.async("string")) ?? "";
  const sheets = [...xml.matchAll(/<(?:\w+:)?sheet\s([^>]*?)\/?>/g)].map(
    (match) => attribute(match[1], "name") ?? "",
  );
  const names: PrintNamesBySheet = new Map();
  for (const match of xml.matchAll(/<(?:\w+:)?definedName\s([^>]*)>([^<]*)</g)) {
    const name = attribute(match[1], "name");
    const sheet = sheets[Number(attribute(match[1], "localSheetId"))];
    if (sheet === undefined || (name !== PRINT_AREA && name !== PRINT_TITLES)) continue;
    const key = foldedName(sheet);
    const entry = names.get(key) ?? {};
    entry[name === PRINT_AREA ? "area" : "titles"] = xmlValue(match[2]);
    names.set(key, entry);
  }
  return names;
}

/** Excel compares sheet names without regard to case. */
export function foldedName(name: string): string {
  return name.toLocaleUpperCase("en-US");
}

/**
 * Takes the print areas and titles off every sheet of an ExcelJS workbook, which would write them
 * with relative rows (`$A1:$C9`) and an apostrophe in a sheet's name not doubled — names Excel
 * repairs and ExcelJS itself cannot read back. `withPrintNames` writes them instead.
 */
export function clearPrintNames(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    const setup = sheet.pageSetup as Partial<ExcelJS.PageSetup> | undefined;
    if (!setup) continue;
    delete setup.printArea;
    delete setup.printTitlesRow;
    delete setup.printTitlesColumn;
  }
}

/**
 * An .xlsx package with print names added to its workbook part; every other entry is kept as it
 * was compressed.
 * @example const bytes = await withPrintNames(await workbook.xlsx.writeBuffer(), names, 6);
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
