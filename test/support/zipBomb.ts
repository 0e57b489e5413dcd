import * as zlib from "node:zlib";

/**
 * A deflate stream of `copies` × `chunk` spaces made by compressing one chunk once: each copy
 * ends on a byte boundary without referring outside itself, so the copies chain into one stream.
 * 64 copies of 16 MB inflate to 1 GB from about 1 MB.
 * @example zlib.inflateRawSync(deflatedSpaces(1024, 2)).length === 2048
 */
export function deflatedSpaces(chunk: number, copies: number): Buffer {
  const part = zlib.deflateRawSync(Buffer.alloc(chunk, 0x20), {
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  });
  return Buffer.concat([...Array<Buffer>(copies).fill(part), zlib.deflateRawSync(Buffer.alloc(0))]);
}

type Part = { name: string; method: 0 | 8; data: Buffer; size: number; crc: number };

/** A zip archive of these parts, each declaring `size` as its inflated size. */
function zipOf(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(part.method, 8);
    header.writeUInt32LE(part.crc, 14);
    header.writeUInt32LE(part.data.length, 18);
    header.writeUInt32LE(part.size, 22);
    header.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(part.method, 10);
    entry.writeUInt32LE(part.crc, 16);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, name);
    chunks.push(header, name, part.data);
    offset += header.length + name.length + part.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directoryBytes, end]);
}

function stored(name: string, text: string): Part {
  const data = Buffer.from(text, "utf8");
  return { name, method: 0, data, size: data.length, crc: zlib.crc32(data) };
}

/**
 * An .xlsx package whose worksheet inflates to 1 GB of spaces from about 1 MB. Its zip headers
 * say so, or, with `lie`, declare 64 KB: a reader trusting them would inflate it all the same.
 * @example await fsp.writeFile("bomb.xlsx", zipBombWorkbook())
 */
export function zipBombWorkbook(lie = false): Buffer {
  const sheet = deflatedSpaces(16 * 1024 * 1024, 64);
  return zipOf([
    stored(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    stored(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    stored(
      "xl/workbook.xml",
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sales" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    stored(
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    {
      name: "xl/worksheets/sheet1.xml",
      method: 8,
      data: sheet,
      size: lie ? 64 * 1024 : 1024 * 1024 * 1024,
      // Never checked: the part is refused before it is inflated whole.
      crc: 0,
    },
  ]);
}
