// Triage cases (SPEC "Triage cases", seed 000: "Triage turns around negative situations and avoids
// churn risk"): the numbers a review reports for a period, and when the app suggests closing a case
// as recovered. Pure: cases and day-by-day triage readings in, numbers out; dates are YYYY-MM-DD.
import { daysBetween, fromDayNumber, toDayNumber } from '../dates';
import type { TriageOutcome } from '../domain';

export interface TriageCaseFacts {
  openedOn: string;
  closedOn: string | null;
  outcome: TriageOutcome | null;
}

export interface TriageCaseStats {
  /** Cases opened in the period. */
  opened: number;
  /** Cases open at the end of the period (opened by then, not closed by then). */
  open: number;
  /** Cases closed in the period, by outcome. */
  recovered: number;
  churned: number;
  closed: number;
  /** recovered ÷ every case closed in the period (SPEC: recovered ÷ closed); null when none closed. */
  saveRate: number | null;
  /** Median of closed − opened (days) over the cases recovered in the period; null when none. */
  medianDaysToRecover: number | null;
}

/** The middle value (the mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** What the cases say about the period [from, to] (inclusive). */
export function triageCaseStats(cases: readonly TriageCaseFacts[], from: string, to: string): TriageCaseStats {
  const stats: TriageCaseStats = { opened: 0, open: 0, recovered: 0, churned: 0, closed: 0, saveRate: null, medianDaysToRecover: null };
  const days: number[] = [];
  for (const c of cases) {
    if (c.openedOn >= from && c.openedOn <= to) stats.opened++;
    if (c.openedOn <= to && (c.closedOn === null || c.closedOn > to)) stats.open++;
    if (c.closedOn === null || c.closedOn < from || c.closedOn > to) continue;
    const outcome = c.outcome ?? 'closed';
    stats[outcome]++;
    if (outcome === 'recovered') days.push(Math.max(0, daysBetween(c.openedOn, c.closedOn)));
  }
  const closedInPeriod = stats.recovered + stats.churned + stats.closed;
  stats.saveRate = closedInPeriod > 0 ? stats.recovered / closedInPeriod : null;
  stats.medianDaysToRecover = median(days);
  return stats;
}

export interface RecoveryReading {
  /**
   * The first day of the current stretch out of triage (YYYY-MM-DD), never before the case opened
   * nor more than `lookBackDays` before asOf; null while in triage.
   */
  outSince: string | null;
  /** Whole days out of triage (asOf − outSince); 0 while in triage. */
  daysOut: number;
  /** Whether the app suggests closing the case as recovered (daysOut ≥ the setting). */
  suggest: boolean;
}

/**
 * How long the account of an open case has been out of triage at asOf: reads `inTriageOn` (the
 * account's triage by its signals on a date) back from asOf to the day the case opened (at most
 * `lookBackDays`), and stops at the last day it was in triage. Days before the case opened do not
 * count, so a case opened on an account already out of triage waits the full `afterDays` too.
 */
export function recoveryReading(
  openedOn: string,
  asOf: string,
  afterDays: number,
  inTriageOn: (date: string) => boolean,
  lookBackDays = 366,
): RecoveryReading {
  const asOfDay = toDayNumber(asOf);
  const openedDay = toDayNumber(openedOn);
  let day = asOfDay;
  const earliest = Math.max(openedDay, asOfDay - Math.max(lookBackDays, afterDays));
  while (day >= earliest && !inTriageOn(fromDayNumber(day))) day--;
  if (day === asOfDay) return { outSince: null, daysOut: 0, suggest: false };
  const outSinceDay = day + 1;
  const daysOut = asOfDay - outSinceDay;
  return { outSince: fromDayNumber(outSinceDay), daysOut, suggest: daysOut >= afterDays };
}
