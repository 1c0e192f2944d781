// The six import kinds as data for the one upsert path (write.ts → table-store.ts): each names its
// table and columns, how a row finds its account (and contacts), and how it finds the record it is
// about — accounts by external id, contacts by external id then e-mail, the rest by their natural key:
//   touches  account + occurredAt + type + summary
//   metrics  account + key + date
//   revenue  account + date + kind + mrrDelta
//   surveys  account + kind + date + contact + score
// so re-importing a file inserts nothing twice and counts the rows that did not change. When a
// record has no key value (an account without external id, a contact without e-mail) it matches by
// name — an account by name, a contact by name within its account — and a key value that matches
// nothing adopts a same-named record that has no key yet (an account created by hand, then imported
// from the CRM, is linked rather than doubled). A touch that names no reachable account but whose
// contact external id (Salesforce's WhoId) is a known contact lands on that contact's account.
//
// What a kind writes beside its rows: touch contacts and follow-up reminders (touches), and the
// revenue events of an account the file says churned (accounts; SPEC "Import fields", added 2026-12:
// a `churn` event at the churn date, and, when the account had no revenue history, the `new` event
// its MRR started with — at its contract start — so the book's churn metrics are right).
import type { Database, Statement } from 'better-sqlite3';
import type { ImportKind } from '../../../shared/domain';
import {
  AMBIGUOUS,
  AccountIndex,
  KeySet,
  accountResolver,
  contactKey,
  loadContacts,
  lower,
  setOrAmbiguous,
  type ContactIndex,
  type ContactRef,
} from './lookups';
import { TableStore, type Diff, type Row, type TableSpec, type UpdateMode } from './table-store';
import type { ImportRecord, RowError } from './validate';

export interface WriteContext {
  sqlite: Database;
  /** 0 in a dry run (no batch row is written). */
  batchId: number;
  now: string;
  /** The as-of date: a churned account with no date at all churns on it. */
  today: string;
  fileName: string;
  dryRun: boolean;
  mode: UpdateMode;
  headerOf: (field: string) => string;
  touchedAccounts: Set<number>;
  /** Counters for the notes (unmatched contacts, respondents) and the preview (churned accounts). */
  notes: Map<string, number>;
  /** About how many rows the file has (sizes a dry run's tables up front). */
  expectedRows?: number;
}

/** A row linked and matched: the values and custom fields to land, and the record they update (if any). */
export interface Located {
  values: Record<string, unknown>;
  custom: Record<string, string>;
  /** The existing record's id, undefined for a new one. */
  id: number | undefined;
  /** Kind-specific facts the landing needs (a touch's contacts, an account's churn). */
  extra?: unknown;
}

export interface KindWriter {
  store: TableStore;
  /** Resolves the row's links and finds the record it is about, or says why it cannot land. */
  locate(record: ImportRecord): Located | RowError;
  /** Before the insert or the comparison: values that depend on the record in Tend (a churn date). */
  prepare?(located: Located, existing: Row | null): void;
  /** A change the columns do not show (new contact links). */
  alsoChanged?(located: Located, existing: Row): boolean;
  /** After the comparison, before writing: ties fields together (a churn is all or nothing). */
  adjust?(located: Located, diff: Diff): void;
  /** Extra state for the before-image (a touch's contact links). */
  imageExtras?(existing: Row): Row;
  /** After the row landed (or would have, in a dry run): lookups, links, reminders, events. */
  landed(id: number, located: Located, outcome: 'new' | 'updated' | 'unchanged', existing: Row | null, diff: Diff | null): void;
  /** The accounts whose score the row can move. */
  accountsOf(located: Located, existing: Row | null, id: number, diff: Diff | null): number[];
  /** The record in a few words, for the preview's list of updates ("Acme", "call on 2024-03-01"). */
  describe(located: Located, existing: Row | null): string;
}

const count = (w: WriteContext, key: string, n = 1) => w.notes.set(key, (w.notes.get(key) ?? 0) + n);

// ---- Tables ------------------------------------------------------------------------------------

