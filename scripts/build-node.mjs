#!/usr/bin/env node
// Bundles the Node-side entry points with esbuild: the Electron main process, the preload (one file —
// a sandboxed preload cannot require our modules; scripts/preload-bundle.mjs), the import worker, the
// `tend` CLI and the benchmark. `--worker-only` builds just the import worker (the tests' global setup).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { preloadAllowlist, preloadBuildOptions } from './preload-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  // Native and runtime-fetched modules stay external; everything else is bundled.
  external: ['electron', 'better-sqlite3', 'playwright-core'],
};

const entries = [
  { in: 'electron/main.ts', out: 'dist/electron/main.js' },
  { in: 'electron/cli/tend.ts', out: 'dist/cli/tend.js', banner: '#!/usr/bin/env node' },
  // The warm print server `tend … --out FILE.pdf` starts (electron/print/warm-printer.ts).
  { in: 'electron/cli/print-server.ts', out: 'dist/cli/print-server.js' },
  // The import worker (worker_threads) the app and the e2e harness start for each import.
  { in: 'electron/services/import-worker/worker.ts', out: 'dist/electron/import-worker.js' },
];
if (fs.existsSync(path.join(root, 'bench/bench.ts'))) entries.push({ in: 'bench/bench.ts', out: 'dist/bench/bench.js' });

const workerOnly = process.argv.includes('--worker-only');
const only = workerOnly ? entries.filter((e) => e.out.endsWith('import-worker.js')) : entries;
await Promise.all([
  ...only.map((entry) =>
    build({
      ...common,
      entryPoints: [entry.in],
      outfile: entry.out,
      banner: entry.banner ? { js: entry.banner } : undefined,
    }),
  ),
  // The preload: its channel allowlist is computed from the contract, without zod (scripts/preload-bundle.mjs).
  ...(workerOnly ? [] : [preloadAllowlist(root).then((allowlist) => build(preloadBuildOptions(root, allowlist, 'dist/electron/preload.js')))]),
]);
if (!workerOnly) fs.chmodSync(path.join(root, 'dist/cli/tend.js'), 0o755);
