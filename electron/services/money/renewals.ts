// Renewals (SPEC "Renewals, expansion and churn"; seed 002 law 8): each active account with a
// renewal date has one open renewal — due date, term, the CSM's forecast category and expected ARR.
// The account's renewal date stays the one source of the due date (flags, Today and the metrics read
// it); the open renewal follows it.
//
// Open renewals are made lazily and idempotently: `ensureOpen` runs before every money read and write
// and creates what is missing (an active account with a renewal date and no open renewal — e.g. a
// database from before 2026-12, an import, a new account), moves an open renewal's due date to the
// account's, and drops the open renewal of an account whose renewal date was cleared. It looks first
// and writes only when something is missing, so reads stay reads.
//
// Closing records the outcome: renewed at an MRR (a `renewal` 0 event when flat, else an expansion or
// contraction of the difference) and the next renewal opens one term later; or churned (as a churn).
import type { ChannelInput } from '../../../shared/contract';
import type { RenewalView } from '../../../shared/contracts/money';
import { daysBetween } from '../../../shared/dates';
import type { ForecastCategory, RenewalOutcome } from '../../../shared/domain';
import { TendError } from '../../../shared/errors';
import { labelOf } from '../../../shared/format';
import { disagreementOf, type ForecastRenewal } from '../../../shared/money/forecast';
import { addMonths, renewalEvent } from '../../../shared/money/ledger';
import type { Settings } from '../../../shared/settings';
import { markEdited } from '../accounts';
import type { ServiceContext } from '../context';
import type { ChangeLog } from './changes';
import { moneyText, notAfterToday, runChange, signedMoney } from './common';
import type { HealthReader } from './health';
import type { Ledger } from './ledger';
import type { RevenueService } from './revenue';

export const DEFAULT_TERM_MONTHS = 12;
/** Today lists renewals due within this many days that have no forecast yet. */
export const TODAY_RENEWAL_DAYS = 30;

export interface RenewalRow {
  id: number;
  accountId: number;
  accountName: string;
  currency: string;
  dueDate: string;
  termMonths: number;
  forecast: ForecastCategory | null;
  expectedArrCents: number | null;
  outcome: RenewalOutcome | null;
  closedOn: string | null;
  renewedMrrCents: number | null;
  notes: string;
}

const COLUMNS = `r.id, r.account_id AS accountId, a.name AS accountName, a.currency, r.due_date AS dueDate, r.term_months AS termMonths,
  r.forecast, r.expected_arr_cents AS expectedArrCents, r.outcome, r.closed_on AS closedOn, r.renewed_mrr_cents AS renewedMrrCents, r.notes`;
/** Accounts whose renewals count: not archived, not churned. */
const ACTIVE = "a.archived = 0 AND a.stage != 'churned'";

