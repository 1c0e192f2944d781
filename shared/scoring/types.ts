// Inputs and outputs of the pure scoring layer. The DB loader produces AccountFacts; the scoring
// never reads the database or the clock.
import type { AnyBand, ComponentName, ContactLevel, FlagRule, RevenueKind, Segment, Severity, Stage, SurveyKind, TouchType } from '../domain';

// ---- inputs (arrays in any order) ----

export interface ContactFacts {
  id: number;
  level: ContactLevel;
  isUser: boolean;
  /** 0–4: none, weak, medium, strong, very strong. */
  strength: number;
  leftOn: string | null;
}

export interface TouchFacts {
  /** YYYY-MM-DD */
  date: string;
  /**
   * SPEC "Customer contact": a `note` is the CSM's own note — it counts for sentiment, never for
   * engagement, cadence, the last user/executive contact or a flag window. Every other type is contact.
   */
  type: TouchType;
  /** CSM pulse −2…2, or null when not recorded. */
  sentiment: number | null;
  contactIds: number[];
}

export interface SampleFacts {
  date: string;
  key: string;
  value: number;
}

export interface SurveyFacts {
  date: string;
  kind: SurveyKind;
  score: number;
}

export interface AccountFacts {
  id: number;
  segment: Segment;
  stage: Stage;
  archived: boolean;
  contractStart: string | null;
  renewalDate: string | null;
  seats: number | null;
  /** YYYY-MM-DD */
  createdAt: string;
  contacts: ContactFacts[];
  touches: TouchFacts[];
  samples: SampleFacts[];
  surveys: SurveyFacts[];
}

// ---- outputs ----

export interface ComponentResult {
  /** Unrounded 0–100. */
  score: number;
  weight: number;
  /** Points of the final (raw) score this component supplies: weight × score / available weight. */
  contribution: number;
  /** Date of the freshest input used ("adoption sample 41 days old"); null when undated. */
  inputDate: string | null;
  /** Plain words with the numbers, e.g. "1 of 2 strong executives, 0 of 2 strong users". */
  detail: string;
}

export type ComponentResults = Record<ComponentName, ComponentResult | null>;

export interface HealthResult {
  /** Rounded half up; null when the account has not enough data to be scored (band no_data). */
  score: number | null;
  rawScore: number | null;
  /** From the rounded score; `no_data` (SPEC "Not enough data") when there is nothing to score. */
  band: AnyBand;
  /** Available weight / total weight, two decimals; 0 for no_data. */
  confidence: number;
  /** Every component, null when it has no data (all null for no_data). */
  components: ComponentResults;
}

export interface FlagResult {
  rule: FlagRule;
  severity: Severity;
  reason: string;
}

export interface RelationshipMetrics {
  strongUsers: number;
  strongExecs: number;
  requiredExecs: number;
  /** Whole days; Infinity when there was never such a touch. Notes are not contact (SPEC). */
  daysSinceUserContact: number;
  daysSinceExecContact: number;
  /** Days since the last customer contact: the latest touch that is not a note. */
  daysSinceLastTouch: number;
}

export interface AccountScore {
  health: HealthResult;
  flags: FlagResult[];
  relationships: RelationshipMetrics;
  inTriage: boolean;
}

// ---- what the scoring reads from the facts at an as-of date (between the modules) ----

/** The latest value of something, dated. */
export interface DatedValue {
  value: number;
  /** Day number (shared/dates). */
  day: number;
  /** YYYY-MM-DD */
  date: string;
}

/** Contacts and touches, read once. */
export interface PeopleSignals {
  relationships: RelationshipMetrics;
  /** Date of the latest customer contact (a touch that is not a note) on or before as-of. */
  lastTouchDate: string | null;
  /** Any contact at all, or any touch (notes included) on or before as-of. */
  hasPeopleData: boolean;
  /** Mean pulse of the most recent touches that have one. */
  sentiment: { mean: number; count: number; date: string } | null;
  /** Day number of the most recent executive departure on or before as-of. */
  lastExecLeftDay: number | null;
}

/** Where the adoption value came from: an `adoption` sample, or active_users / seats. */
export type AdoptionSource = 'adoption' | 'active_users';

