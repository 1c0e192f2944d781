// The scoring service over a real database: snapshots, the flag lifecycle, incremental rescoring
// after an edit, reminders and the portfolio metrics — on data written through the router.
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services';
import { systemClock } from '../../electron/services/context';
import { createRouter } from '../../electron/router';
import { buildDemoBook } from '../../electron/services/demo/book';
import { demoFactsFor } from '../../electron/services/demo/load';
import { scoreAccount } from '../../shared/scoring';
import { encodeComponents } from '../../shared/scoring/snapshot-components';
import { setup } from '../helpers';

async function smbAccount(asOf = '2026-11-24') {
  const env = await setup(asOf);
  const account = await env.router.call('accounts.create', {
    name: 'Bluebird Bakery',
    segment: 'smb',
    stage: 'adoption',
    mrrCents: 50_000,
    contractStart: '2026-01-01',
  });
  return { ...env, account };
}

/** Services and router over the same file with another "today". */
function at(env: Awaited<ReturnType<typeof setup>>, asOf: string) {
  const services = createServices(env.opened, systemClock(asOf));
  return { services, router: createRouter(() => services, { validateOutput: true }) };
}

const openFlags = (env: Awaited<ReturnType<typeof setup>>, accountId: number) =>
  env.opened.sqlite
    .prepare('SELECT id, rule, raised_at AS raisedAt FROM flags WHERE account_id = ? AND resolved_at IS NULL ORDER BY id')
    .all(accountId) as { id: number; rule: string; raisedAt: string }[];

