// The account page, Today, reminders, goals and search over the real router and a real SQLite file,
// including the touches_fts migration (applied on open, backfilled, kept in step by triggers).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { createServices } from '../../electron/services';
import { systemClock } from '../../electron/services/context';
import { ftsQuery } from '../../electron/services/search';
import { AS_OF, MIGRATIONS, setup, tempDir } from '../helpers';

describe('the touches_fts migration', () => {
  it('applies on open over a database made by the first migration, backfilling existing touches', async () => {
    // A database at migration 0000 only, with a touch in it.
    const dir = tempDir();
    const oldMigrations = path.join(dir, 'migrations');
    fs.mkdirSync(path.join(oldMigrations, 'meta'), { recursive: true });
    fs.copyFileSync(path.join(MIGRATIONS, '0000_init.sql'), path.join(oldMigrations, '0000_init.sql'));
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, 1);
    fs.writeFileSync(path.join(oldMigrations, 'meta', '_journal.json'), JSON.stringify(journal));
    const file = path.join(dir, 'old.db');
    const old = await openDatabase(file, { migrationsFolder: oldMigrations });
    old.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Umbra')").run();
    old.sqlite
      .prepare("INSERT INTO touches (account_id, type, occurred_at, summary, notes) VALUES (1, 'call', '2026-11-01', 'Budget call', 'They mentioned procurement freezes')")
      .run();
    old.close();

    const opened = await openDatabase(file, { migrationsFolder: MIGRATIONS });
    expect(opened.preMigrationBackup).not.toBeNull();
    const services = createServices(opened, systemClock(AS_OF));
    expect(services.search.query('procurement').touches.map((t) => t.summary)).toEqual(['Budget call']);
    opened.close();
  });

  it('keeps the index in step with inserts, updates and deletes', async () => {
    const { opened, services } = await setup();
    const account = services.accounts.create({ name: 'Acme' });
    const touch = services.touches.log({ accountId: account.id, type: 'note', occurredAt: '2026-11-20', summary: 'Kickoff', notes: 'zeppelin rollout' });
    expect(services.search.query('zeppelin').touches).toHaveLength(1);
    opened.sqlite.prepare("UPDATE touches SET notes = 'airship rollout' WHERE id = ?").run(touch.id);
    expect(services.search.query('zeppelin').touches).toHaveLength(0);
    expect(services.search.query('airsh').touches).toHaveLength(1);
    opened.sqlite.prepare('DELETE FROM touches WHERE id = ?').run(touch.id);
    expect(services.search.query('airship').touches).toHaveLength(0);
    expect(opened.sqlite.prepare("INSERT INTO touches_fts(touches_fts) VALUES ('integrity-check')").run()).toBeTruthy();
    opened.close();
  });

  it('turns what people type into a safe FTS5 expression', () => {
    expect(ftsQuery('renewal "budget')).toBe('"renewal" "budget"*');
    expect(ftsQuery('  ** ')).toBeNull();
    expect(ftsQuery('naïve café')).toBe('"naïve" "café"*');
  });
});

