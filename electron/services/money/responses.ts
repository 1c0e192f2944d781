// Survey responses and metric samples entered by hand (SPEC "Renewals, expansion and churn": they
// can be entered on the account page as well as imported), and quick capture's NPS given on a call.
// Each is a recorded change (Undo) and rescores the account at once.
import type { ChannelInput } from '../../../shared/contract';
import type { SurveyKind } from '../../../shared/domain';
import { TendError } from '../../../shared/errors';
import { labelOf } from '../../../shared/format';
import { parseMetricKey } from '../../../shared/import/values';
import type { ServiceContext } from '../context';
import { createTouchesService } from '../touches';
import type { ChangeLog, Recorder } from './changes';
import { notAfterToday, runChange } from './common';
import type { Ledger } from './ledger';

/** The scales of SPEC "survey response": NPS 0–10, CSAT 1–5, CES 1–7, whole numbers. */
const SCALES: Record<SurveyKind, [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };
/** Metrics that are counts or a percentage, and so never negative (adoption never above 100). */
const COUNTS = new Set(['active_users', 'open_tickets', 'overdue_invoices', 'community_posts']);

export function createResponsesService(ctx: ServiceContext, deps: { log: ChangeLog; ledger: Ledger }) {
  const { sqlite, clock } = ctx;
  const { log, ledger } = deps;
  const contactOf = sqlite.prepare('SELECT id, account_id AS accountId, name FROM contacts WHERE id = ?');
  const sampleAt = sqlite.prepare('SELECT id, value FROM metric_samples WHERE account_id = ? AND key = ? AND date = ?');

  function checkContact(accountId: number, accountName: string, contactId: number | null | undefined): string | null {
    if (contactId === null || contactId === undefined) return null;
    const contact = contactOf.get(contactId) as { id: number; accountId: number; name: string } | undefined;
    if (!contact || contact.accountId !== accountId) {
      throw new TendError('invalid_input', `Contact ${contactId} is not a contact of ${accountName}. Pick someone from this account, or leave the respondent empty.`, {
        field: 'contactId',
      });
    }
    return contact.name;
  }

  function checkScore(kind: SurveyKind, score: number): void {
    const [min, max] = SCALES[kind];
    if (!Number.isInteger(score) || score < min || score > max) {
      throw new TendError('invalid_input', `A ${labelOf(kind)} score is a whole number from ${min} to ${max} (got ${score}). Nothing was recorded.`, { field: 'score' });
    }
  }

  function insertSurvey(rec: Recorder, input: { accountId: number; kind: SurveyKind; score: number; date: string; contactId: number | null; comment: string }) {
    rec.insert('survey_responses', {
      account_id: input.accountId,
      contact_id: input.contactId,
      kind: input.kind,
      score: input.score,
      date: input.date,
      comment: input.comment,
    });
  }

  return {
    addSurvey(input: ChannelInput<'surveys.add'>) {
      const account = ledger.account(input.accountId);
      checkScore(input.kind, input.score);
      notAfterToday(input.date, clock.today(), 'response date');
      const who = checkContact(account.id, account.name, input.contactId);
      return runChange(ctx, log, account.id, (rec) => {
        insertSurvey(rec, { ...input, contactId: input.contactId ?? null, comment: input.comment?.trim() ?? '' });
        return `Recorded a ${labelOf(input.kind)} of ${input.score}${who ? ` from ${who}` : ''} for ${account.name} on ${input.date}.`;
      });
    },

    addSample(input: ChannelInput<'samples.add'>) {
      const account = ledger.account(input.accountId);
      const key = parseMetricKey(input.key);
      if (key.error !== undefined) throw new TendError('invalid_input', `Metric: ${key.error}.`, { field: 'key' });
      if (!Number.isFinite(input.value)) throw new TendError('invalid_input', 'A metric value must be a number.', { field: 'value' });
      if ((COUNTS.has(key.value) || key.value === 'adoption') && input.value < 0) {
        throw new TendError('invalid_input', `${labelOf(key.value)} cannot be negative (got ${input.value}).`, { field: 'value' });
      }
      if (key.value === 'adoption' && input.value > 100) {
        throw new TendError('invalid_input', `Adoption is the percentage of licensed seats in use, 0 to 100 (got ${input.value}). Record active users instead if there are more than seats.`, {
          field: 'value',
        });
      }
      notAfterToday(input.date, clock.today(), 'sample date');
      return runChange(ctx, log, account.id, (rec) => {
        const existing = sampleAt.get(account.id, key.value, input.date) as { id: number; value: number } | undefined;
        if (existing) {
          rec.update('metric_samples', existing.id, { value: input.value });
          return `${labelOf(key.value)} of ${account.name} on ${input.date}: ${existing.value} → ${input.value}.`;
        }
        rec.insert('metric_samples', { account_id: account.id, key: key.value, date: input.date, value: input.value });
        return `Recorded ${labelOf(key.value).toLowerCase()} ${input.value} for ${account.name} on ${input.date}.`;
      });
    },

    /** A touch and the NPS given during it, in one transaction (quick capture). */
    captureWithNps(input: ChannelInput<'capture.touchWithNps'>) {
      const account = ledger.account(input.touch.accountId);
      const who = checkContact(account.id, account.name, input.nps.contactId);
      const date = input.touch.occurredAt.slice(0, 10);
      notAfterToday(date, clock.today(), 'date of the NPS');
      let touch: ReturnType<ReturnType<typeof createTouchesService>['log']> | null = null;
      const change = runChange(ctx, log, account.id, (rec) => {
        touch = createTouchesService(ctx).log(input.touch);
        insertSurvey(rec, { accountId: account.id, kind: 'nps', score: input.nps.score, date, contactId: input.nps.contactId, comment: input.touch.summary });
        return `Recorded an NPS of ${input.nps.score}${who ? ` from ${who}` : ''} for ${account.name} on ${date}.`;
      });
      return { touch: touch!, changeId: change.changeId };
    },
  };
}

export type ResponsesService = ReturnType<typeof createResponsesService>;
