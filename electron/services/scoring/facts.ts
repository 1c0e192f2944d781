// Reads what the pure scoring (shared/scoring) needs from the database: the whole book in one pass
// per table (full rescore), or one account through its indexes (incremental rescore), as a
// PackedBook (shared/scoring/packed.ts). Rows come back as arrays (`raw`) in id order, so equal-date
// ties keep insertion order as the scoring expects.
//
// Speed (`npm run bench`): nothing per row outlives its page. Each value goes straight into a typed
// column: dates become day numbers once (through a per-load memo, as a book has few distinct
// dates), and SQL turns metric keys, survey kinds and contact levels into small integers, so no
// string is made for them. Pages of a few thousand rows (one `all()` per page) are cheaper per
// row than `iterate()` and die young.
import { EXECUTIVE_LEVELS, type Segment, type Stage } from '../../../shared/domain';
import { toDayNumber } from '../../../shared/dates';
import { PackedBookBuilder, type AccountInfo, type PackedBook } from '../../../shared/scoring/packed';
import { ACTIVE_USERS, ADOPTION, CSAT, NONE, NPS, OPEN_TICKETS, OVERDUE_INVOICES, num } from '../../../shared/scoring/packed';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../db/open';

/** Rows per page of a full load: big enough to amortise a query, small enough to die young. */
const PAGE_ROWS = 4096;

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;
/** SQL mapping a text column to the slot numbers of shared/scoring/packed (NONE for anything else). */
const slotCase = (column: string, slots: Record<string, number>): string =>
  `CASE ${column} ${Object.entries(slots).map(([word, slot]) => `WHEN ${quote(word)} THEN ${slot}`).join(' ')} ELSE ${NONE} END`;
const SAMPLE_SLOTS = { adoption: ADOPTION, active_users: ACTIVE_USERS, open_tickets: OPEN_TICKETS, overdue_invoices: OVERDUE_INVOICES };
/** Metric keys the health score and flags read; other keys are kept but not loaded for scoring. */
const SCORED_KEYS = `(${Object.keys(SAMPLE_SLOTS).map(quote).join(', ')})`;
/**
 * The other keys matter only for SPEC "Not enough data" (any metric sample makes an account
 * scored), and only for an account without contacts (a contact alone makes it scored): its
 * earliest such sample stands in for all of them, as one row of no key. One indexed look-up per
 * such account, not a scan of every sample.
 */
const OTHER_KEYS_FIRST = `SELECT min(date) FROM metric_samples WHERE account_id = ? AND key NOT IN ${SCORED_KEYS}`;

// Every row starts with the id it is paged by.
type AccountRow = [id: number, Segment, Stage, archived: number, string | null, string | null, number | null, string];
type ContactRow = [id: number, accountId: number, exec: number, isUser: number, strength: number, leftOn: string | null];
type TouchRow = [id: number, accountId: number, date: string, sentiment: number | null, contact: number];
type LinkRow = [touchId: number, contactId: number];
type SampleRow = [id: number, accountId: number, date: string, slot: number, value: number];
type SurveyRow = [id: number, accountId: number, date: string, slot: number, score: number];

const COLUMNS = {
  accounts: 'id, segment, stage, archived, contract_start, renewal_date, seats, substr(created_at, 1, 10)',
  contacts: `id, account_id, level IN (${EXECUTIVE_LEVELS.map(quote).join(', ')}), is_user, strength, left_on`,
  // SPEC "Customer contact": a note is not contact (1 = contact, 0 = note).
  touches: "id, account_id, substr(occurred_at, 1, 10), sentiment, type != 'note'",
  samples: `id, account_id, date, ${slotCase('key', SAMPLE_SLOTS)}, value`,
  surveys: `id, account_id, date, ${slotCase('kind', { nps: NPS, csat: CSAT })}, score`,
};

function accountInfo(row: AccountRow): AccountInfo {
  return {
    id: row[0],
    segment: row[1],
    stage: row[2],
    archived: row[3] === 1,
    contractStart: row[4],
    renewalDate: row[5],
    seats: row[6],
    createdAt: row[7],
  };
}