describe('with the sample book', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup();
    await ctx.router.call('demo.load', {});
  });
  afterAll(() => ctx.opened.close());

  it('explains an account: health with components, changes since 7 and 30 days, trend and timeline', async () => {
    const [first] = ctx.services.accounts.list();
    const page = await ctx.router.call('accountPage.get', { id: first.id });
    expect(page.health).not.toBeNull();
    expect(page.health!.date).toBe(AS_OF);
    expect(Object.keys(page.health!.components).sort()).toEqual(
      ['adoption', 'engagement', 'financial', 'relationships', 'sentiment', 'support', 'survey'].sort(),
    );
    expect(page.changes.d7?.from).toBe('2026-11-17');
    expect(page.changes.d30?.to).toBe(AS_OF);
    expect(page.trend.length).toBeGreaterThan(40);
    expect(page.timeline.some((item) => item.kind === 'touch')).toBe(true);
    const dates = page.timeline.map((item) => item.date.slice(0, 10));
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('suggests triage for an account in triage that is not in stage triage', async () => {
    const inTriage = ctx.services.accounts.list().find((a) => a.inTriage && a.stage !== 'triage' && a.stage !== 'churned');
    expect(inTriage).toBeDefined();
    const page = await ctx.router.call('accountPage.get', { id: inTriage!.id });
    expect(page.suggestTriage).toBe(true);
    await ctx.router.call('accounts.update', { id: inTriage!.id, patch: { stage: 'triage' } });
    expect((await ctx.router.call('accountPage.get', { id: inTriage!.id })).suggestTriage).toBe(false);
  });

  it('shows a logged touch, its rescore and its follow-up on the page', async () => {
    const account = ctx.services.accounts.list().find((a) => a.flags.some((f) => f.rule === 'cadence_overdue'));
    expect(account).toBeDefined();
    await ctx.router.call('touches.log', {
      accountId: account!.id,
      type: 'call',
      occurredAt: AS_OF,
      summary: 'Check-in call',
      notes: 'Discussed the quokka migration plan',
      sentiment: 2,
      followUpDue: '2026-12-01',
    });
    const page = await ctx.router.call('accountPage.get', { id: account!.id });
    expect(page.timeline[0]).toMatchObject({ kind: 'touch', title: 'Check-in call' });
    expect(page.flags.find((f) => f.rule === 'cadence_overdue' && f.resolvedAt === null)).toBeUndefined();
    expect(page.timeline.some((i) => i.kind === 'flag_resolved' && i.title.includes('Cadence overdue'))).toBe(true);
    expect(page.tasks.some((t) => t.source === 'follow_up' && t.due === '2026-12-01')).toBe(true);
    const hits = await ctx.router.call('search.query', { query: 'quokka' });
    expect(hits.touches.map((t) => t.accountId)).toEqual([account!.id]);
    expect(hits.touches[0].snippet).toContain('\u0002quokka\u0003');
  });

  it('edits a touch: fields, contacts and follow-up move together and the account is rescored', async () => {
    const account = ctx.services.accounts.list().find((a) => a.flags.some((f) => f.rule === 'cadence_overdue'))!;
    const people = ctx.services.contacts.listForAccount(account.id);
    const touch = await ctx.router.call('touches.log', {
      accountId: account.id, type: 'email', occurredAt: '2026-11-23', summary: 'Draft', notes: 'okapi', followUpDue: '2026-12-02',
    });
    const edited = await ctx.router.call('touches.update', {
      id: touch.id,
      patch: { type: 'meeting', summary: 'Roadmap review', notes: 'pangolin', sentiment: -1, contactIds: [people[0].id], followUpDue: '2026-12-09', nextStep: 'Send the deck' },
    });
    expect(edited).toMatchObject({ id: touch.id, type: 'meeting', summary: 'Roadmap review', sentiment: -1, contactIds: [people[0].id], followUpDue: '2026-12-09' });
    const page = await ctx.router.call('accountPage.get', { id: account.id });
    expect(page.timeline.find((i) => i.key === `touch:${touch.id}`)).toMatchObject({ title: 'Roadmap review', touchType: 'meeting', sentiment: -1 });
    const followUps = page.tasks.filter((t) => t.source === 'follow_up' && t.title === 'Send the deck');
    expect(followUps.map((t) => t.due)).toEqual(['2026-12-09']);
    expect(page.tasks.some((t) => t.due === '2026-12-02')).toBe(false);
    expect((await ctx.router.call('search.query', { query: 'pangolin' })).touches.map((t) => t.id)).toEqual([touch.id]);
    expect((await ctx.router.call('search.query', { query: 'okapi' })).touches).toHaveLength(0);

    // Contacts from another account and unknown touches are refused, changing nothing.
    const other = ctx.services.accounts.list().find((a) => a.id !== account.id && ctx.services.contacts.listForAccount(a.id).length)!;
    const stranger = ctx.services.contacts.listForAccount(other.id)[0];
    await expect(ctx.router.call('touches.update', { id: touch.id, patch: { contactIds: [stranger.id] } })).rejects.toThrow(/does not belong to/);
    await expect(ctx.router.call('touches.update', { id: 999_999, patch: { summary: 'x' } })).rejects.toThrow(/no touch with id 999999/);
    expect(ctx.services.touches.listForAccount(account.id).find((t) => t.id === touch.id)?.contactIds).toEqual([people[0].id]);

    // A snoozed follow-up stays snoozed (same reminder) when only the wording changes; moving the date makes it due afresh.
    const reminder = () =>
      ctx.opened.sqlite.prepare('SELECT id, title, due, snoozed_until AS snoozedUntil, notified_at AS notifiedAt FROM reminders WHERE source_key = ?').get(`follow_up:touch:${touch.id}`) as
        { id: number; title: string; due: string; snoozedUntil: string | null; notifiedAt: string | null };
    const original = reminder();
    await ctx.router.call('reminders.snooze', { id: original.id, until: '2026-12-20' });
    ctx.opened.sqlite.prepare("UPDATE reminders SET notified_at = '2026-11-24T08:00:00Z' WHERE id = ?").run(original.id);
    await ctx.router.call('touches.update', { id: touch.id, patch: { nextStep: 'Send the revised deck' } });
    expect(reminder()).toEqual({ ...original, title: 'Send the revised deck', snoozedUntil: '2026-12-20', notifiedAt: '2026-11-24T08:00:00Z' });
    await ctx.router.call('touches.update', { id: touch.id, patch: { followUpDue: '2026-12-11' } });
    expect(reminder()).toEqual({ id: original.id, title: 'Send the revised deck', due: '2026-12-11', snoozedUntil: null, notifiedAt: null });

    // Clearing the follow-up removes its open reminder.
    await ctx.router.call('touches.update', { id: touch.id, patch: { followUpDue: null } });
    expect((await ctx.router.call('accountPage.get', { id: account.id })).tasks.some((t) => t.title === 'Send the revised deck')).toBe(false);
    expect(reminder()).toBeUndefined();
  });

  it('deletes a touch and undoes the deletion with the same id, contacts, follow-up and score', async () => {
    const account = ctx.services.accounts.list().find((a) => a.score !== null && ctx.services.contacts.listForAccount(a.id).length > 1)!;
    const people = ctx.services.contacts.listForAccount(account.id);
    const touch = await ctx.router.call('touches.log', {
      accountId: account.id, type: 'call', occurredAt: AS_OF, summary: 'Escalation call', notes: 'wombat outage', sentiment: -2,
      contactIds: [people[0].id, people[1].id], followUpDue: '2026-12-03',
    });
    const withTouch = await ctx.router.call('accountPage.get', { id: account.id });
    const reminderCount = () => (ctx.opened.sqlite.prepare('SELECT count(*) AS n FROM reminders WHERE source_key = ?').get(`follow_up:touch:${touch.id}`) as { n: number }).n;
    expect(reminderCount()).toBe(1);
    const followUp = () => ctx.opened.sqlite.prepare('SELECT * FROM reminders WHERE source_key = ?').get(`follow_up:touch:${touch.id}`);
    await ctx.router.call('reminders.snooze', { id: (followUp() as { id: number }).id, until: '2026-12-05' });
    const snoozed = followUp();
    const touchRow = () => ctx.opened.sqlite.prepare('SELECT * FROM touches WHERE id = ?').get(touch.id);
    const storedTouch = touchRow();

    const removed = await ctx.router.call('touches.delete', { id: touch.id });
    expect(removed.summary).toBe('Escalation call');
    const without = await ctx.router.call('accountPage.get', { id: account.id });
    expect(without.timeline.some((i) => i.key === `touch:${touch.id}`)).toBe(false);
    expect(reminderCount()).toBe(0);
    expect((await ctx.router.call('search.query', { query: 'wombat' })).touches).toHaveLength(0);
    expect(ctx.opened.sqlite.prepare('SELECT count(*) AS n FROM touch_contacts WHERE touch_id = ?').get(touch.id)).toEqual({ n: 0 });

    const restored = await ctx.router.call('touches.undoDelete', { id: touch.id });
    expect(restored).toMatchObject({ id: touch.id, summary: 'Escalation call', contactIds: [people[0].id, people[1].id] });
    const back = await ctx.router.call('accountPage.get', { id: account.id });
    expect(back.health?.score).toBe(withTouch.health?.score);
    expect(back.timeline.find((i) => i.key === `touch:${touch.id}`)).toBeDefined();
    expect(followUp()).toEqual(snoozed); // the same reminder, still snoozed
    expect(touchRow()).toEqual(storedTouch); // every column, timestamps included
    expect((await ctx.router.call('search.query', { query: 'wombat' })).touches.map((t) => t.id)).toEqual([touch.id]);
    await expect(ctx.router.call('touches.undoDelete', { id: touch.id })).rejects.toThrow(/can no longer be restored/);
  });

  it('deletes a contact and undoes it with the same id and touch links', async () => {
    const answered = ctx.opened.sqlite.prepare('SELECT c.id, c.account_id AS accountId FROM contacts c WHERE EXISTS (SELECT 1 FROM survey_responses s WHERE s.contact_id = c.id) AND EXISTS (SELECT 1 FROM touch_contacts tc WHERE tc.contact_id = c.id) LIMIT 1').get() as { id: number; accountId: number };
    const account = { id: answered.accountId };
    const person = ctx.services.contacts.listForAccount(account.id).find((c) => c.id === answered.id)!;
    const surveys = () => ctx.opened.sqlite.prepare('SELECT id FROM survey_responses WHERE contact_id = ? ORDER BY id').all(person.id);
    const answers = surveys();
    expect(answers.length).toBeGreaterThan(0);
    const linked = () => ctx.services.touches.listForAccount(account.id).filter((t) => t.contactIds.includes(person.id)).map((t) => t.id);
    const before = linked();
    expect(before.length).toBeGreaterThan(0);
    await ctx.router.call('contacts.delete', { id: person.id });
    expect(ctx.services.contacts.listForAccount(account.id).some((c) => c.id === person.id)).toBe(false);
    expect(linked()).toEqual([]);
    expect(surveys()).toEqual([]);
    const back = await ctx.router.call('contacts.undoDelete', { id: person.id });
    expect(back).toMatchObject({ id: person.id, name: person.name, email: person.email, lastTouchAt: person.lastTouchAt });
    expect(linked()).toEqual(before);
    expect(surveys()).toEqual(answers);
    await expect(ctx.router.call('contacts.delete', { id: 987_654 })).rejects.toThrow(/no contact with id 987654/);
  });

  it('holds the newest touches up to a limit and counts them all', async () => {
    const account = await ctx.router.call('accounts.create', { name: 'Many Touches Ltd' });
    for (const day of ['2026-01-05', '2026-02-05', '2026-03-05']) {
      await ctx.router.call('touches.log', { accountId: account.id, type: 'note', occurredAt: day, summary: `Note ${day}` });
    }
    ctx.opened.sqlite.prepare("INSERT INTO revenue_events (account_id, date, kind, mrr_delta_cents) VALUES (?, '2026-01-20', 'expansion', 5000)").run(account.id);
    const page = await ctx.router.call('accountPage.get', { id: account.id, touchLimit: 2 });
    expect(page.touchCount).toBe(3);
    expect(page.detail.touches.map((t) => t.occurredAt)).toEqual(['2026-03-05', '2026-02-05']);
    expect(page.timeline.filter((i) => i.kind === 'touch')).toHaveLength(2);
    // The timeline stops where the loaded touches stop: no contact-less months that are not.
    expect(page.timeline.some((i) => i.kind === 'revenue')).toBe(false);
    const all = await ctx.router.call('accountPage.get', { id: account.id });
    expect(all.detail.touches).toHaveLength(3);
    expect(all.timeline.some((i) => i.kind === 'revenue' && i.date === '2026-01-20')).toBe(true);
  });

  it('creates and edits success goals', async () => {
    const [first] = ctx.services.accounts.list();
    const goal = await ctx.router.call('goals.create', { accountId: first.id, goal: 'Cut onboarding time', measure: 'days to first report', target: '< 14 days' });
    expect(goal.status).toBe('not_started');
    const updated = await ctx.router.call('goals.update', { id: goal.id, patch: { status: 'on_track', dueDate: '2027-01-31' } });
    expect(updated).toMatchObject({ status: 'on_track', dueDate: '2027-01-31', measure: 'days to first report' });
    expect((await ctx.router.call('accountPage.get', { id: first.id })).goals.map((g) => g.id)).toContain(goal.id);
    await expect(ctx.router.call('goals.create', { accountId: first.id, goal: '  ' })).rejects.toThrow(/goal needs a description/);
  });

  it('lists Today by section, and completes, snoozes and creates reminders', async () => {
    const today = await ctx.router.call('today.get', {});
    expect(today.total).toBeGreaterThan(0);
    expect(today.total).toBe(Object.values(today.sections).reduce((n, s) => n + s.length, 0));
    expect(today.sections.renewals.every((r) => r.source === 'renewal')).toBe(true);
    const [first] = Object.values(today.sections).flat();
    const done = await ctx.router.call('reminders.complete', { id: first.id });
    expect(done.done).toBe(true);
    const after = await ctx.router.call('today.get', {});
    expect(Object.values(after.sections).flat().some((r) => r.id === first.id)).toBe(false);
    expect(after.total).toBe(today.total - 1);
    await ctx.router.call('reminders.reopen', { id: first.id });

    const [second] = Object.values(after.sections).flat();
    await expect(ctx.router.call('reminders.snooze', { id: second.id, until: AS_OF })).rejects.toThrow(/after today/);
    const snoozed = await ctx.router.call('reminders.snooze', { id: second.id, until: '2026-11-27' });
    expect(snoozed.snoozedUntil).toBe('2026-11-27');
    expect(Object.values((await ctx.router.call('today.get', {})).sections).flat().some((r) => r.id === second.id)).toBe(false);

    const [account] = ctx.services.accounts.list();
    const task = await ctx.router.call('reminders.create', { accountId: account.id, title: 'Send the QBR deck', due: AS_OF });
    expect(task).toMatchObject({ source: 'manual', accountName: account.name, overdueDays: 0 });
    expect((await ctx.router.call('today.get', {})).sections.follow_ups.some((r) => r.id === task.id)).toBe(true);
  });

  it('notifies each due reminder once', () => {
    const first = ctx.services.reminders.takeUnnotified(AS_OF);
    expect(first.length).toBeGreaterThan(0);
    expect(ctx.services.reminders.takeUnnotified(AS_OF)).toEqual([]);
    const task = ctx.services.reminders.create({ accountId: null, title: 'Tomorrow', due: '2026-11-25' });
    expect(ctx.services.reminders.takeUnnotified(AS_OF)).toEqual([]);
    expect(ctx.services.reminders.takeUnnotified('2026-11-25').map((r) => r.id)).toContain(task.id);
    expect(ctx.services.reminders.takeUnnotified('2026-11-25')).toEqual([]);
  });

  it('searches accounts and contacts by name', async () => {
    const [account] = ctx.services.accounts.list();
    const hits = await ctx.router.call('search.query', { query: account.name.slice(0, 5) });
    expect(hits.accounts.map((a) => a.id)).toContain(account.id);
    const contact = ctx.services.contacts.listForAccount(account.id)[0];
    const byContact = await ctx.router.call('search.query', { query: contact.name });
    expect(byContact.contacts[0]).toMatchObject({ id: contact.id, accountName: account.name });
  });
});
