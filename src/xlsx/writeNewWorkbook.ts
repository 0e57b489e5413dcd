import { columnLetters, toA1 } from "../engine/address";
import {
  sheetOf,
  type SheetCell,
  type SheetModel,
  type SheetSource,
  type TableSpec,
} from "../sheets/sheetModel";
import { printNamesOf, printNamesXml, type PrintNames } from "./printNames";
import {
  blockRef,
  pageSetupXml,
  StyleSheet,
  textElement,
  xmlContent,
  xmlText,
} from "./spreadsheetMl";
import { ZipArchive } from "./zipArchive";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Column width Excel gives a column nobody sized. */
const DEFAULT_WIDTH = 9.140625;

/** Checks a model cell before it is written; throws the writer's error naming the cell. */
export type CellCheck = (cell: SheetCell, sheet: string, row: number, column: number) => void;

/**
 * A new .xlsx workbook holding the models in order, as SpreadsheetML written directly: shared
 * strings, one cell format per distinct look, Excel tables, conditional formats, dropdowns,
 * hidden rows and columns, frozen panes, column widths and page setup (orientation, one page wide,
 * the footer; print areas and titles as the workbook's names). Formula cells carry the engine's value
 * as their cached result and the workbook asks for a full recalculation on load; strings are
 * always text. Models marked `keepExisting` have no sheet to keep in a new file and are skipped.
 * A lazy sheet is built when its turn comes and let go once written, and each sheet's XML is
 * compressed as it is produced (at the level `level` gives for it), so memory stays near the
 * largest sheet's own size.
 * @example const bytes = await newWorkbookBytes(models, { level: () => 6, check });
 */
export async function newWorkbookBytes(
  models: readonly SheetSource[],
  options: {
    level: (model: SheetModel) => number;
    check: CellCheck;
    creator: string;
    created: Date;
  },
): Promise<Buffer> {
  const sheets = models.filter((model) => !model.keepExisting);
  const zip = new ZipArchive(6);
  const styles = new StyleSheet();
  const strings = new SharedStrings();
  const context: SheetContext = { styles, strings, check: options.check, styleAttributes: [] };
  const activeTab = Math.max(
    0,
    sheets.findIndex((model) => (model.state ?? "visible") === "visible"),
  );
  let tableId = 0;
  const tableParts: string[] = [];
  const printNames: PrintNames[] = [];
  for (let i = 0; i < sheets.length; i++) {
    const model = sheetOf(sheets[i]);
    if (model.print) printNames.push(printNamesOf(model.name, i, model.print));
    const tables = (model.tables ?? []).map((spec) => ({ spec, id: ++tableId }));
    await zip.addEntry(
      `xl/worksheets/sheet${i + 1}.xml`,
      (write) => writeSheetXml(model, i === activeTab, tables, context, write),
      options.level(model),
    );
    if (tables.length > 0) {
      const rels = tables
        .map(
          ({ id }, k) =>
            `<Relationship Id="rId${k + 1}" Type="${REL_NS}/table" Target="../tables/table${id}.xml"/>`,
        )
        .join("");
      await zip.addText(
        `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">${rels}</Relationships>`,
      );
      for (const { spec, id } of tables) {
        await zip.addText(`xl/tables/table${id}.xml`, tableXml(model, spec, id));
        tableParts.push(`xl/tables/table${id}.xml`);
      }
    }
  }
  await zip.addText("xl/sharedStrings.xml", strings.toXml());
  await zip.addText("xl/styles.xml", styles.toXml());
  await zip.addText("xl/workbook.xml", workbookXml(sheets, activeTab, printNames));
  await zip.addText("xl/_rels/workbook.xml.rels", workbookRelsXml(sheets.length));
  await zip.addText("docProps/core.xml", coreXml(options.creator, options.created));
  await zip.addText("docProps/app.xml", appXml());
  await zip.addText("_rels/.rels", rootRelsXml());
  await zip.addText("[Content_Types].xml", contentTypesXml(sheets.length, tableParts));
  return await zip.finish();
}

