// Portfolio metrics for a month (SPEC "Portfolio metrics", seeds 000/002/003): reads accounts,
// revenue events and surveys, takes each account's health at as-of (triage, band, cadence, executive
// coverage: the snapshots recorded that day, else the scoring at that date — scoring/states-at.ts),
// counts the month's touches by type, and hands the rest to the pure portfolioMetrics in shared/scoring.
//
// One code path for one month (`tend metrics --month`, the KPI tiles, the review) and for many (the
// trends: each month measured at its end): forMonths reads every table once for all of them.
import { TOUCH_TYPES, type TouchType } from '../../shared/domain';
import { addDays, monthBounds } from '../../shared/dates';
import { portfolioMetrics, type PortfolioMetrics } from '../../shared/scoring';
import type { PortfolioAccount, PortfolioInput, PortfolioRevenueEvent, PortfolioSurvey } from '../../shared/scoring/types';
import { kpiAccounts, type KpiAccountTile } from '../../shared/scoring/kpi-accounts';
import type { ServiceContext } from './context';
import type { ScoringService } from './scoring';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';

/** A month and the date it is measured at (its last day, or today while it runs). */
export interface MetricsPeriod {
  month: string;
  asOf: string;
}

/** Which accounts to measure: all (not archived), or these ids (the portfolio's filters). */
export interface MetricsScope {
  accountIds?: readonly number[] | null;
}

export type TouchCounts = Record<TouchType, number>;

/** The month's metrics plus the CSM's own activity: touches logged in it, by type. */
export type MonthMetrics = PortfolioMetrics & { touches: TouchCounts };

const noTouches = (): TouchCounts => Object.fromEntries(TOUCH_TYPES.map((t) => [t, 0])) as TouchCounts;

export function createMetricsService(ctx: ServiceContext, scoring: ScoringService, getSettings: () => Settings = () => DEFAULT_SETTINGS) {
  const { sqlite, clock } = ctx;
  const accounts = sqlite.prepare(`
    SELECT id, stage, archived, mrr_cents AS mrr, contract_start AS contractStart,
           substr(created_at, 1, 10) AS createdAt, renewal_date AS renewalDate FROM accounts ORDER BY id`);
  const revenue = sqlite.prepare(
    'SELECT account_id AS accountId, date, kind, mrr_delta_cents AS mrrDelta FROM revenue_events ORDER BY id',
  );
  const surveys = sqlite.prepare('SELECT account_id AS accountId, date, kind, score FROM survey_responses ORDER BY id');
  // Touches by type from a day to before another (occurred_at is a date or a UTC timestamp: its first
  // ten characters are the day, as the scoring reads it), each period read from the covering index
  // touches_date_type; archived accounts are left out, as everywhere in the metrics.
  const touchesByType = sqlite
    .prepare(`
      SELECT type, count(*) FROM touches
      WHERE occurred_at >= ? AND occurred_at < ? AND account_id NOT IN (SELECT id FROM accounts WHERE archived = 1)
      GROUP BY type`)
    .raw();
  const touchesByTypeOf = sqlite
    .prepare(`
      SELECT type, count(*) FROM touches
      WHERE occurred_at >= ? AND occurred_at < ? AND account_id IN (SELECT value FROM json_each(?))
      GROUP BY type`)
    .raw();

  /** Touches by type in each period's days (its first day to the earlier of its last day and as-of). */
  function touchCounts(periods: readonly MetricsPeriod[], ids: Set<number> | null): TouchCounts[] {
    const idList = ids && JSON.stringify([...ids]);
    return periods.map(({ month, asOf }) => {
      const counts = noTouches();
      const { first, last } = monthBounds(month);
      const to = last < asOf ? last : asOf;
      if (to < first) return counts;
      const until = addDays(to, 1); // exclusive, so timestamps on the last day are in
      const rows = (idList ? touchesByTypeOf.all(first, until, idList) : touchesByType.all(first, until)) as [TouchType, number][];
      for (const [type, n] of rows) if (type in counts) counts[type] = n;
      return counts;
    });
  }

  /** The portfolio input at each as-of date (accounts with their health then), every table read once. */
  function inputsAt(dates: readonly string[], ids: Set<number> | null): PortfolioInput[] {
    const rows = (accounts.all() as (Omit<PortfolioAccount, 'archived' | 'inTriage'> & { archived: number })[]).filter(
      (row) => ids === null || ids.has(row.id),
    );
    const revenueRows = revenue.all() as PortfolioRevenueEvent[];
    const surveyRows = surveys.all() as PortfolioSurvey[];
    const states = scoring.statesAt(dates);
    return dates.map((asOf) => {
      const at = states.get(asOf)!;
      // Written out (no spread): twelve months of a 10,000-account book is 120,000 of these.
      const input = rows.map((row): PortfolioAccount => {
        const state = at.get(row.id); // shared and frozen: it carries band, cadence and coverage
        return {
          id: row.id,
          stage: row.stage,
          archived: row.archived === 1,
          mrr: row.mrr,
          contractStart: row.contractStart,
          createdAt: row.createdAt,
          renewalDate: row.renewalDate,
          inTriage: state?.inTriage ?? false,
          health: state,
        };
      });
      return { accounts: input, revenue: revenueRows, surveys: surveyRows };
    });
  }

  /** The metrics of each period, every table read once; `scope` limits them to some accounts. */
  function forMonths(periods: readonly MetricsPeriod[], scope: MetricsScope = {}): MonthMetrics[] {
    if (periods.length === 0) return [];
    const settings = getSettings();
    const ids = scope.accountIds ? new Set(scope.accountIds) : null;
    const inputs = inputsAt(periods.map((p) => p.asOf), ids);
    const touches = touchCounts(periods, ids);
    return periods.map(({ month, asOf }, i) => ({ ...portfolioMetrics(inputs[i], month, asOf, settings), touches: touches[i] }));
  }

  return {
    forMonths,
    /** The metrics of `month` measured at asOf (today by default). */
    forMonth(month: string, asOf = clock.today()): MonthMetrics {
      return forMonths([{ month, asOf }])[0];
    },

    /** The accounts behind a KPI tile of `month` (shared/scoring/kpi-accounts.ts), by the same reading. */
    accountsBehind(tile: KpiAccountTile, month: string, asOf = clock.today()) {
      return { tile, month, ...kpiAccounts(inputsAt([asOf], null)[0], tile, month, asOf, getSettings()) };
    },
  };
}

export type MetricsService = ReturnType<typeof createMetricsService>;
