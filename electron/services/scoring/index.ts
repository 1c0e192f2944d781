// The scoring service: runs the pure health score and flags (shared/scoring) over the database and
// records what they say — one health snapshot per account per day (the trend) and flags as records
// (raised, snoozed, resolved; a flag the CSM resolved stays quiet until its rule stops firing, and a
// later firing is a new flag). Full rescore reads each table once; an edit rescores one account.
import { addDays } from '../../../shared/dates';
import { scoreAccountOf, type AccountInfo, type AccountScore, type PackedBook } from '../../../shared/scoring';
import { encodeComponents } from '../../../shared/scoring/snapshot-components';
import type { FlagResult } from '../../../shared/scoring/types';
import type { Settings } from '../../../shared/settings';
import type { FlagRule } from '../../../shared/domain';
import type { ServiceContext } from '../context';
import { createFactsReader } from './facts';
import { createStatesReader } from './states-at';
import { closeCasesOfChurnedAccounts } from '../triage';

export interface ScoredAccount {
  /** The account's own fields (its rows stay in the packed book). */
  facts: AccountInfo;
  score: AccountScore;
}

/** account_id, score (null: not enough data), band, confidence, components, in_triage */
type SnapshotRow = [number, number | null, string, number, string, number];

interface FlagRecord {
  id: number;
  accountId: number;
  rule: FlagRule;
  severity: string;
  reason: string;
  resolvedAt: string | null;
  resolvedBy: 'rule' | 'user' | null;
}