/**
 * Text cells' strings, each stored once. With `base` (the strings an existing part holds), ids
 * follow that part's own and `appendTo` adds the new strings to it.
 */
export class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly items: string[] = [];
  private uses = 0;

  constructor(private readonly base = 0) {}

  idOf(text: string): number {
    this.uses++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.base + this.items.length;
      this.items.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  /** An existing shared strings part (the one `base` counted) with the new strings appended. */
  appendTo(xml: string): string {
    const close = xml.lastIndexOf("</sst>");
    if (close < 0) throw new Error("shared strings part: no <sst> element");
    const items = this.items.map((text) => `<si>${textElement(text)}</si>`).join("");
    const head = /<sst\b[^>]*>/.exec(xml);
    if (!head) throw new Error("shared strings part: no <sst> element");
    const count = Number(/\scount="(\d+)"/.exec(head[0])?.[1] ?? this.base);
    const tag = head[0]
      .replace(/\s(count|uniqueCount)="\d*"/g, "")
      .replace(
        />$/,
        ` count="${count + this.uses}" uniqueCount="${this.base + this.items.length}">`,
      );
    return (
      xml.slice(0, head.index) +
      tag +
      xml.slice(head.index + head[0].length, close) +
      items +
      xml.slice(close)
    );
  }

  toXml(): string {
    const items = this.items.map((text) => `<si>${textElement(text)}</si>`).join("");
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.items.length}">${items}</sst>`;
  }
}

/** What writing sheet parts shares across sheets: styles, strings (null: text written inline). */
export type SheetContext = {
  styles: StyleSheet;
  strings: SharedStrings | null;
  check: CellCheck;
  /** ` s="N"` by cell format index, made once each. */
  styleAttributes: string[];
};

/**
 * Writes a worksheet part for a model, row by row through `write`: the same part whether the sheet
 * goes into a new workbook or into an existing package (then `context.styles` appends to its styles).
 * @example await zip.addEntry("xl/worksheets/sheet1.xml", (write) => writeSheetXml(model, true, [], context, write));
 */
