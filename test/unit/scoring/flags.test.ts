// Flags at and around every boundary (SPEC "Flags": windows are inclusive exactly as stated).
import { describe, expect, it } from 'vitest';
import { FLAG_RULES, type FlagRule } from '../../../shared/domain';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../shared/settings';
import { scoreAccount, type AccountFacts } from '../../../shared/scoring';
import { AS_OF, account, ago, contact, inDays, note, sample, strongExec, strongUser, survey, touch } from './builders';

const flagsOf = (facts: AccountFacts, settings = DEFAULT_SETTINGS) => scoreAccount(facts, AS_OF, settings).flags;
const flag = (facts: AccountFacts, rule: FlagRule, settings = DEFAULT_SETTINGS) =>
  flagsOf(facts, settings).find((f) => f.rule === rule);

describe('renewal_exec_silence', () => {
  // seed 001: "up for renewal, where there has been no communication with executives in 15 days".
  const renewing = (renewalDate: string, execTouch: string | null, extra: Partial<AccountFacts> = {}) =>
    account({
      renewalDate,
      contacts: [strongExec(1)],
      touches: execTouch === null ? [] : [touch(execTouch, [1])],
      ...extra,
    });

  it('fires when the renewal is 90 days out and the last executive touch was 16 days ago', () => {
    expect(flag(renewing(inDays(90), ago(16)), 'renewal_exec_silence')).toEqual({
      rule: 'renewal_exec_silence',
      severity: 'high',
      reason: 'No executive touch in 16 days; renewal in 90 days',
    });
  });

  it('stays quiet when an executive was touched exactly 15 days ago', () => {
    expect(flag(renewing(inDays(23), ago(15)), 'renewal_exec_silence')).toBeUndefined();
  });

  it('stays quiet when the renewal is 91 days out', () => {
    expect(flag(renewing(inDays(91), ago(41)), 'renewal_exec_silence')).toBeUndefined();
  });

  it('is not cleared by a note that names the executive (SPEC "Customer contact")', () => {
    const noted = renewing(inDays(23), ago(41), { touches: [touch(ago(41), [1]), note(ago(2), [1], 1)] });
    expect(flag(noted, 'renewal_exec_silence')?.reason).toBe('No executive touch in 41 days; renewal in 23 days');
    const onlyNoted = renewing(inDays(23), null, { touches: [note(AS_OF, [1])] });
    expect(flag(onlyNoted, 'renewal_exec_silence')?.reason).toBe('No executive touch ever; renewal in 23 days');
  });

  it('stays quiet when the renewal date has already passed', () => {
    expect(flag(renewing(ago(1), ago(41)), 'renewal_exec_silence')).toBeUndefined();
  });

  it('fires on the renewal day itself', () => {
    expect(flag(renewing(AS_OF, ago(41)), 'renewal_exec_silence')?.reason).toBe('No executive touch in 41 days; renewal today');
  });

  it('says "ever" when no executive was ever touched', () => {
    expect(flag(renewing(inDays(23), null), 'renewal_exec_silence')?.reason).toBe('No executive touch ever; renewal in 23 days');
  });

  it('does not count a touch with a non-executive, an executive who left, or a touch after as-of', () => {
    const facts = account({
      renewalDate: inDays(23),
      contacts: [strongExec(1), contact(2, 'manager'), strongExec(3, ago(5))],
      touches: [touch(ago(41), [1]), touch(ago(1), [2]), touch(ago(7), [3]), touch(inDays(1), [1])],
    });
    expect(flag(facts, 'renewal_exec_silence')?.reason).toBe('No executive touch in 41 days; renewal in 23 days');
  });

  it('stays quiet without a renewal date', () => {
    expect(flag(account(), 'renewal_exec_silence')).toBeUndefined();
  });
});

