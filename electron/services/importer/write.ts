// Landing an import, and taking it back.
//
// landImportBatch writes a whole file's valid records in ONE transaction (SPEC: an import lands
// whole or changes nothing): an import_batches row, then each record upserted — accounts by
// external id, contacts by external id then e-mail (case-insensitive), the rest by their natural key:
//   touches  account + occurredAt + type + summary
//   metrics  account + key + date
//   revenue  account + date + kind + mrrDelta
//   surveys  account + kind + date + contact + score
// so re-importing a file inserts nothing twice and counts the rows that did not change. When a
// record has no key value (an account without external id, a contact without e-mail) it matches by
// name — an account by name, a contact by name within its account — and a key value that matches
// nothing adopts a same-named record that has no key yet (an account created by hand, then
// imported from the CRM, is linked rather than doubled). A touch that names no reachable account
// but whose contact external id (Salesforce's WhoId) is a known contact lands on that contact's
// account; the contact is linked to the touch either way.
//
// Every written row points at the batch. An updated row's before-image goes to import_changes
// (once per batch), so undo can put it back; inserted rows need no image: they are the batch's rows
// without one. Follow-up reminders the import creates are recorded as inserted (before = null).
//
// The hot path is prepared statements reused for every row and Maps filled once (accounts by
// external id and name, contacts by e-mail and name); natural keys are found through their indexes.
import type { Database } from 'better-sqlite3';
import type { BatchKind, ImportKind } from '../../../shared/domain';
import { TendError } from '../../../shared/errors';
import { undoCaptureBatch } from '../capture/undo';
import type { ServiceContext } from '../context';
import type { ColumnMapping } from './map';
import { cancelledError, type CancelSignal } from './read';
import type { FieldValue, ImportRecord, RowError } from './validate';

export type Outcome = 'new' | 'updated' | 'unchanged' | 'error';

export interface LandInput {
  kind: ImportKind;
  fileName: string;
  mapping: ColumnMapping;
  records: ImportRecord[];
  /** Problems found while validating (their rows are skipped). */
  rowErrors: RowError[];
  /** Rows validation rejected. */
  invalidRows: number;
  /** Header of each link column, for messages: field → header. */
  headerOf: (field: string) => string;
  startedAt: string;
  strict?: boolean;
  dryRun?: boolean;
  /** Record the outcome of each data row up to this row number (the preview's rows). */
  outcomesThroughRow?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: CancelSignal;
}

export interface LandResult {
  /** null for a dry run: nothing was kept. */
  batchId: number | null;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: RowError[];
  /** Accounts whose data changed (to rescore). */
  accountIds: number[];
  outcomes: Map<number, Outcome>;
  notes: string[];
}

type Row = Record<string, unknown>;
const AMBIGUOUS = -1;
const PROGRESS_EVERY = 2000;

class RollBack extends Error {}

function hasKeys(object: object): boolean {
  for (const key in object) if (Object.hasOwn(object, key)) return true;
  return false;
}

const lower = (s: unknown) => String(s).trim().toLowerCase();
const sqlValue = (v: FieldValue | null | undefined): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null));

function setOrAmbiguous<K>(map: Map<K, number>, key: K, id: number): void {
  const seen = map.get(key);
  map.set(key, seen === undefined || seen === id ? id : AMBIGUOUS);
}

// ---- Table access shared by the kinds ----------------------------------------------------------

interface TableSpec {
  table: string;
  /** field name → column, in the order the statements use. */
  columns: readonly (readonly [field: string, column: string])[];
  /** Insert defaults (the schema's) for fields a row does not give. */
  defaults: Record<string, unknown>;
  timestamps: boolean;
}

