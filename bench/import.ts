// The CSV importer against its floors (issues 5 and 14), on a 200,000-row accounts export of four
// columns (External Id, Account Name, Segment, MRR as "$1,234.56"):
//
// • `--dry-run` (read, map, validate, compare with the book; nothing written) against one bare
//   papaparse pass over the same file (read it, Papa.parse it, nothing else). Target ≤ 2×.
// • `tend import accounts` start to finish (Node start, backup, import, rescore of the accounts it
//   touched) against a bare better-sqlite3 prepared-insert loop of the same four-column rows, already
//   parsed, in one transaction. Target ≤ 8×.
//
// Each figure is measured in rounds that run every step once (a busy machine slows a whole round,
// not one figure), and each ratio is the median of the rounds' ratios. Also printed, without targets:
// the importer alone in-process, the importer + rescore, and a dry run over a book that already holds
// every row (all 200,000 compared field by field).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { createImportService } from '../electron/services/importer';
import { createServices } from '../electron/services';
import { systemClock } from '../electron/services/context';
import type { Report } from './report';
import { roundRatio, timingOf, type Timing } from './report';
import { openTempDatabase } from './temp-db';

const SEGMENTS = ['Enterprise', 'Mid-Market', 'SMB'];
const SEGMENT_VALUES: Record<string, string> = { Enterprise: 'enterprise', 'Mid-Market': 'mid_market', SMB: 'smb' };
const AS_OF = '2026-11-24';
/** Rounds of each measurement (BENCH_IMPORT_ROUNDS); the median is reported. */
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3);

interface Row {
  externalId: string;
  name: string;
  segment: string;
  mrrCents: number;
}

function rowAt(i: number): Row {
  return { externalId: `ACC-${i}`, name: `Company ${i}`, segment: SEGMENTS[i % 3], mrrCents: (500 + (i % 9000)) * 100 + (i % 100) };
}

function writeCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'External Id,Account Name,Segment,MRR\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const r = rowAt(i);
    const money = `"$${(r.mrrCents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}"`;
    chunk += `${r.externalId},${r.name},${r.segment},${money}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;

async function timedAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export async function importBench(report: Report, rows: number): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-bench-import-'));
  try {
    const csv = path.join(folder, 'accounts.csv');
    writeCsv(csv, rows);
    report.value('rows', rows.toLocaleString('en-US'), `${(fs.statSync(csv).size / 2 ** 20).toFixed(1)} MiB CSV, 4 columns`);
    const parsed = Array.from({ length: rows }, (_, i) => rowAt(i));

    // A book that already holds every row, for the dry run that compares all of them.
    const full = await openTempDatabase('full.db');
    await createImportService({ ...createServices(full.opened, systemClock(AS_OF)).ctx, accountsChanged: () => {} }).run({ kind: 'accounts', file: csv });

    const times: Record<'papaparse' | 'dryRun' | 'dryRunFull' | 'insertFloor' | 'importer' | 'importerScored' | 'cli', number[]> = {
      papaparse: [],
      dryRun: [],
      dryRunFull: [],
      insertFloor: [],
      importer: [],
      importerScored: [],
      cli: [],
    };
    for (let round = 0; round < ROUNDS; round++) {
      // Floor 1: one bare papaparse pass — read the file, parse it, nothing else.
      times.papaparse.push(timed(() => Papa.parse<string[]>(fs.readFileSync(csv, 'utf8')).data.length).ms);

      // The dry run into an empty book, in-process: read, map, validate, compare; nothing written.
      const empty = await openTempDatabase('dry.db');
      const dryImporter = createImportService({ ...createServices(empty.opened, systemClock(AS_OF)).ctx, accountsChanged: () => {} });
      times.dryRun.push((await timedAsync(() => dryImporter.run({ kind: 'accounts', file: csv, dryRun: true }))).ms);
      empty.dispose();

      // The same over the book that has every row: each of the 200,000 is compared field by field.
      const fullImporter = createImportService({ ...createServices(full.opened, systemClock(AS_OF)).ctx, accountsChanged: () => {} });
      times.dryRunFull.push((await timedAsync(() => fullImporter.run({ kind: 'accounts', file: csv, dryRun: true }))).ms);

      // Floor 2: the same rows, parsed already, through one prepared statement in one transaction.
      const floorDb = await openTempDatabase('floor.db');
      const insert = floorDb.opened.sqlite.prepare("INSERT INTO accounts (external_id, name, segment, mrr_cents, custom_fields) VALUES (?, ?, ?, ?, '{}')");
      times.insertFloor.push(
        timed(() =>
          floorDb.opened.sqlite.transaction(() => {
            for (const r of parsed) insert.run(r.externalId, r.name, SEGMENT_VALUES[r.segment], r.mrrCents);
          })(),
        ).ms,
      );
      floorDb.dispose();

      // The importer alone (scores are not recomputed here).
      const quiet = await openTempDatabase('import.db');
      const importer = createImportService({ ...createServices(quiet.opened, systemClock(AS_OF)).ctx, accountsChanged: () => {} });
      times.importer.push((await timedAsync(() => importer.run({ kind: 'accounts', file: csv }))).ms);
      quiet.dispose();

      // The importer as the services wire it: the touched accounts are rescored after the write.
      const wired = await openTempDatabase('import-scored.db');
      const wiredServices = createServices(wired.opened, systemClock(AS_OF));
      times.importerScored.push((await timedAsync(() => wiredServices.importer.run({ kind: 'accounts', file: csv }))).ms);
      wired.dispose();

      // The command a user runs, start to finish (Node start-up, backup, import, rescore).
      const cliFolder = fs.mkdtempSync(path.join(folder, 'cli-'));
      const cli = timed(() =>
        spawnSync(process.execPath, ['dist/cli/tend.js', '--db', path.join(cliFolder, 'cli.db'), '--as-of', AS_OF, 'import', 'accounts', csv, '--json'], {
          encoding: 'utf8',
          maxBuffer: 1 << 30,
        }),
      );
      if (cli.value.status !== 0) report.note(`tend import exited ${cli.value.status}: ${cli.value.stderr.slice(0, 300)}`);
      times.cli.push(cli.ms);
      fs.rmSync(cliFolder, { recursive: true, force: true });
    }
    full.dispose();

    const t = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, timingOf(v)])) as Record<keyof typeof times, Timing>;
    report.time('floor: one bare papaparse pass', t.papaparse, rate(rows, t.papaparse.median));
    report.time('--dry-run, empty book (read, map, validate, compare)', t.dryRun, rate(rows, t.dryRun.median));
    report.ratio('--dry-run / papaparse pass', roundRatio(t.dryRun, t.papaparse), { max: 2 });
    report.time('--dry-run, every row already in the book', t.dryRunFull, rate(rows, t.dryRunFull.median));
    report.ratio('--dry-run (all rows compared) / papaparse pass', roundRatio(t.dryRunFull, t.papaparse));
    report.time('floor: bare prepared-insert loop, 4 columns', t.insertFloor, rate(rows, t.insertFloor.median));
    report.time('importer: read, map, validate, write', t.importer, rate(rows, t.importer.median));
    report.ratio('importer / insert floor', roundRatio(t.importer, t.insertFloor));
    report.time('importer + rescore of the touched accounts', t.importerScored, rate(rows, t.importerScored.median));
    report.ratio('importer + rescore / insert floor', roundRatio(t.importerScored, t.insertFloor));
    report.time('tend import accounts (the whole command)', t.cli, rate(rows, t.cli.median));
    report.ratio('tend import / insert floor', roundRatio(t.cli, t.insertFloor), { max: 8 });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
