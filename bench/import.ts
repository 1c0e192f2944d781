// Issue 5's benchmark: a 200,000-row accounts CSV through the importer, against the floor — a bare
// better-sqlite3 prepared-insert loop of the same rows, already parsed, in one transaction. Reported
// three ways: the importer alone (read + map + validate + write), the importer plus the rescore of
// every account it touched, and the whole `tend import` command as a user runs it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createImportService } from '../electron/services/importer';
import { createServices } from '../electron/services';
import { systemClock } from '../electron/services/context';
import type { Report } from './report';
import { timed } from './report';
import { openTempDatabase } from './temp-db';

const SEGMENTS = ['Enterprise', 'Mid-Market', 'SMB'];
const STAGES = ['Onboarding', 'Adoption', 'Expansion'];

interface Row {
  externalId: string;
  name: string;
  segment: string;
  stage: string;
  mrrCents: number;
  renewalDate: string;
  seats: number;
  industry: string;
}

function rowAt(i: number): Row {
  return {
    externalId: `ACC-${i}`,
    name: `Company ${i} Holdings`,
    segment: SEGMENTS[i % 3],
    stage: STAGES[i % 3],
    mrrCents: (500 + (i % 9000)) * 100 + (i % 100),
    renewalDate: `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    seats: 5 + (i % 500),
    industry: ['Finance', 'Retail', 'Healthcare', 'Logistics'][i % 4],
  };
}

function writeCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'External Id,Account Name,Segment,Stage,MRR,Renewal Date,Seats,Industry\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const r = rowAt(i);
    const money = `"$${(r.mrrCents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}"`;
    chunk += `${r.externalId},${r.name},${r.segment},${r.stage},${money},${r.renewalDate},${r.seats},${r.industry}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

export async function importBench(report: Report, rows: number): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-bench-import-'));
  try {
    const csv = path.join(folder, 'accounts.csv');
    writeCsv(csv, rows);
    report.value('rows', rows.toLocaleString('en-US'), `${(fs.statSync(csv).size / 2 ** 20).toFixed(1)} MiB CSV`);

    // The floor: the same rows, parsed already, through one prepared statement in one transaction.
    const floorDb = await openTempDatabase('floor.db');
    const insert = floorDb.opened.sqlite.prepare(
      `INSERT INTO accounts (external_id, name, segment, stage, mrr_cents, renewal_date, seats, industry, custom_fields)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}')`,
    );
    const parsed = Array.from({ length: rows }, (_, i) => rowAt(i));
    const segment = { Enterprise: 'enterprise', 'Mid-Market': 'mid_market', SMB: 'smb' } as Record<string, string>;
    const floor = timed(() =>
      floorDb.opened.sqlite.transaction(() => {
        for (const r of parsed) {
          insert.run(r.externalId, r.name, segment[r.segment], r.stage.toLowerCase(), r.mrrCents, r.renewalDate, r.seats, r.industry);
        }
      })(),
    ).ms;
    floorDb.dispose();
    report.time('floor: bare prepared-insert loop', floor, `${Math.round(rows / (floor / 1000)).toLocaleString('en-US')} rows/s`);

    // The importer alone: scores are not recomputed here (that is measured next).
    const quiet = await openTempDatabase('import.db');
    const services = createServices(quiet.opened, systemClock('2026-11-24'));
    const importer = createImportService({ ...services.ctx, accountsChanged: () => {} });
    const alone = (await timedAsync(() => importer.run({ kind: 'accounts', file: csv }))).ms;
    quiet.dispose();
    report.time('importer: read, map, validate, write', alone, `${Math.round(rows / (alone / 1000)).toLocaleString('en-US')} rows/s`);
    report.ratio('importer / floor', alone / floor, { max: 4 });

    // The importer as the services wire it: the touched accounts are rescored after the write.
    const wired = await openTempDatabase('import-scored.db');
    const wiredServices = createServices(wired.opened, systemClock('2026-11-24'));
    const withScores = (await timedAsync(() => wiredServices.importer.run({ kind: 'accounts', file: csv }))).ms;
    wired.dispose();
    report.time('importer + rescore of the touched accounts', withScores, `${Math.round(rows / (withScores / 1000)).toLocaleString('en-US')} rows/s`);
    report.ratio('importer + rescore / floor', withScores / floor);

    // The command a user runs, start to finish (Node start-up, backup, import, rescore).
    const cliDb = path.join(folder, 'cli.db');
    const cli = timed(() =>
      spawnSync('node', ['dist/cli/tend.js', '--db', cliDb, '--as-of', '2026-11-24', 'import', 'accounts', csv, '--json'], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      }),
    );
    if (cli.value.status !== 0) report.note(`tend import exited ${cli.value.status}: ${cli.value.stderr.slice(0, 300)}`);
    report.time('tend import accounts (the whole command)', cli.ms, `${Math.round(rows / (cli.ms / 1000)).toLocaleString('en-US')} rows/s`);
    report.ratio('tend import / floor', cli.ms / floor);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}
