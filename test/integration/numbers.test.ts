// SPEC 2026-12's numbers through the router over a real database (issue 12): notes are not customer
// contact (score, flags, reminders, Today, last contact per person), "Not enough data", the
// incubation pipeline of accounts not started, survey metrics with their responses, and triage
// cases as a loop — suggested, opened by the CSM, late in Today, suggested recovered after 14 days
// out of triage, closed as churned when the account churns.
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/router';
import { createServices } from '../../electron/services';
import { systemClock } from '../../electron/services/context';
import { closeCaseOnChurn } from '../../electron/services/triage';
import { addDays } from '../../shared/dates';
import { AS_OF, setup } from '../helpers';

type Env = Awaited<ReturnType<typeof setup>>;

/** Services and router over the same file with another "today". */
function at(env: Env, asOf: string) {
  const services = createServices(env.opened, systemClock(asOf));
  return { services, router: createRouter(() => services, { validateOutput: true }) };
}

const rows = <T>(env: Env, sql: string, ...params: unknown[]) => env.opened.sqlite.prepare(sql).all(...params) as T[];

/** A mid-market account (cadence 30) with a strong VP and two strong users, last called 40 days ago. */
async function midMarket(env: Env, extra: Record<string, unknown> = {}) {
  const account = await env.router.call('accounts.create', {
    name: 'Northwind Optics',
    segment: 'mid_market',
    stage: 'adoption',
    mrrCents: 100_000,
    contractStart: '2025-01-01',
    ...extra,
  });
  const vp = await env.router.call('contacts.create', { accountId: account.id, name: 'Rosa Lindqvist', level: 'vp', strength: 3 });
  for (const name of ['Ben Adeyemi', 'Mia Castellanos']) {
    await env.router.call('contacts.create', { accountId: account.id, name, level: 'ic', isUser: true, strength: 3 });
  }
  await env.router.call('touches.log', { accountId: account.id, type: 'call', occurredAt: addDays(AS_OF, -40), summary: 'Review', contactIds: [vp.id] });
  return { account, vp };
}

describe('customer contact (SPEC: a note is not contact)', () => {
  it('keeps the cadence flag, the cadence reminder and Today after a note, and clears them after a call', async () => {
    const env = await setup();
    const { account, vp } = await midMarket(env);
    await env.router.call('touches.log', {
      accountId: account.id,
      type: 'note',
      occurredAt: AS_OF,
      summary: 'Called finance about their PO (note to self)',
      sentiment: 1,
      contactIds: [vp.id],
    });
    const [summary] = await env.router.call('accounts.list', {});
    expect(summary.flags.map((f) => f.rule)).toContain('cadence_overdue');
    const page = await env.router.call('accountPage.get', { id: account.id });
    expect(page.health?.components.engagement).toMatchObject({ inputDate: addDays(AS_OF, -40), detail: 'Last contact 40 days ago; cadence 30 days' });
    // The note's pulse is the latest: it counts for sentiment.
    expect(page.health?.components.sentiment).toMatchObject({ inputDate: AS_OF });
    // The relationship map's last contact per person ignores the note too.
    expect(page.detail.contacts.find((c) => c.id === vp.id)?.lastTouchAt?.slice(0, 10)).toBe(addDays(AS_OF, -40));
    const today = await env.router.call('today.get', {});
    expect(today.sections.cadence.map((r) => r.title)).toEqual([`Check in with Northwind Optics: no customer contact since ${addDays(AS_OF, -40)}`]);

    await env.router.call('touches.log', { accountId: account.id, type: 'email', occurredAt: AS_OF, summary: 'Sent the quote', contactIds: [vp.id] });
    const [after] = await env.router.call('accounts.list', {});
    expect(after.flags.map((f) => f.rule)).not.toContain('cadence_overdue');
    expect((await env.router.call('today.get', {})).sections.cadence).toEqual([]);
  });
});

