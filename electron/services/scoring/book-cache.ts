// The whole book's facts kept between reads while the database has not changed, for callers that
// score the same book again and again without writing (the Settings preview: one call per
// candidate setting, each a full book). Any write drops it: a write on this connection moves
// SQLite's total_changes(), a commit by another connection (the CLI, another window) moves
// PRAGMA data_version. So the cache never serves facts older than the file.
import type { PackedBook } from '../../../shared/scoring';
import type { Sqlite } from '../../db/open';

export function createBookCache(sqlite: Sqlite, load: () => PackedBook) {
  const version = sqlite.prepare('SELECT total_changes(), (SELECT data_version FROM pragma_data_version)').raw();
  let cached: { key: string; book: PackedBook } | null = null;
  const keyNow = (): string => (version.get() as [number, number]).join(':');

  return {
    /** The book as it is in the file now: the kept one when nothing was written since it was read. */
    get(): PackedBook {
      const key = keyNow();
      if (cached?.key !== key) cached = { key, book: load() };
      return cached.book;
    },
    /** Forgets the kept book (its memory goes back to the process). */
    clear(): void {
      cached = null;
    },
  };
}

export type BookCache = ReturnType<typeof createBookCache>;
