// What the money views read about health and revenue at as-of: the latest health snapshot (band,
// score), the open flags, and the ARR at as-of as the metrics count it (12 × the revenue events' MRR
// up to as-of; an account without events counts its MRR from its contract start or creation). For a
// few accounts (an account page, Today's renewals) each read is an index lookup per account; for the
// book (Renewals, the forecast) one query reads them all.
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

/** Up to this many accounts are read one by one; more, and the whole book is read at once. */
const FEW = 200;

export function createHealthReader(sqlite: Sqlite, scoring: ScoringService) {
  const latestSnapshots = sqlite.prepare(`
    SELECT a.id, h.band, h.score, h.date FROM accounts a
    LEFT JOIN health_snapshots h ON h.id = (
      SELECT id FROM health_snapshots WHERE account_id = a.id AND date <= @asOf ORDER BY date DESC LIMIT 1)`);
  const latestSnapshotOf = sqlite.prepare('SELECT band, score, date FROM health_snapshots WHERE account_id = ? AND date <= ? ORDER BY date DESC LIMIT 1');
  const openFlags = sqlite.prepare('SELECT account_id AS accountId, rule, severity, reason FROM flags WHERE resolved_at IS NULL ORDER BY id');
  const openFlagsOf = sqlite.prepare('SELECT rule, severity, reason FROM flags WHERE account_id = ? AND resolved_at IS NULL ORDER BY id');
  const eventTotals = sqlite.prepare(
    'SELECT account_id AS accountId, sum(CASE WHEN date <= ? THEN mrr_delta_cents ELSE 0 END) AS mrr FROM revenue_events GROUP BY account_id',
  );
  const eventTotalOf = sqlite.prepare(
    'SELECT count(*) AS n, coalesce(sum(CASE WHEN date <= ? THEN mrr_delta_cents ELSE 0 END), 0) AS mrr FROM revenue_events WHERE account_id = ?',
  );
  const accountsMrr = sqlite.prepare('SELECT id, mrr_cents AS mrr, coalesce(contract_start, substr(created_at, 1, 10)) AS opening FROM accounts');
  const accountMrrOf = sqlite.prepare('SELECT mrr_cents AS mrr, coalesce(contract_start, substr(created_at, 1, 10)) AS opening FROM accounts WHERE id = ?');

  const few = (ids: readonly number[] | undefined): ids is readonly number[] => ids !== undefined && ids.length <= FEW;

  function readHealth(asOf: string, ids: readonly number[] | undefined): Map<number, HealthAt> {
    if (few(ids)) {
      return new Map(ids.map((id) => [id, (latestSnapshotOf.get(id, asOf) as HealthAt | undefined) ?? { band: null, score: null, date: null }]));
    }
    const rows = latestSnapshots.all({ asOf }) as ({ id: number } & HealthAt)[];
    return new Map(rows.map(({ id, ...h }) => [id, h]));
  }

  return {
    /**
     * Band and score at as-of of `ids` (all accounts when omitted). Any of them whose latest snapshot
     * is older than as-of is rescored first, so a forecast never reads yesterday's health.
     */
    health(asOf: string, ids?: readonly number[]): Map<number, HealthAt> {
      let health = readHealth(asOf, ids);
      const stale = (ids ?? []).filter((id) => health.get(id)?.date !== asOf);
      if (stale.length) {
        scoring.rescoreAccounts(stale, asOf);
        health = readHealth(asOf, ids);
      }
      return health;
    },

    /** Open (unresolved, snoozed included) flags of `ids`, or of every account. */
    flags(ids?: readonly number[]): Map<number, OpenFlag[]> {
      if (few(ids)) return new Map(ids.map((id) => [id, openFlagsOf.all(id) as OpenFlag[]]));
      const byAccount = new Map<number, OpenFlag[]>();
      for (const f of openFlags.all() as (OpenFlag & { accountId: number })[]) {
        const list = byAccount.get(f.accountId) ?? [];
        list.push({ rule: f.rule, severity: f.severity, reason: f.reason });
        byAccount.set(f.accountId, list);
      }
      return byAccount;
    },

    /** MRR at as-of (cents) of `ids`, or of every account. */
    mrrAsOf(asOf: string, ids?: readonly number[]): Map<number, number> {
      const implied = (a: { mrr: number; opening: string }) => (a.opening <= asOf ? a.mrr : 0);
      if (few(ids)) {
        return new Map(
          ids.map((id) => {
            const events = eventTotalOf.get(asOf, id) as { n: number; mrr: number };
            const account = accountMrrOf.get(id) as { mrr: number; opening: string } | undefined;
            return [id, events.n > 0 ? events.mrr : account ? implied(account) : 0];
          }),
        );
      }
      const fromEvents = new Map((eventTotals.all(asOf) as { accountId: number; mrr: number }[]).map((r) => [r.accountId, r.mrr]));
      const out = new Map<number, number>();
      for (const a of accountsMrr.all() as { id: number; mrr: number; opening: string }[]) out.set(a.id, fromEvents.get(a.id) ?? implied(a));
      return out;
    },
  };
}

export type HealthReader = ReturnType<typeof createHealthReader>;
