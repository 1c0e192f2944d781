// `npm run bench`: a benchmark, not a test — it prints figures and whether each target is met, and
// never fails on time. Sections run in order; add a new one with `await section(name, fn)` below
// (bench/report.ts has `measure`, `timed` and the Report that prints figures, ratios and targets).
import os from 'node:os';
import Database from 'better-sqlite3';
import { section, targetResults } from './report';
import { captureBench } from './capture';
import { importBench } from './import';
import { readingBench } from './reading';
import { scoringBench } from './scoring';
import { openTempDatabase } from './temp-db';

/** Book size; BENCH_ACCOUNTS overrides it for a quick run (the figures to record use 10,000). */
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);

function printMachine(): void {
  const cpus = os.cpus();
  const sqliteVersion = (new Database(':memory:').prepare('SELECT sqlite_version()').pluck().get() as string);
  console.log('Tend benchmark');
  console.log(`  machine  ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} logical cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`);
  console.log(`  system   ${os.type()} ${os.release()} ${os.arch()}`);
  console.log(`  runtime  Node ${process.version}, SQLite ${sqliteVersion} (better-sqlite3)`);
  console.log(`  load     ${loadAverage()} (1/5/15-minute load average at start; figures are wall-clock)`);
}

/** Other work on the machine slows every figure; the load average says how busy it was. */
const loadAverage = (): string => os.loadavg().map((x) => x.toFixed(2)).join(' / ');

function printSummary(): void {
  console.log('\n== Targets ' + '='.repeat(63));
  console.log(`  load average at the end: ${loadAverage()}`);
  for (const t of targetResults()) console.log(`  ${t.met ? 'MET    ' : 'NOT MET'}  ${t.section}: ${t.label} — ${t.detail}`);
}

async function main(): Promise<void> {
  printMachine();

  await section(`Scoring, ${ACCOUNTS.toLocaleString('en-US')} accounts`, async (report) => {
    const temp = await openTempDatabase('scoring-bench.db');
    try {
      await scoringBench(report, temp, ACCOUNTS);
    } finally {
      temp.dispose();
    }
  });

  const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 200_000);
  await section(`CSV import, ${importRows.toLocaleString('en-US')} account rows`, (report) => importBench(report, importRows));

  const captureMessages = Number(process.env.BENCH_CAPTURE_MESSAGES ?? 10_000);
  await section(`Capture, a ${captureMessages.toLocaleString('en-US')}-message mbox`, (report) => captureBench(report, captureMessages));

  await section(`Trends and the account brief, ${ACCOUNTS.toLocaleString('en-US')} accounts`, (report) => readingBench(report, ACCOUNTS));

  printSummary();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