export const TABLES: Record<ImportKind, TableSpec> = {
  accounts: {
    table: 'accounts',
    columns: [
      { field: 'externalId', column: 'external_id', prop: 'externalId' },
      { field: 'name', column: 'name', prop: 'name' },
      { field: 'segment', column: 'segment', prop: 'segment', fallback: 'smb' },
      { field: 'stage', column: 'stage', prop: 'stage', fallback: 'onboarding' },
      { field: 'mrr', column: 'mrr_cents', prop: 'mrrCents', fallback: 0 },
      { field: 'currency', column: 'currency', prop: 'currency', fallback: 'USD' },
      { field: 'contractStart', column: 'contract_start', prop: 'contractStart' },
      { field: 'renewalDate', column: 'renewal_date', prop: 'renewalDate' },
      { field: 'seats', column: 'seats', prop: 'seats' },
      { field: 'industry', column: 'industry', prop: 'industry' },
      { field: 'website', column: 'website', prop: 'website' },
      { field: 'notes', column: 'notes', prop: 'notes', fallback: '' },
      { field: 'domains', column: 'domains', prop: 'domains', fallback: '[]', json: true },
      { field: 'churnedOn', column: 'churned_on', prop: 'churnedOn' },
      { field: 'churnReason', column: 'churn_reason', prop: 'churnReason' },
    ],
    timestamps: true,
    editedInApp: true,
  },
  contacts: {
    table: 'contacts',
    columns: [
      { field: 'accountId', column: 'account_id', prop: 'accountId' },
      { field: 'externalId', column: 'external_id', prop: 'externalId' },
      { field: 'name', column: 'name', prop: 'name' },
      { field: 'email', column: 'email', prop: 'email' },
      { field: 'title', column: 'title', prop: 'title' },
      { field: 'level', column: 'level', prop: 'level', fallback: 'ic' },
      { field: 'isUser', column: 'is_user', prop: 'isUser', fallback: 0 },
      { field: 'role', column: 'role', prop: 'role' },
      { field: 'strength', column: 'strength', prop: 'strength', fallback: 0 },
      { field: 'leftOn', column: 'left_on', prop: 'leftOn' },
      { field: 'notes', column: 'notes', prop: 'notes', fallback: '' },
    ],
    timestamps: true,
    editedInApp: true,
  },
  touches: {
    table: 'touches',
    columns: [
      { field: 'accountId', column: 'account_id' },
      { field: 'type', column: 'type' },
      { field: 'occurredAt', column: 'occurred_at' },
      { field: 'summary', column: 'summary', fallback: '' },
      { field: 'notes', column: 'notes', fallback: '' },
      { field: 'sentiment', column: 'sentiment' },
      { field: 'nextStep', column: 'next_step' },
      { field: 'followUpDue', column: 'follow_up_due' },
    ],
    timestamps: true,
    editedInApp: false,
    constants: { source: 'import' },
  },
  metrics: {
    table: 'metric_samples',
    columns: [
      { field: 'accountId', column: 'account_id' },
      { field: 'date', column: 'date' },
      { field: 'key', column: 'key' },
      { field: 'value', column: 'value' },
    ],
    timestamps: false,
    editedInApp: false,
  },
  revenue: {
    table: 'revenue_events',
    columns: [
      { field: 'accountId', column: 'account_id' },
      { field: 'date', column: 'date' },
      { field: 'kind', column: 'kind' },
      { field: 'mrrDelta', column: 'mrr_delta_cents' },
    ],
    timestamps: false,
    editedInApp: false,
    constants: { source: 'import' },
  },
  surveys: {
    table: 'survey_responses',
    columns: [
      { field: 'accountId', column: 'account_id' },
      { field: 'contactId', column: 'contact_id' },
      { field: 'kind', column: 'kind' },
      { field: 'score', column: 'score' },
      { field: 'date', column: 'date' },
      { field: 'comment', column: 'comment', fallback: '' },
    ],
    timestamps: false,
    editedInApp: false,
  },
};

/** Secondary rows a batch inserts in other tables (reminders, churn events): undo deletes them. */
function recordInserted(w: WriteContext, statement: Statement, table: string, id: number): void {
  statement.run(w.batchId, table, id);
}

