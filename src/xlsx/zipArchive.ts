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

type Entry = { name: Buffer; crc: number; compressed: number; size: number; offset: number };

/**
 * A zip archive built in memory, one entry at a time, each deflated as it is written: an entry's
 * text is never held whole, only its compressed bytes. Entries are stored with a fixed time, so
 * the same content always gives the same bytes.
 * @example const zip = new ZipArchive(6); await zip.addText("a.xml", "<a/>"); const bytes = zip.finish();
 */
export class ZipArchive {
  private readonly chunks: Buffer[] = [];
  private readonly entries: Entry[] = [];
  private offset = 0;

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
    // Each chunk is deflated on its own, on Node's thread pool, ending on a byte boundary (a sync
    // flush, not a final block): chunks compress side by side while the next one is produced, and
    // their concatenation, closed by one final empty block, is one valid deflate stream.
    const inFlight: Promise<Buffer>[] = [];
    const compressedParts: Buffer[] = [];
    let compressed = 0;
    const settleOldest = async (): Promise<void> => {
      const part = await inFlight.shift()!;
      compressedParts.push(part);
      compressed += part.length;
    };
    let crc = 0;
    let size = 0;
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = async (): Promise<void> => {
      if (pendingLength === 0) return;
      const bytes = Buffer.from(pending.join(""), "utf8");
      pending = [];
      pendingLength = 0;
      crc = crc32(bytes, crc);
      size += bytes.length;
      inFlight.push(deflateChunk(bytes, level));
      if (inFlight.length > CHUNKS_IN_FLIGHT) await settleOldest();
    };
    await produce((text) => {
      pending.push(text);
      pendingLength += text.length;
      return pendingLength >= CHUNK_CHARACTERS ? flush() : undefined;
    });
    await flush();
    while (inFlight.length > 0) await settleOldest();
    compressedParts.push(FINAL_BLOCK);
    compressed += FINAL_BLOCK.length;
    const nameBytes = Buffer.from(name, "utf8");
    if (size > ZIP32_LIMIT || compressed > ZIP32_LIMIT || this.offset > ZIP32_LIMIT) {
      throw new RangeError(`zip entry ${name} is larger than 4 GB`);
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: deflate
    header.writeUInt16LE(0x0800, 6); // names in UTF-8
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(compressed, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.entries.push({ name: nameBytes, crc, compressed, size, offset: this.offset });
    this.push(header);
    this.push(nameBytes);
    for (const part of compressedParts) this.push(part);
  }

  /** The archive's bytes: the entries, then the central directory. */
  finish(): Buffer {
    const start = this.offset;
    for (const entry of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4); // made by: version 2.0
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0800, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt16LE(DOS_TIME, 12);
      record.writeUInt16LE(DOS_DATE, 14);
      record.writeUInt32LE(entry.crc >>> 0, 16);
      record.writeUInt32LE(entry.compressed, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      // Extra field, comment, disk number, internal and external attributes: all zero.
      record.writeUInt32LE(entry.offset, 42);
      this.push(record);
      this.push(entry.name);
    }
    const directorySize = this.offset - start;
    if (this.offset > ZIP32_LIMIT || this.entries.length > 0xffff) {
      throw new RangeError("zip archive is larger than 4 GB");
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(start, 16);
    this.push(end);
    return Buffer.concat(this.chunks, this.offset);
  }

  private push(bytes: Buffer): void {
    this.chunks.push(bytes);
    this.offset += bytes.length;
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
