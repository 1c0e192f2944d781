// "What changed" between two health snapshots (shared/scoring/changes.ts).
import { describe, expect, it } from 'vitest';
import { compareSnapshots, snapshotOnOrBefore, type SnapshotLike } from '../../../shared/scoring/changes';
import { computeHealth, readSignals } from '../../../shared/scoring';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { account, ago, AS_OF } from './builders';

const component = (score: number, weight: number, contribution: number, detail: string) => ({
  score,
  weight,
  contribution,
  inputDate: null,
  detail,
});

const before: SnapshotLike = {
  date: '2024-06-01',
  score: 80,
  band: 'healthy',
  confidence: 1,
  components: {
    adoption: component(80, 25, 20, 'adoption 80 %'),
    engagement: component(100, 15, 15, 'last touch 3 days ago'),
    relationships: component(60, 20, 12, '1 of 1 strong executives'),
  },
};

describe('compareSnapshots', () => {
  it('names the component that moved the score, by how much, and why', () => {
    const after: SnapshotLike = {
      ...before,
      date: '2024-06-30',
      score: 71,
      band: 'watch',
      components: { ...before.components, engagement: component(40, 15, 6, 'last touch 31 days ago') },
    };
    const change = compareSnapshots(before, after);
    expect(change.scoreDelta).toBe(-9);
    expect(change.driver).toBe('engagement');
    expect(change.components).toEqual([
      {
        component: 'engagement',
        before: 100,
        after: 40,
        contributionBefore: 15,
        contributionAfter: 6,
        delta: -9,
        reason: 'last touch 3 days ago → last touch 31 days ago',
      },
    ]);
    expect(change.summary).toBe('Score −9 since 2024-06-01, mostly engagement (−9 pts). Band healthy → watch.');
  });

  it('orders moves by size and picks the driver in the direction of the score', () => {
    const after: SnapshotLike = {
      ...before,
      date: '2024-06-30',
      score: 83,
      components: {
        adoption: component(96, 25, 24, 'adoption 96 %'),
        engagement: component(93.3, 15, 14, 'last touch 16 days ago'),
        relationships: component(60, 20, 12, '1 of 1 strong executives'),
      },
    };
    const change = compareSnapshots(before, after);
    expect(change.components.map((c) => [c.component, c.delta])).toEqual([
      ['adoption', 4],
      ['engagement', -1],
    ]);
    expect(change.driver).toBe('adoption');
  });

  it('says when a component gained or lost its data', () => {
    const after: SnapshotLike = {
      ...before,
      date: '2024-06-30',
      components: { ...before.components, survey: component(30, 15, 4.5, 'NPS 3'), adoption: null },
    };
    const change = compareSnapshots(before, after);
    const byName = Object.fromEntries(change.components.map((c) => [c.component, c]));
    expect(byName.survey.reason).toBe('now has data: NPS 3');
    expect(byName.survey.before).toBeNull();
    expect(byName.adoption.reason).toBe('no longer has data (was adoption 80 %)');
    expect(byName.adoption.after).toBeNull();
  });

  it('reports no change for identical snapshots', () => {
    const change = compareSnapshots(before, { ...before, date: '2024-06-30' });
    expect(change.components).toEqual([]);
    expect(change.driver).toBeNull();
    expect(change.summary).toBe('No change since 2024-06-01.');
  });

  it('says when an account gained its first data, or has none to score', () => {
    const none: SnapshotLike = { date: '2024-06-01', score: null, band: 'no_data', confidence: 0, components: {} };
    const gained = compareSnapshots(none, { ...before, date: '2024-06-30' });
    expect(gained).toMatchObject({ scoreBefore: null, scoreAfter: 80, scoreDelta: null, bandBefore: 'no_data', bandAfter: 'healthy' });
    expect(gained.summary).toBe('Not enough data on 2024-06-01; now scored 80.');
    expect(gained.components.map((c) => c.component)).toEqual(['adoption', 'engagement', 'relationships']);
    expect(gained.components[0].reason).toBe('now has data: adoption 80 %');
    expect(compareSnapshots(before, { ...none, date: '2024-06-30' }).summary).toBe('Not enough data to score now; it was 80 on 2024-06-01.');
    expect(compareSnapshots(none, { ...none, date: '2024-06-30' }).summary).toBe('Not enough data to score since 2024-06-01.');
  });

  it('explains real health results computed by the scoring', () => {
    const facts = account({ touches: [{ date: ago(40), type: 'call', sentiment: 1, contactIds: [] }] });
    const snapshot = (asOf: string): SnapshotLike => {
      const health = computeHealth(readSignals(facts, asOf, DEFAULT_SETTINGS), facts, DEFAULT_SETTINGS);
      return { date: asOf, score: health.score, band: health.band, confidence: health.confidence, components: health.components };
    };
    const change = compareSnapshots(snapshot(ago(30)), snapshot(AS_OF));
    expect(change.scoreDelta).toBeLessThan(0);
    expect(change.driver).toBe('engagement');
    expect(change.components[0].reason).toContain('→');
  });
});

describe('snapshotOnOrBefore', () => {
  it('finds the latest snapshot dated on or before a date', () => {
    const list = [{ date: '2024-06-01' }, { date: '2024-06-08' }, { date: '2024-06-15' }];
    expect(snapshotOnOrBefore(list, '2024-06-10')).toEqual({ date: '2024-06-08' });
    expect(snapshotOnOrBefore(list, '2024-06-15')).toEqual({ date: '2024-06-15' });
    expect(snapshotOnOrBefore(list, '2024-05-31')).toBeNull();
  });
});
