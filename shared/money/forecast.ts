// The renewals forecast (SPEC "Renewals, expansion and churn"; seed 002 law 8: renewals are won or
// lost long before the date). For each of the next N months: the open renewals due, the ARR due, the
// CSM's expected ARR (Σ expected ARR × the forecast category's probability; no category counts as
// `likely`), the health-adjusted ARR (Σ expected ARR × the health band's probability) and the split
// by category. A disagreement is a renewal due soon whose forecast and health point opposite ways.
// Pure: the as-of date and the probabilities are passed in.
import { daysBetween } from '../dates';
import type { AnyBand, ForecastCategory, Severity } from '../domain';
import { FORECAST_CATEGORIES } from '../domain';
import { labelOf } from '../format';
import type { Settings } from '../settings';
import { monthAfter } from './ledger';

export type ForecastSettings = Settings['forecast'];
export const FORECAST_BUCKETS = [...FORECAST_CATEGORIES, 'none'] as const;
export type ForecastBucket = (typeof FORECAST_BUCKETS)[number];

export interface ForecastRenewal {
  renewalId: number;
  accountId: number;
  name: string;
  dueDate: string;
  forecast: ForecastCategory | null;
  /** The CSM's expected ARR (an up- or down-sell), or null: the ARR at as-of. */
  expectedArrCents: number | null;
  /** ARR at as-of (12 × the ledger's MRR). */
  arrCents: number;
  band: AnyBand;
  score: number | null;
  /** Open (unresolved) flags, snoozed ones included. */
  flags: { rule: string; severity: Severity; reason: string }[];
}

export interface BucketTotal {
  count: number;
  arr: number;
}

export interface ForecastMonth {
  month: string;
  count: number;
  arr: number;
  expectedArr: number;
  healthAdjustedArr: number;
  byCategory: Record<ForecastBucket, BucketTotal>;
}

export interface Disagreement {
  renewalId: number;
  accountId: number;
  name: string;
  dueDate: string;
  forecast: ForecastCategory;
  band: AnyBand;
  score: number | null;
  /** optimistic: the CSM says it renews, health says it is at risk; pessimistic: the reverse. */
  direction: 'optimistic' | 'pessimistic';
  reason: string;
}

export interface Forecast {
  asOf: string;
  months: ForecastMonth[];
  totals: { count: number; arr: number; expectedArr: number; healthAdjustedArr: number };
  disagreements: Disagreement[];
  /** Open renewals whose due date is before this month: not in any month until closed. */
  overdue: BucketTotal;
}

export const expectedArrOf = (r: Pick<ForecastRenewal, 'expectedArrCents' | 'arrCents'>): number => r.expectedArrCents ?? r.arrCents;

/** The probability of a forecast category; no category yet counts as `likely`. */
export const categoryProbability = (settings: ForecastSettings, forecast: ForecastCategory | null): number => settings[forecast ?? 'likely'];

export const bandProbability = (settings: ForecastSettings, band: AnyBand): number => settings.bands[band];

/** One renewal's share of the expected and health-adjusted ARR, each rounded to the cent (half up). */
export function renewalContribution(r: ForecastRenewal, settings: ForecastSettings): { expected: number; healthAdjusted: number } {
  const base = expectedArrOf(r);
  return {
    expected: Math.round(base * categoryProbability(settings, r.forecast)),
    healthAdjusted: Math.round(base * bandProbability(settings, r.band)),
  };
}

const emptyBuckets = (): Record<ForecastBucket, BucketTotal> =>
  Object.fromEntries(FORECAST_BUCKETS.map((b) => [b, { count: 0, arr: 0 }])) as Record<ForecastBucket, BucketTotal>;

const SERIOUS: readonly Severity[] = ['high', 'emergency'];
const HEALTH_WORDS: Record<AnyBand, string> = {
  healthy: 'health is healthy',
  watch: 'health is on watch',
  at_risk: 'health is at risk',
  no_data: 'there is not enough data to score it',
};

