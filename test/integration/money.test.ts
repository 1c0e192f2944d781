// The money side of the book through the real router over a real SQLite file (SPEC "Renewals,
// expansion and churn"): every money channel, what each change writes, that the metrics follow, that
// Undo takes a change back whole, and that refusals name what is wrong and change nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { generateBook } from '../../bench/generate-book';
import type { ChannelInput } from '../../shared/contract';
import { AS_OF, setup } from '../helpers';

type Env = Awaited<ReturnType<typeof setup>>;
let env: Env;
beforeEach(async () => {
  env = await setup();
});

const all = (sql: string, ...params: unknown[]) => env.opened.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];
const one = (sql: string, ...params: unknown[]) => env.opened.sqlite.prepare(sql).get(...params) as Record<string, unknown>;
const value = (sql: string, ...params: unknown[]) => env.opened.sqlite.prepare(sql).pluck().get(...params);

/** Every row a money change may touch, without the timestamps that move on every write. */
function moneyState() {
  const strip = (rows: Record<string, unknown>[]) => rows.map(({ updated_at: _u, ...row }) => row);
  return {
    accounts: strip(all('SELECT * FROM accounts ORDER BY id')),
    revenue: strip(all('SELECT * FROM revenue_events ORDER BY id')),
    renewals: strip(all('SELECT * FROM renewals ORDER BY id')),
    opportunities: strip(all('SELECT * FROM opportunities ORDER BY id')),
    triage: strip(all('SELECT * FROM triage_cases ORDER BY id')),
    surveys: all('SELECT * FROM survey_responses ORDER BY id'),
    samples: all('SELECT * FROM metric_samples ORDER BY id'),
  };
}

async function account(input: Partial<ChannelInput<'accounts.create'>> & { name: string }) {
  return env.router.call('accounts.create', { segment: 'mid_market', stage: 'adoption', contractStart: '2025-01-01', ...input });
}

const mrrOf = (accountId: number) => value('SELECT mrr_cents FROM accounts WHERE id = ?', accountId) as number;

async function refused(channel: Parameters<Env['router']['invoke']>[0], input: unknown, message: RegExp) {
  const before = moneyState();
  const result = await env.router.invoke(channel, input);
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (!result.ok) expect(result.error.message).toMatch(message);
  expect(moneyState()).toEqual(before);
}

