// Landing a batch: one transaction, upserts that never double a row, strict mode and dry runs that
// change nothing, undo that restores updated rows, and a Cancel that leaves the database as it was.
import { describe, expect, it, vi } from 'vitest';
import { TendError } from '../../../shared/errors';
import { createImportService } from '../../../electron/services/importer';
import { csv, importSetup } from './helpers';

const ACCOUNTS = csv(
  'External ID,Company,Segment,Stage,ARR,Renewal Date,Region',
  'A-1,Acme,Enterprise,Adoption,"$120,000",2025-06-30,EMEA',
  'A-2,Globex,Mid-Market,Onboarding,24000,2025-09-01,NA',
  'A-3,,SMB,,1200,,APAC',
);

describe('landing accounts', () => {
  it('sets MRR from ARR ÷ 12, names a nameless account after its external id, and creates no revenue events', async () => {
    const env = await importSetup();
    const file = env.write('accounts.csv', ACCOUNTS);
    const result = await env.importer.run({ kind: 'accounts', file });
    expect(result).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, skipped: 0 });
    expect(result.notes).toEqual(['ARR → mrr: divided by 12 into MRR (annual → monthly)']);
    expect(env.rows('SELECT external_id, name, segment, stage, mrr_cents, renewal_date, custom_fields, import_batch_id FROM accounts ORDER BY id')).toEqual([
      { external_id: 'A-1', name: 'Acme', segment: 'enterprise', stage: 'adoption', mrr_cents: 1000000, renewal_date: '2025-06-30', custom_fields: '{"Region":"EMEA"}', import_batch_id: result.batchId },
      { external_id: 'A-2', name: 'Globex', segment: 'mid_market', stage: 'onboarding', mrr_cents: 200000, renewal_date: '2025-09-01', custom_fields: '{"Region":"NA"}', import_batch_id: result.batchId },
      { external_id: 'A-3', name: 'A-3', segment: 'smb', stage: 'onboarding', mrr_cents: 10000, renewal_date: null, custom_fields: '{"Region":"APAC"}', import_batch_id: result.batchId },
    ]);
    expect(env.count('revenue_events')).toBe(0);
  });

  it('updates changed rows, counts unchanged ones, merges custom fields and keeps values an empty cell does not give', async () => {
    const env = await importSetup();
    await env.importer.run({ kind: 'accounts', file: env.write('v1.csv', ACCOUNTS) });
    const next = env.write(
      'v2.csv',
      csv(
        'External ID,Company,Segment,Stage,ARR,Renewal Date,Owner',
        'A-1,Acme,Enterprise,Adoption,"$120,000",2025-06-30,Dana',
        'A-2,Globex,Mid-Market,Expansion,36000,,',
        'A-3,A-3,SMB,,1200,,',
        'A-4,Initech,SMB,,,,',
      ),
    );
    const result = await env.importer.run({ kind: 'accounts', file: next });
    expect(result).toMatchObject({ inserted: 1, updated: 2, unchanged: 1, skipped: 0 });
    const [acme, globex] = env.rows<{ stage: string; mrr_cents: number; renewal_date: string; custom_fields: string }>(
      'SELECT * FROM accounts ORDER BY id',
    );
    expect(JSON.parse(acme.custom_fields)).toEqual({ Region: 'EMEA', Owner: 'Dana' });
    expect(globex).toMatchObject({ stage: 'expansion', mrr_cents: 300000, renewal_date: '2025-09-01' });
  });

  it('links a hand-made account to its external id instead of doubling it', async () => {
    const env = await importSetup();
    env.services.accounts.create({ name: 'Acme' });
    const result = await env.importer.run({ kind: 'accounts', file: env.write('a.csv', ACCOUNTS) });
    expect(result).toMatchObject({ inserted: 2, updated: 1 });
    expect(env.rows("SELECT external_id FROM accounts WHERE name = 'Acme'")).toEqual([{ external_id: 'A-1' }]);
  });

  it('matches rows without an external id by name, and reports a name two accounts share', async () => {
    const env = await importSetup();
    const file = env.write('names.csv', csv('Name,Segment', 'Acme,smb', 'Globex,enterprise'));
    await env.importer.run({ kind: 'accounts', file });
    const again = await env.importer.run({ kind: 'accounts', file });
    expect(again).toMatchObject({ inserted: 0, unchanged: 2 });
    env.services.accounts.create({ name: 'acme' });
    const third = await env.importer.run({ kind: 'accounts', file });
    expect(third.errors).toEqual([
      { row: 2, column: 'Name', value: 'Acme', message: 'several accounts are named "Acme"; add an external id column to tell them apart' },
    ]);
  });

  it('calls for a rescore of exactly the accounts it changed', async () => {
    const env = await importSetup();
    const changed = vi.fn();
    const importer = createImportService({ ...env.services.ctx, accountsChanged: changed });
    await importer.run({ kind: 'accounts', file: env.write('a.csv', ACCOUNTS) });
    expect([...changed.mock.calls[0][0]].sort()).toEqual([1, 2, 3]);
    changed.mockClear();
    await importer.run({ kind: 'accounts', file: env.write('b.csv', csv('External ID,Name,Stage', 'A-2,Globex,Triage', 'A-3,A-3,')) });
    expect([...changed.mock.calls[0][0]]).toEqual([2]);
  });
});

