// Accounts: the list every view starts from (one query joining each account's latest health
// snapshot and its open flags), the detail page's data, and edits.
import { eq } from 'drizzle-orm';
import type { Account, AccountDetail, AccountSummary, ChannelInput } from '../../shared/contract';
import type { Band, FlagRule, Segment, Severity, Stage } from '../../shared/domain';
import { TendError } from '../../shared/errors';
import { accounts } from '../db/schema';
import type { ServiceContext } from './context';
import { createContactsService } from './contacts';
import { createTouchesService } from './touches';

interface SummaryRow {
  id: number;
  externalId: string | null;
  name: string;
  segment: Segment;
  stage: Stage;
  mrrCents: number;
  currency: string;
  renewalDate: string | null;
  archived: number;
  score: number | null;
  band: Band | null;
  confidence: number | null;
  inTriage: number | null;
}

/** How many touches an account page shows before *Load older touches*. */
export const TOUCHES_SHOWN = 500;

export function createAccountsService(ctx: ServiceContext) {
  const { db, sqlite, clock } = ctx;
  const summaries = sqlite.prepare(`
    SELECT a.id, a.external_id AS externalId, a.name, a.segment, a.stage, a.mrr_cents AS mrrCents,
           a.currency, a.renewal_date AS renewalDate, a.archived,
           h.score, h.band, h.confidence, h.in_triage AS inTriage
    FROM accounts a
    LEFT JOIN health_snapshots h ON h.id = (
      SELECT id FROM health_snapshots WHERE account_id = a.id ORDER BY date DESC LIMIT 1)
    WHERE (@includeArchived = 1 OR a.archived = 0)
      AND (@search IS NULL OR a.name LIKE '%' || @search || '%' ESCAPE '\\' OR a.external_id = @exact)
    ORDER BY a.name COLLATE NOCASE`);
  const openFlags = sqlite.prepare(`
    SELECT account_id AS accountId, rule, severity FROM flags
    WHERE resolved_at IS NULL AND (snoozed_until IS NULL OR snoozed_until <= ?)`);

  function require(id: number): Account & { editedInApp: Record<string, string> } {
    const row = db.select().from(accounts).where(eq(accounts.id, id)).get();
    if (!row) throw new TendError('not_found', `There is no account with id ${id}. It may have been deleted.`, { id });
    return row;
  }

  return {
    list(input: ChannelInput<'accounts.list'> = {}): AccountSummary[] {
      const search = input.search?.trim() ? input.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`) : null;
      const rows = summaries.all({
        includeArchived: input.includeArchived ? 1 : 0,
        search,
        exact: input.search?.trim() ?? null,
      }) as SummaryRow[];
      const flagsByAccount = new Map<number, { rule: FlagRule; severity: Severity }[]>();
      for (const flag of openFlags.all(clock.today()) as { accountId: number; rule: FlagRule; severity: Severity }[]) {
        const list = flagsByAccount.get(flag.accountId);
        if (list) list.push({ rule: flag.rule, severity: flag.severity });
        else flagsByAccount.set(flag.accountId, [{ rule: flag.rule, severity: flag.severity }]);
      }
      return rows.map((row) => ({
        ...row,
        archived: row.archived === 1,
        inTriage: row.inTriage === 1,
        flags: flagsByAccount.get(row.id) ?? [],
      }));
    },

    /** The account, its contacts and its newest `touchLimit` touches. */
    get(id: number, touchLimit = TOUCHES_SHOWN): AccountDetail {
      const account = toAccount(require(id));
      return {
        account,
        contacts: createContactsService(ctx).listForAccount(id),
        touches: createTouchesService(ctx).listForAccount(id, touchLimit),
      };
    },

    create(input: ChannelInput<'accounts.create'>): Account {
      const now = clock.now();
      assertExternalIdFree(input.externalId ?? null);
      const row = db
        .insert(accounts)
        .values({ ...input, createdAt: now, updatedAt: now })
        .returning()
        .get();
      ctx.accountChanged(row.id);
      return toAccount(row);
    },

    update({ id, patch }: ChannelInput<'accounts.update'>): Account {
      const before = require(id);
      refuseMoneyEdit(before, patch);
      if (patch.externalId) assertExternalIdFree(patch.externalId, id);
      const now = clock.now();
      const row = db
        .update(accounts)
        .set({ ...patch, editedInApp: markEdited(before.editedInApp, patch, now), updatedAt: now })
        .where(eq(accounts.id, id))
        .returning()
        .get();
      ctx.accountChanged(id);
      return toAccount(row);
    },

    count(): number {
      return (sqlite.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
    },

    /** Name, external id and MRR of every account by id (for reports over scoring results). */
    namesById(): Map<number, { name: string; externalId: string | null; mrrCents: number }> {
      const rows = sqlite.prepare('SELECT id, name, external_id AS externalId, mrr_cents AS mrrCents FROM accounts').all() as {
        id: number;
        name: string;
        externalId: string | null;
        mrrCents: number;
      }[];
      return new Map(rows.map(({ id, ...rest }) => [id, rest]));
    },
  };

  function assertExternalIdFree(externalId: string | null, exceptId?: number): void {
    if (!externalId) return;
    const clash = db
      .select({ id: accounts.id, name: accounts.name })
      .from(accounts)
      .where(eq(accounts.externalId, externalId))
      .get();
    if (clash && clash.id !== exceptId) {
      throw new TendError(
        'conflict',
        `The external id ${externalId} already belongs to ${clash.name}. Use another external id or edit that account.`,
        { field: 'externalId', accountId: clash.id },
      );
    }
  }
}

/**
 * Money changes are revenue events (SPEC "Renewals, expansion and churn"): MRR and moving into or out
 * of churned go through the money channels (revenue.changeMrr, money.churn, money.reactivate), which
 * write the event with its date (and reason) — never a bare field edit.
 */
function refuseMoneyEdit(before: { name: string; stage: string; mrrCents: number }, patch: { stage?: string; mrrCents?: number }): void {
  const refuse = (message: string, field: string) => {
    throw new TendError('invalid_input', `${message} Nothing was changed.`, { field });
  };
  if (patch.mrrCents !== undefined && patch.mrrCents !== before.mrrCents) {
    refuse(`Changing ${before.name}'s MRR is a revenue event: record it as an expansion, a contraction or a correction (Change MRR, revenue.changeMrr).`, 'mrrCents');
  }
  if (patch.stage === 'churned' && before.stage !== 'churned') {
    refuse(`Moving ${before.name} to churned records a churn with its date and reason (money.churn).`, 'stage');
  }
  if (patch.stage !== undefined && patch.stage !== 'churned' && before.stage === 'churned') {
    refuse(`${before.name} churned: bringing it back writes a new revenue event (money.reactivate, with the MRR it comes back at).`, 'stage');
  }
}

/** The account as the contract shows it (which fields were edited in the app stays in the main process). */
export function toAccount<T extends { editedInApp?: unknown }>(row: T): Omit<T, 'editedInApp'> {
  const { editedInApp: _edited, ...account } = row;
  return account;
}

/** Records which fields the CSM changed in the app, and when (an import asks before overwriting them). */
export function markEdited(edited: Record<string, string>, patch: object, now: string): Record<string, string> {
  const next = { ...edited };
  for (const key of Object.keys(patch)) next[key] = now;
  return next;
}

export type AccountsService = ReturnType<typeof createAccountsService>;
