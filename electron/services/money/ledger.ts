// One account's revenue ledger in the database, and the two moves every money write makes through a
// recorder: put the implied opening on record before the first recorded change, and keep the
// account's MRR equal to the sum of its events afterwards (refusing anything that would take MRR
// below zero on any date).
import { formatMoney } from '../../../shared/format';
import { TendError } from '../../../shared/errors';
import type { RevenueKind, RevenueSource, Stage } from '../../../shared/domain';
import { firstNegative, impliedOpeningDate, mrrAt, type LedgerEvent } from '../../../shared/money/ledger';
import type { Sqlite } from '../../db/open';
import { markEdited } from '../accounts';
import type { Recorder } from './changes';

export interface AccountRow {
  id: number;
  name: string;
  stage: Stage;
  mrr_cents: number;
  currency: string;
  contract_start: string | null;
  renewal_date: string | null;
  seats: number | null;
  archived: number;
  churned_on: string | null;
  churn_reason: string | null;
  edited_in_app: string;
  created_at: string;
}

export interface EventRow extends LedgerEvent {
  id: number;
  source: RevenueSource | null;
  note: string;
  importBatchId: number | null;
}

export function createLedger(sqlite: Sqlite) {
  const accountById = sqlite.prepare('SELECT * FROM accounts WHERE id = ?');
  const eventsOf = sqlite.prepare(`
    SELECT id, date, kind, mrr_delta_cents AS mrrDeltaCents, source, note, import_batch_id AS importBatchId
    FROM revenue_events WHERE account_id = ? ORDER BY date, id`);

  const events = (accountId: number): EventRow[] => eventsOf.all(accountId) as EventRow[];
  const sum = (list: EventRow[]) => list.reduce((total, e) => total + e.mrrDeltaCents, 0);

  const ledger = {
    account(id: number): AccountRow {
      const row = accountById.get(id) as AccountRow | undefined;
      if (!row) throw new TendError('not_found', `There is no account with id ${id}. It may have been deleted.`, { field: 'accountId', id });
      return row;
    },

    /** Oldest first. */
    events,

    /** The account's MRR as its revenue history has it: the sum of its events, else the account's MRR. */
    mrr(account: AccountRow, list: EventRow[] = events(account.id)): number {
      return list.length ? sum(list) : account.mrr_cents;
    },

    /** MRR at as-of as the metrics count it (events up to as-of, else the implied opening once it is dated). */
    mrrAsOf(account: AccountRow, asOf: string, list: EventRow[] = events(account.id)): number {
      if (list.length) return mrrAt(list, asOf);
      return impliedOpeningDate({ contractStart: account.contract_start, createdAt: account.created_at }) <= asOf ? account.mrr_cents : 0;
    },

    /**
     * Before the first recorded change of an account that has none, writes the `new` event the
     * metrics assumed (its current MRR at contract start or creation, never after `notAfter`), so the
     * change moves MRR from where the history had it. Returns whether one was written.
     */
    putOpeningOnRecord(rec: Recorder, account: AccountRow, source: RevenueSource, notAfter: string): boolean {
      if (account.mrr_cents === 0 || events(account.id).length) return false;
      const implied = impliedOpeningDate({ contractStart: account.contract_start, createdAt: account.created_at });
      rec.insert('revenue_events', {
        account_id: account.id,
        date: implied < notAfter ? implied : notAfter,
        kind: 'new',
        mrr_delta_cents: account.mrr_cents,
        source,
        note: 'Opening MRR (assumed from the account until the first recorded change)',
      });
      return true;
    },

    /**
     * Sets the account's MRR to the sum of its events, after checking that MRR never falls below zero.
     * A churned account keeps MRR 0: its churn event is re-balanced to take away what the others add.
     */
    settle(rec: Recorder, accountId: number, now: string, currency: string): number {
      const account = ledger.account(accountId);
      let list = events(accountId);
      if (account.stage === 'churned') {
        const churn = [...list].reverse().find((e) => e.kind === 'churn');
        if (churn) {
          const others = sum(list.filter((e) => e.id !== churn.id));
          if (churn.mrrDeltaCents !== -others) rec.update('revenue_events', churn.id, { mrr_delta_cents: -others });
          list = events(accountId);
        }
      }
      const negative = firstNegative(list);
      if (negative) {
        throw new TendError(
          'invalid_input',
          `That would take ${account.name}'s MRR below zero on ${negative.date} (${formatMoney(negative.mrrCents, currency)}). Nothing was changed; check the amounts and dates.`,
          { field: 'amountCents', date: negative.date },
        );
      }
      const mrr = ledger.mrr(account, list);
      if (mrr !== account.mrr_cents) {
        rec.update('accounts', accountId, {
          mrr_cents: mrr,
          edited_in_app: JSON.stringify(markEdited(JSON.parse(account.edited_in_app) as Record<string, string>, { mrrCents: mrr }, now)),
          updated_at: now,
        });
      }
      return mrr;
    },

    insertEvent(
      rec: Recorder,
      accountId: number,
      event: { date: string; kind: RevenueKind; delta: number; source: RevenueSource; note: string },
    ): number {
      return rec.insert('revenue_events', {
        account_id: accountId,
        date: event.date,
        kind: event.kind,
        mrr_delta_cents: event.delta,
        source: event.source,
        note: event.note,
      });
    },
  };
  return ledger;
}

export type Ledger = ReturnType<typeof createLedger>;
