// The import worker (a worker_threads entry, bundled to dist/electron/import-worker.js): runs an
// import, or a preview's full count pass, over its own connection to the same database file. SQLite
// in WAL mode lets the main process keep reading (and answering the window) meanwhile. The import
// service is the same code the CLI runs; only the thread differs. After a landed import the touched
// accounts are rescored here too, so a big import never freezes the main process.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { TendError, type TendErrorValue } from '../../../shared/errors';
import * as schema from '../../db/schema';
import { systemClock, type ServiceContext } from '../context';
import { createImportService, type ImportProgress } from '../importer';
import { createScoringService } from '../scoring';
import { createSettingsService } from '../settings';
import { cancelFlag, type WorkerInput, type WorkerMessage } from './protocol';

const input = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

function toValue(err: unknown): TendErrorValue {
  if (err instanceof TendError) return err.toValue();
  const e = err as { code?: string; message?: string };
  if (e.code === 'SQLITE_BUSY') {
    return { code: 'db_locked', message: 'The database was busy with another change for too long, so nothing was imported. Try again.' };
  }
  return { code: 'internal', message: `The import stopped: ${e.message ?? String(err)}. Nothing was imported.` };
}

async function main(): Promise<void> {
  // The main process opened (and migrated) the file already; WAL is a property of the file.
  const sqlite = new Database(input.dbFile, { fileMustExist: true, nativeBinding: input.nativeBinding, timeout: 15_000 });
  try {
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    const ctx: ServiceContext = {
      db: drizzle(sqlite, { schema }),
      sqlite,
      file: input.dbFile,
      clock: systemClock(input.asOf),
      accountChanged: (id) => scoring.rescoreAccount(id),
      accountsChanged: (ids) => scoring.rescoreAccounts(ids),
    };
    const settings = createSettingsService(ctx);
    const scoring = createScoringService(ctx, () => settings.get());
    const importer = createImportService(ctx);
    const signal = cancelFlag(input.cancel);
    const onProgress = (progress: ImportProgress) => post({ type: 'progress', progress });
    const { task } = input;
    const result =
      task.type === 'run'
        ? await importer.run({ ...task.request, signal, onProgress })
        : await importer.preview({ ...task.request, signal, onProgress });
    post({ type: 'done', result });
  } finally {
    sqlite.close();
  }
}

main().catch((err: unknown) => post({ type: 'failed', error: toValue(err) }));
