// Imports started from the app run as jobs: the renderer starts one, polls its progress (rows/s),
// and may cancel it, which leaves the database as it was. Reading streams asynchronously, so the
// main process keeps answering while a large file is read; the write is one short transaction.
import crypto from 'node:crypto';
import { TendError, type TendErrorValue } from '../../shared/errors';
import type { ImportProgress, ImportRunResult, ImportService, RunRequest } from './importer';

export interface ImportJobView {
  jobId: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  progress: ImportProgress | null;
  rowsPerSecond: number | null;
  elapsedMs: number;
  result: ImportRunResult | null;
  error: TendErrorValue | null;
}

interface Job {
  view: ImportJobView;
  controller: AbortController;
  started: number;
}

export function createImportJobs(importer: ImportService, beforeWrite: () => Promise<void>) {
  const jobs = new Map<string, Job>();

  function view(job: Job): ImportJobView {
    return { ...job.view, elapsedMs: Date.now() - job.started };
  }

  return {
    start(request: Omit<RunRequest, 'onProgress' | 'signal'>): { jobId: string } {
      const jobId = crypto.randomUUID();
      const job: Job = {
        controller: new AbortController(),
        started: Date.now(),
        view: { jobId, status: 'running', progress: null, rowsPerSecond: null, elapsedMs: 0, result: null, error: null },
      };
      jobs.set(jobId, job);
      void (async () => {
        try {
          if (!request.dryRun) await beforeWrite();
          const result = await importer.run({
            ...request,
            signal: job.controller.signal,
            onProgress: (progress) => {
              const seconds = (Date.now() - job.started) / 1000;
              job.view.progress = progress;
              job.view.rowsPerSecond = seconds > 0 && progress.phase !== 'scanning' ? Math.round(progress.rows / seconds) : null;
            },
          });
          job.view.result = result;
          job.view.status = 'done';
        } catch (err) {
          const error = err instanceof TendError ? err.toValue() : { code: 'internal' as const, message: (err as Error).message };
          job.view.error = error;
          job.view.status = job.controller.signal.aborted ? 'cancelled' : 'failed';
        }
      })();
      return { jobId };
    },

    get(jobId: string): ImportJobView {
      const job = jobs.get(jobId);
      if (!job) throw new TendError('not_found', 'That import is not running any more. Start it again.', { jobId });
      return view(job);
    },

    cancel(jobId: string): ImportJobView {
      const job = jobs.get(jobId);
      if (!job) throw new TendError('not_found', 'That import is not running any more.', { jobId });
      if (job.view.status === 'running') job.controller.abort();
      return view(job);
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
