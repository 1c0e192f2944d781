// Revenue from every money change (SPEC "Renewals, expansion and churn"): an MRR edit is an
// expansion, a contraction or a correction (which rewrites history instead of recording a movement);
// moving an account to churned writes a churn event of −MRR at the churn date and closes its open
// renewal, triage case and opportunities; bringing it back writes a `new` event. Events can also be
// added, edited and deleted by hand. Each is one transaction through the change log (Undo), leaves
// the account's MRR equal to the sum of its events, and rescores the account.
import type { ChannelInput } from '../../../shared/contract';
import type { RevenueKind } from '../../../shared/domain';
import { TendError } from '../../../shared/errors';
import { labelOf } from '../../../shared/format';
import { mrrChange, signedMrrDelta } from '../../../shared/money/ledger';
import { markEdited } from '../accounts';
import type { ServiceContext } from '../context';
import type { ChangeLog, Recorder } from './changes';
import { moneyText, notAfterToday, runChange, signedMoney } from './common';
import type { AccountRow, Ledger } from './ledger';
import { DEFAULT_TERM_MONTHS, type RenewalsService } from './renewals';

export function createRevenueService(ctx: ServiceContext, deps: { log: ChangeLog; ledger: Ledger; renewals: () => RenewalsService }) {
  const { sqlite, clock } = ctx;
  const { log, ledger } = deps;
  const eventById = sqlite.prepare('SELECT * FROM revenue_events WHERE id = ?');
  const openTriage = sqlite.prepare('SELECT id FROM triage_cases WHERE account_id = ? AND closed_on IS NULL');
  const openOpportunities = sqlite.prepare("SELECT id FROM opportunities WHERE account_id = ? AND stage IN ('identified', 'qualified', 'proposed')");
  const linkedOpportunities = sqlite.prepare('SELECT id FROM opportunities WHERE revenue_event_id = ?');

  const run = (accountId: number, work: (rec: Recorder) => string) => runChange(ctx, log, accountId, work);

  function requireEvent(id: number) {
    const row = eventById.get(id) as { id: number; account_id: number; date: string; kind: RevenueKind; mrr_delta_cents: number; note: string } | undefined;
    if (!row) throw new TendError('not_found', `There is no revenue event with id ${id}. It may have been deleted or undone.`, { id });
    return row;
  }

  function refuseChurned(account: AccountRow, doing: string) {
    if (account.stage === 'churned') {
      throw new TendError(
        'invalid_input',
        `${account.name} churned${account.churned_on ? ` on ${account.churned_on}` : ''}: bring it back first (set its stage) before ${doing}.`,
        { field: 'accountId' },
      );
    }
  }

  const editedFields = (account: AccountRow, fields: object, now: string) =>
    JSON.stringify(markEdited(JSON.parse(account.edited_in_app) as Record<string, string>, fields, now));

  /**
   * churnAccount: the churn event, the stage, the open renewal, triage case and opportunities —
   * together. Also what closing a renewal as churned does.
   */
  function churnInto(rec: Recorder, account: AccountRow, input: { date: string; reason: ChannelInput<'money.churn'>['reason']; note?: string }): string {
    const asOf = clock.today();
    const now = clock.now();
    if (account.stage === 'churned') {
      throw new TendError('conflict', `${account.name} already churned${account.churned_on ? ` on ${account.churned_on}` : ''}. Nothing was changed.`, { field: 'accountId' });
    }
    notAfterToday(input.date, asOf, 'churn date');
    deps.renewals().ensureOpen();
    ledger.putOpeningOnRecord(rec, account, 'churn', input.date);
    const events = ledger.events(account.id);
    const later = events.find((e) => e.date > input.date);
    if (later) {
      throw new TendError(
        'invalid_input',
        `${account.name} has a ${labelOf(later.kind).toLowerCase()} event on ${later.date}, after the churn date ${input.date}. Date the churn on or after ${later.date}, or change that event first. Nothing was changed.`,
        { field: 'date' },
      );
    }
    const mrr = ledger.mrr(account, events);
    const note = `Churned: ${labelOf(input.reason)}${input.note?.trim() ? ` — ${input.note.trim()}` : ''}`;
    ledger.insertEvent(rec, account.id, { date: input.date, kind: 'churn', delta: -mrr, source: 'churn', note });
    rec.update('accounts', account.id, {
      stage: 'churned',
      mrr_cents: 0,
      churned_on: input.date,
      churn_reason: input.reason,
      edited_in_app: editedFields(account, { stage: 1, mrrCents: 1, churnedOn: 1, churnReason: 1 }, now),
      updated_at: now,
    });
    const renewal = deps.renewals().openFor(account.id);
    if (renewal) rec.update('renewals', renewal.id, { outcome: 'churned', closed_on: input.date, updated_at: now });
    // The triage case ends with the account (SPEC "Triage cases": closed as churned when it churns).
    for (const { id } of openTriage.all(account.id) as { id: number }[]) {
      rec.update('triage_cases', id, { closed_on: input.date, outcome: 'churned', updated_at: now });
    }
    const lost = openOpportunities.all(account.id) as { id: number }[];
    for (const { id } of lost) rec.update('opportunities', id, { stage: 'lost', closed_on: input.date, updated_at: now });
    ledger.settle(rec, account.id, now, account.currency);
    return [
      `Recorded the churn of ${account.name} on ${input.date} (${labelOf(input.reason).toLowerCase()}): MRR ${moneyText(mrr, account.currency)} → ${moneyText(0, account.currency)}.`,
      renewal ? 'Its renewal was closed as churned.' : '',
      lost.length ? `${lost.length} open opportunit${lost.length === 1 ? 'y was' : 'ies were'} marked lost.` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  return {
    churnInto,

    churn(input: ChannelInput<'money.churn'>) {
      const account = ledger.account(input.accountId);
      return run(account.id, (rec) => churnInto(rec, account, input));
    },

    reactivate(input: ChannelInput<'money.reactivate'>) {
      const account = ledger.account(input.accountId);
      if (account.stage !== 'churned') {
        throw new TendError('invalid_input', `${account.name} has not churned (it is in stage ${labelOf(account.stage).toLowerCase()}), so there is nothing to bring back.`, {
          field: 'accountId',
        });
      }
      notAfterToday(input.date, clock.today(), 'date the customer came back');
      const last = ledger.events(account.id).at(-1);
      if (last && last.date > input.date) {
        throw new TendError('invalid_input', `${account.name}'s last revenue event is on ${last.date}: the customer can only come back on or after it. Nothing was changed.`, {
          field: 'date',
        });
      }
      return run(account.id, (rec) => {
        const now = clock.now();
        const note = `Back as a customer${input.note?.trim() ? ` — ${input.note.trim()}` : ''}`;
        ledger.insertEvent(rec, account.id, { date: input.date, kind: 'new', delta: input.mrrCents, source: 'reactivation', note });
        rec.update('accounts', account.id, {
          stage: input.stage,
          churned_on: null,
          churn_reason: null,
          edited_in_app: editedFields(account, { stage: 1, churnedOn: 1, churnReason: 1 }, now),
          updated_at: now,
        });
        // Active again with a renewal date: its renewal opens now, as part of this change (Undo removes it).
        if (account.renewal_date && !deps.renewals().openFor(account.id)) {
          rec.insert('renewals', { account_id: account.id, due_date: account.renewal_date, term_months: DEFAULT_TERM_MONTHS, created_at: now, updated_at: now });
        }
        ledger.settle(rec, account.id, now, account.currency);
        return `${account.name} is back as a customer from ${input.date} at ${moneyText(input.mrrCents, account.currency)} MRR (stage ${labelOf(input.stage).toLowerCase()}).`;
      });
    },

    /** A new MRR: an expansion or contraction event of the difference, or a correction of history. */
    changeMrr(input: ChannelInput<'revenue.changeMrr'>) {
      const account = ledger.account(input.accountId);
      refuseChurned(account, 'changing its MRR');
      notAfterToday(input.date, clock.today(), 'date of the change');
      const { currency } = account;
      return run(account.id, (rec) => {
        const now = clock.now();
        const from = ledger.mrr(account);
        if (input.as === 'correction') return correct(rec, account, from, input.mrrCents, now);
        const change = mrrChange(from, input.mrrCents, input.as);
        if ('error' in change) throw new TendError('invalid_input', `${change.error} Nothing was changed.`, { field: 'as' });
        ledger.putOpeningOnRecord(rec, account, 'mrr_edit', input.date);
        ledger.insertEvent(rec, account.id, { date: input.date, kind: change.kind as RevenueKind, delta: change.delta, source: 'mrr_edit', note: input.note?.trim() ?? '' });
        ledger.settle(rec, account.id, now, currency);
        return `${account.name}: ${labelOf(change.kind).toLowerCase()} of ${signedMoney(change.delta, currency)} MRR on ${input.date} (${moneyText(from, currency)} → ${moneyText(input.mrrCents, currency)}).`;
      });
    },

    add(input: ChannelInput<'revenue.add'>) {
      const account = ledger.account(input.accountId);
      refuseChurned(account, 'adding revenue');
      notAfterToday(input.date, clock.today(), 'event date');
      const delta = signedMrrDelta(input.kind, input.amountCents);
      return run(account.id, (rec) => {
        const now = clock.now();
        const opened = ledger.putOpeningOnRecord(rec, account, 'manual', input.date);
        ledger.insertEvent(rec, account.id, { date: input.date, kind: input.kind, delta, source: 'manual', note: input.note?.trim() ?? '' });
        const mrr = ledger.settle(rec, account.id, now, account.currency);
        return `Added a ${labelOf(input.kind).toLowerCase()} of ${signedMoney(delta, account.currency)} MRR on ${input.date} to ${account.name}${
          opened ? ` (its opening MRR is now on record too)` : ''
        }: MRR ${moneyText(mrr, account.currency)}.`;
      });
    },

    update({ id, patch }: ChannelInput<'revenue.update'>) {
      const event = requireEvent(id);
      const account = ledger.account(event.account_id);
      if (patch.date !== undefined) notAfterToday(patch.date, clock.today(), 'event date');
      if (event.kind === 'churn' && (patch.kind !== undefined || patch.amountCents !== undefined)) {
        throw new TendError(
          'invalid_input',
          'A churn event takes away whatever MRR the account had: only its date and note can be changed. To undo a churn, bring the account back (set its stage).',
          { field: 'kind' },
        );
      }
      return run(account.id, (rec) => {
        const now = clock.now();
        const kind = patch.kind ?? event.kind;
        const amount = patch.amountCents ?? event.mrr_delta_cents;
        const row: Record<string, unknown> = { kind, mrr_delta_cents: signedMrrDelta(kind, amount) };
        if (patch.date !== undefined) row.date = patch.date;
        if (patch.note !== undefined) row.note = patch.note.trim();
        rec.update('revenue_events', id, row);
        if (event.kind === 'churn' && patch.date !== undefined && account.churned_on !== null) {
          rec.update('accounts', account.id, { churned_on: patch.date, updated_at: now });
        }
        const mrr = ledger.settle(rec, account.id, now, account.currency);
        return `Changed a revenue event of ${account.name} (${labelOf(kind).toLowerCase()}, ${patch.date ?? event.date}): MRR ${moneyText(mrr, account.currency)}.`;
      });
    },

    remove(id: number) {
      const event = requireEvent(id);
      const account = ledger.account(event.account_id);
      if (event.kind === 'churn' && account.stage === 'churned') {
        throw new TendError('invalid_input', `This is ${account.name}'s churn. To take it back, bring the account back (set its stage) instead; nothing was deleted.`, {
          field: 'id',
        });
      }
      return run(account.id, (rec) => {
        const now = clock.now();
        // A won opportunity forgets the event it wrote (Undo links them again).
        for (const { id: opportunityId } of linkedOpportunities.all(id) as { id: number }[]) {
          rec.update('opportunities', opportunityId, { revenue_event_id: null, updated_at: now });
        }
        rec.remove('revenue_events', id);
        const mrr = ledger.settle(rec, account.id, now, account.currency);
        return `Deleted the ${labelOf(event.kind).toLowerCase()} of ${signedMoney(event.mrr_delta_cents, account.currency)} on ${event.date} from ${account.name}: MRR ${moneyText(mrr, account.currency)}.`;
      });
    },
  };

  /**
   * A correction: the MRR was wrong, not changed. No movement is recorded — the opening `new` event
   * is rewritten (or put on record) so the history reads the corrected MRR from the start.
   */
  function correct(rec: Recorder, account: AccountRow, from: number, to: number, now: string): string {
    const { currency } = account;
    if (from === to) throw new TendError('invalid_input', 'The new MRR is the same as the current MRR: there is nothing to correct.', { field: 'mrrCents' });
    const events = ledger.events(account.id);
    const stamp = `corrected on ${clock.today()} from ${moneyText(from, currency)} to ${moneyText(to, currency)} MRR`;
    if (!events.length) {
      rec.update('accounts', account.id, { mrr_cents: to, updated_at: now });
      ledger.putOpeningOnRecord(rec, ledger.account(account.id), 'mrr_edit', clock.today());
      const [opening] = ledger.events(account.id);
      if (opening) rec.update('revenue_events', opening.id, { note: `Opening MRR, ${stamp}` });
    } else {
      const opening = events.find((e) => e.kind === 'new');
      const adjusted = (opening?.mrrDeltaCents ?? 0) + (to - from);
      if (adjusted < 0 || (!opening && adjusted === 0)) {
        throw new TendError(
          'invalid_input',
          `A correction to ${moneyText(to, currency)} would leave ${account.name} with a negative opening MRR: the MRR really went down, so record a contraction instead. Nothing was changed.`,
          { field: 'as' },
        );
      }
      if (opening) {
        rec.update('revenue_events', opening.id, { mrr_delta_cents: adjusted, note: [opening.note, stamp].filter(Boolean).join('; ') });
      } else {
        ledger.insertEvent(rec, account.id, { date: events[0].date, kind: 'new', delta: adjusted, source: 'mrr_edit', note: `Opening MRR, ${stamp}` });
      }
    }
    ledger.settle(rec, account.id, now, currency);
    return `Corrected ${account.name}'s MRR from ${moneyText(from, currency)} to ${moneyText(to, currency)}. No expansion or contraction was recorded: the history now reads the corrected MRR from the start.`;
  }
}

export type RevenueService = ReturnType<typeof createRevenueService>;