export async function writeSheetXml(
  model: SheetModel,
  selected: boolean,
  tables: { spec: TableSpec; id: number }[],
  context: SheetContext,
  write: (text: string) => Promise<void> | void,
): Promise<void> {
  const { styles, check } = context;
  const width = model.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const dimension =
    model.rows.length > 0 && width > 0 ? `A1:${toA1(model.rows.length - 1, width - 1)}` : "A1";
  const page = model.print ? pageSetupXml(model.print) : null;
  await write(
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${page?.sheetPr ?? ""}<dimension ref="${dimension}"/>${sheetViewsXml(model, selected)}<sheetFormatPr defaultRowHeight="15"/>${colsXml(model)}<sheetData>`,
  );
  const hiddenRows = new Set(model.hiddenRows ?? []);
  const lastHidden = hiddenRows.size > 0 ? Math.max(...hiddenRows) : -1;
  const rowCount = Math.max(model.rows.length, lastHidden + 1);
  const keyColumn = model.userRows?.keyColumn ?? -1;
  const signatureColumn = model.userRows?.signatureColumn ?? -1;
  const rowSignatures = model.rowSignatures ?? -1;
  // Column letters once per column, not once per cell.
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  // Each row's XML is gathered as pieces and joined once: no string is built cell by cell.
  const parts: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const row = model.rows[r] ?? [];
    const hidden = hiddenRows.has(r);
    const rowNumber = String(r + 1);
    parts.length = 0;
    parts.push('<row r="', rowNumber, hidden ? '" hidden="1">' : '">');
    const empty = parts.length;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      check(cell, model.name, r, c);
      cellXml(
        parts,
        cell,
        letters[c],
        rowNumber,
        context,
        c === keyColumn || c === signatureColumn || c === rowSignatures,
      );
    }
    if (parts.length === empty && !hidden) continue;
    parts.push("</row>");
    const result = write(parts.join(""));
    if (result) await result;
  }
  await write("</sheetData>");
  await write(conditionalFormatsXml(model, styles));
  await write(validationsXml(model));
  await write(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  );
  if (page) await write(page.pageSetup + page.headerFooter);
  if (tables.length > 0) {
    const parts = tables.map((_, k) => `<tablePart r:id="rId${k + 1}"/>`).join("");
    await write(`<tableParts count="${tables.length}">${parts}</tableParts>`);
  }
  await write("</worksheet>");
}

/**
 * Appends a cell's XML to `parts`. Text goes to the shared strings, except in `inline` columns (row
 * keys and signatures: one distinct text per row, which sharing would only make the workbook hold
 * twice). Every cell is written inline when the context has no shared strings.
 * @example cellXml(parts, { value: 3 }, "B", "2", context, false) // parts gain <c r="B2"><v>3</v></c>
 */
export function cellXml(
  parts: string[],
  cell: SheetCell,
  column: string,
  rowNumber: string,
  { styles, strings, styleAttributes }: SheetContext,
  inline: boolean,
): void {
  const xf = cell.style || cell.numFmt ? styles.xfOf(cell) : 0;
  const s = xf ? (styleAttributes[xf] ??= ` s="${xf}"`) : "";
  const value = cell.value;
  if (cell.formula !== undefined) {
    const expression = xmlContent(
      cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula,
    );
    parts.push('<c r="', column, rowNumber, '"', s);
    if (value === null) parts.push("><f>", expression, "</f></c>");
    else if (typeof value === "number")
      parts.push("><f>", expression, "</f><v>", numberText(value), "</v></c>");
    else if (typeof value === "boolean")
      parts.push(' t="b"><f>', expression, "</f><v>", value ? "1" : "0", "</v></c>");
    else parts.push(' t="str"><f>', expression, "</f><v>", xmlContent(value), "</v></c>");
    return;
  }
  if (value === null) {
    if (xf) parts.push('<c r="', column, rowNumber, '"', s, "/>");
    return;
  }
  parts.push('<c r="', column, rowNumber, '"', s);
  if (typeof value === "number") parts.push("><v>", numberText(value), "</v></c>");
  else if (typeof value === "boolean") parts.push(' t="b"><v>', value ? "1" : "0", "</v></c>");
  else if (inline || strings === null)
    parts.push(' t="inlineStr"><is>', textElement(value), "</is></c>");
  else parts.push(' t="s"><v>', String(strings.idOf(value)), "</v></c>");
}

/** A finite number as SpreadsheetML writes it (`-0` as `0`). */
function numberText(value: number): string {
  return value === 0 ? "0" : String(value);
}

function sheetViewsXml(model: SheetModel, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : "";
  const freeze = model.freeze;
  if (!freeze || (freeze.rows <= 0 && freeze.columns <= 0)) {
    return `<sheetViews><sheetView${tab} workbookViewId="0"/></sheetViews>`;
  }
  const pane =
    freeze.rows > 0 && freeze.columns > 0
      ? "bottomRight"
      : freeze.rows > 0
        ? "bottomLeft"
        : "topRight";
  const split = [
    freeze.columns > 0 ? ` xSplit="${freeze.columns}"` : "",
    freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : "",
  ].join("");
  const topLeft = toA1(Math.max(0, freeze.rows), Math.max(0, freeze.columns));
  return `<sheetViews><sheetView${tab} workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`;
}

function colsXml(model: SheetModel): string {
  const widths = model.columnWidths ?? [];
  const hidden = new Set(model.hiddenColumns ?? []);
  const last = Math.max(widths.length - 1, ...hidden);
  const cols: string[] = [];
  for (let c = 0; c <= last; c++) {
    const width = widths[c];
    const sized = typeof width === "number" && width > 0;
    if (!sized && !hidden.has(c)) continue;
    const attributes = [
      `min="${c + 1}" max="${c + 1}" width="${sized ? width : DEFAULT_WIDTH}"`,
      hidden.has(c) ? ' hidden="1"' : "",
      sized ? ' customWidth="1"' : "",
    ].join("");
    cols.push(`<col ${attributes}/>`);
  }
  return cols.length > 0 ? `<cols>${cols.join("")}</cols>` : "";
}

function conditionalFormatsXml(model: SheetModel, styles: StyleSheet): string {
  let priority = 1;
  return (model.conditionalFormats ?? [])
    .map((format) => {
      const formulas = format.bounds.map((f) => `<formula>${xmlContent(f)}</formula>`).join("");
      const dxf = styles.dxfOf(format.tone);
      const rule =
        format.operator === "expression"
          ? `<cfRule type="expression" dxfId="${dxf}" priority="${priority++}">${formulas}</cfRule>`
          : `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority++}" operator="${format.operator}">${formulas}</cfRule>`;
      return `<conditionalFormatting sqref="${blockRef(format.block)}">${rule}</conditionalFormatting>`;
    })
    .join("");
}

