// `tend churn`, `tend renewal`, `tend forecast` (SPEC "Command line") in-process over a real file:
// the acceptance of issue 13, money read like CSV money, and errors that name what is wrong.
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { createServices } from '../../electron/services';
import { systemClock } from '../../electron/services/context';
import { AS_OF, MIGRATIONS, openTemp, tempDir } from '../helpers';

async function tend(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--as-of', AS_OF, ...argv], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, migrationsFolder: MIGRATIONS });
  return { code, stdout, stderr };
}

let db: string;
beforeEach(async () => {
  const opened = await openTemp(path.join(tempDir(), 'book.db'));
  const services = createServices(opened, systemClock(AS_OF));
  services.accounts.create({ name: 'Granite Peak', externalId: 'GP-1', mrrCents: 200_000, contractStart: '2024-03-01', renewalDate: '2026-12-15' });
  services.accounts.create({ name: 'Harbor Freight Co', externalId: 'HF-2', mrrCents: 300_000, contractStart: '2024-01-01', renewalDate: '2027-02-10' });
  db = opened.file;
  opened.close();
});

describe('tend churn', () => {
  it('records the churn, and tend metrics counts it in logo churn and churned MRR for that month', async () => {
    const churned = await tend('--db', db, 'churn', 'Granite Peak', '--date', '2026-11-12', '--reason', 'price', '--json');
    expect(churned.code, churned.stderr).toBe(0);
    expect(JSON.parse(churned.stdout)).toMatchObject({ name: 'Granite Peak', date: '2026-11-12', reason: 'price' });

    const metrics = JSON.parse((await tend('--db', db, 'metrics', '--month', '2026-11', '--json')).stdout);
    expect(metrics.logoChurnRate).toBe(1 / 2);
    expect(metrics.netMrrChurnRate).toBe(200_000 / 500_000); // churned MRR ÷ MRR at the end of October
    expect(metrics.grossRevenueRetention).toBe(300_000 / 500_000);
    const [granite] = JSON.parse((await tend('--db', db, 'accounts', '--json')).stdout).filter((a: { name: string }) => a.name === 'Granite Peak');
    expect(granite).toMatchObject({ stage: 'churned', mrr: 0 });

    const again = await tend('--db', db, 'churn', 'GP-1');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('tend: Granite Peak already churned on 2026-11-12. Nothing was changed.\n');
  });

  it('finds the account by id, external id or name, defaults to today and reason other, and names a bad reason', async () => {
    const byId = await tend('--db', db, 'churn', '2');
    expect(byId.stdout).toBe('Recorded the churn of Harbor Freight Co on 2026-11-24 (other): MRR $3,000 → $0. Its renewal was closed as churned.\n');
    const bad = await tend('--db', db, 'churn', 'GP-1', '--reason', 'bored');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--reason "bored" is not a churn reason; use one of value_not_realised, stalled_implementation');
    const nobody = await tend('--db', db, 'churn', 'Nobody Inc', '--json');
    expect(nobody.code).toBe(1);
    expect(JSON.parse(nobody.stderr).error.message).toBe('No account matches "Nobody Inc". Run "tend accounts" to see ids and names.');
    const late = await tend('--db', db, 'churn', 'GP-1', '--date', '2026-12-01');
    expect(late.stderr).toContain('The churn date 2026-12-01 is after today (2026-11-24)');
    // "Value not realized" (American spelling, spaces) reads as the reason it means.
    expect((await tend('--db', db, 'churn', 'GP-1', '--reason', 'Value not realized', '--json')).code).toBe(0);
  });
});