const insertedStatement = (sqlite: Database) => sqlite.prepare('INSERT INTO import_changes (batch_id, table_name, row_id, before) VALUES (?, ?, ?, NULL)');

// ---- Accounts ----------------------------------------------------------------------------------

interface Churn {
  date: string;
  /** The MRR the account loses (positive cents). */
  mrr: number;
  /** Already churned in Tend before this row. */
  was: boolean;
  contractStart: string | null;
}

function accountsWriter(w: WriteContext): KindWriter {
  const store = new TableStore(w.sqlite, TABLES.accounts, w.batchId, w.now, w.dryRun);
  const accounts = new AccountIndex(w.sqlite, w.dryRun ? () => store.virtual('name') : undefined);
  // A dry run adds the external ids it meets to a set (one operation per row, sized from the file);
  // the id of a row that names an earlier one again is looked up only then.
  const seenInRun = w.dryRun ? new KeySet(w.expectedRows) : null;
  const virtualIds = new Map<string, number>();
  let indexed = 0; // would-be rows already in virtualIds
  const virtualIdOf = (externalId: string): number => {
    for (const [value, id] of store.virtual('externalId', indexed)) {
      indexed++;
      if (value !== undefined && !virtualIds.has(String(value))) virtualIds.set(String(value), id);
    }
    return virtualIds.get(externalId)!;
  };
  const hasEvents = w.sqlite.prepare('SELECT 1 FROM revenue_events WHERE account_id = ? LIMIT 1').pluck();
  const importedChurn = w.sqlite.prepare("SELECT * FROM revenue_events WHERE account_id = ? AND kind = 'churn' AND source = 'import' ORDER BY date DESC, id DESC LIMIT 1");
  const addEvent = w.sqlite.prepare(
    "INSERT INTO revenue_events (account_id, date, kind, mrr_delta_cents, source, note, custom_fields, import_batch_id) VALUES (?, ?, ?, ?, 'import', ?, '{}', ?)",
  );
  const moveEvent = w.sqlite.prepare('UPDATE revenue_events SET date = ?, import_batch_id = ? WHERE id = ?');
  const saveImage = w.sqlite.prepare("INSERT INTO import_changes (batch_id, table_name, row_id, before) VALUES (?, 'revenue_events', ?, ?)");
  const inserted = insertedStatement(w.sqlite);

  function churnEvents(accountId: number, churn: Churn): void {
    if (w.dryRun) return;
    // With no revenue history the metrics would imply a `new` event at the contract start; a churn
    // event alone would end that, so the start is written too (never after the churn).
    if (churn.mrr > 0 && hasEvents.get(accountId) === undefined) {
      const start = churn.contractStart && churn.contractStart <= churn.date ? churn.contractStart : churn.date;
      const note = `MRR at the start, imported with the account's churn from ${w.fileName}`;
      recordInserted(w, inserted, 'revenue_events', Number(addEvent.run(accountId, start, 'new', churn.mrr, note, w.batchId).lastInsertRowid));
    }
    const note = `Churned, from ${w.fileName}`;
    recordInserted(w, inserted, 'revenue_events', Number(addEvent.run(accountId, churn.date, 'churn', -churn.mrr, note, w.batchId).lastInsertRowid));
  }

  return {
    store,
    locate(record) {
      const values: Record<string, unknown> = record.values; // the record is ours: no copy per row
      const externalId = values.externalId === undefined ? undefined : String(values.externalId);
      let id: number | undefined;
      if (externalId !== undefined) {
        id = accounts.byExternalId.get(externalId);
        if (id === undefined && seenInRun && !seenInRun.add(externalId)) id = virtualIdOf(externalId);
        if (id === undefined && accounts.byNameWithoutExternalId.size) {
          const adoptable = accounts.byNameWithoutExternalId.get(lower(values.name));
          if (adoptable !== undefined && adoptable !== AMBIGUOUS) id = adoptable;
        }
      } else {
        id = accounts.byName().get(lower(values.name));
        if (id === AMBIGUOUS) {
          return {
            row: record.row,
            column: w.headerOf('name'),
            value: String(values.name),
            message: `several accounts are named "${values.name}"; add an external id column to tell them apart`,
          };
        }
      }
      return { values, custom: record.custom, id };
    },
    prepare(located, existing) {
      const v = located.values;
      if (!v.churned) return;
      v.churned = false; // (not deleted: every record keeps one shape)
      const was = existing?.stage === 'churned';
      const contractStart = (v.contractStart ?? existing?.contract_start ?? null) as string | null;
      const date = (v.churnedOn ?? existing?.churned_on ?? contractStart ?? w.today) as string;
      const fileMrr = typeof v.mrr === 'number' ? v.mrr : 0;
      const mrr = fileMrr > 0 ? fileMrr : existing && !was ? (existing.mrr_cents as number) : 0;
      v.churnedOn = date;
      v.mrr = 0; // SPEC: a churned account's MRR is 0; the churn event carries what it lost
      v.lostMrr = mrr; // (not a column: the preview shows it beside the MRR)
      located.extra = { date, mrr, was, contractStart } satisfies Churn;
    },
    adjust(located, diff) {
      const churn = located.extra as Churn | undefined;
      if (!churn || churn.was) return;
      // A churn is all or nothing: kept stage (edited in the app, or fill-empty) keeps the rest too.
      const stage = diff.changes.find((c) => c.field === 'stage');
      const churnFields = new Set(['stage', 'churnedOn', 'churnReason', 'mrr']);
      const columns: Record<string, string> = { stage: 'stage', churnedOn: 'churned_on', churnReason: 'churn_reason', mrr: 'mrr_cents' };
      if (stage?.kept) {
        for (const c of diff.changes) if (churnFields.has(c.field) && !c.kept) {
          c.kept = true;
          diff.set.delete(columns[c.field]);
        }
        diff.writes = diff.set.size > 0 || diff.custom !== null;
        located.extra = undefined;
        return;
      }
      for (const c of diff.changes) if (churnFields.has(c.field) && c.kept) {
        c.kept = false;
        diff.set.set(columns[c.field], c.new);
        diff.writes = true;
      }
    },
    landed(id, located, outcome, existing) {
      const v = located.values;
      const externalId = v.externalId === undefined ? undefined : String(v.externalId);
      if (existing && externalId !== undefined && accounts.byNameWithoutExternalId.size) accounts.byNameWithoutExternalId.delete(lower(v.name));
      if (externalId !== undefined && existing?.external_id !== externalId && !(seenInRun && id < 0)) accounts.byExternalId.set(externalId, id);
      accounts.noteName(v.name, id);
      const churn = located.extra as Churn | undefined;
      if (!churn || outcome === 'unchanged') return;
      if (!churn.was) {
        count(w, 'churned');
        churnEvents(id, churn);
      } else if (!w.dryRun && existing && existing.churned_on !== churn.date) {
        // The churn date moved: so does the churn event an import wrote (one the CSM entered stays).
        const event = importedChurn.get(id) as Row | undefined;
        if (event && event.date !== churn.date) {
          if (event.import_batch_id !== w.batchId) saveImage.run(w.batchId, event.id, JSON.stringify(event));
          moveEvent.run(churn.date, w.batchId, event.id);
        }
      }
    },
    accountsOf: (_located, _existing, id) => [id],
    describe: (located, existing) => String(located.values.name ?? existing?.name ?? ''),
  };
}

