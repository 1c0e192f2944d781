// Portfolio metrics on a small book, worked out by hand (SPEC "Portfolio metrics"; formulas from
// seed 003: churn = customers lost this month / customers at the end of the previous month, net
// MRR churn, NPS = % promoters − % detractors as a whole number, CSAT = % of 4–5 responses).
import { describe, expect, it } from 'vitest';
import { portfolioMetrics, type PortfolioAccount, type PortfolioInput } from '../../../shared/scoring';
import { mergeSettings } from '../../../shared/settings';

const acct = (id: number, o: Partial<PortfolioAccount> = {}): PortfolioAccount => ({
  id,
  stage: 'adoption',
  archived: false,
  mrr: 0,
  contractStart: null,
  createdAt: '2023-01-01',
  renewalDate: null,
  inTriage: false,
  ...o,
});

// Month: May 2024, as of 2024-06-10. Money in cents.
//  1 adoption    new 100 000 (Jan); expansion +20 000 (May 10); expansion +99 999 on Jun 15 (after as-of, ignored)
//  2 churned     new  50 000 (Nov 2023); churn −50 000 (May 20)
//  3 expansion   new  80 000 (Feb); contraction −10 000 (May 5); renewal +5 000 (May 31); in triage
//  4 onboarding  no events, mrr 30 000, contract start Mar 1 → an implied `new` in March; in triage
//  5 incubation  no events, mrr 40 000, no contract start, created May 15 → an implied `new` in May
//  6 archived    new 1 000 000 and a churn in May: left out of everything
//  7 adoption    no events, mrr 0, renewal already past
const book = (): PortfolioInput => ({
  accounts: [
    acct(1, { renewalDate: '2024-07-10' }), // 30 days after as-of
    acct(2, { stage: 'churned', renewalDate: '2024-06-20' }),
    acct(3, { stage: 'expansion', renewalDate: '2024-08-09', inTriage: true }), // 60 days
    acct(4, { stage: 'onboarding', mrr: 30_000, contractStart: '2024-03-01', renewalDate: '2024-09-08', inTriage: true }), // 90 days
    acct(5, { stage: 'incubation', mrr: 40_000, createdAt: '2024-05-15T09:30:00Z', renewalDate: '2024-09-09' }), // 91 days
    acct(6, { archived: true, renewalDate: '2024-06-15', inTriage: true }),
    acct(7, { renewalDate: '2024-06-09' }), // yesterday
  ],
  revenue: [
    { accountId: 1, date: '2024-01-15', kind: 'new', mrrDelta: 100_000 },
    { accountId: 1, date: '2024-05-10', kind: 'expansion', mrrDelta: 20_000 },
    { accountId: 1, date: '2024-06-15', kind: 'expansion', mrrDelta: 99_999 },
    { accountId: 2, date: '2023-11-01', kind: 'new', mrrDelta: 50_000 },
    { accountId: 2, date: '2024-05-20', kind: 'churn', mrrDelta: -50_000 },
    { accountId: 3, date: '2024-02-01', kind: 'new', mrrDelta: 80_000 },
    { accountId: 3, date: '2024-05-05', kind: 'contraction', mrrDelta: -10_000 },
    { accountId: 3, date: '2024-05-31', kind: 'renewal', mrrDelta: 5_000 },
    { accountId: 6, date: '2024-01-01', kind: 'new', mrrDelta: 1_000_000 },
    { accountId: 6, date: '2024-05-02', kind: 'churn', mrrDelta: -1_000_000 },
    { accountId: 99, date: '2024-05-02', kind: 'churn', mrrDelta: -7 }, // no such account
  ],
  surveys: [
    // May NPS: 10, 9, 9, 10 promoters; 8 passive; 6, 3, 0 detractors → (4 − 3) / 8 = 12.5 % → 13.
    ...[10, 9, 9, 10, 8, 6, 3, 0].map((score, i) => ({ accountId: 1 + (i % 5), date: `2024-05-${10 + i}`, kind: 'nps' as const, score })),
    { accountId: 1, date: '2024-04-30', kind: 'nps', score: 0 }, // April
    { accountId: 6, date: '2024-05-10', kind: 'nps', score: 0 }, // archived
    // May CSAT: 5, 4, 4 of 5 responses are 4–5 → 60 %.
    ...[5, 4, 3, 2, 4].map((score) => ({ accountId: 3, date: '2024-05-03', kind: 'csat' as const, score })),
    // May CES: (2 + 3 + 7) / 3 = 4.
    ...[2, 3, 7].map((score) => ({ accountId: 4, date: '2024-05-31', kind: 'ces' as const, score })),
  ],
});

