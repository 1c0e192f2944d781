// All services over one open database. The router, the CLI and the tests build this once per
// database; nothing here imports Electron.
import type { OpenedDatabase } from '../db/open';
import { createAccountsService } from './accounts';
import { createContactsService } from './contacts';
import type { Clock, ServiceContext } from './context';
import { createDemoService } from './sample-book';
import { createSettingsService } from './settings';
import { createTouchesService } from './touches';

export function createServices(opened: OpenedDatabase, clock: Clock) {
  const ctx: ServiceContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    file: opened.file,
    clock,
    accountChanged: () => {},
  };
  const services = {
    ctx,
    accounts: createAccountsService(ctx),
    contacts: createContactsService(ctx),
    touches: createTouchesService(ctx),
    settings: createSettingsService(ctx),
    demo: createDemoService(ctx),
  };
  return services;
}

export type Services = ReturnType<typeof createServices>;