describe('single_threaded', () => {
  // seed 001: enterprise needs strong relationships with two executives; SMB one.
  it('flags an enterprise account with one strong executive as high', () => {
    expect(flag(account({ segment: 'enterprise', contacts: [strongExec(1)] }), 'single_threaded')).toEqual({
      rule: 'single_threaded',
      severity: 'high',
      reason: 'Only 1 strong executive relationship; enterprise accounts need 2',
    });
  });

  it('flags a mid-market account with no strong executive as medium', () => {
    expect(flag(account({ contacts: [contact(1, 'vp', { strength: 2 })] }), 'single_threaded')).toMatchObject({
      severity: 'medium',
      reason: 'No strong executive relationship; mid-market accounts need 1',
    });
  });

  it('accepts one strong executive for SMB and two for enterprise', () => {
    expect(flag(account({ segment: 'smb', contacts: [strongExec(1)] }), 'single_threaded')).toBeUndefined();
    expect(flag(account({ segment: 'enterprise', contacts: [strongExec(1), strongExec(2)] }), 'single_threaded')).toBeUndefined();
  });
});

describe('champion_gap', () => {
  // seed 001: "strong product adoption but no relationships with users … customer champions".
  it('fires at adoption 70 with no strong users', () => {
    expect(flag(account({ samples: [sample(ago(1), 'adoption', 70)] }), 'champion_gap')).toEqual({
      rule: 'champion_gap',
      severity: 'low',
      reason: 'Adoption 70% but no strong front-line user relationships; build champions',
    });
  });

  it('stays quiet at adoption 69.9, with a strong user, or without adoption data', () => {
    expect(flag(account({ samples: [sample(ago(1), 'adoption', 69.9)] }), 'champion_gap')).toBeUndefined();
    expect(flag(account({ contacts: [strongUser(1)], samples: [sample(ago(1), 'adoption', 95)] }), 'champion_gap')).toBeUndefined();
    expect(flag(account(), 'champion_gap')).toBeUndefined();
  });

  it('fires for a user who is only weak and for derived adoption', () => {
    const facts = account({ seats: 10, contacts: [contact(1, 'ic', { isUser: true, strength: 2 })], samples: [sample(ago(1), 'active_users', 8)] });
    expect(flag(facts, 'champion_gap')?.reason).toBe('Adoption 80% but no strong front-line user relationships; build champions');
  });
});

