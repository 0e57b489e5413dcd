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
  });
});

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

  test("empty and quoted-empty fields are blank; spaces are kept", () => {
    expect(parseCsv(' a ,"",\n')).toEqual([[" a ", null, null]]);
  });

  test("a stray quote inside a field is kept, an unterminated one runs to the end", () => {
    expect(parseCsv('5" pipe,x\n"open,y\nz')).toEqual([
      ['5" pipe', "x"],
      ["open,y\nz", null],
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

  test("Excel's sep= line names the delimiter and is not a row", () => {
    expect(parseCsv("sep=;\r\na;b,c\r\n")).toEqual([["a", "b,c"]]);
  });

  test("an empty file has no rows", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\uFEFF")).toEqual([]);
  });
});
