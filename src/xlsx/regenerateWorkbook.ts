import { columnLetters } from "../engine/address";
import {
  placeOrRefuse,
  folded,
  type SheetInventory,
  type SheetWritePlan,
} from "../sheets/sheetPlacement";
import { sheetOf, type SheetModel, type SheetSource } from "../sheets/sheetModel";
import { onlyQuotaCharts, type DroppedPart } from "./droppedParts";
import { WorkbookWriteError, type UnkeepablePart } from "./fileErrors";
import {
  PackageParts,
  attributeOf,
  escapeRegExp,
  relsPartOf,
  withAttribute,
  withoutAttribute,
  type Relationship,
} from "./packageParts";
import { printNamesOf, printNamesXml, type PrintNames } from "./printNames";
import { StyleSheet, styleBaseOf, xmlText } from "./spreadsheetMl";
import {
  SharedStrings,
  cellXml,
  tableXml,
  writeSheetXml,
  type CellCheck,
  type SheetContext,
} from "./writeNewWorkbook";
import { ZipArchive } from "./zipArchive";
import type { ZipEntry } from "./zipDirectory";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** What regenerating did to the workbook's sheets, by name. */
/** The one kind the file port gives the generated sheets its caller names: placement needs no more. */
const GENERATED = "sheet";

export type RegenerateReport = {
  replaced: string[];
  added: string[];
  removed: string[];
  kept: string[];
  dropped: DroppedPart[];
};

/** A sheet as the workbook part lists it. */
type ListedSheet = {
  name: string;
  /** The `<sheet>` element as the file holds it. */
  element: string;
  sheetId: number;
  relId: string;
  /** Its worksheet part (zip entry name), or null when it has none (a chart sheet's is kept). */
  part: string | null;
  visible: boolean;
};

/**
 * A regenerated .xlsx package: the generated sheets written afresh (with their tables and styles
 * appended to the file's own) and every other zip entry copied byte for byte, compressed bytes
 * included — the user's sheets with their charts, pivot tables, pictures, comments, custom XML and
 * external links. Only the workbook part, its relationships, the content types, the styles and the
 * parts of the sheets a rewrite or removal clears are changed. Placement is `planSheetWrites`';
 * `replaceSheets` are the sheets the plan store says were generated. A chart, picture, shape or
 * pivot table on a sheet that is cleared is refused (`workbook-has-unkeepable-parts`, naming the
 * sheet), except the add-in's quota chart on a rep tab of `quotaChartSheets`, which is dropped.
 * @example const { bytes, report } = await regenerateWorkbook(fileBytes, entries, models, options);
 */
