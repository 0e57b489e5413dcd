/** One entry of a zip archive as its central directory declares it. */
export type ZipEntry = {
  name: string;
  /** 0 stored, 8 deflated (anything else no reader here inflates). */
  method: number;
  compressedSize: number;
  /** Declared size once inflated: a lying archive may inflate to more. */
  size: number;
  /** Where the entry's compressed bytes start. */
  dataOffset: number;
  /** CRC-32 of the inflated bytes, as the directory declares it. */
  crc: number;
};

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const FULL16 = 0xffff;
const FULL32 = 0xffff_ffff;

/** A zip archive whose directory cannot be read. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function uint64(data: DataView, at: number): number {
  return Number(data.getBigUint64(at, true));
}

function findEnd(data: DataView): number {
  // The record is 22 bytes followed by a comment of at most 65,535.
  const last = data.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - FULL16; at--) {
    if (data.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw new ZipFormatError("no zip directory");
}

/** Where the directory is and how many entries it has, ZIP64 archives included. */
function directory(data: DataView): { offset: number; count: number } {
  const end = findEnd(data);
  let count = data.getUint16(end + 10, true);
  let offset = data.getUint32(end + 16, true);
  if (count === FULL16 || offset === FULL32) {
    const locator = end - 20;
    if (locator < 0 || data.getUint32(locator, true) !== ZIP64_LOCATOR) {
      throw new ZipFormatError("ZIP64 directory not found");
    }
    const record = uint64(data, locator + 8);
    if (record + 56 > data.byteLength || data.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) {
      throw new ZipFormatError("ZIP64 directory not found");
    }
    count = uint64(data, record + 32);
    offset = uint64(data, record + 48);
  }
  return { offset, count };
}

/** The 64-bit sizes and offset a ZIP64 extra field holds for the fields full in the entry. */
function zip64Fields(
  data: DataView,
  from: number,
  to: number,
  wanted: { size: boolean; compressed: boolean; offset: boolean },
): { size?: number; compressed?: number; offset?: number } {
  for (let at = from; at + 4 <= to;) {
    const id = data.getUint16(at, true);
    const length = data.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      const fields: { size?: number; compressed?: number; offset?: number } = {};
      let field = at + 4;
      const next = (): number | undefined => {
        if (field + 8 > at + 4 + length) return undefined;
        const value = uint64(data, field);
        field += 8;
        return value;
      };
      if (wanted.size) fields.size = next();
      if (wanted.compressed) fields.compressed = next();
      if (wanted.offset) fields.offset = next();
      return fields;
    }
    at += 4 + length;
  }
  return {};
}

/**
 * The entries of a zip archive, from its central directory (as JSZip reads them), ZIP64 included:
 * name, compression method, compressed and declared sizes, and where each one's data starts.
 * Reads only the directory and local headers, never inflates. Throws `ZipFormatError` when the
 * directory or a header is missing or out of the file.
 * @example readZipDirectory(bytes).find((e) => e.name === "xl/workbook.xml")?.size
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes);
  if (data.byteLength < 22) throw new ZipFormatError("too short to be a zip archive");
  const { offset, count } = directory(data);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.byteLength || data.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw new ZipFormatError(`zip directory entry ${i + 1} not found`);
    }
    const method = data.getUint16(at + 10, true);
    const crc = data.getUint32(at + 16, true);
    let compressedSize = data.getUint32(at + 20, true);
    let size = data.getUint32(at + 24, true);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    let local = data.getUint32(at + 42, true);
    const nameStart = at + 46;
    if (nameStart + nameLength + extraLength > data.byteLength) {
      throw new ZipFormatError(`zip directory entry ${i + 1} is cut short`);
    }
    const name = decoder.decode(bytes.subarray(nameStart, nameStart + nameLength));
    if (size === FULL32 || compressedSize === FULL32 || local === FULL32) {
      const wide = zip64Fields(data, nameStart + nameLength, nameStart + nameLength + extraLength, {
        size: size === FULL32,
        compressed: compressedSize === FULL32,
        offset: local === FULL32,
      });
      size = wide.size ?? size;
      compressedSize = wide.compressed ?? compressedSize;
      local = wide.offset ?? local;
    }
    if (local + 30 > data.byteLength || data.getUint32(local, true) !== LOCAL_HEADER) {
      throw new ZipFormatError(`the data of ${name} is not where the zip directory says`);
    }
    const dataOffset =
      local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true);
    if (dataOffset + compressedSize > data.byteLength) {
      throw new ZipFormatError(`the data of ${name} runs past the end of the file`);
    }
    entries.push({ name, method, compressedSize, size, dataOffset, crc });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}
