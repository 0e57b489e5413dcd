import { promisify } from "node:util";
import * as zlib from "node:zlib";

const deflateRaw = promisify(zlib.deflateRaw);

/** A chunk deflated alone, ending with a sync flush: no final block, byte-aligned. */
function deflateChunk(bytes: Buffer, level: number): Promise<Buffer> {
  return deflateRaw(bytes, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

/** Past this a zip entry or archive needs ZIP64, which this writer does not produce. */
const ZIP32_LIMIT = 0xffff_ffff;
/** Uncompressed text gathered before it is handed to the compressor. */
const CHUNK_CHARACTERS = 1 << 20;
/** Chunks being compressed at once before the producer waits for the oldest. */
const CHUNKS_IN_FLIGHT = 3;
/** A final, empty deflate block: closes a stream of sync-flushed chunks. */
const FINAL_BLOCK = zlib.deflateRawSync(Buffer.alloc(0));
/** 1980-01-01 00:00 in MS-DOS form: a fixed time, so equal content gives equal archives. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

type Entry = {
  name: Buffer;
  crc: number;
  size: number;
  parts: Promise<Buffer>[];
  /** 8 deflated; an entry copied from another archive keeps its own method. */
  method: number;
};

/**
 * A zip archive built in memory, one entry at a time, each deflated as it is written: an entry's
 * text is never held whole, only its compressed bytes. Each chunk of about 1 MB is deflated on its
 * own on Node's thread pool, ending on a byte boundary (a sync flush, not a final block): chunks —
 * of one entry or of the next ones — compress side by side while more text is produced, and an
 * entry's chunks, closed by one final empty block, are one valid deflate stream. Entries are
 * stored with a fixed time, so the same content always gives the same bytes.
 * @example const zip = new ZipArchive(6); await zip.addText("a.xml", "<a/>"); const bytes = await zip.finish();
 */
export class ZipArchive {
  private readonly entries: Entry[] = [];
  /** Chunks handed to the thread pool and not yet known to be done, oldest first. */
  private readonly inFlight: Promise<Buffer>[] = [];

  constructor(private readonly level: number) {}

  /** Adds an entry whose whole text is at hand. */
  async addText(name: string, text: string): Promise<void> {
    await this.addEntry(name, async (write) => write(text));
  }

  /**
   * Adds an entry whose text `produce` writes in pieces, in order; `write` may be awaited so that
   * the compressor keeps up (memory stays bounded by a few chunks). `level` overrides the
   * archive's compression level for this entry.
   */
  async addEntry(
    name: string,
    produce: (write: (text: string) => Promise<void> | void) => Promise<void>,
    level = this.level,
  ): Promise<void> {
    const entry: Entry = {
      name: Buffer.from(name, "utf8"),
      crc: 0,
      size: 0,
      parts: [],
      method: 8,
    };
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = async (): Promise<void> => {
      if (pendingLength === 0) return;
      const bytes = Buffer.from(pending.join(""), "utf8");
      pending = [];
      pendingLength = 0;
      entry.crc = crc32(bytes, entry.crc);
      entry.size += bytes.length;
      if (entry.size > ZIP32_LIMIT) throw new RangeError(`zip entry ${name} is larger than 4 GB`);
      const part = deflateChunk(bytes, level);
      // A failure surfaces where the part is awaited (finish), never as an unhandled rejection.
      part.catch(() => undefined);
      entry.parts.push(part);
      this.inFlight.push(part);
      while (this.inFlight.length > CHUNKS_IN_FLIGHT)
        await this.inFlight.shift()!.catch(() => undefined);
    };
    await produce((text) => {
      pending.push(text);
      pendingLength += text.length;
      return pendingLength >= CHUNK_CHARACTERS ? flush() : undefined;
    });
    await flush();
    entry.parts.push(Promise.resolve(FINAL_BLOCK));
    this.entries.push(entry);
  }

  /**
   * Adds an entry exactly as another archive holds it: its compressed bytes, method, CRC and size
   * are copied, never inflated or compressed again.
   */
  addCopied(
    name: string,
    copied: { data: Uint8Array; method: number; crc: number; size: number },
  ): void {
    const data = Buffer.from(copied.data.buffer, copied.data.byteOffset, copied.data.byteLength);
    this.entries.push({
      name: Buffer.from(name, "utf8"),
      crc: copied.crc,
      size: copied.size,
      parts: [Promise.resolve(data)],
      method: copied.method,
    });
  }

  /** The archive's bytes, once every chunk is compressed: the entries, then the central directory. */
  async finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let offset = 0;
    const push = (bytes: Buffer) => {
      chunks.push(bytes);
      offset += bytes.length;
    };
    const written: { entry: Entry; compressed: number; offset: number }[] = [];
    for (const entry of this.entries) {
      const parts = await Promise.all(entry.parts);
      const compressed = parts.reduce((n, part) => n + part.length, 0);
      if (compressed > ZIP32_LIMIT || offset > ZIP32_LIMIT) {
        throw new RangeError(`zip entry ${entry.name.toString("utf8")} is larger than 4 GB`);
      }
      written.push({ entry, compressed, offset });
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4); // version needed: deflate
      header.writeUInt16LE(0x0800, 6); // names in UTF-8
      header.writeUInt16LE(entry.method, 8);
      header.writeUInt16LE(DOS_TIME, 10);
      header.writeUInt16LE(DOS_DATE, 12);
      header.writeUInt32LE(entry.crc >>> 0, 14);
      header.writeUInt32LE(compressed, 18);
      header.writeUInt32LE(entry.size, 22);
      header.writeUInt16LE(entry.name.length, 26);
      header.writeUInt16LE(0, 28);
      push(header);
      push(entry.name);
      for (const part of parts) push(part);
    }
    const start = offset;
    for (const { entry, compressed, offset: at } of written) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4); // made by: version 2.0
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0800, 8);
      record.writeUInt16LE(entry.method, 10);
      record.writeUInt16LE(DOS_TIME, 12);
      record.writeUInt16LE(DOS_DATE, 14);
      record.writeUInt32LE(entry.crc >>> 0, 16);
      record.writeUInt32LE(compressed, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      // Extra field, comment, disk number, internal and external attributes: all zero.
      record.writeUInt32LE(at, 42);
      push(record);
      push(entry.name);
    }
    const directorySize = offset - start;
    if (offset > ZIP32_LIMIT || this.entries.length > 0xffff) {
      throw new RangeError("zip archive is larger than 4 GB");
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(start, 16);
    push(end);
    return Buffer.concat(chunks, offset);
  }
}

type Crc32 = (data: Buffer, initial: number) => number;

/** zlib's CRC-32 where Node has it (20.15 and later), else a table-driven one. */
const crc32: Crc32 =
  (zlib as unknown as { crc32?: Crc32 }).crc32 ??
  (() => {
    const table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
    return (data: Buffer, initial: number): number => {
      let c = ~initial;
      for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
      return ~c >>> 0;
    };
  })();
