// Pure capture helpers: how addresses and domains compare, and how a meeting's or message's time
// becomes the touch's date in the user's time zone.
import { describe, expect, it } from 'vitest';
import { displayName, domainAndParents, inDomains, isAutomatedAddress, isPublicDomain, normalizeDomain, normalizeEmail } from '../../../shared/capture/addresses';
import { instantOf, occurredAtOf, resolveZone } from '../../../shared/capture/time';

describe('addresses', () => {
  it('compares e-mail case-insensitively with the +tag left out', () => {
    expect(normalizeEmail('Dana.Ruiz+crm@Acme.COM')).toBe('dana.ruiz@acme.com');
    expect(normalizeEmail(' mailto:<lee@acme.com> ')).toBe('lee@acme.com');
    expect(normalizeEmail('MAILTO:Sam@BrightLoop.io')).toBe('sam@brightloop.io');
    expect(normalizeEmail('not an address')).toBeNull();
    expect(normalizeEmail('')).toBeNull();
  });

  it('knows public mail domains, subdomains and automated senders', () => {
    expect(isPublicDomain('gmail.com')).toBe(true);
    expect(isPublicDomain('acme.com')).toBe(false);
    expect(domainAndParents('eu.mail.acme.com')).toEqual(['eu.mail.acme.com', 'mail.acme.com', 'acme.com']);
    expect(inDomains('eu.acme.com', new Set(['acme.com']))).toBe(true);
    expect(inDomains('notacme.com', new Set(['acme.com']))).toBe(false);
    expect(isAutomatedAddress('noreply@acme.com')).toBe(true);
    expect(isAutomatedAddress('no-reply+bounces@acme.com')).toBe(true);
    expect(isAutomatedAddress('noreen@acme.com')).toBe(false);
  });

  it('reads domains as people type them and websites hold them', () => {
    expect(normalizeDomain('https://www.Acme.com/about?x=1')).toBe('acme.com');
    expect(normalizeDomain('@globex.co.uk')).toBe('globex.co.uk');
    expect(normalizeDomain('www2.initech.com')).toBe('initech.com');
    expect(normalizeDomain('localhost')).toBeNull();
    expect(normalizeDomain('not a domain')).toBeNull();
  });

  it('tidies display names and makes one from an address when there is none', () => {
    expect(displayName('"Ruiz, Dana"', 'dana@acme.com')).toBe('Dana Ruiz');
    expect(displayName('Acme, Inc', 'info@acme.com')).toBe('Acme, Inc');
    expect(displayName(null, 'lee.chen@acme.com')).toBe('Lee Chen');
    expect(displayName('sam.lee@brightloop.io', 'sam.lee@brightloop.io')).toBe('Sam Lee');
  });
});

describe('time zones', () => {
  const wall = (y: number, mo: number, d: number, h: number, mi = 0) => ({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0 });

  it('dates an instant in the user\'s zone, so late calls fall on the next day east of them', () => {
    const ms = Date.UTC(2026, 10, 24, 23, 30);
    expect(occurredAtOf({ kind: 'instant', ms }, 'America/New_York')).toBe('2026-11-24T18:30');
    expect(occurredAtOf({ kind: 'instant', ms }, 'Europe/Berlin')).toBe('2026-11-25T00:30');
    expect(occurredAtOf({ kind: 'instant', ms }, 'Asia/Kolkata')).toBe('2026-11-25T05:00');
  });

  it('resolves IANA and Windows zone names, and leaves unknown ones to the user\'s zone', () => {
    expect(resolveZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(resolveZone('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(resolveZone('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(resolveZone('Nowhere Standard Time')).toBeNull();
    expect(occurredAtOf({ kind: 'zoned', wall: wall(2026, 11, 10, 16), zone: 'Pacific Standard Time' }, 'America/New_York')).toBe('2026-11-10T19:00');
    expect(occurredAtOf({ kind: 'zoned', wall: wall(2026, 11, 10, 16), zone: 'Nowhere Standard Time' }, 'America/New_York')).toBe('2026-11-10T16:00');
  });

  it('keeps floating times and dates as written', () => {
    expect(occurredAtOf({ kind: 'floating', wall: wall(2026, 3, 29, 2, 30) }, 'Europe/Berlin')).toBe('2026-03-29T02:30');
    expect(occurredAtOf({ kind: 'date', date: '2026-11-19' }, 'Pacific/Auckland')).toBe('2026-11-19');
  });

  it('reads wall times across DST changes: the gap with the earlier offset, the overlap as the first', () => {
    // Berlin springs forward at 02:00 on 2026-03-29: 02:30 does not exist; read with +01:00.
    expect(new Date(instantOf(wall(2026, 3, 29, 2, 30), 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // It falls back at 03:00 on 2026-10-25: 02:30 happens twice; the first is +02:00.
    expect(new Date(instantOf(wall(2026, 10, 25, 2, 30), 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(instantOf(wall(2026, 7, 1, 9), 'Europe/Berlin')).toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });
});