describe('churn', () => {
  it('writes a churn event of −MRR at the date, sets stage churned and MRR 0, closes the renewal, triage case and opportunities, and the month counts it', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000, renewalDate: '2026-12-20' });
    await account({ name: 'Beta', mrrCents: 50_000, renewalDate: '2027-03-01' });
    env.opened.sqlite.prepare("INSERT INTO triage_cases (account_id, opened_on) VALUES (?, '2026-10-01')").run(acme.id);
    await env.router.call('opportunities.create', { accountId: acme.id, title: 'More seats', arrCents: 120_000 });
    await env.router.call('renewals.list', {}); // opens the renewals (lazily), so the snapshot has them
    const before = moneyState();

    const change = await env.router.call('money.churn', { accountId: acme.id, date: '2026-11-10', reason: 'price', note: 'Moved to a cheaper tool' });
    expect(change.summary).toContain('Recorded the churn of Acme on 2026-11-10 (price): MRR $1,000 → $0.');

    expect(all('SELECT date, kind, mrr_delta_cents AS d, source FROM revenue_events WHERE account_id = ? ORDER BY id', acme.id)).toEqual([
      { date: '2025-01-01', kind: 'new', d: 100_000, source: 'churn' }, // the implied opening, now on record
      { date: '2026-11-10', kind: 'churn', d: -100_000, source: 'churn' },
    ]);
    expect(one('SELECT stage, mrr_cents, churned_on, churn_reason FROM accounts WHERE id = ?', acme.id)).toEqual({
      stage: 'churned',
      mrr_cents: 0,
      churned_on: '2026-11-10',
      churn_reason: 'price',
    });
    expect(one('SELECT outcome, closed_on FROM renewals WHERE account_id = ?', acme.id)).toEqual({ outcome: 'churned', closed_on: '2026-11-10' });
    expect(one('SELECT outcome, closed_on FROM triage_cases WHERE account_id = ?', acme.id)).toEqual({ outcome: 'churned', closed_on: '2026-11-10' });
    expect(one('SELECT stage, closed_on FROM opportunities WHERE account_id = ?', acme.id)).toEqual({ stage: 'lost', closed_on: '2026-11-10' });

    const metrics = await env.router.call('metrics.month', { month: '2026-11' });
    expect(metrics.logoChurnRate).toBe(1 / 2);
    expect(metrics.netMrrChurnRate).toBe(100_000 / 150_000);
    expect(metrics.grossRevenueRetention).toBe(50_000 / 150_000);

    // In the timeline, with the reason.
    const page = await env.router.call('accountPage.get', { id: acme.id });
    expect(page.timeline.find((t) => t.kind === 'revenue' && t.revenueKind === 'churn')).toMatchObject({
      title: 'Churn −$1,000 MRR',
      detail: expect.stringContaining('Churned: Price — Moved to a cheaper tool'),
    });

    // Undo puts every row back as it was.
    await env.router.call('money.undo', { changeId: change.changeId });
    expect(moneyState()).toEqual(before);
    expect((await env.router.call('metrics.month', { month: '2026-11' })).logoChurnRate).toBe(0);
  });

  it('refuses a second churn, a date after today, and a date before a later revenue event — changing nothing', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000 });
    await env.router.call('revenue.changeMrr', { accountId: acme.id, mrrCents: 120_000, as: 'expansion', date: '2026-11-01' });
    await refused('money.churn', { accountId: acme.id, date: '2026-11-25', reason: 'price' }, /The churn date 2026-11-25 is after today \(2026-11-24\)/);
    await refused('money.churn', { accountId: acme.id, date: '2026-10-01', reason: 'price' }, /expansion event on 2026-11-01, after the churn date 2026-10-01/);
    await refused('money.churn', { accountId: acme.id, date: '2026-11-02', reason: 'bored' }, /Invalid reason/);
    await env.router.call('money.churn', { accountId: acme.id, date: '2026-11-02', reason: 'budget' });
    await refused('money.churn', { accountId: acme.id, date: '2026-11-03', reason: 'budget' }, /Acme already churned on 2026-11-02/);
    await refused('revenue.changeMrr', { accountId: acme.id, mrrCents: 5, as: 'expansion', date: '2026-11-03' }, /Acme churned on 2026-11-02: bring it back first/);
  });

  it('brings a churned account back with a new event at its MRR, and the stage chosen', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000 });
    await env.router.call('money.churn', { accountId: acme.id, date: '2026-10-01', reason: 'budget' });
    await refused('money.reactivate', { accountId: acme.id, mrrCents: 80_000, date: '2026-09-01', stage: 'onboarding' }, /only come back on or after it/);
    const back = await env.router.call('money.reactivate', { accountId: acme.id, mrrCents: 80_000, date: '2026-11-15', stage: 'onboarding' });
    expect(back.summary).toBe('Acme is back as a customer from 2026-11-15 at $800 MRR (stage onboarding).');
    expect(one('SELECT stage, mrr_cents, churned_on, churn_reason FROM accounts WHERE id = ?', acme.id)).toEqual({ stage: 'onboarding', mrr_cents: 80_000, churned_on: null, churn_reason: null });
    expect(all("SELECT kind, mrr_delta_cents AS d, source FROM revenue_events WHERE account_id = ? AND date = '2026-11-15'", acme.id)).toEqual([{ kind: 'new', d: 80_000, source: 'reactivation' }]);
    // `new` events do not enter churn or retention; MRR follows.
    const m = await env.router.call('metrics.month', { month: '2026-11' });
    expect(m.mrrEnd).toBe(80_000);
    await refused('money.reactivate', { accountId: acme.id, mrrCents: 80_000, date: '2026-11-20', stage: 'adoption' }, /has not churned/);
  });
});