export async function regenerateWorkbook(
  fileBytes: Uint8Array,
  entries: readonly ZipEntry[],
  sources: readonly SheetSource[],
  options: {
    outPath: string;
    replaceSheets: readonly string[];
    quotaChartSheets: readonly string[];
    level: (model: SheetModel) => number;
    check: CellCheck;
  },
): Promise<{ bytes: Buffer; report: RegenerateReport }> {
  const { outPath } = options;
  const pkg = new PackageParts(fileBytes, entries);
  const workbookPart = officeDocumentPart(pkg);
  const workbookXml = pkg.text(workbookPart);
  if (workbookXml === null) throw new Error(`the package has no ${workbookPart}`);
  const workbookRels = pkg.relationships(workbookPart);
  const listed = listedSheets(workbookXml, workbookRels);

  const tables = listed.flatMap((sheet) =>
    sheet.part === null
      ? []
      : pkg
          .relationships(sheet.part)
          .filter((rel) => !rel.external && rel.type.endsWith("/table"))
          .map((rel) => {
            const xml = pkg.text(rel.target) ?? "";
            const tag = /<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] ?? "";
            return {
              sheet: sheet.name,
              part: rel.target,
              name: attributeOf(tag, "displayName") ?? attributeOf(tag, "name") ?? "",
              id: Number(attributeOf(tag, "id") ?? 0),
            };
          }),
  );
  // The caller lists the generated sheets it found marked as the plan's (see `checkedRegistry`):
  // those carry the plan's tag here, every other sheet is a user's.
  const replaceable = new Set(options.replaceSheets.map(folded));
  const inventory: SheetInventory = {
    sheets: listed.map((sheet) => ({
      name: sheet.name,
      tag: replaceable.has(folded(sheet.name)) ? GENERATED : null,
    })),
    tables: tables.map((t) => ({ name: t.name, sheet: t.sheet })),
    store:
      options.replaceSheets.length > 0
        ? { plan: "", sheets: options.replaceSheets.map((name) => ({ name, kind: GENERATED })) }
        : null,
  };
  // Placement needs names and kinds only: a lazy sheet is built when its turn comes.
  const shallow = sources.map((source): SheetModel => ({
    name: source.name,
    kind: source.kind,
    key: source.key,
    state: source.state,
    keepExisting: source.keepExisting,
    rows: [],
  }));
  const placement = placementOf(shallow, inventory, outPath);
  const byShallow = new Map(shallow.map((model, i) => [model, sources[i]]));

  const cleared = new Set([
    ...placement.replaced.map((r) => folded(r.existing)),
    ...placement.removed.map(folded),
  ]);
  const clearedSheets = listed.filter((sheet) => cleared.has(folded(sheet.name)));
  const { parts: removedParts, dropped } = partsOfClearedSheets(
    pkg,
    clearedSheets,
    options.quotaChartSheets,
    outPath,
  );
  // The calculation chain lists cells of the rewritten sheets: Excel rebuilds it.
  const calcChain = workbookRels.find((rel) => rel.type.endsWith("/calcChain"));
  if (calcChain) removedParts.add(calcChain.target.toLowerCase());
  // A part another kept part still refers to stays.
  for (const entry of entries) {
    const name = entry.name.toLowerCase();
    if (!name.endsWith(".rels") || removedParts.has(name)) continue;
    if (name === relsPartOf(workbookPart).toLowerCase()) continue;
    const owner = ownerOfRels(entry.name);
    for (const rel of pkg.relationships(owner)) removedParts.delete(rel.target.toLowerCase());
  }

  const keptTables = new Set(
    tables.filter((t) => !cleared.has(folded(t.sheet))).map((t) => folded(t.name)),
  );
  const taken = new Set(entries.map((entry) => entry.name.toLowerCase()));
  const freeName = (folder: string, stem: string): string => {
    for (let n = 1; ; n++) {
      const name = `${folder}${stem}${n}.xml`;
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };
  let tableId = tables.reduce((max, t) => Math.max(max, t.id), 0);

  const stylesRel = workbookRels.find((rel) => !rel.external && rel.type.endsWith("/styles"));
  const stylesXml = stylesRel ? pkg.text(stylesRel.target) : null;
  const styles = new StyleSheet(stylesXml === null ? undefined : styleBaseOf(stylesXml));
  // The generated sheets' text joins the file's shared strings, as a new workbook's would.
  const stringsRel = workbookRels.find(
    (rel) => !rel.external && rel.type.endsWith("/sharedStrings"),
  );
  const stringsXml = stringsRel ? pkg.text(stringsRel.target) : null;
  const strings = new SharedStrings(stringsXml === null ? 0 : sharedStringCount(stringsXml));
  const context: SheetContext = { styles, strings, check: options.check, styleAttributes: [] };

  const zip = new ZipArchive(6);
  const edited = new Set(
    [
      workbookPart,
      relsPartOf(workbookPart),
      "[Content_Types].xml",
      stylesRel?.target ?? "",
      stringsRel?.target ?? "",
    ].map((name) => name.toLowerCase()),
  );
  const marked = placement.marked.flatMap(({ model, existing }) => {
    const sheet = listed.find((s) => folded(s.name) === folded(existing));
    return sheet?.part ? [{ model: sheetOf(byShallow.get(model) ?? model), part: sheet.part }] : [];
  });
  for (const { part } of marked) edited.add(part.toLowerCase());
  for (const entry of entries) {
    const name = entry.name.toLowerCase();
    // A folder entry is no part: the folders of removed parts are not written back empty.
    if (name.endsWith("/") || removedParts.has(name) || edited.has(name)) continue;
    zip.addCopied(entry.name, {
      data: pkg.raw(entry),
      method: entry.method,
      crc: entry.crc,
      size: entry.size,
    });
  }

  // The generated sheets, in the order they come, each built, written and let go.
  const written = new Map<string, { part: string; relId: string; model: SheetModel }>();
  const newParts: { part: string; type: string }[] = [];
  const relIds = new Set(workbookRels.map((rel) => rel.id));
  const freeRelId = (): string => {
    for (let n = 1; ; n++) {
      const id = `rIdStp${n}`;
      if (!relIds.has(id)) {
        relIds.add(id);
        return id;
      }
    }
  };
  const writtenTables = new Set<string>();
  for (const shallowModel of [...placement.replaced.map((r) => r.model), ...placement.added]) {
    const model = sheetOf(byShallow.get(shallowModel) ?? shallowModel);
    const sheetTables = (model.tables ?? []).map((spec) => {
      const key = folded(spec.name);
      if (keptTables.has(key) || writtenTables.has(key)) {
        const other = tables.find((t) => folded(t.name) === key);
        throw new WorkbookWriteError("table-name-taken", outPath, {
          table: spec.name,
          sheet: other?.sheet ?? model.name,
        });
      }
      writtenTables.add(key);
      return { spec, id: ++tableId, part: freeName("xl/tables/", "table") };
    });
    const part = freeName("xl/worksheets/", "sheet");
    await zip.addEntry(
      part,
      (write) => writeSheetXml(model, false, sheetTables, context, write),
      options.level(model),
    );
    newParts.push({ part, type: `${CT}.worksheet+xml` });
    if (sheetTables.length > 0) {
      await zip.addText(relsPartOf(part), tableRelsXml(sheetTables));
      for (const table of sheetTables) {
        await zip.addText(table.part, tableXml(model, table.spec, table.id));
        newParts.push({ part: table.part, type: `${CT}.table+xml` });
      }
    }
    written.set(folded(model.name), { part, relId: freeRelId(), model: withoutRows(model) });
  }
  for (const { model, part } of marked) {
    const xml = pkg.text(part) ?? "";
    await zip.addText(entryName(pkg, part), withCells(xml, model, context));
  }

  const finalSheets = placement.finalOrder.map((name) => {
    const generated = written.get(folded(name));
    const before = listed.find((s) => folded(s.name) === folded(name));
    return { name, generated, before };
  });
  if (
    !finalSheets.some((s) =>
      s.generated ? (s.generated.model.state ?? "visible") === "visible" : s.before?.visible,
    )
  ) {
    throw new WorkbookWriteError("no-visible-sheet", outPath);
  }

  let stylesPart = stylesRel?.target ?? null;
  if (stylesPart === null) {
    stylesPart = freeName("xl/", "styles");
    newParts.push({ part: stylesPart, type: `${CT}.styles+xml` });
  }
  await zip.addText(
    entryName(pkg, stylesPart),
    stylesXml === null ? styles.toXml() : styles.appendTo(stylesXml),
  );
  let stringsPart = stringsRel?.target ?? null;
  if (stringsPart === null) {
    stringsPart = freeName("xl/", "sharedStrings");
    newParts.push({ part: stringsPart, type: `${CT}.sharedStrings+xml` });
  }
  await zip.addText(
    entryName(pkg, stringsPart),
    stringsXml === null ? strings.toXml() : strings.appendTo(stringsXml),
  );
  const removedSheetRels = new Set(clearedSheets.map((s) => s.relId));
  const addedRels = [...written.values()].map(
    ({ part, relId }) =>
      `<Relationship Id="${relId}" Type="${REL_NS}/worksheet" Target="${xmlText(relativeTo(workbookPart, part))}"/>`,
  );
  if (!stylesRel) {
    addedRels.push(
      `<Relationship Id="${freeRelId()}" Type="${REL_NS}/styles" Target="${xmlText(relativeTo(workbookPart, stylesPart))}"/>`,
    );
  }
  if (!stringsRel) {
    addedRels.push(
      `<Relationship Id="${freeRelId()}" Type="${REL_NS}/sharedStrings" Target="${xmlText(relativeTo(workbookPart, stringsPart))}"/>`,
    );
  }
  if (calcChain) removedSheetRels.add(calcChain.id);
  await zip.addText(
    entryName(pkg, relsPartOf(workbookPart)),
    editedRelationships(pkg.text(relsPartOf(workbookPart)) ?? "", removedSheetRels, addedRels),
  );
  await zip.addText(entryName(pkg, workbookPart), editedWorkbook(workbookXml, listed, finalSheets));
  await zip.addText(
    entryName(pkg, "[Content_Types].xml"),
    editedContentTypes(pkg.text("[Content_Types].xml") ?? "", removedParts, newParts),
  );

  const kept = listed.filter((s) => !cleared.has(folded(s.name))).map((s) => s.name);
  return {
    bytes: await zip.finish(),
    report: {
      replaced: placement.replaced.map((r) => r.model.name),
      added: placement.added.map((m) => m.name),
      removed: placement.removed,
      kept,
      dropped,
    },
  };
}

