// Helpers for capture's integration tests: a real database with a small book (three customers, the
// CSM's own domain brightloop.io), the capture fixtures (test/fixtures/capture, origin in its
// README), and a dump of every table a capture writes, to prove what changed and what did not.
import path from 'node:path';
import { setup } from '../../helpers';

export const FIXTURES = path.resolve('test', 'fixtures', 'capture');
export const fixture = (name: string) => ({ path: path.join(FIXTURES, name), name });

/** The tables a capture or its undo may write (scoring's own rows are compared separately). */
export const DATA_TABLES = ['accounts', 'contacts', 'touches', 'touch_contacts', 'reminders'] as const;

export async function captureSetup(options: { timeZone?: string; keepBody?: boolean; myDomains?: string[] } = {}) {
  const env = await setup();
  const { services } = env;
  const sqlite = env.opened.sqlite;
  const acme = services.accounts.create({ name: 'Acme Logistics', segment: 'enterprise', stage: 'adoption', mrrCents: 900_000, domains: ['acme.com'], website: 'https://www.acme.com' });
  const globex = services.accounts.create({ name: 'Globex Corporation', segment: 'mid_market', stage: 'adoption', mrrCents: 400_000, domains: ['globex.com'] });
  const initech = services.accounts.create({ name: 'Initech', segment: 'smb', stage: 'onboarding', mrrCents: 90_000 });
  const dana = services.contacts.create({ accountId: acme.id, name: 'Dana Ruiz', email: 'dana.ruiz@acme.com', title: 'Director of Operations', level: 'director', strength: 2 });
  const hans = services.contacts.create({ accountId: globex.id, name: 'Hans Becker', email: 'hans.becker@globex.com', title: 'VP Procurement', level: 'vp', strength: 3 });
  const priya = services.contacts.create({ accountId: initech.id, name: 'Priya Shah', email: 'Priya.Shah@initech.com', level: 'c_level', strength: 3 });
  services.capture.saveSettings({
    myDomains: options.myDomains ?? ['brightloop.io'],
    keepBody: options.keepBody ?? false,
    timeZone: options.timeZone ?? 'America/New_York',
  });
  return {
    ...env,
    sqlite,
    accounts: { acme, globex, initech },
    contacts: { dana, hans, priya },
    /** Reads files into a preview (the job the app runs) and waits for it. */
    async preview(...names: string[]) {
      const { jobId } = services.capture.startRead(names.map(fixture));
      const job = await services.capture.finished(jobId);
      if (!job.preview) throw new Error(`capture job ${job.status}: ${job.error?.message}`);
      return { jobId, preview: job.preview };
    },
    rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
      return sqlite.prepare(sql).all(...params) as T[];
    },
    count(table: string, where = '1'): number {
      return sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
    },
    /** Every row of the data tables, as one string. */
    dump(tables: readonly string[] = DATA_TABLES): string {
      return tables.map((t) => `${t}: ${JSON.stringify(sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())}`).join('\n');
    },
  };
}
