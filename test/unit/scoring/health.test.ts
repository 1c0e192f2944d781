// The health score, by hand (SPEC "Health score" and its "Precise definitions").
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../shared/settings';
import { engagementScore, scoreAccount, type AccountFacts } from '../../../shared/scoring';
import { AS_OF, account, ago, contact, inDays, note, sample, strongExec, strongUser, survey, touch } from './builders';

const health = (facts: AccountFacts, settings = DEFAULT_SETTINGS) => scoreAccount(facts, AS_OF, settings).health;

describe('health score', () => {
  // SPEC "Not enough data" (revised 2026-12): nothing recorded is unknown, not "at risk".
  it('does not score an account with no contacts, touches, samples or surveys: no_data, score null, confidence 0', () => {
    const h = health(account({ seats: 40, renewalDate: inDays(30), contractStart: ago(400) }));
    expect(h).toEqual({
      score: null,
      rawScore: null,
      band: 'no_data',
      confidence: 0,
      components: { adoption: null, relationships: null, engagement: null, sentiment: null, survey: null, support: null, financial: null },
    });
  });

  it('does not count what is dated after as-of as data', () => {
    const later = account({ touches: [touch(inDays(1))], samples: [sample(inDays(2), 'adoption', 80)], surveys: [survey(inDays(3), 'nps', 9)] });
    expect(health(later).band).toBe('no_data');
    expect(scoreAccount(later, inDays(3)).health.band).not.toBe('no_data');
  });

  it.each([
    ['a contact (even one who left)', account({ contacts: [contact(1, 'ic', { strength: 0, leftOn: ago(400) })] })],
    ['a touch', account({ touches: [touch(ago(200))] })],
    ['a note', account({ touches: [note(ago(200))] })],
    ['a metric sample of any key', account({ samples: [sample(ago(200), 'community_posts', 3)] })],
    ['a survey response of any kind', account({ surveys: [survey(ago(200), 'ces', 5)] })],
  ])('scores an account as soon as it has %s', (_what, facts) => {
    const h = health(facts);
    expect(h.band).not.toBe('no_data');
    expect(typeof h.score).toBe('number');
    expect(h.confidence).toBeGreaterThan(0);
  });

  it('leaves no_data when the account gains its first contact, and scores from relationships 0 and engagement 0 only, confidence 0.35', () => {
    expect(health(account()).band).toBe('no_data');
    const h = health(account({ contacts: [contact(1, 'ic', { strength: 0 })] }));
    expect(h.score).toBe(0);
    expect(h.rawScore).toBe(0);
    expect(h.band).toBe('at_risk');
    expect(h.confidence).toBe(0.35); // (20 + 15) / 100
    expect(h.components.relationships).toEqual({
      score: 0,
      weight: 20,
      contribution: 0,
      inputDate: null,
      detail: '0 of 1 strong executives, 0 of 2 strong users',
    });
    expect(h.components.engagement).toEqual({ score: 0, weight: 15, contribution: 0, inputDate: null, detail: 'No customer contact yet; cadence 30 days' });
    for (const name of ['adoption', 'sentiment', 'survey', 'support', 'financial'] as const) expect(h.components[name]).toBeNull();
  });

  it('combines all seven components as a weighted mean', () => {
    const h = health(
      account({
        segment: 'enterprise',
        contacts: [strongExec(1), contact(2, 'director', { strength: 2 }), strongUser(3)],
        touches: [touch(ago(21), [1], 1), touch(ago(30), [3], 2), touch(ago(60), [], -1), touch(ago(90), [], 0)],
        samples: [
          sample(ago(40), 'adoption', 90),
          sample(ago(10), 'adoption', 64),
          sample(ago(3), 'open_tickets', 2),
          sample(ago(3), 'overdue_invoices', 0),
          sample(ago(1), 'community_posts', 12), // read by nothing
        ],
        surveys: [survey(ago(100), 'nps', 8), survey(ago(5), 'csat', 5)],
      }),
    );
    // adoption 64 × 25 = 1600
    // relationships: 1 of 2 executives, 1 of 2 users → 60 × 0.5 + 40 × 0.5 = 50; × 20 = 1000
    // engagement: enterprise cadence 14, 21 days → 100 × (42 − 21) / (42 − 14) = 75; × 15 = 1125
    // sentiment: last 3 pulses 1, 2, −1 → mean 2/3 → (2/3 + 2) / 4 × 100 = 66.67; × 10 = 666.67
    // survey: NPS 8 beats the newer CSAT → 80; × 15 = 1200
    // support: 2 tickets → 60; × 5 = 300.  financial: 0 overdue → 100; × 10 = 1000
    // total 6891.67 / 100 = 68.92 → 69, watch.
    expect(h.rawScore).toBeCloseTo(68.9167, 4);
    expect(h.score).toBe(69);
    expect(h.band).toBe('watch');
    expect(h.confidence).toBe(1);
    const c = h.components;
    expect(c.adoption).toMatchObject({ score: 64, contribution: 16, inputDate: ago(10), detail: 'Adoption 64%' });
    expect(c.relationships).toMatchObject({ score: 50, contribution: 10, detail: '1 of 2 strong executives, 1 of 2 strong users' });
    expect(c.engagement).toMatchObject({ score: 75, contribution: 11.25, inputDate: ago(21), detail: 'Last contact 21 days ago; cadence 14 days' });
    expect(c.sentiment?.score).toBeCloseTo(66.667, 3);
    expect(c.sentiment).toMatchObject({ inputDate: ago(21), detail: 'Mean pulse +0.7 over the last 3 touches' });
    expect(c.survey).toMatchObject({ score: 80, contribution: 12, inputDate: ago(100), detail: 'NPS 8' });
    expect(c.support).toMatchObject({ score: 60, contribution: 3, detail: '2 open tickets' });
    expect(c.financial).toMatchObject({ score: 100, contribution: 10, detail: 'No overdue invoices' });
    const sum = Object.values(c).reduce((s, x) => s + (x?.contribution ?? 0), 0);
    expect(sum).toBeCloseTo(h.rawScore!, 10);
  });

  it('renormalises the weights over the components that have data', () => {
    const h = health(
      account({
        segment: 'smb',
        contacts: [strongExec(1)],
        touches: [touch(ago(10), [1])],
        samples: [sample(ago(2), 'adoption', 80)],
      }),
    );
    // Weights 25 + 20 + 15 = 60 available of 100.
    // (25 × 80 + 20 × 60 + 15 × 100) / 60 = 4700 / 60 = 78.33 → 78 healthy.
    expect(h.rawScore).toBeCloseTo(78.3333, 4);
    expect(h.score).toBe(78);
    expect(h.band).toBe('healthy');
    expect(h.confidence).toBe(0.6);
    expect(h.components.adoption?.contribution).toBeCloseTo((25 * 80) / 60, 10);
  });

  it('rounds a raw 74.5 up to 75 and calls it healthy', () => {
    // Mid-market: 1 of 1 executive and 2 of 2 users → relationships 100; touched today → engagement 100.
    // (20 × 100 + 15 × 100 + 25 × 38.8) / 60 = 4470 / 60 = 74.5.
    const h = health(
      account({
        contacts: [strongExec(1), strongUser(2), strongUser(3)],
        touches: [touch(AS_OF, [1])],
        samples: [sample(AS_OF, 'adoption', 38.8)],
      }),
    );
    expect(h.rawScore).toBeCloseTo(74.5, 10);
    expect(h.score).toBe(75);
    expect(h.band).toBe('healthy');
  });

  it('rounds a raw 49.5 up to 50, watch, and a raw 49.48 down to 49, at risk', () => {
    // Relationships 100, never touched → engagement 0: (20 × 100 + 0 + 25 × a) / 60.
    const facts = (a: number) => account({ contacts: [strongExec(1), strongUser(2), strongUser(3)], samples: [sample(AS_OF, 'adoption', a)] });
    const half = health(facts(38.8)); // 2970 / 60 = 49.5
    expect(half.rawScore).toBeCloseTo(49.5, 10);
    expect(half).toMatchObject({ score: 50, band: 'watch' });
    const below = health(facts(38.76)); // 2969 / 60 = 49.483
    expect(below).toMatchObject({ score: 49, band: 'at_risk' });
  });

  it('reports confidence with two decimals', () => {
    // Every weight 1: an account with one contact and nothing else has 2 of 7 → 0.2857 → 0.29.
    const ones = mergeSettings({ weights: { adoption: 1, relationships: 1, engagement: 1, sentiment: 1, survey: 1, support: 1, financial: 1 } });
    expect(health(account({ contacts: [contact(1, 'ic')] }), ones).confidence).toBe(0.29);
  });

  it('takes every weight from the settings', () => {
    const settings = mergeSettings({ weights: { adoption: 0, engagement: 80 } });
    const h = health(account({ touches: [touch(ago(1))], samples: [sample(ago(1), 'adoption', 10)] }), settings);
    // (0 × 10 + 20 × 0 + 80 × 100) / (0 + 20 + 80) = 80.
    expect(h.score).toBe(80);
    expect(h.components.adoption).toMatchObject({ weight: 0, contribution: 0 });
    // Available 0 + 20 + 80 = 100 of a total 0 + 20 + 80 + 10 + 15 + 5 + 10 = 140 → 0.714 → 0.71.
    expect(h.confidence).toBe(0.71);
  });

  it('ignores samples and surveys dated after the as-of date', () => {
    const h = health(
      account({
        samples: [sample(ago(1), 'adoption', 90), sample(inDays(1), 'adoption', 10), sample(inDays(1), 'open_tickets', 9)],
        surveys: [survey(inDays(1), 'nps', 0), survey(ago(3), 'csat', 4)],
      }),
    );
    expect(h.components.adoption?.score).toBe(90);
    expect(h.components.support).toBeNull();
    expect(h.components.survey).toMatchObject({ score: 75, detail: 'CSAT 4 of 5 (no NPS)' });
  });

  it('takes the latest sample by date, not by input order, and the later one on a tie', () => {
    const h = health(
      account({ samples: [sample(ago(1), 'adoption', 40), sample(ago(20), 'adoption', 95), sample(ago(1), 'adoption', 55)] }),
    );
    expect(h.components.adoption?.score).toBe(55);
  });
});

