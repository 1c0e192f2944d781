// The health score (SPEC "Health score"): the weighted mean of the components that have data,
// weights renormalised over them, rounded half up only at the end; confidence = available weight /
// total weight. Every component score is clamped to 0…100 (an adoption sample of 125 scores 100;
// the flags read the sample itself). An account with no contacts, touches, samples or surveys is
// not scored at all: band no_data, score null, confidence 0 (SPEC "Not enough data", revised
// 2026-12) — a freshly imported account list is not "at risk", it is unknown.
// readSamples reads the metric samples and surveys once; computeHealth is pure arithmetic on what
// was read.
import { COMPONENTS, NO_DATA_BAND, type Band, type ComponentName, type Segment } from '../domain';
import type { Settings } from '../settings';
import { ACTIVE_USERS, ADOPTION, CSAT, NONE, NPS, OPEN_TICKETS, OVERDUE_INVOICES, SLOTS, dateOfDay, packFacts, type PackedBook } from './packed';
import { relationshipScore } from './relationships';
import type { AccountFacts, AccountSignals, ComponentResults, DatedValue, HealthResult, SampleSignals } from './types';

// ---- numbers and words ----

/** Nearest integer, halves up (74.5 → 75, −12.5 → −12). The epsilon absorbs float noise such as
 * 74.49999999999999 for a sum that is 74.5 on paper. */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + 1e-9);
}

/** Two decimals, halves up. */
export const round2 = (x: number): number => roundHalfUp(x * 100) / 100;

/** At most one decimal, for text. */
export const fmt = (x: number): string => String(Math.round(x * 10) / 10);

/** "1 day", "3 days". */
export const plural = (n: number, noun: string): string => `${fmt(n)} ${noun}${n === 1 ? '' : 's'}`;

const clamp100 = (x: number): number => (x < 0 ? 0 : x > 100 ? 100 : x);

// ---- reading samples and surveys ----

const bestDay = new Float64Array(SLOTS);
const bestRow = new Int32Array(SLOTS);

function latest(days: Float64Array, values: Float64Array, slot: number): DatedValue | null {
  const r = bestRow[slot];
  if (r < 0) return null;
  return { value: values[r], day: days[r], date: dateOfDay(days[r]) };
}

/**
 * Where the latest row of each slot is (bestDay / bestRow; -1 when none), over rows [from, to).
 * Returns whether any row at all (whatever its key) is dated on or before as-of.
 */
function scanLatest(slots: Uint8Array, days: Float64Array, values: Float64Array, from: number, to: number, asOfDay: number): boolean {
  let any = false;
  for (let r = from; r < to; r++) {
    const day = days[r];
    if (!(day <= asOfDay)) continue; // after as-of, or not a date
    any = true;
    const slot = slots[r];
    if (slot === NONE || !Number.isFinite(values[r]) || day < bestDay[slot]) continue;
    bestDay[slot] = day;
    bestRow[slot] = r;
  }
  return any;
}

/**
 * The latest value (greatest date on or before as-of; on equal dates the later one in the input)
 * of each sample key and survey kind the score reads. Adoption falls back to 100 × active_users /
 * seats, capped at 100, when there is no adoption sample and seats > 0.
 */
export function readSamples(facts: AccountFacts, asOfDay: number): SampleSignals {
  return readSamplesOf(packFacts([facts]), 0, asOfDay);
}

/** readSamples of account `a` of a packed book. */
export function readSamplesOf(book: PackedBook, a: number, asOfDay: number): SampleSignals {
  bestDay.fill(-Infinity);
  bestRow.fill(-1);
  const { sampleSlot, sampleDay, sampleValue, surveySlot, surveyDay, surveyScore } = book;
  const anySample = scanLatest(sampleSlot, sampleDay, sampleValue, book.sampleStart[a], book.sampleStart[a + 1], asOfDay);
  const anySurvey = scanLatest(surveySlot, surveyDay, surveyScore, book.surveyStart[a], book.surveyStart[a + 1], asOfDay);

  const seats = book.accounts[a].seats;
  let adoption: SampleSignals['adoption'] = null;
  const sampled = latest(sampleDay, sampleValue, ADOPTION);
  if (sampled !== null) {
    adoption = { ...sampled, source: 'adoption', activeUsers: null };
  } else if (seats !== null && seats > 0) {
    const users = latest(sampleDay, sampleValue, ACTIVE_USERS);
    if (users !== null) {
      adoption = { ...users, value: adoptionFromUsers(users.value, seats), source: 'active_users', activeUsers: users.value };
    }
  }
  return {
    adoption,
    openTickets: latest(sampleDay, sampleValue, OPEN_TICKETS),
    overdueInvoices: latest(sampleDay, sampleValue, OVERDUE_INVOICES),
    nps: latest(surveyDay, surveyScore, NPS),
    csat: latest(surveyDay, surveyScore, CSAT),
    hasSampleData: anySample || anySurvey,
  };
}

/** 100 × active users / seats, capped at 100 (SPEC: adoption "derived from active_users/seats"). */
export const adoptionFromUsers = (activeUsers: number, seats: number): number =>
  Math.min(100, (100 * activeUsers) / seats);

// ---- components ----

interface Part {
  score: number;
  inputDate: string | null;
  detail: string;
}

