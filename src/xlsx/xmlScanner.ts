import { StringDecoder } from "node:string_decoder";

/** What a scan hands on: element names without their namespace prefix (`x:c` is `c`). */
export type XmlHandler = {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data with entities decoded; one text node may come in several pieces. */
  text(text: string): void;
};

/** XML the scanner refuses: a document type (entity expansion) or a tag that never ends. */
export class XmlFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlFormatError";
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Text with XML's character and predefined entity references replaced.
 * @example decodeXmlText("a &amp; b &#x4E2D;") === "a & b 中"
 */
export function decodeXmlText(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/**
 * The value of one attribute in an element's attribute text, decoded; undefined when absent.
 * The name may carry a prefix (`r:id`); it is matched as written.
 * @example xmlAttribute(' r="B3" t="s"', "t") === "s"
 */
export function xmlAttribute(attributes: string, name: string): string | undefined {
  for (let at = attributes.indexOf(name); at >= 0; at = attributes.indexOf(name, at + 1)) {
    const before = attributes.charCodeAt(at - 1);
    // The name must stand alone: `t` is not the end of `ht` nor of `x:t`.
    if (at > 0 && before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let i = at + name.length;
    while (attributes[i] === " " || attributes[i] === "\t" || attributes[i] === "\n") i++;
    if (attributes[i] !== "=") continue;
    i++;
    while (attributes[i] === " " || attributes[i] === "\t" || attributes[i] === "\n") i++;
    const quote = attributes[i];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = attributes.indexOf(quote, i + 1);
    if (end < 0) return undefined;
    return decodeXmlText(attributes.slice(i + 1, end));
  }
  return undefined;
}

/** The index of the `>` that ends a tag opened at `from`, skipping any inside quoted values. */
function tagEnd(text: string, from: number): number {
  let quote = "";
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ">") {
      return i;
    }
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A streaming XML tokenizer over the bytes of one part, fed as they are inflated: it keeps only
 * the unfinished tail of the last piece, so a sheet of hundreds of megabytes is read in a few
 * kilobytes. Comments and processing instructions are skipped, CDATA is text; a document type is
 * refused (a package part has none, and entity expansion is how XML bombs work).
 * @example new XmlScanner({ open: (n) => names.push(n), close() {}, text() {} }).feed(Buffer.from("<c/>"))
 */
export class XmlScanner {
  private pending = "";
  private readonly decoder = new StringDecoder("utf8");

  constructor(private readonly handler: XmlHandler) {}

  /** Takes the next piece of the part's bytes. */
  feed(chunk: Uint8Array): void {
    this.scan(this.pending + this.decoder.write(Buffer.from(chunk)));
  }

  /** Ends the part: anything left unfinished is an error. */
  end(): void {
    this.scan(this.pending + this.decoder.end());
    if (this.pending.trim() !== "") throw new XmlFormatError("the XML ends inside a tag");
  }

  private scan(text: string): void {
    const handler = this.handler;
    let at = 0;
    for (;;) {
      const lt = text.indexOf("<", at);
      if (lt < 0) {
        // Text may end in the middle of an entity reference: keep it for the next piece.
        this.pending = text.slice(at);
        return;
      }
      if (lt > at) handler.text(decodeXmlText(text.slice(at, lt)));
      const next = text.charCodeAt(lt + 1);
      let end: number;
      if (next === 0x21 /* ! */) {
        if (text.startsWith("<!--", lt)) {
          end = text.indexOf("-->", lt + 4);
          if (end < 0) return this.keep(text, lt);
          at = end + 3;
        } else if (text.startsWith("<![CDATA[", lt)) {
          end = text.indexOf("]]>", lt + 9);
          if (end < 0) return this.keep(text, lt);
          handler.text(text.slice(lt + 9, end));
          at = end + 3;
        } else if (text.length - lt < 9) {
          return this.keep(text, lt);
        } else {
          throw new XmlFormatError("the XML declares a document type");
        }
        continue;
      }
      if (next === 0x3f /* ? */) {
        end = text.indexOf("?>", lt + 2);
        if (end < 0) return this.keep(text, lt);
        at = end + 2;
        continue;
      }
      end = tagEnd(text, lt + 1);
      if (end < 0) return this.keep(text, lt);
      if (next === 0x2f /* / */) {
        handler.close(localName(text.slice(lt + 2, end).trim()));
      } else {
        const selfClosing = text.charCodeAt(end - 1) === 0x2f;
        const inner = text.slice(lt + 1, selfClosing ? end - 1 : end);
        const space = inner.search(/[\s]/);
        const name = space < 0 ? inner : inner.slice(0, space);
        handler.open(localName(name), space < 0 ? "" : inner.slice(space), selfClosing);
      }
      at = end + 1;
    }
  }

  /** Keeps unfinished markup for the next piece. */
  private keep(text: string, from: number): void {
    this.pending = text.slice(from);
  }
}
