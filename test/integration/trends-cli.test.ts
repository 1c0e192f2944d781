// `tend trends` (SPEC "Trends and the account brief", issue 16) over real database files: each month
// of `trends --json` is what `tend metrics --month` says for that month at its end — checked against a
// copy of the book that trends never touched, so the months recorded as history by one and scored
// afresh by the other must agree — and small survey samples are marked as such.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBook } from '../../bench/generate-book';
import { runCli } from '../../electron/cli/main';
import { monthBounds } from '../../shared/dates';
import { TOUCH_TYPES } from '../../shared/domain';
import { AS_OF, MIGRATIONS, openTemp, tempDir } from '../helpers';

async function tend(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, migrationsFolder: MIGRATIONS });
  return { code, stdout, stderr };
}

/** A generated book of `accounts` accounts in a real file, and an untouched copy of it. */
async function generatedBook(accounts: number): Promise<{ db: string; copy: string }> {
  const dir = tempDir();
  const opened = await openTemp(path.join(dir, 'book.db'));
  generateBook(opened.sqlite, { accounts, asOf: AS_OF, seed: 16 });
  opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  opened.close();
  const copy = path.join(dir, 'copy.db');
  fs.copyFileSync(path.join(dir, 'book.db'), copy);
  return { db: path.join(dir, 'book.db'), copy };
}

const SPEC_KEYS = [
  'month', 'arr', 'logoChurnRate', 'grossRevenueRetention', 'netRevenueRetention', 'netMrrChurnRate', 'nps', 'npsResponses',
  'csat', 'ces', 'incubationPipelineArr', 'triageArr', 'bands', 'withinCadence', 'execCoverage', 'touches',
] as const;

describe('tend trends', () => {
  it('gives, for each month, exactly what tend metrics --month gives at that month’s end', { timeout: 120_000 }, async () => {
    const { db, copy } = await generatedBook(250);
    const run = await tend('--db', db, '--as-of', AS_OF, 'trends', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const trends = JSON.parse(run.stdout);
    expect(trends.months.map((m: { month: string }) => m.month)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    let touched = 0;
    for (const m of trends.months) {
      for (const key of SPEC_KEYS) expect(m, `${m.month} has ${key}`).toHaveProperty(key);
      const end = monthBounds(m.month).last;
      const asOf = end < AS_OF ? end : AS_OF;
      expect(m.asOf).toBe(asOf);
      const metrics = JSON.parse((await tend('--db', copy, '--as-of', asOf, 'metrics', '--month', m.month, '--json')).stdout);
      for (const key of SPEC_KEYS) expect(m[key], `${m.month} ${key}`).toEqual(metrics[key]);
      expect(m.csatResponses).toBe(metrics.csatResponses);
      expect(m.cesResponses).toBe(metrics.cesResponses);
      expect(Object.keys(m.touches).sort()).toEqual([...TOUCH_TYPES].sort());
      touched += TOUCH_TYPES.reduce((n, t) => n + m.touches[t], 0);
      // The band mix counts every active account once.
      expect(m.bands.healthy + m.bands.watch + m.bands.at_risk + m.bands.no_data).toBe(m.activeAccounts);
    }
    // A generated book has history: the numbers are not all empty.
    expect(touched).toBeGreaterThan(100);
    expect(trends.months.some((m: { nps: number | null }) => m.nps !== null)).toBe(true);
    expect(trends.months.at(-1).toDate).toBe(true);
  });

  it('marks a survey number on fewer responses than Settings → KPIs asks for as a small sample, in JSON and in text', { timeout: 60_000 }, async () => {
    const { db } = await generatedBook(40);
    const trends = JSON.parse((await tend('--db', db, '--as-of', AS_OF, 'trends', '--months', '6', '--json')).stdout);
    expect(trends.months).toHaveLength(6);
    const min = trends.minSurveyResponses;
    expect(min).toBeGreaterThan(1);
    for (const m of trends.months) {
      expect(m.smallSample.nps).toBe(m.npsResponses > 0 && m.npsResponses < min);
      expect(m.smallSample.csat).toBe(m.csatResponses > 0 && m.csatResponses < min);
    }
    const small = trends.months.find((m: { smallSample: { nps: boolean } }) => m.smallSample.nps);
    expect(small, 'a 40-account book has months with few NPS responses').toBeDefined();
    const text = (await tend('--db', db, '--as-of', AS_OF, 'trends', '--months', '6')).stdout;
    expect(text).toContain(`${small.month} `);
    expect(text).toContain(`${small.nps} (${small.npsResponses}, small sample)`);
  });

  it('refuses more than 24 months, saying what it takes, and says an empty book has no trends', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'empty.db');
    expect((await tend('--db', db, 'init')).code).toBe(0);
    const tooMany = await tend('--db', db, 'trends', '--months', '25');
    expect(tooMany.code).not.toBe(0);
    expect(tooMany.stderr).toContain('--months must be a whole number from 1 to 24 (got "25")');
    const empty = await tend('--db', db, '--as-of', AS_OF, 'trends');
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No accounts yet, so no trends');
  });
});
