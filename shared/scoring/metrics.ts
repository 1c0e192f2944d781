// Portfolio metrics for a month (SPEC "Portfolio metrics"; seed 003 for the churn, MRR churn, NPS,
// CSAT and CES formulas, seed 002 law 9 for gross/net retention, seed 000 for the incubation
// pipeline versus triage value). One pass over revenue events and one over surveys.
//
// The survey metrics come with their number of responses, and each also over a window with
// enough responses (the month if it has them, else the last 90/180/365 days — Settings → kpis),
// so a tile never shows an NPS of −100 from one response without saying so.
//
// MRR comes from revenue events only: MRR on a date = sum of deltas dated on or before it. An
// account with no revenue events at all counts as one `new` event of its current MRR at its
// contract start (else its creation date). Anything dated after as-of has not happened yet, so a
// month still in progress is measured to date. Archived accounts, and events or responses of
// accounts not in the input, are left out of everything.
//
// The health side (band mix, share within cadence, executive coverage) counts the accounts active
// at the end of the month, as each one's `health` at as-of says (the service reads it from the
// snapshots recorded at that date, or scores the book there).
import { fromDayNumber, monthBounds, toDayNumber } from '../dates';
import type { AnyBand, SurveyKind } from '../domain';
import { signedMrrDelta } from '../import/values';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { roundHalfUp } from './health';
import type { PortfolioInput, PortfolioMetrics, RenewalBucket, SurveyWindow } from './types';

const RENEWAL_WINDOWS = [30, 60, 90] as const;

