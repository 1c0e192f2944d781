// Issue 17.3 and 17.4 over the real router and a real SQLite file: flag actions close or snooze
// their tasks at once, a logged touch closes its cadence reminder at once, "done today" counts only
// what the CSM did, a task made from a flag keeps the flag; Today grouped by account, ranked, with
// renewals counted down from the renewal date; the sidebar's count and the landing preference.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { daysBetween } from '../../shared/dates';
import { whenText } from '../../shared/today/when';
import { setup } from '../helpers';

type Ctx = Awaited<ReturnType<typeof setup>>;
interface Row {
  id: number;
  doneAt: string | null;
  closedBy: string | null;
  snoozedUntil: string | null;
  flagId: number | null;
  accountId: number | null;
}

describe('flag actions and reminders', () => {
  let ctx: Ctx;
  const reminder = (id: number) =>
    ctx.opened.sqlite
      .prepare('SELECT id, done_at AS doneAt, closed_by AS closedBy, snoozed_until AS snoozedUntil, flag_id AS flagId, account_id AS accountId FROM reminders WHERE id = ?')
      .get(id) as Row;
  /** An open flag (not cadence) with its open reminder, made by a first Today load. */
  function openFlagWithReminder() {
    const row = ctx.opened.sqlite
      .prepare(
        `SELECT f.id AS flagId, f.account_id AS accountId, r.id AS reminderId FROM flags f JOIN reminders r ON r.flag_id = f.id
         WHERE f.resolved_at IS NULL AND f.rule != 'cadence_overdue' AND r.done_at IS NULL AND r.source = 'rule' ORDER BY f.id LIMIT 1`,
      )
      .get() as { flagId: number; accountId: number; reminderId: number } | undefined;
    if (!row) throw new Error('the sample book has no open flag with a reminder');
    return row;
  }

  beforeEach(async () => {
    ctx = await setup();
    await ctx.router.call('demo.load', {});
    await ctx.router.call('today.get', {});
  });
  afterEach(() => ctx.opened.close());

  it('resolving a flag closes its reminder and the tasks made from it at once, as the system; undo reopens them', async () => {
    const { flagId, accountId, reminderId } = openFlagWithReminder();
    const task = await ctx.router.call('reminders.create', { accountId, title: 'Call the sponsor', due: '2026-11-24', flagId });
    expect(task).toMatchObject({ flagId, accountId, closedBy: null });
    const doneBefore = (await ctx.router.call('today.get', {})).doneToday;

    await ctx.router.call('flags.resolve', { id: flagId });
    // Without reloading Today: both are closed already, by the system.
    for (const id of [reminderId, task.id]) expect(reminder(id)).toMatchObject({ closedBy: 'system' });
    expect(reminder(task.id).doneAt).not.toBeNull();
    const view = await ctx.router.call('today.get', {});
    const keys = view.groups.flatMap((g) => g.items.map((i) => i.key));
    expect(keys).not.toContain(`reminder:${reminderId}`);
    expect(keys).not.toContain(`reminder:${task.id}`);
    expect(view.doneToday).toBe(doneBefore);

    await ctx.router.call('flags.unresolve', { id: flagId });
    for (const id of [reminderId, task.id]) expect(reminder(id)).toMatchObject({ doneAt: null, closedBy: null });
  });

  it('snoozing a flag snoozes its reminder (not done) until the same day, through a Today reload; unsnooze wakes both', async () => {
    const { flagId, reminderId } = openFlagWithReminder();
    await ctx.router.call('flags.snooze', { id: flagId, until: '2026-12-01' });
    expect(reminder(reminderId)).toMatchObject({ doneAt: null, closedBy: null, snoozedUntil: '2026-12-01' });
    const view = await ctx.router.call('today.get', {});
    expect(reminder(reminderId)).toMatchObject({ doneAt: null, snoozedUntil: '2026-12-01' });
    expect(view.groups.flatMap((g) => g.items.map((i) => i.key))).not.toContain(`reminder:${reminderId}`);

    await ctx.router.call('flags.unsnooze', { id: flagId });
    expect(reminder(reminderId)).toMatchObject({ doneAt: null, snoozedUntil: null });
    expect((await ctx.router.call('today.get', {})).groups.flatMap((g) => g.items.map((i) => i.key))).toContain(`reminder:${reminderId}`);
  });

  it('logging the touch that clears a cadence reminder closes it at once, and it does not count as done today', async () => {
    const cadence = ctx.opened.sqlite
      .prepare("SELECT id, account_id AS accountId FROM reminders WHERE source = 'cadence' AND done_at IS NULL ORDER BY id LIMIT 1")
      .get() as { id: number; accountId: number };
    expect(cadence).toBeDefined();
    const doneBefore = (await ctx.router.call('today.get', {})).doneToday;
    await ctx.router.call('touches.log', { accountId: cadence.accountId, type: 'call', occurredAt: '2026-11-24', summary: 'Caught up' });
    expect(reminder(cadence.id)).toMatchObject({ closedBy: 'system' });
    expect(reminder(cadence.id).doneAt).not.toBeNull();
    expect((await ctx.router.call('today.get', {})).doneToday).toBe(doneBefore);
  });

  it('counts in done today only what the CSM marked done', async () => {
    const view = await ctx.router.call('today.get', {});
    const first = view.groups[0].items.find((i) => i.kind === 'reminder');
    if (first?.kind !== 'reminder') throw new Error('no reminder in Today');
    await ctx.router.call('reminders.complete', { id: first.reminder.id });
    expect(reminder(first.reminder.id)).toMatchObject({ closedBy: 'user' });
    expect((await ctx.router.call('today.get', {})).doneToday).toBe(view.doneToday + 1);
    await ctx.router.call('reminders.reopen', { id: first.reminder.id });
    expect((await ctx.router.call('today.get', {})).doneToday).toBe(view.doneToday);
  });

  it('a task made from a flag belongs to the flag’s account and refuses a resolved flag or sharing', async () => {
    const { flagId, accountId } = openFlagWithReminder();
    const task = await ctx.router.call('reminders.create', { accountId: null, title: 'Reach the CFO', due: '2026-11-26', flagId });
    expect(task).toMatchObject({ accountId, flagId, title: 'Reach the CFO', due: '2026-11-26', source: 'manual' });
    await expect(ctx.router.call('reminders.create', { accountId, title: 'x', due: '2026-11-26', flagId, shared: true })).rejects.toThrow(/stays internal/);
    await ctx.router.call('flags.resolve', { id: flagId });
    await expect(ctx.router.call('reminders.create', { accountId, title: 'x', due: '2026-11-26', flagId })).rejects.toThrow(/was resolved/);
    await expect(ctx.router.call('reminders.create', { accountId, title: 'x', due: '2026-11-26', flagId: 999_999 })).rejects.toThrow(/no flag with id/);
  });

  it('snooze and unsnooze of one reminder', async () => {
    const view = await ctx.router.call('today.get', {});
    const item = view.groups.flatMap((g) => g.items).find((i) => i.kind === 'reminder');
    if (item?.kind !== 'reminder') throw new Error('no reminder in Today');
    await ctx.router.call('reminders.snooze', { id: item.reminder.id, until: '2026-11-30' });
    expect(reminder(item.reminder.id)).toMatchObject({ doneAt: null, snoozedUntil: '2026-11-30' });
    await ctx.router.call('reminders.unsnooze', { id: item.reminder.id });
    expect(reminder(item.reminder.id).snoozedUntil).toBeNull();
  });
});