function tableWriter(sqlite: Database, spec: TableSpec, batchId: number, now: string) {
  const cols = spec.columns.map(([, column]) => column);
  const extra = spec.timestamps ? ['created_at', 'updated_at'] : [];
  const insert = sqlite.prepare(
    `INSERT INTO ${spec.table} (${[...cols, 'custom_fields', 'import_batch_id', ...extra].join(', ')})
     VALUES (${[...cols, 'c', 'b', ...extra].map(() => '?').join(', ')})`,
  );
  const update = sqlite.prepare(
    `UPDATE ${spec.table} SET ${[...cols, 'custom_fields', 'import_batch_id', ...(spec.timestamps ? ['updated_at'] : [])]
      .map((c) => `${c} = ?`)
      .join(', ')} WHERE id = ?`,
  );
  const byId = sqlite.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`);
  const saveImage = sqlite.prepare('INSERT INTO import_changes (batch_id, table_name, row_id, before) VALUES (?, ?, ?, ?)');
  const timestamps: string[] = spec.timestamps ? [now, now] : [];

  // One argument array per statement, refilled for every row (no per-row allocation).
  const n = spec.columns.length;
  const insertArgs: unknown[] = new Array(n + 2 + timestamps.length);
  insertArgs[n + 1] = batchId;
  for (let i = 0; i < timestamps.length; i++) insertArgs[n + 2 + i] = timestamps[i];
  const updateArgs: unknown[] = new Array(n + 3 + (spec.timestamps ? 1 : 0));
  updateArgs[n + 1] = batchId;
  if (spec.timestamps) updateArgs[n + 2] = now;

  return {
    byId: (id: number) => byId.get(id) as Row,

    /** Inserts with defaults for what the record does not give; returns the new id. */
    insert(values: Record<string, unknown>, custom: Record<string, string>): number {
      for (let i = 0; i < n; i++) {
        const field = spec.columns[i][0];
        const v = values[field];
        insertArgs[i] = v === undefined ? (spec.defaults[field] ?? null) : sqlValue(v as FieldValue);
      }
      insertArgs[n] = hasKeys(custom) ? JSON.stringify(custom) : '{}';
      return Number(insert.run(insertArgs).lastInsertRowid);
    },

    /**
     * Updates the given fields and merges custom fields; 'unchanged' (and nothing written) when the
     * row already holds all of it. `alsoChanged` marks a change the columns do not show (links).
     */
    update(existing: Row, values: Record<string, unknown>, custom: Record<string, string>, alsoChanged = false, imageExtras?: Row): 'updated' | 'unchanged' {
      let changed = alsoChanged;
      for (let i = 0; i < n; i++) {
        const [field, column] = spec.columns[i];
        const v = values[field];
        if (v === undefined) {
          updateArgs[i] = existing[column];
          continue;
        }
        const next = sqlValue(v as FieldValue);
        if (next !== existing[column]) changed = true;
        updateArgs[i] = next;
      }
      let customJson = existing.custom_fields as string;
      if (hasKeys(custom)) {
        const current = JSON.parse(customJson || '{}') as Record<string, string>;
        let customChanged = false;
        for (const key in custom) {
          if (current[key] !== custom[key]) {
            customChanged = true;
            current[key] = custom[key];
          }
        }
        if (customChanged) {
          changed = true;
          customJson = JSON.stringify(current);
        }
      }
      if (!changed) return 'unchanged';
      // One image per row per batch: the state before this batch first touched it.
      if (existing.import_batch_id !== batchId) {
        saveImage.run(batchId, spec.table, existing.id, JSON.stringify(imageExtras ? { ...existing, ...imageExtras } : existing));
      }
      updateArgs[n] = customJson;
      updateArgs[updateArgs.length - 1] = existing.id;
      update.run(updateArgs);
      return 'updated';
    },
  };
}

// ---- Looking up accounts and contacts ----------------------------------------------------------

/**
 * Accounts by external id (always needed) and, built only when a row needs it, by name: a file whose
 * rows all carry external ids never pays for the name map. Built inside the import's transaction,
 * the lazy map also sees the accounts the import inserted before it.
 */
class AccountIndex {
  readonly byExternalId = new Map<string, number>();
  /** Accounts without an external id, by name: the ones an imported external id may adopt. */
  readonly byNameWithoutExternalId = new Map<string, number>();
  private names: Map<string, number> | null = null;

  constructor(private readonly sqlite: Database) {
    for (const [id, externalId] of sqlite.prepare('SELECT id, external_id FROM accounts WHERE external_id IS NOT NULL').raw().all() as [number, string][]) {
      this.byExternalId.set(externalId, id);
    }
    for (const [id, name] of sqlite.prepare('SELECT id, name FROM accounts WHERE external_id IS NULL').raw().all() as [number, string][]) {
      setOrAmbiguous(this.byNameWithoutExternalId, lower(name), id);
    }
  }

  byName(): Map<string, number> {
    if (!this.names) {
      this.names = new Map();
      for (const [id, name] of this.sqlite.prepare('SELECT id, name FROM accounts').raw().all() as [number, string][]) {
        setOrAmbiguous(this.names, lower(name), id);
      }
    }
    return this.names;
  }

  /** Keeps the name map (if built) in step with a row the import wrote. */
  noteName(key: string, id: number): void {
    if (this.names) setOrAmbiguous(this.names, key, id);
  }
}

interface ContactRef {
  id: number;
  accountId: number;
  externalId: string | null;
}

interface ContactIndex {
  byExternalId: Map<string, ContactRef>;
  byEmail: Map<string, ContactRef>;
  /** `${accountId}\u0001${lower name}` → id. */
  byAccountName: Map<string, number>;
  /** Contacts with neither e-mail nor external id (made by hand): the ones an imported key may adopt. */
  byAccountNameWithoutKey: Map<string, number>;
}

const contactKey = (accountId: number, name: unknown) => `${accountId}\u0001${lower(name)}`;

function loadContacts(sqlite: Database): ContactIndex {
  const index: ContactIndex = { byExternalId: new Map(), byEmail: new Map(), byAccountName: new Map(), byAccountNameWithoutKey: new Map() };
  const rows = sqlite.prepare('SELECT id, account_id, email, name, external_id FROM contacts').raw().all() as [number, number, string | null, string, string | null][];
  for (const [id, accountId, email, name, externalId] of rows) {
    const ref = { id, accountId, externalId };
    if (externalId) index.byExternalId.set(externalId, ref);
    if (email) index.byEmail.set(lower(email), ref);
    setOrAmbiguous(index.byAccountName, contactKey(accountId, name), id);
    if (!email && !externalId) setOrAmbiguous(index.byAccountNameWithoutKey, contactKey(accountId, name), id);
  }
  return index;
}

type Resolved = { id: number; error?: undefined } | { error: RowError; id?: undefined };

function accountResolver(accounts: AccountIndex, headerOf: (field: string) => string) {
  return (record: ImportRecord): Resolved => {
    const { accountExternalId: externalId, accountName: name } = record.values;
    if (externalId !== undefined) {
      const id = accounts.byExternalId.get(String(externalId));
      if (id !== undefined) return { id };
    }
    if (name !== undefined) {
      const id = accounts.byName().get(lower(name));
      if (id === AMBIGUOUS) {
        return {
          error: {
            row: record.row,
            column: headerOf('accountName'),
            value: String(name),
            message: `several accounts are named "${name}"; give the row the account's external id to tell them apart`,
          },
        };
      }
      if (id !== undefined) return { id };
    }
    const column = externalId !== undefined ? headerOf('accountExternalId') : headerOf('accountName');
    const what = [
      externalId !== undefined ? `the external id "${externalId}"` : null,
      name !== undefined ? `the name "${name}"` : null,
    ]
      .filter(Boolean)
      .join(' or ');
    return {
      error: {
        row: record.row,
        column,
        value: String(externalId ?? name),
        message: `no account has ${what}; import the accounts first, or correct the ${externalId !== undefined ? 'id' : 'name'}`,
      },
    };
  };
}

