// Issue 16's benchmark: the trends of a 10,000-account book from the router (target under 1 s) and
// the account brief as a one-page PDF from the CLI (target under 2 s).
//
// Trends: the first read of a month end with no health snapshot recorded scores the book at that date
// and records it (services/scoring/states-at.ts); every later read is one indexed query per month end.
// Both are printed: the first read once, the warm read as a median, plus the per-month cost against
// one month of `tend metrics` (a ratio, so a busy machine does not hide a regression).
// Brief PDF: the built CLI (`node dist/cli/tend.js brief … --out`) in its own process, wall clock:
// the first one (it starts the warm print server: Chromium's start), then with the server warm,
// against a Chromium of the command's own (TEND_PRINT_SERVER=off) and `tend brief` as text.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRouter } from '../electron/router';
import { createServices } from '../electron/services';
import { systemClock } from '../electron/services/context';
import { readServerState } from '../electron/print/warm-printer';
import { generateBook } from './generate-book';
import { measureRounds, roundRatio, timingOf, type Report } from './report';
import { openTempDatabase } from './temp-db';

const AS_OF = '2026-11-24';

export async function readingBench(report: Report, accounts: number): Promise<void> {
  const temp = await openTempDatabase('reading-bench.db');
  try {
    const { opened } = temp;
    generateBook(opened.sqlite, { accounts, asOf: AS_OF, seed: 16 });
    const services = createServices(opened, systemClock(AS_OF));
    const router = createRouter(() => services, { version: 'bench' });
    services.scoring.rescoreAll(AS_OF);
    report.value('book', accounts, `accounts, a year of history to ${AS_OF}`);

    const first = performance.now();
    const trends = await router.call('trends.get', {});
    report.time('trends, 12 months, first read', performance.now() - first, 'scores and records the 11 past month ends once');
    const touches = trends.months.reduce((n, m) => n + Object.values(m.touches).reduce((a, b) => a + b, 0), 0);
    report.value('  months · touches counted', `${trends.months.length} · ${touches.toLocaleString('en-US')}`);

    const enterprise = services.accounts.list().filter((a) => a.segment === 'enterprise').map((a) => a.id);
    const oneMonth = () => services.metrics.forMonth('2026-10', '2026-10-31');
    // Router calls are promises; the bench's rounds are synchronous, so time each call by hand.
    const runs = { twelve: [] as number[], filtered: [] as number[], twentyFour: [] as number[], month: [] as number[] };
    for (let round = 0; round < 6; round++) {
      let t = performance.now();
      await router.call('trends.get', {});
      const twelve = performance.now() - t;
      t = performance.now();
      await router.call('trends.get', { accountIds: enterprise });
      const filtered = performance.now() - t;
      t = performance.now();
      await router.call('trends.get', { months: 24 });
      const twentyFour = performance.now() - t;
      const month = measureRounds({ m: () => oneMonth() }, { warmup: 0, runs: 1 }).m.median;
      if (round === 0) continue; // warm-up
      runs.twelve.push(twelve);
      runs.filtered.push(filtered);
      runs.twentyFour.push(twentyFour);
      runs.month.push(month);
    }
    const twelve = timingOf(runs.twelve);
    report.time('trends, 12 months (warm)', twelve, 'router call: validation, every table read once');
    report.time(`trends, 12 months, ${enterprise.length.toLocaleString('en-US')} enterprise ids`, timingOf(runs.filtered), 'the portfolio filters');
    report.time('trends, 24 months', timingOf(runs.twentyFour), '(first 24-month read scores 12 more month ends)');
    report.time('metrics of one month (tend metrics)', timingOf(runs.month));
    report.ratio('12 months ÷ one month', roundRatio(twelve, timingOf(runs.month)));
    report.target('trends of the book from the router < 1 s', twelve.median < 1000, `${twelve.median.toFixed(0)} ms median, warm`);

    // The brief, from the built CLI, of the account with the most touches.
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const busiest = opened.sqlite.prepare('SELECT account_id FROM touches GROUP BY account_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
    const cli = path.resolve('dist/cli/tend.js');
    if (!fs.existsSync(cli) || !fs.existsSync(path.resolve('dist/renderer/index.html'))) {
      report.note('dist/cli or dist/renderer missing: run `npm run build` for the brief PDF figures.');
      return;
    }
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-brief-bench-'));
    const out = path.join(folder, 'brief.pdf');
    // The warm print server with a state file of the bench's own, stopped at the end.
    const stateFile = path.join(folder, 'print-server.json');
    const env = { ...process.env, TEND_PRINT_SERVER: '', TEND_PRINT_STATE: stateFile };
    const tend = (extraEnv: NodeJS.ProcessEnv, ...args: string[]) => {
      const t = performance.now();
      const run = spawnSync('node', [cli, '--db', opened.file, '--as-of', AS_OF, 'brief', String(busiest), ...args], { encoding: 'utf8', env: { ...env, ...extraEnv } });
      if (run.status !== 0) throw new Error(`tend brief failed: ${run.stderr}`);
      return performance.now() - t;
    };
    try {
      const cold = tend({}, '--out', out);
      report.time('tend brief --out FILE.pdf, first (starts the print server)', cold, 'node start, database, Chromium start, print');
      const pdf: number[] = [];
      const text: number[] = [];
      const own: number[] = [];
      for (let round = 0; round < 4; round++) {
        const p = tend({}, '--out', out);
        const x = tend({});
        const o = round < 3 ? tend({ TEND_PRINT_SERVER: 'off' }, '--out', out) : null;
        if (round === 0) continue;
        pdf.push(p);
        text.push(x);
        if (o !== null) own.push(o);
      }
      const pdfTiming = timingOf(pdf);
      report.time('tend brief --out FILE.pdf (warm print server)', pdfTiming, 'node start, database, print on the kept Chromium');
      report.time('tend brief --out FILE.pdf, TEND_PRINT_SERVER=off', timingOf(own), 'a Chromium started and closed by the command');
      report.time('tend brief (text)', timingOf(text));
      report.ratio('PDF ÷ text', roundRatio(pdfTiming, timingOf(text)));
      report.target('brief PDF from the CLI < 2 s', pdfTiming.median < 2000, `${pdfTiming.median.toFixed(0)} ms median, wall clock, print server warm`);
    } finally {
      const server = readServerState(stateFile);
      if (server) process.kill(server.pid);
    }
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  } finally {
    temp.dispose();
  }
}
