// landCaptureBatch: what the CSM kept of a capture preview, written in ONE transaction as one import
// batch of kind 'capture' — the contacts from cards (new, or updated with a before-image in
// import_changes), the offered new contacts, then one touch per meeting occurrence or message with
// its source, direction and external reference, linked to the account's contacts who took part.
// A touch whose reference is already in the book is not written twice (UNIQUE external_ref, ON
// CONFLICT DO NOTHING), so re-capturing a file or an overlapping export inserts nothing.
// Undo (undo.ts) takes the batch back the way the importer's undo does.
import type { Database } from 'better-sqlite3';
import { normalizeEmail } from '../../../shared/capture/addresses';
import type { CaptureLandInput } from '../../../shared/contracts/capture';
import { TendError } from '../../../shared/errors';
import type { CaptureState } from './preview';

/** Strength a contact met through a capture starts at (1, weak): they have been reached. */
export const NEW_CONTACT_STRENGTH = 1;

export interface LandOutcome {
  batchId: number | null;
  touches: number;
  duplicates: number;
  contactsInserted: number;
  contactsUpdated: number;
  /** Account → touches written on it. */
  touchesByAccount: Map<number, number>;
  /** Accounts whose touches or contacts changed (to rescore). */
  accountIds: number[];
}

class RollBack extends Error {}

const MAX_FILE_NAME = 300;

function batchName(state: CaptureState): string {
  const names = state.files.map((f) => f.name);
  const joined = names.join(', ');
  return joined.length <= MAX_FILE_NAME ? joined : `${names[0]} and ${names.length - 1} more files`;
}

function checkInput(sqlite: Database, state: CaptureState, input: CaptureLandInput): void {
  const { view } = state;
  for (const { id } of input.items) {
    const item = view.items[id];
    if (!item) throw new TendError('invalid_input', `The preview has no item ${id}. Read the files again.`, { field: 'items', id });
    if (item.status !== 'new' && item.status !== 'unmatched') {
      throw new TendError('invalid_input', `“${item.summary || item.file}” (${item.occurredAt.slice(0, 10)}) cannot be logged: ${item.reason ?? item.status}. Nothing was written.`, {
        field: 'items',
        id,
      });
    }
  }
  for (const { id } of input.cards) {
    if (!view.cards[id]) throw new TendError('invalid_input', `The preview has no card ${id}. Read the files again.`, { field: 'cards', id });
  }
  for (const { email } of input.contacts) {
    if (!state.offered.has(email)) throw new TendError('invalid_input', `${email} was not offered as a new contact in this preview. Read the files again.`, { field: 'contacts', email });
  }
  const accountIds = new Set([...input.items, ...input.cards, ...input.contacts].map((x) => x.accountId));
  const exists = sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').pluck();
  for (const id of accountIds) {
    if (exists.get(id) === undefined) throw new TendError('not_found', `There is no account with id ${id}; it may have been deleted. Read the files again.`, { field: 'accountId', id });
  }
}

