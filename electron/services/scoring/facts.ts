// Reads what the pure scoring (shared/scoring) needs from the database: the whole book in one pass
// per table (full rescore), or one account through its indexes (incremental rescore). Rows come
// back as arrays (`raw`) and in id order, so equal-date ties keep insertion order as the scoring expects.
//
// Speed (npm run bench): a full load builds ~1M small objects that all stay alive, so its cost is
// mostly the garbage collector copying survivors. Hence rows are streamed (`iterate`, so no
// million-row arrays are kept), repeated strings (dates, metric keys, levels, kinds) are shared
// (a row's own copy dies young, which is free), and each touch's contact ids are an exact-size array.
import type { AccountFacts, TouchFacts } from '../../../shared/scoring/types';
import { CONTACT_LEVELS, METRIC_KEYS, SURVEY_KINDS, type ContactLevel, type Segment, type Stage, type SurveyKind } from '../../../shared/domain';
import type { Sqlite } from '../../db/open';

/** Metric keys the health score and flags read; other keys are kept but not loaded for scoring. */
const SCORED_KEYS = "('adoption', 'active_users', 'open_tickets', 'overdue_invoices')";

const ACCOUNT_COLUMNS = `id, segment, stage, archived, contract_start, renewal_date, seats, substr(created_at, 1, 10)`;

type AccountRow = [number, Segment, Stage, number, string | null, string | null, number | null, string];
type Rows<T> = IterableIterator<T>;

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

/** One shared instance per distinct string, for the duration of one load (so it never grows unbounded). */
function interner(): <T extends string>(s: T) => T {
  const seen = new Map<string, string>(VOCABULARY.map((word) => [word, word]));
  return <T extends string>(s: T): T => {
    const shared = seen.get(s);
    if (shared !== undefined) return shared as T;
    seen.set(s, s);
    return s;
  };
}

export function createFactsReader(sqlite: Sqlite) {
  const all = {
    accounts: sqlite.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY id`).raw(),
    contacts: sqlite.prepare('SELECT account_id, id, level, is_user, strength, left_on FROM contacts ORDER BY id').raw(),
    touches: sqlite.prepare('SELECT account_id, id, substr(occurred_at, 1, 10), sentiment FROM touches ORDER BY id').raw(),
    links: sqlite.prepare('SELECT touch_id, contact_id FROM touch_contacts ORDER BY touch_id').raw(),
    samples: sqlite
      .prepare(`SELECT account_id, date, key, value FROM metric_samples WHERE key IN ${SCORED_KEYS} ORDER BY id`)
      .raw(),
    surveys: sqlite.prepare('SELECT account_id, date, kind, score FROM survey_responses ORDER BY id').raw(),
  };
  const one = {
    account: sqlite.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`).raw(),
    contacts: sqlite
      .prepare('SELECT account_id, id, level, is_user, strength, left_on FROM contacts WHERE account_id = ? ORDER BY id')
      .raw(),
    touches: sqlite
      .prepare('SELECT account_id, id, substr(occurred_at, 1, 10), sentiment FROM touches WHERE account_id = ? ORDER BY id')
      .raw(),
    links: sqlite
      .prepare(
        `SELECT tc.touch_id, tc.contact_id FROM touch_contacts tc JOIN touches t ON t.id = tc.touch_id
         WHERE t.account_id = ? ORDER BY tc.touch_id`,
      )
      .raw(),
    samples: sqlite
      .prepare(
        `SELECT account_id, date, key, value FROM metric_samples WHERE account_id = ? AND key IN ${SCORED_KEYS} ORDER BY id`,
      )
      .raw(),
    surveys: sqlite.prepare('SELECT account_id, date, kind, score FROM survey_responses WHERE account_id = ? ORDER BY id').raw(),
  };

  // Reused across touches to gather one touch's contact ids before copying them out exactly sized
  // (`[]` + push would reserve 17 slots for every touch).
  const scratch: number[] = [];

  /** Fills `byId` from the row sets; `params` are the statements' bound parameters. */
  function fill(byId: Map<number, AccountFacts>, statements: typeof all | typeof one, params: unknown[]): void {
    const intern = interner();
    for (const [accountId, id, level, isUser, strength, leftOn] of statements.contacts.iterate(...params) as Rows<
      [number, number, ContactLevel, number, number, string | null]
    >) {
      byId.get(accountId)?.contacts.push({ id, level: intern(level), isUser: isUser === 1, strength, leftOn });
    }

    // Touches and their contact links, both in touch-id order: a merge join of two streams, no
    // per-touch lookup. (Two read cursors may be open at once on one connection.)
    const links = statements.links.iterate(...params) as Rows<[number, number]>;
    try {
      let link = links.next();
      for (const [accountId, id, date, sentiment] of statements.touches.iterate(...params) as Rows<
        [number, number, string, number | null]
      >) {
        while (!link.done && link.value[0] < id) link = links.next();
        let n = 0;
        while (!link.done && link.value[0] === id) {
          scratch[n++] = link.value[1];
          link = links.next();
        }
        const touch: TouchFacts = { date: intern(date), sentiment, contactIds: n === 0 ? [] : scratch.slice(0, n) };
        byId.get(accountId)?.touches.push(touch);
      }
    } finally {
      links.return?.(); // releases the statement if links outlived the touches
    }

    for (const [accountId, date, key, value] of statements.samples.iterate(...params) as Rows<[number, string, string, number]>) {
      byId.get(accountId)?.samples.push({ date: intern(date), key: intern(key), value });
    }
    for (const [accountId, date, kind, score] of statements.surveys.iterate(...params) as Rows<
      [number, string, SurveyKind, number]
    >) {
      byId.get(accountId)?.surveys.push({ date: intern(date), kind: intern(kind), score });
    }
  }

  return {
    /** Every account's facts, in id order. */
    all(): AccountFacts[] {
      const byId = new Map<number, AccountFacts>();
      for (const row of all.accounts.iterate() as Rows<AccountRow>) byId.set(row[0], accountFacts(row));
      fill(byId, all, []);
      return [...byId.values()];
    },
    /** One account's facts through its indexes, or null when it does not exist. */
    one(accountId: number): AccountFacts | null {
      const row = one.account.get(accountId) as AccountRow | undefined;
      if (!row) return null;
      const byId = new Map([[row[0], accountFacts(row)]]);
      fill(byId, one, [accountId]);
      return byId.get(row[0])!;
    },
  };
}
