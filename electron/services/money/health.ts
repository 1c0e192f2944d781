// What the money views read about health and revenue at as-of, for many accounts in one query each:
// the latest health snapshot (band, score), the open flags, and the ARR at as-of as the metrics count
// it (12 × the revenue events' MRR up to as-of; an account without events counts its MRR from its
// contract start or creation).
import type { AnyBand, Severity } from '../../../shared/domain';
import type { Sqlite } from '../../db/open';
import type { ScoringService } from '../scoring';

export interface HealthAt {
  band: AnyBand | null;
  score: number | null;
  date: string | null;
}

export interface OpenFlag {
  rule: string;
  severity: Severity;
  reason: string;
}

export function createHealthReader(sqlite: Sqlite, scoring: ScoringService) {
  const latestSnapshots = sqlite.prepare(`
    SELECT a.id, h.band, h.score, h.date FROM accounts a
    LEFT JOIN health_snapshots h ON h.id = (
      SELECT id FROM health_snapshots WHERE account_id = a.id AND date <= @asOf ORDER BY date DESC LIMIT 1)`);
  const openFlags = sqlite.prepare('SELECT account_id AS accountId, rule, severity, reason FROM flags WHERE resolved_at IS NULL ORDER BY id');
  const eventTotals = sqlite.prepare(
    'SELECT account_id AS accountId, sum(CASE WHEN date <= ? THEN mrr_delta_cents ELSE 0 END) AS mrr FROM revenue_events GROUP BY account_id',
  );
  const accountsMrr = sqlite.prepare(
    "SELECT id, mrr_cents AS mrr, coalesce(contract_start, substr(created_at, 1, 10)) AS opening FROM accounts",
  );

  const reader = {
    /**
     * Band and score at as-of for each account. Accounts among `fresh` whose latest snapshot is older
     * than as-of are rescored first, so a forecast never reads yesterday's health.
     */
    health(asOf: string, fresh: Iterable<number> = []): Map<number, HealthAt> {
      let rows = latestSnapshots.all({ asOf }) as { id: number; band: AnyBand | null; score: number | null; date: string | null }[];
      const wanted = new Set(fresh);
      const stale = rows.filter((r) => wanted.has(r.id) && r.date !== asOf).map((r) => r.id);
      if (stale.length) {
        scoring.rescoreAccounts(stale, asOf);
        rows = latestSnapshots.all({ asOf }) as typeof rows;
      }
      return new Map(rows.map((r) => [r.id, { band: r.band, score: r.score, date: r.date }]));
    },

    flags(): Map<number, OpenFlag[]> {
      const byAccount = new Map<number, OpenFlag[]>();
      for (const f of openFlags.all() as (OpenFlag & { accountId: number })[]) {
        const list = byAccount.get(f.accountId) ?? [];
        list.push({ rule: f.rule, severity: f.severity, reason: f.reason });
        byAccount.set(f.accountId, list);
      }
      return byAccount;
    },

    /** MRR at as-of of every account (cents). */
    mrrAsOf(asOf: string): Map<number, number> {
      const fromEvents = new Map((eventTotals.all(asOf) as { accountId: number; mrr: number }[]).map((r) => [r.accountId, r.mrr]));
      const out = new Map<number, number>();
      for (const a of accountsMrr.all() as { id: number; mrr: number; opening: string }[]) {
        out.set(a.id, fromEvents.get(a.id) ?? (a.opening <= asOf ? a.mrr : 0));
      }
      return out;
    },
  };
  return reader;
}

export type HealthReader = ReturnType<typeof createHealthReader>;