function adoptionPart(s: AccountSignals, seats: number | null): Part | null {
  const a = s.adoption;
  if (a === null) return null;
  const detail =
    a.source === 'adoption'
      ? `Adoption ${fmt(a.value)}%`
      : `${fmt(a.activeUsers ?? 0)} active users of ${fmt(seats ?? 0)} seats (${fmt(a.value)}% adoption)`;
  return { score: clamp100(a.value), inputDate: a.date, detail };
}

/** 100 if d ≤ c, 0 if d ≥ k·c, linear between; never touched = 0 (SPEC "Engagement … always has data"). */
export function engagementScore(daysSinceLastTouch: number, cadence: number, zeroAtCadences: number): number {
  const d = daysSinceLastTouch;
  if (d <= cadence) return 100;
  const zeroAt = zeroAtCadences * cadence;
  if (d >= zeroAt) return 0;
  return (100 * (zeroAt - d)) / (zeroAt - cadence);
}

function engagementPart(s: AccountSignals, segment: Segment, settings: Settings): Part {
  const c = settings.cadenceDays[segment];
  const d = s.relationships.daysSinceLastTouch;
  const when = d === Infinity ? 'No customer contact yet' : d === 0 ? 'Last contact today' : `Last contact ${plural(d, 'day')} ago`;
  return {
    score: engagementScore(d, c, settings.engagement.zeroAtCadences),
    inputDate: s.lastTouchDate,
    detail: `${when}; cadence ${plural(c, 'day')}`,
  };
}

function sentimentPart(s: AccountSignals): Part | null {
  const p = s.sentiment;
  if (p === null) return null;
  const over = p.count === 1 ? 'the last touch' : `the last ${p.count} touches`;
  return {
    score: clamp100(((p.mean + 2) / 4) * 100), // −2…+2 → 0…100
    inputDate: p.date,
    detail: `Mean pulse ${p.mean > 0 ? '+' : ''}${fmt(p.mean)} over ${over}`,
  };
}

function surveyPart(s: AccountSignals): Part | null {
  if (s.nps !== null) return { score: clamp100(s.nps.value * 10), inputDate: s.nps.date, detail: `NPS ${fmt(s.nps.value)}` };
  if (s.csat === null) return null;
  return {
    score: clamp100(((s.csat.value - 1) / 4) * 100), // 1…5 → 0…100
    inputDate: s.csat.date,
    detail: `CSAT ${fmt(s.csat.value)} of 5 (no NPS)`,
  };
}

function supportPart(s: AccountSignals, settings: Settings): Part | null {
  const t = s.openTickets;
  if (t === null) return null;
  return {
    score: clamp100(100 - settings.support.pointsPerTicket * t.value),
    inputDate: t.date,
    detail: plural(t.value, 'open ticket'),
  };
}

function financialPart(s: AccountSignals): Part | null {
  const o = s.overdueInvoices;
  if (o === null) return null;
  const overdue = o.value > 0;
  return {
    score: overdue ? 0 : 100,
    inputDate: o.date,
    detail: overdue ? plural(o.value, 'overdue invoice') : 'No overdue invoices',
  };
}

function parts(s: AccountSignals, segment: Segment, seats: number | null, settings: Settings): Record<ComponentName, Part | null> {
  const rel = relationshipScore(s.relationships, settings);
  return {
    adoption: adoptionPart(s, seats),
    relationships: { score: rel.score, inputDate: null, detail: rel.detail }, // always has data
    engagement: engagementPart(s, segment, settings),
    sentiment: sentimentPart(s),
    survey: surveyPart(s),
    support: supportPart(s, settings),
    financial: financialPart(s),
  };
}

export function bandOf(score: number, settings: Settings): Band {
  if (score >= settings.bands.healthy) return 'healthy';
  if (score >= settings.bands.watch) return 'watch';
  return 'at_risk';
}

/** Every component null: what an account without data shows. */
const NO_COMPONENTS = Object.fromEntries(COMPONENTS.map((name) => [name, null])) as ComponentResults;

/** SPEC "Not enough data": nothing to score yet. */
export const noDataHealth = (): HealthResult => ({
  score: null,
  rawScore: null,
  band: NO_DATA_BAND,
  confidence: 0,
  components: { ...NO_COMPONENTS },
});

/** The health result of an account from its signals. */
export function computeHealth(
  signals: AccountSignals,
  facts: Pick<AccountFacts, 'segment' | 'seats'>,
  settings: Settings,
): HealthResult {
  if (!signals.hasData) return noDataHealth();
  const byName = parts(signals, facts.segment, facts.seats, settings);
  let total = 0;
  let available = 0;
  let weighted = 0;
  for (const name of COMPONENTS) {
    const w = settings.weights[name];
    total += w;
    const part = byName[name];
    if (part !== null) {
      part.score = clamp100(part.score); // SPEC: a component score is clamped to 0…100
      available += w;
      weighted += w * part.score;
    }
  }
  const components = {} as ComponentResults;
  for (const name of COMPONENTS) {
    const part = byName[name];
    const weight = settings.weights[name];
    components[name] =
      part === null
        ? null
        : {
            score: part.score,
            weight,
            contribution: available > 0 ? (weight * part.score) / available : 0,
            inputDate: part.inputDate,
            detail: part.detail,
          };
  }
  const rawScore = available > 0 ? weighted / available : 0;
  const score = roundHalfUp(rawScore);
  return {
    score,
    rawScore,
    band: bandOf(score, settings),
    confidence: total > 0 ? round2(available / total) : 0,
    components,
  };
}
