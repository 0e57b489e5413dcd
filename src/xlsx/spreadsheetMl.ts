import { toA1 } from "../engine/address";
import type { CellBlock, ConditionalFormatSpec, PrintSetup } from "../sheets/sheetModel";
import { LOOKS, TONES, type CellLook } from "./cellStyles";

/**
 * A1 reference of a block.
 * @example blockRef({ firstRow: 4, firstColumn: 0, lastRow: 9, lastColumn: 2 }) === "A5:C10"
 */
export function blockRef(block: CellBlock): string {
  return `${toA1(block.firstRow, block.firstColumn)}:${toA1(block.lastRow, block.lastColumn)}`;
}

/** Characters XML 1.0 cannot hold, and text that Excel would read as an `_xHHHH_` escape. */
/* eslint-disable no-control-regex -- control characters are what these find */
const NEEDS_ESCAPE =
  /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;
const ESCAPES =
  /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|_(?=x[0-9a-fA-F]{4}_)/g;
/* eslint-enable no-control-regex */

/**
 * Text as XML character data (also safe in attribute values). Characters XML cannot hold are
 * written as Excel's `_xHHHH_` escapes, and a literal `_xHHHH_` in the text is protected by
 * escaping its underscore, so Excel reads back exactly the text written.
 * @example xmlText('a<b & "c"') === "a&lt;b &amp; &quot;c&quot;"; xmlText("\u0001") === "_x0001_"
 */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPES, (match) => {
    switch (match) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "_":
        return "_x005F_";
      default:
        // A valid surrogate pair is an ordinary character.
        return match.length === 2 ? match : `_x${hex4(match.charCodeAt(0))}_`;
    }
  });
}

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

/** What element content (not attributes) must escape: no `"`, which row keys are full of. */
/* eslint-disable no-control-regex -- control characters are what these find */
const CONTENT_NEEDS_ESCAPE =
  /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;
/* eslint-enable no-control-regex */

/**
 * Text as XML element content: `xmlText`, less the quote escapes that only attribute values need.
 * @example xmlContent('["East","Ann"] & <b>') === '["East","Ann"] &amp; &lt;b&gt;'
 */
export function xmlContent(text: string): string {
  if (!CONTENT_NEEDS_ESCAPE.test(text)) return text;
  return text.includes('"') ? xmlText(text).replace(/&quot;/g, '"') : xmlText(text);
}

/** `<t>` with the whitespace kept when the text starts or ends with any. */
export function textElement(text: string): string {
  const open = /^\s|\s$/.test(text) ? '<t xml:space="preserve">' : "<t>";
  return `${open}${xmlContent(text)}</t>`;
}

/** Number formats Excel knows by id; others are declared in the styles part from id 164. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

const DEFAULT_FONT =
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';

/**
 * The styles part of a workbook, built as cells ask for looks: each distinct look (named style and
 * number format) becomes one cell format, fonts, fills and borders are shared, and the tones of
 * conditional formats are differential formats.
 * Given `base` (the counts an existing styles part holds), the ids it hands out follow that part's
 * own and `appendTo` adds its entries to it: the existing indices never change.
 * @example const styles = new StyleSheet(); styles.xfOf({ style: "total", numFmt: "#,##0" }) === 1
 */
export class StyleSheet {
  private readonly xfBase: number;
  private readonly nextNumFmt: number;
  private readonly fonts: Indexed;
  private readonly fills: Indexed;
  private readonly borders: Indexed;
  private readonly dxfs: Indexed;

  constructor(base?: StyleBase) {
    // The first font, fill and border of any styles part are the workbook's defaults.
    this.fonts = new Indexed([DEFAULT_FONT], base?.fonts);
    this.fills = new Indexed(
      [
        '<fill><patternFill patternType="none"/></fill>',
        '<fill><patternFill patternType="gray125"/></fill>',
      ],
      base?.fills,
    );
    this.borders = new Indexed(
      ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
      base?.borders,
    );
    this.dxfs = new Indexed([], base?.dxfs);
    this.xfBase = base ? base.cellXfs - 1 : 0;
    this.nextNumFmt = base?.nextNumFmtId ?? 164;
  }

