// A throwaway Tend database in a temp folder, opened exactly as the app opens one (migrations and
// pragmas from electron/db/open.ts), and removed when the bench ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../electron/db/open';

export interface BenchDatabase {
  opened: OpenedDatabase;
  /** The main file plus its write-ahead log. */
  sizeBytes(): number;
  dispose(): void;
}

/** `npm run bench` runs from the repo root, where drizzle/ holds the migrations. */
export async function openTempDatabase(name: string): Promise<BenchDatabase> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-bench-'));
  const file = path.join(folder, name);
  const opened = await openDatabase(file, { migrationsFolder: path.resolve('drizzle') });
  const size = (f: string): number => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return {
    opened,
    sizeBytes: () => size(file) + size(`${file}-wal`),
    dispose: () => {
      opened.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
