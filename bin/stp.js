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
// A plan run builds large short-lived structures (the history's cells, then one sheet after
// another): a full collection once the heap has doubled, not quadrupled, keeps the process near
// twice what it holds live (a 1,000,000-row history plans in about 1 GB).
require("v8").setFlagsFromString("--heap-growing-percent=100");
require(main)
  .runCli(process.argv.slice(2))
  .then((code) => process.exit(code));
