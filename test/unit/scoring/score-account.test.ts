// scoreAccount as a whole: triage (seed 000) and independence from the clock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scoreAccount } from '../../../shared/scoring';
import { AS_OF, account, ago, contact, inDays, sample, strongExec, strongUser, touch } from './builders';

// Healthy: SMB, 1 of 1 executive and 2 of 2 users (100), touched 3 days ago (100), adoption 90.
const healthy = () =>
  account({
    segment: 'smb',
    contacts: [strongExec(1), strongUser(2), strongUser(3)],
    touches: [touch(ago(3), [1, 2])],
    samples: [sample(ago(1), 'adoption', 90)],
  });

describe('scoreAccount', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps a healthy account with no flags out of triage', () => {
    const r = scoreAccount(healthy(), AS_OF);
    expect(r.health).toMatchObject({ score: 96, band: 'healthy', confidence: 0.6 }); // (2250 + 2000 + 1500) / 60 = 95.83
    expect(r.flags).toEqual([]);
    expect(r.inTriage).toBe(false);
    expect(r.relationships).toEqual({
      strongUsers: 2,
      strongExecs: 1,
      requiredExecs: 1,
      daysSinceUserContact: 3,
      daysSinceExecContact: 3,
      daysSinceLastTouch: 3,
    });
  });

  it('puts a healthy account with a high flag in triage', () => {
    // Renewal in 30 days with the only executive touch 16 days ago: renewal_exec_silence (high).
    const r = scoreAccount({ ...healthy(), renewalDate: inDays(30), touches: [touch(ago(16), [1]), touch(ago(3), [2])] }, AS_OF);
    expect(r.health.band).toBe('healthy');
    expect(r.flags.map((f) => f.rule)).toEqual(['renewal_exec_silence']);
    expect(r.inTriage).toBe(true);
  });

  it('keeps an account with only low and medium flags out of triage', () => {
    // Mid-market cadence 30: 31 days is overdue (low); an overdue invoice is medium.
    const facts = { ...healthy(), segment: 'mid_market' as const, touches: [touch(ago(31), [1, 2])] };
    facts.samples.push(sample(ago(1), 'overdue_invoices', 1));
    const r = scoreAccount(facts, AS_OF);
    expect(r.flags.map((f) => f.severity).sort()).toEqual(['low', 'medium']);
    expect(r.health.band).not.toBe('at_risk');
    expect(r.inTriage).toBe(false);
  });

  it('puts an at-risk account in triage even without flags of its own', () => {
    const r = scoreAccount(account({ contacts: [contact(1, 'ic', { strength: 0 })] }), AS_OF);
    expect(r.health.band).toBe('at_risk');
    expect(r.flags.filter((f) => f.severity === 'high' || f.severity === 'emergency')).toEqual([]);
    expect(r.inTriage).toBe(true);
  });

  // SPEC "Not enough data": not in triage on its score; its flags still count.
  it('keeps an account without data out of triage on its score, but not out of its flags', () => {
    const midMarket = scoreAccount(account(), AS_OF);
    expect(midMarket.health.band).toBe('no_data');
    expect(midMarket.flags.map((f) => f.rule).sort()).toEqual(['cadence_overdue', 'single_threaded']);
    expect(midMarket.inTriage).toBe(false);
    // Enterprise: single-threaded is high, so the account is in triage by that flag.
    const enterprise = scoreAccount(account({ segment: 'enterprise' }), AS_OF);
    expect(enterprise.health.band).toBe('no_data');
    expect(enterprise.inTriage).toBe(true);
  });

  it('keeps an account already in stage triage in triage', () => {
    expect(scoreAccount({ ...healthy(), stage: 'triage' }, AS_OF).inTriage).toBe(true);
  });

  it('never puts a churned account in triage', () => {
    expect(scoreAccount({ ...account(), stage: 'churned' }, AS_OF).inTriage).toBe(false);
  });

  it('gives the same answer whatever the clock says', () => {
    const facts = { ...healthy(), renewalDate: inDays(30) };
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2010-01-01T00:00:00Z'));
    const then = scoreAccount(facts, AS_OF);
    vi.setSystemTime(new Date('2040-01-01T00:00:00Z'));
    expect(scoreAccount(facts, AS_OF)).toEqual(then);
  });

  it('accepts a timestamp as the as-of date and rejects text that is not a date', () => {
    expect(scoreAccount(healthy(), `${AS_OF}T23:59:00Z`)).toEqual(scoreAccount(healthy(), AS_OF));
    expect(() => scoreAccount(healthy(), '30/06/2024')).toThrow(RangeError);
  });

  it('scores an account as it stood on an earlier date', () => {
    // Seven days earlier the touch 3 days before AS_OF had not happened and adoption was unknown.
    const r = scoreAccount(healthy(), ago(7));
    expect(r.relationships.daysSinceLastTouch).toBe(Infinity);
    expect(r.health.components.adoption).toBeNull();
  });
});
