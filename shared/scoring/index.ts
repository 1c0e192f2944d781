// The pure scoring layer: health, flags, relationship metrics and triage for one account at an
// as-of date, and portfolio metrics for a month. No database, no clock: every threshold comes from
// the settings argument and "today" from asOf.
import { toDayNumber } from '../dates';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { evaluateFlags } from './flags';
import { computeHealth, readSamples } from './health';
import { readPeople } from './relationships';
import type { AccountFacts, AccountScore, AccountSignals, FlagResult, HealthResult, RelationshipMetrics } from './types';

export * from './types';
export { bandOf, computeHealth, engagementScore, readSamples, roundHalfUp } from './health';
export { earlierAdoption, evaluateFlags, severityOf } from './flags';
export { readPeople, relationshipScore } from './relationships';
export { portfolioMetrics } from './metrics';

function asOfDayOf(asOf: string): number {
  const day = toDayNumber(asOf);
  if (Number.isNaN(day)) throw new RangeError(`as-of is not a date (YYYY-MM-DD): ${JSON.stringify(asOf)}`);
  return day;
}

/** Everything the score and the flags read from the facts at asOf, each array scanned once. */
export function readSignals(facts: AccountFacts, asOf: string, settings: Settings = DEFAULT_SETTINGS): AccountSignals {
  const asOfDay = asOfDayOf(asOf);
  const people = readPeople(facts, asOfDay, settings);
  const samples = readSamples(facts, asOfDay);
  return {
    asOfDay,
    relationships: people.relationships,
    lastTouchDate: people.lastTouchDate,
    sentiment: people.sentiment,
    lastExecLeftDay: people.lastExecLeftDay,
    adoption: samples.adoption,
    openTickets: samples.openTickets,
    overdueInvoices: samples.overdueInvoices,
    nps: samples.nps,
    csat: samples.csat,
  };
}

export function relationshipMetrics(facts: AccountFacts, asOf: string, settings: Settings = DEFAULT_SETTINGS): RelationshipMetrics {
  return readPeople(facts, asOfDayOf(asOf), settings).relationships;
}

/**
 * In triage (seed 000): not churned, and an emergency or high flag, or band at_risk, or already in
 * stage triage.
 */
export function isInTriage(
  account: Pick<AccountFacts, 'stage' | 'archived'>,
  health: HealthResult,
  flags: FlagResult[],
): boolean {
  // Churned and archived accounts are out of the book: nothing to triage.
  if (account.stage === 'churned' || account.archived) return false;
  if (account.stage === 'triage' || health.band === 'at_risk') return true;
  return flags.some((f) => f.severity === 'emergency' || f.severity === 'high');
}

/** Health, flags, relationship metrics and triage of one account at asOf (YYYY-MM-DD). */
export function scoreAccount(facts: AccountFacts, asOf: string, settings: Settings = DEFAULT_SETTINGS): AccountScore {
  const signals = readSignals(facts, asOf, settings);
  const health = computeHealth(signals, facts, settings);
  const flags = evaluateFlags(facts, signals, settings);
  return { health, flags, relationships: signals.relationships, inTriage: isInTriage(facts, health, flags) };
}
