import { CsvReadError } from "../../src/xlsx/csvReadError";
import { decodeCsvBytes } from "../../src/xlsx/decodeCsvBytes";
import { detectDelimiter, parseCsv } from "../../src/xlsx/parseCsv";
import { encodeGb18030 } from "../support/encodeGb18030";

describe("decodeCsvBytes", () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  test("Node decodes GB18030 (full ICU)", () => {
    // 日期 in GB2312/GBK/GB18030, independent of the test encoder.
    expect(new TextDecoder("gb18030").decode(Uint8Array.of(0xc8, 0xd5, 0xc6, 0xda))).toBe("日期");
    expect(decodeCsvBytes(Uint8Array.of(0xc8, 0xd5, 0xc6, 0xda))).toBe("日期");
  });

  test("UTF-8 with and without a byte-order mark", () => {
    expect(decodeCsvBytes(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8("金额,a")))).toBe("金额,a");
    expect(decodeCsvBytes(utf8("金额,a"))).toBe("金额,a");
    expect(decodeCsvBytes(utf8("plain ascii"))).toBe("plain ascii");
  });

  test("UTF-16 with a byte-order mark, both byte orders", () => {
    const le = Buffer.from("金额\tA", "utf16le");
    expect(decodeCsvBytes(Uint8Array.of(0xff, 0xfe, ...le))).toBe("金额\tA");
    const be = Buffer.from(le).swap16();
    expect(decodeCsvBytes(Uint8Array.of(0xfe, 0xff, ...be))).toBe("金额\tA");
  });

  test("bytes that are not UTF-8 are GB18030", () => {
    const text = "华东,华南,销售员张三,￥1,200";
    expect(decodeCsvBytes(encodeGb18030(text))).toBe(text);
    // A name with a character outside GB2312 (GBK's 镕) is still Chinese text.
    const names = "日期,客户,金额\r\n2025-01-05,朱镕基贸易有限公司,100\r\n";
    expect(decodeCsvBytes(encodeGb18030(names))).toBe(names);
  });

  test("UTF-16 without a byte-order mark, told by its NUL bytes", () => {
    const text = "日期,金额\r\n2025-01-05,1200\r\n";
    const le = Buffer.from(text, "utf16le");
    expect(decodeCsvBytes(le)).toBe(text);
    expect(decodeCsvBytes(Buffer.from(le).swap16())).toBe(text);
  });

  test("Shift-JIS, Big5 and Latin-1 are refused on the line that gives them away", () => {
    const japanese = encodeWith(
      "shift_jis",
      "日付,地域,担当者,売上金額\r\n2025/01/05,東京,佐藤,1200\r\n",
    );
    // GB18030 would read these bytes as other, valid characters.
    expect(() => new TextDecoder("gb18030", { fatal: true }).decode(japanese)).not.toThrow();
    const sjis = csvError(() => decodeCsvBytes(japanese));
    expect(sjis.code).toBe("csv-encoding-unknown");
    expect(sjis.params).toEqual({ line: 1 });

    const big5 = encodeWith("big5", "Date,Amount\r\n2025-01-05,1200\r\n日期,臺北市營業額\r\n");
    expect(csvError(() => decodeCsvBytes(big5)).params).toEqual({ line: 3 });

    const latin1 = Buffer.from("Name,Amount\nMüller,5\nJosé,7\n", "latin1");
    expect(csvError(() => decodeCsvBytes(latin1)).params).toEqual({ line: 2 });
  });
});

/** The CsvReadError a call throws. */
function csvError(run: () => unknown): CsvReadError {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvReadError) return error;
    throw error;
  }
  throw new Error("expected a CsvReadError");
}

/** Bytes of a text in a double-byte encoding Node decodes, by inverting its decoder. */
function encodeWith(encoding: string, text: string): Uint8Array {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      try {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // Not a character of this encoding.
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (table.has(ch)) bytes.push(...table.get(ch)!);
    else throw new Error(`${encoding} has no ${ch}`);
  }
  return Uint8Array.from(bytes);
}

