// Triage cases (SPEC "Triage cases", seed 000: "identifying the triggers that caused the problem …
// restore the customer relationship to a healthy state"). A case records why the account entered
// triage (its trigger flags), the root cause, the plan and a target date; it ends recovered, churned
// or closed. The app suggests opening a case when an account is in triage and suggests closing it as
// recovered once the account has been out of triage for 14 days (Settings → triageCases) — it never
// opens one by itself. It does close a case as churned when the account churns: `closeCaseOnChurn`
// (called by whatever records the churn) and the rescore (whatever path churned the account).
import { addDays, daysBetween, monthBounds } from '../../shared/dates';
import type { ChurnReason, Stage, TriageOutcome } from '../../shared/domain';
import { TendError } from '../../shared/errors';
import { labelOf } from '../../shared/format';
import type { ChannelInput } from '../../shared/contract';
import type { TriageCaseView, TriageForAccount, TriageSuggestion, TriageTrigger } from '../../shared/contracts/triage';
import { recoveryReading, triageCaseStats, type AccountScore, type TriageCaseStats } from '../../shared/scoring';
import type { Settings } from '../../shared/settings';
import type { Sqlite } from '../db/open';
import { markEdited } from './accounts';
import type { ServiceContext } from './context';
import type { ScoringService } from './scoring';

interface CaseRow {
  id: number;
  accountId: number;
  accountName: string;
  mrrCents: number;
  openedOn: string;
  triggers: string;
  rootCause: ChurnReason | null;
  plan: string;
  targetDate: string | null;
  closedOn: string | null;
  outcome: TriageOutcome | null;
}

const CASE_COLUMNS = `c.id, c.account_id AS accountId, a.name AS accountName, a.mrr_cents AS mrrCents, c.opened_on AS openedOn,
  c.triggers, c.root_cause AS rootCause, c.plan, c.target_date AS targetDate, c.closed_on AS closedOn, c.outcome`;
const CASES = `SELECT ${CASE_COLUMNS} FROM triage_cases c JOIN accounts a ON a.id = c.account_id`;

/**
 * Closes the account's open triage case as churned on `date` (never before the case opened).
 * For whoever records a churn, inside their own transaction; returns how many cases it closed (0 or 1).
 */
export function closeCaseOnChurn(sqlite: Sqlite, accountId: number, date: string): number {
  return sqlite
    .prepare(
      `UPDATE triage_cases SET closed_on = max(opened_on, @date), outcome = 'churned',
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE account_id = @accountId AND closed_on IS NULL`,
    )
    .run({ accountId, date }).changes;
}

/**
 * Closes, as churned, the open case of every account (or of `accountId`) whose stage is churned —
 * on its churn date, else on asOf. The rescore calls it, so a case never stays open on a churned
 * account, whichever way the account churned.
 */
export function closeCasesOfChurnedAccounts(sqlite: Sqlite, asOf: string, accountId?: number): number {
  return sqlite
    .prepare(
      `UPDATE triage_cases SET outcome = 'churned', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
         closed_on = max(opened_on, coalesce((SELECT churned_on FROM accounts a WHERE a.id = triage_cases.account_id), @asOf))
       WHERE closed_on IS NULL ${accountId === undefined ? '' : 'AND account_id = @accountId'}
         AND account_id IN (SELECT id FROM accounts WHERE stage = 'churned')`,
    )
    .run(accountId === undefined ? { asOf } : { asOf, accountId }).changes;
}

/** What puts an account in triage now, in plain words: its emergency/high flags, an at-risk score, stage triage. */
export function triggersOf(stage: Stage, score: AccountScore): TriageTrigger[] {
  const triggers: TriageTrigger[] = score.flags
    .filter((f) => f.severity === 'emergency' || f.severity === 'high')
    .map((f) => ({ rule: f.rule, severity: f.severity, reason: f.reason }));
  if (score.health.band === 'at_risk') triggers.push({ rule: 'band', reason: `Health ${score.health.score} (at risk)` });
  if (stage === 'triage' && triggers.length === 0) triggers.push({ rule: 'stage', reason: 'In stage triage' });
  return triggers;
}