describe('tend renewal', () => {
  it('shows, forecasts and closes the open renewal; money is read like CSV money', async () => {
    const shown = await tend('--db', db, 'renewal', 'Granite Peak');
    expect(shown.stdout).toContain('Granite Peak: renewal due 2026-12-15 (in 21 days), term 12 months');
    const set = JSON.parse((await tend('--db', db, 'renewal', 'GP-1', '--forecast', 'commit', '--expected-arr', '$30,000', '--json')).stdout);
    expect(set.renewal).toMatchObject({ forecast: 'commit', expectedArrCents: 3_000_000, dueDate: '2026-12-15' });

    const closed = await tend('--db', db, 'renewal', 'GP-1', '--close', 'renewed', '--mrr', '$2,500.00', '--date', '2026-11-20', '--json');
    expect(closed.code, closed.stderr).toBe(0);
    const out = JSON.parse(closed.stdout);
    expect(out.summary).toBe('Renewed Granite Peak at $2,500 MRR on 2026-11-20 (expansion of +$500 MRR); the next renewal is due 2027-12-15.');
    expect(out.closed).toMatchObject({ outcome: 'renewed', renewedMrrCents: 250_000 });
    expect(out.renewal).toMatchObject({ dueDate: '2027-12-15', forecast: null });
    const m = JSON.parse((await tend('--db', db, 'metrics', '--month', '2026-11', '--json')).stdout);
    expect(m.netRevenueRetention - m.grossRevenueRetention).toBeCloseTo(50_000 / 500_000, 12);

    const churn = await tend('--db', db, 'renewal', 'HF-2', '--close', 'churned', '--reason', 'budget');
    expect(churn.stdout).toContain('Recorded the churn of Harbor Freight Co on 2026-11-24 (budget)');
  });

  it('names what is wrong and changes nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['--mrr', 'lots', '--close', 'renewed'], /--mrr: "lots" is not a number/],
      [['--close', 'renewed'], /--close renewed needs --mrr/],
      [['--close', 'later'], /--close must be renewed or churned \(got "later"\)/],
      [['--close', 'churned'], /--reason is needed/],
      [['--forecast', 'maybe'], /--forecast "maybe" is not a forecast category/],
      [['--expected-arr=-5'], /--expected-arr cannot be negative/],
      [['--term', '0'], /--term must be a whole number of months from 1 to 120/],
      [['--forecast', 'commit', '--close', 'renewed', '--mrr', '1'], /not both in one command/],
      [['--date', '2026-11-01'], /--date goes with --close/],
    ];
    for (const [args, message] of cases) {
      const result = await tend('--db', db, 'renewal', 'GP-1', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(JSON.parse((await tend('--db', db, 'renewal', 'GP-1', '--json')).stdout).renewal).toMatchObject({ forecast: null, expectedArrCents: null });
    const zero = await tend('--db', db, 'renewal', 'GP-1', '--close', 'renewed', '--mrr', '0');
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain('close the renewal as churned');
  });
});

describe('tend forecast', () => {
  it('prints SPEC’s shape, with totals that are the sums of its months', async () => {
    await tend('--db', db, 'renewal', 'GP-1', '--forecast', 'at_risk');
    const { code, stdout } = await tend('--db', db, 'forecast', '--months', '4', '--json');
    expect(code).toBe(0);
    const f = JSON.parse(stdout);
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['asOf', 'months', 'totals', 'disagreements']));
    expect(f.months.map((m: { month: string }) => m.month)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(Object.keys(f.months[1].byCategory).sort()).toEqual(['at_risk', 'commit', 'likely', 'lost', 'none']);
    expect(f.months[1]).toMatchObject({ count: 1, arr: 2_400_000, expectedArr: 960_000, byCategory: { at_risk: { count: 1, arr: 2_400_000 } } });
    for (const key of ['count', 'arr', 'expectedArr', 'healthAdjustedArr']) {
      expect(f.totals[key], key).toBe(f.months.reduce((s: number, m: Record<string, number>) => s + m[key], 0));
    }
    const human = await tend('--db', db, 'forecast');
    expect(human.stdout).toContain('Renewals forecast as of 2026-11-24');
    expect((await tend('--db', db, 'forecast', '--months', '40')).stderr).toContain('--months must be a whole number from 1 to 36 (got "40")');
  });
});