describe('adoption', () => {
  it('falls back to 100 × active users / seats', () => {
    const h = health(account({ seats: 60, samples: [sample(ago(4), 'active_users', 45)] }));
    expect(h.components.adoption).toMatchObject({ score: 75, inputDate: ago(4), detail: '45 active users of 60 seats (75% adoption)' });
  });

  it('caps the fallback at 100', () => {
    expect(health(account({ seats: 60, samples: [sample(ago(4), 'active_users', 80)] })).components.adoption?.score).toBe(100);
  });

  it('has no data without seats', () => {
    expect(health(account({ seats: null, samples: [sample(ago(4), 'active_users', 45)] })).components.adoption).toBeNull();
    expect(health(account({ seats: 0, samples: [sample(ago(4), 'active_users', 45)] })).components.adoption).toBeNull();
  });

  it('prefers an adoption sample, even an older one, over active users', () => {
    const h = health(account({ seats: 60, samples: [sample(ago(40), 'adoption', 30), sample(ago(1), 'active_users', 60)] }));
    expect(h.components.adoption?.score).toBe(30);
  });

  // SPEC: "A component score is clamped to 0…100 (an adoption sample of 125 scores 100 …)".
  it('scores an adoption sample of 125 as 100, and says what the sample was', () => {
    const only = (value: number) => health(account({ contacts: [strongExec(1), strongUser(2), strongUser(3)], samples: [sample(ago(1), 'adoption', value)] }));
    const h = only(125);
    expect(h.components.adoption).toMatchObject({ score: 100, detail: 'Adoption 125%' });
    // Relationships 100, engagement 0 (never touched), adoption 100: (20 × 100 + 25 × 100) / 60 = 75.
    expect(h).toMatchObject({ score: 75, band: 'healthy' });
    expect(h.rawScore).toBe(only(100).rawScore);
    expect(only(-5).components.adoption?.score).toBe(0);
  });

  it('never lets a component leave 0…100 whatever the settings', () => {
    const harsh = mergeSettings({ support: { pointsPerTicket: 500 } });
    const h = health(account({ samples: [sample(ago(1), 'open_tickets', -3), sample(ago(1), 'adoption', 400)], surveys: [survey(ago(1), 'nps', 14)] }), harsh);
    for (const c of Object.values(h.components)) if (c) expect(c.score).toBeGreaterThanOrEqual(0), expect(c.score).toBeLessThanOrEqual(100);
    expect(h.components.survey?.score).toBe(100);
    expect(h.components.support?.score).toBe(100);
  });
});

