// Global setup of vitest and Playwright: the import worker runs as a real worker_threads script,
// which must be JavaScript, so the tests bundle it first (dist/electron/import-worker.js, the same
// esbuild step as `npm run build:node`) instead of running a stale or missing build.
import { execFileSync } from 'node:child_process';

export default function buildImportWorker(): void {
  execFileSync(process.execPath, ['scripts/build-node.mjs', '--worker-only'], { stdio: 'inherit' });
}