describe('not enough data', () => {
  it('shows an imported-looking account as no_data everywhere, and scores it once it gains data', async () => {
    const env = await setup();
    const account = await env.router.call('accounts.create', { name: 'Halden Biotech', segment: 'mid_market', stage: 'adoption', mrrCents: 234_000 });
    const page = await env.router.call('accountPage.get', { id: account.id });
    expect(page.health).toMatchObject({ score: null, band: 'no_data', confidence: 0, inTriage: false });
    expect(Object.values(page.health!.components).every((c) => c === null)).toBe(true);
    expect(page.suggestTriage).toBe(false);
    expect((await env.router.call('triage.forAccount', { accountId: account.id })).suggestOpen).toBeNull();
    const metrics = await env.router.call('metrics.month', {});
    expect(metrics.triageArr).toBe(0);
    const search = await env.router.call('search.query', { query: 'Halden' });
    expect(search.accounts[0]).toMatchObject({ score: null, band: 'no_data' });

    // A metric sample of a key the score does not read still counts as data.
    env.opened.sqlite.prepare("INSERT INTO metric_samples (account_id, date, key, value) VALUES (?, ?, 'community_posts', 4)").run(account.id, AS_OF);
    env.services.scoring.rescoreAccount(account.id);
    const [scored] = await env.router.call('accounts.list', {});
    expect(scored).toMatchObject({ score: 0, band: 'at_risk', confidence: 0.35 });
    const changed = (await env.router.call('accountPage.get', { id: account.id })).health;
    expect(changed).toMatchObject({ score: 0, band: 'at_risk' });
  });

  it('counts no_data in the settings preview as its own band, and never in the mean', async () => {
    const env = await setup();
    await env.router.call('accounts.create', { name: 'Empty', segment: 'smb', stage: 'adoption' });
    await midMarket(env);
    const preview = await env.router.call('settings.preview', { settings: await env.router.call('settings.get', {}) });
    expect(preview.before.no_data).toBe(1);
    expect(preview.before).toEqual(preview.after);
    const [scored] = (await env.router.call('accounts.list', {})).filter((a) => a.score !== null);
    expect(preview.meanBefore).toBe(scored.score);
  });
});

describe('portfolio metrics', () => {
  it('counts an incubation account that has not started at 12 × its MRR, and says how many responses each survey number has', async () => {
    const env = await setup();
    await env.router.call('accounts.create', {
      name: 'Cobalt Ridge Labs',
      segment: 'mid_market',
      stage: 'incubation',
      mrrCents: 405_000,
      contractStart: addDays(AS_OF, 21),
    });
    const { account } = await midMarket(env);
    env.opened.sqlite.prepare("INSERT INTO survey_responses (account_id, kind, score, date) VALUES (?, 'nps', 0, ?)").run(account.id, AS_OF);
    const m = await env.router.call('metrics.month', { month: AS_OF.slice(0, 7) });
    expect(m.incubationPipelineArr).toBe(12 * 405_000);
    expect(m).toMatchObject({ nps: -100, npsResponses: 1, period: { from: '2026-11-01', to: AS_OF, toDate: true } });
    expect(m.surveyWindows.nps).toMatchObject({ value: -100, responses: 1, days: 365, enough: false });
  });
});

