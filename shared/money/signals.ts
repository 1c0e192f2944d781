// Expansion signals (SPEC "Renewals, expansion and churn"; seed 002 law 9: expansion comes from
// customers who are getting value). Each suggests an opportunity the CSM may create; none is ever
// created silently. Pure: the as-of date and the thresholds are passed in.
// - seat_overage: the latest active_users is above the licensed seats ("41 active users on 30 seats");
// - high_adoption: adoption at or above 90 % for at least 60 days;
// - promoter: an NPS of 9 or 10 in the last 90 days.
import { addDays } from '../dates';
import type { OpportunitySource, OpportunityStage } from '../domain';
import type { Settings } from '../settings';

export type SignalSource = Exclude<OpportunitySource, 'manual'>;
export type SignalSettings = Settings['expansionSignals'];

export interface DatedValue {
  date: string;
  value: number;
}

export interface SignalFacts {
  accountId: number;
  name: string;
  seats: number | null;
  /** MRR at as-of, to estimate what more seats are worth. */
  mrrCents: number;
  /** Oldest first. */
  activeUsers: DatedValue[];
  adoption: DatedValue[];
  nps: { date: string; score: number; contactName: string | null }[];
}

export interface ExpansionSignal {
  accountId: number;
  name: string;
  source: SignalSource;
  /** When the evidence began (the run of samples, or the response): a dismissal holds until new evidence. */
  since: string;
  reason: string;
  /** A title and ARR value the CSM can accept or change. */
  title: string;
  arrCents: number | null;
}

const upTo = (values: DatedValue[], asOf: string) => values.filter((v) => v.date <= asOf && Number.isFinite(v.value));

/** The earliest date of the newest run of samples that all pass `test` (null when the latest fails). */
function runStart(values: DatedValue[], test: (v: number) => boolean): string | null {
  let start: string | null = null;
  for (let i = values.length - 1; i >= 0 && test(values[i].value); i--) start = values[i].date;
  return start;
}

/** Adoption samples, else adoption derived from active users and seats (as the score does). */
function adoptionSeries(f: SignalFacts, asOf: string): DatedValue[] {
  const adoption = upTo(f.adoption, asOf);
  if (adoption.length || !f.seats) return adoption;
  return upTo(f.activeUsers, asOf).map((v) => ({ date: v.date, value: Math.min(100, (100 * v.value) / f.seats!) }));
}

const pct = (x: number) => `${Math.round(x)}%`;

export function expansionSignals(f: SignalFacts, asOf: string, settings: SignalSettings): ExpansionSignal[] {
  const found: ExpansionSignal[] = [];
  const base = { accountId: f.accountId, name: f.name };

  const users = upTo(f.activeUsers, asOf);
  const latestUsers = users[users.length - 1];
  if (f.seats && f.seats > 0 && latestUsers && latestUsers.value > f.seats) {
    const seats = f.seats;
    const extra = Math.ceil(latestUsers.value - seats);
    const perSeat = f.mrrCents / seats;
    found.push({
      ...base,
      source: 'seat_overage',
      since: runStart(users, (v) => v > seats)!,
      reason: `${Math.round(latestUsers.value)} active users on ${seats} seats`,
      title: `${extra} more seat${extra === 1 ? '' : 's'} (${Math.round(latestUsers.value)} active users on ${seats})`,
      arrCents: perSeat > 0 ? Math.round(extra * perSeat) * 12 : null,
    });
  }

  const adoption = adoptionSeries(f, asOf);
  const start = runStart(adoption, (v) => v >= settings.minAdoption);
  if (start !== null && start <= addDays(asOf, -settings.adoptionDays)) {
    const latest = adoption[adoption.length - 1];
    found.push({
      ...base,
      source: 'high_adoption',
      since: start,
      reason: `Adoption at or above ${pct(settings.minAdoption)} since ${start} (${pct(latest.value)} on ${latest.date})`,
      title: 'Expansion: adoption has been high for months',
      arrCents: null,
    });
  }

  const from = addDays(asOf, -settings.promoterDays);
  const promoter = f.nps.filter((r) => r.date >= from && r.date <= asOf && r.score >= 9).sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  if (promoter) {
    found.push({
      ...base,
      source: 'promoter',
      since: promoter.date,
      reason: `NPS ${promoter.score}${promoter.contactName ? ` from ${promoter.contactName}` : ''} on ${promoter.date}`,
      title: `Expansion: ${promoter.contactName ?? 'a promoter'} gave an NPS of ${promoter.score}`,
      arrCents: null,
    });
  }
  return found;
}

/** The key a dismissal is stored under: new evidence (a later `since`) suggests again. */
export const signalKey = (s: Pick<ExpansionSignal, 'accountId' | 'source' | 'since'>): string => `${s.accountId}:${s.source}:${s.since}`;

const OPEN_STAGES: readonly OpportunityStage[] = ['identified', 'qualified', 'proposed'];

/**
 * Leaves out a signal the CSM already acted on: an open opportunity from the same signal, one closed
 * on or after the evidence began, or a dismissal of this evidence.
 */
export function stillToSuggest(
  signal: ExpansionSignal,
  opportunities: { source: OpportunitySource; stage: OpportunityStage; closedOn: string | null; createdOn: string }[],
  dismissed: ReadonlySet<string>,
): boolean {
  if (dismissed.has(signalKey(signal))) return false;
  return !opportunities.some(
    (o) => o.source === signal.source && (OPEN_STAGES.includes(o.stage) || (o.closedOn ?? o.createdOn) >= signal.since),
  );
}