// ---- Contacts ----------------------------------------------------------------------------------

/** The contact's account once the row landed: the file's, unless the update mode kept Tend's. */
function accountAfter(located: Located, existing: Row | null, diff: Diff | null): number {
  if (!existing || diff?.set.has('account_id')) return located.values.accountId as number;
  return existing.account_id as number;
}

function contactsWriter(w: WriteContext): KindWriter {
  const resolveAccount = accountResolver(new AccountIndex(w.sqlite), w.headerOf);
  const contacts = loadContacts(w.sqlite);
  const store = new TableStore(w.sqlite, TABLES.contacts, w.batchId, w.now, w.dryRun);
  return {
    store,
    locate(record) {
      const account = resolveAccount(record);
      if (account.error) return account.error;
      const values: Record<string, unknown> = record.values;
      values.accountId = account.id;
      const externalId = values.externalId === undefined ? undefined : String(values.externalId);
      const email = values.email === undefined ? undefined : lower(values.email);
      const nameKey = contactKey(account.id, values.name);
      // The CRM's id first; then the e-mail, unless that contact carries another CRM id (a
      // different person sharing an address, such as a team inbox).
      const byId = externalId === undefined ? undefined : contacts.byExternalId.get(externalId);
      const byEmail = email === undefined ? undefined : contacts.byEmail.get(email);
      const found = byId ?? (byEmail && (externalId === undefined || byEmail.externalId === null) ? byEmail : undefined);
      let id: number | undefined = found?.id;
      if (!found && (email !== undefined || externalId !== undefined)) {
        const adoptable = contacts.byAccountNameWithoutKey.get(nameKey);
        if (adoptable !== undefined && adoptable !== AMBIGUOUS) id = adoptable;
      } else if (!found) {
        id = contacts.byAccountName.get(nameKey);
        if (id === AMBIGUOUS) {
          return {
            row: record.row,
            column: w.headerOf('name') || w.headerOf('lastName'),
            value: String(values.name),
            message: `several contacts at this account are named "${values.name}"; add an e-mail column to tell them apart`,
          };
        }
      }
      return { values, custom: record.custom, id, extra: found?.externalId ?? null };
    },
    landed(id, located, _outcome, existing, diff) {
      const v = located.values;
      const ref: ContactRef = {
        id,
        accountId: accountAfter(located, existing, diff),
        externalId: v.externalId === undefined ? (located.extra as string | null) : String(v.externalId),
      };
      const nameKey = contactKey(v.accountId as number, v.name);
      if (existing) contacts.byAccountNameWithoutKey.delete(nameKey);
      if (v.email !== undefined) contacts.byEmail.set(lower(v.email), ref);
      if (ref.externalId !== null) contacts.byExternalId.set(ref.externalId, ref);
      setOrAmbiguous(contacts.byAccountName, nameKey, id);
    },
    // A contact moved to another account changes both accounts' relationships.
    accountsOf: (located, existing, _id, diff) => {
      const after = accountAfter(located, existing, diff);
      return existing && existing.account_id !== after ? [after, existing.account_id as number] : [after];
    },
    describe: (located, existing) => String(located.values.name ?? existing?.name ?? ''),
  };
}