// ---- The kinds ---------------------------------------------------------------------------------

interface KindWriter {
  write(record: ImportRecord): Outcome | RowError;
}

interface WriterContext {
  sqlite: Database;
  batchId: number;
  now: string;
  headerOf: (field: string) => string;
  touchedAccounts: Set<number>;
  notes: Map<string, number>;
}

function accountsWriter(w: WriterContext): KindWriter {
  const accounts = new AccountIndex(w.sqlite);
  const table = tableWriter(
    w.sqlite,
    {
      table: 'accounts',
      columns: [
        ['externalId', 'external_id'],
        ['name', 'name'],
        ['segment', 'segment'],
        ['stage', 'stage'],
        ['mrr', 'mrr_cents'],
        ['currency', 'currency'],
        ['contractStart', 'contract_start'],
        ['renewalDate', 'renewal_date'],
        ['seats', 'seats'],
        ['industry', 'industry'],
        ['website', 'website'],
        ['notes', 'notes'],
      ],
      defaults: { segment: 'smb', stage: 'onboarding', mrr: 0, currency: 'USD', notes: '' },
      timestamps: true,
    },
    w.batchId,
    w.now,
  );
  return {
    write(record) {
      const v = record.values;
      const externalId = v.externalId === undefined ? undefined : String(v.externalId);
      const nameKey = lower(v.name);
      let id: number | undefined;
      if (externalId !== undefined) {
        id = accounts.byExternalId.get(externalId);
        if (id === undefined) {
          const adoptable = accounts.byNameWithoutExternalId.get(nameKey);
          if (adoptable !== undefined && adoptable !== AMBIGUOUS) id = adoptable;
        }
      } else {
        id = accounts.byName().get(nameKey);
        if (id === AMBIGUOUS) {
          return {
            row: record.row,
            column: w.headerOf('name'),
            value: String(v.name),
            message: `several accounts are named "${v.name}"; add an external id column to tell them apart`,
          };
        }
      }
      let outcome: Outcome;
      if (id === undefined) {
        id = table.insert(v, record.custom);
        outcome = 'new';
      } else {
        outcome = table.update(table.byId(id), v, record.custom);
        if (externalId !== undefined) accounts.byNameWithoutExternalId.delete(nameKey);
      }
      if (externalId !== undefined) accounts.byExternalId.set(externalId, id);
      accounts.noteName(nameKey, id);
      if (outcome !== 'unchanged') w.touchedAccounts.add(id);
      return outcome;
    },
  };
}