describe('MRR edits', () => {
  it('refuses a bare MRR or churned-stage edit through accounts.update: those are revenue events', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000 });
    await refused('accounts.update', { id: acme.id, patch: { mrrCents: 120_000 } }, /Changing Acme's MRR is a revenue event: record it as an expansion, a contraction or a correction/);
    await refused('accounts.update', { id: acme.id, patch: { stage: 'churned' } }, /Moving Acme to churned records a churn with its date and reason/);
    await env.router.call('money.churn', { accountId: acme.id, date: AS_OF, reason: 'price' });
    await refused('accounts.update', { id: acme.id, patch: { stage: 'adoption' } }, /Acme churned: bringing it back writes a new revenue event/);
    // The same MRR, or any other field, is fine.
    expect((await env.router.call('accounts.update', { id: acme.id, patch: { mrrCents: 0, notes: 'gone' } })).notes).toBe('gone');
  });

  it('records an expansion or a contraction dated when it happened, and the month retention follows', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000 });
    await account({ name: 'Beta', mrrCents: 100_000 });
    const up = await env.router.call('revenue.changeMrr', { accountId: acme.id, mrrCents: 130_000, as: 'expansion', date: '2026-11-05', note: 'Upsell: analytics' });
    expect(up.summary).toBe('Acme: expansion of +$300 MRR on 2026-11-05 ($1,000 → $1,300).');
    expect(mrrOf(acme.id)).toBe(130_000);
    const m = await env.router.call('metrics.month', { month: '2026-11' });
    expect(m.netRevenueRetention! - m.grossRevenueRetention!).toBeCloseTo(30_000 / 200_000, 12);
    await env.router.call('revenue.changeMrr', { accountId: acme.id, mrrCents: 110_000, as: 'contraction', date: '2026-11-20' });
    const m2 = await env.router.call('metrics.month', { month: '2026-11' });
    expect(m2.grossRevenueRetention).toBeCloseTo((200_000 - 20_000) / 200_000, 12);
    await refused('revenue.changeMrr', { accountId: acme.id, mrrCents: 90_000, as: 'expansion', date: '2026-11-20' }, /that is a contraction, not an expansion/);
    await refused('revenue.changeMrr', { accountId: acme.id, mrrCents: 0, as: 'contraction', date: '2026-11-20' }, /move the account to churned/);
  });

  it('a correction rewrites history instead of recording a movement, and says so', async () => {
    const fresh = await account({ name: 'Fresh', mrrCents: 100_000 });
    const corrected = await env.router.call('revenue.changeMrr', { accountId: fresh.id, mrrCents: 120_000, as: 'correction', date: AS_OF });
    expect(corrected.summary).toContain('No expansion or contraction was recorded');
    expect(all('SELECT date, kind, mrr_delta_cents AS d FROM revenue_events WHERE account_id = ?', fresh.id)).toEqual([{ date: '2025-01-01', kind: 'new', d: 120_000 }]);

    const moved = await account({ name: 'Moved', mrrCents: 100_000 });
    await env.router.call('revenue.changeMrr', { accountId: moved.id, mrrCents: 150_000, as: 'expansion', date: '2026-06-01' });
    await env.router.call('revenue.changeMrr', { accountId: moved.id, mrrCents: 140_000, as: 'correction', date: AS_OF });
    expect(all('SELECT kind, mrr_delta_cents AS d FROM revenue_events WHERE account_id = ? ORDER BY id', moved.id)).toEqual([
      { kind: 'new', d: 90_000 },
      { kind: 'expansion', d: 50_000 },
    ]);
    expect(mrrOf(moved.id)).toBe(140_000);
    const m = await env.router.call('metrics.month', { month: '2026-11' });
    expect(m.netRevenueRetention).toBe(m.grossRevenueRetention); // no movement in November
    await refused('revenue.changeMrr', { accountId: moved.id, mrrCents: 10_000, as: 'correction', date: AS_OF }, /negative opening MRR: the MRR really went down, so record a contraction/);
  });
});