describe('adoption_drop_user_silence', () => {
  // seed 001: "user adoption has fallen off, and there has been no contact with users for 30 days".
  // The latest adoption is dated 5 days before as-of (d); the window for the earlier sample is
  // [d − 35, d − 25] = [40, 30] days before as-of.
  const dropped = (earlier: Array<[daysAgo: number, value: number]>, latest: number, userTouch: number | null = null) =>
    account({
      contacts: [contact(1, 'ic', { isUser: true, strength: 1 })],
      touches: userTouch === null ? [] : [touch(ago(userTouch), [1])],
      samples: [...earlier.map(([n, v]) => sample(ago(n), 'adoption', v)), sample(ago(5), 'adoption', latest)],
    });

  it('fires at exactly 0.8 × the earlier sample', () => {
    expect(flag(dropped([[35, 100]], 80), 'adoption_drop_user_silence')).toEqual({
      rule: 'adoption_drop_user_silence',
      severity: 'emergency',
      reason: 'Adoption fell 20% from 100% to 80% in 30 days; no front-line user touch ever',
    });
    // 0.8 × 70 is 56.00000000000001 and 0.8 × 45 is 36 in binary; both edges must fire.
    expect(flag(dropped([[35, 70]], 56), 'adoption_drop_user_silence')).toBeDefined();
    expect(flag(dropped([[35, 45]], 36), 'adoption_drop_user_silence')).toBeDefined();
    expect(flag(dropped([[35, 65]], 52), 'adoption_drop_user_silence')).toBeDefined();
  });

  it('stays quiet at 0.81 × the earlier sample', () => {
    expect(flag(dropped([[35, 100]], 81), 'adoption_drop_user_silence')).toBeUndefined();
  });

  it('counts a note about a user as silence, not contact (SPEC "Customer contact")', () => {
    const facts = dropped([[35, 100]], 80, 31);
    facts.touches.push(note(ago(1), [1], 0));
    expect(flag(facts, 'adoption_drop_user_silence')?.reason).toBe(
      'Adoption fell 20% from 100% to 80% in 30 days; no front-line user touch in 31 days',
    );
  });

  // SPEC: "A component score is clamped to 0…100 (… the flags read the sample itself)".
  it('reads an adoption sample above 100 as it is', () => {
    const facts = dropped([[35, 160]], 125);
    expect(flag(facts, 'adoption_drop_user_silence')?.reason).toBe('Adoption fell 21.9% from 160% to 125% in 30 days; no front-line user touch ever');
    expect(flag(account({ samples: [sample(ago(1), 'adoption', 125)] }), 'champion_gap')?.reason).toBe(
      'Adoption 125% but no strong front-line user relationships; build champions',
    );
  });

  it('compares with samples exactly 25 and 35 days before the latest', () => {
    expect(flag(dropped([[30, 100]], 60), 'adoption_drop_user_silence')?.reason).toContain('in 25 days');
    expect(flag(dropped([[40, 100]], 60), 'adoption_drop_user_silence')?.reason).toContain('in 35 days');
  });

  it('ignores samples 24 and 36 days before the latest', () => {
    expect(flag(dropped([[29, 100], [41, 100]], 60), 'adoption_drop_user_silence')).toBeUndefined();
  });

  it('compares with the latest sample inside the window', () => {
    // 40 days before as-of: 100; 31 days: 90. Latest 75 vs 90: 75 ≤ 72? No.
    expect(flag(dropped([[31, 90], [40, 100]], 75), 'adoption_drop_user_silence')).toBeUndefined();
    // With 90 before 100 in the window the comparison is with 100: 75 ≤ 80.
    expect(flag(dropped([[40, 90], [31, 100]], 75), 'adoption_drop_user_silence')).toBeDefined();
  });

  it('stays quiet when a front-line user was touched 30 days ago and fires at 31', () => {
    expect(flag(dropped([[35, 100]], 50, 30), 'adoption_drop_user_silence')).toBeUndefined();
    expect(flag(dropped([[35, 100]], 50, 31), 'adoption_drop_user_silence')?.reason).toBe(
      'Adoption fell 50% from 100% to 50% in 30 days; no front-line user touch in 31 days',
    );
  });

  it('measures the drop from the latest sample on or before as-of', () => {
    // A sample tomorrow does not exist yet; the latest is the 80 five days ago.
    const facts = dropped([[35, 100]], 80);
    facts.samples.push(sample(inDays(1), 'adoption', 100));
    expect(flag(facts, 'adoption_drop_user_silence')).toBeDefined();
  });

  it('cannot fall from an earlier adoption of 0', () => {
    expect(flag(dropped([[35, 0]], 0), 'adoption_drop_user_silence')).toBeUndefined();
  });

  it('reads the drop from active users over seats when there is no adoption sample', () => {
    // 50 seats: 40 users = 80 %, then 30 users = 60 %: 60 ≤ 64.
    const facts = account({ seats: 50, samples: [sample(ago(35), 'active_users', 40), sample(ago(5), 'active_users', 30)] });
    expect(flag(facts, 'adoption_drop_user_silence')?.reason).toBe(
      'Adoption fell 25% from 80% to 60% in 30 days; no front-line user touch ever',
    );
  });
});