function requireDay(iso: string, what: string): number {
  const day = toDayNumber(iso);
  if (Number.isNaN(day)) throw new RangeError(`${what} is not a date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return day;
}

/** MRR of each account at three cut-offs, and the month's churn/contraction/expansion. */
interface Ledger {
  mrrStart: Float64Array; // end of M−1
  mrrEnd: Float64Array; // end of M
  mrrNow: Float64Array; // as-of
  churnedInMonth: Uint8Array;
  churn: number;
  contraction: number;
  expansion: number;
}

function buildLedger(
  input: PortfolioInput,
  index: Map<number, number>,
  firstDay: number,
  lastDay: number,
  asOfDay: number,
): Ledger {
  const n = index.size;
  const startCut = Math.min(firstDay - 1, asOfDay);
  const endCut = Math.min(lastDay, asOfDay);
  const l: Ledger = {
    mrrStart: new Float64Array(n),
    mrrEnd: new Float64Array(n),
    mrrNow: new Float64Array(n),
    churnedInMonth: new Uint8Array(n),
    churn: 0,
    contraction: 0,
    expansion: 0,
  };
  const post = (i: number, day: number, delta: number) => {
    if (!(day <= asOfDay) || !Number.isFinite(delta)) return; // not happened yet, or unreadable
    l.mrrNow[i] += delta;
    if (day <= startCut) l.mrrStart[i] += delta;
    if (day <= endCut) l.mrrEnd[i] += delta;
  };

  const hasEvents = new Uint8Array(n);
  let churn = 0;
  let contraction = 0;
  let expansion = 0;
  for (const ev of input.revenue) {
    const i = index.get(ev.accountId);
    if (i === undefined) continue;
    hasEvents[i] = 1;
    const day = toDayNumber(ev.date);
    // SPEC: the sign follows the kind, whatever was written (`renewal` keeps its own).
    const delta = signedMrrDelta(ev.kind, ev.mrrDelta);
    post(i, day, delta);
    if (!(day >= firstDay && day <= endCut) || !Number.isFinite(delta)) continue;
    // `new` and `renewal` events move MRR but do not enter churn or retention.
    if (ev.kind === 'churn') {
      churn += delta;
      l.churnedInMonth[i] = 1;
    } else if (ev.kind === 'contraction') contraction += delta;
    else if (ev.kind === 'expansion') expansion += delta;
  }
  // Sums of each kind's deltas in M, as positive amounts.
  l.churn = Math.abs(churn);
  l.contraction = Math.abs(contraction);
  l.expansion = Math.abs(expansion);

  for (const a of input.accounts) {
    const i = index.get(a.id);
    if (i === undefined || hasEvents[i]) continue;
    post(i, toDayNumber(a.contractStart ?? a.createdAt), a.mrr); // the implied `new` event
  }
  return l;
}

/** Running counts of one survey kind's responses over one window. */
class SurveyTally {
  count = 0;
  /** NPS promoters, CSAT 4–5, or the CES sum. */
  good = 0;
  /** NPS detractors. */
  bad = 0;
  add(kind: string, score: number): void {
    this.count++;
    if (kind === 'nps') {
      if (score >= 9) this.good++;
      else if (score <= 6) this.bad++;
    } else if (kind === 'csat') {
      if (score >= 4) this.good++;
    } else this.good += score;
  }
  value(kind: SurveyKind): number | null {
    if (this.count === 0) return null;
    // seed 003: NPS = "% Promoters — % Detractors and usually shown as a whole number"; CSAT = % of
    // responses 4–5; CES = mean.
    if (kind === 'nps') return roundHalfUp((100 * (this.good - this.bad)) / this.count);
    if (kind === 'csat') return (100 * this.good) / this.count;
    return this.good / this.count;
  }
}

const KINDS = ['nps', 'csat', 'ces'] as const satisfies readonly SurveyKind[];

/**
 * The month's survey metrics with their response counts, and each kind over the first window
 * (the month, then each trailing window ending with it) that has at least `minResponses` —
 * so a month-to-date NPS of one response is never shown as if it meant something.
 */
function surveyMetrics(input: PortfolioInput, index: Map<number, number>, firstDay: number, endCut: number, kpis: Settings['kpis']) {
  const starts = [firstDay, ...kpis.surveyWindowDays.map((days) => endCut - days + 1)];
  const tallies = KINDS.map(() => starts.map(() => new SurveyTally()));
  for (const r of input.surveys) {
    if (!index.has(r.accountId) || !Number.isFinite(r.score)) continue;
    const k = KINDS.indexOf(r.kind);
    if (k < 0) continue;
    const day = toDayNumber(r.date);
    if (!(day <= endCut)) continue;
    for (let w = 0; w < starts.length; w++) if (day >= starts[w]) tallies[k][w].add(r.kind, r.score);
  }
  const windowOf = (k: number): SurveyWindow => {
    const kind = KINDS[k];
    let w = tallies[k].findIndex((t) => t.count >= kpis.minSurveyResponses);
    if (w < 0) w = starts.length - 1; // none has enough: the longest, marked as a small sample
    const tally = tallies[k][w];
    return {
      value: tally.value(kind),
      responses: tally.count,
      from: fromDayNumber(starts[w]),
      to: fromDayNumber(endCut),
      days: w === 0 ? null : kpis.surveyWindowDays[w - 1],
      enough: tally.count >= kpis.minSurveyResponses,
    };
  };
  const [nps, csat, ces] = tallies.map((t) => t[0]);
  return {
    nps: nps.value('nps'),
    csat: csat.value('csat'),
    ces: ces.value('ces'),
    npsResponses: nps.count,
    csatResponses: csat.count,
    cesResponses: ces.count,
    surveyWindows: { nps: windowOf(0), csat: windowOf(1), ces: windowOf(2) },
  };
}

/**
 * The portfolio metrics for `month` (YYYY-MM), with point-in-time numbers (ARR, pipeline, triage,
 * renewals) at `asOf`. The settings choose the survey windows (kpis).
 */
export function portfolioMetrics(
  input: PortfolioInput,
  month: string,
  asOf: string,
  settings: Settings = DEFAULT_SETTINGS,
): PortfolioMetrics {
  const { first, last } = monthBounds(month);
  const firstDay = toDayNumber(first);
  const lastDay = toDayNumber(last);
  const asOfDay = requireDay(asOf, 'as-of');

  const index = new Map<number, number>(); // account id → slot, archived accounts left out
  const accounts = input.accounts.filter((a) => !a.archived);
  accounts.forEach((a, i) => index.set(a.id, i));

  const l = buildLedger(input, index, firstDay, lastDay, asOfDay);

  let mrrStart = 0;
  let mrrEnd = 0;
  let activeAtStart = 0;
  // The health side, over the accounts active at the end (SPEC "Trends": the band mix, the share
  // within cadence and with executive coverage).
  let activeAtEnd = 0;
  let withHealth = 0;
  let withinCadence = 0;
  let execCovered = 0;
  const bands: Record<AnyBand, number> = { healthy: 0, watch: 0, at_risk: 0, no_data: 0 };
  let churnedAccounts = 0;
  let incubationPipelineArr = 0;
  let triageArr = 0;
  const renewals: RenewalBucket[] = RENEWAL_WINDOWS.map(() => ({ count: 0, arr: 0 }));
  for (let i = 0; i < accounts.length; i++) {
    const a = accounts[i];
    mrrStart += l.mrrStart[i];
    mrrEnd += l.mrrEnd[i];
    if (l.mrrStart[i] > 0) activeAtStart++;
    if (l.mrrEnd[i] > 0) {
      activeAtEnd++;
      if (a.health) {
        withHealth++;
        bands[a.health.band]++;
        if (a.health.withinCadence) withinCadence++;
        if (a.health.execCovered) execCovered++;
      }
    }
    churnedAccounts += l.churnedInMonth[i];
    const arr = 12 * l.mrrNow[i];
    // seed 000, SPEC (revised 2026-12): the ARR incubation accounts are expected to bring — their
    // current MRR, since they usually have not started and no revenue event has landed yet.
    if (a.stage === 'incubation' && Number.isFinite(a.mrr)) incubationPipelineArr += 12 * a.mrr;
    if (a.inTriage) triageArr += arr;
    if (a.stage === 'churned' || a.renewalDate === null) continue;
    const dueIn = toDayNumber(a.renewalDate) - asOfDay; // a renewal already past is not due
    for (let w = 0; w < RENEWAL_WINDOWS.length; w++) {
      if (!(dueIn >= 0 && dueIn <= RENEWAL_WINDOWS[w])) continue;
      renewals[w].count++;
      renewals[w].arr += arr;
    }
  }

  const hasBase = mrrStart > 0;
  const grr = hasBase ? (mrrStart - l.churn - l.contraction) / mrrStart : null;
  const endCut = Math.min(lastDay, asOfDay);
  return {
    month,
    period: { from: first, to: fromDayNumber(endCut), toDate: asOfDay < lastDay },
    // seed 003: "TOTAL Customers LOST this month / TOTAL Customers end of previous month".
    logoChurnRate: activeAtStart > 0 ? churnedAccounts / activeAtStart : null,
    netMrrChurnRate: hasBase ? (l.churn + l.contraction - l.expansion) / mrrStart : null,
    grossRevenueRetention: grr,
    netRevenueRetention: grr === null ? null : grr + l.expansion / mrrStart,
    ...surveyMetrics(input, index, firstDay, endCut, settings.kpis),
    incubationPipelineArr,
    triageArr,
    arrAtRisk: triageArr,
    mrrStart,
    mrrEnd,
    arr: 12 * mrrEnd,
    activeAccounts: activeAtEnd,
    bands,
    withinCadence: withHealth > 0 ? withinCadence / withHealth : null,
    execCoverage: withHealth > 0 ? execCovered / withHealth : null,
    renewals: { d30: renewals[0], d60: renewals[1], d90: renewals[2] },
  };
}
