// All services over one open database. The router, the CLI and the tests build this once per
// database; nothing here imports Electron.
import { isSqliteBusy } from '../../shared/errors';
import type { OpenedDatabase } from '../db/open';
import { createAccountPageService } from './account-page';
import { createAccountsService } from './accounts';
import { createContactsService } from './contacts';
import type { Clock, ServiceContext } from './context';
import { createFlagsService } from './flags';
import { createGoalsService } from './goals';
import { createMetricsService } from './metrics';
import { createMoneyServices } from './money';
import { createPortfolioService } from './portfolio';
import { createRemindersService } from './reminders';
import { createReportsService } from './reports';
import { backupBeforeImport } from './backup';
import { createCaptureService } from './capture';
import { createImportService } from './importer';
import { createImportJobs } from './import-jobs';
import { createDemoService } from './sample-book';
import { createScoringService } from './scoring';
import { createSearchService } from './search';
import { createSettingsService } from './settings';
import { createTodayService } from './today';
import { createTouchesService } from './touches';
import { createTriageService } from './triage';
import { createTrendsService } from './trends';
import { createBriefService } from './brief';
import { createViewsService } from './views';

export interface ServicesOptions {
  /** The bundled import worker (dist/electron/import-worker.js): app imports then run off this thread. */
  importWorker?: string;
  /** The better_sqlite3.node the worker's own connection loads (the Electron build's). */
  nativeBinding?: string;
}

export function createServices(opened: OpenedDatabase, clock: Clock, options: ServicesOptions = {}) {
  const ctx: ServiceContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    file: opened.file,
    clock,
    // Edits rescore the account they touched (incremental), then bring its reminders up to date
    // (a logged touch closes its cadence reminder at once, a resolved flag its tasks); imports
    // rescore their accounts. The edit is committed by then: if an import holds the lock, the
    // rescore is retried shortly rather than reported as a failed edit.
    accountChanged: (id) => {
      try {
        scoring.rescoreAccount(id);
        reminders.refresh(clock.today(), id);
      } catch (err) {
        if (!isSqliteBusy(err)) throw err;
        retryRescore(id);
      }
    },
    accountsChanged: (ids) => scoring.rescoreAccounts(ids),
  };
  const pendingRescores = new Set<number>();
  function retryRescore(id: number) {
    pendingRescores.add(id);
    if (pendingRescores.size > 1) return; // a retry is already scheduled
    setTimeout(function retry() {
      try {
        scoring.rescoreAccounts([...pendingRescores]);
        pendingRescores.clear();
      } catch (err) {
        if (isSqliteBusy(err) && opened.sqlite.open) setTimeout(retry, 2000).unref();
        else pendingRescores.clear(); // closed database or a real fault: the next full rescore catches up
      }
    }, 2000).unref();
  }
  const settings = createSettingsService(ctx);
  const scoring = createScoringService(ctx, () => settings.get());
  const reminders = createRemindersService(ctx, () => settings.get());
  const accounts = createAccountsService(ctx);
  const flags = createFlagsService(ctx);
  const goals = createGoalsService(ctx);
  const metrics = createMetricsService(ctx, scoring, () => settings.get());
  const importer = createImportService(ctx);
  const triage = createTriageService(ctx, { scoring, getSettings: () => settings.get() });
  const money = createMoneyServices(ctx, { scoring, settings: () => settings.get() });
  const accountPage = createAccountPageService(ctx, { reminders, scoring });
  return {
    ctx,
    accounts,
    contacts: createContactsService(ctx),
    touches: createTouchesService(ctx),
    settings,
    scoring,
    flags,
    reminders,
    metrics,
    demo: createDemoService(ctx, scoring, reminders, money),
    goals,
    reports: createReportsService(ctx, { accounts, flags, goals, reminders, metrics, scoring, triage, getSettings: () => settings.get() }),
    accountPage,
    today: createTodayService(ctx, reminders, money),
    search: createSearchService(ctx),
    portfolio: createPortfolioService(ctx, { settings, scoring }),
    views: createViewsService(ctx),
    triage,
    trends: createTrendsService(ctx, { metrics, getSettings: () => settings.get() }),
    brief: createBriefService(ctx, { accountPage, money, triage, getSettings: () => settings.get() }),
    money,
    importer,
    capture: createCaptureService(ctx, { backup: () => backupBeforeImport(ctx.sqlite, ctx.file) }),
    importJobs: createImportJobs(
      importer,
      async () => {
        await backupBeforeImport(ctx.sqlite, ctx.file);
      },
      options.importWorker
        ? { script: options.importWorker, dbFile: opened.file, nativeBinding: options.nativeBinding, asOf: () => clock.today() }
        : undefined,
    ),
  };
}

export type Services = ReturnType<typeof createServices>;
