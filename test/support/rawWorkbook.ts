import JSZip from "jszip";

/** One worksheet as its XML says it: the rows inside `<sheetData>`, and what follows it. */
export type RawSheet = {
  name: string;
  /** `<row>` elements, written as given. */
  rows: string;
  /** Elements after `<sheetData>`, e.g. `<mergeCells count="1"><mergeCell ref="B3:B5"/></mergeCells>`. */
  after?: string;
  /** `<dimension ref>`, when the file should declare one. */
  dimension?: string;
};

/**
 * A row of cells in SpreadsheetML: numbers as numbers, strings inline, `{ xml }` as given (a
 * formula cell, say).
 * @example rowXml(2, ["2025-01-05", 6]) → '<row r="2"><c r="A2" t="inlineStr"><is><t>2025-01-05</t></is></c><c r="B2"><v>6</v></c></row>'
 */
export function rowXml(row: number, cells: (string | number | null | { xml: string })[]): string {
  const parts = cells.map((cell, i) => {
    const ref = `${String.fromCharCode(65 + i)}${row}`;
    if (cell === null) return "";
    if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`;
    if (typeof cell === "string") {
      const text = cell.replace(/&/g, "&amp;").replace(/</g, "&lt;");
      return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    }
    return cell.xml.replace(/\{ref\}/g, ref);
  });
  return `<row r="${row}">${parts.join("")}</row>`;
}

/**
 * The bytes of an .xlsx package written part by part, as programs other than Excel write them
 * (formulas without saved values, far cells, declared dimensions), with the given compression.
 * @example await fsp.writeFile(file, await rawXlsx([{ name: "Sales", rows: rowXml(1, ["Date"]) }]))
 */
export async function rawXlsx(
  sheets: RawSheet[],
  compression: "DEFLATE" | "STORE" = "DEFLATE",
): Promise<Buffer> {
  const zip = new JSZip();
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("") +
      "</Types>",
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      "</Relationships>",
  );
  zip.file(
    "xl/workbook.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      sheets
        .map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("") +
      "</sheets></workbook>",
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      "</Relationships>",
  );
  sheets.forEach((sheet, i) => {
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        (sheet.dimension ? `<dimension ref="${sheet.dimension}"/>` : "") +
        `<sheetData>${sheet.rows}</sheetData>${sheet.after ?? ""}</worksheet>`,
    );
  });
  return zip.generateAsync({ type: "nodebuffer", compression });
}