describe('triage cases', () => {
  /** An enterprise account in triage: one strong executive of two (single_threaded, high). */
  async function inTriage(env: Env) {
    const account = await env.router.call('accounts.create', { name: 'Keystone Mutual', segment: 'enterprise', stage: 'adoption', mrrCents: 500_000 });
    const exec = await env.router.call('contacts.create', { accountId: account.id, name: 'Laura Jennings', level: 'vp', strength: 3 });
    await env.router.call('touches.log', { accountId: account.id, type: 'meeting', occurredAt: AS_OF, summary: 'Sync', contactIds: [exec.id] });
    return { account, exec };
  }

  it('suggests a case, opens one only when asked, and refuses a second', async () => {
    const env = await setup();
    const { account } = await inTriage(env);
    const view = await env.router.call('triage.forAccount', { accountId: account.id });
    expect(view.inTriage).toBe(true);
    expect(view.open).toBeNull();
    expect(view.suggestOpen).toEqual({
      triggers: [{ rule: 'single_threaded', severity: 'high', reason: 'Only 1 strong executive relationship; enterprise accounts need 2' }],
      targetDate: addDays(AS_OF, 30),
    });
    // Nothing was opened by looking, rescoring or listing.
    env.services.scoring.rescoreAll();
    const listed = await env.router.call('triage.list', {});
    expect(listed.cases).toEqual([]);
    expect(listed.suggestions).toEqual([{ accountId: account.id, accountName: 'Keystone Mutual', arrCents: 6_000_000, triggers: view.suggestOpen!.triggers }]);

    const opened = await env.router.call('triage.open', { accountId: account.id, rootCause: 'sponsor_lost', plan: 'Meet the CFO' });
    expect(opened).toMatchObject({ openedOn: AS_OF, targetDate: addDays(AS_OF, 30), rootCause: 'sponsor_lost', plan: 'Meet the CFO', closedOn: null, overdueDays: 0 });
    expect(opened.triggers).toEqual(view.suggestOpen!.triggers);
    await expect(env.router.call('triage.open', { accountId: account.id })).rejects.toMatchObject({ code: 'conflict' });
    await expect(env.router.call('triage.update', { id: opened.id, patch: { targetDate: addDays(AS_OF, -1) } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect((await env.router.call('triage.list', {})).suggestions).toEqual([]);
    // Undo of open removes it.
    await env.router.call('triage.delete', { id: opened.id });
    expect(rows(env, 'SELECT id FROM triage_cases')).toEqual([]);
  });

  it('lists a case past its target date in Today, and suggests recovered after 14 days out of triage', async () => {
    const env = await setup();
    const { account } = await inTriage(env);
    const opened = await env.router.call('triage.open', { accountId: account.id, targetDate: addDays(AS_OF, 10) });

    // Ten days later the account has a second strong executive: out of triage from then on.
    const day5 = at(env, addDays(AS_OF, 5));
    await day5.router.call('contacts.create', { accountId: account.id, name: 'Dana Whitaker', level: 'c_level', strength: 4 });
    await day5.router.call('touches.log', { accountId: account.id, type: 'call', occurredAt: addDays(AS_OF, 5), summary: 'Met the CFO' });

    const day12 = at(env, addDays(AS_OF, 12));
    const late = await day12.router.call('today.get', {});
    expect(late.sections.triage.map((r) => [r.title, r.overdueDays])).toEqual([
      [`Review the triage case of Keystone Mutual: its target date ${addDays(AS_OF, 10)} has passed`, 2],
    ]);
    const early = (await day12.router.call('triage.forAccount', { accountId: account.id })).open!;
    expect(early.recovery).toEqual({ outSince: addDays(AS_OF, 5), daysOut: 7, suggest: false });
    expect(early.overdueDays).toBe(2);

    const day19 = at(env, addDays(AS_OF, 19));
    const ready = (await day19.router.call('triage.forAccount', { accountId: account.id })).open!;
    expect(ready.recovery).toEqual({ outSince: addDays(AS_OF, 5), daysOut: 14, suggest: true });
    // A new target date makes the late reminder go away.
    await day19.router.call('triage.update', { id: opened.id, patch: { targetDate: addDays(AS_OF, 40) } });
    expect((await day19.router.call('today.get', {})).sections.triage).toEqual([]);

    const closed = await day19.router.call('triage.close', { id: opened.id, outcome: 'recovered' });
    expect(closed).toMatchObject({ closedOn: addDays(AS_OF, 19), outcome: 'recovered', recovery: null });
    const stats = await day19.router.call('triage.list', {});
    expect(stats.month.stats).toMatchObject({ recovered: 1, saveRate: 1, medianDaysToRecover: 19 });
    // Undo of close.
    expect(await day19.router.call('triage.reopen', { id: opened.id })).toMatchObject({ closedOn: null, outcome: null });
  });

  it('closes a case and moves the account out of stage triage in one step', async () => {
    const env = await setup();
    const { account } = await inTriage(env);
    await env.router.call('accounts.update', { id: account.id, patch: { stage: 'triage' } });
    const opened = await env.router.call('triage.open', { accountId: account.id });
    await expect(env.router.call('triage.close', { id: opened.id, outcome: 'recovered', closedOn: addDays(AS_OF, 1) })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await env.router.call('triage.close', { id: opened.id, outcome: 'recovered', stage: 'adoption' });
    const { account: after } = await env.router.call('accounts.get', { id: account.id });
    expect(after.stage).toBe('adoption');
    await expect(env.router.call('triage.close', { id: opened.id, outcome: 'closed' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('closes the open case as churned when the account churns, whichever way it churned', async () => {
    const env = await setup();
    const { account } = await inTriage(env);
    const opened = await env.router.call('triage.open', { accountId: account.id });
    // A churn recorded in the app (money.churn) closes the case in its own transaction.
    await env.router.call('money.churn', { accountId: account.id, date: AS_OF, reason: 'price' });
    expect((await env.router.call('triage.forAccount', { accountId: account.id })).closed[0]).toMatchObject({
      id: opened.id,
      outcome: 'churned',
      closedOn: AS_OF,
    });
    // An account that became churned some other way (a CSV import, an older Tend): the rescore closes it.
    const imported = await inTriage(env);
    const importedCase = await env.router.call('triage.open', { accountId: imported.account.id });
    env.opened.sqlite.prepare("UPDATE accounts SET stage = 'churned' WHERE id = ?").run(imported.account.id);
    env.services.scoring.rescoreAccount(imported.account.id);
    expect((await env.router.call('triage.forAccount', { accountId: imported.account.id })).closed[0]).toMatchObject({
      id: importedCase.id,
      outcome: 'churned',
    });
    await expect(env.router.call('triage.open', { accountId: account.id })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(env.router.call('triage.reopen', { id: opened.id })).rejects.toMatchObject({ code: 'invalid_input' });

    // The plain function the churn recorder calls inside its own transaction: never before the case opened.
    const other = await inTriage(env);
    const second = await env.router.call('triage.open', { accountId: other.account.id });
    expect(env.opened.sqlite.transaction(() => closeCaseOnChurn(env.opened.sqlite, other.account.id, '2020-01-01'))()).toBe(1);
    expect(rows(env, 'SELECT closed_on AS closedOn, outcome FROM triage_cases WHERE id = ?', second.id)).toEqual([{ closedOn: AS_OF, outcome: 'churned' }]);
    expect(closeCaseOnChurn(env.opened.sqlite, other.account.id, AS_OF)).toBe(0);
  });
});

describe('the sample book', () => {
  it('loads its triage cases and shows each rule through the router', async () => {
    const env = await setup();
    await env.router.call('demo.load', {});
    const list = await env.router.call('accounts.list', {});
    expect(list.filter((a) => a.band === 'no_data').map((a) => a.name)).toEqual(['Halden Biotech']);
    const { cases, month } = await env.router.call('triage.list', {});
    const open = cases.filter((c) => c.closedOn === null);
    expect(open.map((c) => c.accountName).sort()).toEqual(['Granite Peak Construction', 'Lumen Grid Energy', 'Maple & Main Realty']);
    expect(open.find((c) => c.accountName === 'Granite Peak Construction')!.overdueDays).toBe(7);
    expect(open.find((c) => c.accountName === 'Maple & Main Realty')!.recovery?.suggest).toBe(true);
    expect(open.find((c) => c.accountName === 'Lumen Grid Energy')!.triggers.map((t) => t.rule)).toContain('adoption_drop_user_silence');
    expect(cases.filter((c) => c.outcome === 'recovered')).toHaveLength(2);
    expect(cases.filter((c) => c.outcome === 'churned')).toHaveLength(1);
    expect(month.stats.recovered).toBe(1); // Riverbend, four days ago
    const today = await env.router.call('today.get', {});
    expect(today.sections.triage.map((r) => r.accountName)).toEqual(['Granite Peak Construction']);
    const m = await env.router.call('metrics.month', {});
    const incubation = list.filter((a) => a.stage === 'incubation').reduce((sum, a) => sum + 12 * a.mrrCents, 0);
    expect(m.incubationPipelineArr).toBe(incubation);
    const review = await env.router.call('reports.review', { month: AS_OF.slice(0, 7) });
    expect(review.bands.find((b) => b.band === 'no_data')).toMatchObject({ count: 1 });
    expect(review.triageCases.stats).toMatchObject({ recovered: 1, open: 3 });
  });
});
