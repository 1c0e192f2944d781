// The packed book (shared/scoring/packed.ts) is what the services score: rows arrive in table order
// (accounts interleaved) and must be grouped per account without reordering an account's own rows,
// which decide equal-date ties. Scoring a packed book must equal scoring the facts one by one.
import { describe, expect, it } from 'vitest';
import { PackedBookBuilder, packFacts, scoreAccount, scoreAccountOf, type AccountFacts } from '../../../shared/scoring';
import { isExecutive } from '../../../shared/domain';
import { toDayNumber } from '../../../shared/dates';
import { dateOfDay, num, sampleSlot, surveySlot } from '../../../shared/scoring/packed';
import { AS_OF, account, ago, contact, sample, strongExec, strongUser, survey, touch } from './builders';

const book: AccountFacts[] = [
  account({
    id: 7,
    segment: 'enterprise',
    seats: 40,
    renewalDate: ago(-20),
    contacts: [strongExec(1), strongUser(2), contact(3, 'vp', { leftOn: ago(10) })],
    touches: [touch(ago(50), [1], 1), touch(ago(20), [2, 3], -1), touch(ago(2), [], 2), touch(ago(-3), [1], -2)],
    // Two adoption samples on the same day: the later row wins.
    samples: [sample(ago(40), 'adoption', 80), sample(ago(5), 'adoption', 30), sample(ago(5), 'adoption', 50), sample(ago(5), 'open_tickets', 3)],
    surveys: [survey(ago(9), 'nps', 4), survey(ago(9), 'csat', 2)],
  }),
  account({ id: 9, segment: 'smb', stage: 'onboarding', contractStart: ago(200), contacts: [strongUser(4)], touches: [touch('2024-02-30', [4], 1)] }),
  account({
    id: 12,
    seats: 10,
    contacts: [contact(5, 'director', { isUser: true, strength: 4 })],
    touches: [touch(`${ago(1)}T09:30:00Z`, [5])],
    samples: [sample(ago(60), 'active_users', 9), sample(ago(1), 'active_users', 4), sample(ago(1), 'logins', 1)],
  }),
];

/** The builder fed the way the database loader feeds it: table by table, accounts interleaved. */
function interleaved(facts: AccountFacts[]) {
  const builder = new PackedBookBuilder(facts.map(({ contacts: _c, touches: _t, samples: _s, surveys: _v, ...info }) => info));
  const longest = Math.max(...facts.flatMap((f) => [f.contacts.length, f.touches.length, f.samples.length, f.surveys.length]));
  for (let i = 0; i < longest; i++) {
    facts.forEach((f, a) => {
      const c = f.contacts[i];
      if (c) builder.contact(a, c.id, isExecutive(c.level), c.isUser, c.strength, c.leftOn === null ? NaN : toDayNumber(c.leftOn));
    });
  }
  for (let i = 0; i < longest; i++) {
    [...facts].reverse().forEach((f) => {
      const a = facts.indexOf(f);
      const t = f.touches[i];
      if (!t) return;
      builder.touch(a, toDayNumber(t.date), t.sentiment ?? NaN, t.type !== 'note');
      for (const id of t.contactIds) builder.link(id);
    });
    facts.forEach((f, a) => {
      const s = f.samples[i];
      if (s) builder.sample(a, sampleSlot(s.key), toDayNumber(s.date), num(s.value));
      const v = f.surveys[i];
      if (v) builder.survey(a, surveySlot(v.kind), toDayNumber(v.date), v.score);
    });
  }
  return builder.build();
}

describe('the packed book', () => {
  it('scores each account exactly as scoreAccount scores its facts, rows interleaved or not', () => {
    for (const packed of [packFacts(book), interleaved(book)]) {
      book.forEach((facts, a) => {
        for (const asOf of [AS_OF, ago(30), ago(-10)]) expect(scoreAccountOf(packed, a, asOf)).toEqual(scoreAccount(facts, asOf));
      });
    }
  });

  it("groups each account's rows, keeping their order", () => {
    const packed = interleaved(book);
    expect([...packed.contactStart]).toEqual([0, 3, 4, 5]);
    expect([...packed.touchStart]).toEqual([0, 4, 5, 6]);
    expect([...packed.sampleValue.subarray(packed.sampleStart[0], packed.sampleStart[1])]).toEqual([80, 30, 50, 3]);
    // The links moved with their touches.
    const links = (t: number) => [...packed.linkContact.subarray(packed.linkStart[t], packed.linkStart[t + 1])];
    expect([0, 1, 2, 3, 4, 5].map(links)).toEqual([[1], [2, 3], [], [1], [4], [5]]);
  });

  it('reads the latest of equal-date rows as the later one', () => {
    const r = scoreAccountOf(interleaved(book), 0, AS_OF);
    expect(r.health.components.adoption).toMatchObject({ score: 50, inputDate: ago(5) });
  });

  it('shows dates rebuilt from day numbers exactly as written', () => {
    for (const date of ['1999-12-31', '2024-02-29', '0001-01-01', '9999-12-31', AS_OF]) expect(dateOfDay(toDayNumber(date))).toBe(date);
    // A touch with a timestamp shows its calendar date.
    expect(scoreAccount(book[2], AS_OF).health.components.engagement?.inputDate).toBe(ago(1));
  });
});
