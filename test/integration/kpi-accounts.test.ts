// The accounts behind a KPI tile (issue 17.6) over the real router and the sample book: the month's
// movers for NRR / GRR / logo churn and the NPS answers in the tile's window, checked against SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('metrics.accounts', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup();
    await ctx.router.call('demo.load', {});
  });
  afterAll(() => ctx.opened.close());

  const idsOf = (sql: string, ...params: unknown[]) => (ctx.opened.sqlite.prepare(sql).all(...params) as { id: number }[]).map((r) => r.id);

  it('gives the accounts with revenue movements of the month, by tile', async () => {
    const months = (ctx.opened.sqlite.prepare("SELECT DISTINCT substr(date, 1, 7) AS m FROM revenue_events WHERE kind IN ('churn', 'contraction', 'expansion') AND date <= '2026-11-24' ORDER BY m DESC LIMIT 3").all() as { m: string }[]).map((r) => r.m);
    expect(months.length).toBeGreaterThan(0);
    let seen = 0;
    for (const month of months) {
      for (const [tile, kinds] of [['nrr', "'expansion', 'contraction', 'churn'"], ['grr', "'contraction', 'churn'"], ['logo_churn', "'churn'"]] as const) {
        const out = await ctx.router.call('metrics.accounts', { tile, month });
        const expected = idsOf(
          `SELECT DISTINCT e.account_id AS id FROM revenue_events e JOIN accounts a ON a.id = e.account_id
           WHERE a.archived = 0 AND e.kind IN (${kinds}) AND substr(e.date, 1, 7) = ? AND substr(e.date, 1, 10) <= '2026-11-24' ORDER BY id`,
          month,
        );
        expect(out.ids, `${tile} ${month}`).toEqual(expected);
        seen += expected.length;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('gives the accounts that answered NPS in the tile’s window', async () => {
    const out = await ctx.router.call('metrics.accounts', { tile: 'nps', month: '2026-11' });
    const metrics = await ctx.router.call('metrics.month', { month: '2026-11' });
    const window = metrics.surveyWindows.nps;
    expect({ from: out.from, to: out.to }).toEqual({ from: window.from, to: window.to });
    const expected = idsOf(
      "SELECT DISTINCT account_id AS id FROM survey_responses WHERE kind = 'nps' AND substr(date, 1, 10) BETWEEN ? AND ? ORDER BY id",
      out.from,
      out.to,
    );
    expect(out.ids).toEqual(expected);
    expect(out.ids.length).toBeGreaterThan(0);
  });
});
