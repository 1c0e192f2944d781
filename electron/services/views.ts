// Saved portfolio views: named filter + sort sets, stored as one JSON document in the settings
// table under 'ui.views' (so they travel with the database file, like everything else).
import { savedView, type SavedView } from '../../shared/contracts/portfolio';
import type { ServiceContext } from './context';

const KEY = 'ui.views';

export function createViewsService(ctx: ServiceContext) {
  const { sqlite, clock } = ctx;
  const read = sqlite.prepare('SELECT value FROM settings WHERE key = ?');
  const write = sqlite.prepare(`
    INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);

  function list(): SavedView[] {
    const row = read.get(KEY) as { value: string } | undefined;
    if (!row) return [];
    let stored: unknown;
    try {
      stored = JSON.parse(row.value);
    } catch {
      return [];
    }
    // A view saved by another version that no longer parses is skipped, not fatal.
    return Array.isArray(stored)
      ? stored.flatMap((entry) => {
          const parsed = savedView.safeParse(entry);
          return parsed.success ? [parsed.data] : [];
        })
      : [];
  }

  function store(views: SavedView[]): SavedView[] {
    const sorted = [...views].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
    write.run(KEY, JSON.stringify(sorted), clock.now());
    return sorted;
  }

  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

  return {
    list,
    /** Adds a view, or replaces the one with the same name (ignoring case). */
    save(view: SavedView): SavedView[] {
      return store([...list().filter((v) => !same(v.name, view.name)), view]);
    },
    delete(name: string): SavedView[] {
      return store(list().filter((v) => !same(v.name, name)));
    },
  };
}

export type ViewsService = ReturnType<typeof createViewsService>;