function placementOf(
  models: readonly SheetModel[],
  inventory: SheetInventory,
  outPath: string,
): SheetWritePlan {
  return placeOrRefuse(models, inventory, (problem) =>
    problem.code === "sheet-name-taken"
      ? new WorkbookWriteError("sheet-name-taken", outPath, { sheet: problem.sheet })
      : new WorkbookWriteError("table-name-taken", outPath, {
          table: problem.table,
          sheet: problem.sheet,
        }),
  );
}

/** How many strings a shared strings part holds: its `<si>` items, which ids count. */
function sharedStringCount(xml: string): number {
  return (xml.match(/<(?:\w+:)?si[\s>/]/g) ?? []).length;
}

/** A model's page setup and state without its cells: what the workbook part needs of it. */
function withoutRows(model: SheetModel): SheetModel {
  return { ...model, rows: [], tables: [], conditionalFormats: [], validations: [] };
}

/** The workbook part, as the package's root relationships name it. */
function officeDocumentPart(pkg: PackageParts): string {
  const rel = pkg.relationships("").find((r) => !r.external && r.type.endsWith("/officeDocument"));
  return rel?.target ?? "xl/workbook.xml";
}

/** The zip entry name a part has in the package (its own case), or the part's name. */
function entryName(pkg: PackageParts, part: string): string {
  return pkg.entry(part)?.name ?? part;
}

