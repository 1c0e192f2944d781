// Portfolio metrics for a month (SPEC "Portfolio metrics"; seed 003 for the churn, MRR churn, NPS,
// CSAT and CES formulas, seed 002 law 9 for gross/net retention, seed 000 for the incubation
// pipeline versus triage value). One pass over revenue events and one over surveys.
//
// MRR comes from revenue events only: MRR on a date = sum of deltas dated on or before it. An
// account with no revenue events at all counts as one `new` event of its current MRR at its
// contract start (else its creation date). Anything dated after as-of has not happened yet, so a
// month still in progress is measured to date. Archived accounts, and events or responses of
// accounts not in the input, are left out of everything.
import { monthBounds, toDayNumber } from '../dates';
import type { Settings } from '../settings';
import { roundHalfUp } from './health';
import type { PortfolioInput, PortfolioMetrics, RenewalBucket } from './types';

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
    post(i, day, ev.mrrDelta);
    if (!(day >= firstDay && day <= endCut) || !Number.isFinite(ev.mrrDelta)) continue;
    // `new` and `renewal` events move MRR but do not enter churn or retention.
    if (ev.kind === 'churn') {
      churn += ev.mrrDelta;
      l.churnedInMonth[i] = 1;
    } else if (ev.kind === 'contraction') contraction += ev.mrrDelta;
    else if (ev.kind === 'expansion') expansion += ev.mrrDelta;
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

function surveyMetrics(input: PortfolioInput, index: Map<number, number>, firstDay: number, endCut: number) {
  let npsCount = 0;
  let promoters = 0;
  let detractors = 0;
  let csatCount = 0;
  let satisfied = 0;
  let cesCount = 0;
  let cesSum = 0;
  for (const r of input.surveys) {
    if (!index.has(r.accountId) || !Number.isFinite(r.score)) continue;
    const day = toDayNumber(r.date);
    if (!(day >= firstDay && day <= endCut)) continue;
    if (r.kind === 'nps') {
      npsCount++;
      if (r.score >= 9) promoters++;
      else if (r.score <= 6) detractors++;
    } else if (r.kind === 'csat') {
      csatCount++;
      if (r.score >= 4) satisfied++;
    } else {
      cesCount++;
      cesSum += r.score;
    }
  }
  return {
    // seed 003: "% Promoters — % Detractors and usually shown as a whole number".
    nps: npsCount > 0 ? roundHalfUp((100 * (promoters - detractors)) / npsCount) : null,
    csat: csatCount > 0 ? (100 * satisfied) / csatCount : null,
    ces: cesCount > 0 ? cesSum / cesCount : null,
  };
}

/**
 * The portfolio metrics for `month` (YYYY-MM), with point-in-time numbers (ARR, pipeline, triage,
 * renewals) at `asOf`. `_settings` is accepted for symmetry with the scoring; no metric reads one yet.
 */
export function portfolioMetrics(
  input: PortfolioInput,
  month: string,
  asOf: string,
  _settings?: Settings,
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
  let churnedAccounts = 0;
  let incubationPipelineArr = 0;
  let triageArr = 0;
  const renewals: RenewalBucket[] = RENEWAL_WINDOWS.map(() => ({ count: 0, arr: 0 }));
  for (let i = 0; i < accounts.length; i++) {
    const a = accounts[i];
    mrrStart += l.mrrStart[i];
    mrrEnd += l.mrrEnd[i];
    if (l.mrrStart[i] > 0) activeAtStart++;
    churnedAccounts += l.churnedInMonth[i];
    const arr = 12 * l.mrrNow[i];
    if (a.stage === 'incubation') incubationPipelineArr += arr;
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
  return {
    month,
    // seed 003: "TOTAL Customers LOST this month / TOTAL Customers end of previous month".
    logoChurnRate: activeAtStart > 0 ? churnedAccounts / activeAtStart : null,
    netMrrChurnRate: hasBase ? (l.churn + l.contraction - l.expansion) / mrrStart : null,
    grossRevenueRetention: grr,
    netRevenueRetention: grr === null ? null : grr + l.expansion / mrrStart,
    ...surveyMetrics(input, index, firstDay, Math.min(lastDay, asOfDay)),
    incubationPipelineArr,
    triageArr,
    arrAtRisk: triageArr,
    mrrStart,
    mrrEnd,
    renewals: { d30: renewals[0], d60: renewals[1], d90: renewals[2] },
  };
}
