// Portfolio metrics for a month (SPEC "Portfolio metrics", seeds 000/002/003): reads accounts,
// revenue events and surveys, takes triage at asOf (recorded snapshots, else the scoring), and hands them to the pure
// portfolioMetrics in shared/scoring.
import { portfolioMetrics, type PortfolioMetrics } from '../../shared/scoring';
import type { PortfolioAccount, PortfolioInput, PortfolioRevenueEvent, PortfolioSurvey } from '../../shared/scoring/types';
import { kpiAccounts, type KpiAccountTile } from '../../shared/scoring/kpi-accounts';
import type { ServiceContext } from './context';
import type { ScoringService } from './scoring';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';

export function createMetricsService(ctx: ServiceContext, scoring: ScoringService, getSettings: () => Settings = () => DEFAULT_SETTINGS) {
  const { sqlite, clock } = ctx;
  const accounts = sqlite.prepare(`
    SELECT id, stage, archived, mrr_cents AS mrr, contract_start AS contractStart,
           substr(created_at, 1, 10) AS createdAt, renewal_date AS renewalDate FROM accounts ORDER BY id`);
  const revenue = sqlite.prepare(
    'SELECT account_id AS accountId, date, kind, mrr_delta_cents AS mrrDelta FROM revenue_events ORDER BY id',
  );
  const surveys = sqlite.prepare('SELECT account_id AS accountId, date, kind, score FROM survey_responses ORDER BY id');
  const snapshotTriage = sqlite.prepare(`
    SELECT a.id, h.in_triage AS inTriage FROM accounts a
    LEFT JOIN health_snapshots h ON h.account_id = a.id AND h.date = ? WHERE a.archived = 0`);

  /** Who is in triage at asOf: today's recorded snapshots when every account has one, else scored now. */
  function triageAt(asOf: string): Set<number> {
    const rows = snapshotTriage.all(asOf) as { id: number; inTriage: number | null }[];
    if (rows.every((r) => r.inTriage !== null)) return new Set(rows.filter((r) => r.inTriage === 1).map((r) => r.id));
    return new Set(scoring.scoreBook(asOf).filter((s) => s.score.inTriage).map((s) => s.facts.id));
  }

  function inputAt(asOf: string): PortfolioInput {
    const triage = triageAt(asOf);
    const rows = (accounts.all() as (Omit<PortfolioAccount, 'archived' | 'inTriage'> & { archived: number })[]).map(
      (row) => ({ ...row, archived: row.archived === 1, inTriage: triage.has(row.id) }),
    );
    return { accounts: rows, revenue: revenue.all() as PortfolioRevenueEvent[], surveys: surveys.all() as PortfolioSurvey[] };
  }

  return {
    forMonth(month: string, asOf = clock.today()): PortfolioMetrics {
      return portfolioMetrics(inputAt(asOf), month, asOf, getSettings());
    },

    /** The accounts behind a KPI tile of `month` (shared/scoring/kpi-accounts.ts). */
    accountsBehind(tile: KpiAccountTile, month: string, asOf = clock.today()) {
      return { tile, month, ...kpiAccounts(inputAt(asOf), tile, month, asOf, getSettings()) };
    },
  };
}

export type MetricsService = ReturnType<typeof createMetricsService>;