/** The part a relationships part belongs to: `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`. */
function ownerOfRels(rels: string): string {
  return rels.replace(/(^|\/)_rels\/([^/]*)\.rels$/i, "$1$2");
}

/** A part's name relative to another part's folder, as relationships write targets. */
function relativeTo(from: string, part: string): string {
  const folder = from.slice(0, from.lastIndexOf("/") + 1);
  return part.startsWith(folder) ? part.slice(folder.length) : `/${part}`;
}

/** The sheets the workbook part lists, in tab order, with their worksheet parts. */
function listedSheets(workbookXml: string, rels: readonly Relationship[]): ListedSheet[] {
  const list = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(workbookXml)?.[1] ?? "";
  return [...list.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map(([element]) => {
    const relId = attributeOf(element, "*:id") ?? "";
    const rel = rels.find((r) => r.id === relId && !r.external);
    const state = attributeOf(element, "state") ?? "visible";
    return {
      name: attributeOf(element, "name") ?? "",
      element: element.endsWith("/>") ? element : `${element.slice(0, -1)}/>`,
      sheetId: Number(attributeOf(element, "sheetId") ?? 0),
      relId,
      part: rel && rel.type.endsWith("/worksheet") ? rel.target : null,
      visible: state === "visible",
    };
  });
}

/**
 * The parts that belong only to the sheets a write clears (their worksheet parts, relationships,
 * tables, comments, printer settings and the add-in's quota charts), or the refusal of a part the
 * user put there that cannot be kept.
 */
function partsOfClearedSheets(
  pkg: PackageParts,
  sheets: readonly ListedSheet[],
  quotaChartSheets: readonly string[],
  outPath: string,
): { parts: Set<string>; dropped: DroppedPart[] } {
  const parts = new Set<string>();
  const refused: string[] = [];
  const kinds = new Set<UnkeepablePart>();
  let ownCharts = false;
  const chartSheets = new Set(quotaChartSheets.map(folded));
  for (const sheet of sheets) {
    if (sheet.part === null) continue;
    parts.add(sheet.part.toLowerCase());
    parts.add(relsPartOf(sheet.part).toLowerCase());
    const found = new Set<UnkeepablePart>();
    for (const rel of pkg.relationships(sheet.part)) {
      if (rel.external) continue;
      if (rel.type.endsWith("/drawing")) {
        const own = chartSheets.has(folded(sheet.name)) ? quotaChartParts(pkg, rel.target) : null;
        if (own) {
          for (const part of own) parts.add(part.toLowerCase());
          ownCharts = true;
          continue;
        }
        for (const inner of pkg.relationships(rel.target)) {
          found.add(
            inner.type.endsWith("/chart")
              ? "charts"
              : inner.type.endsWith("/image")
                ? "images"
                : "drawings",
          );
        }
        if (found.size === 0) found.add("drawings");
        continue;
      }
      if (rel.type.endsWith("/pivotTable")) {
        found.add("pivot-tables");
        continue;
      }
      parts.add(rel.target.toLowerCase());
    }
    for (const part of found) {
      kinds.add(part);
      refused.push(`${part} (on "${sheet.name}")`);
    }
  }
  if (refused.length > 0) {
    throw new WorkbookWriteError(
      "workbook-has-unkeepable-parts",
      outPath,
      { parts: refused.join(", ") },
      [...kinds],
    );
  }
  return { parts, dropped: ownCharts ? ["add-in-charts"] : [] };
}

/**
 * The parts of a drawing that holds nothing but the add-in's quota charts (with their own
 * relationships and style parts), or null when anything else is drawn there.
 */
function quotaChartParts(pkg: PackageParts, drawing: string): string[] | null {
  const xml = pkg.text(drawing);
  if (xml === null || !onlyQuotaCharts(xml)) return null;
  const rels = pkg.relationships(drawing);
  if (rels.length === 0 || !rels.every((rel) => rel.type.endsWith("/chart"))) return null;
  const parts = [drawing, relsPartOf(drawing)];
  for (const chart of rels) {
    parts.push(chart.target, relsPartOf(chart.target));
    for (const inner of pkg.relationships(chart.target)) {
      // A chart's style and colours are its own; an embedded workbook or picture is not.
      if (!/\/(chartStyle|chartColorStyle|themeOverride)$/.test(inner.type)) return null;
      parts.push(inner.target);
    }
  }
  return parts;
}

function tableRelsXml(tables: readonly { part: string }[]): string {
  const rels = tables
    .map(
      ({ part }, k) =>
        `<Relationship Id="rId${k + 1}" Type="${REL_NS}/table" Target="../tables/${part.slice(part.lastIndexOf("/") + 1)}"/>`,
    )
    .join("");
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
}

function editedRelationships(xml: string, removed: Set<string>, added: readonly string[]): string {
  const kept = xml.replace(
    /<(?:\w+:)?Relationship\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?Relationship>)/g,
    (tag) => (removed.has(attributeOf(tag, "Id") ?? "") ? "" : tag),
  );
  const close = kept.lastIndexOf("</");
  if (close < 0) throw new Error("workbook relationships: no root element");
  return kept.slice(0, close) + added.join("") + kept.slice(close);
}

