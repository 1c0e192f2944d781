import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { setup } from '../helpers';

describe('the router', () => {
  it('rejects an unknown channel with a typed error', async () => {
    const { router } = await setup();
    const result = await router.invoke('fs.readFile', { path: '/etc/passwd' });
    expect(result).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'Unknown request "fs.readFile".' } });
  });

  it('rejects an invalid payload naming the field, and writes nothing', async () => {
    const { router, opened } = await setup();
    const result = await router.invoke('accounts.create', { name: 'Acme', segment: 'galactic' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/^Invalid segment:/);
    expect(opened.sqlite.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(0);
  });

  it('rejects extra keys so a payload cannot smuggle fields past the contract', async () => {
    const { router } = await setup();
    const result = await router.invoke('accounts.update', { id: 1, patch: { name: 'X', id: 99 } });
    expect(result.ok).toBe(false);
  });

  it('says the database is busy when another connection holds the write lock, and saves nothing', async () => {
    const { router, opened } = await setup();
    const account = await router.call('accounts.create', { name: 'Acme' });
    const other = new Database(opened.file);
    other.exec('BEGIN IMMEDIATE'); // as an import in the worker does for its whole write
    try {
      const result = await router.invoke('touches.log', { accountId: account.id, type: 'call', occurredAt: '2026-11-20', summary: 'Call' });
      expect(result).toEqual({ ok: false, error: { code: 'db_locked', message: expect.stringContaining('nothing was changed') } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(opened.sqlite.prepare('SELECT count(*) FROM touches').pluck().get()).toBe(0);
    await router.call('touches.log', { accountId: account.id, type: 'call', occurredAt: '2026-11-20', summary: 'Call' });
    expect(opened.sqlite.prepare('SELECT count(*) FROM touches').pluck().get()).toBe(1);
  });

  it('creates, reads and updates an account through the contract', async () => {
    const { router } = await setup();
    const created = await router.call('accounts.create', {
      name: 'Northwind Traders',
      externalId: 'NW-1',
      segment: 'mid_market',
      stage: 'adoption',
      mrrCents: 420_000,
      renewalDate: '2027-03-01',
    });
    expect(created).toMatchObject({ name: 'Northwind Traders', mrrCents: 420_000, archived: false, customFields: {} });
    const updated = await router.call('accounts.update', { id: created.id, patch: { stage: 'expansion' } });
    expect(updated.stage).toBe('expansion');
    const list = await router.call('accounts.list', {});
    expect(list.map((a) => [a.name, a.stage, a.score])).toEqual([['Northwind Traders', 'expansion', list[0].score]]);
    const search = await router.call('accounts.list', { search: 'north' });
    expect(search).toHaveLength(1);
    expect(await router.call('accounts.list', { search: 'contoso' })).toHaveLength(0);
  });

  it('refuses a second account with the same external id', async () => {
    const { router } = await setup();
    await router.call('accounts.create', { name: 'A', externalId: 'X-1' });
    const result = await router.invoke('accounts.create', { name: 'B', externalId: 'X-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('logs a touch with its contacts and a follow-up reminder in one go', async () => {
    const { router, opened } = await setup();
    const account = await router.call('accounts.create', { name: 'Contoso', segment: 'enterprise' });
    const vp = await router.call('contacts.create', { accountId: account.id, name: 'Dana Wu', level: 'vp', strength: 3 });
    const touch = await router.call('touches.log', {
      accountId: account.id,
      type: 'meeting',
      occurredAt: '2026-11-20',
      summary: 'Renewal scoping with Dana',
      sentiment: 1,
      contactIds: [vp.id],
      nextStep: 'Send the proposal',
      followUpDue: '2026-11-27',
    });
    expect(touch.contactIds).toEqual([vp.id]);
    // (The account's other reminders — cadence, flags — are brought up to date with it: issue 17.3.)
    const reminder = opened.sqlite.prepare("SELECT title, due, source FROM reminders WHERE source = 'follow_up'").get();
    expect(reminder).toEqual({ title: 'Send the proposal', due: '2026-11-27', source: 'follow_up' });
    const detail = await router.call('accounts.get', { id: account.id });
    expect(detail.contacts[0]).toMatchObject({ name: 'Dana Wu', lastTouchAt: '2026-11-20' });
    expect(detail.touches).toHaveLength(1);
  });

  it('refuses a touch naming a contact from another account, writing nothing', async () => {
    const { router, opened } = await setup();
    const a = await router.call('accounts.create', { name: 'A' });
    const b = await router.call('accounts.create', { name: 'B' });
    const stranger = await router.call('contacts.create', { accountId: b.id, name: 'Sam' });
    const result = await router.invoke('touches.log', {
      accountId: a.id, type: 'call', occurredAt: '2026-11-20', summary: 'x', contactIds: [stranger.id],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(opened.sqlite.prepare('SELECT count(*) FROM touches').pluck().get()).toBe(0);
  });

  it('says which account is missing when asked for one that does not exist', async () => {
    const { router } = await setup();
    const result = await router.invoke('accounts.get', { id: 4242 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('4242') } });
  });

  it('stores edited settings and keeps their history', async () => {
    const { router, opened } = await setup();
    expect(await router.call('settings.get', {})).toEqual(DEFAULT_SETTINGS);
    const edited = { ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights, adoption: 40 } };
    await router.call('settings.update', { settings: edited });
    expect((await router.call('settings.get', {})).weights.adoption).toBe(40);
    expect(opened.sqlite.prepare('SELECT count(*) FROM settings_history').pluck().get()).toBe(1);
  });

  it('answers every channel with a result value, never a thrown error, for garbage input', async () => {
    const { router } = await setup();
    for (const channel of CHANNELS) {
      for (const garbage of [null, 42, 'x', [], { id: -1 }, { id: 'DROP TABLE accounts' }]) {
        const result = await router.invoke(channel, garbage);
        expect(typeof result.ok).toBe('boolean');
      }
    }
  });
});