/** Metric samples and surveys, read once. */
export interface SampleSignals {
  /** Adoption 0–100 (already derived and capped when it came from active_users). */
  adoption: (DatedValue & { source: AdoptionSource; activeUsers: number | null }) | null;
  openTickets: DatedValue | null;
  overdueInvoices: DatedValue | null;
  nps: DatedValue | null;
  csat: DatedValue | null;
  /** Any metric sample (of any key) or survey response dated on or before as-of. */
  hasSampleData: boolean;
}

export interface AccountSignals extends PeopleSignals, SampleSignals {
  asOfDay: number;
  /**
   * SPEC "Not enough data": whether the account has any contact, or any touch, metric sample or
   * survey response dated on or before as-of. Without any, it is not scored (band no_data).
   */
  hasData: boolean;
}

// ---- portfolio metrics ----

export interface PortfolioAccount {
  id: number;
  stage: Stage;
  archived: boolean;
  /** Current MRR, integer cents. */
  mrr: number;
  contractStart: string | null;
  createdAt: string;
  renewalDate: string | null;
  /** From scoreAccount. */
  inTriage: boolean;
  /**
   * The account's health at as-of (its recorded snapshot, else the scoring at that date), for the
   * band mix and the cadence and executive-coverage shares. Left out, the account is not counted there.
   */
  health?: AccountHealthAt;
}

/** What the health side of the metrics reads of one account at a date. */
export interface AccountHealthAt {
  band: AnyBand;
  /** Customer contact within the segment's cadence (the engagement component at 100). */
  withinCadence: boolean;
  /** At least requiredExecs(segment) strong executives who had not left by then. */
  execCovered: boolean;
}

export interface PortfolioRevenueEvent {
  accountId: number;
  date: string;
  kind: RevenueKind;
  /** Integer cents. */
  mrrDelta: number;
}

export interface PortfolioSurvey {
  accountId: number;
  date: string;
  kind: SurveyKind;
  score: number;
}

export interface PortfolioInput {
  accounts: PortfolioAccount[];
  revenue: PortfolioRevenueEvent[];
  surveys: PortfolioSurvey[];
}

export interface RenewalBucket {
  count: number;
  /** Integer cents. */
  arr: number;
}

/**
 * A survey metric over a window that has enough responses to mean something: the month itself
 * when it has enough, else the first trailing window that does (the longest one if none has).
 */
export interface SurveyWindow {
  /** NPS (integer), CSAT (%) or CES (mean) over the window; null without responses. */
  value: number | null;
  responses: number;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** The trailing window's length in days; null when it is the month itself. */
  days: number | null;
  /** responses ≥ the minimum in Settings (kpis.minSurveyResponses). */
  enough: boolean;
}

/** Rates are fractions (0.25), money integer cents, null when there is no data. */
export interface PortfolioMetrics {
  month: string;
  /** The days the month's rates cover: the month, or its first day to as-of while it is running. */
  period: { from: string; to: string; toDate: boolean };
  logoChurnRate: number | null;
  netMrrChurnRate: number | null;
  grossRevenueRetention: number | null;
  netRevenueRetention: number | null;
  /** Integer −100…100. */
  nps: number | null;
  /** Percentage 0…100 of responses scoring 4–5. */
  csat: number | null;
  /** Mean score 1…7. */
  ces: number | null;
  /** Responses behind nps / csat / ces (the month, to date). */
  npsResponses: number;
  csatResponses: number;
  cesResponses: number;
  /** The survey metrics over a window with enough responses, for tiles that do not overstate. */
  surveyWindows: { nps: SurveyWindow; csat: SurveyWindow; ces: SurveyWindow };
  /** 12 × current MRR of the accounts in stage incubation (SPEC, revised 2026-12). */
  incubationPipelineArr: number;
  triageArr: number;
  arrAtRisk: number;
  /** MRR at the end of the month before (MRR₀). */
  mrrStart: number;
  /** MRR at the end of the month (or at as-of, if that is earlier). */
  mrrEnd: number;
  /** 12 × mrrEnd. */
  arr: number;
  /** Accounts active (MRR > 0) at the end of the month (or at as-of): the base of the shares below. */
  activeAccounts: number;
  /** Active accounts by band at the end of the month ("Not enough data" in its own bucket). */
  bands: Record<AnyBand, number>;
  /** Share of the active accounts in touch within their cadence; null without active accounts. */
  withinCadence: number | null;
  /** Share of the active accounts with requiredExecs(segment) strong executives; null without any. */
  execCoverage: number | null;
  renewals: { d30: RenewalBucket; d60: RenewalBucket; d90: RenewalBucket };
}
