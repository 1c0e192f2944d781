// Expansion signals (shared/money/signals.ts): seat overage, sustained high adoption, a recent promoter.
import { describe, expect, it } from 'vitest';
import { expansionSignals, stillToSuggest, type SignalFacts } from '../../../shared/money/signals';
import { DEFAULT_SETTINGS } from '../../../shared/settings';

const AS_OF = '2026-11-24';
const settings = DEFAULT_SETTINGS.expansionSignals;
const facts = (patch: Partial<SignalFacts>): SignalFacts => ({ accountId: 1, name: 'Acme', seats: 30, mrrCents: 300_000, activeUsers: [], adoption: [], nps: [], ...patch });

describe('expansion signals', () => {
  it('suggests more seats when the latest active users exceed the licensed seats, with the run start as evidence', () => {
    const [signal] = expansionSignals(
      facts({ activeUsers: [{ date: '2026-09-01', value: 28 }, { date: '2026-10-01', value: 33 }, { date: '2026-11-01', value: 41 }, { date: '2026-12-01', value: 10 }] }),
      AS_OF,
      settings,
    );
    expect(signal).toMatchObject({ source: 'seat_overage', since: '2026-10-01', reason: '41 active users on 30 seats' });
    // 11 more seats at $100 a seat a month (the MRR ÷ seats), as ARR.
    expect(signal.arrCents).toBe(11 * 10_000 * 12);
    expect(expansionSignals(facts({ activeUsers: [{ date: '2026-11-01', value: 30 }] }), AS_OF, settings)).toEqual([]);
  });

  it('suggests an expansion after adoption has held at or above 90 % for 60 days', () => {
    const run = (start: string) => facts({ adoption: [{ date: '2026-07-01', value: 80 }, { date: start, value: 91 }, { date: '2026-11-20', value: 96 }] });
    expect(expansionSignals(run('2026-09-25'), AS_OF, settings)).toMatchObject([
      { source: 'high_adoption', since: '2026-09-25', reason: 'Adoption at or above 90% since 2026-09-25 (96% on 2026-11-20)' },
    ]);
    expect(expansionSignals(run('2026-09-26'), AS_OF, settings)).toEqual([]); // 59 days
    expect(expansionSignals(facts({ adoption: [{ date: '2026-06-01', value: 95 }, { date: '2026-11-20', value: 85 }] }), AS_OF, settings)).toEqual([]);
  });

  it('reads adoption from active users and seats when there are no adoption samples', () => {
    const f = facts({ seats: 10, activeUsers: [{ date: '2026-08-01', value: 9 }, { date: '2026-11-01', value: 10 }] });
    expect(expansionSignals(f, AS_OF, settings).map((s) => s.source)).toEqual(['high_adoption']);
  });

  it('suggests one after a promoter in the last 90 days, naming them', () => {
    const f = facts({ nps: [{ date: '2026-08-25', score: 10, contactName: 'Old' }, { date: '2026-08-26', score: 9, contactName: 'Dana Ruiz' }, { date: '2026-11-01', score: 8, contactName: 'Passive' }] });
    expect(expansionSignals(f, AS_OF, settings)).toMatchObject([{ source: 'promoter', since: '2026-08-26', reason: 'NPS 9 from Dana Ruiz on 2026-08-26' }]);
  });

  it('ignores anything dated after as-of', () => {
    expect(expansionSignals(facts({ nps: [{ date: '2026-11-25', score: 10, contactName: null }], activeUsers: [{ date: '2026-11-25', value: 99 }] }), AS_OF, settings)).toEqual([]);
  });

  it('stops suggesting once the CSM acted: an open opportunity, one closed since the evidence, or a dismissal', () => {
    const [signal] = expansionSignals(facts({ activeUsers: [{ date: '2026-11-01', value: 41 }] }), AS_OF, settings);
    const none = new Set<string>();
    expect(stillToSuggest(signal, [], none)).toBe(true);
    expect(stillToSuggest(signal, [{ source: 'seat_overage', stage: 'qualified', closedOn: null, createdOn: '2025-01-01' }], none)).toBe(false);
    expect(stillToSuggest(signal, [{ source: 'seat_overage', stage: 'lost', closedOn: '2026-11-02', createdOn: '2026-10-01' }], none)).toBe(false);
    expect(stillToSuggest(signal, [{ source: 'seat_overage', stage: 'won', closedOn: '2026-06-01', createdOn: '2026-05-01' }], none)).toBe(true);
    expect(stillToSuggest(signal, [{ source: 'promoter', stage: 'qualified', closedOn: null, createdOn: '2026-11-01' }], none)).toBe(true);
    expect(stillToSuggest(signal, [], new Set(['1:seat_overage:2026-11-01']))).toBe(false);
  });
});
