import type { ConditionalFormatSpec, PrintSetup } from "../sheets/sheetModel";
import { LOOKS, TONES, type CellLook } from "./cellStyles";

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
 * @example const styles = new StyleSheet(); styles.xfOf({ style: "total", numFmt: "#,##0" }) === 1
 */
export class StyleSheet {
  /** Cell format ids by named style, then number format ("" for none). */
  private readonly xfIds = new Map<string, Map<string, number>>();
  private readonly xfs: string[] = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ];
  private readonly fonts = new Indexed([DEFAULT_FONT]);
  private readonly fills = new Indexed([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Indexed([
    "<border><left/><right/><top/><bottom/><diagonal/></border>",
  ]);
  private readonly numFmts = new Map<string, number>();
  private readonly dxfs = new Indexed([]);

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
      id = this.xfs.length;
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
      id = 164 + this.numFmts.size;
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

/** Distinct XML snippets numbered in order of first use. */
class Indexed {
  private readonly ids = new Map<string, number>();
  private readonly items: string[] = [];

  constructor(initial: string[]) {
    for (const item of initial) this.idOf(item);
  }

  idOf(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(xml);
      this.ids.set(xml, id);
    }
    return id;
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
