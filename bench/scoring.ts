// Issue 3 item 7: full and incremental rescore of a 10,000-account book against the floor — the
// time better-sqlite3 takes just to read, once, every row the scoring reads. The ratio
// full-rescore / floor is the figure to drive down (target ≤ 2.5×); one account < 5 ms.
import { createHash } from 'node:crypto';
import { createServices } from '../electron/services';
import { systemClock } from '../electron/services/context';
import { createFactsReader } from '../electron/services/scoring/facts';
import { scoreAccountOf, type PackedBook } from '../shared/scoring';
import { addDays } from '../shared/dates';
import type { Sqlite } from '../electron/db/open';
import { FLOOR_TABLES, floorReader } from './floor';
import { generateBook, prng } from './generate-book';
import { measure, measureRounds, roundRatio, roundRemainder, timed, timingOf, type Report } from './report';
import type { BenchDatabase } from './temp-db';

export const AS_OF = '2026-06-30';
const SEED = 20260630;
/** Interleaved rounds (see measureRounds): the first warm up the JIT and the page cache. */
const ROUNDS = { warmup: 2, runs: 7 };
const INCREMENTAL_ACCOUNTS = 200;

/** A fingerprint of what the rescore wrote (snapshots and flags), to check an optimisation changed nothing. */
function resultDigest(sqlite: Sqlite): string {
  const hash = createHash('sha256');
  const snapshots = sqlite.prepare('SELECT account_id, date, score, band, confidence, components, in_triage FROM health_snapshots ORDER BY account_id, date').raw();
  for (const row of snapshots.iterate()) hash.update(JSON.stringify(row));
  const flags = sqlite.prepare('SELECT account_id, rule, severity, reason, raised_at, resolved_at, resolved_by, cleared_at FROM flags ORDER BY id').raw();
  for (const row of flags.iterate()) hash.update(JSON.stringify(row));
  return hash.digest('hex').slice(0, 16);
}