// ---- Touches -----------------------------------------------------------------------------------

interface TouchLinks {
  contactIds: number[];
  /** Links the touch had before (an update). */
  before: number[];
}

function touchesWriter(w: WriteContext): KindWriter {
  const resolveAccount = accountResolver(new AccountIndex(w.sqlite), w.headerOf);
  const accountName = w.sqlite.prepare('SELECT name FROM accounts WHERE id = ?').pluck();
  let contacts: ContactIndex | null = null;
  const store = new TableStore(w.sqlite, TABLES.touches, w.batchId, w.now, w.dryRun);
  const find = w.sqlite.prepare('SELECT * FROM touches WHERE account_id = ? AND occurred_at = ? AND type = ? AND summary = ? ORDER BY id LIMIT 1');
  const linksOf = w.sqlite.prepare('SELECT contact_id FROM touch_contacts WHERE touch_id = ?').pluck();
  const link = w.sqlite.prepare('INSERT OR IGNORE INTO touch_contacts (touch_id, contact_id) VALUES (?, ?)');
  const remind = w.sqlite.prepare(
    `INSERT INTO reminders (account_id, title, due, source, source_key, created_at)
     VALUES (?, ?, ?, 'follow_up', ?, ?) ON CONFLICT (source_key) DO NOTHING`,
  );
  const inserted = insertedStatement(w.sqlite);
  const virtualLinks = new Map<number, number[]>(); // a dry run's links of the touches it would write
  const contactsHeader = w.headerOf('contacts');
  const whoHeader = w.headerOf('contactExternalId');

  /**
   * The touch's account: the one its account columns name, else (Salesforce's WhoId) the account
   * of its contact. Also the contact to link, when it is at that account.
   */
  function resolveTouch(record: ImportRecord): { accountId: number; who: ContactRef | null } | { error: RowError } {
    const { accountExternalId, accountName: name, contactExternalId } = record.values;
    const whoId = contactExternalId === undefined ? undefined : String(contactExternalId);
    let who: ContactRef | undefined;
    if (whoId !== undefined) {
      contacts ??= loadContacts(w.sqlite);
      who = contacts.byExternalId.get(whoId);
    }
    const named = accountExternalId !== undefined || name !== undefined ? resolveAccount(record) : null;
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

  const keyOf = (v: Record<string, unknown>) => JSON.stringify([v.accountId, v.occurredAt, v.type, v.summary ?? '']);
  const linksBefore = (id: number) => (id < 0 ? (virtualLinks.get(id) ?? []) : (linksOf.all(id) as number[]));

  return {
    store,
    locate(record) {
      const resolved = resolveTouch(record);
      if ('error' in resolved) return resolved.error;
      const values: Record<string, unknown> = record.values;
      values.accountId = resolved.accountId;
      let custom = record.custom;
      let contactIds: number[] = [];
      if (Array.isArray(values.contacts)) {
        const { ids, unknown } = resolveContacts(resolved.accountId, values.contacts as string[]);
        contactIds = ids;
        if (unknown.length) {
          // Not dropped: the names Tend could not match stay on the touch as a custom field.
          custom = { ...custom, [contactsHeader]: unknown.join('; ') };
          count(w, 'unmatchedContacts', unknown.length);
        }
      }
      if (resolved.who) {
        if (!contactIds.includes(resolved.who.id)) contactIds.push(resolved.who.id);
      } else if (values.contactExternalId !== undefined) {
        // A contact Tend does not know (or at another account): kept on the touch, not dropped.
        custom = { ...custom, [whoHeader]: String(values.contactExternalId) };
        count(w, 'unmatchedContacts');
      }
      const summary = values.summary === undefined ? '' : String(values.summary);
      const existing = store.findByKey(keyOf(values), () => find.get(resolved.accountId, values.occurredAt, values.type, summary) as Row | undefined);
      const links: TouchLinks = { contactIds, before: existing ? linksBefore(existing.id as number) : [] };
      return { values, custom, id: existing?.id as number | undefined, extra: links };
    },
    alsoChanged: (located) => {
      const links = located.extra as TouchLinks;
      return links.contactIds.some((id) => !links.before.includes(id));
    },
    imageExtras: (existing) => ({ $contactIds: linksBefore(existing.id as number) }),
    landed(id, located, outcome) {
      const v = located.values;
      const links = located.extra as TouchLinks;
      store.rememberKey(keyOf(v), id);
      const added = links.contactIds.filter((c) => !links.before.includes(c));
      if (w.dryRun) {
        virtualLinks.set(id, [...links.before, ...added]);
        return;
      }
      for (const contactId of added) link.run(id, contactId);
      if (outcome !== 'unchanged' && typeof v.followUpDue === 'string') {
        // As touches.log does: a follow-up date becomes a reminder, once per touch.
        const summary = v.summary === undefined ? '' : String(v.summary);
        const title = (v.nextStep as string | undefined) || `Follow up: ${summary || (accountName.get(v.accountId) as string | undefined) || 'touch'}`;
        const made = remind.run(v.accountId, title, v.followUpDue, `follow_up:touch:${id}`, w.now);
        if (made.changes === 1) recordInserted(w, inserted, 'reminders', Number(made.lastInsertRowid));
      }
    },
    accountsOf: (located) => [located.values.accountId as number],
    describe: (located) => `${located.values.type} on ${String(located.values.occurredAt).slice(0, 10)}${located.values.summary ? `: ${located.values.summary}` : ''}`,
  };
}

// ---- Metrics, revenue, surveys: a linked account and a natural key -------------------------------

function naturalKeyWriter(
  w: WriteContext,
  kind: 'metrics' | 'revenue',
  findSql: string,
  keyFields: readonly string[],
  describe: (v: Record<string, unknown>) => string,
): KindWriter {
  const resolveAccount = accountResolver(new AccountIndex(w.sqlite), w.headerOf);
  const store = new TableStore(w.sqlite, TABLES[kind], w.batchId, w.now, w.dryRun);
  const find = w.sqlite.prepare(findSql);
  const keyOf = (v: Record<string, unknown>) => JSON.stringify(keyFields.map((f) => v[f]));
  return {
    store,
    locate(record) {
      const account = resolveAccount(record);
      if (account.error) return account.error;
      const values: Record<string, unknown> = record.values;
      values.accountId = account.id;
      const existing = store.findByKey(keyOf(values), () => find.get(...keyFields.map((f) => values[f])) as Row | undefined);
      return { values, custom: record.custom, id: existing?.id as number | undefined };
    },
    landed: (id, located) => store.rememberKey(keyOf(located.values), id),
    accountsOf: (located) => [located.values.accountId as number],
    describe: (located) => describe(located.values),
  };
}

function surveysWriter(w: WriteContext): KindWriter {
  const resolveAccount = accountResolver(new AccountIndex(w.sqlite), w.headerOf);
  const contacts = loadContacts(w.sqlite);
  const store = new TableStore(w.sqlite, TABLES.surveys, w.batchId, w.now, w.dryRun);
  const find = w.sqlite.prepare(
    'SELECT * FROM survey_responses WHERE account_id = ? AND kind = ? AND date = ? AND contact_id IS ? AND score = ? ORDER BY id LIMIT 1',
  );
  const emailHeader = w.headerOf('contactEmail');
  const keyOf = (v: Record<string, unknown>, contactId: number | null) => JSON.stringify([v.accountId, v.kind, v.date, contactId, v.score]);
  return {
    store,
    locate(record) {
      const account = resolveAccount(record);
      if (account.error) return account.error;
      const values: Record<string, unknown> = record.values;
      values.accountId = account.id;
      let custom = record.custom;
      let contactId: number | null = null;
      if (typeof values.contactEmail === 'string') {
        const found = contacts.byEmail.get(lower(values.contactEmail));
        if (found && found.accountId === account.id) contactId = found.id;
        else {
          custom = { ...custom, [emailHeader]: values.contactEmail }; // kept, not dropped
          count(w, 'unmatchedRespondents');
        }
      }
      values.contactId = contactId;
      const lookup = (id: number | null) =>
        store.findByKey(keyOf(values, id), () => find.get(account.id, values.kind, values.date, id, values.score) as Row | undefined);
      // A response imported before its respondent's contact existed gains the contact now.
      const existing = lookup(contactId) ?? (contactId !== null ? lookup(null) : undefined);
      return { values, custom, id: existing?.id as number | undefined };
    },
    landed: (id, located) => store.rememberKey(keyOf(located.values, located.values.contactId as number | null), id),
    accountsOf: (located) => [located.values.accountId as number],
    describe: (located) => `${String(located.values.kind).toUpperCase()} ${located.values.score} on ${located.values.date}`,
  };
}

export const WRITERS: Record<ImportKind, (w: WriteContext) => KindWriter> = {
  accounts: accountsWriter,
  contacts: contactsWriter,
  touches: touchesWriter,
  metrics: (w) =>
    naturalKeyWriter(w, 'metrics', 'SELECT * FROM metric_samples WHERE account_id = ? AND key = ? AND date = ?', ['accountId', 'key', 'date'], (v) => `${v.key} on ${v.date}`),
  revenue: (w) =>
    naturalKeyWriter(
      w,
      'revenue',
      'SELECT * FROM revenue_events WHERE account_id = ? AND date = ? AND kind = ? AND mrr_delta_cents = ? ORDER BY id LIMIT 1',
      ['accountId', 'date', 'kind', 'mrrDelta'],
      (v) => `${v.kind} on ${v.date}`,
    ),
  surveys: surveysWriter,
};

/** The table each kind lands in (undo reads it). */
export const TABLE_OF_KIND: Record<ImportKind, string> = Object.fromEntries(
  Object.entries(TABLES).map(([kind, spec]) => [kind, spec.table]),
) as Record<ImportKind, string>;
