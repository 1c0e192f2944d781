// The three real Salesforce exports (test/fixtures/salesforce, see its README) imported end to end:
// accounts → contacts → tasks, the orphans reported with their row numbers, nothing doubled on
// re-import, and each batch undoable.
import { describe, expect, it } from 'vitest';
import { SF_ACCOUNTS, SF_CONTACTS, SF_TASKS, importSetup } from './helpers';

describe('importing the Salesforce workshop exports', () => {
  it('lands the 22 accounts with Id as external id and keeps every other column as a custom field', async () => {
    const env = await importSetup();
    const result = await env.importer.run({ kind: 'accounts', file: SF_ACCOUNTS });
    expect(result).toMatchObject({ inserted: 22, updated: 0, skipped: 0, errors: [], encoding: 'utf-8', bom: true, delimiter: ',' });
    expect(result.mapping).toMatchObject({ Id: 'externalId', Name: 'name', Website: 'website', Industry: 'industry', Description: 'notes' });
    const walker = env.rows<{ external_id: string; name: string; industry: string; custom_fields: string; import_batch_id: number }>(
      "SELECT * FROM accounts WHERE external_id = '001Ec00000GGw3hIAD'",
    )[0];
    expect(walker).toMatchObject({ name: 'Walker Henson and Compton', industry: 'Finance', import_batch_id: result.batchId });
    const custom = JSON.parse(walker.custom_fields);
    expect(custom.BillingCity).toBe('Katherinemouth');
    expect(JSON.parse(custom.BillingAddress)).toMatchObject({ city: 'Katherinemouth', postalCode: '74929' });
    expect(custom.External_id__c).toBe('crm_account_0');
    expect(env.count('revenue_events')).toBe(0);
  });

  it('imports the contacts that link to an account and reports the 84 orphans with their row numbers', async () => {
    const env = await importSetup();
    await env.importer.run({ kind: 'accounts', file: SF_ACCOUNTS });
    const result = await env.importer.run({ kind: 'contacts', file: SF_CONTACTS });
    expect(result.inserted).toBe(18);
    expect(result.skipped).toBe(84);
    expect(result.errors).toHaveLength(84);
    // Patricia Ryan, the first data row (row 2), has no AccountId.
    expect(result.errors[0]).toMatchObject({ row: 2, column: 'AccountId', value: '' });
    expect(result.errors[0].message).toMatch(/linked to no account/);
    expect(result.mapping).toMatchObject({ AccountId: 'accountExternalId', Name: 'name', Email: 'email' });
    const ashley = env.rows<{ name: string; email: string; account_id: number }>("SELECT * FROM contacts WHERE email = 'ashley.brock@example.com'")[0];
    const walker = env.rows<{ id: number }>("SELECT id FROM accounts WHERE external_id = '001Ec00000GGw3hIAD'")[0];
    expect(ashley).toMatchObject({ name: 'Ashley Brock', account_id: walker.id });
  });

  it('imports the tasks as touches: Prep rows and tasks without an account are reported, Other becomes a note', async () => {
    const env = await importSetup();
    await env.importer.run({ kind: 'accounts', file: SF_ACCOUNTS });
    await env.importer.run({ kind: 'contacts', file: SF_CONTACTS });
    const result = await env.importer.run({ kind: 'touches', file: SF_TASKS });
    expect(result.mapping).toMatchObject({ AccountId: 'accountExternalId', ActivityDate: 'occurredAt', Subject: 'summary', Type__c: 'type' });
    expect(result.inserted + result.updated + result.unchanged + result.skipped).toBe(75);
    expect(result.inserted).toBeGreaterThan(0);
    const prep = result.errors.filter((e) => e.column === 'Type__c');
    expect(prep.length).toBeGreaterThan(0);
    expect(prep.every((e) => e.value === 'Prep' && /not a touch type/.test(e.message))).toBe(true);
    // Tasks with no AccountId whose WhoId is no contact Tend has: reported at the WhoId column.
    const orphans = result.errors.filter((e) => e.column === 'WhoId');
    expect(orphans.length).toBeGreaterThan(0);
    expect(orphans.every((e) => /names no account, and no contact has the external id/.test(e.message))).toBe(true);
    for (const e of result.errors) expect(e.row).toBeGreaterThanOrEqual(2);
    const types = env.rows<{ type: string }>('SELECT DISTINCT type FROM touches ORDER BY type').map((r) => r.type);
    expect(types.every((t) => ['call', 'email', 'meeting', 'note'].includes(t))).toBe(true);
  });

  it('inserts nothing twice when the same three files are imported again', async () => {
    const env = await importSetup();
    const first = [];
    for (const [kind, file] of [['accounts', SF_ACCOUNTS], ['contacts', SF_CONTACTS], ['touches', SF_TASKS]] as const) {
      first.push(await env.importer.run({ kind, file }));
    }
    const counts = () => ['accounts', 'contacts', 'touches'].map((t) => env.count(t));
    const before = counts();
    for (const [i, [kind, file]] of ([['accounts', SF_ACCOUNTS], ['contacts', SF_CONTACTS], ['touches', SF_TASKS]] as const).entries()) {
      const again = await env.importer.run({ kind, file });
      expect(again.inserted).toBe(0);
      expect(again.updated).toBe(0);
      expect(again.unchanged).toBe(first[i].inserted + first[i].updated + first[i].unchanged);
      expect(again.skipped).toBe(first[i].skipped);
    }
    expect(counts()).toEqual(before);
  });

  it('previews the contacts with the orphans marked and counts that match the run', async () => {
    const env = await importSetup();
    await env.importer.run({ kind: 'accounts', file: SF_ACCOUNTS });
    const before = env.fingerprint();
    const preview = await env.importer.preview({ kind: 'contacts', file: SF_CONTACTS, rows: 10 });
    expect(env.fingerprint()).toBe(before);
    expect(preview.counts).toEqual({ total: 102, new: 18, updated: 0, unchanged: 0, error: 84 });
    expect(preview.rows).toHaveLength(10);
    expect(preview.rows[0]).toMatchObject({ row: 2, outcome: 'error' });
    expect(preview.rows[0].errors[0].column).toBe('AccountId');
    expect(preview.rows[1]).toMatchObject({ row: 3, outcome: 'new' });
    expect(preview.rows[1].values).toMatchObject({ name: 'Ashley Brock', email: 'ashley.brock@example.com' });
    expect(preview.rows[1].custom).toMatchObject({ Salutation: 'Mrs.' });
  });

  it('undoes the touches, then the contacts, then the accounts, leaving an empty book', async () => {
    const env = await importSetup();
    const a = await env.importer.run({ kind: 'accounts', file: SF_ACCOUNTS });
    const c = await env.importer.run({ kind: 'contacts', file: SF_CONTACTS });
    const t = await env.importer.run({ kind: 'touches', file: SF_TASKS });
    // The accounts cannot go first: contacts and touches of later imports hang off them.
    expect(() => env.importer.undo(a.batchId!)).toThrow(/cannot be undone yet.*#2/s);
    env.importer.undo(t.batchId!);
    env.importer.undo(c.batchId!);
    env.importer.undo(a.batchId!);
    expect(['accounts', 'contacts', 'touches', 'touch_contacts'].map((x) => env.count(x))).toEqual([0, 0, 0, 0]);
    expect(env.importer.list().map((b) => b.undoneAt !== null)).toEqual([true, true, true]);
    expect(() => env.importer.undo(a.batchId!)).toThrow(/already undone/);
  });
});