/** Every row of `statement` (`… WHERE id > ? … ORDER BY id LIMIT ?`), a page at a time. */
function* pages<Row extends [number, ...unknown[]]>(statement: Statement<[number, number]>): Generator<Row[]> {
  for (let after = -Infinity; ; ) {
    const rows = statement.all(after, PAGE_ROWS) as Row[];
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE_ROWS) return;
    after = rows[rows.length - 1][0];
  }
}

/** The rows of one load, as pages; touches come with the links of exactly those touches. */
interface RowSource {
  contacts(): Iterable<ContactRow[]>;
  touches(): Iterable<[TouchRow[], LinkRow[]]>;
  samples(): Iterable<SampleRow[]>;
  surveys(): Iterable<SurveyRow[]>;
}

/**
 * One load: account ids to indexes, and dates to day numbers (memoised: a book of 10,000 accounts
 * has a few thousand distinct dates among its million rows). A class, so the hot loops below see
 * one call target across loads.
 */
class Load {
  private readonly days = new Map<string, number>();
  /** Account id → index: an array when ids are dense enough (the usual case), else a map. */
  private readonly dense: Int32Array | null = null;
  private readonly sparse = new Map<number, number>();
  readonly builder: PackedBookBuilder;
  /** 1 for an account with at least one contact (it has data whatever else it has). */
  readonly hasContact: Uint8Array;

  constructor(accounts: AccountInfo[]) {
    this.hasContact = new Uint8Array(accounts.length);
    const maxId = accounts.reduce((max, account) => Math.max(max, account.id), 0);
    if (maxId <= 4 * accounts.length + 1024) {
      this.dense = new Int32Array(maxId + 1).fill(-1);
      accounts.forEach((account, i) => (this.dense![account.id] = i));
    } else {
      accounts.forEach((account, i) => this.sparse.set(account.id, i));
    }
    this.builder = new PackedBookBuilder(accounts);
  }

  /** Index of an account, or -1 for a row whose account is not in the load. */
  accountOf(id: number): number {
    const dense = this.dense;
    if (dense === null) return this.sparse.get(id) ?? -1;
    return id >= 0 && id < dense.length ? dense[id] : -1;
  }

  day(date: string | null): number {
    if (date === null) return NaN;
    let day = this.days.get(date);
    if (day === undefined) {
      day = toDayNumber(date);
      this.days.set(date, day);
    }
    return day;
  }
}

function addContacts(load: Load, pages: Iterable<ContactRow[]>): void {
  for (const page of pages) {
    for (const [id, accountId, exec, isUser, strength, leftOn] of page) {
      const a = load.accountOf(accountId);
      if (a < 0) continue;
      load.builder.contact(a, id, exec === 1, isUser === 1, strength, load.day(leftOn));
      load.hasContact[a] = 1;
    }
  }
}

/** Touches and their contact links, both in touch-id order: a merge join, no per-touch lookup. */
function addTouches(load: Load, pages: Iterable<[TouchRow[], LinkRow[]]>): void {
  const builder = load.builder;
  for (const [touches, links] of pages) {
    let l = 0;
    for (const [id, accountId, date, sentiment, contact] of touches) {
      while (l < links.length && links[l][0] < id) l++;
      const a = load.accountOf(accountId);
      if (a < 0) continue;
      builder.touch(a, load.day(date), sentiment === null ? NaN : num(sentiment), contact === 1);
      while (l < links.length && links[l][0] === id) builder.link(links[l++][1]);
    }
  }
}

function addSamples(load: Load, pages: Iterable<SampleRow[]>): void {
  for (const page of pages) {
    for (const [, accountId, date, slot, value] of page) {
      const a = load.accountOf(accountId);
      if (a >= 0) load.builder.sample(a, slot, load.day(date), num(value));
    }
  }
}

/** The earliest sample of another key of each account that has no contact (see OTHER_KEYS_FIRST). */
function addOtherSamples(load: Load, firstOtherSample: Statement<[number]>): void {
  const accounts = load.builder.accounts;
  for (let a = 0; a < accounts.length; a++) {
    if (load.hasContact[a]) continue;
    const date = firstOtherSample.get(accounts[a].id) as string | null;
    if (date !== null) load.builder.sample(a, NONE, load.day(date), NaN);
  }
}

