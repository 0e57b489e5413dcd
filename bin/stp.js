#!/usr/bin/env node
"use strict";
// `stp` entry point: runs the compiled command line (built by `npm run build`, which `npm ci` runs).
const path = require("path");
const fs = require("fs");
const main = path.join(__dirname, "..", "build", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write(
    "stp is not built yet: run `npm run build` (npm ci does it) and try again.\n",
  );
  process.exit(3);
}
require(main)
  .runCli(process.argv.slice(2))
  .then((code) => process.exit(code));
