// Pure capture helpers: a title from a signature, relationship hints, suggested account domains.
import { describe, expect, it } from 'vitest';
import { suggestDomains } from '../../../shared/capture/domains';
import { describeStrengthChange, strengthHints } from '../../../shared/capture/hints';
import { titleFromSignature } from '../../../shared/capture/signature';

describe('titles from signatures', () => {
  it('takes the line under the sender\'s name, without the company', () => {
    expect(titleFromSignature('Hi,\n\nThanks,\nLee Chen\nHead of IT | Acme\n+1 312 555 0199\n', 'Lee Chen', ['Acme Logistics', 'acme'])).toBe('Head of IT');
    expect(titleFromSignature('Best\n\nDana Ruiz\nVP Operations, Acme Logistics\n', 'Dana Ruiz', ['Acme Logistics'])).toBe('VP Operations');
    expect(titleFromSignature('--\nDana Ruiz | Director of Customer Success\n', 'Dana Ruiz')).toBe('Director of Customer Success');
  });

  it('stops at the quoted reply and gives up on lines that are no title', () => {
    const reply = 'Sounds good.\n\nOn Mon, 9 Nov 2026 at 10:00, Lee Chen <lee@acme.com> wrote:\n> Lee Chen\n> Head of IT\n';
    expect(titleFromSignature(reply, 'Lee Chen')).toBeNull();
    expect(titleFromSignature('Cheers\nLee Chen\n+1 (312) 555-0199\n', 'Lee Chen')).toBeNull();
    expect(titleFromSignature('Cheers\nLee Chen\nlee.chen@acme.com\n', 'Lee Chen')).toBeNull();
    expect(titleFromSignature('No signature at all', 'Lee Chen')).toBeNull();
  });
});

describe('relationship hints', () => {
  const asOf = '2026-11-24';
  const dates = (...days: string[]) => days.map((d) => `2026-${d}`);

  it('suggests one step up for someone reached often and recently, up to very strong only when very often', () => {
    const often = dates('09-01', '09-20', '10-05', '10-20', '11-03', '11-20');
    const veryOften = [...often, ...dates('09-02', '09-21', '10-06', '10-21', '11-04', '11-21')];
    const hints = strengthHints(
      [
        { id: 1, name: 'Weak', strength: 1, leftOn: null },
        { id: 2, name: 'Strong', strength: 3, leftOn: null },
        { id: 3, name: 'Strong, very often', strength: 3, leftOn: null },
      ],
      new Map([[1, often], [2, often], [3, veryOften]]),
      asOf,
    );
    expect(hints.map((h) => [h.name, h.from, h.to, h.reason])).toEqual([
      ['Strong, very often', 3, 4, '12 touches in the last 90 days, the latest 3 days ago'],
      ['Weak', 1, 2, '6 touches in the last 90 days, the latest 4 days ago'],
    ]);
    expect(describeStrengthChange(hints[1])).toBe('weak → medium');
  });

  it('suggests a step down for a strong contact not reached in 90 days, and nothing for people who left or future touches', () => {
    const hints = strengthHints(
      [
        { id: 1, name: 'Silent sponsor', strength: 4, leftOn: null },
        { id: 2, name: 'Left', strength: 4, leftOn: '2026-10-01' },
        { id: 3, name: 'Only later', strength: 1, leftOn: null },
      ],
      new Map([[1, dates('05-02')], [3, dates('11-25', '11-26', '11-27', '11-28', '11-29', '11-30')]]),
      asOf,
    );
    expect(hints.map((h) => [h.name, h.direction, h.to, h.reason])).toEqual([['Silent sponsor', 'down', 3, 'no touch in the last 90 days (the latest on 2026-05-02)']]);
  });
});

describe('suggested domains', () => {
  it('offers the website\'s domain, then contacts\' domains by count, never public, own or current ones', () => {
    expect(
      suggestDomains({
        website: 'https://www.acme.com',
        contactEmails: ['a@acme-logistics.com', 'b@acme-logistics.com', 'c@acme.com', 'd@gmail.com', 'e@brightloop.io', null, 'f@acme.de'],
        current: ['acme.de'],
        myDomains: ['brightloop.io'],
      }),
    ).toEqual([
      { domain: 'acme.com', reason: 'website' },
      { domain: 'acme-logistics.com', reason: '2 contacts' },
    ]);
  });
});
