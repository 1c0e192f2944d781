// The portfolio month by month (SPEC "Trends and the account brief"): the last N months, each one
// measured exactly as `tend metrics --month` measures it at its end — the same forMonths call of the
// metrics service, so there is one way to compute a month. A month still running is measured to
// today. Survey numbers say how many responses they stand on and are marked as small samples below
// Settings → kpis.minSurveyResponses.
import { TRENDS_DEFAULT_MONTHS, type TrendMonth, type TrendsInput, type TrendsView } from '../../shared/contracts/trends';
import { monthBounds, previousMonth } from '../../shared/dates';
import { TendError } from '../../shared/errors';
import type { Settings } from '../../shared/settings';
import type { ServiceContext } from './context';
import type { MetricsService, MonthMetrics } from './metrics';

/** The `count` months ending with `last`, oldest first. */
export function monthsThrough(last: string, count: number): string[] {
  const months = [last];
  while (months.length < count) months.unshift(previousMonth(months[0]));
  return months;
}

/** One month of the trends from that month's metrics: SPEC's keys, plus what a chart needs. */
export function trendMonthOf(m: MonthMetrics, asOf: string, minResponses: number): TrendMonth {
  const small = (responses: number) => responses > 0 && responses < minResponses;
  return {
    month: m.month,
    asOf,
    toDate: m.period.toDate,
    arr: m.arr,
    logoChurnRate: m.logoChurnRate,
    grossRevenueRetention: m.grossRevenueRetention,
    netRevenueRetention: m.netRevenueRetention,
    netMrrChurnRate: m.netMrrChurnRate,
    nps: m.nps,
    npsResponses: m.npsResponses,
    csat: m.csat,
    csatResponses: m.csatResponses,
    ces: m.ces,
    cesResponses: m.cesResponses,
    smallSample: { nps: small(m.npsResponses), csat: small(m.csatResponses), ces: small(m.cesResponses) },
    incubationPipelineArr: m.incubationPipelineArr,
    triageArr: m.triageArr,
    activeAccounts: m.activeAccounts,
    bands: m.bands,
    withinCadence: m.withinCadence,
    execCoverage: m.execCoverage,
    touches: m.touches,
  };
}

export function createTrendsService(ctx: ServiceContext, deps: { metrics: MetricsService; getSettings: () => Settings }) {
  const { sqlite, clock } = ctx;
  const bookSize = sqlite.prepare('SELECT count(*) FROM accounts WHERE archived = 0').pluck();

  return {
    get(input: TrendsInput = {}): TrendsView {
      const asOf = clock.today();
      const thisMonth = asOf.slice(0, 7);
      const last = input.through ?? thisMonth;
      if (last > thisMonth) {
        throw new TendError('invalid_input', `${last} has not started yet (today is ${asOf}). Choose ${thisMonth} or an earlier month.`);
      }
      const months = monthsThrough(last, input.months ?? TRENDS_DEFAULT_MONTHS);
      // Each month at its end; the running month at today (SPEC: "each month measured … at its end").
      const periods = months.map((month) => {
        const end = monthBounds(month).last;
        return { month, asOf: end < asOf ? end : asOf };
      });
      const ids = input.accountIds ?? null;
      const measured = deps.metrics.forMonths(periods, { accountIds: ids });
      const minResponses = deps.getSettings().kpis.minSurveyResponses;
      return {
        asOf,
        minSurveyResponses: minResponses,
        accounts: ids ? new Set(ids).size : (bookSize.get() as number),
        months: measured.map((m, i) => trendMonthOf(m, periods[i].asOf, minResponses)),
      };
    },
  };
}

export type TrendsService = ReturnType<typeof createTrendsService>;