describe('detractor', () => {
  it('fires when the latest NPS, exactly 90 days old, is 6', () => {
    expect(flag(account({ surveys: [survey(ago(90), 'nps', 6)] }), 'detractor')).toEqual({
      rule: 'detractor',
      severity: 'medium',
      reason: 'Latest NPS response 6, 90 days ago',
    });
  });

  it('stays quiet for a 7, for a response 91 days old, and when a newer NPS is a promoter', () => {
    expect(flag(account({ surveys: [survey(ago(10), 'nps', 7)] }), 'detractor')).toBeUndefined();
    expect(flag(account({ surveys: [survey(ago(91), 'nps', 0)] }), 'detractor')).toBeUndefined();
    expect(flag(account({ surveys: [survey(ago(5), 'nps', 9), survey(ago(20), 'nps', 2)] }), 'detractor')).toBeUndefined();
  });

  it('ignores CSAT and responses after as-of', () => {
    expect(flag(account({ surveys: [survey(ago(1), 'csat', 1), survey(inDays(1), 'nps', 0)] }), 'detractor')).toBeUndefined();
  });
});

describe('overdue_invoice', () => {
  it('fires on the latest overdue_invoices above 0', () => {
    expect(flag(account({ samples: [sample(ago(1), 'overdue_invoices', 2)] }), 'overdue_invoice')).toEqual({
      rule: 'overdue_invoice',
      severity: 'medium',
      reason: '2 overdue invoices',
    });
    expect(flag(account({ samples: [sample(ago(9), 'overdue_invoices', 2), sample(ago(1), 'overdue_invoices', 0)] }), 'overdue_invoice')).toBeUndefined();
  });
});

describe('cadence_overdue', () => {
  // seed 002, law 5: a cadence per segment (SMB 45 days).
  it('fires one day past the cadence, not on it', () => {
    expect(flag(account({ segment: 'smb', touches: [touch(ago(45))] }), 'cadence_overdue')).toBeUndefined();
    expect(flag(account({ segment: 'smb', touches: [touch(ago(46))] }), 'cadence_overdue')).toEqual({
      rule: 'cadence_overdue',
      severity: 'low',
      reason: 'Last customer contact 46 days ago; cadence is 45 days',
    });
  });

  it('fires for an account never touched', () => {
    expect(flag(account({ segment: 'enterprise' }), 'cadence_overdue')?.reason).toBe('No customer contact yet; cadence is 14 days');
  });

  // SPEC "Customer contact" (revised 2026-12): the CSM's own note is not contact with the customer.
  it('is not cleared by a note, however recent', () => {
    const noteToday = account({ segment: 'smb', touches: [touch(ago(46)), note(AS_OF, [], 1)] });
    expect(flag(noteToday, 'cadence_overdue')?.reason).toBe('Last customer contact 46 days ago; cadence is 45 days');
    const onlyNotes = account({ segment: 'smb', touches: [note(ago(1)), note(ago(2))] });
    expect(flag(onlyNotes, 'cadence_overdue')?.reason).toBe('No customer contact yet; cadence is 45 days');
  });

  it('is cleared by any other kind of touch', () => {
    for (const type of ['email', 'call', 'meeting', 'qbr', 'support', 'event'] as const) {
      expect(flag(account({ segment: 'smb', touches: [touch(ago(46)), touch(ago(3), [], null, type)] }), 'cadence_overdue'), type).toBeUndefined();
    }
  });
});