describe("parseCsv", () => {
  test("RFC 4180: quotes, doubled quotes, embedded line breaks", () => {
    expect(parseCsv('a,"b,c","say ""x"""\r\n"two\r\nlines",,z\r\n')).toEqual([
      ["a", "b,c", 'say "x"'],
      ["two\r\nlines", null, "z"],
    ]);
  });

  test("LF, CR and CRLF line ends; no trailing empty row", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,b\r1,2\r")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  test("blank lines stay rows, so row numbers match the file", () => {
    expect(parseCsv("a,b\n\n1,2\n")).toEqual([
      ["a", "b"],
      [null, null],
      ["1", "2"],
    ]);
  });

  test("ragged rows are padded to one width", () => {
    expect(parseCsv("a\n1,2,3\n")).toEqual([
      ["a", null, null],
      ["1", "2", "3"],
    ]);
  });

  test("one line far longer than the rest does not widen every row to it", () => {
    const lines = ["Date,Amount", ...Array.from({ length: 100 }, (_, i) => `2025-01-05,${i}`)];
    lines.push(`2025-01-06,1${",".repeat(200_000)}x`);
    const rows = parseCsv(lines.join("\n"));
    expect(rows).toHaveLength(102);
    expect(rows[1]).toEqual(["2025-01-05", "0"]);
    expect(rows[101]).toHaveLength(200_002);
    expect(rows[101][200_001]).toBe("x");
  });

  test("empty and quoted-empty fields are blank; spaces are kept", () => {
    expect(parseCsv(' a ,"",\n')).toEqual([[" a ", null, null]]);
  });

  test("a stray quote inside a field is kept", () => {
    expect(parseCsv('5" pipe,x\n"6" pipe",y\n')).toEqual([
      ['5" pipe', "x"],
      ['6 pipe"', "y"],
    ]);
  });

  test("a quote never closed is an error on the line where it opened, not one field to the end", () => {
    const rows = [
      "Date,Rep,Amount",
      ...Array.from({ length: 35 }, (_, i) => `2025-01-${i},Ann,${i}`),
    ];
    rows[10] = '2025-01-10,"Ann,10';
    const error = csvError(() => parseCsv(rows.join("\r\n")));
    expect(error.code).toBe("csv-quote-unclosed");
    expect(error.params).toEqual({ line: 11 });
    // A doubled quote at the end of the file is a quote inside the field, not its end.
    expect(csvError(() => parseCsv('a,b\n1,"x""')).params).toEqual({ line: 2 });
  });

  test("lines count from the file's first, the byte-order mark and sep= line included", () => {
    expect(csvError(() => parseCsv('\uFEFFsep=;\na;b\n1;"2\n')).params).toEqual({ line: 3 });
    expect(csvError(() => parseCsv('a,b\r1,2\r\n3,"x')).params).toEqual({ line: 3 });
  });

  test("a quote closed lines later in the middle of a field is an error naming both lines", () => {
    const text = 'Rep,Note\nAnn,"open\nBo,ok\nCy,5" pipe\nDi,x\n';
    const error = csvError(() => parseCsv(text));
    expect(error.code).toBe("csv-quote-unclosed");
    expect(error.params).toEqual({ line: 2, closes: 4 });
    // A field spanning lines that closes properly is text with line breaks.
    expect(parseCsv('Rep,Note\nAnn,"two\nlines"\n')).toEqual([
      ["Rep", "Note"],
      ["Ann", "two\nlines"],
    ]);
  });

  test("the delimiter: comma unless the first line clearly uses ; or tab", () => {
    expect(detectDelimiter("a,b;c\n")).toBe(",");
    expect(detectDelimiter("Datum;Betrag;Region\n1,5;2,5;x")).toBe(";");
    expect(detectDelimiter("a\tb\tc\n")).toBe("\t");
    expect(detectDelimiter('"x;y;z",b\n')).toBe(",");
    expect(parseCsv("a\tb\n1,5\t2")).toEqual([
      ["a", "b"],
      ["1,5", "2"],
    ]);
  });

  test("Excel's sep= line names the delimiter, any one character, and is not a row", () => {
    expect(parseCsv("sep=;\r\na;b,c\r\n")).toEqual([["a", "b,c"]]);
    expect(parseCsv("sep=|\nDate|Amount\n2025-01-05|1,200.50\n")).toEqual([
      ["Date", "Amount"],
      ["2025-01-05", "1,200.50"],
    ]);
    expect(parseCsv("\uFEFFsep=\t\na\tb")).toEqual([["a", "b"]]);
  });

  test("an empty file has no rows", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\uFEFF")).toEqual([]);
  });
});
