"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/**
 * The scripts a built page loads before its first paint: the files its own `<script src>` tags
 * name, in order, each with its size and its gzip size (zlib's default level, as a web server
 * compresses). Chunks those scripts import later (`import()`) are not counted; scripts from other
 * origins (office.js from Microsoft's CDN) are listed apart.
 * @example initialScripts("dist", "taskpane.html").gzipBytes
 */
function initialScripts(dist, page) {
  const html = fs.readFileSync(path.join(dist, page), "utf8");
  const sources = [
    ...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
  const external = sources.filter((src) => /^(https?:)?\/\//i.test(src));
  const files = sources
    .filter((src) => !external.includes(src))
    .map((src) => {
      const bytes = fs.readFileSync(path.join(dist, src.split(/[?#]/)[0]));
      return { file: src, bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes).length };
    });
  if (files.length === 0) throw new Error(`${page} loads no script of its own`);
  return {
    files,
    external,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

module.exports = { initialScripts };
