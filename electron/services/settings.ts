// Settings: the scoring defaults of SPEC, editable, stored as one JSON document. Every saved change
// is also kept in settings_history so the health trend can mark where the rules changed.
import { eq } from 'drizzle-orm';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from '../../shared/settings';
import { settings, settingsHistory } from '../db/schema';
import type { ServiceContext } from './context';

const KEY = 'scoring';

export function createSettingsService(ctx: ServiceContext) {
  const { db, sqlite, clock } = ctx;
  return {
    get(): Settings {
      const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
      // Stored settings are merged onto today's defaults so a newer Tend's new settings get values.
      return row ? mergeSettings(row.value as Partial<Settings>) : DEFAULT_SETTINGS;
    },

    update(next: Settings): Settings {
      const value = mergeSettings(next);
      const now = clock.now();
      sqlite.transaction(() => {
        db.insert(settings)
          .values({ key: KEY, value, updatedAt: now })
          .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
          .run();
        db.insert(settingsHistory).values({ key: KEY, value, changedAt: now }).run();
      })();
      return value;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