describe('portfolio metrics', () => {
  it('works out a month by hand', () => {
    const m = portfolioMetrics(book(), '2024-05', '2024-06-10');
    // MRR at the end of April: 100 000 + 50 000 + 80 000 + 30 000 (implied) + 0 (5 starts in May) = 260 000.
    expect(m.mrrStart).toBe(260_000);
    // End of May: 120 000 + 0 + 75 000 + 30 000 + 40 000 = 265 000.
    expect(m.mrrEnd).toBe(265_000);
    // Active at the end of April: 1, 2, 3, 4. Churned in May: 2. → 1 / 4.
    expect(m.logoChurnRate).toBe(0.25);
    // Churn 50 000, contraction 10 000, expansion 20 000; the renewal and the `new` of 5 do not count.
    // Net MRR churn (50 000 + 10 000 − 20 000) / 260 000 = 2/13.
    expect(m.netMrrChurnRate).toBeCloseTo(40_000 / 260_000, 12);
    // GRR (260 000 − 60 000) / 260 000 = 10/13; NRR adds 20 000 / 260 000 → 11/13.
    expect(m.grossRevenueRetention).toBeCloseTo(200_000 / 260_000, 12);
    expect(m.netRevenueRetention).toBeCloseTo(220_000 / 260_000, 12);
    expect(m.nps).toBe(13);
    expect(m.csat).toBe(60);
    expect(m.ces).toBe(4);
    // As of June 10: MRR 120 000 (1), 0 (2), 75 000 (3), 30 000 (4), 40 000 (5).
    expect(m.incubationPipelineArr).toBe(12 * 40_000);
    expect(m.triageArr).toBe(12 * (75_000 + 30_000));
    expect(m.arrAtRisk).toBe(m.triageArr);
    // Renewals: 1 in 30 days, 3 in 60, 4 in 90 (cumulative); 5 at 91 days, 2 churned, 6 archived, 7 past.
    expect(m.renewals).toEqual({
      d30: { count: 1, arr: 1_440_000 },
      d60: { count: 2, arr: 1_440_000 + 900_000 },
      d90: { count: 3, arr: 1_440_000 + 900_000 + 360_000 },
    });
    expect(m.month).toBe('2024-05');
  });

  it('reports negative net MRR churn when expansion outweighs churn and contraction', () => {
    const m = portfolioMetrics(
      {
        accounts: [acct(1), acct(2)],
        revenue: [
          { accountId: 1, date: '2024-01-01', kind: 'new', mrrDelta: 100_000 },
          { accountId: 2, date: '2024-01-01', kind: 'new', mrrDelta: 50_000 },
          { accountId: 1, date: '2024-06-03', kind: 'expansion', mrrDelta: 30_000 },
          { accountId: 2, date: '2024-06-30', kind: 'contraction', mrrDelta: -10_000 },
        ],
        surveys: [],
      },
      '2024-06',
      '2024-07-01',
    );
    // MRR₀ 150 000; (0 + 10 000 − 30 000) / 150 000 = −0.1333; GRR 140/150; NRR 170/150.
    expect(m.netMrrChurnRate).toBeCloseTo(-20_000 / 150_000, 12);
    expect(m.grossRevenueRetention).toBeCloseTo(140 / 150, 12);
    expect(m.netRevenueRetention).toBeCloseTo(170 / 150, 12);
    expect(m.logoChurnRate).toBe(0);
    expect(m.mrrEnd).toBe(170_000);
  });

  it('counts an account without revenue events at its current MRR from its contract start', () => {
    const input: PortfolioInput = {
      accounts: [acct(1, { mrr: 25_000, contractStart: '2024-03-15', createdAt: '2024-01-01', stage: 'incubation' })],
      revenue: [],
      surveys: [],
    };
    // Before the contract start there is no MRR, even though the account already existed …
    expect(portfolioMetrics(input, '2024-03', '2024-03-14')).toMatchObject({ mrrStart: 0, mrrEnd: 0 });
    const m = portfolioMetrics(input, '2024-04', '2024-04-30');
    expect(m).toMatchObject({ mrrStart: 25_000, mrrEnd: 25_000, logoChurnRate: 0, grossRevenueRetention: 1, incubationPipelineArr: 300_000 });
  });

  // SPEC "Portfolio metrics" (revised 2026-12): 12 × current MRR of the accounts in stage incubation.
  it('counts an incubation account that has not started yet in the pipeline at its current MRR', () => {
    const input: PortfolioInput = {
      accounts: [
        acct(1, { mrr: 25_000, contractStart: '2024-07-01', stage: 'incubation' }), // starts next month
        acct(2, { mrr: 10_000, contractStart: '2024-05-01', stage: 'incubation' }), // started, no events
        acct(3, { mrr: 7_000, stage: 'incubation' }), // an event landed and MRR was edited since
        acct(4, { mrr: 99_000, stage: 'adoption', contractStart: '2024-07-01' }),
        acct(5, { mrr: 50_000, stage: 'incubation', archived: true }),
      ],
      revenue: [{ accountId: 3, date: '2024-06-01', kind: 'new', mrrDelta: 5_000 }],
      surveys: [],
    };
    const m = portfolioMetrics(input, '2024-06', '2024-06-10');
    expect(m.incubationPipelineArr).toBe(12 * (25_000 + 10_000 + 7_000));
    // MRR is still what the revenue events (and implied events) say: account 1 has not started.
    expect(m.mrrEnd).toBe(10_000 + 5_000);
  });

  it('reads a delta with the sign of its kind, whatever sign was stored', () => {
    const m = portfolioMetrics(
      {
        accounts: [acct(1), acct(2)],
        revenue: [
          { accountId: 1, date: '2024-01-01', kind: 'new', mrrDelta: -100_000 },
          { accountId: 2, date: '2024-01-01', kind: 'new', mrrDelta: 50_000 },
          { accountId: 1, date: '2024-05-03', kind: 'contraction', mrrDelta: 10_000 },
          { accountId: 1, date: '2024-05-04', kind: 'expansion', mrrDelta: -4_000 },
          { accountId: 2, date: '2024-05-05', kind: 'churn', mrrDelta: 50_000 },
          { accountId: 1, date: '2024-05-06', kind: 'renewal', mrrDelta: -1_000 },
        ],
        surveys: [],
      },
      '2024-05',
      '2024-06-01',
    );
    expect(m.mrrStart).toBe(150_000);
    expect(m.mrrEnd).toBe(100_000 - 10_000 + 4_000 - 1_000);
    expect(m.grossRevenueRetention).toBeCloseTo((150_000 - 50_000 - 10_000) / 150_000, 12);
    expect(m.netRevenueRetention).toBeCloseTo((150_000 - 50_000 - 10_000 + 4_000) / 150_000, 12);
    expect(m.logoChurnRate).toBe(0.5);
  });

  it('returns null for every rate and survey metric of an empty month', () => {
    const m = portfolioMetrics(book(), '2023-01', '2024-06-10');
    expect(m).toMatchObject({
      mrrStart: 0,
      mrrEnd: 0,
      logoChurnRate: null,
      netMrrChurnRate: null,
      grossRevenueRetention: null,
      netRevenueRetention: null,
      nps: null,
      csat: null,
      ces: null,
    });
    // Point-in-time numbers do not depend on the month.
    expect(m.triageArr).toBe(12 * (75_000 + 30_000));
  });

  it('measures a month still in progress up to the as-of date', () => {
    // June as of June 10: account 1's expansion on June 15 has not happened yet.
    const m = portfolioMetrics(book(), '2024-06', '2024-06-10');
    expect(m.mrrStart).toBe(265_000);
    expect(m.mrrEnd).toBe(265_000);
    expect(m.netMrrChurnRate).toBe(0);
  });

  it('says how many responses each survey metric stands on, and which days the month covers', () => {
    const m = portfolioMetrics(book(), '2024-05', '2024-06-10');
    expect(m).toMatchObject({ npsResponses: 8, csatResponses: 5, cesResponses: 3 });
    expect(m.period).toEqual({ from: '2024-05-01', to: '2024-05-31', toDate: false });
    expect(portfolioMetrics(book(), '2024-06', '2024-06-10').period).toEqual({ from: '2024-06-01', to: '2024-06-10', toDate: true });
  });

  // Issue 12: "a month-to-date NPS of one response is not −100 without saying so".
  it('takes each survey tile over the first window with enough responses, and says when none has', () => {
    const nps = (date: string, score: number) => ({ accountId: 1, date, kind: 'nps' as const, score });
    const input: PortfolioInput = {
      accounts: [acct(1)],
      revenue: [],
      // June to date: one detractor. Since March 13 (90 days to June 10): 10 responses, 6 promoters, 2 detractors.
      surveys: [nps('2024-06-02', 0), ...[10, 10, 9, 9, 10, 9, 7, 8, 3].map((score, i) => nps(`2024-04-${10 + i}`, score)), nps('2024-03-12', 0)],
    };
    const m = portfolioMetrics(input, '2024-06', '2024-06-10');
    expect(m.nps).toBe(-100);
    expect(m.npsResponses).toBe(1);
    expect(m.surveyWindows.nps).toEqual({ value: 40, responses: 10, from: '2024-03-13', to: '2024-06-10', days: 90, enough: true });
    // Ten responses in the month itself: the month is enough.
    const busy = portfolioMetrics({ ...input, surveys: Array.from({ length: 10 }, (_, i) => nps(`2024-06-0${i % 9 + 1}`, 10)) }, '2024-06', '2024-06-10');
    expect(busy.surveyWindows.nps).toMatchObject({ value: 100, responses: 10, from: '2024-06-01', days: null, enough: true });
    // Never enough: the longest window (365 days to 2024-06-10 start 2023-06-12, a leap year between), marked as a small sample.
    const thin = portfolioMetrics({ ...input, surveys: [nps('2024-06-02', 0), nps('2023-06-12', 10), nps('2023-06-11', 10)] }, '2024-06', '2024-06-10');
    expect(thin.surveyWindows.nps).toEqual({ value: 0, responses: 2, from: '2023-06-12', to: '2024-06-10', days: 365, enough: false });
    expect(thin.surveyWindows.csat).toMatchObject({ value: null, responses: 0, enough: false });
  });

  it('takes the minimum and the windows from the settings', () => {
    const surveys = [1, 2, 3].map((d) => ({ accountId: 1, date: `2024-06-0${d}`, kind: 'csat' as const, score: d + 2 }));
    const settings = mergeSettings({ kpis: { minSurveyResponses: 3, surveyWindowDays: [30] } });
    const m = portfolioMetrics({ accounts: [acct(1)], revenue: [], surveys }, '2024-06', '2024-06-10', settings);
    expect(m.surveyWindows.csat).toMatchObject({ responses: 3, days: null, enough: true });
    expect(m.surveyWindows.csat.value).toBeCloseTo(200 / 3, 10);
  });

  it('rounds a negative NPS half up', () => {
    // 3 promoters, 4 detractors of 8: −12.5 → −12.
    const surveys = [10, 10, 9, 7, 0, 1, 2, 3].map((score) => ({ accountId: 1, date: '2024-05-05', kind: 'nps' as const, score }));
    expect(portfolioMetrics({ accounts: [acct(1)], revenue: [], surveys }, '2024-05', '2024-06-01').nps).toBe(-12);
  });

  it('counts an account with two churn events in the month once', () => {
    const m = portfolioMetrics(
      {
        accounts: [acct(1), acct(2)],
        revenue: [
          { accountId: 1, date: '2024-01-01', kind: 'new', mrrDelta: 100 },
          { accountId: 2, date: '2024-01-01', kind: 'new', mrrDelta: 100 },
          { accountId: 1, date: '2024-05-01', kind: 'churn', mrrDelta: -60 },
          { accountId: 1, date: '2024-05-02', kind: 'churn', mrrDelta: -40 },
        ],
        surveys: [],
      },
      '2024-05',
      '2024-06-01',
    );
    expect(m.logoChurnRate).toBe(0.5);
    expect(m.grossRevenueRetention).toBe(0.5);
  });

  it('rejects a malformed month or as-of date', () => {
    expect(() => portfolioMetrics(book(), '2024-5', '2024-06-10')).toThrow(RangeError);
    expect(() => portfolioMetrics(book(), '2024-05', 'June 10')).toThrow(RangeError);
  });
});
