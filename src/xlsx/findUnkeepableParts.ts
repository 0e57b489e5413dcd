import JSZip from "jszip";
import { QUOTA_CHART_NAME } from "../sheets/repTabs";
import type { UnkeepablePart } from "./fileErrors";

/** Zip entry prefixes (lower case) of parts ExcelJS does not model, so would drop on saving. */
const PART_PREFIXES: readonly [string, UnkeepablePart][] = [
  ["xl/pivottables/", "pivot-tables"],
  ["xl/pivotcache/", "pivot-tables"],
  ["xl/charts/", "charts"],
  ["xl/chartsheets/", "charts"],
  ["xl/media/", "images"],
  ["customxml/", "custom-xml"],
  ["xl/vbaproject.bin", "macros"],
  ["xl/slicers/", "slicers"],
  ["xl/slicercaches/", "slicers"],
  ["xl/timelines/", "timelines"],
  ["xl/timelinecaches/", "timelines"],
  ["xl/externallinks/", "external-links"],
  ["xl/connections.xml", "data-connections"],
  ["xl/querytables/", "data-connections"],
  ["xl/threadedcomments/", "threaded-comments"],
  ["xl/ctrlprops/", "form-controls"],
  ["xl/activex/", "form-controls"],
  ["xl/embeddings/", "embedded-objects"],
  ["xl/model/", "data-model"],
];

const ORDER: readonly UnkeepablePart[] = [
  "pivot-tables",
  "charts",
  "images",
  "drawings",
  "custom-xml",
  "sparklines",
  "macros",
  "slicers",
  "timelines",
  "external-links",
  "data-connections",
  "threaded-comments",
  "form-controls",
  "embedded-objects",
  "data-model",
];

/**
 * What rewriting an existing workbook would lose that the user can live without, by stable id:
 * `add-in-settings` are the task-pane bindings and settings Office add-ins keep in the file (the
 * plan itself lives in a sheet, which is kept); `add-in-charts` are the quota charts the add-in
 * drew on rep tabs (generated sheets, rewritten anyway; the add-in's Generate draws them again).
 */
export type DroppedPart = "add-in-settings" | "add-in-charts";

/** What an .xlsx file holds that ExcelJS would not write back. */
export type WorkbookPartsReport = {
  /** Parts whose loss would harm the user's work: rewriting must be refused. */
  unkeepable: UnkeepablePart[];
  /** Parts that are lost on rewriting but not worth refusing for: report them. */
  dropped: DroppedPart[];
};

/**
 * The parts of an .xlsx file (given as its bytes) that rewriting it with ExcelJS would lose, in a
 * stable order. Legacy VML drawings are not counted: they carry cell notes, which ExcelJS keeps.
 * DrawingML drawings are named `drawings` only when no chart or image explains them (shapes, text
 * boxes). Sparklines live inside worksheet parts, so those are searched too. Charts are dropped,
 * not refused, when every one of them is the add-in's quota chart (by its name) alone in a drawing
 * of a sheet listed in `quotaChartSheets` (the rep tabs an earlier run generated); a chart of any
 * other name or place is the user's.
 * @example (await inspectWorkbookParts(bytesOfWorkbookWithAChart)).unkeepable → ["charts"]
 */
export async function inspectWorkbookParts(
  bytes: Uint8Array,
  options: { quotaChartSheets?: readonly string[] } = {},
): Promise<WorkbookPartsReport> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Set<UnkeepablePart>();
  const dropped: DroppedPart[] = [];
  const own = await addInChartParts(zip, options.quotaChartSheets ?? []);
  let drawingML = false;
  let ownCharts = false;
  for (const name of Object.keys(zip.files)) {
    // Folder entries hold nothing of their own.
    if (zip.files[name].dir) continue;
    const entry = name.toLowerCase();
    const isOwn = own.has(entry);
    ownCharts ||= isOwn;
    for (const [prefix, part] of PART_PREFIXES)
      if (entry.startsWith(prefix) && !isOwn) found.add(part);
    if (/^xl\/drawings\/[^/]+\.xml$/.test(entry) && !isOwn) drawingML = true;
    if (entry.startsWith("xl/webextensions/") && !dropped.includes("add-in-settings"))
      dropped.push("add-in-settings");
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry) && !found.has("sparklines")) {
      const xml = await zip.files[name].async("string");
      if (xml.includes("sparklineGroups")) found.add("sparklines");
    }
  }
  if (drawingML && !found.has("charts") && !found.has("images")) found.add("drawings");
  if (ownCharts) dropped.push("add-in-charts");
  return { unkeepable: ORDER.filter((part) => found.has(part)), dropped };
}

