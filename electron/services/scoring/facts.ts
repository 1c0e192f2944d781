// Reads what the pure scoring (shared/scoring) needs from the database: the whole book in one pass
// per table (full rescore), or one account through its indexes (incremental rescore). Rows come
// back as arrays (`raw`) and in id order, so equal-date ties keep insertion order as the scoring expects.
//
// Speed (`npm run bench`): a full load builds ~1M small objects that all stay alive, so much of its
// cost is the garbage collector copying survivors. Hence: the book is read in pages of a few
// thousand rows (one `all()` per page: cheaper per row than `iterate()`, and unlike one `all()` per
// table no million-row arrays outlive their page); repeated strings (dates, metric keys, levels,
// kinds) are shared, so a row's own copy dies young, which is free; and each touch's contact ids
// are an exact-size array.
import type { AccountFacts, TouchFacts } from '../../../shared/scoring/types';
import { CONTACT_LEVELS, METRIC_KEYS, SURVEY_KINDS, type ContactLevel, type Segment, type Stage, type SurveyKind } from '../../../shared/domain';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../db/open';

/** Metric keys the health score and flags read; other keys are kept but not loaded for scoring. */
const SCORED_KEYS = "('adoption', 'active_users', 'open_tickets', 'overdue_invoices')";

/** Rows per page of a full load: big enough to amortise a query, small enough to die young. */
const PAGE_ROWS = 4096;

// Every row starts with the id it is paged by.
type AccountRow = [id: number, Segment, Stage, archived: number, string | null, string | null, number | null, string];
type ContactRow = [id: number, accountId: number, ContactLevel, isUser: number, strength: number, leftOn: string | null];
type TouchRow = [id: number, accountId: number, date: string, sentiment: number | null];
type LinkRow = [touchId: number, contactId: number];
type SampleRow = [id: number, accountId: number, date: string, key: string, value: number];
type SurveyRow = [id: number, accountId: number, date: string, SurveyKind, score: number];

const COLUMNS = {
  accounts: 'id, segment, stage, archived, contract_start, renewal_date, seats, substr(created_at, 1, 10)',
  contacts: 'id, account_id, level, is_user, strength, left_on',
  touches: 'id, account_id, substr(occurred_at, 1, 10), sentiment',
  samples: 'id, account_id, date, key, value',
  surveys: 'id, account_id, date, kind, score',
};

function accountFacts(row: AccountRow): AccountFacts {
  return {
    id: row[0],
    segment: row[1],
    stage: row[2],
    archived: row[3] === 1,
    contractStart: row[4],
    renewalDate: row[5],
    seats: row[6],
    createdAt: row[7],
    contacts: [],
    touches: [],
    samples: [],
    surveys: [],
  };
}

/** The enum words, seeded so the facts carry the very strings the scoring compares against. */
const VOCABULARY: readonly string[] = [...CONTACT_LEVELS, ...METRIC_KEYS, ...SURVEY_KINDS];

/**
 * One shared instance per distinct string, for the duration of one load (so it never grows
 * unbounded). A class rather than a closure: a new closure per load would be a new call target for
 * the optimised loops below each time.
 */
class Interner {
  private readonly seen = new Map<string, string>(VOCABULARY.map((word) => [word, word]));

  get<T extends string>(s: T): T {
    const shared = this.seen.get(s);
    if (shared !== undefined) return shared as T;
    this.seen.set(s, s);
    return s;
  }
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

type ById = Map<number, AccountFacts>;

function addContacts(byId: ById, pages: Iterable<ContactRow[]>, intern: Interner): void {
  for (const page of pages) {
    for (const [id, accountId, level, isUser, strength, leftOn] of page) {
      byId.get(accountId)?.contacts.push({ id, level: intern.get(level), isUser: isUser === 1, strength, leftOn });
    }
  }
}

// Gathers one touch's contact ids before copying them out exactly sized: `[]` + push would reserve
// 17 slots for every touch; literals are cheapest for the usual one or two contacts, a slice beyond.
const scratch: number[] = [];

/** Touches and their contact links, both in touch-id order: a merge join, no per-touch lookup. */
function addTouches(byId: ById, pages: Iterable<[TouchRow[], LinkRow[]]>, intern: Interner): void {
  for (const [touches, links] of pages) {
    let l = 0;
    for (const [id, accountId, date, sentiment] of touches) {
      while (l < links.length && links[l][0] < id) l++;
      let n = 0;
      while (l < links.length && links[l][0] === id) scratch[n++] = links[l++][1];
      const contactIds = n === 0 ? [] : n === 1 ? [scratch[0]] : n === 2 ? [scratch[0], scratch[1]] : scratch.slice(0, n);
      const touch: TouchFacts = { date: intern.get(date), sentiment, contactIds };
      byId.get(accountId)?.touches.push(touch);
    }
  }
}

function addSamples(byId: ById, pages: Iterable<SampleRow[]>, intern: Interner): void {
  for (const page of pages) {
    for (const [, accountId, date, key, value] of page) {
      byId.get(accountId)?.samples.push({ date: intern.get(date), key: intern.get(key), value });
    }
  }
}

function addSurveys(byId: ById, pages: Iterable<SurveyRow[]>, intern: Interner): void {
  for (const page of pages) {
    for (const [, accountId, date, kind, score] of page) {
      byId.get(accountId)?.surveys.push({ date: intern.get(date), kind: intern.get(kind), score });
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

  /** Fills `byId` from the rows of `source`. One small function per table, so each hot loop is optimised on its own. */
  function fill(byId: ById, source: RowSource): void {
    const intern = new Interner();
    addContacts(byId, source.contacts(), intern);
    addTouches(byId, source.touches(), intern);
    addSamples(byId, source.samples(), intern);
    addSurveys(byId, source.surveys(), intern);
  }

  // One read transaction, so every page sees the same state of the file even if another process
  // writes between two pages (nested in a caller's transaction, it is a savepoint).
  const readBook = sqlite.transaction((): AccountFacts[] => {
    const byId = new Map<number, AccountFacts>();
    for (const page of pages<AccountRow>(all.accounts)) for (const row of page) byId.set(row[0], accountFacts(row));
    fill(byId, book);
    return [...byId.values()];
  });

  return {
    /** Every account's facts, in id order. */
    all(): AccountFacts[] {
      return readBook();
    },
    /** One account's facts through its indexes, or null when it does not exist. */
    one(accountId: number): AccountFacts | null {
      const row = one.account.get(accountId) as AccountRow | undefined;
      if (!row) return null;
      const byId = new Map([[row[0], accountFacts(row)]]);
      fill(byId, ofOne(accountId));
      return byId.get(row[0])!;
    },
  };
}