function contactsWriter(w: WriterContext): KindWriter {
  const resolveAccount = accountResolver(new AccountIndex(w.sqlite), w.headerOf);
  const contacts = loadContacts(w.sqlite);
  const table = tableWriter(
    w.sqlite,
    {
      table: 'contacts',
      columns: [
        ['accountId', 'account_id'],
        ['externalId', 'external_id'],
        ['name', 'name'],
        ['email', 'email'],
        ['title', 'title'],
        ['level', 'level'],
        ['isUser', 'is_user'],
        ['role', 'role'],
        ['strength', 'strength'],
        ['leftOn', 'left_on'],
        ['notes', 'notes'],
      ],
      defaults: { level: 'ic', isUser: 0, strength: 0, notes: '' },
      timestamps: true,
    },
    w.batchId,
    w.now,
  );
  return {
    write(record) {
      const account = resolveAccount(record);
      if (account.error) return account.error;
      const v: Record<string, unknown> = { ...record.values, accountId: account.id };
      const externalId = v.externalId === undefined ? undefined : String(v.externalId);
      const email = v.email === undefined ? undefined : lower(v.email);
      const nameKey = contactKey(account.id, v.name);
      let id: number | undefined;
      let previousAccount: number | undefined;
      // The CRM's id first; then the e-mail, unless that contact carries another CRM id (a
      // different person sharing an address, such as a team inbox).
      const byId = externalId === undefined ? undefined : contacts.byExternalId.get(externalId);
      const byEmail = email === undefined ? undefined : contacts.byEmail.get(email);
      const found = byId ?? (byEmail && (externalId === undefined || byEmail.externalId === null) ? byEmail : undefined);
      if (found) {
        id = found.id;
        previousAccount = found.accountId;
      } else if (email !== undefined || externalId !== undefined) {
        const adoptable = contacts.byAccountNameWithoutKey.get(nameKey);
        if (adoptable !== undefined && adoptable !== AMBIGUOUS) id = adoptable;
      } else {
        id = contacts.byAccountName.get(nameKey);
        if (id === AMBIGUOUS) {
          return {
            row: record.row,
            column: w.headerOf('name') || w.headerOf('lastName'),
            value: String(v.name),
            message: `several contacts at this account are named "${v.name}"; add an e-mail column to tell them apart`,
          };
        }
      }
      let outcome: Outcome;
      if (id === undefined) {
        id = table.insert(v, record.custom);
        outcome = 'new';
      } else {
        outcome = table.update(table.byId(id), v, record.custom);
        contacts.byAccountNameWithoutKey.delete(nameKey);
      }
      const ref = { id, accountId: account.id, externalId: externalId ?? found?.externalId ?? null };
      if (email !== undefined) contacts.byEmail.set(email, ref);
      if (ref.externalId !== null) contacts.byExternalId.set(ref.externalId, ref);
      setOrAmbiguous(contacts.byAccountName, nameKey, id);
      if (outcome !== 'unchanged') {
        w.touchedAccounts.add(account.id);
        if (previousAccount !== undefined && previousAccount !== account.id) w.touchedAccounts.add(previousAccount);
      }
      return outcome;
    },
  };
}

function touchesWriter(w: WriterContext): KindWriter {
  const resolveAccount = accountResolver(new AccountIndex(w.sqlite), w.headerOf);
  const accountName = w.sqlite.prepare('SELECT name FROM accounts WHERE id = ?').pluck();
  let contacts: ContactIndex | null = null;
  const table = tableWriter(
    w.sqlite,
    {
      table: 'touches',
      columns: [
        ['accountId', 'account_id'],
        ['type', 'type'],
        ['occurredAt', 'occurred_at'],
        ['summary', 'summary'],
        ['notes', 'notes'],
        ['sentiment', 'sentiment'],
        ['nextStep', 'next_step'],
        ['followUpDue', 'follow_up_due'],
      ],
      defaults: { summary: '', notes: '' },
      timestamps: true,
    },
    w.batchId,
    w.now,
  );
  const find = w.sqlite.prepare(
    'SELECT * FROM touches WHERE account_id = ? AND occurred_at = ? AND type = ? AND summary = ? ORDER BY id LIMIT 1',
  );
  const linksOf = w.sqlite.prepare('SELECT contact_id FROM touch_contacts WHERE touch_id = ?').pluck();
  const link = w.sqlite.prepare('INSERT OR IGNORE INTO touch_contacts (touch_id, contact_id) VALUES (?, ?)');
  const remind = w.sqlite.prepare(
    `INSERT INTO reminders (account_id, title, due, source, source_key, created_at)
     VALUES (?, ?, ?, 'follow_up', ?, ?) ON CONFLICT (source_key) DO NOTHING`,
  );
  const recordInserted = w.sqlite.prepare("INSERT INTO import_changes (batch_id, table_name, row_id, before) VALUES (?, 'reminders', ?, NULL)");
  const contactsHeader = w.headerOf('contacts');
  const whoHeader = w.headerOf('contactExternalId');
  const noteUnmatched = (n: number) => w.notes.set('unmatchedContacts', (w.notes.get('unmatchedContacts') ?? 0) + n);

  /**
   * The touch's account: the one its account columns name, else (Salesforce's WhoId) the account
   * of its contact. Also the contact to link, when it is at that account.
   */
  function resolveTouch(record: ImportRecord): { accountId: number; who: ContactRef | null } | { error: RowError } {
    const { accountExternalId, accountName, contactExternalId } = record.values;
    const whoId = contactExternalId === undefined ? undefined : String(contactExternalId);
    let who: ContactRef | undefined;
    if (whoId !== undefined) {
      contacts ??= loadContacts(w.sqlite);
      who = contacts.byExternalId.get(whoId);
    }
    const named = accountExternalId !== undefined || accountName !== undefined ? resolveAccount(record) : null;
    if (named?.id !== undefined) return { accountId: named.id, who: who && who.accountId === named.id ? who : null };
    if (who) return { accountId: who.accountId, who };
    if (named?.error) {
      if (whoId === undefined) return named;
      const message = `${named.error.message}; nor is the contact "${whoId}" (${whoHeader}) in Tend, so it cannot lead to an account either — import the contacts with their accounts first`;
      return { error: { ...named.error, message } };
    }
    return {
      error: {
        row: record.row,
        column: whoHeader,
        value: whoId ?? '',
        message: `the row names no account, and no contact has the external id "${whoId}", so the touch reaches no account. Import the contacts (with their accounts) first, or fill in the account`,
      },
    };
  }

  /** Contact ids for the names and e-mails of the contacts cell; the ones not found are returned too. */
  function resolveContacts(accountId: number, wanted: string[]): { ids: number[]; unknown: string[] } {
    contacts ??= loadContacts(w.sqlite);
    const ids: number[] = [];
    const unknown: string[] = [];
    for (const who of wanted) {
      let id: number | undefined;
      if (who.includes('@')) {
        const found = contacts.byEmail.get(lower(who));
        if (found && found.accountId === accountId) id = found.id;
      } else {
        const found = contacts.byAccountName.get(contactKey(accountId, who));
        if (found !== undefined && found !== AMBIGUOUS) id = found;
      }
      if (id === undefined) unknown.push(who);
      else if (!ids.includes(id)) ids.push(id);
    }
    return { ids, unknown };
  }

  return {
    write(record) {
      const resolved = resolveTouch(record);
      if ('error' in resolved) return resolved.error;
      const account = { id: resolved.accountId };
      const v: Record<string, unknown> = { ...record.values, accountId: account.id };
      let custom = record.custom;
      let contactIds: number[] = [];
      if (Array.isArray(v.contacts)) {
        const { ids, unknown } = resolveContacts(account.id, v.contacts as string[]);
        contactIds = ids;
        if (unknown.length) {
          // Not dropped: the names Tend could not match stay on the touch as a custom field.
          custom = { ...custom, [contactsHeader]: unknown.join('; ') };
          noteUnmatched(unknown.length);
        }
      }
      if (resolved.who) {
        if (!contactIds.includes(resolved.who.id)) contactIds.push(resolved.who.id);
      } else if (v.contactExternalId !== undefined) {
        // A contact Tend does not know (or at another account): kept on the touch, not dropped.
        custom = { ...custom, [whoHeader]: String(v.contactExternalId) };
        noteUnmatched(1);
      }
      const summary = v.summary === undefined ? '' : String(v.summary);
      const existing = find.get(account.id, v.occurredAt, v.type, summary) as Row | undefined;
      let outcome: Outcome;
      let touchId: number;
      if (!existing) {
        touchId = table.insert(v, custom);
        for (const contactId of contactIds) link.run(touchId, contactId);
        outcome = 'new';
      } else {
        touchId = existing.id as number;
        const before = linksOf.all(touchId) as number[];
        const added = contactIds.filter((id) => !before.includes(id));
        outcome = table.update(existing, v, custom, added.length > 0, { $contactIds: before });
        for (const contactId of added) link.run(touchId, contactId);
      }
      if (outcome !== 'unchanged' && typeof v.followUpDue === 'string') {
        // As touches.log does: a follow-up date becomes a reminder, once per touch.
        const title = (v.nextStep as string | undefined) || `Follow up: ${summary || (accountName.get(account.id) as string | undefined) || 'touch'}`;
        const made = remind.run(account.id, title, v.followUpDue, `follow_up:touch:${touchId}`, w.now);
        if (made.changes === 1) recordInserted.run(w.batchId, Number(made.lastInsertRowid));
      }
      if (outcome !== 'unchanged') w.touchedAccounts.add(account.id);
      return outcome;
    },
  };
}

