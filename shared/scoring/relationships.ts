// Contacts and touches (seed 001, "Relationship metrics"): strong users, strong executives, days
// since the last user / executive / any contact, and the CSM pulse of the latest touches. One pass
// over contacts, one over touches (packed: dates are day numbers already).
//
// SPEC "Customer contact" (revised 2026-12; seed 001 measures days since the team *engaged with*
// the customer): a `note` is the CSM's own note. Its pulse counts for sentiment, but it is not
// contact — it never moves the last touch, the last user contact or the last executive contact.
import type { Settings } from '../settings';
import { EXEC, USER, dateOfDay, packFacts, type PackedBook } from './packed';
import type { AccountFacts, PeopleSignals, RelationshipMetrics } from './types';

// Scratch buffers for the "last N pulses" window, reused across calls (the scoring is synchronous).
let recentDays = new Float64Array(8);
let recentPulses = new Float64Array(8);

/**
 * Keeps the n most recent pulses in recentDays/recentPulses (ascending by date, `size` of them) and
 * returns the new size. The newcomer comes later in input order than everything kept, so on equal
 * dates it counts as more recent: ties are broken stably, as a stable sort by date would.
 */
function keepRecentPulse(size: number, n: number, day: number, pulse: number): number {
  if (size === n) {
    if (day < recentDays[0]) return size; // older than every pulse kept
    for (let j = 1; j < size; j++) {
      recentDays[j - 1] = recentDays[j];
      recentPulses[j - 1] = recentPulses[j];
    }
    size--;
  }
  let p = size;
  while (p > 0 && recentDays[p - 1] > day) {
    recentDays[p] = recentDays[p - 1];
    recentPulses[p] = recentPulses[p - 1];
    p--;
  }
  recentDays[p] = day;
  recentPulses[p] = pulse;
  return size + 1;
}

// Contact id → EXEC | USER of the account being read, counting contacts only; reused across calls.
const roles = new Map<number, number>();

/**
 * Reads contacts and touches at the as-of day. A contact who left on or before as-of does not count
 * (one who leaves later still does); touches dated after as-of have not happened yet. A touch
 * "involves an executive" when one of its contactIds is an executive who still counts.
 */
export function readPeople(facts: AccountFacts, asOfDay: number, settings: Settings): PeopleSignals {
  return readPeopleOf(packFacts([facts]), 0, asOfDay, settings);
}

/** readPeople of account `a` of a packed book. */
export function readPeopleOf(book: PackedBook, a: number, asOfDay: number, settings: Settings): PeopleSignals {
  const strong = settings.relationships.strongStrength;
  let strongUsers = 0;
  let strongExecs = 0;
  let lastExecLeftDay = -Infinity;
  roles.clear();

  const { contactRole, contactLeftDay, contactStrength, contactId } = book;
  for (let c = book.contactStart[a], end = book.contactStart[a + 1]; c < end; c++) {
    const bits = contactRole[c];
    const exec = (bits & EXEC) !== 0;
    const leftDay = contactLeftDay[c]; // NaN: never left (or not a date), so still counts
    if (leftDay <= asOfDay) {
      if (exec && leftDay > lastExecLeftDay) lastExecLeftDay = leftDay;
      continue;
    }
    if (bits === 0) continue;
    roles.set(contactId[c], (roles.get(contactId[c]) ?? 0) | bits);
    if (contactStrength[c] >= strong) {
      if (exec) strongExecs++;
      if (bits & USER) strongUsers++;
    }
  }

  const n = settings.sentiment.lastTouches;
  if (recentDays.length < n) {
    recentDays = new Float64Array(n);
    recentPulses = new Float64Array(n);
  }
  let pulses = 0;
  let lastPulseDay = -Infinity;
  let lastTouchDay = -Infinity;
  let lastExecDay = -Infinity;
  let lastUserDay = -Infinity;

  const { touchDay, touchPulse, touchContact, linkStart, linkContact } = book;
  const anyRoles = roles.size > 0;
  let anyTouch = false;
  for (let t = book.touchStart[a], end = book.touchStart[a + 1]; t < end; t++) {
    const day = touchDay[t];
    if (!(day <= asOfDay)) continue; // after as-of, or not a date
    anyTouch = true;
    const pulse = touchPulse[t];
    if (Number.isFinite(pulse)) {
      pulses = keepRecentPulse(pulses, n, day, pulse);
      if (day > lastPulseDay) lastPulseDay = day;
    }
    if (touchContact[t] === 0) continue; // a note: sentiment only
    if (day > lastTouchDay) lastTouchDay = day;
    if (anyRoles && (day > lastExecDay || day > lastUserDay)) {
      for (let l = linkStart[t], linksEnd = linkStart[t + 1]; l < linksEnd; l++) {
        const bits = roles.get(linkContact[l]);
        if (bits === undefined) continue;
        if (bits & EXEC && day > lastExecDay) lastExecDay = day;
        if (bits & USER && day > lastUserDay) lastUserDay = day;
      }
    }
  }

  let sum = 0;
  for (let j = 0; j < pulses; j++) sum += recentPulses[j];

  return {
    relationships: {
      strongUsers,
      strongExecs,
      requiredExecs: settings.requiredExecs[book.accounts[a].segment],
      // asOf − (−Infinity) = Infinity: "none ever" is infinitely long ago.
      daysSinceUserContact: asOfDay - lastUserDay,
      daysSinceExecContact: asOfDay - lastExecDay,
      daysSinceLastTouch: asOfDay - lastTouchDay,
    },
    // A day read from a date is that date again: the strings are rebuilt only for what is shown.
    lastTouchDate: lastTouchDay === -Infinity ? null : dateOfDay(lastTouchDay),
    hasPeopleData: anyTouch || book.contactStart[a + 1] > book.contactStart[a],
    sentiment: pulses === 0 ? null : { mean: sum / pulses, count: pulses, date: dateOfDay(lastPulseDay) },
    lastExecLeftDay: lastExecLeftDay === -Infinity ? null : lastExecLeftDay,
  };
}

/** "1 of 2 strong executives" — or "3 strong executives (2 needed)" when over target. */
export function countOf(have: number, want: number, noun: string): string {
  return have > want ? `${have} ${noun} (${want} needed)` : `${have} of ${want} ${noun}`;
}

/**
 * The relationships component: execPoints × min(1, strongExecs / required) + userPoints ×
 * min(1, strongUsers / target), scaled to 0–100 (60/40 by default, SPEC table). A requirement
 * of 0 is met by anyone.
 */
export function relationshipScore(m: RelationshipMetrics, settings: Settings): { score: number; detail: string } {
  const { execPoints, userPoints, strongUsersTarget } = settings.relationships;
  const execShare = m.requiredExecs > 0 ? Math.min(1, m.strongExecs / m.requiredExecs) : 1;
  const userShare = strongUsersTarget > 0 ? Math.min(1, m.strongUsers / strongUsersTarget) : 1;
  const points = execPoints + userPoints;
  const score = points > 0 ? (100 * (execPoints * execShare + userPoints * userShare)) / points : 0;
  const detail = `${countOf(m.strongExecs, m.requiredExecs, 'strong executives')}, ${countOf(
    m.strongUsers,
    strongUsersTarget,
    'strong users',
  )}`;
  return { score, detail };
}