describe('revenue events by hand', () => {
  it('adds, edits and deletes events — MRR is always the sum — and Undo takes each back', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000 });
    const added = await env.router.call('revenue.add', { accountId: acme.id, date: '2026-10-01', kind: 'expansion', amountCents: -25_000, note: 'seats' });
    expect(added.summary).toContain('its opening MRR is now on record too');
    expect(mrrOf(acme.id)).toBe(125_000);
    const [event] = (await env.router.call('money.account', { accountId: acme.id })).events;
    expect(event).toMatchObject({ kind: 'expansion', mrrDeltaCents: 25_000, source: 'manual', note: 'seats', mrrAfterCents: 125_000 });

    const afterAdd = moneyState();
    const edited = await env.router.call('revenue.update', { id: event.id, patch: { kind: 'contraction', amountCents: 10_000 } });
    expect(mrrOf(acme.id)).toBe(90_000);
    await env.router.call('money.undo', { changeId: edited.changeId });
    expect(moneyState()).toEqual(afterAdd);

    const deleted = await env.router.call('revenue.delete', { id: event.id });
    expect(mrrOf(acme.id)).toBe(100_000);
    await env.router.call('money.undo', { changeId: deleted.changeId });
    expect(moneyState()).toEqual(afterAdd);

    await refused('revenue.add', { accountId: acme.id, date: '2025-06-01', kind: 'contraction', amountCents: 200_000 }, /below zero on 2025-06-01/);
    await refused('revenue.add', { accountId: acme.id, date: '2026-12-01', kind: 'expansion', amountCents: 1 }, /after today/);
    await refused('revenue.update', { id: 999_999, patch: { note: 'x' } }, /There is no revenue event with id 999999/);
  });

  it('keeps a churned account at MRR 0 when an older event is edited, and refuses to delete the churn itself', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000 });
    await env.router.call('money.churn', { accountId: acme.id, date: '2026-11-01', reason: 'price' });
    const opening = (await env.router.call('money.account', { accountId: acme.id })).events.find((e) => e.kind === 'new')!;
    await env.router.call('revenue.update', { id: opening.id, patch: { amountCents: 110_000 } });
    expect(mrrOf(acme.id)).toBe(0);
    expect(value("SELECT mrr_delta_cents FROM revenue_events WHERE account_id = ? AND kind = 'churn'", acme.id)).toBe(-110_000);
    const churn = (await env.router.call('money.account', { accountId: acme.id })).events.find((e) => e.kind === 'churn')!;
    await refused('revenue.delete', { id: churn.id }, /bring the account back/);
    await env.router.call('revenue.update', { id: churn.id, patch: { date: '2026-11-05' } });
    expect(value('SELECT churned_on FROM accounts WHERE id = ?', acme.id)).toBe('2026-11-05');
  });
});