function editedContentTypes(
  xml: string,
  removed: Set<string>,
  added: readonly { part: string; type: string }[],
): string {
  const kept = xml.replace(
    /<(?:\w+:)?Override\b[^>]*?(?:\/>|>\s*<\/(?:\w+:)?Override>)/g,
    (tag) => {
      const name = (attributeOf(tag, "PartName") ?? "").replace(/^\//, "").toLowerCase();
      return removed.has(name) ? "" : tag;
    },
  );
  const overrides = added
    .map(({ part, type }) => `<Override PartName="/${xmlText(part)}" ContentType="${type}"/>`)
    .join("");
  const close = kept.lastIndexOf("</");
  if (close < 0) throw new Error("content types: no root element");
  return kept.slice(0, close) + overrides + kept.slice(close);
}

/** Built-in names a sheet's rewrite replaces: its print area and titles, its filter range. */
const SHEET_BUILT_IN_NAMES = /^_xlnm\.(Print_Area|Print_Titles|_FilterDatabase)$/i;

/**
 * The workbook part with its sheet list in the new tab order (kept sheets' elements as they were,
 * generated sheets' new), defined names local to a sheet renumbered for the new order (those of
 * a removed sheet, and the print names of a rewritten one, replaced), the views pointing at a
 * visible sheet and a full recalculation on load. Everything else is kept as it was.
 */
function editedWorkbook(
  xml: string,
  listed: readonly ListedSheet[],
  finalSheets: readonly {
    name: string;
    generated?: { relId: string; model: SheetModel };
    before?: ListedSheet;
  }[],
): string {
  const sheetsMatch = /<((?:\w+:)?)sheets\b[^>]*>[\s\S]*?<\/(?:\w+:)?sheets>/.exec(xml);
  if (!sheetsMatch) throw new Error("the workbook part lists no sheets");
  const prefix = sheetsMatch[1];
  // Only the root's declaration reaches a new <sheet>: openpyxl declares it on each <sheet> alone.
  const root = /<(?:\w+:)?workbook\b[^>]*>/.exec(xml)?.[0] ?? "";
  const relPrefix =
    /\sxmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      root,
    )?.[1];
  const idAttribute = relPrefix ? `${relPrefix}:id` : "r:id";
  const nsDeclaration = relPrefix ? "" : ` xmlns:r="${REL_NS}"`;
  let nextSheetId = listed.reduce((max, s) => Math.max(max, s.sheetId), 0);
  const printNames: PrintNames[] = [];
  const elements = finalSheets.map((sheet, index) => {
    if (!sheet.generated) return sheet.before?.element ?? "";
    const { model, relId } = sheet.generated;
    if (model.print) printNames.push(printNamesOf(model.name, index, model.print));
    const sheetId = sheet.before?.sheetId || ++nextSheetId;
    const state = model.state && model.state !== "visible" ? ` state="${model.state}"` : "";
    return `<${prefix}sheet${nsDeclaration} name="${xmlText(model.name)}" sheetId="${sheetId}"${state} ${idAttribute}="${relId}"/>`;
  });
  const open = /<(?:\w+:)?sheets\b[^>]*>/.exec(sheetsMatch[0])![0];
  let out =
    xml.slice(0, sheetsMatch.index) +
    `${open}${elements.join("")}</${prefix}sheets>` +
    xml.slice(sheetsMatch.index + sheetsMatch[0].length);

  const newIndex = new Map(finalSheets.map((s, i) => [folded(s.name), i]));
  const rewritten = new Set(finalSheets.filter((s) => s.generated).map((s) => folded(s.name)));
  out = out.replace(
    /<(?:\w+:)?definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?definedName>)/g,
    (element) => {
      const local = attributeOf(element, "localSheetId");
      if (local === null) return element;
      const sheet = listed[Number(local)];
      if (!sheet) return element;
      const key = folded(sheet.name);
      const index = newIndex.get(key);
      if (index === undefined) return "";
      const name = attributeOf(element, "name") ?? "";
      if (rewritten.has(key) && SHEET_BUILT_IN_NAMES.test(name)) return "";
      const tag = /^<[^>]*>/.exec(element)![0];
      return withAttribute(tag, "localSheetId", String(index)) + element.slice(tag.length);
    },
  );
  const names = printNamesXml(printNames)
    .replace(/<definedName\b/g, `<${prefix}definedName`)
    .replace(/<\/definedName>/g, `</${prefix}definedName>`);
  const namesList =
    /<(?:\w+:)?definedNames\b[^>]*>[\s\S]*?<\/(?:\w+:)?definedNames>|<(?:\w+:)?definedNames\b[^>]*\/>/.exec(
      out,
    );
  if (namesList) {
    const body = namesList[0].endsWith("/>")
      ? ""
      : namesList[0].replace(/^<[^>]*>/, "").replace(/<\/[^>]*>$/, "");
    const all = body + names;
    const list = all.trim() === "" ? "" : `<${prefix}definedNames>${all}</${prefix}definedNames>`;
    out = out.slice(0, namesList.index) + list + out.slice(namesList.index + namesList[0].length);
  } else if (names !== "") {
    out = insertAfter(
      out,
      ["sheets", "functionGroups", "externalReferences"],
      `<${prefix}definedNames>${names}</${prefix}definedNames>`,
    );
  }

  const calc = /<(?:\w+:)?calcPr\b[^>]*>/.exec(out);
  if (calc) {
    out =
      out.slice(0, calc.index) +
      withAttribute(calc[0], "fullCalcOnLoad", "1") +
      out.slice(calc.index + calc[0].length);
  } else {
    out = insertAfter(
      out,
      ["sheets", "functionGroups", "externalReferences", "definedNames"],
      `<${prefix}calcPr fullCalcOnLoad="1"/>`,
    );
  }

  const visible = finalSheets.map((s) =>
    s.generated ? (s.generated.model.state ?? "visible") === "visible" : Boolean(s.before?.visible),
  );
  const firstVisible = Math.max(0, visible.indexOf(true));
  return out.replace(/<(?:\w+:)?workbookView\b[^>]*>/g, (tag) => {
    const active = listed[Number(attributeOf(tag, "activeTab") ?? 0)];
    const moved = active ? newIndex.get(folded(active.name)) : undefined;
    const activeTab = moved !== undefined && visible[moved] ? moved : firstVisible;
    const first = Math.min(activeTab, firstVisible);
    let edited = withAttribute(tag, "activeTab", String(activeTab));
    edited =
      first === 0
        ? withoutAttribute(edited, "firstSheet")
        : withAttribute(edited, "firstSheet", String(first));
    return edited;
  });
}

