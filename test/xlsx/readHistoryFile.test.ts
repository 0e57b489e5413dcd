import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FileAccessError } from "../../src/xlsx/fileErrors";
import { readHistoryFile } from "../../src/xlsx/readHistoryFile";
import { writeFixtureXlsx } from "../support/buildWorkbook";
import { encodeGb18030 } from "../support/encodeGb18030";

let dir: string;

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "stp-read-"));
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

describe("readHistoryFile on .xlsx", () => {
  let file: string;

  beforeAll(async () => {
    file = path.join(dir, "history.xlsx");
    await writeFixtureXlsx(file, [
      {
        name: "Sales",
        rows: [
          ["2025 sales by rep", null, null, null],
          ["Date", "Rep", "Amount", "Paid"],
          [new Date(Date.UTC(2025, 0, 15)), "Ann", 1200.5, true],
          [new Date(Date.UTC(2025, 1, 3, 12)), "Bo", "1,300.00", false],
          ["2025-03-01", "Cy", 99, null],
        ],
        merges: ["A1:D1"],
        numFmts: { A4: "yyyy/m/d h:mm", C3: "#,##0.00" },
        cells: {
          C6: { formula: "C3+C5", result: 1299.5 },
          C7: { sharedFormula: "C6", result: 5 } as never,
          B6: { richText: [{ text: "Bold", font: { bold: true } }, { text: " rest" }] },
          B7: { text: "Site", hyperlink: "http://example.com" },
          D6: { error: "#N/A" },
          D7: { formula: "1/0", result: { error: "#DIV/0!" } },
          A8: { formula: "A3+1", result: new Date(Date.UTC(2025, 0, 16)) },
        },
      },
      { name: "Lookup", rows: [["key"], ["a"]], state: "hidden" },
      { name: "Store", rows: [["{}"]], state: "veryHidden" },
    ]);
  });

  test("every sheet, in order, with its visibility", async () => {
    const grids = await readHistoryFile(file);
    expect(grids.map((g) => [g.sheet, g.state])).toEqual([
      ["Sales", "visible"],
      ["Lookup", "hidden"],
      ["Store", "veryHidden"],
    ]);
    expect(grids[1].values).toEqual([["key"], ["a"]]);
  });

  test("values as Excel's range.values gives them", async () => {
    const [sales] = await readHistoryFile(file);
    const v = sales.values;
    // A merged title: its top-left cell holds the text, the rest of the area is blank.
    expect(v[0]).toEqual(["2025 sales by rep", null, null, null]);
    expect(v[1]).toEqual(["Date", "Rep", "Amount", "Paid"]);
    expect(v[2]).toEqual([serial(2025, 1, 15), "Ann", 1200.5, true]);
    expect(v[3]).toEqual([serial(2025, 2, 3) + 0.5, "Bo", "1,300.00", false]);
    // A date typed as text stays text; the reader decides.
    expect(v[4]).toEqual(["2025-03-01", "Cy", 99, null]);
    expect(v[5]).toEqual([null, "Bold rest", 1299.5, "#N/A"]);
    expect(v[6]).toEqual([null, "Site", 5, "#DIV/0!"]);
    expect(v[7]).toEqual([serial(2025, 1, 16), null, null, null]);
    expect(v).toHaveLength(8);
  });

  test("number formats parallel to the values", async () => {
    const [sales] = await readHistoryFile(file);
    const f = sales.numberFormats!;
    expect(f).toHaveLength(sales.values.length);
    expect(f[2][0]).toBe("yyyy-mm-dd");
    expect(f[3][0]).toBe("yyyy/m/d h:mm");
    expect(f[2][2]).toBe("#,##0.00");
    expect(f[3][2]).toBe("General");
    // A formula's date result keeps the date format the file gives it (built-in format 14).
    expect(f[7][0]).toBe("mm-dd-yy");
    expect(f[0][3]).toBe("General");
  });
});