function list(reasons: string[]): string {
  if (reasons.length <= 2) return reasons.join('; ');
  return `${reasons.slice(0, 2).join('; ')}; and ${reasons.length - 2} more`;
}

/**
 * Why this renewal's forecast and health disagree, or null. `commit`/`likely` while the account is at
 * risk or has a high/emergency flag; `at_risk`/`lost` while it is healthy with no open flag.
 */
export function disagreementOf(r: ForecastRenewal): Pick<Disagreement, 'direction' | 'reason'> | null {
  if (r.forecast === null) return null;
  const said = `You forecast ${labelOf(r.forecast).toLowerCase()}`;
  const score = r.score === null ? '' : ` (score ${r.score})`;
  if (r.forecast === 'commit' || r.forecast === 'likely') {
    const serious = r.flags.filter((f) => SERIOUS.includes(f.severity));
    if (r.band !== 'at_risk' && serious.length === 0) return null;
    const health = `${HEALTH_WORDS[r.band]}${score}`;
    const flagWords = serious.length === 0 ? '' : ` with ${serious.length === 1 ? `a ${serious[0].severity} flag` : `${serious.length} high or emergency flags`}: ${list(serious.map((f) => f.reason))}`;
    return { direction: 'optimistic', reason: `${said}, but ${health}${flagWords}.` };
  }
  if (r.band !== 'healthy' || r.flags.length > 0) return null;
  return {
    direction: 'pessimistic',
    reason: `${said}, but health is healthy${score} with no open flag. What do you know that the score does not? Log it as a touch so the score can see it.`,
  };
}

/**
 * The forecast of the next `months` calendar months (this month first) at `asOf`. Renewals due
 * before this month are counted as overdue, not in a month; disagreements are looked for among the
 * renewals due from today to `disagreementDays` ahead. Totals are the sums of the months.
 */
export function buildForecast(renewals: readonly ForecastRenewal[], asOf: string, months: number, settings: ForecastSettings): Forecast {
  const monthList = Array.from({ length: months }, (_, i) => monthAfter(asOf, i));
  const byMonth = new Map<string, ForecastMonth>(
    monthList.map((month) => [month, { month, count: 0, arr: 0, expectedArr: 0, healthAdjustedArr: 0, byCategory: emptyBuckets() }]),
  );
  const overdue: BucketTotal = { count: 0, arr: 0 };
  const disagreements: Disagreement[] = [];
  for (const r of renewals) {
    const month = r.dueDate.slice(0, 7);
    const slot = byMonth.get(month);
    if (slot) {
      const { expected, healthAdjusted } = renewalContribution(r, settings);
      slot.count++;
      slot.arr += r.arrCents;
      slot.expectedArr += expected;
      slot.healthAdjustedArr += healthAdjusted;
      const bucket = slot.byCategory[r.forecast ?? 'none'];
      bucket.count++;
      bucket.arr += r.arrCents;
    } else if (month < monthList[0]) {
      overdue.count++;
      overdue.arr += r.arrCents;
    }
    const dueIn = daysBetween(asOf, r.dueDate);
    if (r.forecast !== null && dueIn >= 0 && dueIn <= settings.disagreementDays) {
      const found = disagreementOf(r);
      if (found) {
        disagreements.push({
          renewalId: r.renewalId,
          accountId: r.accountId,
          name: r.name,
          dueDate: r.dueDate,
          forecast: r.forecast,
          band: r.band,
          score: r.score,
          ...found,
        });
      }
    }
  }
  const monthsOut = [...byMonth.values()];
  const totals = { count: 0, arr: 0, expectedArr: 0, healthAdjustedArr: 0 };
  for (const m of monthsOut) {
    totals.count += m.count;
    totals.arr += m.arr;
    totals.expectedArr += m.expectedArr;
    totals.healthAdjustedArr += m.healthAdjustedArr;
  }
  disagreements.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.name.localeCompare(b.name)));
  return { asOf, months: monthsOut, totals, disagreements, overdue };
}