function metricsWriter(w: WriterContext): KindWriter {
  const resolveAccount = accountResolver(new AccountIndex(w.sqlite), w.headerOf);
  const table = tableWriter(
    w.sqlite,
    {
      table: 'metric_samples',
      columns: [
        ['accountId', 'account_id'],
        ['date', 'date'],
        ['key', 'key'],
        ['value', 'value'],
      ],
      defaults: {},
      timestamps: false,
    },
    w.batchId,
    w.now,
  );
  const find = w.sqlite.prepare('SELECT * FROM metric_samples WHERE account_id = ? AND key = ? AND date = ?');
  return {
    write(record) {
      const account = resolveAccount(record);
      if (account.error) return account.error;
      const v: Record<string, unknown> = { ...record.values, accountId: account.id };
      const existing = find.get(account.id, v.key, v.date) as Row | undefined;
      const outcome: Outcome = existing ? table.update(existing, v, record.custom) : (table.insert(v, record.custom), 'new');
      if (outcome !== 'unchanged') w.touchedAccounts.add(account.id);
      return outcome;
    },
  };
}

function revenueWriter(w: WriterContext): KindWriter {
  const resolveAccount = accountResolver(new AccountIndex(w.sqlite), w.headerOf);
  const table = tableWriter(
    w.sqlite,
    {
      table: 'revenue_events',
      columns: [
        ['accountId', 'account_id'],
        ['date', 'date'],
        ['kind', 'kind'],
        ['mrrDelta', 'mrr_delta_cents'],
      ],
      defaults: {},
      timestamps: false,
    },
    w.batchId,
    w.now,
  );
  const find = w.sqlite.prepare(
    'SELECT * FROM revenue_events WHERE account_id = ? AND date = ? AND kind = ? AND mrr_delta_cents = ? ORDER BY id LIMIT 1',
  );
  return {
    write(record) {
      const account = resolveAccount(record);
      if (account.error) return account.error;
      const v: Record<string, unknown> = { ...record.values, accountId: account.id };
      const existing = find.get(account.id, v.date, v.kind, v.mrrDelta) as Row | undefined;
      const outcome: Outcome = existing ? table.update(existing, v, record.custom) : (table.insert(v, record.custom), 'new');
      if (outcome !== 'unchanged') w.touchedAccounts.add(account.id);
      return outcome;
    },
  };
}

