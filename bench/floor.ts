// The floor of a full rescore: the time better-sqlite3 takes just to hand every row the scoring
// reads to JavaScript once — the columns the facts loader selects, no processing, nothing kept.
// The floor is the faster of two ways of reading in each round, so the ratio full-rescore / floor
// is measured against the best plain read, not a strawman:
//   iterate  `.raw().iterate()` over each table (streamed, one native call per row);
//   paged    `.raw().all()` on keyset pages of 4096 rows (`WHERE id > ? ORDER BY id LIMIT 4096`).
// A third, `all` (`.raw().all()` per table, one array per table), is printed for reference only:
// at 10,000 accounts it keeps a million arrays alive and is garbage-collector-bound.
import type { Sqlite } from '../electron/db/open';

interface FloorTable {
  columns: string;
  /** Only rows the loader reads (it skips metric keys the scoring does not use). */
  where?: string;
  /** What `paged` pages by; rowid for the link table, which has no id column. */
  key?: string;
}

export const FLOOR_TABLES: Record<string, FloorTable> = {
  accounts: { columns: 'id, segment, stage, archived, contract_start, renewal_date, seats, created_at' },
  contacts: { columns: 'id, account_id, level, is_user, strength, left_on' },
  touches: { columns: 'id, account_id, occurred_at, sentiment' },
  touch_contacts: { columns: 'touch_id, contact_id', key: 'rowid' },
  metric_samples: {
    columns: 'id, account_id, date, key, value',
    where: "key IN ('adoption', 'active_users', 'open_tickets', 'overdue_invoices')",
  },
  survey_responses: { columns: 'id, account_id, date, kind, score' },
};

export type FloorMode = 'iterate' | 'all' | 'paged';
const PAGE_ROWS = 4096;

/** A function that reads every floor row once in the given way and returns the row count. */
export function floorReader(sqlite: Sqlite, mode: FloorMode): () => number {
  const readers = Object.entries(FLOOR_TABLES).map(([table, { columns, where, key }]) => {
    if (mode === 'paged') {
      const select = key ? `${key}, ${columns}` : columns; // the paging key comes first
      const statement = sqlite
        .prepare(`SELECT ${select} FROM ${table} WHERE ${key ?? 'id'} > ?${where ? ` AND ${where}` : ''} ORDER BY ${key ?? 'id'} LIMIT ?`)
        .raw();
      return (): number => {
        let rows = 0;
        for (let after = -Infinity; ; ) {
          const page = statement.all(after, PAGE_ROWS) as number[][];
          rows += page.length;
          if (page.length < PAGE_ROWS) return rows;
          after = page[page.length - 1][0];
        }
      };
    }
    const statement = sqlite.prepare(`SELECT ${columns} FROM ${table}${where ? ` WHERE ${where}` : ''}`).raw();
    if (mode === 'all') return (): number => statement.all().length;
    return (): number => {
      let rows = 0;
      for (const _row of statement.iterate()) rows++;
      return rows;
    };
  });
  return () => readers.reduce((rows, read) => rows + read(), 0);
}