describe('renewals', () => {
  it('opens one renewal per active account with a renewal date, lazily and idempotently, following the account', async () => {
    // As a database from before 2026-12: renewal dates on accounts, no renewal rows.
    const insert = env.opened.sqlite.prepare("INSERT INTO accounts (name, stage, mrr_cents, renewal_date, archived) VALUES (?, ?, 100000, ?, ?)");
    insert.run('Active', 'adoption', '2026-12-10', 0);
    insert.run('No date', 'adoption', null, 0);
    insert.run('Churned', 'churned', '2026-12-10', 0);
    insert.run('Archived', 'adoption', '2026-12-10', 1);
    expect(value('SELECT count(*) FROM renewals')).toBe(0);
    const first = await env.router.call('renewals.list', {});
    expect(first.renewals.map((r) => [r.accountName, r.dueDate, r.termMonths, r.forecast])).toEqual([['Active', '2026-12-10', 12, null]]);
    await env.router.call('renewals.list', {});
    await env.router.call('forecast.get', {});
    expect(value('SELECT count(*) FROM renewals')).toBe(1);

    const active = first.renewals[0];
    await env.router.call('accounts.update', { id: active.accountId, patch: { renewalDate: '2027-01-15' } });
    expect((await env.router.call('renewals.list', {})).renewals[0]).toMatchObject({ id: active.id, dueDate: '2027-01-15' });
    await env.router.call('accounts.update', { id: active.accountId, patch: { renewalDate: null } });
    expect((await env.router.call('renewals.list', {})).renewals).toEqual([]);
    expect(value('SELECT count(*) FROM renewals')).toBe(0);
  });

  it('edits forecast, expected ARR, term and due date (which moves the account renewal date), with Undo', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000, renewalDate: '2027-01-31' });
    const { renewals } = await env.router.call('renewals.list', {});
    expect(renewals[0]).toMatchObject({ arrCents: 1_200_000, expectedArrCents: null, band: expect.any(String) });
    const before = moneyState();
    const change = await env.router.call('renewals.update', { id: renewals[0].id, patch: { forecast: 'commit', expectedArrCents: 1_500_000, termMonths: 24, dueDate: '2027-02-28' } });
    expect(change.summary).toBe('Renewal of Acme: forecast commit, expected ARR $15,000, term 24 months, due 2027-02-28.');
    expect(value('SELECT renewal_date FROM accounts WHERE id = ?', acme.id)).toBe('2027-02-28');
    await env.router.call('money.undo', { changeId: change.changeId });
    expect(moneyState()).toEqual(before);
    await refused('renewals.update', { id: renewals[0].id, patch: { termMonths: 0 } }, /a term is at least 1 month/);
  });

  it('closing as renewed at a higher MRR writes the expansion, opens the next renewal a term later, and NRR exceeds GRR by the difference ÷ MRR₀', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000, renewalDate: '2026-11-30' });
    await account({ name: 'Beta', mrrCents: 300_000, renewalDate: '2027-06-01' });
    const [renewal] = (await env.router.call('renewals.list', {})).renewals;
    const closed = await env.router.call('renewals.close', { id: renewal.id, outcome: 'renewed', mrrCents: 125_000, date: '2026-11-20' });
    expect(closed.summary).toBe('Renewed Acme at $1,250 MRR on 2026-11-20 (expansion of +$250 MRR); the next renewal is due 2027-11-30.');
    expect(one('SELECT outcome, closed_on, renewed_mrr_cents AS mrr FROM renewals WHERE id = ?', renewal.id)).toEqual({ outcome: 'renewed', closed_on: '2026-11-20', mrr: 125_000 });
    expect(one('SELECT due_date, term_months, outcome FROM renewals WHERE account_id = ? AND outcome IS NULL', acme.id)).toEqual({ due_date: '2027-11-30', term_months: 12, outcome: null });
    expect(value('SELECT renewal_date FROM accounts WHERE id = ?', acme.id)).toBe('2027-11-30');
    const m = await env.router.call('metrics.month', { month: '2026-11' });
    expect(m.netRevenueRetention! - m.grossRevenueRetention!).toBeCloseTo((125_000 - 100_000) / m.mrrStart, 12);
    expect(m.mrrStart).toBe(400_000);
    await refused('renewals.close', { id: renewal.id, outcome: 'renewed', mrrCents: 1, date: '2026-11-20' }, /already closed as renewed/);
  });

  it('closing as renewed flat writes a renewal 0; at 0 is refused; closing as churned churns the account', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000, renewalDate: '2026-11-30' });
    const beta = await account({ name: 'Beta', mrrCents: 100_000, renewalDate: '2026-12-15' });
    const byAccount = async (id: number) => (await env.router.call('renewals.list', {})).renewals.find((r) => r.accountId === id)!;
    await refused('renewals.close', { id: (await byAccount(acme.id)).id, outcome: 'renewed', mrrCents: 0, date: AS_OF }, /close the renewal as churned/);
    await env.router.call('renewals.close', { id: (await byAccount(acme.id)).id, outcome: 'renewed', mrrCents: 100_000, date: AS_OF });
    expect(all("SELECT kind, mrr_delta_cents AS d, source FROM revenue_events WHERE account_id = ? AND kind = 'renewal'", acme.id)).toEqual([{ kind: 'renewal', d: 0, source: 'renewal' }]);
    await env.router.call('renewals.close', { id: (await byAccount(beta.id)).id, outcome: 'churned', reason: 'missing_features', date: AS_OF });
    expect(one('SELECT stage, mrr_cents, churn_reason FROM accounts WHERE id = ?', beta.id)).toEqual({ stage: 'churned', mrr_cents: 0, churn_reason: 'missing_features' });
    expect(one('SELECT outcome FROM renewals WHERE account_id = ?', beta.id)).toEqual({ outcome: 'churned' });
  });
});