export async function scoringBench(report: Report, temp: BenchDatabase, accounts: number): Promise<void> {
  const { sqlite } = temp.opened;

  // ---- setup (not part of any figure below) ----
  const built = timed(() => generateBook(sqlite, { accounts, asOf: AS_OF, seed: SEED }));
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  report.time('setup: generate the book', built.ms, 'prepared statements, one transaction per table');
  for (const [table, n] of Object.entries(built.value)) report.value(`  rows: ${table}`, n);
  report.value('  database file', `${(temp.sizeBytes() / 2 ** 20).toFixed(0)} MiB`);

  const services = createServices(temp.opened, systemClock(AS_OF));
  const settings = services.settings.get();
  const facts = createFactsReader(sqlite);

  // ---- the floor (bench/floor.ts) ----
  const floorReads = { iterate: floorReader(sqlite, 'iterate'), all: floorReader(sqlite, 'all'), paged: floorReader(sqlite, 'paged') };
  const floorRows = floorReads.paged();
  report.note('floor = every row of these columns read once, the faster of iterate and paged (bench/floor.ts) per round:');
  for (const [table, { columns, where }] of Object.entries(FLOOR_TABLES)) {
    report.note(`  ${table.padEnd(16)} ${columns}${where ? ` WHERE ${where}` : ''}`);
  }

  // ---- the first rescore of the book: every snapshot and flag is new ----
  const first = timed(() => services.scoring.rescoreAll(AS_OF));

  // ---- full rescore and its parts, interleaved with the floor round by round ----
  // Round r scores at AS_OF + 1 + r: `nextDay` is the daily rescore (a new snapshot row per
  // account, flags move on), `sameDay` repeats it (snapshots updated in place).
  const dayOf = (round: number): string => addDays(AS_OF, 1 + round);
  // The book loaded for `score` is dropped before the rescores, so they run with the heap the app has.
  let book: PackedBook | null = null;
  const t = measureRounds(
    {
      floorIterate: () => floorReads.iterate(),
      floorPaged: () => floorReads.paged(),
      load: () => void (book = facts.all()),
      score: (round) => {
        for (let a = 0; a < book!.accounts.length; a++) scoreAccountOf(book!, a, dayOf(round), settings);
        book = null;
      },
      scoreBook: (round) => services.scoring.scoreBook(dayOf(round)), // load + scoring, as rescoreAll runs them
      nextDay: (round) => services.scoring.rescoreAll(dayOf(round)),
      sameDay: (round) => services.scoring.rescoreAll(dayOf(round)),
    },
    ROUNDS,
  );
  const floor = timingOf(t.floorIterate.runs.map((x, i) => Math.min(x, t.floorPaged.runs[i])));
  // Outside the rounds: its million kept arrays leave garbage the next step would pay for.
  const floorAll = measure(() => floorReads.all(), { warmup: 1, runs: 3 });
  const rounds = floor.runs.length + ROUNDS.warmup;
  const digest = resultDigest(sqlite);

  report.time('floor: read every scored row once', floor, `${floorRows.toLocaleString('en-US')} rows, fastest way per round`);
  report.time('  .raw().iterate()', t.floorIterate);
  report.time('  .raw().all() per table', floorAll, 'reference only, not in the floor: GC-bound at this size');
  report.time('  .raw().all() in pages of 4096 rows', t.floorPaged);
  report.time('first full rescore (all rows inserted)', first.ms);
  report.time('full rescore, next day (rescoreAll)', t.nextDay, 'new snapshot rows');
  report.time('full rescore, same as-of (rescoreAll)', t.sameDay, 'snapshots updated in place');
  report.time('  facts load (facts.all)', t.load);
  report.time('  pure scoring (scoreAccount × book)', t.score);
  report.time('  load + scoring (scoreBook)', t.scoreBook, 'what rescoreAll does before writing');
  report.time('  persist, next day', roundRemainder(t.nextDay, t.scoreBook), 'rescoreAll − scoreBook, per round');
  report.time('  persist, same as-of', roundRemainder(t.sameDay, t.scoreBook), 'rescoreAll − scoreBook, per round');

  report.note('ratios: median over rounds of (figure / floor) in the same round');
  report.ratio('ratio: next-day rescore / floor', roundRatio(t.nextDay, floor), { max: 2.5 });
  report.ratio('ratio: same-as-of rescore / floor', roundRatio(t.sameDay, floor), { max: 2.5 });
  report.ratio('  next-day rescore / iterate floor', roundRatio(t.nextDay, t.floorIterate));
  report.ratio('  facts load / floor', roundRatio(t.load, floor));
  report.ratio('  pure scoring / floor', roundRatio(t.score, floor));

  // ---- incremental: one account at a time, random accounts ----
  const asOf = dayOf(rounds - 1);
  const rng = prng(SEED + 1);
  const ids = Array.from({ length: INCREMENTAL_ACCOUNTS + 20 }, () => rng.int(1, accounts));
  for (const id of ids.slice(0, 20)) services.scoring.rescoreAccount(id, asOf); // warm-up
  const one = timingOf(ids.slice(20).map((id) => timed(() => services.scoring.rescoreAccount(id, asOf)).ms));
  const p95 = [...one.runs].sort((a, b) => a - b)[Math.floor(one.runs.length * 0.95)];
  report.time('incremental rescore of one account', one, `p95 ${p95.toFixed(2)} ms`);
  report.target('incremental rescore < 5 ms', one.median < 5, `median ${one.median.toFixed(2)} ms`);

  // ---- Settings preview: the first call reads the book, later ones reuse it (until a write) ----
  const candidate = { ...settings, weights: { ...settings.weights, adoption: 0, relationships: 60 } };
  const preview = (): void => void services.portfolio.preview(candidate, asOf);
  const previewFirst = timed(preview).ms;
  const previewRepeat = measure(preview, { warmup: 1, runs: 5 });
  report.time('settings preview, first (reads the book)', previewFirst, '1 run');
  report.time('settings preview, repeated (book kept)', previewRepeat, 'scores the book twice per call: saved and candidate settings');

  report.value('result digest (snapshots + flags)', digest, 'same book and rounds → same digest; an optimisation must keep it');
}
