"use strict";
// Runs `stp` in this process and reports, on its last stdout line, the exit code and the peak
// resident memory of the whole run (the parent times the process from outside).
const path = require("path");
const { runCli } = require(path.join(__dirname, "..", "build", "cli", "main.js"));

runCli(process.argv.slice(2), {
  out: () => undefined,
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
}).then((code) => {
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ code, peakMb })}\n`);
  process.exit(code);
});