describe('the scoring service', () => {
  it('scores a new account at once and shows it in the list: not enough data until it has some', async () => {
    const env = await smbAccount();
    const [summary] = await env.router.call('accounts.list', {});
    // SPEC "Not enough data": no contacts, touches, samples or surveys — no score, not at risk, not in triage…
    expect(summary).toMatchObject({ score: null, band: 'no_data', confidence: 0, inTriage: false });
    // … but its flags still count.
    expect(summary.flags.map((f) => f.rule)).toEqual(['single_threaded', 'cadence_overdue']);
    const row = env.opened.sqlite.prepare('SELECT score, band, confidence FROM health_snapshots WHERE account_id = ?').get(env.account.id);
    expect(row).toEqual({ score: null, band: 'no_data', confidence: 0 });

    // Its first contact: relationships 0 and engagement 0 are the only components.
    await env.router.call('contacts.create', { accountId: env.account.id, name: 'Ada Baker', level: 'ic', strength: 1 });
    const [scored] = await env.router.call('accounts.list', {});
    expect(scored).toMatchObject({ score: 0, band: 'at_risk', confidence: 0.35, inTriage: true });
  });

  it('rescores an account incrementally when a touch is logged, resolving the cadence flag', async () => {
    const env = await smbAccount();
    const before = env.services.scoring.rescoreAccount(env.account.id)!;
    expect(before.score.health).toMatchObject({ band: 'no_data', score: null });
    await env.router.call('touches.log', { accountId: env.account.id, type: 'call', occurredAt: '2026-11-20', summary: 'Kick-off', sentiment: 2 });
    const [summary] = await env.router.call('accounts.list', {});
    expect(summary.flags.map((f) => f.rule)).toEqual(['single_threaded']);
    const snapshot = env.opened.sqlite.prepare('SELECT count(*) AS n, max(score) AS score FROM health_snapshots').get() as { n: number; score: number };
    expect(snapshot.n).toBe(1); // same day: one snapshot, updated
    expect(snapshot.score).toBe(summary.score);
    // engagement 100 × 15 + sentiment 100 × 10 + relationships 0 × 20 over 45 → 55.6 → 56
    expect(summary.score).toBe(56);
    const resolved = env.opened.sqlite.prepare("SELECT resolved_by FROM flags WHERE rule = 'cadence_overdue'").pluck().get();
    expect(resolved).toBe('rule');
  });

  it('keeps a flag the CSM resolved quiet while its rule still fires, and raises a new one after it stops', async () => {
    const env = await smbAccount();
    const [cadence] = openFlags(env, env.account.id).filter((f) => f.rule === 'cadence_overdue');
    await env.router.call('flags.resolve', { id: cadence.id });
    env.services.scoring.rescoreAll();
    expect(openFlags(env, env.account.id).map((f) => f.rule)).toEqual(['single_threaded']);

    // A touch makes the rule stop firing; 50 days later (cadence 45) it fires again: a new flag.
    await env.router.call('touches.log', { accountId: env.account.id, type: 'email', occurredAt: '2026-11-24', summary: 'Check-in' });
    const later = at(env, '2027-01-13');
    later.services.scoring.rescoreAll();
    const again = openFlags(env, env.account.id).find((f) => f.rule === 'cadence_overdue');
    expect(again).toBeDefined();
    expect(again!.id).not.toBe(cadence.id);
    expect(again!.raisedAt).toBe('2027-01-13');
  });

  it('hides a snoozed flag from the list until the snooze ends', async () => {
    const env = await smbAccount();
    const [first] = openFlags(env, env.account.id);
    await env.router.call('flags.snooze', { id: first.id, until: '2026-12-01' });
    expect((await env.router.call('accounts.list', {}))[0].flags).toHaveLength(1);
    const later = at(env, '2026-12-01');
    expect((await later.router.call('accounts.list', {}))[0].flags).toHaveLength(2);
    const past = await env.router.invoke('flags.snooze', { id: first.id, until: '2026-11-01' });
    expect(past).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('writes one snapshot per account per day and lists the latest', async () => {
    const env = await smbAccount();
    at(env, '2026-11-25').services.scoring.rescoreAll();
    const rows = env.opened.sqlite.prepare('SELECT date FROM health_snapshots ORDER BY date').pluck().all();
    expect(rows).toEqual(['2026-11-24', '2026-11-25']);
  });

  it('creates cadence, renewal and flag reminders once, and closes them when their reason goes away', async () => {
    const env = await setup('2026-11-24');
    const account = await env.router.call('accounts.create', {
      name: 'Contoso', segment: 'mid_market', stage: 'adoption', renewalDate: '2026-12-10',
    });
    await env.router.call('touches.log', {
      accountId: account.id, type: 'call', occurredAt: '2026-09-01', summary: 'Old call', followUpDue: '2026-09-15', nextStep: 'Send notes',
    });
    env.services.scoring.rescoreAll();
    // Each edit already brought the account's reminders up to date (issue 17.3); a refresh makes each once.
    expect(env.opened.sqlite.prepare('SELECT count(*) FROM reminders').pluck().get()).toBeGreaterThan(0);
    env.services.reminders.refresh();
    expect(env.services.reminders.refresh().created).toBe(0);
    const due = env.services.reminders.due();
    const bySource = Object.fromEntries(due.map((r) => [r.source, r]));
    expect(bySource.follow_up).toMatchObject({ title: 'Send notes', due: '2026-09-15', overdueDays: 70, accountName: 'Contoso' });
    expect(bySource.cadence).toMatchObject({ due: '2026-10-02', title: 'Check in with Contoso: no customer contact since 2026-09-01' });
    expect(bySource.renewal).toMatchObject({ due: '2026-11-10', title: 'Prepare the renewal of Contoso (renews 2026-12-10)' });
    expect(due.some((r) => r.source === 'rule')).toBe(true);

    // The touch closes the cadence reminder at once, without a refresh.
    await env.router.call('touches.log', { accountId: account.id, type: 'meeting', occurredAt: '2026-11-23', summary: 'Caught up' });
    expect(env.services.reminders.due().map((r) => r.source)).not.toContain('cadence');
  });

  it('gives the sample book a year of weekly history, every flag rule, and metrics that add up', async () => {
    const env = await setup('2026-11-24');
    await env.router.call('demo.load', {});
    const perAccount = env.opened.sqlite
      .prepare('SELECT count(*) FROM health_snapshots GROUP BY account_id')
      .pluck()
      .all() as number[];
    expect(Math.min(...perAccount)).toBe(53);
    const rules = env.opened.sqlite.prepare('SELECT DISTINCT rule FROM flags WHERE resolved_at IS NULL').pluck().all();
    expect(rules).toHaveLength(9);

    const metrics = env.services.metrics.forMonth('2026-10');
    const scored = env.services.scoring.scoreBook();
    const mrrAtAsOf = (id: number) =>
      (env.opened.sqlite.prepare("SELECT coalesce(sum(mrr_delta_cents), 0) FROM revenue_events WHERE account_id = ? AND date <= '2026-11-24'").pluck().get(id) as number);
    const triageArr = scored.filter((s) => s.score.inTriage).reduce((sum, s) => sum + 12 * mrrAtAsOf(s.facts.id), 0);
    expect(metrics.triageArr).toBe(triageArr);
    expect(metrics.nps).toBeGreaterThanOrEqual(-100);
    expect(metrics.netRevenueRetention! - metrics.grossRevenueRetention!).toBeGreaterThanOrEqual(0);
  });

  it('loads from the database exactly the facts the scoring would be handed as objects', async () => {
    const env = await setup('2026-11-24');
    await env.router.call('demo.load', {});
    const expected = demoFactsFor(buildDemoBook('2026-11-24'));
    for (const asOf of ['2026-11-24', '2026-08-01']) {
      const book = env.services.scoring.scoreBook(asOf);
      expect(book.map((s) => s.facts.id)).toEqual(expected.map((f) => f.id));
      book.forEach((scored, i) => expect(scored.score, `account ${scored.facts.id}`).toEqual(scoreAccount(expected[i], asOf)));
    }
    // The one-account load (incremental rescore) reads the same.
    for (const facts of expected.slice(0, 5)) {
      expect(env.services.scoring.rescoreAccount(facts.id, '2026-11-24')!.score).toEqual(scoreAccount(facts, '2026-11-24'));
    }
  });

  it('rerunning a full rescore on the same day writes only snapshots that changed, and a new day gets its own', async () => {
    const env = await setup('2026-11-24');
    await env.router.call('demo.load', {});
    const sqlite = env.opened.sqlite;
    const changes = () => sqlite.prepare('SELECT total_changes()').pluck().get() as number;
    const snapshot = (id: number, date: string) =>
      sqlite.prepare('SELECT score, band, components FROM health_snapshots WHERE account_id = ? AND date = ?').get(id, date) as
        | { score: number; band: string; components: string }
        | undefined;
    const accounts = env.services.accounts.count();

    const before = changes();
    env.services.scoring.rescoreAll('2026-11-24');
    expect(changes() - before).toBe(0); // nothing moved since demo.load scored today

    // A snapshot that no longer matches (edited behind the service's back) is rewritten…
    const right = snapshot(1, '2026-11-24')!;
    sqlite.prepare("UPDATE health_snapshots SET components = '{}' WHERE account_id = 1 AND date = '2026-11-24'").run();
    // …and so is one whose score changed: account 2's touches moved years back, with no incremental rescore.
    const was2 = snapshot(2, '2026-11-24')!;
    sqlite.prepare("UPDATE touches SET occurred_at = '2001-01-01' WHERE account_id = 2").run();
    const mark = changes();
    const scored = env.services.scoring.rescoreAll('2026-11-24');
    expect(changes() - mark).toBeGreaterThanOrEqual(2);
    expect(snapshot(1, '2026-11-24')).toEqual(right);
    const now2 = snapshot(2, '2026-11-24')!;
    const expected2 = scored.find((s) => s.facts.id === 2)!.score.health;
    expect(now2).toEqual({ score: expected2.score, band: expected2.band, components: encodeComponents(expected2.components) });
    expect(now2.components).not.toBe(was2.components);

    // The next day: a new snapshot for every account.
    const count = (date: string) => sqlite.prepare('SELECT count(*) FROM health_snapshots WHERE date = ?').pluck().get(date);
    expect(count('2026-11-25')).toBe(0);
    env.services.scoring.rescoreAll('2026-11-25');
    expect(count('2026-11-25')).toBe(accounts);
    expect(count('2026-11-24')).toBe(accounts);
  });
});