/** An XML document's relationships: id → [type, target], targets resolved against `base`. */
async function relationships(
  zip: JSZip,
  part: string,
): Promise<Map<string, { type: string; target: string }>> {
  const slash = part.lastIndexOf("/");
  const folder = part.slice(0, slash + 1);
  const relsName = `${folder}_rels/${part.slice(slash + 1)}.rels`;
  const xml = await fileText(zip, relsName);
  const out = new Map<string, { type: string; target: string }>();
  if (xml === null) return out;
  for (const tag of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, "Id");
    const target = attribute(tag, "Target");
    if (id === null || target === null || attribute(tag, "TargetMode") === "External") continue;
    out.set(id, { type: attribute(tag, "Type") ?? "", target: resolvePart(folder, target) });
  }
  return out;
}

/**
 * The zip entries (lower case) of the add-in's own quota charts: drawings holding nothing but
 * graphic frames named `QUOTA_CHART_NAME`, on the listed worksheets (generated rep tabs) and on
 * no other, with the charts they show and the charts' own style parts. Anything else a drawing or
 * chart holds (a picture, a shape, a chart of another name, an embedded object) makes none of it
 * the add-in's.
 */
async function addInChartParts(zip: JSZip, chartSheets: readonly string[]): Promise<Set<string>> {
  const own = new Set<string>();
  if (chartSheets.length === 0) return own;
  const generated = new Set(chartSheets.map((name) => name.toLowerCase()));
  const workbook = await fileText(zip, "xl/workbook.xml");
  if (workbook === null) return own;
  const sheetParts = await relationships(zip, "xl/workbook.xml");
  // Every drawing, with whether each sheet showing it is a generated one.
  const drawingOnGenerated = new Map<string, boolean>();
  for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = decodeXml(attribute(tag, "name") ?? "");
    const id = attribute(tag, "r:id");
    const part = id === null ? undefined : sheetParts.get(id)?.target;
    if (!part) continue;
    for (const rel of (await relationships(zip, part)).values()) {
      if (!rel.type.endsWith("/drawing")) continue;
      const isGenerated = generated.has(name.toLowerCase());
      drawingOnGenerated.set(
        rel.target,
        (drawingOnGenerated.get(rel.target) ?? true) && isGenerated,
      );
    }
  }
  for (const [drawing, onGenerated] of drawingOnGenerated) {
    if (!onGenerated) continue;
    const xml = await fileText(zip, drawing);
    if (xml === null || !onlyQuotaCharts(xml)) continue;
    const rels = [...(await relationships(zip, drawing)).values()];
    if (rels.length === 0 || !rels.every((rel) => rel.type.endsWith("/chart"))) continue;
    const parts = [drawing, relsPart(drawing)];
    let chartsOwn = true;
    for (const chart of rels) {
      parts.push(chart.target, relsPart(chart.target));
      for (const inner of (await relationships(zip, chart.target)).values()) {
        // A chart's style and colours are its own; an embedded workbook or picture is not.
        if (!/\/(chartStyle|chartColorStyle|themeOverride)$/.test(inner.type)) chartsOwn = false;
        parts.push(inner.target);
      }
    }
    if (chartsOwn) for (const part of parts) own.add(part.toLowerCase());
  }
  return own;
}

/**
 * True when a drawing's every anchored object is a graphic frame named as the quota chart.
 * @example onlyQuotaCharts(drawingXmlOfTheQuotaChart) === true
 */
export function onlyQuotaCharts(xml: string): boolean {
  const anchors = (xml.match(/<(?:\w+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/g) ?? [])
    .length;
  const frames = xml.match(/<(?:\w+:)?graphicFrame\b[\s\S]*?<\/(?:\w+:)?graphicFrame>/g) ?? [];
  const others = /<(?:\w+:)?(?:sp|pic|grpSp|cxnSp|contentPart)[\s>/]/.test(xml);
  return (
    anchors > 0 &&
    !others &&
    frames.length === anchors &&
    frames.every((frame) => {
      const name = /<(?:\w+:)?cNvPr\b[^>]*\bname="([^"]*)"/.exec(frame)?.[1];
      return name !== undefined && decodeXml(name) === QUOTA_CHART_NAME;
    })
  );
}

async function fileText(zip: JSZip, name: string): Promise<string | null> {
  const entry = zip.file(name) ?? zip.file(new RegExp(`^${escapeRegExp(name)}$`, "i"))[0];
  return entry ? entry.async("string") : null;
}

function relsPart(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a zip entry name: relative to `folder`, or absolute from the root. */
function resolvePart(folder: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${escapeRegExp(name)}="([^"]*)"`).exec(tag);
  return match ? match[1] : null;
}

function decodeXml(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g,
    (_, hex, dec, named) =>
      hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : dec
          ? String.fromCodePoint(Number(dec))
          : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[named],
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The parts `inspectWorkbookParts` says must not be lost; empty when rewriting is safe.
 * @example await findUnkeepableParts(bytesOfWorkbookWithAnImage) → ["images"]
 */
export async function findUnkeepableParts(bytes: Uint8Array): Promise<UnkeepablePart[]> {
  return (await inspectWorkbookParts(bytes)).unkeepable;
}
