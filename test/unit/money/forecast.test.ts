// The renewals forecast and its disagreements (shared/money/forecast.ts), against SPEC's formulas.
import { describe, expect, it } from 'vitest';
import { buildForecast, disagreementOf, type ForecastRenewal } from '../../../shared/money/forecast';
import { DEFAULT_SETTINGS } from '../../../shared/settings';

const AS_OF = '2026-11-24';
const settings = DEFAULT_SETTINGS.forecast;
let nextId = 1;
function renewal(patch: Partial<ForecastRenewal>): ForecastRenewal {
  const id = nextId++;
  return { renewalId: id, accountId: id, name: `Account ${id}`, dueDate: '2026-12-15', forecast: null, expectedArrCents: null, arrCents: 1_200_000, band: 'healthy', score: 80, flags: [], ...patch };
}

describe('the forecast', () => {
  it('has one entry per month from this month on, each with ARR due, expected and health-adjusted ARR and the split by category', () => {
    const renewals = [
      renewal({ dueDate: '2026-11-30', forecast: 'commit', band: 'healthy' }),
      renewal({ dueDate: '2026-12-01', forecast: null, band: 'watch', expectedArrCents: 1_500_000 }),
      renewal({ dueDate: '2026-12-31', forecast: 'at_risk', band: 'at_risk' }),
      renewal({ dueDate: '2027-01-10', forecast: 'lost', band: 'no_data' }),
      renewal({ dueDate: '2027-02-01', forecast: 'likely' }), // beyond 3 months
    ];
    const f = buildForecast(renewals, AS_OF, 3, settings);
    expect(f.months.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01']);
    const [nov, dec, jan] = f.months;
    expect(nov).toMatchObject({ count: 1, arr: 1_200_000, expectedArr: 1_140_000, healthAdjustedArr: 1_140_000 });
    // No forecast counts as likely (0.75); the expected ARR (an up-sell) is what the probabilities weigh.
    expect(dec.expectedArr).toBe(Math.round(1_500_000 * 0.75) + Math.round(1_200_000 * 0.4));
    expect(dec.healthAdjustedArr).toBe(Math.round(1_500_000 * 0.8) + Math.round(1_200_000 * 0.5));
    expect(dec.arr).toBe(2_400_000);
    expect(dec.byCategory).toMatchObject({ none: { count: 1, arr: 1_200_000 }, at_risk: { count: 1, arr: 1_200_000 }, commit: { count: 0, arr: 0 } });
    expect(jan).toMatchObject({ count: 1, expectedArr: 0, healthAdjustedArr: Math.round(1_200_000 * 0.8) });
    expect(f.totals).toEqual({
      count: nov.count + dec.count + jan.count,
      arr: nov.arr + dec.arr + jan.arr,
      expectedArr: nov.expectedArr + dec.expectedArr + jan.expectedArr,
      healthAdjustedArr: nov.healthAdjustedArr + dec.healthAdjustedArr + jan.healthAdjustedArr,
    });
  });

  it('counts renewals due before this month as overdue, not in a month', () => {
    const f = buildForecast([renewal({ dueDate: '2026-10-31' }), renewal({ dueDate: '2026-11-01' })], AS_OF, 2, settings);
    expect(f.overdue).toEqual({ count: 1, arr: 1_200_000 });
    expect(f.months[0].count).toBe(1);
  });

  it('takes every probability from the settings', () => {
    const custom = { ...settings, commit: 0.5, bands: { ...settings.bands, healthy: 0.1 } };
    const [m] = buildForecast([renewal({ forecast: 'commit' })], AS_OF, 2, custom).months.slice(1);
    expect(m).toMatchObject({ expectedArr: 600_000, healthAdjustedArr: 120_000 });
  });
});

describe('disagreements', () => {
  it('lists a commit on an at-risk account, with the score and the high flags in the reason', () => {
    const r = renewal({
      forecast: 'commit',
      band: 'at_risk',
      score: 38,
      flags: [{ rule: 'renewal_exec_silence', severity: 'high', reason: 'No executive touch in 41 days; renewal in 23 days' }],
    });
    expect(disagreementOf(r)).toEqual({
      direction: 'optimistic',
      reason: 'You forecast commit, but health is at risk (score 38) with a high flag: No executive touch in 41 days; renewal in 23 days.',
    });
  });

  it('lists a likely on a healthy account with an emergency flag, but not a low flag', () => {
    expect(disagreementOf(renewal({ forecast: 'likely', flags: [{ rule: 'a', severity: 'emergency', reason: 'Adoption fell' }] }))?.direction).toBe('optimistic');
    expect(disagreementOf(renewal({ forecast: 'likely', band: 'watch', score: 60, flags: [{ rule: 'a', severity: 'high', reason: 'Sponsor left' }] }))?.reason).toBe(
      'You forecast likely, but health is on watch (score 60) with a high flag: Sponsor left.',
    );
    expect(disagreementOf(renewal({ forecast: 'likely', flags: [{ rule: 'a', severity: 'low', reason: 'Cadence' }] }))).toBeNull();
  });

  it('lists the reverse: at risk or lost while health is healthy with no open flag', () => {
    expect(disagreementOf(renewal({ forecast: 'at_risk', score: 86 }))).toEqual({ direction: 'pessimistic', reason: expect.stringContaining('You forecast at risk, but health is healthy (score 86) with no open flag') });
    expect(disagreementOf(renewal({ forecast: 'lost' }))?.direction).toBe('pessimistic');
    expect(disagreementOf(renewal({ forecast: 'lost', flags: [{ rule: 'a', severity: 'low', reason: 'x' }] }))).toBeNull();
    expect(disagreementOf(renewal({ forecast: 'at_risk', band: 'watch' }))).toBeNull();
    expect(disagreementOf(renewal({ forecast: null, band: 'at_risk' }))).toBeNull();
  });

  it('looks only at renewals due from today to the disagreement window (180 days)', () => {
    const within = renewal({ forecast: 'commit', band: 'at_risk', dueDate: '2027-05-23' }); // 180 days
    const beyond = renewal({ forecast: 'commit', band: 'at_risk', dueDate: '2027-05-24' });
    const past = renewal({ forecast: 'commit', band: 'at_risk', dueDate: '2026-11-23' });
    const f = buildForecast([within, beyond, past], AS_OF, 12, settings);
    expect(f.disagreements.map((d) => d.renewalId)).toEqual([within.renewalId]);
    expect(f.disagreements[0]).toMatchObject({ accountId: within.accountId, name: within.name, forecast: 'commit', band: 'at_risk' });
  });
});
