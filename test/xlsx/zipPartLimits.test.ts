import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import JSZip from "jszip";
import { FileAccessError } from "../../src/xlsx/fileErrors";
import { readHistoryFile } from "../../src/xlsx/readHistoryFile";
import { zipBombWorkbook } from "../support/zipBomb";
import { rawXlsx, rowXml } from "../support/rawWorkbook";
import { readZipDirectory, ZipFormatError, type ZipEntry } from "../../src/xlsx/zipDirectory";
import { ZipArchive } from "../../src/xlsx/zipArchive";
import { checkDeclaredPartSizes, formatSize } from "../../src/xlsx/zipPartLimits";

const MB = 1024 * 1024;

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "stp-zip-limits-"));
});
afterAll(() => fsp.rm(dir, { recursive: true, force: true }));

async function saved(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await fsp.writeFile(file, bytes);
  return file;
}

/**
 * A one-entry zip archive whose headers declare `declared` bytes for deflated `data`; ZIP64
 * records (sizes in an extra field, a ZIP64 directory end) when `zip64`.
 */
function archive(name: string, data: Buffer, declared: number, zip64 = false): Buffer {
  const nameBytes = Buffer.from(name, "utf8");
  const full = 0xffffffff;
  const extra = Buffer.alloc(zip64 ? 20 : 0);
  if (zip64) {
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(declared), 4);
    extra.writeBigUInt64LE(BigInt(data.length), 12);
  }
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(zip64 ? 45 : 20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(zip64 ? full : data.length, 18);
  local.writeUInt32LE(zip64 ? full : declared, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(extra.length, 28);
  const directoryStart = local.length + nameBytes.length + extra.length + data.length;
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(zip64 ? 45 : 20, 4);
  entry.writeUInt16LE(zip64 ? 45 : 20, 6);
  entry.writeUInt16LE(8, 10);
  entry.writeUInt32LE(zip64 ? full : data.length, 20);
  entry.writeUInt32LE(zip64 ? full : declared, 24);
  entry.writeUInt16LE(nameBytes.length, 28);
  entry.writeUInt16LE(extra.length, 30);
  entry.writeUInt32LE(0, 42);
  const directory = Buffer.concat([entry, nameBytes, extra]);
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeBigUInt64LE(1n, 24);
    record.writeBigUInt64LE(1n, 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(directoryStart), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(directoryStart + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : 1, 8);
  end.writeUInt16LE(zip64 ? 0xffff : 1, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(zip64 ? full : directoryStart, 16);
  return Buffer.concat([local, nameBytes, extra, data, directory, ...tail, end]);
}

async function refusal(run: () => unknown): Promise<FileAccessError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof FileAccessError) return error;
    throw error;
  }
  throw new Error("expected a FileAccessError");
}

describe("readZipDirectory", () => {
  it("reads what JSZip writes, deflated and stored, as JSZip reads it back", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>".repeat(100));
    zip.file("docProps/app.xml", "<app/>", { compression: "STORE" });
    zip.file("销售.txt", "华东");
    const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    // JSZip adds folder entries ("xl/"): nothing in them.
    const entries = readZipDirectory(bytes).filter((e) => !e.name.endsWith("/"));
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ["xl/workbook.xml", 8, 1100],
      ["docProps/app.xml", 0, 6],
      ["销售.txt", 8, 6],
    ]);
    const stored = entries[1];
    expect(bytes.subarray(stored.dataOffset, stored.dataOffset + 6).toString()).toBe("<app/>");
    const deflated = entries[0];
    const data = bytes.subarray(deflated.dataOffset, deflated.dataOffset + deflated.compressedSize);
    expect(zlib.inflateRawSync(data).toString()).toBe("<workbook/>".repeat(100));
  });

  it("reads the archives the plan writer makes", async () => {
    const zip = new ZipArchive(6);
    await zip.addText("a.xml", "x".repeat(5000));
    await zip.addText("b.xml", "<b/>");
    const entries = readZipDirectory(await zip.finish());
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ["a.xml", 5000],
      ["b.xml", 4],
    ]);
  });

  it("reads ZIP64 sizes", () => {
    const data = zlib.deflateRawSync(Buffer.from("hello"));
    const [entry] = readZipDirectory(archive("big.xml", data, 5, true));
    expect(entry).toMatchObject({ name: "big.xml", size: 5, compressedSize: data.length });
  });

  it("refuses what is not a readable zip directory", () => {
    expect(() => readZipDirectory(Buffer.from("PK\u0003\u0004 not a zip at all"))).toThrow(
      ZipFormatError,
    );
    const whole = archive("a.xml", zlib.deflateRawSync(Buffer.from("abc")), 3);
    // The directory points at data past the end once the file is cut.
    expect(() => readZipDirectory(whole.subarray(30))).toThrow(ZipFormatError);
  });
});