describe('engagement', () => {
  it('is 100 up to the cadence, 0 from three cadences, linear between', () => {
    // Mid-market cadence 30: zero at 90.
    expect(engagementScore(0, 30, 3)).toBe(100);
    expect(engagementScore(30, 30, 3)).toBe(100);
    expect(engagementScore(31, 30, 3)).toBeCloseTo((100 * 59) / 60, 10);
    expect(engagementScore(60, 30, 3)).toBe(50);
    expect(engagementScore(89, 30, 3)).toBeCloseTo(100 / 60, 10);
    expect(engagementScore(90, 30, 3)).toBe(0);
    expect(engagementScore(Infinity, 30, 3)).toBe(0);
  });

  // SPEC "Customer contact" (revised 2026-12; seed 001: days since the team engaged with the customer).
  it('does not count a note as contact, however recent', () => {
    const h = health(account({ segment: 'smb', touches: [touch(ago(90)), note(AS_OF, [], 2)] }));
    expect(h.components.engagement).toMatchObject({ score: 50, inputDate: ago(90), detail: 'Last contact 90 days ago; cadence 45 days' });
    // … but its pulse counts for sentiment: the note's +2 is the latest pulse.
    expect(h.components.sentiment).toMatchObject({ score: 100, inputDate: AS_OF });
    const notesOnly = health(account({ touches: [note(ago(1), [], -2)] }));
    expect(notesOnly.components.engagement).toMatchObject({ score: 0, inputDate: null, detail: 'No customer contact yet; cadence 30 days' });
    expect(notesOnly.components.sentiment?.score).toBe(0);
  });

  it('uses the cadence of the segment', () => {
    // SMB cadence 45: 45 days is on time, 90 days is half way to zero at 135.
    expect(health(account({ segment: 'smb', touches: [touch(ago(45))] })).components.engagement?.score).toBe(100);
    expect(health(account({ segment: 'smb', touches: [touch(ago(90))] })).components.engagement?.score).toBe(50);
    expect(health(account({ segment: 'enterprise', touches: [touch(ago(28))] })).components.engagement?.score).toBe(50);
  });
});

