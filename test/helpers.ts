// Shared test helpers: real SQLite files in real temp dirs, cleaned up after each test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../electron/db/open';
import { createRouter } from '../electron/router';
import { createServices } from '../electron/services';
import { systemClock } from '../electron/services/context';

export const MIGRATIONS = path.resolve('drizzle');
/** Built by the global setup (test/build-worker.ts). */
export const IMPORT_WORKER = path.resolve('dist/electron/import-worker.js');
export const AS_OF = '2026-11-24';

export function tempDir(prefix = 'tend-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function openTemp(file = path.join(tempDir(), 'tend.db')): Promise<OpenedDatabase> {
  return openDatabase(file, { migrationsFolder: MIGRATIONS });
}

/** A fresh database with services and a router that also checks outputs against the contract. */
export async function setup(asOf = AS_OF) {
  const opened = await openTemp();
  const services = createServices(opened, systemClock(asOf), { importWorker: IMPORT_WORKER });
  const router = createRouter(() => services, { validateOutput: true, version: 'test' });
  return { opened, services, router, file: opened.file };
}
