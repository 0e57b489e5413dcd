import JSZip from "jszip";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? decodeXml(match[1] ?? match[2]) : undefined;
}

/** The part of each sheet, by name: `xl/workbook.xml` and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const parts = new Map<string, string>();
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!workbook || !rels) return parts;
  const targets = new Map<string, string>();
  for (const [, attributes] of rels.matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = attribute(attributes, "Id");
    const target = attribute(attributes, "Target");
    if (id && target) {
      targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    }
  }
  for (const [, attributes] of workbook.matchAll(/<sheet\b([^>]*)>/g)) {
    const name = attribute(attributes, "name");
    const id = attribute(attributes, "r:id");
    const target = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && target) parts.set(name, target);
  }
  return parts;
}

/** Addresses of the formula cells of one sheet's XML whose saved result is empty text. */
function scanSheet(xml: string): Set<string> {
  const found = new Set<string>();
  const start = /<c\b([^>]*?)(\/?)>/g;
  for (let match = start.exec(xml); match; match = start.exec(xml)) {
    if (match[2] === "/") continue;
    const end = xml.indexOf("</c>", start.lastIndex);
    if (end < 0) break;
    const content = xml.slice(start.lastIndex, end);
    start.lastIndex = end + 4;
    if (!content.includes("<f") || attribute(match[1], "t") !== "str") continue;
    const saved = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(content);
    const address = attribute(match[1], "r");
    if (address && (!saved || saved[1] === "")) found.add(address.toUpperCase());
  }
  return found;
}

/**
 * The formula cells, per sheet, whose saved result is empty text (`<c t="str"><f>…</f><v></v>`,
 * as Excel saves `=IF(A2="","",…)`), for the sheets named. ExcelJS reads them as formulas without
 * a result, as it reads formulas whose result was never saved; these are blank cells, not unknown
 * ones. Each sheet named is read again from the package: call it only for sheets with such cells.
 * @example (await emptyTextResults(bytes, ["Sales"])).get("Sales")?.has("G12")
 */
export async function emptyTextResults(
  bytes: Uint8Array,
  sheets: readonly string[],
): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  if (sheets.length === 0) return found;
  const zip = await JSZip.loadAsync(bytes);
  const parts = await sheetParts(zip);
  for (const sheet of sheets) {
    const part = parts.get(sheet);
    const xml = part === undefined ? undefined : await zip.file(part)?.async("string");
    found.set(sheet, xml === undefined ? new Set() : scanSheet(xml));
  }
  return found;
}