function surveysWriter(w: WriterContext): KindWriter {
  const resolveAccount = accountResolver(new AccountIndex(w.sqlite), w.headerOf);
  const contacts = loadContacts(w.sqlite);
  const table = tableWriter(
    w.sqlite,
    {
      table: 'survey_responses',
      columns: [
        ['accountId', 'account_id'],
        ['contactId', 'contact_id'],
        ['kind', 'kind'],
        ['score', 'score'],
        ['date', 'date'],
        ['comment', 'comment'],
      ],
      defaults: { comment: '' },
      timestamps: false,
    },
    w.batchId,
    w.now,
  );
  const find = w.sqlite.prepare(
    'SELECT * FROM survey_responses WHERE account_id = ? AND kind = ? AND date = ? AND contact_id IS ? AND score = ? ORDER BY id LIMIT 1',
  );
  const emailHeader = w.headerOf('contactEmail');
  return {
    write(record) {
      const account = resolveAccount(record);
      if (account.error) return account.error;
      const v: Record<string, unknown> = { ...record.values, accountId: account.id };
      let custom = record.custom;
      let contactId: number | null = null;
      if (typeof v.contactEmail === 'string') {
        const found = contacts.byEmail.get(lower(v.contactEmail));
        if (found && found.accountId === account.id) contactId = found.id;
        else {
          custom = { ...custom, [emailHeader]: v.contactEmail }; // kept, not dropped
          w.notes.set('unmatchedRespondents', (w.notes.get('unmatchedRespondents') ?? 0) + 1);
        }
      }
      v.contactId = contactId;
      let existing = find.get(account.id, v.kind, v.date, contactId, v.score) as Row | undefined;
      // A response imported before its respondent's contact existed gains the contact now.
      if (!existing && contactId !== null) existing = find.get(account.id, v.kind, v.date, null, v.score) as Row | undefined;
      const outcome: Outcome = existing ? table.update(existing, v, custom) : (table.insert(v, custom), 'new');
      if (outcome !== 'unchanged') w.touchedAccounts.add(account.id);
      return outcome;
    },
  };
}

const WRITERS: Record<ImportKind, (w: WriterContext) => KindWriter> = {
  accounts: accountsWriter,
  contacts: contactsWriter,
  touches: touchesWriter,
  metrics: metricsWriter,
  revenue: revenueWriter,
  surveys: surveysWriter,
};

const TABLE_OF_KIND: Record<ImportKind, string> = {
  accounts: 'accounts',
  contacts: 'contacts',
  touches: 'touches',
  metrics: 'metric_samples',
  revenue: 'revenue_events',
  surveys: 'survey_responses',
};

function describeNotes(notes: Map<string, number>): string[] {
  const out: string[] = [];
  const contacts = notes.get('unmatchedContacts');
  if (contacts) out.push(`${contacts} touch contact${contacts === 1 ? '' : 's'} matched no contact of the account; the names were kept on the touches as a custom field`);
  const respondents = notes.get('unmatchedRespondents');
  if (respondents) out.push(`${respondents} respondent e-mail${respondents === 1 ? '' : 's'} matched no contact of the account; kept on the responses as a custom field`);
  return out;
}

/**
 * landImportBatch: the batch row and every valid record, in one transaction. With `strict`, any
 * row error throws a TendError and nothing is written; `dryRun` does all the work and rolls back
 * (that is how the preview counts new, updated and unchanged rows exactly).
 */
export function landImportBatch(ctx: ServiceContext, input: LandInput): LandResult {
  const { sqlite } = ctx;
  const now = ctx.clock.now();
  const result: LandResult = {
    batchId: null,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: input.invalidRows,
    errors: [],
    accountIds: [],
    outcomes: new Map(),
    notes: [],
  };
  const writeErrors: RowError[] = [];
  const touchedAccounts = new Set<number>();
  const notes = new Map<string, number>();
  const total = input.records.length;

  const land = sqlite.transaction(() => {
    const batch = sqlite
      .prepare('INSERT INTO import_batches (file_name, kind, mapping, started_at) VALUES (?, ?, ?, ?)')
      .run(input.fileName, input.kind, JSON.stringify(input.mapping), input.startedAt);
    const batchId = Number(batch.lastInsertRowid);
    const writer = WRITERS[input.kind]({ sqlite, batchId, now, headerOf: input.headerOf, touchedAccounts, notes });
    const watchThrough = input.outcomesThroughRow ?? 0;
    for (let i = 0; i < total; i++) {
      const record = input.records[i];
      const outcome = writer.write(record);
      if (typeof outcome === 'object') {
        writeErrors.push(outcome);
        result.skipped++;
        if (record.row <= watchThrough) result.outcomes.set(record.row, 'error');
        continue;
      }
      if (outcome === 'new') result.inserted++;
      else if (outcome === 'updated') result.updated++;
      else result.unchanged++;
      if (record.row <= watchThrough) result.outcomes.set(record.row, outcome);
      if ((i + 1) % PROGRESS_EVERY === 0) {
        input.onProgress?.(i + 1, total);
        if (input.signal?.aborted) throw cancelledError();
      }
    }
    input.onProgress?.(total, total);
    result.errors = mergeErrors(input.rowErrors, writeErrors);
    if (input.strict && result.errors.length) throw new RollBack();
    // A Cancel that came after the last chunk's check still wins: nothing is committed yet.
    if (input.signal?.aborted) throw cancelledError();
    sqlite
      .prepare('UPDATE import_batches SET inserted = ?, updated = ?, skipped = ?, error_count = ?, finished_at = ? WHERE id = ?')
      .run(result.inserted, result.updated, result.skipped, result.errors.length, ctx.clock.now(), batchId);
    if (input.dryRun) throw new RollBack();
    result.batchId = batchId;
  });

  try {
    land();
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
    if (input.strict && result.errors.length) throw strictError(input.fileName, result);
  }
  result.accountIds = [...touchedAccounts];
  result.notes = describeNotes(notes);
  return result;
}