describe('the forecast', () => {
  it('equals SPEC’s formulas recomputed from the accounts on a generated book, and its totals are the sums of its months', async () => {
    generateBook(env.opened.sqlite, { accounts: 300, asOf: AS_OF, seed: 13 });
    env.services.scoring.rescoreAll(AS_OF);
    const { renewals } = await env.router.call('renewals.list', {});
    const categories = ['commit', 'likely', 'at_risk', 'lost', null] as const;
    for (const [i, r] of renewals.entries()) {
      const forecast = categories[i % categories.length];
      const expectedArrCents = i % 3 === 0 ? 5_000_000 + i * 1_000 : null;
      if (forecast !== null || expectedArrCents !== null) await env.router.call('renewals.update', { id: r.id, patch: { forecast, expectedArrCents } });
    }
    const months = 12;
    const f = await env.router.call('forecast.get', { months });

    // Recomputed from the accounts, the renewal rows and the snapshots, with SPEC's numbers.
    const P = { commit: 0.95, likely: 0.75, at_risk: 0.4, lost: 0 } as const;
    const B = { healthy: 0.95, watch: 0.8, at_risk: 0.5, no_data: 0.8 } as const;
    const rows = all(`
      SELECT a.id, a.mrr_cents AS mrr, coalesce(a.contract_start, substr(a.created_at, 1, 10)) AS opening,
             (SELECT count(*) FROM revenue_events e WHERE e.account_id = a.id) AS events,
             (SELECT coalesce(sum(mrr_delta_cents), 0) FROM revenue_events e WHERE e.account_id = a.id AND e.date <= @asOf) AS eventMrr,
             r.due_date AS due, r.forecast, r.expected_arr_cents AS expected,
             (SELECT band FROM health_snapshots h WHERE h.account_id = a.id AND h.date <= @asOf ORDER BY date DESC LIMIT 1) AS band
      FROM accounts a JOIN renewals r ON r.account_id = a.id AND r.outcome IS NULL
      WHERE a.archived = 0 AND a.stage != 'churned' AND a.renewal_date IS NOT NULL`.replace(/@asOf/g, `'${AS_OF}'`));
    expect(rows.length).toBeGreaterThan(200);
    for (const month of f.months) {
      const due = rows.filter((r) => (r.due as string).startsWith(month.month));
      const arr = (r: Record<string, unknown>) => 12 * ((r.events as number) > 0 ? (r.eventMrr as number) : (r.opening as string) <= AS_OF ? (r.mrr as number) : 0);
      const base = (r: Record<string, unknown>) => (r.expected as number | null) ?? arr(r);
      expect(month.count, month.month).toBe(due.length);
      expect(month.arr, month.month).toBe(due.reduce((s, r) => s + arr(r), 0));
      expect(month.expectedArr, month.month).toBe(due.reduce((s, r) => s + Math.round(base(r) * P[(r.forecast as keyof typeof P) ?? 'likely']), 0));
      expect(month.healthAdjustedArr, month.month).toBe(due.reduce((s, r) => s + Math.round(base(r) * B[(r.band as keyof typeof B) ?? 'no_data']), 0));
      expect(Object.values(month.byCategory).reduce((s, b) => s + b.count, 0)).toBe(month.count);
      expect(Object.values(month.byCategory).reduce((s, b) => s + b.arr, 0)).toBe(month.arr);
    }
    expect(f.totals).toEqual({
      count: f.months.reduce((s, m) => s + m.count, 0),
      arr: f.months.reduce((s, m) => s + m.arr, 0),
      expectedArr: f.months.reduce((s, m) => s + m.expectedArr, 0),
      healthAdjustedArr: f.months.reduce((s, m) => s + m.healthAdjustedArr, 0),
    });
    expect(f.totals.count).toBeGreaterThan(150);
    expect(f.disagreements.length).toBeGreaterThan(0);
    for (const d of f.disagreements) expect(d.reason).toMatch(/^You forecast (commit|likely|at risk|lost), but (health is|there is not enough data)/);
  });

  it('reads its probabilities from the settings', async () => {
    await account({ name: 'Acme', mrrCents: 100_000, renewalDate: '2026-12-20' });
    const settings = await env.router.call('settings.get', {});
    await env.router.call('settings.update', { settings: { ...settings, forecast: { ...settings.forecast, likely: 0.5 } } });
    const f = await env.router.call('forecast.get', { months: 2 });
    expect(f.months[1].expectedArr).toBe(600_000);
    expect(f.probabilities.likely).toBe(0.5);
  });
});