describe('strict mode and dry runs', () => {
  const BAD = csv('External ID,Name,Segment,MRR', 'A-1,Acme,smb,100', 'A-2,Globex,galactic,100', 'A-3,Initech,smb,lots');

  it('lands the valid rows and lists each bad cell with row, column, value and why', async () => {
    const env = await importSetup();
    const result = await env.importer.run({ kind: 'accounts', file: env.write('bad.csv', BAD) });
    expect(result).toMatchObject({ inserted: 1, skipped: 2 });
    expect(result.errors).toEqual([
      { row: 3, column: 'Segment', value: 'galactic', message: '"galactic" is not a segment; use one of enterprise, mid_market, smb' },
      { row: 4, column: 'MRR', value: 'lots', message: '"lots" is not a number; write it like 1200, 1,200.50 or 1.200,50' },
    ]);
  });

  it('changes nothing in strict mode when any row is bad, and says which', async () => {
    const env = await importSetup();
    const before = env.fingerprint();
    const err = await env.importer.run({ kind: 'accounts', file: env.write('bad.csv', BAD), strict: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TendError);
    expect((err as TendError).message).toBe(
      'bad.csv: 2 rows have problems, so nothing was imported (strict mode). The first: row 3, column "Segment": "galactic" is not a segment; use one of enterprise, mid_market, smb. Fix the file, or import without strict mode (--strict in the CLI, "Import nothing if any row has an error" in the app) to land the valid rows and skip these.',
    );
    expect((err as TendError).details).toMatchObject({ errors: [{ row: 3 }, { row: 4 }] });
    expect(env.fingerprint()).toBe(before);
  });

  it('fails in strict mode on rows that link to no account, too', async () => {
    const env = await importSetup();
    const before = env.fingerprint();
    const file = env.write('c.csv', csv('AccountId,Name,Email', 'NOPE,Ana,ana@example.com'));
    await expect(env.importer.run({ kind: 'contacts', file, strict: true })).rejects.toThrow(/no account has the external id "NOPE"/);
    expect(env.fingerprint()).toBe(before);
  });

  it('counts what a dry run would do and keeps nothing', async () => {
    const env = await importSetup();
    const before = env.fingerprint();
    const result = await env.importer.run({ kind: 'accounts', file: env.write('bad.csv', BAD), dryRun: true });
    expect(result).toMatchObject({ batchId: null, dryRun: true, inserted: 1, skipped: 2 });
    expect(env.fingerprint()).toBe(before);
  });
});

describe('after the commit', () => {
  it('keeps a landed import when rescoring its accounts fails (the database busy), and says so', async () => {
    const env = await importSetup();
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const importer = createImportService({ ...env.services.ctx, accountsChanged: () => { throw busy; } });
    const result = await importer.run({ kind: 'accounts', file: env.write('a.csv', csv('External ID,Name', 'A-1,Acme', 'A-2,Globex')) });
    expect(result).toMatchObject({ inserted: 2, skipped: 0 });
    expect(result.notes).toContain(
      'The rows landed, but rescoring the 2 accounts they touched failed (database is locked); their scores update at the next rescore (Settings → Save and rescore).',
    );
    expect(env.count('accounts')).toBe(2);
  });
});

describe('undo', () => {
  it('removes what a batch inserted and restores what it updated, custom fields included', async () => {
    const env = await importSetup();
    const first = await env.importer.run({ kind: 'accounts', file: env.write('v1.csv', ACCOUNTS) });
    const afterFirst = env.rows('SELECT * FROM accounts ORDER BY id');
    const second = await env.importer.run({
      kind: 'accounts',
      file: env.write('v2.csv', csv('External ID,Name,Stage,Owner', 'A-1,Acme Corp,Triage,Dana', 'A-9,Hooli,,')),
    });
    expect(second).toMatchObject({ inserted: 1, updated: 1 });
    const undone = env.importer.undo(second.batchId!);
    expect(undone).toEqual({ batchId: second.batchId, removed: 1, restored: 1 });
    expect(env.rows('SELECT * FROM accounts ORDER BY id')).toEqual(afterFirst);
    expect(env.importer.list().map((b) => [b.id, b.undoneAt === null])).toEqual([
      [second.batchId, false],
      [first.batchId, true],
    ]);
  });

  it('refuses to undo a batch twice', async () => {
    const env = await importSetup();
    const { batchId } = await env.importer.run({ kind: 'accounts', file: env.write('a.csv', ACCOUNTS) });
    env.importer.undo(batchId!);
    const before = env.fingerprint();
    expect(() => env.importer.undo(batchId!)).toThrow(/^Import #1 \(accounts from a\.csv\) was already undone on \d{4}-\d{2}-\d{2}\. Nothing was changed\.$/);
    expect(env.fingerprint()).toBe(before);
  });

  it('refuses to undo a batch whose rows a later import changed, until that one is undone', async () => {
    const env = await importSetup();
    const first = await env.importer.run({ kind: 'accounts', file: env.write('v1.csv', ACCOUNTS) });
    const second = await env.importer.run({ kind: 'accounts', file: env.write('v2.csv', csv('External ID,Name,Stage', 'A-1,Acme,Triage')) });
    expect(() => env.importer.undo(first.batchId!)).toThrow('Import #1 (accounts from v1.csv) cannot be undone yet: import #2 later changed rows it wrote. Undo that one first. Nothing was changed.');
    env.importer.undo(second.batchId!);
    env.importer.undo(first.batchId!);
    expect(env.count('accounts')).toBe(0);
  });

  it('refuses to undo accounts that records from elsewhere now hang off, naming the import to undo first', async () => {
    const env = await importSetup();
    const accounts = await env.importer.run({ kind: 'accounts', file: env.write('a.csv', ACCOUNTS) });
    await env.importer.run({ kind: 'contacts', file: env.write('c.csv', csv('AccountId,Name', 'A-1,Ana', 'A-2,Bo')) });
    const before = env.fingerprint();
    expect(() => env.importer.undo(accounts.batchId!)).toThrow(
      'Import #1 (accounts from a.csv) cannot be undone yet: the accounts it added now have 2 contacts that later imports (#2) or you added, and they would be deleted with them. Undo #2 first, then try again. Nothing was changed.',
    );
    expect(env.fingerprint()).toBe(before);
  });

  it('says when there is no such import', async () => {
    const env = await importSetup();
    expect(() => env.importer.undo(42)).toThrow('There is no import #42. See the list of imports (tend imports).');
  });
});

describe('cancelling', () => {
  const bigFile = (env: Awaited<ReturnType<typeof importSetup>>) =>
    env.write('big.csv', csv('External ID,Name', ...Array.from({ length: 30_000 }, (_, i) => `A-${i},Account ${i}`)));

  it('leaves the database as it was when cancelled while reading', async () => {
    const env = await importSetup();
    const file = bigFile(env);
    const before = env.fingerprint();
    const controller = new AbortController();
    const err = await env.importer
      .run({ kind: 'accounts', file, signal: controller.signal, onProgress: (p) => p.phase === 'reading' && controller.abort() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TendError);
    expect((err as TendError).message).toBe('The import was cancelled. Nothing was imported.');
    expect(env.fingerprint()).toBe(before);
  });

  it('rolls back the rows already written when cancelled while writing', async () => {
    const env = await importSetup();
    const file = bigFile(env);
    const before = env.fingerprint();
    const controller = new AbortController();
    let written = 0;
    const err = await env.importer
      .run({
        kind: 'accounts',
        file,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'writing' && p.rows >= 10_000) {
            written = p.rows;
            controller.abort();
          }
        },
      })
      .catch((e: unknown) => e);
    expect(written).toBeGreaterThanOrEqual(10_000);
    expect((err as TendError).details).toEqual({ cancelled: true });
    expect(env.fingerprint()).toBe(before);
  });
});

describe('mapping choices', () => {
  it('applies --map overrides on top of the automatic mapping', async () => {
    const env = await importSetup();
    const file = env.write('m.csv', csv('Code,Client,Region', 'X1,Acme,EMEA'));
    const result = await env.importer.run({ kind: 'accounts', file, mapping: { Code: 'externalId', Region: 'industry' } });
    expect(result.mapping).toEqual({ Client: 'name', Code: 'externalId', Region: 'industry' });
    expect(env.rows('SELECT external_id, name, industry FROM accounts')).toEqual([{ external_id: 'X1', name: 'Acme', industry: 'EMEA' }]);
  });

  it('keeps an automatically mapped column as a custom field when the user says so', async () => {
    const env = await importSetup();
    const file = env.write('m.csv', csv('Name,Industry', 'Acme,Retail'));
    await env.importer.run({ kind: 'accounts', file, mapping: { Industry: '' } });
    expect(env.rows('SELECT industry, custom_fields FROM accounts')).toEqual([{ industry: null, custom_fields: '{"Industry":"Retail"}' }]);
  });

  it('names the columns a --map could use when it names one the file does not have', async () => {
    const env = await importSetup();
    const file = env.write('m.csv', csv('Name,Industry', 'Acme,Retail'));
    await expect(env.importer.run({ kind: 'accounts', file, mapping: { Sector: 'industry' } })).rejects.toThrow(
      'm.csv has no column named "Sector", so it cannot be mapped. Its columns are "Name", "Industry".',
    );
    await expect(env.importer.run({ kind: 'accounts', file, mapping: { Industry: 'vertical' } })).rejects.toThrow(
      /^"vertical" is not a field of accounts\. Map "Industry" to one of externalId, name, segment/,
    );
  });

  it('says which column is missing when a file cannot be imported as the kind asked for', async () => {
    const env = await importSetup();
    const file = env.write('people.csv', csv('Full Name,Email', 'Ana,ana@example.com'));
    await expect(env.importer.run({ kind: 'contacts', file })).rejects.toThrow(
      /^people\.csv has no column Tend can use for accountExternalId or accountName — it looked for .*Its columns are "Full Name", "Email"\. Choose the column in the wizard, or pass --map "Your column=accountExternalId"\.$/,
    );
  });
});
