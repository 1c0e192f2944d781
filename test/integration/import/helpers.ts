// Helpers for the importer's integration tests: a real database (test/helpers.ts), the import
// service over it, CSV files written to temp dirs, and a fingerprint of every table an import may
// touch, to prove that a refused import changed nothing.
import fs from 'node:fs';
import path from 'node:path';
import { createImportService } from '../../../electron/services/importer';
import { setup, tempDir } from '../../helpers';

/** Real Salesforce exports (BSD-3-Clause), copied into the repository: see its README. */
export const SHARED_DATA = path.resolve('test', 'fixtures', 'salesforce');
export const SF_ACCOUNTS = path.join(SHARED_DATA, 'sf_workshop_Account.csv');
export const SF_CONTACTS = path.join(SHARED_DATA, 'sf_workshop_Contact.csv');
export const SF_TASKS = path.join(SHARED_DATA, 'sf_workshop_Task.csv');

export async function importSetup() {
  const env = await setup();
  const importer = createImportService(env.services.ctx);
  const dir = tempDir('tend-import-');
  const sqlite = env.opened.sqlite;
  return {
    ...env,
    importer,
    sqlite,
    dir,
    /** Writes a file into the temp dir (string: UTF-8 as given; Buffer: bytes as given). */
    write(name: string, content: string | Buffer): string {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    },
    count(table: string): number {
      return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    },
    rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
      return sqlite.prepare(sql).all(...params) as T[];
    },
    /** Every row of every table an import writes, as one string: equal before and after = nothing changed. */
    fingerprint(): string {
      const tables = ['accounts', 'contacts', 'touches', 'touch_contacts', 'metric_samples', 'revenue_events', 'survey_responses', 'reminders', 'import_batches', 'import_changes'];
      return tables.map((t) => JSON.stringify(sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())).join('\n');
    },
  };
}

export type ImportEnv = Awaited<ReturnType<typeof importSetup>>;

/** A CSV text from rows of cells (no quoting: the tests write what they mean). */
export const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
