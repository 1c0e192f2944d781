// The revenue ledger of one account (SPEC "Portfolio metrics", "Renewals, expansion and churn"):
// MRR on a date = the sum of the revenue events' deltas dated on or before it. An account with no
// events counts one `new` event of its current MRR at its contract start (else its creation date) —
// the implied opening. Pure: the as-of date is passed in.
import { daysInMonth, isIsoDate } from '../dates';
import type { RevenueKind } from '../domain';
import { signedMrrDelta } from '../import/values';

export { signedMrrDelta };

export interface LedgerEvent {
  date: string;
  kind: RevenueKind;
  mrrDeltaCents: number;
}

/** MRR at `asOf`: the sum of the deltas dated on or before it (later events have not happened yet). */
export function mrrAt(events: readonly LedgerEvent[], asOf: string): number {
  let mrr = 0;
  for (const e of events) if (e.date.slice(0, 10) <= asOf) mrr += e.mrrDeltaCents;
  return mrr;
}

/** MRR after each date that has events, oldest first: the steps of the MRR-over-time chart. */
export function mrrSeries(events: readonly LedgerEvent[]): { date: string; mrrCents: number }[] {
  const byDate = new Map<string, number>();
  for (const e of events) {
    const date = e.date.slice(0, 10);
    byDate.set(date, (byDate.get(date) ?? 0) + e.mrrDeltaCents);
  }
  let mrr = 0;
  return [...byDate.keys()].sort().map((date) => ({ date, mrrCents: (mrr += byDate.get(date)!) }));
}

/** The first date on which MRR would be below zero, if any (events of one date count together). */
export function firstNegative(events: readonly LedgerEvent[]): { date: string; mrrCents: number } | null {
  return mrrSeries(events).find((step) => step.mrrCents < 0) ?? null;
}

/** The date of the implied opening `new` event: contract start, else the day the account was created. */
export function impliedOpeningDate(account: { contractStart: string | null; createdAt: string }): string {
  return account.contractStart ?? account.createdAt.slice(0, 10);
}

export type MrrChangeKind = 'expansion' | 'contraction' | 'correction';

/**
 * What changing MRR from `from` to `to` as `as` records: the event kind and its signed delta, or an
 * error sentence when the choice does not fit the numbers (an "expansion" that lowers MRR).
 */
export function mrrChange(from: number, to: number, as: MrrChangeKind): { kind: MrrChangeKind; delta: number } | { error: string } {
  const delta = to - from;
  if (delta === 0) return { error: 'The new MRR is the same as the current MRR: there is nothing to record.' };
  if (as === 'expansion' && delta < 0) return { error: 'The new MRR is lower than the current MRR: that is a contraction, not an expansion.' };
  if (as === 'contraction' && delta > 0) return { error: 'The new MRR is higher than the current MRR: that is an expansion, not a contraction.' };
  if (as === 'contraction' && to === 0) {
    return { error: 'An MRR of 0 means the customer left: move the account to churned instead (with the churn date and reason).' };
  }
  return { kind: as, delta };
}

/** The event a renewal closed at `renewedMrr` writes: `renewal` 0 when flat, else the difference. */
export function renewalEvent(currentMrr: number, renewedMrr: number): { kind: RevenueKind; delta: number } {
  const delta = renewedMrr - currentMrr;
  if (delta === 0) return { kind: 'renewal', delta: 0 };
  return { kind: delta > 0 ? 'expansion' : 'contraction', delta };
}

/** `iso` plus `months` calendar months, the day clamped to the month's length (Jan 31 + 1 = Feb 28). */
export function addMonths(iso: string, months: number): string {
  if (!isIsoDate(iso)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The calendar month (YYYY-MM) `n` months after the month of `iso`. */
export const monthAfter = (iso: string, n: number): string => addMonths(`${iso.slice(0, 7)}-01`, n).slice(0, 7);