function validationsXml(model: SheetModel): string {
  const validations = model.validations ?? [];
  if (validations.length === 0) return "";
  const items = validations.map((validation) => {
    const list = `"${validation.values.map((v) => v.replace(/"/g, '""')).join(",")}"`;
    return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${blockRef(validation.block)}"><formula1>${xmlContent(list)}</formula1></dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

/**
 * An Excel table part over a block whose first row holds the column names.
 * @example tableXml(model, { name: "STP_ActionPlan", style: "TableStyleLight9", block }, 3)
 */
export function tableXml(model: SheetModel, spec: TableSpec, id: number): string {
  const ref = blockRef(spec.block);
  const header = model.rows[spec.block.firstRow] ?? [];
  const columns: string[] = [];
  for (let c = spec.block.firstColumn; c <= spec.block.lastColumn; c++) {
    const text = header[c]?.value;
    const name = typeof text === "string" && text !== "" ? text : columnLetters(c);
    columns.push(`<tableColumn id="${columns.length + 1}" name="${xmlText(name)}"/>`);
  }
  const name = xmlText(spec.name);
  return `${XML_HEAD}<table xmlns="${MAIN_NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${columns.join("")}</tableColumns><tableStyleInfo name="${xmlText(spec.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

function workbookXml(
  sheets: readonly SheetSource[],
  activeTab: number,
  printNames: readonly PrintNames[],
): string {
  const entries = sheets
    .map((model, i) => {
      const state = model.state && model.state !== "visible" ? ` state="${model.state}"` : "";
      return `<sheet name="${xmlText(model.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`;
    })
    .join("");
  const names = printNamesXml(printNames);
  const definedNames = names ? `<definedNames>${names}</definedNames>` : "";
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView activeTab="${activeTab}"/></bookViews><sheets>${entries}</sheets>${definedNames}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`;
}

function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("");
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">${sheets}<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${sheetCount + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
}

function rootRelsXml(): string {
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
}

function coreXml(creator: string, created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, "Z");
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xmlText(creator)}</dc:creator><cp:lastModifiedBy>${xmlText(creator)}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

function appXml(): string {
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application></Properties>`;
}

function contentTypesXml(sheetCount: number, tableParts: readonly string[]): string {
  const ct = "application/vnd.openxmlformats-officedocument";
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  const tables = tableParts
    .map((part) => `<Override PartName="/${part}" ContentType="${ct}.spreadsheetml.table+xml"/>`)
    .join("");
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>${sheets}${tables}<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${ct}.extended-properties+xml"/></Types>`;
}
