// What Today puts first (issue 17.4): accounts, not reminders, ordered by
//
//   priority = urgency × value × risk
//
// - urgency — how late the most pressing item of the account is: 1 + days late ÷ 7 (one point per
//   week late, counted up to 8 weeks), plus 0.1 for each further item (up to 4). An item due today
//   is 1; a renewal counts the days it is into its 30-day window (renewal in 13 days → 17 days in →
//   3.4); a suggestion (an expansion signal) is 0.5, below anything due.
// - value — √(ARR ÷ $1,000), ARR floored at $1,000: $1k → 1, $6.5k → 2.5, $100k → 10, $272k → 16.5.
//   The square root lets a $272k account outweigh a $6.5k one without burying small accounts on fire.
// - risk — band healthy 1, not enough data 1.25, watch 1.5, at risk 2; +1 when in triage (an
//   emergency or high flag, an at-risk score, or stage triage).
//
// Ties go to the larger ARR, then the name. Pure: the service passes what it read.
import type { AnyBand } from '../domain';

/** Days late are counted up to this (an item two months late is not worth more than eight weeks). */
export const LATE_DAYS_CAP = 56;
/** The urgency of a suggestion (not due, just worth a look). */
export const SUGGESTION_URGENCY = 0.5;
const EXTRA_ITEM = 0.1;
const EXTRA_ITEMS_CAP = 4;
const VALUE_FLOOR_CENTS = 100_000; // $1,000

export const RISK_OF_BAND: Record<AnyBand, number> = { healthy: 1, no_data: 1.25, watch: 1.5, at_risk: 2 };
export const TRIAGE_RISK = 1;

export interface PriorityItem {
  /** Due items count their lateness; suggestions do not. */
  due: boolean;
  /** Days past the day it became due (≥ 0); a renewal's: days into its window. */
  daysLate: number;
}

export interface PriorityGroup {
  arrCents: number;
  band: AnyBand | null;
  inTriage: boolean;
  name: string;
  items: readonly PriorityItem[];
}

export function itemUrgency(item: PriorityItem): number {
  if (!item.due) return SUGGESTION_URGENCY;
  return 1 + Math.min(Math.max(item.daysLate, 0), LATE_DAYS_CAP) / 7;
}

export function groupUrgency(items: readonly PriorityItem[]): number {
  if (items.length === 0) return 0;
  const top = Math.max(...items.map(itemUrgency));
  return top + EXTRA_ITEM * Math.min(items.length - 1, EXTRA_ITEMS_CAP);
}

export function valueFactor(arrCents: number): number {
  return Math.sqrt(Math.max(arrCents, VALUE_FLOOR_CENTS) / VALUE_FLOOR_CENTS);
}

export function riskFactor(band: AnyBand | null, inTriage: boolean): number {
  return (band === null ? RISK_OF_BAND.no_data : RISK_OF_BAND[band]) + (inTriage ? TRIAGE_RISK : 0);
}

export function groupPriority(group: Omit<PriorityGroup, 'name'>): number {
  return groupUrgency(group.items) * valueFactor(group.arrCents) * riskFactor(group.band, group.inTriage);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Most pressing first: priority, then ARR, then name. Returns a new array; each with its priority. */
export function prioritise<G extends PriorityGroup>(groups: readonly G[]): (G & { priority: number })[] {
  return groups
    .map((g) => ({ ...g, priority: groupPriority(g) }))
    .sort((a, b) => b.priority - a.priority || b.arrCents - a.arrCents || collator.compare(a.name, b.name));
}

/** Items inside an account: the most pressing first (due before suggestions, latest first). */
export function compareItems(a: PriorityItem, b: PriorityItem): number {
  return itemUrgency(b) - itemUrgency(a);
}