/** `xml` with `insert` after the last of the elements named (in schema order) that it holds. */
function insertAfter(xml: string, after: readonly string[], insert: string): string {
  for (const name of [...after].reverse()) {
    const close = new RegExp(
      `</(?:\\w+:)?${escapeRegExp(name)}>|<(?:\\w+:)?${escapeRegExp(name)}\\b[^>]*/>`,
    ).exec(xml);
    if (close) {
      const at = close.index + close[0].length;
      return xml.slice(0, at) + insert + xml.slice(at);
    }
  }
  throw new Error("the workbook part lists no sheets");
}

/**
 * A kept sheet's part with a mark's non-blank cells written into it (each replacing the cell at its
 * address); every other cell, row and element stays as it was.
 */
function withCells(xml: string, mark: SheetModel, context: SheetContext): string {
  let out = xml;
  mark.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell || cell.value === null) return;
      context.check(cell, mark.name, r, c);
      const parts: string[] = [];
      const letters = columnLetters(c);
      cellXml(parts, cell, letters, String(r + 1), context, true);
      out = withCell(out, r + 1, c, `${letters}${r + 1}`, parts.join(""));
    });
  });
  return out;
}

function withCell(
  xml: string,
  rowNumber: number,
  column: number,
  ref: string,
  cell: string,
): string {
  const rows = [...xml.matchAll(/<(?:\w+:)?row\b[^>]*?(\/?)>/g)];
  const rowOf = (tag: string) => Number(attributeOf(tag, "r") ?? NaN);
  const row = rows.find((m) => rowOf(m[0]) === rowNumber);
  if (!row) {
    const next = rows.find((m) => rowOf(m[0]) > rowNumber);
    const element = `<row r="${rowNumber}">${cell}</row>`;
    if (next) return xml.slice(0, next.index) + element + xml.slice(next.index);
    const empty = /<(?:\w+:)?sheetData\s*\/>/.exec(xml);
    if (empty) {
      return `${xml.slice(0, empty.index)}<sheetData>${element}</sheetData>${xml.slice(empty.index + empty[0].length)}`;
    }
    const end = xml.search(/<\/(?:\w+:)?sheetData>/);
    if (end < 0) throw new Error("worksheet part has no sheetData");
    return xml.slice(0, end) + element + xml.slice(end);
  }
  const start = row.index!;
  if (row[1] === "/") {
    const open = `${row[0].slice(0, -2)}>`;
    return `${xml.slice(0, start)}${open}${cell}</row>${xml.slice(start + row[0].length)}`;
  }
  const bodyStart = start + row[0].length;
  const bodyEnd = xml.indexOf("</", bodyStart) >= 0 ? rowEnd(xml, bodyStart) : -1;
  if (bodyEnd < 0) throw new Error(`worksheet part: row ${rowNumber} is not closed`);
  const body = xml.slice(bodyStart, bodyEnd);
  const cells = [...body.matchAll(/<(?:\w+:)?c\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g)];
  const columnOf = (tag: string) => columnIndex(attributeOf(tag, "r") ?? "");
  const same = cells.find((m) => (attributeOf(m[0], "r") ?? "").toUpperCase() === ref);
  let newBody: string;
  if (same) {
    newBody = body.slice(0, same.index) + cell + body.slice(same.index! + same[0].length);
  } else {
    const after = cells.find((m) => columnOf(m[0]) > column);
    newBody = after ? body.slice(0, after.index) + cell + body.slice(after.index) : body + cell;
  }
  return xml.slice(0, bodyStart) + newBody + xml.slice(bodyEnd);
}

function rowEnd(xml: string, from: number): number {
  const close = /<\/(?:\w+:)?row>/g;
  close.lastIndex = from;
  return close.exec(xml)?.index ?? -1;
}

function columnIndex(ref: string): number {
  const letters = /^([A-Za-z]+)/.exec(ref)?.[1] ?? "";
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