describe('survey', () => {
  it('uses the latest NPS × 10 when there is one', () => {
    const h = health(account({ surveys: [survey(ago(50), 'nps', 3), survey(ago(10), 'nps', 7), survey(ago(1), 'csat', 1)] }));
    expect(h.components.survey).toMatchObject({ score: 70, inputDate: ago(10) });
  });

  it('maps the latest CSAT 1…5 to 0…100 when there is no NPS', () => {
    expect(health(account({ surveys: [survey(ago(1), 'csat', 4)] })).components.survey?.score).toBe(75);
    expect(health(account({ surveys: [survey(ago(1), 'csat', 1)] })).components.survey?.score).toBe(0);
    expect(health(account({ surveys: [survey(ago(1), 'csat', 5), survey(ago(9), 'csat', 2)] })).components.survey?.score).toBe(100);
  });

  it('ignores CES', () => {
    expect(health(account({ surveys: [survey(ago(1), 'ces', 2)] })).components.survey).toBeNull();
  });
});

describe('support and financial', () => {
  it('takes 20 points per open ticket and never goes below 0', () => {
    const support = (t: number) => health(account({ samples: [sample(ago(1), 'open_tickets', t)] })).components.support?.score;
    expect(support(0)).toBe(100);
    expect(support(3)).toBe(40);
    expect(support(5)).toBe(0);
    expect(support(7)).toBe(0);
  });

  it('scores 100 with no overdue invoices and 0 with any, from the latest sample', () => {
    const fin = (...values: number[]) =>
      health(account({ samples: values.map((v, i) => sample(ago(values.length - i), 'overdue_invoices', v)) })).components.financial;
    expect(fin(2, 0)).toMatchObject({ score: 100, detail: 'No overdue invoices' });
    expect(fin(0, 1)).toMatchObject({ score: 0, detail: '1 overdue invoice' });
  });
});
