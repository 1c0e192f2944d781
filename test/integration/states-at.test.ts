// The book's state at a date (electron/services/scoring/states-at.ts) reads what the scoring
// recorded, in either stored form of a snapshot's components, and agrees with scoring the book.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_ENGAGEMENT_SQL } from '../../electron/db/snapshot-sql';
import { RECORDED_STATES_SQL } from '../../electron/services/scoring/states-at';
import { AS_OF, MIGRATIONS, setup } from '../helpers';

describe('scoring.statesAt', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup();
    await ctx.router.call('demo.load', {});
  });
  afterAll(() => ctx.opened.close());

  const expected = () =>
    new Map(
      ctx.services.scoring.scoreBook(AS_OF).map(({ facts, score }) => {
        const engagement = score.health.components.engagement;
        return [facts.id, { band: score.health.band, inTriage: score.inTriage, withinCadence: engagement !== null && engagement.score >= 100 }];
      }),
    );
  const read = () => {
    const at = ctx.services.scoring.statesAt([AS_OF]).get(AS_OF)!;
    return new Map([...at].map(([id, s]) => [id, { band: s.band, inTriage: s.inTriage, withinCadence: s.withinCadence }]));
  };

  it('reads band, triage and cadence from the compact snapshots a rescore writes', () => {
    ctx.services.scoring.rescoreAll(AS_OF);
    const compact = ctx.opened.sqlite.prepare('SELECT components FROM health_snapshots WHERE date = ? LIMIT 1').pluck().get(AS_OF) as string;
    expect(compact.startsWith('[')).toBe(true);
    const want = expected();
    expect([...want.values()].filter((s) => s.withinCadence).length).toBeGreaterThan(0);
    expect(read()).toEqual(want);
  });

  it('reads the older object form the same way', () => {
    const rows = ctx.opened.sqlite.prepare('SELECT account_id AS id, components FROM health_snapshots WHERE date = ?').all(AS_OF) as { id: number; components: string }[];
    const update = ctx.opened.sqlite.prepare('UPDATE health_snapshots SET components = ? WHERE account_id = ? AND date = ?');
    const names = ['adoption', 'relationships', 'engagement', 'sentiment', 'survey', 'support', 'financial'];
    ctx.opened.sqlite.transaction(() => {
      for (const { id, components } of rows) {
        const entries = JSON.parse(components) as ([number, number, number, string | null, string] | null)[];
        const object = Object.fromEntries(
          entries.map((e, i) => [names[i], e && { score: e[0], weight: e[1], contribution: e[2], inputDate: e[3], detail: e[4] }]),
        );
        update.run(JSON.stringify(object), id, AS_OF);
      }
    })();
    expect(read()).toEqual(expected());
  });

  it('reads the states from the covering index alone, and unpacks them right for ids past 2^31', () => {
    const sqlite = ctx.opened.sqlite;
    // The reader's query, as SQLite plans it: the index health_snapshots_date_state, no table rows —
    // which holds only while the migration's expression is SNAPSHOT_ENGAGEMENT_SQL, word for word.
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${RECORDED_STATES_SQL}`).all(AS_OF) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING COVERING INDEX health_snapshots_date_state');
    expect(fs.readFileSync(path.join(MIGRATIONS, '0005_trend_indexes.sql'), 'utf8')).toContain(SNAPSHOT_ENGAGEMENT_SQL);

    const big = 3_000_000_123;
    sqlite.prepare("INSERT INTO accounts (id, name, segment, stage, mrr_cents) VALUES (?, 'Big Id Ltd', 'enterprise', 'adoption', 100000)").run(big);
    sqlite
      .prepare("INSERT INTO health_snapshots (account_id, date, score, band, confidence, components, in_triage) VALUES (?, ?, 40, 'at_risk', 1, ?, 1)")
      .run(big, AS_OF, JSON.stringify([null, null, [100, 15, 15, AS_OF, 'Last contact 3 days ago']]));
    const state = ctx.services.scoring.statesAt([AS_OF]).get(AS_OF)!.get(big);
    expect(state).toMatchObject({ band: 'at_risk', inTriage: true, withinCadence: true });
    // Every other account still reads as before.
    const without = (states: Map<number, unknown>) => new Map([...states].filter(([id]) => id !== big));
    expect(without(read())).toEqual(without(expected()));
  });
});
