"use strict";
// Runs `stp` as users run it (bin/stp.js) in this process and reports, on its last stdout line
// as the process exits, the exit code and the peak resident memory of the whole run (the parent
// times the process from outside).
const path = require("path");

const STP = path.join(__dirname, "..", "bin", "stp.js");
process.on("exit", (code) => {
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ code, peakMb })}\n`);
});
process.argv = [process.argv[0], STP, ...process.argv.slice(2)];
require(STP);
