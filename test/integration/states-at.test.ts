// The book's state at a date (electron/services/scoring/states-at.ts) reads what the scoring
// recorded, in either stored form of a snapshot's components, and agrees with scoring the book.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, setup } from '../helpers';

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
});
