// The palette's server-side search: a contact whose name is the query comes first; touch-note hits by
// relevance, then the newest first among hits of the same relevance.
import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('search ranking', () => {
  it('lists the contact named exactly like the query before those who merely contain it', async () => {
    const { router } = await setup();
    const account = await router.call('accounts.create', { name: 'Acme' });
    await router.call('contacts.create', { accountId: account.id, name: 'Lee Anderson' });
    await router.call('contacts.create', { accountId: account.id, name: 'Lee' });
    await router.call('contacts.create', { accountId: account.id, name: 'Ashlee Moore' });
    const { contacts } = await router.call('search.query', { query: 'lee' });
    expect(contacts.map((c) => c.name)).toEqual(['Lee', 'Lee Anderson', 'Ashlee Moore']);
  });

  it('orders note hits of equal relevance newest first, and a more relevant hit above them', async () => {
    const { router } = await setup();
    const account = await router.call('accounts.create', { name: 'Acme' });
    const log = (occurredAt: string, summary: string, notes: string) =>
      router.call('touches.log', { accountId: account.id, type: 'call', occurredAt, summary, notes });
    // Near-equal relevance (the newer notes a word or two longer): recency decides, not length noise.
    await log('2026-01-10', 'January call', 'They asked about the invoice format.');
    await log('2026-11-10', 'November call', 'They asked about the invoice format again today.');
    await log('2026-06-10', 'June call', 'They asked about the invoice format again.');
    await log('2025-03-01', 'Invoice review', 'Invoice invoice invoice.');
    // Other notes, so the word is as rare as in a real book (bm25 weighs rare words).
    for (let i = 0; i < 12; i++) await log(`2026-02-${String(i + 10).padStart(2, '0')}`, `Check-in ${i}`, 'Talked about the rollout and training.');
    const { touches } = await router.call('search.query', { query: 'invoice' });
    expect(touches.map((t) => t.summary)).toEqual(['Invoice review', 'November call', 'June call', 'January call']);
  });
});
