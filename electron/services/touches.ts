// Touches: every interaction with a customer. Logging, editing or deleting one writes the touch, its contacts and its
// follow-up reminder in one transaction, then asks for the account to be rescored.
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { ChannelInput, Touch } from '../../shared/contract';
import { TendError } from '../../shared/errors';
import { accounts, contacts, importBatches, reminders, touchContacts, touches } from '../db/schema';
import type { ServiceContext } from './context';
import { insertFollowUpReminders, updateFollowUpReminder } from './reminders';

export function createTouchesService(ctx: ServiceContext) {
  const { db, sqlite, clock } = ctx;
  /** Touches deleted in this session, newest last, so Undo can put them back exactly. */
  const trash = new Map<number, { row: TouchRow; links: number[]; followUps: (typeof reminders.$inferSelect)[] }>();

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
      return rows.map((row) => toTouch(row, byTouch.get(row.id) ?? []));
    },

    /** logTouch: the touch, its contact links and its follow-up reminder land together or not at all. */
    log(input: ChannelInput<'touches.log'>): Touch {
      const account = requireAccount(input.accountId, 'to log the touch on');
      const contactIds = checkContacts(account, input.contactIds ?? []);
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
            nextStepShared: input.nextStepShared ?? false,
            followUpDue: input.followUpDue ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returning()
          .get();
        linkContacts(row.id, contactIds);
        if (row.followUpDue) insertFollowUpReminders(sqlite, now, row.id);
        return row;
      })();
      ctx.accountChanged(input.accountId);
      return toTouch(touch, contactIds);
    },

    /** Edits a touch in place; a changed follow-up date moves (and reopens) its follow-up reminder. */
    update({ id, patch }: ChannelInput<'touches.update'>): Touch {
      const before = requireTouch(id);
      const account = requireAccount(before.accountId, 'of the touch');
      const { contactIds: newContactIds, ...fields } = patch;
      const contactIds = newContactIds === undefined ? undefined : checkContacts(account, newContactIds);
      const now = clock.now();
      const row = sqlite.transaction(() => {
        const row = db
          .update(touches)
          .set({ ...fields, updatedAt: now })
          .where(eq(touches.id, id))
          .returning()
          .get();
        if (contactIds) {
          db.delete(touchContacts).where(eq(touchContacts.touchId, id)).run();
          linkContacts(id, contactIds);
        }
        syncFollowUp(before, row, now);
        return row;
      })();
      ctx.accountChanged(row.accountId);
      return toTouch(row, contactIds ?? contactIdsOf(id));
    },

    /** Deletes a touch with its contact links and follow-up reminder; kept in memory for undoDelete. */
    remove(id: number): Touch {
      const row = requireTouch(id);
      const links = contactIdsOf(id);
      const followUps = db.select().from(reminders).where(eq(reminders.sourceKey, followUpKey(id))).all();
      sqlite.transaction(() => {
        db.delete(reminders).where(eq(reminders.sourceKey, followUpKey(id))).run();
        db.delete(touches).where(eq(touches.id, id)).run();
      })();
      trash.set(id, { row, links, followUps });
      if (trash.size > TRASH_SIZE) trash.delete(trash.keys().next().value!);
      ctx.accountChanged(row.accountId);
      return toTouch(row, links);
    },

    /** Puts back a touch deleted in this session, with the same id, links and reminder. */
    undoDelete(id: number): Touch {
      const entry = trash.get(id);
      if (!entry) {
        throw new TendError('not_found', `Touch ${id} can no longer be restored: only the last ${TRASH_SIZE} deletions of this session can be undone.`, { id });
      }
      const { row, followUps } = entry;
      requireAccount(row.accountId, 'the touch belonged to');
      const links = entry.links.length
        ? db.select({ id: contacts.id }).from(contacts).where(inArray(contacts.id, entry.links)).all().map((c) => c.id)
        : [];
      const batchExists =
        row.importBatchId !== null && db.select({ id: importBatches.id }).from(importBatches).where(eq(importBatches.id, row.importBatchId)).get();
      sqlite.transaction(() => {
        db.insert(touches)
          .values({ ...row, importBatchId: batchExists ? row.importBatchId : null })
          .run();
        linkContacts(id, links);
        if (followUps.length) db.insert(reminders).values(followUps).onConflictDoNothing().run();
      })();
      trash.delete(id);
      ctx.accountChanged(row.accountId);
      return toTouch(row, links);
    },
  };

  function requireAccount(accountId: number, what: string) {
    const account = db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(eq(accounts.id, accountId)).get();
    if (!account) throw new TendError('not_found', `There is no account with id ${accountId} ${what}.`, { field: 'accountId' });
    return account;
  }

  function requireTouch(id: number) {
    const row = db.select().from(touches).where(eq(touches.id, id)).get();
    if (!row) throw new TendError('not_found', `There is no touch with id ${id}. It may have been deleted.`, { id });
    return row;
  }

  /** The distinct contact ids, all of which must belong to the account. */
  function checkContacts(account: { id: number; name: string }, ids: number[]): number[] {
    const contactIds = [...new Set(ids)];
    if (!contactIds.length) return contactIds;
    const found = db
      .select({ id: contacts.id, accountId: contacts.accountId })
      .from(contacts)
      .where(inArray(contacts.id, contactIds))
      .all();
    const foreign = contactIds.filter((cid) => !found.some((c) => c.id === cid && c.accountId === account.id));
    if (foreign.length) {
      throw new TendError(
        'invalid_input',
        `Contact ${foreign.join(', ')} does not belong to ${account.name}. Pick people from this account.`,
        { field: 'contactIds', contactIds: foreign },
      );
    }
    return contactIds;
  }

  function linkContacts(touchId: number, contactIds: number[]) {
    if (contactIds.length) db.insert(touchContacts).values(contactIds.map((contactId) => ({ touchId, contactId }))).run();
  }

  function contactIdsOf(touchId: number): number[] {
    return db.select({ id: touchContacts.contactId }).from(touchContacts).where(eq(touchContacts.touchId, touchId)).all().map((r) => r.id);
  }

  /** Keeps the touch's follow-up reminder in step with its follow-up date and next step. */
  function syncFollowUp(before: TouchRow, after: TouchRow, now: string) {
    const key = followUpKey(after.id);
    if (after.followUpDue === null) {
      db.delete(reminders).where(and(eq(reminders.sourceKey, key), isNull(reminders.doneAt))).run();
      return;
    }
    const dateMoved = before.followUpDue !== after.followUpDue;
    if (dateMoved || before.nextStep !== after.nextStep || before.summary !== after.summary) {
      if (!updateFollowUpReminder(sqlite, after.id, dateMoved) && dateMoved) insertFollowUpReminders(sqlite, now, after.id);
    }
  }
}

type TouchRow = typeof touches.$inferSelect;
const TRASH_SIZE = 20;
const followUpKey = (touchId: number) => `follow_up:touch:${touchId}`;

function toTouch(row: TouchRow, contactIds: number[]): Touch {
  const { id, accountId, type, occurredAt, summary, notes, sentiment, nextStep, nextStepShared, followUpDue } = row;
  return { id, accountId, type, occurredAt, summary, notes, sentiment, nextStep, nextStepShared, followUpDue, contactIds };
}

export type TouchesService = ReturnType<typeof createTouchesService>;
