// All services over one open database. The router, the CLI and the tests build this once per
// database; nothing here imports Electron.
import type { OpenedDatabase } from '../db/open';
import { createAccountsService } from './accounts';
import { createContactsService } from './contacts';
import type { Clock, ServiceContext } from './context';
import { createFlagsService } from './flags';
import { createMetricsService } from './metrics';
import { createRemindersService } from './reminders';
import { createDemoService } from './sample-book';
import { createScoringService } from './scoring';
import { createSettingsService } from './settings';
import { createTouchesService } from './touches';

export function createServices(opened: OpenedDatabase, clock: Clock) {
  const ctx: ServiceContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    file: opened.file,
    clock,
    // Edits rescore the account they touched (incremental); imports rescore their accounts.
    accountChanged: (id) => scoring.rescoreAccount(id),
    accountsChanged: (ids) => scoring.rescoreAccounts(ids),
  };
  const settings = createSettingsService(ctx);
  const scoring = createScoringService(ctx, () => settings.get());
  const reminders = createRemindersService(ctx, () => settings.get());
  return {
    ctx,
    accounts: createAccountsService(ctx),
    contacts: createContactsService(ctx),
    touches: createTouchesService(ctx),
    settings,
    scoring,
    flags: createFlagsService(ctx),
    reminders,
    metrics: createMetricsService(ctx, scoring),
    demo: createDemoService(ctx, scoring, reminders),
  };
}

export type Services = ReturnType<typeof createServices>;
