// Imports started from the app run as jobs: the renderer starts one, polls its progress (rows/s),
// and may cancel it, which leaves the database as it was. Two kinds: 'import' lands a file, 'count'
// is the preview's full pass (every row read and landed, then rolled back) for the exact counts.
//
// With a worker script (the desktop app, the e2e harness) a job runs in a worker_threads Worker
// with its own connection to the database (import-worker/), so the main process — which answers
// the window — is never blocked by a big file. Without one (plain services, as some tests build
// them) the job runs in this thread: reading is async, the write one synchronous transaction.
import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { TendError, type TendErrorValue } from '../../shared/errors';
import type { ImportPreview, ImportProgress, ImportRequest, ImportRunResult, ImportService, RunRequest } from './importer';
import { cancelFlag, type WorkerInput, type WorkerMessage, type WorkerTask } from './import-worker/protocol';

export interface ImportJobView {
  jobId: string;
  task: 'import' | 'count';
  status: 'running' | 'done' | 'failed' | 'cancelled';
  progress: ImportProgress | null;
  /** Rows per second in the current phase (null until there is enough to tell, and while scoring). */
  rowsPerSecond: number | null;
  elapsedMs: number;
  result: ImportRunResult | null;
  /** The full preview, for a finished count job. */
  preview: ImportPreview | null;
  error: TendErrorValue | null;
}

export interface ImportWorkerOptions {
  /** The bundled worker entry (dist/electron/import-worker.js). */
  script: string;
  dbFile: string;
  nativeBinding?: string;
  /** The as-of date the main process's clock gives (the worker rescores at the same date). */
  asOf(): string;
}

interface Job {
  view: ImportJobView;
  cancel: { readonly aborted: boolean; abort(): void };
  started: number;
  /** When the current phase's first report came, and its rows then (the rate counts from there). */
  phaseStarted: number;
  phaseRows: number;
  /** Ends the worker early (a count job nobody waits for any more). */
  terminate?: () => void;
}

type Run = Omit<RunRequest, 'onProgress' | 'signal'>;

/** A rate needs some time behind it: the first chunk's would be noise. */
const MIN_RATE_MS = 150;

/** How many jobs (finished ones first to go) the service remembers for the wizard to read. */
const KEEP_JOBS = 10;