describe("readHistoryFile on .csv", () => {
  const write = async (name: string, bytes: Uint8Array | string) => {
    const file = path.join(dir, name);
    await fsp.writeFile(file, bytes);
    return file;
  };

  test('"CSV UTF-8" as Excel saves it: BOM and CRLF', async () => {
    const text = '\uFEFF日期,销售员,金额\r\n2025-01-15,张三,"1,200.50"\r\n2025-02-01,李四,\r\n';
    const file = await write("销售 2025.csv", text);
    const [grid] = await readHistoryFile(file);
    expect(grid.sheet).toBe("销售 2025");
    expect(grid.state).toBe("visible");
    expect(grid.values).toEqual([
      ["日期", "销售员", "金额"],
      ["2025-01-15", "张三", "1,200.50"],
      ["2025-02-01", "李四", null],
    ]);
  });

  test("GB18030 as Chinese Excel saves plain CSV", async () => {
    const text = "日期,区域,产品,金额\r\n2025/1/15,华东,茶叶,12000\r\n2025/1/16,华南,咖啡,-500\r\n";
    const bytes = encodeGb18030(text);
    // Really not UTF-8, so detection has to fall back.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const [grid] = await readHistoryFile(await write("gb.csv", bytes));
    expect(grid.values).toEqual([
      ["日期", "区域", "产品", "金额"],
      ["2025/1/15", "华东", "茶叶", "12000"],
      ["2025/1/16", "华南", "咖啡", "-500"],
    ]);
  });

  test("quoted commas, quotes and line breaks", async () => {
    const text = 'Rep,Note,Amount\n"Lee, Ann","said ""hi""\nthen left",5\nBo,,7';
    const [grid] = await readHistoryFile(await write("quoted.csv", text));
    expect(grid.values).toEqual([
      ["Rep", "Note", "Amount"],
      ["Lee, Ann", 'said "hi"\nthen left', "5"],
      ["Bo", null, "7"],
    ]);
  });

  test("a semicolon file (Excel in locales with a decimal comma)", async () => {
    const [grid] = await readHistoryFile(await write("de.csv", "Datum;Betrag\n01.02.2025;1,5\n"));
    expect(grid.values).toEqual([
      ["Datum", "Betrag"],
      ["01.02.2025", "1,5"],
    ]);
  });
});

describe("readHistoryFile errors", () => {
  const codeOf = async (file: string) => {
    try {
      await readHistoryFile(file);
    } catch (error) {
      expect(error).toBeInstanceOf(FileAccessError);
      const e = error as FileAccessError;
      expect(e.path).toBe(file);
      expect(e.params.path).toBe(file);
      return e.code;
    }
    throw new Error("no error");
  };

  test("a missing file", async () => {
    expect(await codeOf(path.join(dir, "nope.xlsx"))).toBe("file-not-found");
    expect(await codeOf(path.join(dir, "nope.csv"))).toBe("file-not-found");
  });

  test("file types this port does not read", async () => {
    const xls = path.join(dir, "old.xls");
    await fsp.writeFile(xls, "x");
    expect(await codeOf(xls)).toBe("unsupported-file-type");
    // A password-protected .xlsx is an OLE compound file.
    const encrypted = path.join(dir, "locked.xlsx");
    await fsp.writeFile(encrypted, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(await codeOf(encrypted)).toBe("unsupported-file-type");
  });

  test("a damaged workbook and a folder", async () => {
    const broken = path.join(dir, "broken.xlsx");
    await fsp.writeFile(broken, "this is not a zip file");
    expect(await codeOf(broken)).toBe("file-unreadable");
    const truncated = path.join(dir, "truncated.xlsx");
    await fsp.writeFile(truncated, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(await codeOf(truncated)).toBe("file-unreadable");
    // Only regular files are read: a folder is refused as one, before any read.
    const folder = path.join(dir, "folder.csv");
    await fsp.mkdir(folder);
    expect(await codeOf(folder)).toBe("file-not-regular");
  });
});