describe('opportunities and signals', () => {
  it('adds, edits, wins (an expansion of ARR ÷ 12), loses and deletes opportunities; Undo of a win removes its event', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000 });
    const created = await env.router.call('opportunities.create', { accountId: acme.id, title: 'Analytics add-on', arrCents: 240_000, expectedClose: '2027-01-31' });
    expect(created.opportunity).toMatchObject({ stage: 'identified', source: 'manual', arrCents: 240_000 });
    await env.router.call('opportunities.update', { id: created.opportunity.id, patch: { stage: 'proposed', arrCents: 300_000 } });
    expect((await env.router.call('money.pipeline', {})).arrCents).toBe(300_000);
    const before = moneyState();
    const won = await env.router.call('opportunities.win', { id: created.opportunity.id, date: '2026-11-18' });
    expect(won.summary).toBe('Won “Analytics add-on” on 2026-11-18: an expansion of +$250 MRR; Acme is now at $1,250 MRR.');
    const row = one('SELECT stage, closed_on, revenue_event_id FROM opportunities WHERE id = ?', created.opportunity.id);
    expect(row).toMatchObject({ stage: 'won', closed_on: '2026-11-18' });
    expect(one('SELECT kind, mrr_delta_cents AS d, source, note FROM revenue_events WHERE id = ?', row.revenue_event_id)).toEqual({
      kind: 'expansion',
      d: 25_000,
      source: 'opportunity',
      note: 'Won: Analytics add-on',
    });
    expect((await env.router.call('money.pipeline', {})).arrCents).toBe(0);
    await refused('opportunities.delete', { id: created.opportunity.id }, /delete that event in the revenue history first/);
    await env.router.call('money.undo', { changeId: won.changeId });
    expect(moneyState()).toEqual(before);

    const lost = await env.router.call('opportunities.lose', { id: created.opportunity.id, date: AS_OF, note: 'No budget' });
    expect(lost.summary).toBe('Marked “Analytics add-on” lost on 2026-11-24.');
    await refused('opportunities.win', { id: created.opportunity.id, date: AS_OF }, /already closed as lost/);
    await env.router.call('opportunities.delete', { id: created.opportunity.id });
    expect(value('SELECT count(*) FROM opportunities')).toBe(0);
  });

  it('suggests an opportunity from a signal without creating one, and stops once it is created or dismissed', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 300_000, seats: 30 });
    await env.router.call('samples.add', { accountId: acme.id, key: 'active users', date: '2026-11-01', value: 41 });
    const [signal] = (await env.router.call('money.account', { accountId: acme.id })).signals;
    expect(signal).toMatchObject({ source: 'seat_overage', reason: '41 active users on 30 seats', since: '2026-11-01' });
    expect(value('SELECT count(*) FROM opportunities')).toBe(0);
    expect((await env.router.call('money.today', {})).signals).toEqual([signal]);

    const dismissed = await env.router.call('signals.dismiss', { accountId: acme.id, source: 'seat_overage', since: '2026-11-01' });
    expect(dismissed).toEqual({ dismissed: true });
    expect((await env.router.call('money.today', {})).signals).toEqual([]);
    // New evidence (a later run) suggests again; creating one from it ends the suggestion.
    await env.router.call('samples.add', { accountId: acme.id, key: 'active_users', date: '2026-11-01', value: 20 });
    await env.router.call('samples.add', { accountId: acme.id, key: 'active_users', date: '2026-11-20', value: 44 });
    const [again] = (await env.router.call('money.today', {})).signals;
    expect(again).toMatchObject({ since: '2026-11-20' });
    await env.router.call('opportunities.create', { accountId: acme.id, title: again.title, arrCents: again.arrCents ?? 0, source: 'seat_overage' });
    expect((await env.router.call('money.today', {})).signals).toEqual([]);
  });
});