describe("checkDeclaredPartSizes", () => {
  const entry = (size: number, compressedSize: number, name = "xl/worksheets/sheet1.xml") =>
    ({ name, method: 8, size, compressedSize, dataOffset: 0 }) as ZipEntry;

  it("lets a real history through: a million rows of sheet XML at 15 to 1", () => {
    expect(() => checkDeclaredPartSizes("h.xlsx", [entry(300 * MB, 20 * MB)])).not.toThrow();
    // Small parts may compress as well as they like.
    expect(() => checkDeclaredPartSizes("h.xlsx", [entry(90 * MB, 10_000)])).not.toThrow();
  });

  it("refuses a part inflating more than 100 times to more than 100 MB, naming it", async () => {
    const error = await refusal(() =>
      checkDeclaredPartSizes("bomb.xlsx", [entry(1024, 500), entry(5000 * MB, 5 * MB)]),
    );
    expect(error.code).toBe("zip-bomb");
    expect(error.params).toEqual({
      path: "bomb.xlsx",
      part: "xl/worksheets/sheet1.xml",
      size: "4.9 GB",
      compressed: "5 MB",
    });
  });

  it("refuses a part or a package larger than can be read", async () => {
    const part = await refusal(() => checkDeclaredPartSizes("h.xlsx", [entry(600 * MB, 60 * MB)]));
    expect(part.code).toBe("workbook-too-large");
    expect(part.params).toMatchObject({ part: "xl/worksheets/sheet1.xml", size: "600 MB" });
    const parts = Array.from({ length: 5 }, (_, i) => entry(450 * MB, 45 * MB, `part${i}.xml`));
    const all = await refusal(() => checkDeclaredPartSizes("h.xlsx", parts));
    expect(all.code).toBe("workbook-too-large");
    expect(all.params).toEqual({ path: "h.xlsx", size: "2.2 GB" });
  });
});

describe("the streamed readers' inflating", () => {
  it("reads a worksheet that inflates to its declared size", async () => {
    const file = await saved(
      "fine.xlsx",
      await rawXlsx([{ name: "S", rows: "<row/>".repeat(50_000) }]),
    );
    expect((await readHistoryFile(file)).map((g) => g.values)).toEqual([[]]);
  });

  it("refuses a worksheet inflating past what its header declares, without inflating it all", async () => {
    // 1 GB of spaces declared as 64 KB.
    const file = await saved("liar.xlsx", zipBombWorkbook(true));
    const started = Date.now();
    const error = await refusal(() => readHistoryFile(file));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.code).toBe("zip-bomb");
    expect(error.params).toEqual({
      path: file,
      part: "xl/worksheets/sheet1.xml",
      declared: "64 KB",
    });
  });
});

describe("merged areas", () => {
  it("covering more than a million cells refuse the package, naming the part and the area", async () => {
    const sheet = (after: string) => ({ name: "S", rows: rowXml(1, ["a"]), after });
    for (const compression of ["DEFLATE", "STORE"] as const) {
      const file = await saved(
        `merged-${compression}.xlsx`,
        await rawXlsx(
          [sheet('<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')],
          compression,
        ),
      );
      const error = await refusal(() => readHistoryFile(file));
      expect(error.code).toBe("merged-cells-too-many");
      expect(error.params).toEqual({
        path: file,
        part: "xl/worksheets/sheet1.xml",
        area: "A1:XFD1048576",
        cells: "17,179,869,184",
      });
    }
    // A report's merged regions are far fewer; counted over all the worksheets.
    const regions = `<mergeCells>${["B", "C", "D", "E", "F", "G"].map((c) => `<mergeCell ref="${c}2:${c}100001"/>`).join("")}</mergeCells>`;
    const fine = await saved("fine-merges.xlsx", await rawXlsx([sheet(regions)]));
    expect((await readHistoryFile(fine))[0].merges).toHaveLength(6);
    const twice = await saved(
      "twice.xlsx",
      await rawXlsx([sheet(regions), sheet(regions)].map((s, i) => ({ ...s, name: `S${i}` }))),
    );
    const error = await refusal(() => readHistoryFile(twice));
    expect(error.code).toBe("merged-cells-too-many");
    expect(error.params).toMatchObject({ part: "xl/worksheets/sheet2.xml" });
  });
});

describe("formatSize", () => {
  it("says sizes as people read them", () => {
    expect([500, 1536 * 1024, 600 * MB, 2.25 * 1024 * MB].map(formatSize)).toEqual([
      "1 KB",
      "1.5 MB",
      "600 MB",
      "2.3 GB",
    ]);
  });
});
