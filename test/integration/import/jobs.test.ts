// Import jobs in the worker thread (the app's path): the import lands from a worker_threads Worker
// over its own connection to the same file, progress arrives while the main thread stays free,
// Cancel rolls back, strict refuses, and the preview's count pass runs there too.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SF_ACCOUNTS, SF_CONTACTS, importSetup, type ImportEnv } from './helpers';

function bigAccounts(env: ImportEnv, rows: number): string {
  const lines = ['External ID,Account Name,Segment,MRR'];
  for (let i = 0; i < rows; i++) lines.push(`EXT-${i},Customer ${i},${['smb', 'mid-market', 'enterprise'][i % 3]},${1000 + (i % 500)}`);
  return env.write('big.csv', lines.join('\n'));
}

describe('import jobs in the worker', () => {
  it('lands a file from the worker, rescores its accounts there and backs the database up first', async () => {
    const env = await importSetup();
    const { jobId } = env.services.importJobs.start({ kind: 'accounts', file: SF_ACCOUNTS });
    const job = await env.services.importJobs.settle(jobId);
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ inserted: 22, skipped: 0 });
    expect(env.count('accounts')).toBe(22);
    // Rescored by the worker at the main clock's as-of date.
    expect(env.rows("SELECT DISTINCT date FROM health_snapshots")).toEqual([{ date: '2026-11-24' }]);
    expect(env.count('health_snapshots')).toBe(22);
    expect(fs.readdirSync(path.join(path.dirname(env.file), 'backups')).some((f) => f.includes('pre-import'))).toBe(true);
  });

  it('reports progress with rows/s while the main thread keeps running, and Cancel leaves the database as it was', async () => {
    const env = await importSetup();
    await env.importer.run({ kind: 'accounts', file: SF_ACCOUNTS });
    const before = env.fingerprint();
    const file = bigAccounts(env, 60_000);
    const { jobId } = env.services.importJobs.start({ kind: 'accounts', file });
    // The main thread is free: timers fire and each poll sees the worker's latest progress.
    const seen: number[] = [];
    const rates: number[] = [];
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const job = env.services.importJobs.get(jobId);
      if (job.progress?.phase === 'writing' && job.progress.rows > 0) break;
      if (job.progress) seen.push(job.progress.rows);
      if (job.rowsPerSecond) rates.push(job.rowsPerSecond);
      expect(job.status).toBe('running');
    }
    expect(new Set(seen).size).toBeGreaterThan(1);
    expect(rates.length).toBeGreaterThan(0);
    expect(env.services.importJobs.anyRunning()).toBe(true); // the app refuses to switch databases now
    env.services.importJobs.cancel(jobId);
    const job = await env.services.importJobs.settle(jobId);
    expect(job.status).toBe('cancelled');
    expect(env.services.importJobs.anyRunning()).toBe(false);
    expect(job.error?.message).toBe('The import was cancelled. Nothing was imported.');
    expect(env.fingerprint()).toBe(before);
  }, 120_000);

  it('refuses a strict import with orphan rows: nothing written, the first problem named by row and column', async () => {
    const env = await importSetup();
    await env.importer.run({ kind: 'accounts', file: SF_ACCOUNTS });
    const before = env.fingerprint();
    const { jobId } = env.services.importJobs.start({ kind: 'contacts', file: SF_CONTACTS, strict: true });
    const job = await env.services.importJobs.settle(jobId);
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(/^sf_workshop_Contact\.csv: 84 rows have problems, so nothing was imported \(strict mode\)\. The first: row 2, column "AccountId"/);
    expect(env.fingerprint()).toBe(before);
  });

  it('previews a big file from its first rows at once, and counts the whole file in a cancellable job', async () => {
    const env = await importSetup();
    const file = bigAccounts(env, 30_000);
    const quick = await env.services.importer.preview({ kind: 'accounts', file, quick: true });
    expect(quick.counted).toBe(false);
    expect(quick.rows).toHaveLength(50);
    expect(quick.rows[0]).toMatchObject({ row: 2, outcome: 'new' });
    expect(quick.counts.total).toBeLessThan(30_000);

    const { jobId } = env.services.importJobs.count({ kind: 'accounts', file });
    const counted = await env.services.importJobs.settle(jobId);
    expect(counted.status).toBe('done');
    expect(counted.preview).toMatchObject({ counted: true, counts: { total: 30_000, new: 30_000, updated: 0, unchanged: 0, error: 0 } });
    expect(env.count('accounts')).toBe(0);
    expect(env.count('import_batches')).toBe(0);

    const again = env.services.importJobs.count({ kind: 'accounts', file });
    env.services.importJobs.cancel(again.jobId);
    expect((await env.services.importJobs.settle(again.jobId)).status).toBe('cancelled');
    expect(env.count('accounts')).toBe(0);
  }, 120_000);
});
