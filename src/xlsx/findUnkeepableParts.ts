import JSZip from "jszip";
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
 * plan itself lives in a sheet, which is kept).
 */
export type DroppedPart = "add-in-settings";

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
 * boxes). Sparklines live inside worksheet parts, so those are searched too.
 * @example (await inspectWorkbookParts(bytesOfWorkbookWithAChart)).unkeepable → ["charts"]
 */
export async function inspectWorkbookParts(bytes: Uint8Array): Promise<WorkbookPartsReport> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Set<UnkeepablePart>();
  const dropped: DroppedPart[] = [];
  let drawingML = false;
  for (const name of Object.keys(zip.files)) {
    const entry = name.toLowerCase();
    for (const [prefix, part] of PART_PREFIXES) if (entry.startsWith(prefix)) found.add(part);
    if (/^xl\/drawings\/[^/]+\.xml$/.test(entry)) drawingML = true;
    if (entry.startsWith("xl/webextensions/") && dropped.length === 0)
      dropped.push("add-in-settings");
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry) && !found.has("sparklines")) {
      const xml = await zip.files[name].async("string");
      if (xml.includes("sparklineGroups")) found.add("sparklines");
    }
  }
  if (drawingML && !found.has("charts") && !found.has("images")) found.add("drawings");
  return { unkeepable: ORDER.filter((part) => found.has(part)), dropped };
}

/**
 * The parts `inspectWorkbookParts` says must not be lost; empty when rewriting is safe.
 * @example await findUnkeepableParts(bytesOfWorkbookWithAnImage) → ["images"]
 */
export async function findUnkeepableParts(bytes: Uint8Array): Promise<UnkeepablePart[]> {
  return (await inspectWorkbookParts(bytes)).unkeepable;
}