export function createScoringService(ctx: ServiceContext, getSettings: () => Settings) {
  const { sqlite } = ctx;
  const facts = createFactsReader(sqlite);
  const states = createStatesReader(sqlite, facts, getSettings);

  // A snapshot that is already there with the same values is left alone (the WHERE), so rescoring
  // the same day again writes only what changed instead of rewriting every row.
  const upsertSnapshot = sqlite.prepare(`
    INSERT INTO health_snapshots (account_id, date, score, band, confidence, components, in_triage)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (account_id, date) DO UPDATE SET score = excluded.score, band = excluded.band,
      confidence = excluded.confidence, components = excluded.components, in_triage = excluded.in_triage
    WHERE (score, band, confidence, components, in_triage)
      IS NOT (excluded.score, excluded.band, excluded.confidence, excluded.components, excluded.in_triage)`);
  // A full rescore knows which accounts have no snapshot yet that day (a fresh import's 200,000):
  // a plain insert costs less than the upsert.
  const insertSnapshot = sqlite.prepare(
    'INSERT INTO health_snapshots (account_id, date, score, band, confidence, components, in_triage) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // The snapshots already recorded for a date, so a full rescore can pass over the unchanged ones.
  const snapshotsOn = sqlite.prepare(
    'SELECT account_id, score, band, confidence, components, in_triage FROM health_snapshots WHERE date = ?',
  ).raw();
  // Open flags, plus flags the CSM resolved whose rule has not stopped firing since.
  const liveFlagColumns = `id, account_id AS accountId, rule, severity, reason, resolved_at AS resolvedAt, resolved_by AS resolvedBy`;
  const liveFlagFilter = `(resolved_at IS NULL OR (resolved_by = 'user' AND cleared_at IS NULL))`;
  const liveFlagsAll = sqlite.prepare(`SELECT ${liveFlagColumns} FROM flags WHERE ${liveFlagFilter}`);
  const liveFlagsOne = sqlite.prepare(`SELECT ${liveFlagColumns} FROM flags WHERE account_id = ? AND ${liveFlagFilter}`);
  const insertFlag = sqlite.prepare(
    'INSERT INTO flags (account_id, rule, severity, reason, raised_at) VALUES (?, ?, ?, ?, ?)',
  );
  const refreshFlag = sqlite.prepare('UPDATE flags SET severity = ?, reason = ? WHERE id = ?');
  const resolveByRule = sqlite.prepare(
    "UPDATE flags SET resolved_at = ?, resolved_by = 'rule', cleared_at = ? WHERE id = ?",
  );
  const clearFlag = sqlite.prepare('UPDATE flags SET cleared_at = ? WHERE id = ?');

  // Compact stored form (shared/scoring/snapshot-components.ts): a big import writes one snapshot
  // per account, and the component text was most of the bytes (issue 14's profile).
  function componentsJson(score: AccountScore): string {
    return encodeComponents(score.health.components);
  }

  /** Brings one account's flag records in line with what fires at asOf. */
  function reconcileFlags(accountId: number, fired: FlagResult[], live: FlagRecord[], asOf: string): void {
    const byRule = new Map(live.map((record) => [record.rule, record]));
    for (const flag of fired) {
      const record = byRule.get(flag.rule);
      byRule.delete(flag.rule);
      if (!record) insertFlag.run(accountId, flag.rule, flag.severity, flag.reason, asOf);
      else if (record.resolvedAt === null && (record.reason !== flag.reason || record.severity !== flag.severity)) {
        refreshFlag.run(flag.severity, flag.reason, record.id);
      }
    }
    // Whatever no longer fires: open flags resolve themselves; acknowledged ones are now cleared.
    for (const record of byRule.values()) {
      if (record.resolvedAt === null) resolveByRule.run(asOf, asOf, record.id);
      else clearFlag.run(asOf, record.id);
    }
  }

  /**
   * Records snapshots and flags. With `skipUnchanged` (a full rescore), the day's snapshots already
   * recorded are read first and those with the same values are not written again: rerunning a
   * day costs a read of 10,000 rows instead of 10,000 upserts.
   */
  function persist(scored: ScoredAccount[], live: FlagRecord[], asOf: string, skipUnchanged = false, only?: number): void {
    const liveByAccount = new Map<number, FlagRecord[]>();
    for (const record of live) {
      const list = liveByAccount.get(record.accountId);
      if (list) list.push(record);
      else liveByAccount.set(record.accountId, [record]);
    }
    sqlite.transaction(() => {
      const recorded = skipUnchanged ? new Map((snapshotsOn.all(asOf) as SnapshotRow[]).map((row) => [row[0], row])) : null;
      for (const { facts: account, score } of scored) {
        const { health } = score;
        const components = componentsJson(score);
        const inTriage = score.inTriage ? 1 : 0;
        const row = recorded?.get(account.id);
        const same =
          row !== undefined &&
          row[1] === health.score &&
          row[2] === health.band &&
          row[3] === health.confidence &&
          row[5] === inTriage &&
          row[4] === components;
        if (recorded && row === undefined) insertSnapshot.run(account.id, asOf, health.score, health.band, health.confidence, components, inTriage);
        else if (!same) upsertSnapshot.run(account.id, asOf, health.score, health.band, health.confidence, components, inTriage);
        reconcileFlags(account.id, score.flags, liveByAccount.get(account.id) ?? [], asOf);
      }
      // SPEC "Triage cases": a case closes as churned when its account churns, whichever way it did.
      if (only === undefined || scored.some((s) => s.facts.stage === 'churned')) closeCasesOfChurnedAccounts(sqlite, asOf, only);
    })();
  }

  /** Every account of `book` scored at asOf. */
  function scoreAll(book: PackedBook, asOf: string, settings: Settings): ScoredAccount[] {
    return book.accounts.map((account, a) => ({ facts: account, score: scoreAccountOf(book, a, asOf, settings) }));
  }

  return {
    /** One account scored at asOf without writing anything; null if it does not exist. */
    scoreOne(accountId: number, asOf = ctx.clock.today()): ScoredAccount | null {
      const book = facts.one(accountId);
      return book ? scoreAll(book, asOf, getSettings())[0] : null;
    },

    /**
     * Each account's band, triage, cadence and executive coverage at each date: the snapshot
     * recorded that day, else the scoring at that date — recorded then as history (states-at.ts).
     */
    statesAt: states.statesAt,

    /** Scores the whole book at asOf without writing anything. */
    scoreBook(asOf = ctx.clock.today()): ScoredAccount[] {
      return scoreAll(facts.all(), asOf, getSettings());
    },

    /** Full rescore: scores every account and records snapshots and flags in one transaction. */
    rescoreAll(asOf = ctx.clock.today()): ScoredAccount[] {
      const scored = this.scoreBook(asOf);
      persist(scored, liveFlagsAll.all() as FlagRecord[], asOf, true);
      return scored;
    },

    /** Incremental rescore of one account (after a touch, an edit, …); null if it does not exist. */
    rescoreAccount(accountId: number, asOf = ctx.clock.today()): ScoredAccount | null {
      const book = facts.one(accountId);
      if (!book) return null;
      const [scored] = scoreAll(book, asOf, getSettings());
      persist([scored], liveFlagsOne.all(accountId) as FlagRecord[], asOf, false, accountId);
      return scored;
    },

    /** Rescores a set of accounts: one by one when few, the whole book when many (cheaper per row). */
    rescoreAccounts(accountIds: Iterable<number>, asOf = ctx.clock.today()): void {
      const ids = [...new Set(accountIds)];
      if (ids.length === 0) return;
      if (ids.length > 200) {
        this.rescoreAll(asOf);
        return;
      }
      for (const id of ids) this.rescoreAccount(id, asOf);
    },

    /**
     * Snapshots for past dates (every `stepDays` back to `from`), so a new book has a trend to draw.
     * Scoring at a past date ignores everything dated after it, so history is honest. Flags are not
     * touched: they are records of what was raised when the CSM was looking.
     */
    backfillHistory(from: string, to: string, stepDays: number): number {
      const settings = getSettings();
      const book = facts.all();
      let written = 0;
      sqlite.transaction(() => {
        for (let date = to; date >= from; date = addDays(date, -stepDays)) {
          for (let a = 0; a < book.accounts.length; a++) {
            const account = book.accounts[a];
            const score = scoreAccountOf(book, a, date, settings);
            upsertSnapshot.run(account.id, date, score.health.score, score.health.band, score.health.confidence, componentsJson(score), score.inTriage ? 1 : 0);
            written++;
          }
        }
      })();
      return written;
    },
  };
}

export type ScoringService = ReturnType<typeof createScoringService>;
