import * as zlib from "node:zlib";
import type { ZipEntry } from "./zipDirectory";

/** A relationship of a package part; `target` is a zip entry name unless `external`. */
export type Relationship = { id: string; type: string; target: string; external: boolean };

/**
 * The parts of an .xlsx package read straight from its bytes: an entry's text is inflated only
 * when asked for, and an entry never asked for is never inflated. Part names are compared without
 * regard to case, as the packaging rules say.
 * @example new PackageParts(bytes, readZipDirectory(bytes)).text("xl/workbook.xml")
 */
export class PackageParts {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const entry of entries) this.byName.set(entry.name.toLowerCase(), entry);
  }

  /** The entry of a part, by name in any case. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The compressed bytes of an entry, as the archive holds them. */
  raw(entry: ZipEntry): Uint8Array {
    return this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  }

  /** A part's text (UTF-8), or null when the package has no such part. */
  text(name: string): string | null {
    const entry = this.entry(name);
    if (!entry) return null;
    const raw = this.raw(entry);
    if (entry.method === 0) return Buffer.from(raw).toString("utf8");
    if (entry.method !== 8) throw new Error(`${entry.name}: compression method ${entry.method}`);
    return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) }).toString("utf8");
  }

  /** The relationships a part declares (none when it has no relationships part). */
  relationships(part: string): Relationship[] {
    const xml = this.text(relsPartOf(part));
    return xml === null ? [] : parseRelationships(xml, folderOf(part));
  }
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** The relationships of a relationships part, targets resolved against `folder`. */
export function parseRelationships(xml: string, folder: string): Relationship[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map(([tag]) => {
    const external = attributeOf(tag, "TargetMode") === "External";
    const target = attributeOf(tag, "Target") ?? "";
    return {
      id: attributeOf(tag, "Id") ?? "",
      type: attributeOf(tag, "Type") ?? "",
      target: external ? target : resolvePart(folder, target),
      external,
    };
  });
}

/** A relationship's target as a zip entry name: relative to `folder`, or absolute from the root. */
export function resolvePart(folder: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(decodeURIComponentSafe(segment));
  }
  return out.join("/");
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * An attribute of an element's start tag, entities decoded; `name` may be `*:id` for an `id` under
 * any prefix.
 * @example attributeOf('<sheet name="A &amp; B" r:id="rId1"/>', "*:id") === "rId1"
 */
export function attributeOf(tag: string, name: string): string | null {
  const key = name.startsWith("*:") ? `\\w+:${escapeRegExp(name.slice(2))}` : escapeRegExp(name);
  const match = new RegExp(`\\s${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXml(match[1] ?? match[2]) : null;
}

/**
 * A start tag with an attribute set (replaced when there, added when not); `value` is raw XML.
 * @example withAttribute('<calcPr calcId="1"/>', "fullCalcOnLoad", "1") === '<calcPr calcId="1" fullCalcOnLoad="1"/>'
 */
export function withAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (pattern.test(tag)) return tag.replace(pattern, `$1"${value}"`);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${value}"${tag.slice(end)}`;
}

/** A start tag without an attribute. */
export function withoutAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${escapeRegExp(name)}\\s*=\\s*(?:"[^"]*"|'[^']*')`), "");
}

/** XML text with its entity and character references decoded. */
export function decodeXml(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g,
    (_, hex, dec, named) =>
      hex
        ? String.fromCodePoint(parseInt(hex as string, 16))
        : dec
          ? String.fromCodePoint(Number(dec))
          : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[
              named as string
            ],
  );
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
