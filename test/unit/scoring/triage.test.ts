// Triage cases as numbers (SPEC "Triage cases", seed 000): what the review reports for a period, and
// when the app suggests closing a case as recovered (14 days out of triage by default).
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates';
import { median, recoveryReading, triageCaseStats, type TriageCaseFacts } from '../../../shared/scoring';

const kase = (openedOn: string, closedOn: string | null = null, outcome: TriageCaseFacts['outcome'] = null): TriageCaseFacts => ({
  openedOn,
  closedOn,
  outcome,
});

describe('triageCaseStats', () => {
  it('counts a month by hand', () => {
    const cases = [
      kase('2024-04-20', '2024-05-10', 'recovered'), // opened before, recovered in May after 20 days
      kase('2024-05-02', '2024-05-30', 'recovered'), // opened and recovered in May after 28 days
      kase('2024-05-03', '2024-05-31', 'churned'), // opened and churned in May
      kase('2024-05-15'), // opened in May, still open
      kase('2024-04-01', '2024-06-02', 'recovered'), // open through May, recovered in June
      kase('2024-03-01', '2024-04-30', 'recovered'), // before May entirely
      kase('2024-06-01'), // after May
      kase('2024-05-20', '2024-05-21', 'closed'), // closed without a verdict in May
      kase('2024-05-06', '2024-05-30', 'recovered'), // recovered after 24 days
    ];
    expect(triageCaseStats(cases, '2024-05-01', '2024-05-31')).toEqual({
      opened: 5,
      open: 2, // the May 15 case, and the April 1 case (closed only in June)
      recovered: 3,
      churned: 1,
      closed: 1,
      saveRate: 3 / 5, // recovered ÷ every case closed in May
      medianDaysToRecover: 24, // of 20, 28, 24
    });
  });

  it('has no save rate or median without closed or recovered cases', () => {
    expect(triageCaseStats([kase('2024-05-02')], '2024-05-01', '2024-05-31')).toEqual({
      opened: 1, open: 1, recovered: 0, churned: 0, closed: 0, saveRate: null, medianDaysToRecover: null,
    });
    expect(triageCaseStats([kase('2024-05-02', '2024-05-09', 'churned')], '2024-05-01', '2024-05-31')).toMatchObject({ saveRate: 0, medianDaysToRecover: null });
  });

  it('takes the mean of the two middle values for an even count', () => {
    expect(median([10, 2, 4, 30])).toBe(7);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });
});

describe('recoveryReading', () => {
  const asOf = '2024-06-30';
  /** In triage on the given dates only. */
  const inTriageOn = (...dates: string[]) => (date: string) => dates.includes(date);

  it('suggests recovered exactly 14 days after the last day in triage', () => {
    const lastIn = addDays(asOf, -14);
    expect(recoveryReading('2024-05-01', asOf, 14, inTriageOn(lastIn))).toEqual({ outSince: addDays(lastIn, 1), daysOut: 13, suggest: false });
    const earlier = addDays(asOf, -15);
    expect(recoveryReading('2024-05-01', asOf, 14, inTriageOn(earlier))).toEqual({ outSince: addDays(earlier, 1), daysOut: 14, suggest: true });
  });

  it('does not suggest while the account is in triage today', () => {
    expect(recoveryReading('2024-05-01', asOf, 14, inTriageOn(asOf))).toEqual({ outSince: null, daysOut: 0, suggest: false });
  });

  it('counts only the days since the case opened', () => {
    // Never in triage at all since opening 10 days ago: out 10 days, not enough yet.
    expect(recoveryReading(addDays(asOf, -10), asOf, 14, inTriageOn())).toEqual({ outSince: addDays(asOf, -10), daysOut: 10, suggest: false });
    expect(recoveryReading(addDays(asOf, -14), asOf, 14, inTriageOn()).suggest).toBe(true);
  });

  it('reads back no further than it is asked to', () => {
    const read: string[] = [];
    recoveryReading('2020-01-01', asOf, 14, (date) => (read.push(date), false), 30);
    expect(read.length).toBe(31);
  });
});
