import { isAscii } from "node:buffer";
import { StringDecoder } from "node:string_decoder";

/** What a scan hands on: element names without their namespace prefix (`x:c` is `c`). */
export type XmlHandler = {
  /**
   * An element starts. Returning `SKIP_ELEMENT` passes over everything up to its end tag
   * unscanned (no calls for what it holds, nor for its end): for elements that nest no element
   * of their own name, such as a worksheet's cells.
   */
  open(name: string, attributes: string, selfClosing: boolean): void | typeof SKIP_ELEMENT;
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

/** Bytes decoded into one string at a time (see `XmlScanner.feed`). */
const DECODED_SLICE = 64 * 1024;

/** What `XmlHandler.open` returns to pass over an element's content unscanned. */
export const SKIP_ELEMENT = 1;

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
 * Where the value of one attribute starts in an element's attribute text (just past its opening
 * quote), or -1 when absent; the value ends at the next quote of the same kind. The name may carry
 * a prefix (`r:id`); it is matched as written.
 * @example attributeStart(' r="B3" t="s"', "t") === 11
 */
export function attributeStart(attributes: string, name: string): number {
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
    if (quote !== '"' && quote !== "'") return -1;
    return attributes.indexOf(quote, i + 1) < 0 ? -1 : i + 1;
  }
  return -1;
}

/** The end (the closing quote) of an attribute's value that starts at `start`. */
export function attributeEnd(attributes: string, start: number): number {
  return attributes.indexOf(attributes[start - 1], start);
}

/**
 * The value of one attribute in an element's attribute text, decoded; undefined when absent.
 * The name may carry a prefix (`r:id`); it is matched as written.
 * @example xmlAttribute(' r="B3" t="s"', "t") === "s"
 */
export function xmlAttribute(attributes: string, name: string): string | undefined {
  const start = attributeStart(attributes, name);
  if (start < 0) return undefined;
  return decodeXmlText(attributes.slice(start, attributeEnd(attributes, start)));
}

/** The index of the `>` that ends a tag opened at `from`, skipping any inside quoted values. */
function tagEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3e /* > */) return i;
    if (code === 0x22 /* " */ || code === 0x27 /* ' */) {
      // A quoted value: its end is the next quote of the same kind.
      i = text.indexOf(code === 0x22 ? '"' : "'", i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/** The end of an element's name in a tag opened at `from`: white space, `/` or `>`. */
function nameEnd(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2f) {
      return i;
    }
  }
  return end;
}

/** Short element names met before, by their character codes: `c`, `v`, `row`… made once. */
const SHORT_NAMES = new Map<number, string>();

/**
 * The local name (without its namespace prefix) of an element whose name is `text[start…end)`.
 * The names of cells and values, met millions of times in a sheet, are not made anew each time:
 * a string per tag would be millions of strings left to the garbage collector.
 */
function elementName(text: string, start: number, end: number): string {
  for (let i = end - 1; i >= start; i--) {
    if (text.charCodeAt(i) === 0x3a /* : */) {
      start = i + 1;
      break;
    }
  }
  if (end - start > 4) return text.slice(start, end);
  let key = 1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return text.slice(start, end);
    key = key * 128 + code;
  }
  let name = SHORT_NAMES.get(key);
  if (name === undefined) {
    name = text.slice(start, end);
    SHORT_NAMES.set(key, name);
  }
  return name;
}

/** The end of a closing tag's name (`</x:c >`): before any white space. */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const code = text.charCodeAt(end - 1);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) break;
    end--;
  }
  return end;
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
  /** The end tag (`</x:c`) of an element being passed over, or "" when none is. */
  private skipping = "";
  private readonly decoder = new StringDecoder("utf8");
  /** Whether the decoder holds no unfinished character (the last piece it took ended in ASCII). */
  private decoderEmpty = true;

  constructor(private readonly handler: XmlHandler) {}

  /** Takes the next piece of the part's bytes. */
  feed(chunk: Uint8Array): void {
    // A view of the same bytes, not a copy.
    const bytes = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // Decoded in slices: a string past 128 KB is allocated apart from the others and costs the
    // process many times more per byte to make and to collect.
    for (let start = 0; start < bytes.length; start += DECODED_SLICE) {
      this.feedSlice(bytes.subarray(start, Math.min(bytes.length, start + DECODED_SLICE)));
    }
  }

  private feedSlice(bytes: Buffer): void {
    let text: string;
    if (this.decoderEmpty && isAscii(bytes)) {
      // Most of a sheet's XML is ASCII, and ASCII is its own Latin-1: no decoding to do.
      text = bytes.toString("latin1");
    } else {
      text = this.decoder.write(bytes);
      this.decoderEmpty = bytes.length === 0 || bytes[bytes.length - 1]! < 0x80;
    }
    this.scan(this.pending + text);
  }

  /** Ends the part: anything left unfinished is an error. */
  end(): void {
    this.scan(this.pending + this.decoder.end());
    if (this.skipping !== "" || this.pending.trim() !== "") {
      throw new XmlFormatError("the XML ends inside a tag");
    }
  }

  /**
   * Where the content of the element being passed over ends (just past its end tag), or -1 when
   * the text ends first; then the unfinished tail that may begin its end tag is kept.
   */
  private skipFrom(text: string, from: number): number {
    const close = this.skipping;
    for (let at = text.indexOf(close, from); at >= 0; at = text.indexOf(close, at + 1)) {
      const after = text.charCodeAt(at + close.length);
      if (Number.isNaN(after)) break;
      // `</c` is not `</cfRule`: the name ends at `>` or white space.
      if (after !== 0x3e && after !== 0x20 && after !== 0x09 && after !== 0x0a && after !== 0x0d) {
        continue;
      }
      const end = text.indexOf(">", at + close.length);
      if (end < 0) break;
      this.skipping = "";
      return end + 1;
    }
    const tail = text.lastIndexOf("<");
    this.pending = tail >= from && tail > text.length - close.length - 64 ? text.slice(tail) : "";
    return -1;
  }

  private scan(text: string): void {
    const handler = this.handler;
    let at = 0;
    if (this.skipping !== "") {
      at = this.skipFrom(text, 0);
      if (at < 0) return;
    }
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
        handler.close(elementName(text, lt + 2, trimmedEnd(text, lt + 2, end)));
      } else {
        const selfClosing = text.charCodeAt(end - 1) === 0x2f;
        const innerEnd = selfClosing ? end - 1 : end;
        const named = nameEnd(text, lt + 1, innerEnd);
        const asked = handler.open(
          elementName(text, lt + 1, named),
          text.slice(named, innerEnd),
          selfClosing,
        );
        if (asked === SKIP_ELEMENT && !selfClosing) {
          this.skipping = `</${text.slice(lt + 1, named)}`;
          at = this.skipFrom(text, end + 1);
          if (at < 0) return;
          continue;
        }
      }
      at = end + 1;
    }
  }

  /** Keeps unfinished markup for the next piece. */
  private keep(text: string, from: number): void {
    this.pending = text.slice(from);
  }
}
