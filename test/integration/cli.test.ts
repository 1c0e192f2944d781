import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { AS_OF, MIGRATIONS, tempDir } from '../helpers';

const BIN = path.resolve('dist/cli/tend.js');

/** Runs `tend` in-process; returns exit code and captured output. */
async function tend(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
    migrationsFolder: MIGRATIONS,
  });
  return { code, stdout, stderr };
}

describe('tend (in-process)', () => {
  it('init creates a database and reports it', async () => {
    const db = path.join(tempDir(), 'book.db');
    const { code, stdout } = await tend('--db', db, 'init', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ dbFile: db, accounts: 0 });
  });

  it('accounts --json prints an empty array for a new book and a hint without --json', async () => {
    const db = path.join(tempDir(), 'book.db');
    await tend('--db', db, 'init');
    expect(JSON.parse((await tend('--db', db, 'accounts', '--json')).stdout)).toEqual([]);
    expect((await tend('--db', db, 'accounts')).stdout).toContain('No accounts yet');
  });

  it('refuses accounts on a database that does not exist, creating nothing', async () => {
    const db = path.join(tempDir(), 'nope.db');
    const { code, stderr, stdout } = await tend('--db', db, 'accounts');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('There is no database at');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('prints errors as JSON on stderr with --json, keeping stdout empty', async () => {
    const db = path.join(tempDir(), 'nope.db');
    const { stdout, stderr } = await tend('--db', db, 'accounts', '--json');
    expect(stdout).toBe('');
    expect(JSON.parse(stderr)).toMatchObject({ error: { code: 'file_not_found' } });
  });

  it('rejects an unknown command and a malformed --as-of with usage errors', async () => {
    expect((await tend('frobnicate')).code).toBe(2);
    const bad = await tend('--as-of', '24/11/2026', 'accounts');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of must be a date as YYYY-MM-DD');
    expect((await tend('--bogus', 'accounts')).code).toBe(2);
  });

  it('backs up and restores a database', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'book.db');
    await tend('--db', db, 'init');
    const snapshot = path.join(dir, 'snapshot.db');
    expect((await tend('--db', db, 'backup', snapshot)).code).toBe(0);
    expect(fs.existsSync(snapshot)).toBe(true);
    expect((await tend('--db', db, 'backup', snapshot)).stderr).toContain('already exists');
    const restored = await tend('--db', db, 'restore', snapshot, '--json');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout).previousCopy).toMatch(/pre-restore/);
  });

  it('uses TEND_DB when --db is not given', async () => {
    const db = path.join(tempDir(), 'env.db');
    let stdout = '';
    const code = await runCli(['init', '--json'], {
      stdout: (t) => (stdout += t), stderr: () => {}, env: { TEND_DB: db }, migrationsFolder: MIGRATIONS,
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).dbFile).toBe(db);
  });
});