export function createImportJobs(importer: ImportService, beforeWrite: () => Promise<void>, worker?: ImportWorkerOptions) {
  const jobs = new Map<string, Job>();

  function view(job: Job): ImportJobView {
    return { ...job.view, elapsedMs: Date.now() - job.started };
  }

  function onProgress(job: Job, progress: ImportProgress): void {
    const now = Date.now();
    if (job.view.progress && job.view.progress.phase !== progress.phase) {
      job.phaseStarted = now;
      job.phaseRows = progress.rows;
      job.view.rowsPerSecond = null;
    }
    job.view.progress = progress;
    const ms = now - job.phaseStarted;
    const rows = progress.rows - job.phaseRows;
    if (progress.phase === 'scoring' || progress.phase === 'scanning') job.view.rowsPerSecond = null;
    else if (ms >= MIN_RATE_MS && rows > 0) job.view.rowsPerSecond = Math.round((rows * 1000) / ms);
  }

  function finish(job: Job, outcome: { result: ImportRunResult | ImportPreview } | { error: TendErrorValue }): void {
    if (job.view.status !== 'running') return;
    if ('result' in outcome) {
      job.view.status = 'done';
      if (job.view.task === 'import') job.view.result = outcome.result as ImportRunResult;
      else job.view.preview = outcome.result as ImportPreview;
    } else {
      job.view.error = outcome.error;
      job.view.status = job.cancel.aborted ? 'cancelled' : 'failed';
    }
  }

  function inWorker(job: Job, options: ImportWorkerOptions, task: WorkerTask): Promise<void> {
    return new Promise((resolve) => {
      const buffer = new SharedArrayBuffer(4);
      const flag = cancelFlag(buffer);
      job.cancel = flag;
      const input: WorkerInput = { dbFile: options.dbFile, nativeBinding: options.nativeBinding, asOf: options.asOf(), cancel: buffer, task };
      const thread = new Worker(options.script, { workerData: input });
      job.terminate = () => void thread.terminate();
      thread.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') onProgress(job, message.progress);
        else if (message.type === 'done') finish(job, { result: message.result });
        else finish(job, { error: message.error });
      });
      thread.on('error', (err) => finish(job, { error: { code: 'internal', message: `The import stopped: ${err.message}. Nothing was imported.` } }));
      thread.on('exit', (code) => {
        finish(job, {
          error: flag.aborted
            ? { code: 'import_failed', message: 'The import was cancelled. Nothing was imported.', details: { cancelled: true } }
            : { code: 'internal', message: `The import stopped unexpectedly (exit code ${code}). Nothing was imported.` },
        });
        resolve();
      });
    });
  }

  async function inThread(job: Job, task: WorkerTask): Promise<void> {
    const controller = new AbortController();
    job.cancel = { get aborted() { return controller.signal.aborted; }, abort: () => controller.abort() };
    const progress = (p: ImportProgress) => onProgress(job, p);
    try {
      const result =
        task.type === 'run'
          ? await importer.run({ ...task.request, signal: controller.signal, onProgress: progress })
          : await importer.preview({ ...task.request, signal: controller.signal, onProgress: progress });
      finish(job, { result });
    } catch (err) {
      finish(job, { error: err instanceof TendError ? err.toValue() : { code: 'internal', message: (err as Error).message } });
    }
  }

  function launch(task: WorkerTask): { jobId: string } {
    const jobId = crypto.randomUUID();
    const started = Date.now();
    // Cancel before the work starts (the backup) is honoured as soon as it does.
    let cancelledEarly = false;
    const job: Job = {
      cancel: { get aborted() { return cancelledEarly; }, abort: () => void (cancelledEarly = true) },
      started,
      phaseStarted: started,
      phaseRows: 0,
      view: {
        jobId,
        task: task.type === 'run' ? 'import' : 'count',
        status: 'running',
        progress: null,
        rowsPerSecond: null,
        elapsedMs: 0,
        result: null,
        preview: null,
        error: null,
      },
    };
    jobs.set(jobId, job);
    // Finished jobs keep their result (a preview can hold every row's error): keep only the newest.
    for (const [id, old] of jobs) {
      if (jobs.size <= KEEP_JOBS) break;
      if (old.view.status !== 'running') jobs.delete(id);
    }
    void (async () => {
      try {
        if (task.type === 'run' && !task.request.dryRun) await beforeWrite();
      } catch (err) {
        finish(job, { error: err instanceof TendError ? err.toValue() : { code: 'internal', message: (err as Error).message } });
        return;
      }
      if (cancelledEarly) {
        finish(job, { error: { code: 'import_failed', message: 'The import was cancelled. Nothing was imported.', details: { cancelled: true } } });
        return;
      }
      job.phaseStarted = Date.now();
      await (worker ? inWorker(job, worker, task) : inThread(job, task));
    })();
    return { jobId };
  }

  function find(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new TendError('not_found', 'That import is not running any more. Start it again.', { jobId });
    return job;
  }

  return {
    /** Lands a file (in the worker when there is one). */
    start(request: Run): { jobId: string } {
      return launch({ type: 'run', request });
    },

    /** The preview's full count pass over the whole file, cancellable, with progress. */
    count(request: ImportRequest): { jobId: string } {
      return launch({ type: 'count', request });
    },

    /** Whether any import or count is still running (switching databases must wait for it). */
    anyRunning(): boolean {
      for (const job of jobs.values()) if (job.view.status === 'running') return true;
      return false;
    },

    get(jobId: string): ImportJobView {
      return view(find(jobId));
    },

    cancel(jobId: string): ImportJobView {
      const job = find(jobId);
      if (job.view.status === 'running') job.cancel.abort();
      return view(job);
    },

    /** Waits for a job to end (tests and the CLI-like callers; the window polls instead). */
    async settle(jobId: string, pollMs = 20): Promise<ImportJobView> {
      for (;;) {
        const job = find(jobId);
        if (job.view.status !== 'running') return view(job);
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
