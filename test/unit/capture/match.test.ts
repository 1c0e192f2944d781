// Pure matching: which account a meeting or message belongs to and who took part (SPEC "Capture …").
import { describe, expect, it } from 'vitest';
import { buildBookIndex, matchItem } from '../../../shared/capture/match';
import type { CapturedItem, Participant } from '../../../shared/capture/types';

const index = buildBookIndex(
  [
    { id: 1, name: 'Acme', domains: ['acme.com'] },
    { id: 2, name: 'Globex', domains: ['globex.com', 'gmail.com'] },
    { id: 3, name: 'Initech', domains: [] },
    { id: 4, name: 'Umbrella', domains: ['shared.io'] },
    { id: 5, name: 'Umbrella EU', domains: ['shared.io'] },
  ],
  [
    { id: 10, accountId: 1, name: 'Dana', email: 'dana@acme.com', leftOn: null },
    { id: 11, accountId: 3, name: 'Priya', email: 'priya@initech.com', leftOn: null },
    { id: 12, accountId: 2, name: 'Hans (personal)', email: 'hans.b@gmail.com', leftOn: null },
    { id: 13, accountId: 1, name: 'Old Dana', email: 'dana@acme.com', leftOn: '2025-01-01' },
  ],
  ['brightloop.io'],
);

const p = (email: string, role: Participant['role'], extra: Partial<Participant> = {}): Participant => ({ email, name: null, role, ...extra });
const email = (participants: Participant[]): CapturedItem => ({ kind: 'email', ref: 'r', label: 'm', summary: 's', time: { kind: 'date', date: '2026-11-01' }, participants });
const meeting = (participants: Participant[], extra: Partial<CapturedItem> = {}): CapturedItem => ({ ...email(participants), kind: 'meeting', ...extra });

describe('matching a meeting or message', () => {
  it('finds the account by a known contact before any domain, and links its contacts', () => {
    const m = matchItem(email([p('priya@initech.com', 'from'), p('sam@brightloop.io', 'to'), p('dana@acme.com', 'cc')]), index);
    expect(m).toMatchObject({ status: 'new', accountId: 3, matchedBy: 'contact', contactIds: [11], direction: 'inbound' });
  });

  it('falls back to the sender\'s domain, and offers unknown people at that account\'s domains', () => {
    const m = matchItem(email([p('sam@brightloop.io', 'from'), p('new.person@eu.acme.com', 'to'), p('other@somewhere.org', 'cc')]), index);
    expect(m).toMatchObject({ status: 'new', accountId: 1, matchedBy: 'domain', contactIds: [], direction: 'outbound' });
    expect(m.newPeople.map((x) => x.email)).toEqual(['new.person@eu.acme.com']);
  });

  it('never lets a public mail domain identify an account, but still matches a contact\'s own public address', () => {
    expect(matchItem(email([p('stranger@gmail.com', 'from'), p('sam@brightloop.io', 'to')]), index)).toMatchObject({ status: 'unmatched', accountId: null });
    expect(matchItem(email([p('hans.b@gmail.com', 'from'), p('sam@brightloop.io', 'to')]), index)).toMatchObject({ status: 'new', accountId: 2, contactIds: [12] });
  });

  it('prefers a contact still at the company when two share an address', () => {
    expect(matchItem(email([p('dana@acme.com', 'from')]), index).contactIds).toEqual([10]);
  });

  it('does not guess between two accounts that claim the same domain', () => {
    const m = matchItem(email([p('x@shared.io', 'from'), p('sam@brightloop.io', 'to')]), index);
    expect(m).toMatchObject({ status: 'unmatched', reason: 'shared.io is in the domains of more than one account' });
  });

  it('does not log what is internal, cancelled, declined or only from automated senders', () => {
    expect(matchItem(meeting([p('sam@brightloop.io', 'organizer'), p('jo@team.brightloop.io', 'attendee')]), index)).toMatchObject({ status: 'internal', reason: 'only people from your own domains' });
    expect(matchItem(meeting([p('dana@acme.com', 'attendee')], { cancelled: true }), index).status).toBe('cancelled');
    expect(matchItem(meeting([p('dana@acme.com', 'organizer'), p('sam@brightloop.io', 'attendee', { declined: true })]), index)).toMatchObject({
      status: 'declined',
      reason: 'declined by everyone on your side',
    });
    expect(matchItem(meeting([p('sam@brightloop.io', 'organizer'), p('dana@acme.com', 'attendee', { declined: true })]), index)).toMatchObject({
      status: 'declined',
      reason: 'declined by everyone outside your domains',
    });
    expect(matchItem(meeting([p('dana@acme.com', 'organizer'), p('sam@brightloop.io', 'attendee', { declined: true })], { owner: 'sam@brightloop.io' }), index).reason).toBe(
      "declined by sam@brightloop.io (the calendar's owner)",
    );
    expect(matchItem(email([p('noreply@acme.com', 'from'), p('sam@brightloop.io', 'to')]), index).status).toBe('automated');
  });

  it('says nobody else took part when My domains are not set and a meeting has no one', () => {
    const bare = buildBookIndex([], [], []);
    expect(matchItem(meeting([]), bare)).toMatchObject({ status: 'internal', reason: 'nobody else took part' });
  });
});
