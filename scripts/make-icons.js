#!/usr/bin/env node
// Draws the add-in's icons (16, 32, 64 and 80 px, RGBA PNG) into assets/: a green tile with three
// rising bars and a target dot above the tallest. Run: node scripts/make-icons.js
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { Buffer } = require("node:buffer");

const SIZES = [16, 32, 64, 80];
const TILE = [16, 124, 65]; // Excel green
const WHITE = [255, 255, 255];
const GOLD = [255, 196, 0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA image (rows of width × 4 bytes) as PNG bytes. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // no filter
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The colour at a point of the unit square (0…1, y down), or null outside the icon. */
function paint(x, y) {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const bars = [
    [0.2, 0.36, 0.62],
    [0.42, 0.58, 0.46],
    [0.64, 0.8, 0.3],
  ];
  for (const [left, right, top] of bars) {
    if (x >= left && x <= right && y >= top && y <= 0.82) return WHITE;
  }
  if ((x - 0.72) ** 2 + (y - 0.17) ** 2 <= 0.085 ** 2) return GOLD;
  return TILE;
}

function drawIcon(size) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          if (!colour) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) {
        rgba[at] = Math.round(red / covered);
        rgba[at + 1] = Math.round(green / covered);
        rgba[at + 2] = Math.round(blue / covered);
        rgba[at + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
  }
  return encodePng(size, size, rgba);
}

const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of SIZES) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), drawIcon(size));
}
console.log(`icons written to ${path.relative(process.cwd(), out) || "."}`);
