import { xmlAttribute, type XmlHandler } from "./xmlScanner";

/** The number format of one cell style: its code, and whether a number under it is a date. */
export type StyleFormat = { code: string; dated: boolean };

/** A cell without a style, or whose style sets no number format. */
export const GENERAL: StyleFormat = { code: "General", dated: false };

/**
 * Excel's built-in number formats a style names by id without spelling them out: the codes Excel
 * gives them (dates and times as `mm-dd-yy`, `h:mm`…), and for the East Asian date and time ids
 * 27–36 and 50–58 their Simplified Chinese codes. Ids not listed (5–8, currency in the reader's
 * locale) read as General.
 */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/**
 * Whether a number under a format is a point in time (a date, a time or both), so that its value
 * is read as a date: the format shows a year, month, day, hour, minute or second outside quoted
 * text and `[...]` sections. `[h]:mm` durations count, as they do for ExcelJS.
 * @example showsDateOrTime('yyyy"年"m"月"') === true; showsDateOrTime('0.0 "days"') === false
 */
export function showsDateOrTime(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

function styleFormat(code: string | undefined): StyleFormat {
  if (!code) return GENERAL;
  return { code, dated: showsDateOrTime(code) };
}

/**
 * Collects, from `xl/styles.xml` as it is scanned, the number format of each cell style
 * (`<cellXfs>`, by index): the style's `numFmtId`, looked up in the workbook's own formats
 * (`<numFmts>`, backslash escapes taken out) and then in Excel's built-in ones.
 * @example const s = new StyleFormatsScanner(); new XmlScanner(s).feed(bytes); s.formats()[3].code
 */
export class StyleFormatsScanner implements XmlHandler {
  private readonly custom = new Map<number, string>();
  private readonly ids: number[] = [];
  private inCellXfs = false;

  open(name: string, attributes: string, selfClosing: boolean): void {
    if (name === "numFmt") {
      const id = parseInt(xmlAttribute(attributes, "numFmtId") ?? "", 10);
      const code = xmlAttribute(attributes, "formatCode");
      if (Number.isInteger(id) && code !== undefined) {
        this.custom.set(id, code.replace(/[\\](.)/g, "$1"));
      }
    } else if (name === "cellXfs") {
      this.inCellXfs = !selfClosing;
    } else if (name === "xf" && this.inCellXfs) {
      this.ids.push(parseInt(xmlAttribute(attributes, "numFmtId") ?? "", 10));
    }
  }

  close(name: string): void {
    if (name === "cellXfs") this.inCellXfs = false;
  }

  text(): void {}

  /**
   * Each cell style's number format, by style index. Style 0, the one cells without a style have,
   * reads as General whatever it says, as ExcelJS read it.
   */
  formats(): StyleFormat[] {
    const byId = new Map<number, StyleFormat>();
    return this.ids.map((id, index) => {
      if (index === 0 || !id) return GENERAL;
      let format = byId.get(id);
      if (!format) {
        format = styleFormat(this.custom.get(id) || BUILT_IN[id]);
        byId.set(id, format);
      }
      return format;
    });
  }
}