export function landCaptureBatch(
  sqlite: Database,
  state: CaptureState,
  input: CaptureLandInput,
  options: { now: string; dryRun?: boolean; skippedCount: number },
): LandOutcome {
  checkInput(sqlite, state, input);
  const outcome: LandOutcome = { batchId: null, touches: 0, duplicates: 0, contactsInserted: 0, contactsUpdated: 0, touchesByAccount: new Map(), accountIds: [] };
  const touched = new Set<number>();
  const { now } = options;

  const insertContact = sqlite.prepare(
    `INSERT INTO contacts (account_id, name, email, title, strength, import_batch_id, created_at, updated_at)
     VALUES (@accountId, @name, @email, @title, @strength, @batch, @now, @now)`,
  );
  const contactRow = sqlite.prepare('SELECT * FROM contacts WHERE id = ?');
  const updateContact = sqlite.prepare('UPDATE contacts SET name = @name, title = @title, import_batch_id = @batch, updated_at = @now WHERE id = @id');
  const saveImage = sqlite.prepare("INSERT INTO import_changes (batch_id, table_name, row_id, before) VALUES (?, 'contacts', ?, ?)");
  const contactByEmail = sqlite.prepare('SELECT id, account_id AS accountId FROM contacts WHERE lower(email) = ? ORDER BY id LIMIT 1');
  const accountContacts = sqlite.prepare('SELECT id, email FROM contacts WHERE account_id = ? AND email IS NOT NULL');
  const insertTouch = sqlite.prepare(
    `INSERT INTO touches (account_id, type, occurred_at, summary, notes, source, direction, external_ref, import_batch_id, created_at, updated_at)
     VALUES (@accountId, @type, @occurredAt, @summary, @notes, @source, @direction, @ref, @batch, @now, @now)
     ON CONFLICT (external_ref) DO NOTHING`,
  );
  const link = sqlite.prepare('INSERT OR IGNORE INTO touch_contacts (touch_id, contact_id) VALUES (?, ?)');

  const land = sqlite.transaction(() => {
    const batch = sqlite
      .prepare("INSERT INTO import_batches (file_name, kind, mapping, started_at) VALUES (?, 'capture', ?, ?)")
      .run(batchName(state), JSON.stringify({ files: String(state.files.length) }), now);
    const batchId = Number(batch.lastInsertRowid);

    // Cards: an existing contact is updated (its before-image kept for undo), a new one inserted.
    for (const choice of input.cards) {
      const card = state.view.cards[choice.id];
      if (card.contactId !== null) {
        if (card.outcome !== 'update') continue;
        const before = contactRow.get(card.contactId) as Record<string, unknown> | undefined;
        if (!before) continue;
        const edited = JSON.parse(String(before.edited_in_app ?? '{}')) as Record<string, string>;
        const name = card.name && !edited.name ? card.name : before.name;
        const title = card.title && !edited.title ? card.title : before.title;
        if (name === before.name && title === before.title) continue;
        if (before.import_batch_id !== batchId) saveImage.run(batchId, card.contactId, JSON.stringify(before));
        updateContact.run({ id: card.contactId, name, title, batch: batchId, now });
        outcome.contactsUpdated++;
        touched.add(before.account_id as number);
        continue;
      }
      const email = card.email ? normalizeEmail(card.email) : null;
      if (email && contactByEmail.get(email)) continue; // added meanwhile
      insertContact.run({ accountId: choice.accountId, name: card.name, email, title: card.title, strength: NEW_CONTACT_STRENGTH, batch: batchId, now });
      outcome.contactsInserted++;
      touched.add(choice.accountId);
    }
    for (const choice of input.contacts) {
      if (contactByEmail.get(choice.email)) continue; // a card (or someone else) added them
      const person = state.offered.get(choice.email)!;
      insertContact.run({ accountId: choice.accountId, name: person.name, email: person.email, title: person.title, strength: NEW_CONTACT_STRENGTH, batch: batchId, now });
      outcome.contactsInserted++;
      touched.add(choice.accountId);
    }

    // Touches, each linked to the contacts of its account who took part.
    const byAccount = new Map<number, Map<string, number>>();
    const contactsOf = (accountId: number) => {
      let map = byAccount.get(accountId);
      if (!map) {
        map = new Map();
        for (const row of accountContacts.all(accountId) as { id: number; email: string }[]) {
          const email = normalizeEmail(row.email);
          if (email && !map.has(email)) map.set(email, row.id);
        }
        byAccount.set(accountId, map);
      }
      return map;
    };
    for (const choice of input.items) {
      const held = state.items[choice.id];
      const view = state.view.items[choice.id];
      const result = insertTouch.run({
        accountId: choice.accountId,
        type: held.kind,
        occurredAt: view.occurredAt,
        summary: view.summary.slice(0, 1000),
        notes: held.excerpt ?? '',
        source: held.kind === 'meeting' ? 'calendar' : 'email',
        direction: view.direction,
        ref: held.ref,
        batch: batchId,
        now,
      });
      if (result.changes === 0) {
        outcome.duplicates++;
        continue;
      }
      const touchId = Number(result.lastInsertRowid);
      const people = contactsOf(choice.accountId);
      for (const person of held.people) {
        const contactId = people.get(person.email);
        if (contactId !== undefined) link.run(touchId, contactId);
      }
      outcome.touches++;
      outcome.touchesByAccount.set(choice.accountId, (outcome.touchesByAccount.get(choice.accountId) ?? 0) + 1);
      touched.add(choice.accountId);
    }

    sqlite
      .prepare('UPDATE import_batches SET inserted = ?, updated = ?, skipped = ?, error_count = ?, finished_at = ? WHERE id = ?')
      .run(outcome.touches + outcome.contactsInserted, outcome.contactsUpdated, options.skippedCount, options.skippedCount, now, batchId);
    // Nothing written (all already logged, say): no empty batch in the import history.
    if (options.dryRun || outcome.touches + outcome.contactsInserted + outcome.contactsUpdated === 0) throw new RollBack();
    outcome.batchId = batchId;
  });

  try {
    land();
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
  outcome.accountIds = [...touched];
  return outcome;
}
