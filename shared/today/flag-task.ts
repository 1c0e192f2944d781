// "Make a task" from a flag (issue 17.3): a task the CSM can act on, prefilled and editable — a
// next step in their words, not a copy of the flag's sentence — due sooner the more severe the flag.
import { addDays } from '../dates';
import type { FlagRule, Severity } from '../domain';

const NEXT_STEP: Record<FlagRule, (account: string) => string> = {
  renewal_exec_silence: (a) => `Reach an executive at ${a} before the renewal`,
  single_threaded: (a) => `Build a second strong relationship at ${a}`,
  champion_gap: (a) => `Find a champion among the users at ${a}`,
  adoption_drop_user_silence: (a) => `Talk to the users at ${a} about their drop in usage`,
  detractor: (a) => `Call the detractor at ${a} and close the loop`,
  overdue_invoice: (a) => `Sort out the overdue invoice with ${a}`,
  cadence_overdue: (a) => `Check in with ${a}`,
  sponsor_lost: (a) => `Find a new executive sponsor at ${a}`,
  stalled_onboarding: (a) => `Unblock onboarding at ${a}`,
};

/** Days until a task made from a flag is due, by the flag's severity. */
export const TASK_DAYS: Record<Severity, number> = { emergency: 1, high: 2, medium: 5, low: 7 };

export function taskFromFlag(flag: { rule: FlagRule; severity: Severity }, accountName: string, asOf: string): { title: string; due: string } {
  return { title: NEXT_STEP[flag.rule](accountName), due: addDays(asOf, TASK_DAYS[flag.severity]) };
}
