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
 * The parts of an .xlsx file (given as its bytes) that rewriting it with ExcelJS would lose, in a
 * stable order; empty when it is safe to rewrite. Legacy VML drawings are not counted: they carry
 * cell notes, which ExcelJS keeps. DrawingML drawings are named `drawings` only when no chart or
 * image explains them (shapes, text boxes).
 * @example await findUnkeepableParts(bytesOfWorkbookWithAChart) → ["charts"]
 */
export async function findUnkeepableParts(bytes: Uint8Array): Promise<UnkeepablePart[]> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Set<UnkeepablePart>();
  let drawingML = false;
  for (const name of Object.keys(zip.files)) {
    const entry = name.toLowerCase();
    for (const [prefix, part] of PART_PREFIXES) if (entry.startsWith(prefix)) found.add(part);
    if (/^xl\/drawings\/[^/]+\.xml$/.test(entry)) drawingML = true;
  }
  if (drawingML && !found.has("charts") && !found.has("images")) found.add("drawings");
  return ORDER.filter((part) => found.has(part));
}