describe('sponsor_lost', () => {
  // seed 002, law 2: "Loss of project sponsor".
  it('fires when an executive left exactly 90 days ago and too few strong executives remain', () => {
    expect(flag(account({ contacts: [strongExec(1, ago(90))] }), 'sponsor_lost')).toEqual({
      rule: 'sponsor_lost',
      severity: 'high',
      reason: 'An executive left 90 days ago; only 0 strong executive relationships, 1 needed',
    });
    expect(flag(account({ contacts: [contact(1, 'c_level', { strength: 1, leftOn: AS_OF })] }), 'sponsor_lost')?.reason).toBe(
      'An executive left today; only 0 strong executive relationships, 1 needed',
    );
  });

  it('stays quiet when the executive left 91 days ago or leaves after as-of', () => {
    expect(flag(account({ contacts: [strongExec(1, ago(91))] }), 'sponsor_lost')).toBeUndefined();
    // Leaving tomorrow: still here and still strong, so not single-threaded either.
    const leaving = account({ contacts: [strongExec(1, inDays(1))] });
    expect(flag(leaving, 'sponsor_lost')).toBeUndefined();
    expect(flag(leaving, 'single_threaded')).toBeUndefined();
  });

  it('stays quiet when enough strong executives remain, or when the one who left was not an executive', () => {
    expect(flag(account({ contacts: [strongExec(1, ago(10)), strongExec(2)] }), 'sponsor_lost')).toBeUndefined();
    expect(flag(account({ contacts: [contact(1, 'manager', { leftOn: ago(10) })] }), 'sponsor_lost')).toBeUndefined();
  });

  it('uses the most recent departure', () => {
    const facts = account({ segment: 'enterprise', contacts: [strongExec(1, ago(200)), strongExec(2, ago(12)), strongExec(3)] });
    expect(flag(facts, 'sponsor_lost')?.reason).toBe('An executive left 12 days ago; only 1 strong executive relationship, 2 needed');
  });
});

describe('stalled_onboarding', () => {
  // seed 002, law 7: time to value.
  it('fires in onboarding 91 days after contract start, not 90', () => {
    expect(flag(account({ stage: 'onboarding', contractStart: ago(90) }), 'stalled_onboarding')).toBeUndefined();
    expect(flag(account({ stage: 'onboarding', contractStart: ago(91) }), 'stalled_onboarding')).toEqual({
      rule: 'stalled_onboarding',
      severity: 'high',
      reason: 'Still onboarding 91 days after contract start (more than 90 days)',
    });
  });

  it('stays quiet in other stages or without a contract start', () => {
    expect(flag(account({ stage: 'adoption', contractStart: ago(200) }), 'stalled_onboarding')).toBeUndefined();
    expect(flag(account({ stage: 'onboarding', contractStart: null, createdAt: ago(200) }), 'stalled_onboarding')).toBeUndefined();
  });
});

describe('flags in general', () => {
  // Everything that can fire, fires.
  const troubled = () =>
    account({
      segment: 'enterprise',
      stage: 'onboarding',
      contractStart: ago(200),
      renewalDate: inDays(10),
      contacts: [strongExec(1, ago(5))],
      samples: [sample(ago(35), 'adoption', 100), sample(ago(5), 'adoption', 70), sample(ago(1), 'overdue_invoices', 1)],
      surveys: [survey(ago(3), 'nps', 2)],
    });

  it('lists the flags that fire in rule order', () => {
    expect(flagsOf(troubled()).map((f) => f.rule)).toEqual([...FLAG_RULES]);
  });

  it('raises no flags for a churned account but still scores it', () => {
    const r = scoreAccount({ ...troubled(), stage: 'churned' }, AS_OF);
    expect(r.flags).toEqual([]);
    expect(r.health.components.relationships).not.toBeNull();
  });

  it('raises no flags for an archived account', () => {
    expect(scoreAccount({ ...troubled(), archived: true }, AS_OF).flags).toEqual([]);
  });

  it('takes severities and thresholds from the settings', () => {
    const settings = mergeSettings({
      flags: { cadence_overdue: { severity: 'high' }, single_threaded: { enterpriseSeverity: 'emergency' } },
      cadenceDays: { smb: 60 },
    });
    expect(flag(account({ segment: 'smb', touches: [touch(ago(50))] }), 'cadence_overdue', settings)).toBeUndefined();
    expect(flag(account({ segment: 'smb', touches: [touch(ago(61))] }), 'cadence_overdue', settings)?.severity).toBe('high');
    expect(flag(account({ segment: 'enterprise' }), 'single_threaded', settings)?.severity).toBe('emergency');
  });
});
