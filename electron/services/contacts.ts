// Contacts: the people at an account, with the level, user flag and strength the relationship
// metrics read (seed 001), and when each was last involved in a touch.
import { eq } from 'drizzle-orm';
import type { ChannelInput, Contact } from '../../shared/contract';
import { TendError } from '../../shared/errors';
import { accounts, contacts } from '../db/schema';
import { markEdited } from './accounts';
import type { ServiceContext } from './context';

export function createContactsService(ctx: ServiceContext) {
  const { db, sqlite, clock } = ctx;
  // Last contact per person: the CSM's own notes are not contact with them (SPEC "Customer contact").
  const lastTouch = sqlite.prepare(`
    SELECT tc.contact_id AS contactId, max(t.occurred_at) AS lastTouchAt
    FROM touch_contacts tc JOIN touches t ON t.id = tc.touch_id
    WHERE t.account_id = ? AND t.type != 'note' GROUP BY tc.contact_id`);
  const linksOf = sqlite.prepare('SELECT touch_id AS touchId FROM touch_contacts WHERE contact_id = ?');
  // A touch deleted meanwhile is simply not relinked.
  const relink = sqlite.prepare('INSERT OR IGNORE INTO touch_contacts (touch_id, contact_id) SELECT id, @contactId FROM touches WHERE id = @touchId');
  /** Contacts deleted in this session, so Undo can put them back exactly. */
  const trash = new Map<number, { row: typeof contacts.$inferSelect; links: number[]; surveys: number[] }>();
  const surveysOf = sqlite.prepare('SELECT id FROM survey_responses WHERE contact_id = ?');
  const reattribute = sqlite.prepare('UPDATE survey_responses SET contact_id = @contactId WHERE id = @surveyId AND contact_id IS NULL');

  function withLastTouch(row: typeof contacts.$inferSelect, lastTouchAt: string | null): Contact {
    const { accountId, id, name, email, title, level, isUser, role, strength, leftOn, notes } = row;
    return { id, accountId, name, email, title, level, isUser, role, strength, leftOn, notes, lastTouchAt };
  }

  function requireContact(id: number) {
    const row = db.select().from(contacts).where(eq(contacts.id, id)).get();
    if (!row) throw new TendError('not_found', `There is no contact with id ${id}. It may have been deleted.`, { id });
    return row;
  }

  return {
    listForAccount(accountId: number): Contact[] {
      const last = new Map(
        (lastTouch.all(accountId) as { contactId: number; lastTouchAt: string }[]).map((r) => [r.contactId, r.lastTouchAt]),
      );
      return db
        .select()
        .from(contacts)
        .where(eq(contacts.accountId, accountId))
        .orderBy(contacts.name)
        .all()
        .map((row) => withLastTouch(row, last.get(row.id) ?? null));
    },

    create(input: ChannelInput<'contacts.create'>): Contact {
      const account = db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, input.accountId)).get();
      if (!account) {
        throw new TendError('not_found', `There is no account with id ${input.accountId} to add the contact to.`, {
          field: 'accountId',
        });
      }
      const now = clock.now();
      const row = db
        .insert(contacts)
        .values({ ...input, createdAt: now, updatedAt: now })
        .returning()
        .get();
      ctx.accountChanged(row.accountId);
      return withLastTouch(row, null);
    },

    update({ id, patch }: ChannelInput<'contacts.update'>): Contact {
      const before = requireContact(id);
      const now = clock.now();
      const row = db
        .update(contacts)
        .set({ ...patch, editedInApp: markEdited(before.editedInApp, patch, now), updatedAt: now })
        .where(eq(contacts.id, id))
        .returning()
        .get();
      ctx.accountChanged(row.accountId);
      const last = (lastTouch.all(row.accountId) as { contactId: number; lastTouchAt: string }[]).find(
        (r) => r.contactId === id,
      );
      return withLastTouch(row, last?.lastTouchAt ?? null);
    },

    /** Deletes a contact (their links to touches go too, their survey answers become anonymous); kept for undoDelete. */
    remove(id: number): Contact {
      const row = requireContact(id);
      const links = (linksOf.all(id) as { touchId: number }[]).map((l) => l.touchId);
      // Their survey answers stay (contact_id is set to null by the foreign key); remember which.
      const surveys = (surveysOf.all(id) as { id: number }[]).map((r) => r.id);
      db.delete(contacts).where(eq(contacts.id, id)).run();
      trash.set(id, { row, links, surveys });
      if (trash.size > TRASH_SIZE) trash.delete(trash.keys().next().value!);
      ctx.accountChanged(row.accountId);
      return withLastTouch(row, null);
    },

    /** Puts back a contact deleted in this session, with the same id, touch links and survey answers. */
    undoDelete(id: number): Contact {
      const entry = trash.get(id);
      if (!entry) {
        throw new TendError('not_found', `Contact ${id} can no longer be restored: only the last ${TRASH_SIZE} deletions of this session can be undone.`, { id });
      }
      const { row } = entry;
      if (!db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, row.accountId)).get()) {
        throw new TendError('not_found', `The account of ${row.name} no longer exists, so the contact cannot be restored.`, { id });
      }
      sqlite.transaction(() => {
        const batchExists = row.importBatchId !== null && sqlite.prepare('SELECT 1 FROM import_batches WHERE id = ?').get(row.importBatchId);
        db.insert(contacts).values({ ...row, importBatchId: batchExists ? row.importBatchId : null }).run();
        for (const touchId of entry.links) relink.run({ touchId, contactId: id });
        for (const surveyId of entry.surveys) reattribute.run({ surveyId, contactId: id });
      })();
      trash.delete(id);
      ctx.accountChanged(row.accountId);
      return this.listForAccount(row.accountId).find((c) => c.id === id)!;
    },
  };
}

const TRASH_SIZE = 20;

export type ContactsService = ReturnType<typeof createContactsService>;