describe('the built tend binary', () => {
  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error('dist/cli/tend.js is missing: run `npm run build` first (npm test does).');
  });

  it('loads the demo book and lists at least 40 accounts as JSON', () => {
    const db = path.join(tempDir(), 'x.db');
    execFileSync('node', [BIN, '--db', db, 'init']);
    execFileSync('node', [BIN, '--db', db, '--as-of', AS_OF, 'demo']);
    const accounts = JSON.parse(execFileSync('node', [BIN, '--db', db, '--as-of', AS_OF, 'accounts', '--json'], { encoding: 'utf8' }));
    expect(accounts.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(accounts[0])).toEqual(
      expect.arrayContaining(['id', 'name', 'segment', 'stage', 'mrr', 'score', 'band', 'flags']),
    );
    const again = spawnSync('node', [BIN, '--db', db, 'demo'], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already loaded');
  });

  it('gives a one-line error and a non-zero exit for a file that is not a database, leaving it untouched', () => {
    const file = path.join(tempDir(), 'report.db');
    fs.writeFileSync(file, 'Name,MRR\nAcme,100\n');
    const before = fs.readFileSync(file);
    const run = spawnSync('node', [BIN, '--db', file, 'accounts'], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('is not a Tend database');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('gives a one-line error for a --db in a folder that does not exist', () => {
    const file = path.join(tempDir(), 'no', 'such', 'folder', 'x.db');
    const run = spawnSync('node', [BIN, '--db', file, 'init'], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('does not exist');
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });
});

describe('tend score, metrics and reminders', () => {
  it('prints the SPEC shape of score --json, naming all seven components, null when there is no data', async () => {
    const db = path.join(tempDir(), 'book.db');
    await tend('--db', db, '--as-of', AS_OF, 'demo');
    const { code, stdout } = await tend('--db', db, '--as-of', AS_OF, 'score', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.asOf).toBe(AS_OF);
    expect(out.accounts.length).toBeGreaterThanOrEqual(40);
    for (const account of out.accounts) {
      expect(Object.keys(account)).toEqual(
        expect.arrayContaining(['id', 'externalId', 'name', 'segment', 'stage', 'mrr', 'score', 'band', 'confidence', 'components', 'flags']),
      );
      expect(Object.keys(account.components).sort()).toEqual(
        ['adoption', 'engagement', 'financial', 'relationships', 'sentiment', 'support', 'survey'],
      );
      for (const component of Object.values(account.components) as ({ score: number; weight: number } | null)[]) {
        if (component) expect(component).toMatchObject({ score: expect.any(Number), weight: expect.any(Number) });
      }
    }
    const harborview = out.accounts.find((a: { externalId: string }) => a.externalId === 'DEMO-001');
    expect(harborview.flags).toContainEqual({
      rule: 'renewal_exec_silence',
      severity: 'high',
      reason: 'No executive touch in 41 days; renewal in 23 days',
    });
    const quiet = out.accounts.find((a: { externalId: string }) => a.externalId === 'DEMO-011');
    expect(quiet.flags.map((f: { rule: string }) => f.rule)).toContain('stalled_onboarding');
  });

  it('prints metrics --json with every SPEC key and refuses a missing or malformed --month', async () => {
    const db = path.join(tempDir(), 'book.db');
    await tend('--db', db, '--as-of', AS_OF, 'demo');
    const { stdout } = await tend('--db', db, '--as-of', AS_OF, 'metrics', '--month', '2026-10', '--json');
    const m = JSON.parse(stdout);
    expect(Object.keys(m)).toEqual(
      expect.arrayContaining(['month', 'logoChurnRate', 'netMrrChurnRate', 'grossRevenueRetention', 'netRevenueRetention',
        'nps', 'csat', 'ces', 'incubationPipelineArr', 'triageArr', 'renewals']),
    );
    expect(Object.keys(m.renewals)).toEqual(['d30', 'd60', 'd90']);
    expect(Number.isInteger(m.nps)).toBe(true);
    expect(m.renewals.d90.count).toBeGreaterThanOrEqual(m.renewals.d30.count);
    expect((await tend('--db', db, 'metrics')).code).toBe(2);
    expect((await tend('--db', db, 'metrics', '--month', '2026-13')).stderr).toContain('--month YYYY-MM');
  });

  it('lists due and overdue reminders as JSON objects named like the data model', async () => {
    const db = path.join(tempDir(), 'book.db');
    await tend('--db', db, '--as-of', AS_OF, 'demo');
    const due = JSON.parse((await tend('--db', db, '--as-of', AS_OF, 'reminders', '--json')).stdout);
    expect(due.length).toBeGreaterThan(0);
    for (const r of due) {
      expect(r).toMatchObject({ id: expect.any(Number), title: expect.any(String), due: expect.any(String), done: false });
      expect(r.due <= AS_OF).toBe(true);
    }
    // 'triage': the sample book's case past its target date (SPEC "Triage cases").
    expect(new Set(due.map((r: { source: string }) => r.source))).toEqual(new Set(['follow_up', 'cadence', 'renewal', 'rule', 'triage']));
  });
});
