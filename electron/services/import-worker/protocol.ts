// What the main process and the import worker (worker.ts) say to each other. Cancel is not a
// message: it is a flag in shared memory, because the worker's write loop is synchronous and would
// only see a message once the transaction has ended.
import type { TendErrorValue } from '../../../shared/errors';
import type { ImportPreview, ImportProgress, ImportRequest, ImportRunResult, RunRequest } from '../importer';

export type WorkerTask =
  | { type: 'run'; request: Omit<RunRequest, 'onProgress' | 'signal'> }
  /** The preview's full count pass: every row read and landed, then rolled back. */
  | { type: 'count'; request: ImportRequest };

export interface WorkerInput {
  dbFile: string;
  /** The Electron-ABI better_sqlite3.node the desktop app loads (undefined under plain Node). */
  nativeBinding?: string;
  /** The main process's as-of date, so the rescore records the same day the app shows. */
  asOf: string;
  /** Int32Array over it: [0] becomes 1 when the user cancels. */
  cancel: SharedArrayBuffer;
  task: WorkerTask;
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportRunResult | ImportPreview }
  | { type: 'failed'; error: TendErrorValue };

/** The worker's side of the cancel flag, shaped like an AbortSignal for the reader and writer. */
export function cancelFlag(buffer: SharedArrayBuffer) {
  const cells = new Int32Array(buffer);
  return {
    get aborted() {
      return Atomics.load(cells, 0) === 1;
    },
    abort() {
      Atomics.store(cells, 0, 1);
    },
  };
}