export function createRenewalsService(
  ctx: ServiceContext,
  deps: { log: ChangeLog; ledger: Ledger; health: HealthReader; settings: () => Settings; revenue: () => RevenueService },
) {
  const { sqlite, clock } = ctx;
  const { log, ledger } = deps;

  // One pass over the accounts, each joined to its open renewal (the partial unique index).
  const missing = sqlite.prepare(`
    SELECT count(*) AS n FROM accounts a LEFT JOIN renewals r ON r.account_id = a.id AND r.outcome IS NULL
    WHERE (r.id IS NULL AND ${ACTIVE} AND a.renewal_date IS NOT NULL) OR (r.id IS NOT NULL AND r.due_date IS NOT a.renewal_date)`).pluck();
  const dropCleared = sqlite.prepare(
    'DELETE FROM renewals WHERE outcome IS NULL AND account_id IN (SELECT id FROM accounts WHERE renewal_date IS NULL)',
  );
  const moveDue = sqlite.prepare(`
    UPDATE renewals SET due_date = (SELECT renewal_date FROM accounts WHERE id = renewals.account_id), updated_at = @now
    WHERE outcome IS NULL AND due_date IS NOT (SELECT renewal_date FROM accounts WHERE id = renewals.account_id)`);
  const openMissing = sqlite.prepare(`
    INSERT INTO renewals (account_id, due_date, term_months, created_at, updated_at)
    SELECT a.id, a.renewal_date, ${DEFAULT_TERM_MONTHS}, @now, @now FROM accounts a
    WHERE ${ACTIVE} AND a.renewal_date IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM renewals r WHERE r.account_id = a.id AND r.outcome IS NULL)`);
  const openOf = sqlite.prepare(`SELECT ${COLUMNS} FROM renewals r JOIN accounts a ON a.id = r.account_id WHERE r.account_id = ? AND r.outcome IS NULL`);
  const byId = sqlite.prepare(`SELECT ${COLUMNS} FROM renewals r JOIN accounts a ON a.id = r.account_id WHERE r.id = ?`);
  const openActive = sqlite.prepare(
    `SELECT ${COLUMNS} FROM renewals r JOIN accounts a ON a.id = r.account_id WHERE r.outcome IS NULL AND ${ACTIVE} ORDER BY r.due_date, a.name COLLATE NOCASE`,
  );
  const closedOf = sqlite.prepare(
    `SELECT ${COLUMNS} FROM renewals r JOIN accounts a ON a.id = r.account_id WHERE r.account_id = ? AND r.outcome IS NOT NULL ORDER BY r.due_date DESC, r.id DESC`,
  );

  const run = (accountId: number, work: Parameters<typeof runChange>[3]) => runChange(ctx, log, accountId, work);

  function requireRenewal(id: number): RenewalRow {
    const row = byId.get(id) as RenewalRow | undefined;
    if (!row) throw new TendError('not_found', `There is no renewal with id ${id}. It may have been closed and undone, or its account deleted.`, { id });
    return row;
  }

  function requireOpen(id: number): RenewalRow {
    const row = requireRenewal(id);
    if (row.outcome !== null) {
      throw new TendError('conflict', `The renewal of ${row.accountName} due ${row.dueDate} was already closed as ${row.outcome} on ${row.closedOn}. Nothing was changed.`, { id });
    }
    return row;
  }

  /** Open renewals as the views show them: ARR at as-of, health, open flags and any disagreement. */
  function toViews(rows: RenewalRow[], asOf: string): RenewalView[] {
    if (!rows.length) return [];
    const ids = rows.filter((r) => r.outcome === null).map((r) => r.accountId);
    const health = deps.health.health(asOf, ids);
    const flags = deps.health.flags(ids);
    const mrr = deps.health.mrrAsOf(asOf, ids);
    const { forecast: settings } = deps.settings();
    return rows.map((r) => {
      const inDays = daysBetween(asOf, r.dueDate);
      if (r.outcome !== null) {
        return { ...r, inDays, arrCents: 12 * (r.renewedMrrCents ?? 0), band: null, score: null, flags: [], disagreement: null };
      }
      const h = health.get(r.accountId);
      const view: ForecastRenewal = {
        renewalId: r.id,
        accountId: r.accountId,
        name: r.accountName,
        dueDate: r.dueDate,
        forecast: r.forecast,
        expectedArrCents: r.expectedArrCents,
        arrCents: 12 * (mrr.get(r.accountId) ?? 0),
        band: h?.band ?? 'no_data',
        score: h?.score ?? null,
        flags: flags.get(r.accountId) ?? [],
      };
      const inWindow = inDays >= 0 && inDays <= settings.disagreementDays;
      return {
        ...r,
        inDays,
        arrCents: view.arrCents,
        band: h?.band ?? null,
        score: view.score,
        flags: view.flags,
        disagreement: inWindow ? (disagreementOf(view)?.reason ?? null) : null,
      };
    });
  }

  const service = {
    /** Creates, moves or drops open renewals so each active account with a renewal date has one. */
    ensureOpen(): number {
      if ((missing.get() as number) === 0) return 0;
      const now = clock.now();
      return sqlite.transaction(() => {
        dropCleared.run();
        moveDue.run({ now });
        return openMissing.run({ now }).changes;
      })();
    },

    openFor(accountId: number): RenewalRow | undefined {
      return openOf.get(accountId) as RenewalRow | undefined;
    },

    /** Every open renewal of the active book, soonest first (overdue ones first of all). */
    list(asOf = clock.today()): RenewalView[] {
      service.ensureOpen();
      return toViews(openActive.all() as RenewalRow[], asOf);
    },

    /** Open renewals for the forecast and Today (raw rows; the caller reads health once). */
    openRows(): RenewalRow[] {
      service.ensureOpen();
      return openActive.all() as RenewalRow[];
    },

    forAccount(accountId: number, asOf = clock.today()): { open: RenewalView | null; past: RenewalView[] } {
      service.ensureOpen();
      const account = ledger.account(accountId);
      const openRow = account.archived || account.stage === 'churned' ? undefined : service.openFor(accountId);
      const [open] = openRow ? toViews([openRow], asOf) : [];
      return { open: open ?? null, past: toViews(closedOf.all(accountId) as RenewalRow[], asOf) };
    },

    /** Renewals due within 30 days that have no forecast yet (Today asks for one). */
    withoutForecast(asOf = clock.today()): RenewalView[] {
      const rows = service.openRows().filter((r) => r.forecast === null && daysBetween(asOf, r.dueDate) >= 0 && daysBetween(asOf, r.dueDate) <= TODAY_RENEWAL_DAYS);
      return toViews(rows, asOf);
    },

    update({ id, patch }: ChannelInput<'renewals.update'>) {
      service.ensureOpen();
      const renewal = requireOpen(id);
      return run(renewal.accountId, (rec) => {
        const now = clock.now();
        const row: Record<string, unknown> = { updated_at: now };
        if (patch.forecast !== undefined) row.forecast = patch.forecast;
        if (patch.expectedArrCents !== undefined) row.expected_arr_cents = patch.expectedArrCents;
        if (patch.termMonths !== undefined) row.term_months = patch.termMonths;
        if (patch.notes !== undefined) row.notes = patch.notes;
        if (patch.dueDate !== undefined) {
          row.due_date = patch.dueDate;
          const account = ledger.account(renewal.accountId);
          rec.update('accounts', account.id, {
            renewal_date: patch.dueDate,
            edited_in_app: JSON.stringify(markEdited(JSON.parse(account.edited_in_app) as Record<string, string>, { renewalDate: 1 }, now)),
            updated_at: now,
          });
        }
        rec.update('renewals', id, row);
        const said = [
          patch.forecast !== undefined ? `forecast ${patch.forecast === null ? 'cleared' : labelOf(patch.forecast).toLowerCase()}` : '',
          patch.expectedArrCents !== undefined
            ? patch.expectedArrCents === null
              ? 'expected ARR back to the ARR at as-of'
              : `expected ARR ${moneyText(patch.expectedArrCents, renewal.currency)}`
            : '',
          patch.termMonths !== undefined ? `term ${patch.termMonths} months` : '',
          patch.dueDate !== undefined ? `due ${patch.dueDate}` : '',
          patch.notes !== undefined ? 'notes' : '',
        ].filter(Boolean);
        return `Renewal of ${renewal.accountName}: ${said.join(', ') || 'no change'}.`;
      });
    },

    close(input: ChannelInput<'renewals.close'>) {
      service.ensureOpen();
      const renewal = requireOpen(input.id);
      const account = ledger.account(renewal.accountId);
      if (input.outcome === 'churned') {
        return run(account.id, (rec) => deps.revenue().churnInto(rec, account, { date: input.date, reason: input.reason, note: input.note }));
      }
      if (account.stage === 'churned' || account.archived) {
        throw new TendError('invalid_input', `${account.name} is ${account.archived ? 'archived' : 'churned'}: its renewal cannot be closed as renewed.`, { field: 'id' });
      }
      notAfterToday(input.date, clock.today(), 'renewal date');
      if (input.mrrCents === 0) {
        throw new TendError('invalid_input', 'Renewed at an MRR of 0 is a churn: close the renewal as churned, with the reason. Nothing was changed.', { field: 'mrrCents' });
      }
      return run(account.id, (rec) => {
        const now = clock.now();
        ledger.putOpeningOnRecord(rec, account, 'renewal', input.date);
        const from = ledger.mrr(ledger.account(account.id));
        const event = renewalEvent(from, input.mrrCents);
        const note = `Renewed for ${renewal.termMonths} months${input.note?.trim() ? ` — ${input.note.trim()}` : ''}`;
        ledger.insertEvent(rec, account.id, { date: input.date, kind: event.kind, delta: event.delta, source: 'renewal', note });
        rec.update('renewals', renewal.id, { outcome: 'renewed', closed_on: input.date, renewed_mrr_cents: input.mrrCents, updated_at: now });
        const next = addMonths(renewal.dueDate, renewal.termMonths);
        rec.insert('renewals', { account_id: account.id, due_date: next, term_months: renewal.termMonths, created_at: now, updated_at: now });
        rec.update('accounts', account.id, {
          renewal_date: next,
          edited_in_app: JSON.stringify(markEdited(JSON.parse(ledger.account(account.id).edited_in_app) as Record<string, string>, { renewalDate: 1 }, now)),
          updated_at: now,
        });
        ledger.settle(rec, account.id, now, account.currency);
        const moved = event.delta === 0 ? 'flat' : `${labelOf(event.kind).toLowerCase()} of ${signedMoney(event.delta, account.currency)} MRR`;
        return `Renewed ${account.name} at ${moneyText(input.mrrCents, account.currency)} MRR on ${input.date} (${moved}); the next renewal is due ${next}.`;
      });
    },
  };
  return service;
}

export type RenewalsService = ReturnType<typeof createRenewalsService>;