describe('Today grouped by account and ranked', () => {
  let ctx: Ctx;
  beforeEach(async () => {
    ctx = await setup();
    await ctx.router.call('demo.load', {});
  });
  afterEach(() => ctx.opened.close());

  it('has one group per account, each item once, most pressing account first, ARR and band from the book', async () => {
    const view = await ctx.router.call('today.get', {});
    expect(view.groups.length).toBeGreaterThan(3);
    const accountIds = view.groups.map((g) => g.accountId);
    expect(new Set(accountIds).size).toBe(accountIds.length);
    const keys = view.groups.flatMap((g) => g.items.map((i) => i.key));
    expect(new Set(keys).size).toBe(keys.length);
    for (const g of view.groups) for (const i of g.items) expect(i.accountId).toBe(g.accountId);
    const withAccount = view.groups.filter((g) => g.accountId !== null);
    for (let i = 1; i < withAccount.length; i++) expect(withAccount[i - 1].priority).toBeGreaterThanOrEqual(withAccount[i].priority);
    // Every due reminder is in a group; the count and the sections agree.
    const reminderKeys = keys.filter((k) => k.startsWith('reminder:'));
    expect(reminderKeys).toHaveLength(view.total);
    const accounts = ctx.services.accounts.list();
    for (const g of withAccount.slice(0, 5)) {
      const a = accounts.find((x) => x.id === g.accountId)!;
      expect(g.accountName).toBe(a.name);
      expect(g.arrCents).toBe(a.mrrCents * 12);
      expect(g.band).toBe(a.band);
    }
  });

  it('counts a renewal down from the renewal date, never from its reminder’s date', async () => {
    const view = await ctx.router.call('today.get', {});
    const renewals = view.groups.flatMap((g) => g.items).filter((i) => i.kind === 'reminder' && i.section === 'renewals');
    expect(renewals.length).toBeGreaterThan(0);
    const accounts = ctx.services.accounts.list();
    for (const item of renewals) {
      if (item.kind !== 'reminder') continue;
      const account = accounts.find((a) => a.id === item.accountId)!;
      expect(item.renewalDate).toBe(account.renewalDate);
      const text = whenText({ kind: 'renewals', due: item.reminder.due, renewalDate: item.renewalDate }, view.asOf);
      const left = daysBetween(view.asOf, account.renewalDate!);
      expect(text).toBe(left === 0 ? 'renews today' : left === 1 ? 'renews tomorrow' : `renews in ${left} days`);
      expect(text).not.toMatch(/overdue/);
    }
  });

  it('gives the sidebar its count and keeps the landing preference', async () => {
    const view = await ctx.router.call('today.get', {});
    expect(await ctx.router.call('today.summary', {})).toEqual({ asOf: view.asOf, due: view.total, overdue: view.overdue });
    expect(view.overdue).toBeGreaterThan(0);
    expect(await ctx.router.call('today.preferences', {})).toEqual({ openOnToday: true });
    await ctx.router.call('today.savePreferences', { preferences: { openOnToday: false } });
    expect(await ctx.router.call('today.preferences', {})).toEqual({ openOnToday: false });
  });
});
