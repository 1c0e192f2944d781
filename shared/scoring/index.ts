// The pure scoring layer: health, flags, relationship metrics and triage for one account at an
// as-of date, and portfolio metrics for a month. No database, no clock: every threshold comes from
// the settings argument and "today" from asOf.
import { toDayNumber } from '../dates';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { evaluateFlagsOf } from './flags';
import { computeHealth, readSamplesOf } from './health';
import { packFacts, type PackedBook } from './packed';
import { readPeopleOf } from './relationships';
import type { AccountFacts, AccountScore, AccountSignals, FlagResult, HealthResult, RelationshipMetrics } from './types';

export * from './types';
export { bandOf, computeHealth, engagementScore, noDataHealth, readSamples, roundHalfUp } from './health';
export { earlierAdoption, evaluateFlags, severityOf } from './flags';
export { readPeople, relationshipScore } from './relationships';
export { portfolioMetrics } from './metrics';
export { PackedBookBuilder, isContactTouch, packFacts, type AccountInfo, type PackedBook } from './packed';

function asOfDayOf(asOf: string): number {
  const day = toDayNumber(asOf);
  if (Number.isNaN(day)) throw new RangeError(`as-of is not a date (YYYY-MM-DD): ${JSON.stringify(asOf)}`);
  return day;
}

/** Everything the score and the flags read from the facts at asOf, each array scanned once. */
export function readSignals(facts: AccountFacts, asOf: string, settings: Settings = DEFAULT_SETTINGS): AccountSignals {
  return readSignalsOf(packFacts([facts]), 0, asOf, settings);
}

function readSignalsOf(book: PackedBook, a: number, asOf: string, settings: Settings): AccountSignals {
  const asOfDay = asOfDayOf(asOf);
  const people = readPeopleOf(book, a, asOfDay, settings);
  const samples = readSamplesOf(book, a, asOfDay);
  return {
    asOfDay,
    relationships: people.relationships,
    lastTouchDate: people.lastTouchDate,
    hasPeopleData: people.hasPeopleData,
    sentiment: people.sentiment,
    lastExecLeftDay: people.lastExecLeftDay,
    adoption: samples.adoption,
    openTickets: samples.openTickets,
    overdueInvoices: samples.overdueInvoices,
    nps: samples.nps,
    csat: samples.csat,
    hasSampleData: samples.hasSampleData,
    hasData: people.hasPeopleData || samples.hasSampleData,
  };
}

export function relationshipMetrics(facts: AccountFacts, asOf: string, settings: Settings = DEFAULT_SETTINGS): RelationshipMetrics {
  return readPeopleOf(packFacts([facts]), 0, asOfDayOf(asOf), settings).relationships;
}

/**
 * What puts an account in triage by its signals (SPEC "Flags"): an emergency or high flag, or band
 * at_risk. An account without data (no_data) is not in triage on its score; its flags still count.
 */
export function triageSignals(health: Pick<HealthResult, 'band'>, flags: FlagResult[]): boolean {
  return health.band === 'at_risk' || flags.some((f) => f.severity === 'emergency' || f.severity === 'high');
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
  return account.stage === 'triage' || triageSignals(health, flags);
}

/** Health, flags, relationship metrics and triage of one account at asOf (YYYY-MM-DD). */
export function scoreAccount(facts: AccountFacts, asOf: string, settings: Settings = DEFAULT_SETTINGS): AccountScore {
  return scoreAccountOf(packFacts([facts]), 0, asOf, settings);
}

/** scoreAccount of account `a` (an index into book.accounts) of a packed book: what the services use. */
export function scoreAccountOf(book: PackedBook, a: number, asOf: string, settings: Settings = DEFAULT_SETTINGS): AccountScore {
  const facts = book.accounts[a];
  const signals = readSignalsOf(book, a, asOf, settings);
  const health = computeHealth(signals, facts, settings);
  const flags = evaluateFlagsOf(book, a, signals, settings);
  return { health, flags, relationships: signals.relationships, inTriage: isInTriage(facts, health, flags) };
}
export { median, recoveryReading, triageCaseStats, type RecoveryReading, type TriageCaseFacts, type TriageCaseStats } from './triage';