  /** Cell format ids by named style, then number format ("" for none). */
  private readonly xfIds = new Map<string, Map<string, number>>();
  private readonly xfs: string[] = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ];
  private readonly numFmts = new Map<string, number>();

  /** The cell format index of a look (0 for none). */
  xfOf(look: CellLook): number {
    if (!look.style && !look.numFmt) return 0;
    // Looked up without building a key: this runs once per written cell.
    const style = look.style ?? "";
    let byFormat = this.xfIds.get(style);
    if (!byFormat) {
      byFormat = new Map();
      this.xfIds.set(style, byFormat);
    }
    const numFmt = look.numFmt ?? "";
    let id = byFormat.get(numFmt);
    if (id === undefined) {
      id = this.xfBase + this.xfs.length;
      this.xfs.push(this.xfXml(look));
      byFormat.set(numFmt, id);
    }
    return id;
  }

  /** The differential format of a conditional-format tone. */
  dxfOf(tone: ConditionalFormatSpec["tone"]): number {
    const { fill, font } = TONES[tone];
    return this.dxfs.idOf(
      `<dxf><font><color rgb="${font}"/></font><fill><patternFill patternType="solid"><bgColor rgb="${fill}"/></patternFill></fill></dxf>`,
    );
  }

  private numFmtId(format: string): number {
    const builtIn = BUILT_IN_FORMATS[format];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmts.get(format);
    if (id === undefined) {
      id = this.nextNumFmt + this.numFmts.size;
      this.numFmts.set(format, id);
    }
    return id;
  }

  private xfXml({ style, numFmt }: CellLook): string {
    const parts = style ? LOOKS[style] : {};
    const numFmtId = numFmt ? this.numFmtId(numFmt) : 0;
    let fontId = 0;
    if (parts.font) {
      const { bold, italic, size, color } = parts.font;
      fontId = this.fonts.idOf(
        `<font>${bold ? "<b/>" : ""}${italic ? "<i/>" : ""}<sz val="${size ?? 11}"/>${
          color ? `<color rgb="${color}"/>` : '<color theme="1"/>'
        }<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`,
      );
    }
    const fillId = parts.fill
      ? this.fills.idOf(
          `<fill><patternFill patternType="solid"><fgColor rgb="${parts.fill}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    let borderId = 0;
    if (parts.border) {
      const rule = `<color rgb="${parts.border.color}"/>`;
      const top = parts.border.side === "top" ? `<top style="thin">${rule}</top>` : "<top/>";
      const bottom =
        parts.border.side === "bottom" ? `<bottom style="thin">${rule}</bottom>` : "<bottom/>";
      borderId = this.borders.idOf(`<border><left/><right/>${top}${bottom}<diagonal/></border>`);
    }
    const applied = [
      numFmtId ? ' applyNumberFormat="1"' : "",
      fontId ? ' applyFont="1"' : "",
      fillId ? ' applyFill="1"' : "",
      borderId ? ' applyBorder="1"' : "",
      parts.alignment ? ' applyAlignment="1"' : "",
    ].join("");
    const attributes = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    if (!parts.alignment) return `<xf ${attributes}/>`;
    const wrap = parts.alignment.wrapText ? ' wrapText="1"' : "";
    return `<xf ${attributes}><alignment vertical="center"${wrap}/></xf>`;
  }

  /**
   * An existing styles part (the one `base` counted) with this sheet's number formats, fonts, fills,
   * borders, cell formats and differential formats appended; nothing already there moves.
   */
  appendTo(xml: string): string {
    let out = xml;
    const numFmts = [...this.numFmts]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
      .join("");
    out = appendChildren(out, "numFmts", numFmts, this.numFmts.size, STYLE_ORDER);
    out = appendChildren(out, "fonts", this.fonts.added(), this.fonts.addedCount(), STYLE_ORDER);
    out = appendChildren(out, "fills", this.fills.added(), this.fills.addedCount(), STYLE_ORDER);
    out = appendChildren(
      out,
      "borders",
      this.borders.added(),
      this.borders.addedCount(),
      STYLE_ORDER,
    );
    const xfs = this.xfs.slice(1);
    out = appendChildren(out, "cellXfs", xfs.join(""), xfs.length, STYLE_ORDER);
    return appendChildren(out, "dxfs", this.dxfs.added(), this.dxfs.addedCount(), STYLE_ORDER);
  }

  /** The styles part. */
  toXml(): string {
    const numFmts = [...this.numFmts]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
      .join("");
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      this.numFmts.size ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : "",
      this.fonts.list("fonts"),
      this.fills.list("fills"),
      this.borders.list("borders"),
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      this.dxfs.list("dxfs"),
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
      "</styleSheet>",
    ].join("");
  }
}

/** How many of each an existing styles part holds, and the first free custom number format id. */
export type StyleBase = {
  fonts: number;
  fills: number;
  borders: number;
  cellXfs: number;
  dxfs: number;
  nextNumFmtId: number;
};

/** The children of a styles part in the order the schema wants them. */
const STYLE_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/**
 * `xml` with `children` (`count` elements) appended to its `<tag>` list and the list's count raised,
 * the list created in schema order when the part has none. Only unprefixed parts are edited.
 */
function appendChildren(
  xml: string,
  tag: string,
  children: string,
  count: number,
  order: readonly string[],
): string {
  if (count === 0) return xml;
  const open = new RegExp(`<${tag}(\\s[^>]*?)?(/?)>`).exec(xml);
  if (open) {
    const attributes = open[1] ?? "";
    // Indices are positions: the children are counted, whatever the count attribute says.
    const existing = open[2] === "/" ? 0 : childCount(xml.slice(open.index), tag);
    const counted = attributes.replace(/\s+count="\d*"/, "");
    const head = `<${tag}${counted} count="${existing + count}">`;
    if (open[2] === "/") {
      return `${xml.slice(0, open.index)}${head}${children}</${tag}>${xml.slice(open.index + open[0].length)}`;
    }
    const close = xml.indexOf(`</${tag}>`, open.index);
    if (close < 0) throw new Error(`styles part: <${tag}> is not closed`);
    return `${xml.slice(0, open.index)}${head}${xml.slice(open.index + open[0].length, close)}${children}${xml.slice(close)}`;
  }
  const list = `<${tag} count="${count}">${children}</${tag}>`;
  for (const next of order.slice(order.indexOf(tag) + 1)) {
    const at = new RegExp(`<${next}[\\s/>]`).exec(xml);
    if (at) return xml.slice(0, at.index) + list + xml.slice(at.index);
  }
  const end = xml.lastIndexOf("</styleSheet>");
  if (end < 0) throw new Error("styles part: no <styleSheet> element");
  return xml.slice(0, end) + list + xml.slice(end);
}

/** The direct children of a `<tag>` list that opens `list` (their elements never nest). */
function childCount(list: string, tag: string): number {
  const close = list.indexOf(`</${tag}>`);
  const body = close < 0 ? "" : list.slice(0, close);
  const child = tag === "cellXfs" || tag === "cellStyleXfs" ? "xf" : tag.slice(0, -1);
  return (body.match(new RegExp(`<${child}[\\s/>]`, "g")) ?? []).length;
}

/**
 * How many of each an existing styles part holds (its children counted: indices are positions),
 * and the first custom number format id free in it.
 * @example styleBaseOf(stylesXml).cellXfs === 12
 */
export function styleBaseOf(xml: string): StyleBase {
  const countOf = (tag: string): number => {
    const open = new RegExp(`<${tag}(\\s[^>]*?)?(/?)>`).exec(xml);
    if (!open) return 0;
    return open[2] === "/" ? 0 : childCount(xml.slice(open.index), tag);
  };
  const ids = [...xml.matchAll(/<numFmt\s[^>]*numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  return {
    fonts: countOf("fonts"),
    fills: countOf("fills"),
    borders: countOf("borders"),
    cellXfs: countOf("cellXfs"),
    dxfs: countOf("dxfs"),
    nextNumFmtId: Math.max(163, ...ids) + 1,
  };
}

/**
 * Distinct XML snippets numbered in order of first use. The `initial` ones are the first of the
 * part (0, 1, …); those added later are numbered from `base` (the part's count when it exists).
 */
class Indexed {
  private readonly ids = new Map<string, number>();
  private readonly items: string[] = [];
  private readonly base: number;

  constructor(
    private readonly initial: string[],
    base?: number,
  ) {
    for (const item of initial) this.idOf(item);
    this.base = base ?? initial.length;
  }

  idOf(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) {
      const added = this.items.length - this.initial.length;
      id = this.items.length < this.initial.length ? this.items.length : this.base + added;
      this.items.push(xml);
      this.ids.set(xml, id);
    }
    return id;
  }

  /** The snippets added after the initial ones. */
  added(): string {
    return this.items.slice(this.initial.length).join("");
  }

  addedCount(): number {
    return this.items.length - this.initial.length;
  }

  list(tag: string): string {
    return `<${tag} count="${this.items.length}">${this.items.join("")}</${tag}>`;
  }
}

/**
 * The page setup of a sheet as SpreadsheetML, in the order the worksheet schema wants: the
 * `sheetPr` that turns on fitting (first child of the worksheet), then `pageSetup` (one page wide,
 * any number tall) and `headerFooter` (after `pageMargins`).
 * @example pageSetupXml(print).pageSetup === '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
 */
export function pageSetupXml(print: PrintSetup): {
  sheetPr: string;
  pageSetup: string;
  headerFooter: string;
} {
  return {
    sheetPr: '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    pageSetup: `<pageSetup orientation="${print.orientation}" fitToWidth="1" fitToHeight="0"/>`,
    headerFooter: `<headerFooter><oddFooter>${xmlText(`&C${print.footer}`)}</oddFooter></headerFooter>`,
  };
}
