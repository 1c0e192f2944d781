// Touches: every interaction with a customer. Logging one writes the touch, its contacts and its
// follow-up reminder in one transaction, then asks for the account to be rescored.
import { desc, eq, inArray } from 'drizzle-orm';
import type { ChannelInput, Touch } from '../../shared/contract';
import { TendError } from '../../shared/errors';
import { accounts, contacts, touchContacts, touches } from '../db/schema';
import type { ServiceContext } from './context';
import { insertFollowUpReminders } from './reminders';

export function createTouchesService(ctx: ServiceContext) {
  const { db, sqlite, clock } = ctx;

  return {
    listForAccount(accountId: number, limit = 500): Touch[] {
      const rows = db
        .select()
        .from(touches)
        .where(eq(touches.accountId, accountId))
        .orderBy(desc(touches.occurredAt), desc(touches.id))
        .limit(limit)
        .all();
      const links = rows.length
        ? db
            .select()
            .from(touchContacts)
            .where(
              inArray(
                touchContacts.touchId,
                rows.map((r) => r.id),
              ),
            )
            .all()
        : [];
      const byTouch = new Map<number, number[]>();
      for (const link of links) byTouch.set(link.touchId, [...(byTouch.get(link.touchId) ?? []), link.contactId]);
      return rows.map((row) => ({
        id: row.id,
        accountId: row.accountId,
        type: row.type,
        occurredAt: row.occurredAt,
        summary: row.summary,
        notes: row.notes,
        sentiment: row.sentiment,
        nextStep: row.nextStep,
        followUpDue: row.followUpDue,
        contactIds: byTouch.get(row.id) ?? [],
      }));
    },

    /** logTouch: the touch, its contact links and its follow-up reminder land together or not at all. */
    log(input: ChannelInput<'touches.log'>): Touch {
      const account = db
        .select({ id: accounts.id, name: accounts.name })
        .from(accounts)
        .where(eq(accounts.id, input.accountId))
        .get();
      if (!account) {
        throw new TendError('not_found', `There is no account with id ${input.accountId} to log the touch on.`, {
          field: 'accountId',
        });
      }
      const contactIds = [...new Set(input.contactIds ?? [])];
      if (contactIds.length) {
        const found = db
          .select({ id: contacts.id, accountId: contacts.accountId })
          .from(contacts)
          .where(inArray(contacts.id, contactIds))
          .all();
        const foreign = contactIds.filter((cid) => !found.some((c) => c.id === cid && c.accountId === input.accountId));
        if (foreign.length) {
          throw new TendError(
            'invalid_input',
            `Contact ${foreign.join(', ')} does not belong to ${account.name}. Pick people from this account.`,
            { field: 'contactIds', contactIds: foreign },
          );
        }
      }
      const now = clock.now();
      const touch = sqlite.transaction(() => {
        const row = db
          .insert(touches)
          .values({
            accountId: input.accountId,
            type: input.type,
            occurredAt: input.occurredAt,
            summary: input.summary,
            notes: input.notes ?? '',
            sentiment: input.sentiment ?? null,
            nextStep: input.nextStep ?? null,
            followUpDue: input.followUpDue ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returning()
          .get();
        if (contactIds.length) {
          db.insert(touchContacts)
            .values(contactIds.map((contactId) => ({ touchId: row.id, contactId })))
            .run();
        }
        if (row.followUpDue) insertFollowUpReminders(sqlite, now, row.id);
        return row;
      })();
      ctx.accountChanged(input.accountId);
      return { ...touch, contactIds };
    },
  };
}

export type TouchesService = ReturnType<typeof createTouchesService>;
