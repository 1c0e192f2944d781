// Property: whatever money edits the CSM makes — MRR edits of every kind, events added, edited and
// deleted by hand, churns and comebacks, renewals closed, opportunities won — every account's MRR stays
// the sum of its revenue events (a churned account's is 0), and undoing the changes newest first puts
// the book back exactly as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { setup } from '../helpers';

const DAYS = 400;
const date = fc.integer({ min: 0, max: DAYS }).map((n) => addDays('2025-10-20', n)); // up to as-of (2026-11-24)
const account = fc.integer({ min: 0, max: 2 });
const amount = fc.integer({ min: 0, max: 300_000 });

const op = fc.oneof(
  fc.record({ op: fc.constant('changeMrr' as const), account, mrr: amount, as: fc.constantFrom('expansion', 'contraction', 'correction') as fc.Arbitrary<'expansion' | 'contraction' | 'correction'>, date }),
  fc.record({ op: fc.constant('add' as const), account, kind: fc.constantFrom('new', 'expansion', 'contraction', 'renewal') as fc.Arbitrary<'new' | 'expansion' | 'contraction' | 'renewal'>, amount: fc.integer({ min: -50_000, max: 100_000 }), date }),
  fc.record({ op: fc.constant('edit' as const), pick: fc.nat(), amount, date: fc.option(date, { nil: undefined }) }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('churn' as const), account, date }),
  fc.record({ op: fc.constant('reactivate' as const), account, mrr: fc.integer({ min: 1, max: 200_000 }), date }),
  fc.record({ op: fc.constant('renew' as const), account, mrr: amount, date }),
  fc.record({ op: fc.constant('win' as const), account, arr: fc.integer({ min: 12, max: 1_200_000 }), date }),
);

describe('money edits', () => {
  it('keep every account’s MRR equal to the sum of its revenue events, and Undo newest-first restores the book', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const { router, opened } = await setup();
        const sqlite = opened.sqlite;
        const ids: number[] = [];
        for (const [i, mrr] of [100_000, 0, 250_000].entries()) {
          ids.push((await router.call('accounts.create', { name: `A${i}`, mrrCents: mrr, contractStart: '2025-06-01', renewalDate: '2026-12-01' })).id);
        }
        await router.call('renewals.list', {});
        const snapshot = () => ({
          accounts: sqlite.prepare('SELECT id, stage, mrr_cents, renewal_date, churned_on, churn_reason FROM accounts ORDER BY id').all(),
          revenue: sqlite.prepare('SELECT * FROM revenue_events ORDER BY id').all(),
          renewals: sqlite.prepare('SELECT id, account_id, due_date, outcome, closed_on, renewed_mrr_cents FROM renewals ORDER BY id').all(),
          opportunities: sqlite.prepare('SELECT id, stage, closed_on, revenue_event_id FROM opportunities ORDER BY id').all(),
        });
        const initial = snapshot();
        const eventIds = () => sqlite.prepare('SELECT id FROM revenue_events ORDER BY id').pluck().all() as number[];
        const changes: number[] = [];

        for (const o of ops) {
          let result;
          if (o.op === 'changeMrr') result = await router.invoke('revenue.changeMrr', { accountId: ids[o.account], mrrCents: o.mrr, as: o.as, date: o.date });
          else if (o.op === 'add') result = await router.invoke('revenue.add', { accountId: ids[o.account], kind: o.kind, amountCents: o.amount, date: o.date });
          else if (o.op === 'edit' || o.op === 'delete') {
            const all = eventIds();
            if (!all.length) continue;
            const id = all[o.pick % all.length];
            result =
              o.op === 'edit'
                ? await router.invoke('revenue.update', { id, patch: { amountCents: o.amount, ...(o.date ? { date: o.date } : {}) } })
                : await router.invoke('revenue.delete', { id });
          } else if (o.op === 'churn') result = await router.invoke('money.churn', { accountId: ids[o.account], date: o.date, reason: 'price' });
          else if (o.op === 'reactivate') result = await router.invoke('money.reactivate', { accountId: ids[o.account], mrrCents: o.mrr, date: o.date, stage: 'adoption' });
          else if (o.op === 'renew') {
            const renewal = (await router.call('renewals.list', {})).renewals.find((r) => r.accountId === ids[o.account]);
            if (!renewal) continue;
            result = await router.invoke('renewals.close', { id: renewal.id, outcome: 'renewed', mrrCents: o.mrr, date: o.date });
          } else {
            const created = await router.invoke('opportunities.create', { accountId: ids[o.account], title: 'More', arrCents: o.arr });
            if (!created.ok) continue;
            const { changeId, opportunity } = created.data as { changeId: number; opportunity: { id: number } };
            changes.push(changeId);
            result = await router.invoke('opportunities.win', { id: opportunity.id, date: o.date });
          }
          if (result.ok) changes.push((result.data as { changeId: number }).changeId);

          for (const id of ids) {
            const { stage, mrr } = sqlite.prepare('SELECT stage, mrr_cents AS mrr FROM accounts WHERE id = ?').get(id) as { stage: string; mrr: number };
            const { n, sum } = sqlite.prepare('SELECT count(*) AS n, coalesce(sum(mrr_delta_cents), 0) AS sum FROM revenue_events WHERE account_id = ?').get(id) as { n: number; sum: number };
            if (n > 0) expect(mrr, `account ${id} after ${JSON.stringify(o)}`).toBe(sum);
            if (stage === 'churned') expect(mrr).toBe(0);
            expect(mrr).toBeGreaterThanOrEqual(0);
          }
        }

        for (const changeId of [...changes].reverse()) {
          const undone = await router.invoke('money.undo', { changeId });
          expect(undone.ok, JSON.stringify(undone)).toBe(true);
        }
        expect(snapshot()).toEqual(initial);
        opened.close();
      }),
      { numRuns: 40 },
    );
  });
});