function mergeErrors(a: RowError[], b: RowError[]): RowError[] {
  if (!b.length) return a;
  if (!a.length) return b;
  return [...a, ...b].sort((x, y) => x.row - y.row);
}

function strictError(fileName: string, result: LandResult): TendError {
  const rows = new Set(result.errors.map((e) => e.row)).size;
  const first = result.errors[0];
  const where = first.column ? `row ${first.row}, column "${first.column}"` : `row ${first.row}`;
  return new TendError(
    'import_failed',
    `${fileName}: ${rows} row${rows === 1 ? ' has' : 's have'} problems, so nothing was imported (strict mode). The first: ${where}: ${first.message}. Fix the file, or import without strict mode (--strict in the CLI, "Import nothing if any row has an error" in the app) to land the valid rows and skip these.`,
    { file: fileName, errors: result.errors },
  );
}

// ---- Undo --------------------------------------------------------------------------------------

export interface BatchRow {
  id: number;
  fileName: string;
  kind: BatchKind;
  mapping: ColumnMapping;
  inserted: number;
  updated: number;
  skipped: number;
  errorCount: number;
  startedAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
}

export function readBatch(sqlite: Database, batchId: number): BatchRow | undefined {
  const row = sqlite
    .prepare(
      `SELECT id, file_name AS fileName, kind, mapping, inserted, updated, skipped, error_count AS errorCount,
              started_at AS startedAt, finished_at AS finishedAt, undone_at AS undoneAt
       FROM import_batches WHERE id = ?`,
    )
    .get(batchId) as (Omit<BatchRow, 'mapping'> & { mapping: string }) | undefined;
  return row ? { ...row, mapping: JSON.parse(row.mapping) as ColumnMapping } : undefined;
}

export interface UndoResult {
  batchId: number;
  removed: number;
  restored: number;
  accountIds: number[];
}

const DEPENDENTS: Partial<Record<ImportKind, { table: string; label: string; where: string; batchColumn: boolean }[]>> = {
  accounts: [
    { table: 'contacts', label: 'contact', where: 'account_id', batchColumn: true },
    { table: 'touches', label: 'touch', where: 'account_id', batchColumn: true },
    { table: 'metric_samples', label: 'metric sample', where: 'account_id', batchColumn: true },
    { table: 'revenue_events', label: 'revenue event', where: 'account_id', batchColumn: true },
    { table: 'survey_responses', label: 'survey response', where: 'account_id', batchColumn: true },
    { table: 'success_goals', label: 'success goal', where: 'account_id', batchColumn: false },
  ],
  contacts: [{ table: 'survey_responses', label: 'survey response', where: 'contact_id', batchColumn: true }],
};

/**
 * Removes what a batch inserted and puts back what it updated, in one transaction. Refuses, changing
 * nothing, when a later import changed the batch's rows (undo that one first) or when records this
 * import did not write hang off the records it would delete (deleting them would lose those).
 */
