// Relationship metrics (SPEC "Relationship metrics", seed 001: strong users, executives at
// director level or above, last contact with users and with executives).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { readSignals, relationshipMetrics, relationshipScore } from '../../../shared/scoring';
import { AS_OF, account, ago, contact, inDays, strongExec, strongUser, touch } from './builders';

describe('relationship metrics', () => {
  it('counts strength 3 and 4 as strong and strength 2 as not', () => {
    const m = relationshipMetrics(
      account({
        contacts: [
          contact(1, 'ic', { isUser: true, strength: 2 }),
          contact(2, 'ic', { isUser: true, strength: 3 }),
          contact(3, 'manager', { isUser: true, strength: 4 }),
          contact(4, 'director', { strength: 4 }),
          contact(5, 'vp', { strength: 2 }),
        ],
      }),
      AS_OF,
    );
    expect(m.strongUsers).toBe(2);
    expect(m.strongExecs).toBe(1);
  });

  it('treats director and above as executives and managers as not', () => {
    // seed 001: "executives at the level of director or above".
    const m = relationshipMetrics(
      account({ contacts: ['ic', 'manager', 'director', 'vp', 'c_level'].map((level, i) => contact(i + 1, level as never)) }),
      AS_OF,
    );
    expect(m.strongExecs).toBe(3);
  });

  it('counts a strong executive who is also a front-line user in both', () => {
    const m = relationshipMetrics(account({ contacts: [contact(1, 'director', { isUser: true })] }), AS_OF);
    expect(m).toMatchObject({ strongExecs: 1, strongUsers: 1 });
  });

  it('drops contacts who left before or on the as-of date and keeps those who leave after it', () => {
    const m = relationshipMetrics(
      account({ contacts: [strongExec(1, ago(1)), strongExec(2, AS_OF), strongExec(3, inDays(1)), strongUser(4, AS_OF), strongUser(5, inDays(30))] }),
      AS_OF,
    );
    expect(m.strongExecs).toBe(1); // only contact 3, whose departure has not happened yet
    expect(m.strongUsers).toBe(1); // only contact 5
  });

  it('takes requiredExecs from the segment', () => {
    expect(relationshipMetrics(account({ segment: 'enterprise' }), AS_OF).requiredExecs).toBe(2);
    expect(relationshipMetrics(account({ segment: 'mid_market' }), AS_OF).requiredExecs).toBe(1);
    expect(relationshipMetrics(account({ segment: 'smb' }), AS_OF).requiredExecs).toBe(1);
  });

  it('measures days since the last touch with a user, an executive and anyone', () => {
    const m = relationshipMetrics(
      account({
        contacts: [strongExec(1), contact(2, 'ic', { isUser: true, strength: 1 }), contact(3, 'manager')],
        touches: [touch(ago(40), [1]), touch(ago(20), [1, 2]), touch(ago(12), [2]), touch(ago(5), [3]), touch(ago(30), [1])],
      }),
      AS_OF,
    );
    // A weak user still counts for "last contact with users": strength is a separate metric.
    expect(m).toMatchObject({ daysSinceExecContact: 20, daysSinceUserContact: 12, daysSinceLastTouch: 5 });
  });

  it('reports Infinity when there was never such a touch', () => {
    const m = relationshipMetrics(account({ contacts: [strongExec(1)], touches: [touch(ago(3), [99])] }), AS_OF);
    expect(m).toMatchObject({ daysSinceExecContact: Infinity, daysSinceUserContact: Infinity, daysSinceLastTouch: 3 });
    expect(relationshipMetrics(account(), AS_OF).daysSinceLastTouch).toBe(Infinity);
  });

  it('ignores touches dated after the as-of date', () => {
    const m = relationshipMetrics(
      account({ contacts: [strongExec(1)], touches: [touch(ago(10), [1]), touch(inDays(1), [1]), touch(`${inDays(2)}T09:00:00Z`, [1])] }),
      AS_OF,
    );
    expect(m).toMatchObject({ daysSinceExecContact: 10, daysSinceLastTouch: 10 });
  });

  it('does not count a touch with a contact who had left by the as-of date as an executive touch', () => {
    const m = relationshipMetrics(
      account({ contacts: [strongExec(1, ago(1)), strongExec(2)], touches: [touch(ago(3), [1]), touch(ago(50), [2])] }),
      AS_OF,
    );
    expect(m.daysSinceExecContact).toBe(50);
    expect(m.daysSinceLastTouch).toBe(3);
  });

  it('counts a touch on the as-of date as 0 days ago', () => {
    const m = relationshipMetrics(account({ contacts: [strongUser(1)], touches: [touch(AS_OF, [1])] }), AS_OF);
    expect(m.daysSinceUserContact).toBe(0);
  });
});

describe('relationships component', () => {
  const score = (strongExecs: number, requiredExecs: number, strongUsers: number) =>
    relationshipScore(
      { strongExecs, requiredExecs, strongUsers, daysSinceExecContact: 0, daysSinceLastTouch: 0, daysSinceUserContact: 0 },
      DEFAULT_SETTINGS,
    );

  it('scores 60 × exec share + 40 × user share', () => {
    // Enterprise, 1 of 2 executives and 1 of 2 users: 60 × 0.5 + 40 × 0.5 = 50.
    expect(score(1, 2, 1)).toEqual({ score: 50, detail: '1 of 2 strong executives, 1 of 2 strong users' });
    // SMB, 1 of 1 executive, no users: 60.
    expect(score(1, 1, 0).score).toBe(60);
    expect(score(0, 1, 2).score).toBe(40);
  });

  it('caps each share at full marks', () => {
    expect(score(3, 2, 5)).toEqual({ score: 100, detail: '3 strong executives (2 needed), 5 strong users (2 needed)' });
  });

  it('scores zero contacts as 0', () => {
    const s = readSignals(account(), AS_OF);
    expect(relationshipScore(s.relationships, DEFAULT_SETTINGS).score).toBe(0);
  });
});

describe('sentiment read from touches', () => {
  it('averages the pulse of the last 3 touches that have one, by date whatever the input order', () => {
    const s = readSignals(
      account({
        touches: [touch(ago(2), [], 2), touch(ago(50), [], -2), touch(ago(1)), touch(ago(10), [], 0), touch(ago(5), [], 1), touch(inDays(1), [], -2)],
      }),
      AS_OF,
    );
    // Pulses by date: −2 (50 ago), 0 (10), 1 (5), 2 (2); the untouched-pulse touch and the future one are skipped.
    expect(s.sentiment).toEqual({ mean: 1, count: 3, date: ago(2) });
  });

  it('breaks ties on the same date by input order, later counting as more recent', () => {
    const s = readSignals(
      account({ touches: [touch(ago(1), [], -2), touch(ago(1), [], 2), touch(ago(1), [], 2), touch(ago(1), [], 1)] }),
      AS_OF,
    );
    // A stable sort by date keeps input order within the day: the last three are 2, 2, 1.
    expect(s.sentiment?.mean).toBeCloseTo(5 / 3, 12);
  });

  it('uses fewer than 3 when there are fewer', () => {
    const s = readSignals(account({ touches: [touch(ago(1), [], -1)] }), AS_OF);
    expect(s.sentiment).toEqual({ mean: -1, count: 1, date: ago(1) });
  });
});