function addSurveys(load: Load, pages: Iterable<SurveyRow[]>): void {
  for (const page of pages) {
    for (const [, accountId, date, slot, score] of page) {
      const a = load.accountOf(accountId);
      if (a >= 0) load.builder.survey(a, slot, load.day(date), num(score));
    }
  }
}

export function createFactsReader(sqlite: Sqlite) {
  const paged = (table: string, columns: string, where = '') =>
    sqlite.prepare(`SELECT ${columns} FROM ${table} WHERE id > ?${where} ORDER BY id LIMIT ?`).raw();
  const all = {
    accounts: paged('accounts', COLUMNS.accounts),
    contacts: paged('contacts', COLUMNS.contacts),
    touches: paged('touches', COLUMNS.touches),
    // The links of one page of touches: touch ids in (after, last].
    links: sqlite
      .prepare('SELECT touch_id, contact_id FROM touch_contacts WHERE touch_id > ? AND touch_id <= ? ORDER BY touch_id')
      .raw(),
    samples: paged('metric_samples', COLUMNS.samples, ` AND key IN ${SCORED_KEYS}`),
    surveys: paged('survey_responses', COLUMNS.surveys),
  };
  const firstOtherSample = sqlite.prepare(OTHER_KEYS_FIRST).pluck() as Statement<[number]>;
  const ofAccount = (table: string, columns: string, where = '') =>
    sqlite.prepare(`SELECT ${columns} FROM ${table} WHERE account_id = ?${where} ORDER BY id`).raw();
  const one = {
    account: sqlite.prepare(`SELECT ${COLUMNS.accounts} FROM accounts WHERE id = ?`).raw(),
    contacts: ofAccount('contacts', COLUMNS.contacts),
    touches: ofAccount('touches', COLUMNS.touches),
    links: sqlite
      .prepare(
        `SELECT tc.touch_id, tc.contact_id FROM touch_contacts tc JOIN touches t ON t.id = tc.touch_id
         WHERE t.account_id = ? ORDER BY tc.touch_id`,
      )
      .raw(),
    samples: ofAccount('metric_samples', COLUMNS.samples, ` AND key IN ${SCORED_KEYS}`),
    surveys: ofAccount('survey_responses', COLUMNS.surveys),
  };

  const book: RowSource = {
    contacts: () => pages(all.contacts),
    *touches() {
      let after = -Infinity;
      for (const touches of pages<TouchRow>(all.touches)) {
        const last = touches[touches.length - 1][0];
        yield [touches, all.links.all(after, last) as LinkRow[]];
        after = last;
      }
    },
    samples: () => pages(all.samples),
    surveys: () => pages(all.surveys),
  };
  /** One account's rows, each table as a single page. */
  const ofOne = (id: number): RowSource => ({
    contacts: () => [one.contacts.all(id) as ContactRow[]],
    touches: () => [[one.touches.all(id) as TouchRow[], one.links.all(id) as LinkRow[]]],
    samples: () => [one.samples.all(id) as SampleRow[]],
    surveys: () => [one.surveys.all(id) as SurveyRow[]],
  });

  /** The book of `accounts` from the rows of `source`. One small function per table, so each hot loop is optimised on its own. */
  function pack(accounts: AccountInfo[], source: RowSource): PackedBook {
    const load = new Load(accounts);
    addContacts(load, source.contacts());
    addTouches(load, source.touches());
    addSamples(load, source.samples());
    addOtherSamples(load, firstOtherSample);
    addSurveys(load, source.surveys());
    return load.builder.build();
  }

  // One read transaction, so every page sees the same state of the file even if another process
  // writes between two pages (nested in a caller's transaction, it is a savepoint).
  const readBook = sqlite.transaction((): PackedBook => {
    const accounts: AccountInfo[] = [];
    for (const page of pages<AccountRow>(all.accounts)) for (const row of page) accounts.push(accountInfo(row));
    return pack(accounts, book);
  });

  return {
    /** Every account's facts, accounts in id order. */
    all(): PackedBook {
      return readBook();
    },
    /** One account's facts (a book of one) through its indexes, or null when it does not exist. */
    one(accountId: number): PackedBook | null {
      const row = one.account.get(accountId) as AccountRow | undefined;
      if (!row) return null;
      return pack([accountInfo(row)], ofOne(accountId));
    },
  };
}
