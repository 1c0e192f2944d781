// How Today says when an item is due. A renewal shows the renewal's own countdown ("renews in 13
// days"), never its reminder's date (issue 17.4: a renewal 13 days away read "17 days overdue").
import { daysBetween } from '../dates';

export type WhenKind = 'follow_ups' | 'cadence' | 'renewals' | 'flags' | 'triage' | 'forecast' | 'signal';

export interface WhenInput {
  kind: WhenKind;
  /** The reminder's due date (YYYY-MM-DD). */
  due: string;
  /** For renewals and forecasts: the renewal date. */
  renewalDate?: string | null;
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

export function whenText(item: WhenInput, asOf: string): string {
  if ((item.kind === 'renewals' || item.kind === 'forecast') && item.renewalDate) {
    const left = daysBetween(asOf, item.renewalDate);
    if (left === 0) return 'renews today';
    if (left === 1) return 'renews tomorrow';
    return left > 0 ? `renews in ${days(left)}` : `renewal ${days(-left)} ago`;
  }
  const late = daysBetween(item.due, asOf);
  if (item.kind === 'signal') return late <= 0 ? 'new today' : `since ${days(late)}`;
  if (item.kind === 'flags') return late <= 0 ? 'raised today' : `raised ${days(late)} ago`;
  if (item.kind === 'triage') return late <= 0 ? 'target today' : `${days(late)} past target`;
  if (late < 0) return late === -1 ? 'due tomorrow' : `due in ${days(-late)}`;
  return late === 0 ? 'due today' : `${days(late)} overdue`;
}

/** Overdue in the sense a CSM reads it: a follow-up, cadence check-in or triage case past its date. */
export function isOverdue(item: WhenInput, asOf: string): boolean {
  if (item.kind === 'renewals' || item.kind === 'forecast' || item.kind === 'signal' || item.kind === 'flags') return false;
  return daysBetween(item.due, asOf) > 0;
}
