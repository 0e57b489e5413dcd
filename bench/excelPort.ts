/**
 * The Excel port's benchmark over the strict in-memory workbook (test/support/excelFake), which
 * counts round trips and measures every request and response as Office.js would send it. Run by
 * bench/run.js; prints one line of JSON on stdout, progress on stderr.
 *
 * excel_read_1m_rows: the 1,000,000-row, 8-column history of engine_1m_rows read from a sheet,
 * then checked cell by cell; also its first 250,000 and 500,000 rows, so that the growth of round
 * trips with blocks shows. excel_write_200_reps: a 200-rep plan's sheets written into a workbook
 * holding the history, then checked; also 50 and 100 reps.
 */
import { benchmarkHistory, measureRead, type ReadMeasure } from "./excelReadBenchmark";
import { measureWrite, type WriteMeasure } from "./excelWriteBenchmark";

const READ_ROWS = [250_000, 500_000, 1_000_000];
const WRITE_REPS = [50, 100, 200];

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Seconds since `started`, to one decimal. */
function since(started: bigint): string {
  return (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
}

function describe(m: ReadMeasure | WriteMeasure): string {
  return `${m.blocks} blocks, ${m.syncs} syncs, largest request ${m.max_request_bytes} B, largest response ${m.max_response_bytes} B`;
}

async function main(): Promise<void> {
  let started = process.hrtime.bigint();
  const history = benchmarkHistory();
  const available = history.values.length - 1;
  log(`history: ${available} rows × 8 columns generated in ${since(started)} s`);
  const reads: ReadMeasure[] = [];
  for (const rows of READ_ROWS) {
    started = process.hrtime.bigint();
    const read = await measureRead(history, Math.min(rows, available));
    reads.push(read);
    log(`read ${read.rows} rows: ${describe(read)} (${since(started)} s)`);
  }
  const writes: WriteMeasure[] = [];
  for (const reps of WRITE_REPS) {
    started = process.hrtime.bigint();
    const write = await measureWrite(reps);
    writes.push(write);
    log(`write ${reps} reps (${write.sheets} sheets): ${describe(write)} (${since(started)} s)`);
  }
  const fullRead = reads[reads.length - 1];
  const fullWrite = writes[writes.length - 1];
  const results = {
    excel_read_1m_rows: {
      syncs: fullRead.syncs,
      max_request_bytes: fullRead.max_request_bytes,
      max_response_bytes: fullRead.max_response_bytes,
      rows: fullRead.rows,
      blocks: fullRead.blocks,
      growth: reads.map(({ rows, blocks, syncs, max_response_bytes }) => ({
        rows,
        blocks,
        syncs,
        max_response_bytes,
      })),
      // The benchmark's whole process; the 1,000,000-row workbook is the largest thing it holds.
      peak_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    },
    excel_write_200_reps: {
      syncs: fullWrite.syncs,
      max_request_bytes: fullWrite.max_request_bytes,
      sheets: fullWrite.sheets,
      cells: fullWrite.cells,
      blocks: fullWrite.blocks,
      growth: writes.map(({ reps, sheets, cells, blocks, syncs, max_request_bytes }) => ({
        reps,
        sheets,
        cells,
        blocks,
        syncs,
        max_request_bytes,
      })),
    },
  };
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
