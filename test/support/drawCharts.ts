import { promises as fsp } from "node:fs";
import JSZip from "jszip";

const DRAWING_NS =
  'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const frame = (id: number, name: string) =>
  `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${name}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId${id}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;

/**
 * Draws charts the way Excel saves them: a drawing on the sheet in part `sheetN.xml`, holding
 * one graphic frame per name, each showing a chart part with its style and colours.
 */
export async function drawCharts(
  file: string,
  sheetN: number,
  names: string[],
  extra = "",
): Promise<void> {
  const zip = await JSZip.loadAsync(await fsp.readFile(file));
  const drawing = `drawing${sheetN}`;
  zip.file(
    `xl/drawings/${drawing}.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr ${DRAWING_NS}>${names.map((n, i) => frame(i + 1, n)).join("")}${extra}</xdr:wsDr>`,
  );
  zip.file(
    `xl/drawings/_rels/${drawing}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/chart" Target="../charts/chart${sheetN}${i}.xml"/>`).join("")}</Relationships>`,
  );
  names.forEach((_, i) => {
    zip.file(`xl/charts/chart${sheetN}${i}.xml`, "<c:chartSpace/>");
    zip.file(
      `xl/charts/_rels/chart${sheetN}${i}.xml.rels`,
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style${sheetN}${i}.xml"/><Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/chartColorStyle" Target="colors${sheetN}${i}.xml"/></Relationships>`,
    );
    zip.file(`xl/charts/style${sheetN}${i}.xml`, "<cs:chartStyle/>");
    zip.file(`xl/charts/colors${sheetN}${i}.xml`, "<cs:colorStyle/>");
  });
  const relsName = `xl/worksheets/_rels/sheet${sheetN}.xml.rels`;
  const rels =
    (await zip.file(relsName)?.async("string")) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    relsName,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdDrawing" Type="${REL}/drawing" Target="../drawings/${drawing}.xml"/></Relationships>`,
    ),
  );
  const sheetName = `xl/worksheets/sheet${sheetN}.xml`;
  const sheetXml = await zip.file(sheetName)!.async("string");
  zip.file(sheetName, sheetXml.replace("</worksheet>", '<drawing r:id="rIdDrawing"/></worksheet>'));
  await fsp.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
}

/**
 * The number N of a sheet's part `xl/worksheets/sheetN.xml`, found by the sheet's name through the
 * workbook part and its relationships.
 */
export async function sheetPartNumber(file: string, sheetName: string): Promise<number> {
  const zip = await JSZip.loadAsync(await fsp.readFile(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const escaped = sheetName.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const id = new RegExp(
    `<sheet [^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="([^"]+)"`,
  ).exec(workbook)?.[1];
  const target = id && new RegExp(`Id="${id}"[^>]*Target="[^"]*sheet(\\d+)\\.xml"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet named ${sheetName} in ${file}`);
  return Number(target);
}