export function createTriageService(ctx: ServiceContext, deps: { scoring: ScoringService; getSettings: () => Settings }) {
  const { sqlite, clock } = ctx;
  const byId = sqlite.prepare(`${CASES} WHERE c.id = ?`);
  const openOf = sqlite.prepare(`${CASES} WHERE c.account_id = ? AND c.closed_on IS NULL`);
  const closedOf = sqlite.prepare(`${CASES} WHERE c.account_id = ? AND c.closed_on IS NOT NULL ORDER BY c.closed_on DESC, c.id DESC`);
  const listAll = sqlite.prepare(`${CASES} ORDER BY c.closed_on IS NOT NULL, coalesce(c.closed_on, c.target_date, c.opened_on), c.id`);
  const account = sqlite.prepare('SELECT id, name, stage, archived, edited_in_app AS editedInApp FROM accounts WHERE id = ?');
  const insert = sqlite.prepare(`
    INSERT INTO triage_cases (account_id, opened_on, triggers, root_cause, plan, target_date, created_at, updated_at)
    VALUES (@accountId, @openedOn, @triggers, @rootCause, @plan, @targetDate, @now, @now)`);
  // Accounts in triage by their latest snapshot, without an open case: the suggestions.
  const uncovered = sqlite.prepare(`
    SELECT a.id, a.name, a.stage, a.mrr_cents AS mrrCents, h.score, h.band FROM accounts a
    JOIN health_snapshots h ON h.id = (SELECT id FROM health_snapshots WHERE account_id = a.id ORDER BY date DESC LIMIT 1)
    WHERE h.in_triage = 1 AND a.archived = 0 AND a.stage != 'churned'
      AND NOT EXISTS (SELECT 1 FROM triage_cases c WHERE c.account_id = a.id AND c.closed_on IS NULL)
    ORDER BY a.mrr_cents DESC, a.name`);
  const urgentFlags = sqlite.prepare(`
    SELECT account_id AS accountId, rule, severity, reason FROM flags
    WHERE resolved_at IS NULL AND severity IN ('emergency', 'high') ORDER BY id`);
  const allCaseDates = sqlite.prepare('SELECT opened_on AS openedOn, closed_on AS closedOn, outcome FROM triage_cases');
  const snapshotBands = sqlite.prepare('SELECT date, band FROM health_snapshots WHERE account_id = ? ORDER BY date');
  // When each emergency/high flag stopped firing: cleared_at, or resolved_at when the rule resolved it.
  const urgentFlagHistory = sqlite.prepare(`
    SELECT raised_at AS raisedAt, coalesce(cleared_at, CASE WHEN resolved_by = 'rule' THEN resolved_at END) AS stoppedOn
    FROM flags WHERE account_id = ? AND severity IN ('emergency', 'high')`);

  function requireAccount(accountId: number) {
    const row = account.get(accountId) as { id: number; name: string; stage: Stage; archived: number; editedInApp: string } | undefined;
    if (!row) throw new TendError('not_found', `There is no account with id ${accountId}. It may have been deleted.`, { field: 'accountId' });
    return row;
  }

  function requireCase(id: number): CaseRow {
    const row = byId.get(id) as CaseRow | undefined;
    if (!row) throw new TendError('not_found', `There is no triage case with id ${id}. It may have been removed with its account.`, { id });
    return row;
  }

  /**
   * Whether the account was in triage by its signals (not its stage) on a date, as the app recorded
   * it then: its latest health snapshot on or before the date was at risk, or an emergency/high flag
   * was firing (raised by then, not yet stopped). Records, not a rescore of the past: contacts carry
   * no dates, so rescoring history would credit today's relationships to last month.
   */
  function signalReader(accountId: number) {
    const bands = snapshotBands.all(accountId) as { date: string; band: string }[];
    const flags = (urgentFlagHistory.all(accountId) as { raisedAt: string; stoppedOn: string | null }[]).map((f) => ({
      raisedAt: f.raisedAt,
      stoppedOn: f.stoppedOn,
    }));
    return (date: string): boolean => {
      let band: string | null = null;
      for (const row of bands) {
        if (row.date > date) break;
        band = row.band;
      }
      if (band === 'at_risk') return true;
      return flags.some((f) => f.raisedAt <= date && (f.stoppedOn === null || f.stoppedOn > date));
    };
  }

  function view(row: CaseRow, asOf: string, lookBackDays?: number): TriageCaseView {
    const open = row.closedOn === null;
    const afterDays = deps.getSettings().triageCases.recoveredAfterDays;
    return {
      id: row.id,
      accountId: row.accountId,
      accountName: row.accountName,
      arrCents: row.mrrCents * 12,
      openedOn: row.openedOn,
      triggers: JSON.parse(row.triggers) as TriageTrigger[],
      rootCause: row.rootCause,
      plan: row.plan,
      targetDate: row.targetDate,
      closedOn: row.closedOn,
      outcome: row.outcome,
      overdueDays: open && row.targetDate !== null && row.targetDate < asOf ? daysBetween(row.targetDate, asOf) : 0,
      recovery: open ? recoveryReading(row.openedOn, asOf, afterDays, signalReader(row.accountId), lookBackDays ?? afterDays) : null,
    };
  }

  function checkTarget(targetDate: string | null | undefined, openedOn: string): void {
    if (targetDate && targetDate < openedOn) {
      throw new TendError('invalid_input', `The target date (${targetDate}) is before the case opened (${openedOn}). Pick a date on or after ${openedOn}.`, {
        field: 'targetDate',
      });
    }
  }

  return {
    list(status: 'open' | 'closed' | 'all' = 'all', asOf = clock.today()) {
      const rows = (listAll.all() as CaseRow[]).filter((r) => status === 'all' || (status === 'open') === (r.closedOn === null));
      const flags = new Map<number, TriageTrigger[]>();
      for (const f of urgentFlags.all() as (TriageTrigger & { accountId: number })[]) {
        const { accountId, ...trigger } = f;
        flags.set(accountId, [...(flags.get(accountId) ?? []), trigger]);
      }
      const suggestions: TriageSuggestion[] = (
        uncovered.all() as { id: number; name: string; stage: Stage; mrrCents: number; score: number | null; band: string }[]
      ).map((a) => {
        const triggers = [...(flags.get(a.id) ?? [])];
        if (a.band === 'at_risk') triggers.push({ rule: 'band', reason: `Health ${a.score} (at risk)` });
        if (a.stage === 'triage' && triggers.length === 0) triggers.push({ rule: 'stage', reason: 'In stage triage' });
        return { accountId: a.id, accountName: a.name, arrCents: a.mrrCents * 12, triggers };
      });
      const { first } = monthBounds(asOf.slice(0, 7));
      return { asOf, cases: rows.map((r) => view(r, asOf)), suggestions, month: { from: first, to: asOf, stats: this.stats(first, asOf) } };
    },

    /** The account's open case (or the suggestion to open one) and its past cases. */
    forAccount(accountId: number, asOf = clock.today()): TriageForAccount {
      const acct = requireAccount(accountId);
      const open = openOf.get(accountId) as CaseRow | undefined;
      const scored = deps.scoring.scoreOne(accountId, asOf);
      const inTriage = scored?.score.inTriage ?? false;
      return {
        asOf,
        inTriage,
        open: open ? view(open, asOf, 366) : null,
        suggestOpen:
          !open && inTriage && scored
            ? { triggers: triggersOf(acct.stage, scored.score), targetDate: addDays(asOf, deps.getSettings().triageCases.targetDays) }
            : null,
        closed: (closedOf.all(accountId) as CaseRow[]).map((r) => view(r, asOf)),
        recoveredAfterDays: deps.getSettings().triageCases.recoveredAfterDays,
      };
    },

    /** Opens a case the CSM asked for (never called by the app on its own). */
    open(input: ChannelInput<'triage.open'>): TriageCaseView {
      const asOf = clock.today();
      const acct = requireAccount(input.accountId);
      if (acct.stage === 'churned') {
        throw new TendError('invalid_input', `${acct.name} has churned; a triage case is for an account that can still be saved. Bring it back first if it returned.`, {
          field: 'accountId',
        });
      }
      if (acct.archived) {
        throw new TendError('invalid_input', `${acct.name} is archived. Unarchive it before opening a triage case.`, { field: 'accountId' });
      }
      const existing = openOf.get(input.accountId) as CaseRow | undefined;
      if (existing) {
        throw new TendError(
          'conflict',
          `${acct.name} already has an open triage case (opened ${existing.openedOn}). Update that case, or close it before opening another.`,
          { field: 'accountId', caseId: existing.id },
        );
      }
      checkTarget(input.targetDate, asOf);
      // The triggers as the account is scored right now, unless the caller states them.
      const scored = input.triggers ? null : deps.scoring.rescoreAccount(input.accountId, asOf);
      const triggers = input.triggers ?? (scored ? triggersOf(acct.stage, scored.score) : []);
      if (triggers.length === 0) triggers.push({ rule: 'manual', reason: 'Opened by the CSM' });
      const { lastInsertRowid } = insert.run({
        accountId: input.accountId,
        openedOn: asOf,
        triggers: JSON.stringify(triggers),
        rootCause: input.rootCause ?? null,
        plan: input.plan ?? '',
        targetDate: input.targetDate === undefined ? addDays(asOf, deps.getSettings().triageCases.targetDays) : input.targetDate,
        now: clock.now(),
      });
      return view(requireCase(Number(lastInsertRowid)), asOf);
    },

    update({ id, patch }: ChannelInput<'triage.update'>): TriageCaseView {
      const row = requireCase(id);
      checkTarget(patch.targetDate, row.openedOn);
      const sets: string[] = [];
      const values: Record<string, unknown> = { id, now: clock.now() };
      const columns = { rootCause: 'root_cause', plan: 'plan', targetDate: 'target_date' } as const;
      for (const key of Object.keys(columns) as (keyof typeof columns)[]) {
        if (patch[key] === undefined) continue;
        sets.push(`${columns[key]} = @${key}`);
        values[key] = patch[key];
      }
      if (sets.length) sqlite.prepare(`UPDATE triage_cases SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`).run(values);
      return view(requireCase(id), clock.today());
    },

    /** Closes a case as recovered or closed (and moves the account's stage, if asked), in one transaction. */
    close(input: ChannelInput<'triage.close'>): TriageCaseView {
      const asOf = clock.today();
      const row = requireCase(input.id);
      if (row.closedOn !== null) {
        throw new TendError('conflict', `The triage case of ${row.accountName} was already closed on ${row.closedOn} (${labelOf(row.outcome ?? 'closed').toLowerCase()}).`, {
          id: input.id,
        });
      }
      const closedOn = input.closedOn ?? asOf;
      if (closedOn < row.openedOn || closedOn > asOf) {
        throw new TendError('invalid_input', `Close the case on a date between its opening (${row.openedOn}) and today (${asOf}), not ${closedOn}.`, {
          field: 'closedOn',
        });
      }
      const now = clock.now();
      sqlite.transaction(() => {
        sqlite.prepare('UPDATE triage_cases SET closed_on = ?, outcome = ?, updated_at = ? WHERE id = ?').run(closedOn, input.outcome, now, input.id);
        if (input.stage) {
          const acct = requireAccount(row.accountId);
          const edited = markEdited(JSON.parse(acct.editedInApp) as Record<string, string>, { stage: input.stage }, now);
          sqlite.prepare('UPDATE accounts SET stage = ?, edited_in_app = ?, updated_at = ? WHERE id = ?').run(input.stage, JSON.stringify(edited), now, row.accountId);
        }
      })();
      if (input.stage) ctx.accountChanged(row.accountId);
      return view(requireCase(input.id), asOf);
    },

    /** Undo of close. */
    reopen(id: number): TriageCaseView {
      const row = requireCase(id);
      if (row.closedOn === null) return view(row, clock.today());
      if (requireAccount(row.accountId).stage === 'churned') {
        throw new TendError('invalid_input', `${row.accountName} has churned, so its triage case stays closed. Bring the account back first if it returned.`, { id });
      }
      const other = openOf.get(row.accountId) as CaseRow | undefined;
      if (other) {
        throw new TendError('conflict', `${row.accountName} already has another open triage case (opened ${other.openedOn}); close it before reopening this one.`, { id });
      }
      sqlite.prepare('UPDATE triage_cases SET closed_on = NULL, outcome = NULL, updated_at = ? WHERE id = ?').run(clock.now(), id);
      return view(requireCase(id), clock.today());
    },

    /** Undo of open: the case goes (returned as it was). */
    remove(id: number): TriageCaseView {
      const row = requireCase(id);
      const before = view(row, clock.today());
      sqlite.prepare('DELETE FROM triage_cases WHERE id = ?').run(id);
      return before;
    },

    /** SPEC "Triage cases": opened, open, recovered and churned in [from, to], save rate, median days to recover. */
    stats(from: string, to: string): TriageCaseStats {
      return triageCaseStats(allCaseDates.all() as { openedOn: string; closedOn: string | null; outcome: TriageOutcome | null }[], from, to);
    },
  };
}

export type TriageService = ReturnType<typeof createTriageService>;
