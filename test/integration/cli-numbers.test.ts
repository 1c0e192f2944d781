// `tend score`, `tend metrics` and `tend triage` for SPEC 2026-12's numbers (issue 12), in process
// over real database files: "score": null / "band": "no_data", survey numbers with their responses,
// and triage cases listed, opened, updated and closed from the command line — never opened silently.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { addDays } from '../../shared/dates';
import { AS_OF, MIGRATIONS, tempDir } from '../helpers';

async function tend(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, migrationsFolder: MIGRATIONS });
  return { code, stdout, stderr };
}

async function demoBook(): Promise<string> {
  const db = path.join(tempDir(), 'book.db');
  expect((await tend('--db', db, '--as-of', AS_OF, 'demo')).code).toBe(0);
  return db;
}

describe('tend score and metrics (SPEC 2026-12)', () => {
  it('gives "score": null, "band": "no_data" and confidence 0 for an account without data, and says so in text', async () => {
    const db = await demoBook();
    const out = JSON.parse((await tend('--db', db, '--as-of', AS_OF, 'score', '--json')).stdout);
    const halden = out.accounts.find((a: { name: string }) => a.name === 'Halden Biotech');
    expect(halden).toMatchObject({ score: null, band: 'no_data', confidence: 0, inTriage: false });
    expect(Object.values(halden.components)).toEqual([null, null, null, null, null, null, null]);
    expect(halden.flags.map((f: { rule: string }) => f.rule).sort()).toEqual(['cadence_overdue', 'single_threaded']);
    const northwind = out.accounts.find((a: { name: string }) => a.name === 'Northwind Optics');
    expect(northwind.flags).toContainEqual({ rule: 'cadence_overdue', severity: 'low', reason: 'Last customer contact 41 days ago; cadence is 30 days' });
    const text = (await tend('--db', db, '--as-of', AS_OF, 'score')).stdout;
    expect(text).toMatch(/Halden Biotech\s+—\s+not enough data\s+0\.00/);
    expect(text).toContain('1 account needs data');
  });

  it('prints the survey numbers with their responses and the period the rates cover', async () => {
    const db = await demoBook();
    const m = JSON.parse((await tend('--db', db, '--as-of', AS_OF, 'metrics', '--month', '2026-11', '--json')).stdout);
    expect(m.period).toEqual({ from: '2026-11-01', to: AS_OF, toDate: true });
    expect(m).toMatchObject({ npsResponses: expect.any(Number), csatResponses: expect.any(Number), cesResponses: expect.any(Number) });
    expect(m.surveyWindows.nps.responses).toBeGreaterThanOrEqual(m.npsResponses);
    const text = (await tend('--db', db, '--as-of', AS_OF, 'metrics', '--month', '2026-11')).stdout;
    expect(text).toContain('Portfolio metrics for November 2026 to date (Nov 1–24)');
    expect(text).toMatch(/NPS, window with enough responses\s+-?\d+ \((November 2026|last \d+ days) · \d+ responses/);
  });
});

describe('tend triage', () => {
  it('lists the sample book\'s cases, the accounts in triage without one and the month', async () => {
    const db = await demoBook();
    const listed = JSON.parse((await tend('--db', db, '--as-of', AS_OF, 'triage', '--json')).stdout);
    expect(listed.cases.filter((c: { closedOn: string | null }) => c.closedOn === null)).toHaveLength(3);
    expect(listed.suggestions.length).toBeGreaterThan(0);
    expect(listed.month).toMatchObject({ from: '2026-11-01', to: AS_OF, stats: { recovered: 1, open: 3 } });
    const text = (await tend('--db', db, '--as-of', AS_OF, 'triage')).stdout;
    expect(text).toMatch(/Granite Peak Construction .* open · 7 days past target/);
    expect(text).toMatch(/Maple & Main Realty .* out of triage \d+ days: close as recovered\?/);
    expect(text).toContain('In triage without a case (open one with: tend triage open ACCOUNT):');
    expect(text).toMatch(/2026-11-01 – 2026-11-24: \d+ opened, 3 open, 1 recovered, 0 churned; save rate 100 %; median days to recover 36/);
    const open = JSON.parse((await tend('--db', db, '--as-of', AS_OF, 'triage', '--status', 'open', '--json')).stdout);
    expect(open.cases).toHaveLength(3);
  });

  it('opens, updates and closes a case for an account, and refuses what it cannot do with a usage error', async () => {
    const db = await demoBook();
    const { suggestions } = JSON.parse((await tend('--db', db, '--as-of', AS_OF, 'triage', '--json')).stdout);
    const name = suggestions[0].accountName as string;
    const opened = await tend('--db', db, '--as-of', AS_OF, 'triage', 'open', name, '--root-cause', 'Sponsor lost', '--plan', 'Meet the new VP', '--json');
    expect(opened.code).toBe(0);
    const kase = JSON.parse(opened.stdout);
    expect(kase).toMatchObject({ accountName: name, rootCause: 'sponsor_lost', plan: 'Meet the new VP', openedOn: AS_OF, targetDate: addDays(AS_OF, 30) });
    expect(kase.triggers).toEqual(suggestions[0].triggers);

    const again = await tend('--db', db, '--as-of', AS_OF, 'triage', 'open', name);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has an open triage case');

    const target = addDays(AS_OF, 14);
    expect(JSON.parse((await tend('--db', db, '--as-of', AS_OF, 'triage', 'update', name, '--target', target, '--json')).stdout)).toMatchObject({ targetDate: target });

    expect((await tend('--db', db, '--as-of', AS_OF, 'triage', 'close', name)).code).toBe(2);
    expect((await tend('--db', db, '--as-of', AS_OF, 'triage', 'close', name, '--outcome', 'churned')).stderr).toContain('closes as churned when the account churns');
    expect((await tend('--db', db, 'triage', 'open', name, '--root-cause', 'weather')).stderr).toContain('--root-cause must be one of');
    expect((await tend('--db', db, 'triage', 'open', name, '--target', 'next week')).code).toBe(2);
    expect((await tend('--db', db, 'triage', 'bogus', name)).code).toBe(2);

    const closed = await tend('--db', db, '--as-of', AS_OF, 'triage', 'close', name, '--outcome', 'recovered');
    expect(closed.stdout).toContain(`Closed triage case ${kase.id} of ${name} as recovered on ${AS_OF}.`);
    const none = await tend('--db', db, '--as-of', AS_OF, 'triage', 'close', name, '--outcome', 'recovered');
    expect(none.stderr).toContain(`${name} has no open triage case`);
  });

  it('never opens a case by scoring, listing or reminding', async () => {
    const db = await demoBook();
    const count = async () => JSON.parse((await tend('--db', db, '--as-of', AS_OF, 'triage', '--json')).stdout).cases.length;
    const before = await count();
    for (const command of ['score', 'reminders', 'accounts']) await tend('--db', db, '--as-of', addDays(AS_OF, 20), command, '--json');
    expect(await count()).toBe(before);
  });
});
