// Relationship hints (issue 15, item 6): once meetings and e-mails are captured, Tend sees how often
// and how recently the CSM actually reaches each person, and suggests the strength the relationship
// map should show — higher for people reached often and recently, lower for "strong" people nobody
// has reached in a long while. Only suggestions: the CSM accepts or dismisses each one. Pure, with
// the as-of date passed in.
import { daysBetween } from '../dates';
import { STRENGTH_LABELS } from '../domain';

export const HINT_RULES = {
  /** The window the touches are counted in. */
  windowDays: 90,
  /** Reached at least this often in the window, the latest at most `recentDays` ago: one step up. */
  oftenTouches: 6,
  recentDays: 14,
  /** Up to "very strong" only when reached this often. */
  veryOftenTouches: 12,
  /** A strong (≥ 3) relationship with no touch in the window: one step down. */
  strongFrom: 3,
} as const;

export interface HintContact {
  id: number;
  name: string;
  strength: number;
  leftOn: string | null;
}

export interface StrengthHint {
  contactId: number;
  name: string;
  from: number;
  to: number;
  direction: 'up' | 'down';
  /** "9 touches in the last 90 days, the latest 2 days ago". */
  reason: string;
  touches: number;
  lastTouch: string | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 'es'}`;

/**
 * Suggestions for one account's contacts. `touchDates` holds, per contact, the dates (YYYY-MM-DD…)
 * of the customer-contact touches they took part in (not the CSM's notes).
 */
export function strengthHints(contacts: readonly HintContact[], touchDates: ReadonlyMap<number, readonly string[]>, asOf: string): StrengthHint[] {
  const rules = HINT_RULES;
  const hints: StrengthHint[] = [];
  for (const contact of contacts) {
    if (contact.leftOn && contact.leftOn <= asOf) continue;
    const dates = (touchDates.get(contact.id) ?? []).map((d) => d.slice(0, 10)).filter((d) => d <= asOf);
    const inWindow = dates.filter((d) => daysBetween(d, asOf) <= rules.windowDays);
    const last = dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
    const sinceLast = last ? daysBetween(last, asOf) : Infinity;
    let to = contact.strength;
    if (inWindow.length >= rules.oftenTouches && sinceLast <= rules.recentDays) {
      const ceiling = inWindow.length >= rules.veryOftenTouches ? 4 : 3;
      if (contact.strength < ceiling) to = contact.strength + 1;
    } else if (contact.strength >= rules.strongFrom && inWindow.length === 0) {
      to = contact.strength - 1;
    }
    if (to === contact.strength) continue;
    const reason =
      to > contact.strength
        ? `${plural(inWindow.length, 'touch')} in the last ${rules.windowDays} days, the latest ${sinceLast === 0 ? 'today' : `${sinceLast} day${sinceLast === 1 ? '' : 's'} ago`}`
        : last
          ? `no touch in the last ${rules.windowDays} days (the latest on ${last})`
          : 'never reached in a captured or logged touch';
    hints.push({
      contactId: contact.id,
      name: contact.name,
      from: contact.strength,
      to,
      direction: to > contact.strength ? 'up' : 'down',
      reason,
      touches: inWindow.length,
      lastTouch: last,
    });
  }
  return hints.sort((a, b) => (a.direction === b.direction ? b.touches - a.touches : a.direction === 'up' ? -1 : 1));
}

/** "weak → strong". */
export const describeStrengthChange = (hint: Pick<StrengthHint, 'from' | 'to'>): string => `${STRENGTH_LABELS[hint.from]} → ${STRENGTH_LABELS[hint.to]}`;
