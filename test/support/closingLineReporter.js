"use strict";
/**
 * Prints one plain closing line after Jest's own summary — `tests: N passed, N failed` (and
 * `, N skipped` when some were) — so any log reader can tell at a glance how the run went.
 */
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(
      `tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`,
    );
  }
}
module.exports = ClosingLineReporter;