describe('surveys and samples by hand', () => {
  it('records an NPS and a metric sample, rescoring at once; Undo takes them back', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000, seats: 10 });
    const contact = await env.router.call('contacts.create', { accountId: acme.id, name: 'Dana Ruiz', level: 'vp' });
    const survey = await env.router.call('surveys.add', { accountId: acme.id, kind: 'nps', score: 3, date: AS_OF, contactId: contact.id, comment: 'Too slow' });
    expect(survey.summary).toBe('Recorded a NPS of 3 from Dana Ruiz for Acme on 2026-11-24.');
    let flags = await env.router.call('flags.list', { accountId: acme.id });
    expect(flags.some((f) => f.rule === 'detractor' && f.resolvedAt === null)).toBe(true);
    const page = await env.router.call('accountPage.get', { id: acme.id });
    expect(page.health!.components.survey).toMatchObject({ score: 30 });

    const sample = await env.router.call('samples.add', { accountId: acme.id, key: 'Adoption', date: AS_OF, value: 64 });
    expect(sample.summary).toBe('Recorded adoption 64 for Acme on 2026-11-24.');
    expect((await env.router.call('accountPage.get', { id: acme.id })).health!.components.adoption).toMatchObject({ score: 64 });
    const replaced = await env.router.call('samples.add', { accountId: acme.id, key: 'adoption', date: AS_OF, value: 70 });
    expect(replaced.summary).toBe('Adoption of Acme on 2026-11-24: 64 → 70.');
    await env.router.call('money.undo', { changeId: replaced.changeId });
    expect(value("SELECT value FROM metric_samples WHERE key = 'adoption'")).toBe(64);

    await env.router.call('money.undo', { changeId: survey.changeId });
    flags = await env.router.call('flags.list', { accountId: acme.id });
    expect(flags.some((f) => f.rule === 'detractor' && f.resolvedAt === null)).toBe(false);

    await refused('surveys.add', { accountId: acme.id, kind: 'csat', score: 6, date: AS_OF }, /A CSAT score is a whole number from 1 to 5 \(got 6\)/);
    await refused('surveys.add', { accountId: acme.id, kind: 'nps', score: 9, date: AS_OF, contactId: 999 }, /Contact 999 is not a contact of Acme/);
    await refused('samples.add', { accountId: acme.id, key: 'adoption', date: AS_OF, value: 140 }, /Adoption is the percentage of licensed seats in use, 0 to 100 \(got 140\)/);
    await refused('samples.add', { accountId: acme.id, key: 'open tickets', date: AS_OF, value: -1 }, /Open tickets cannot be negative/);
  });

  it('lands a quick-capture touch and the NPS given on the call together, or neither', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000 });
    const other = await account({ name: 'Other', mrrCents: 100_000 });
    const contact = await env.router.call('contacts.create', { accountId: other.id, name: 'Stranger' });
    const touches = () => value('SELECT count(*) FROM touches');
    const result = await env.router.invoke('capture.touchWithNps', {
      touch: { accountId: acme.id, type: 'call', occurredAt: AS_OF, summary: 'Renewal call' },
      nps: { score: 10, contactId: contact.id },
    });
    expect(result.ok).toBe(false);
    expect(touches()).toBe(0);
    const saved = await env.router.call('capture.touchWithNps', { touch: { accountId: acme.id, type: 'call', occurredAt: AS_OF, summary: 'Renewal call' }, nps: { score: 10, contactId: null } });
    expect(saved.touch.summary).toBe('Renewal call');
    expect(all('SELECT kind, score, date, comment FROM survey_responses')).toEqual([{ kind: 'nps', score: 10, date: AS_OF, comment: 'Renewal call' }]);
  });
});

describe('Today and the pipeline', () => {
  it('lists renewals due within 30 days that have no forecast yet', async () => {
    await account({ name: 'Soon', mrrCents: 100_000, renewalDate: '2026-12-24' });
    await account({ name: 'Later', mrrCents: 100_000, renewalDate: '2026-12-25' });
    const forecast = await account({ name: 'Forecast', mrrCents: 100_000, renewalDate: '2026-12-01' });
    const r = (await env.router.call('renewals.list', {})).renewals.find((x) => x.accountId === forecast.id)!;
    await env.router.call('renewals.update', { id: r.id, patch: { forecast: 'likely' } });
    expect((await env.router.call('money.today', {})).renewals.map((x) => x.accountName)).toEqual(['Soon']);
  });

  it('totals the open pipeline of the active book by stage', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000 });
    const gone = await account({ name: 'Gone', mrrCents: 100_000 });
    await env.router.call('opportunities.create', { accountId: acme.id, title: 'A', arrCents: 100_000, stage: 'qualified' });
    await env.router.call('opportunities.create', { accountId: acme.id, title: 'B', arrCents: 50_000 });
    await env.router.call('opportunities.create', { accountId: gone.id, title: 'C', arrCents: 70_000 });
    await env.router.call('money.churn', { accountId: gone.id, date: AS_OF, reason: 'other' });
    expect(await env.router.call('money.pipeline', {})).toEqual({
      count: 2,
      arrCents: 150_000,
      byStage: { identified: { count: 1, arr: 50_000 }, qualified: { count: 1, arr: 100_000 }, proposed: { count: 0, arr: 0 } },
    });
  });
});

describe('Undo', () => {
  it('refuses to undo a change whose rows were changed again since, and undoes nothing', async () => {
    const acme = await account({ name: 'Acme', mrrCents: 100_000 });
    const first = await env.router.call('revenue.changeMrr', { accountId: acme.id, mrrCents: 120_000, as: 'expansion', date: '2026-11-01' });
    await env.router.call('revenue.changeMrr', { accountId: acme.id, mrrCents: 150_000, as: 'expansion', date: '2026-11-02' });
    await refused('money.undo', { changeId: first.changeId }, /can no longer be undone: the account it changed was changed again after it/);
    await refused('money.undo', { changeId: 12_345 }, /only the last 50 money changes/);
  });
});