export function undoImportBatch(ctx: ServiceContext, batchId: number): UndoResult {
  const { sqlite } = ctx;
  const batch = readBatch(sqlite, batchId);
  if (!batch) throw new TendError('not_found', `There is no import #${batchId}. See the list of imports (tend imports).`, { batchId });
  const label = `Import #${batch.id} (${batch.kind} from ${batch.fileName})`;
  if (batch.undoneAt) {
    throw new TendError('conflict', `${label} was already undone on ${batch.undoneAt.slice(0, 10)}. Nothing was changed.`, { batchId });
  }
  // Meetings and messages captured from files (services/capture): touches and the contacts they made.
  if (batch.kind === 'capture') return undoCaptureBatch(sqlite, batch, ctx.clock.now());
  const table = TABLE_OF_KIND[batch.kind];

  const later = sqlite
    .prepare(
      `SELECT DISTINCT b.id FROM import_changes c JOIN import_batches b ON b.id = c.batch_id
       WHERE b.undone_at IS NULL AND c.batch_id <> ? AND c.before IS NOT NULL
         AND json_extract(c.before, '$.import_batch_id') = ? ORDER BY b.id`,
    )
    .pluck()
    .all(batchId, batchId) as number[];
  if (later.length) {
    throw new TendError(
      'conflict',
      `${label} cannot be undone yet: import${later.length > 1 ? 's' : ''} ${later.map((id) => `#${id}`).join(', ')} later changed rows it wrote. Undo ${later.length > 1 ? 'those' : 'that one'} first. Nothing was changed.`,
      { batchId, laterBatches: later },
    );
  }

  const imagedIds = `SELECT row_id FROM import_changes WHERE batch_id = @batch AND table_name = '${table}' AND before IS NOT NULL`;
  const doomed = `SELECT id FROM ${table} WHERE import_batch_id = @batch AND id NOT IN (${imagedIds})`;
  const blockers: string[] = [];
  const blockingBatches = new Set<number>();
  for (const dep of DEPENDENTS[batch.kind] ?? []) {
    const others = dep.batchColumn ? ' AND import_batch_id IS NOT @batch' : '';
    const count = sqlite.prepare(`SELECT count(*) FROM ${dep.table} WHERE ${dep.where} IN (${doomed})${others}`).pluck().get({ batch: batchId }) as number;
    if (count > 0) {
      blockers.push(`${count} ${dep.label}${count === 1 ? '' : 's'}`);
      if (dep.batchColumn) {
        const ids = sqlite
          .prepare(`SELECT DISTINCT import_batch_id FROM ${dep.table} WHERE ${dep.where} IN (${doomed}) AND import_batch_id IS NOT NULL AND import_batch_id <> @batch`)
          .pluck()
          .all({ batch: batchId }) as number[];
        for (const id of ids) blockingBatches.add(id);
      }
    }
  }
  if (batch.kind === 'contacts') {
    const links = sqlite.prepare(`SELECT count(*) FROM touch_contacts WHERE contact_id IN (${doomed})`).pluck().get({ batch: batchId }) as number;
    if (links > 0) {
      blockers.push(`${links} touch link${links === 1 ? '' : 's'}`);
      const ids = sqlite
        .prepare(
          `SELECT DISTINCT t.import_batch_id FROM touch_contacts tc JOIN touches t ON t.id = tc.touch_id
           WHERE tc.contact_id IN (${doomed}) AND t.import_batch_id IS NOT NULL`,
        )
        .pluck()
        .all({ batch: batchId }) as number[];
      for (const id of ids) blockingBatches.add(id);
    }
  }
  if (blockers.length) {
    const imports = [...blockingBatches].sort((a, b) => a - b).map((id) => `#${id}`);
    throw new TendError(
      'conflict',
      `${label} cannot be undone yet: the ${batch.kind} it added now have ${blockers.join(', ')} that ${
        imports.length ? `later imports (${imports.join(', ')}) or you` : 'you'
      } added, and they would be deleted with them. ${imports.length ? `Undo ${imports.join(', ')} first` : 'Delete those records first'}, then try again. Nothing was changed.`,
      { batchId, blockingBatches: [...blockingBatches] },
    );
  }

  const accountIds = new Set<number>();
  const columns = new Set((sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter((c) => c !== 'id'));
  let removed = 0;
  let restored = 0;
  sqlite.transaction(() => {
    const accountColumn = batch.kind === 'accounts' ? 'id' : 'account_id';
    for (const id of sqlite.prepare(`SELECT ${accountColumn} FROM ${table} WHERE import_batch_id = ?`).pluck().all(batchId) as number[]) {
      accountIds.add(id);
    }
    // Reminders the import created (follow-ups), then the rows it inserted.
    const reminders = sqlite
      .prepare("SELECT row_id FROM import_changes WHERE batch_id = ? AND table_name = 'reminders' AND before IS NULL")
      .pluck()
      .all(batchId) as number[];
    const dropReminder = sqlite.prepare('DELETE FROM reminders WHERE id = ?');
    for (const id of reminders) dropReminder.run(id);
    removed = sqlite.prepare(`DELETE FROM ${table} WHERE id IN (${doomed})`).run({ batch: batchId }).changes;

    const images = sqlite
      .prepare(`SELECT row_id AS rowId, before FROM import_changes WHERE batch_id = ? AND table_name = ? AND before IS NOT NULL`)
      .all(batchId, table) as { rowId: number; before: string }[];
    const unlink = sqlite.prepare('DELETE FROM touch_contacts WHERE touch_id = ?');
    const relink = sqlite.prepare('INSERT OR IGNORE INTO touch_contacts (touch_id, contact_id) SELECT ?, id FROM contacts WHERE id = ?');
    for (const image of images) {
      const before = JSON.parse(image.before) as Row;
      const names = Object.keys(before).filter((c) => columns.has(c));
      const changes = sqlite
        .prepare(`UPDATE ${table} SET ${names.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`)
        .run(...names.map((c) => before[c] as string | number | null), image.rowId).changes;
      restored += changes;
      if (Array.isArray(before.$contactIds)) {
        unlink.run(image.rowId);
        for (const contactId of before.$contactIds as number[]) relink.run(image.rowId, contactId);
      }
      if (typeof before.account_id === 'number') accountIds.add(before.account_id);
    }
    sqlite.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(ctx.clock.now(), batchId);
  })();

  const surviving = [...accountIds].filter(
    (id) => sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').get(id) !== undefined,
  );
  return { batchId, removed, restored, accountIds: surviving };
}
