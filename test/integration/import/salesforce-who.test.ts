// Contacts keep the CRM's id (contacts.external_id, Salesforce Contact.Id), and activity finds its
// account through its contact (Task.WhoId) when its own account link reaches none — measured on the
// shared Salesforce exports, with the expected rows worked out from the files themselves.
import fs from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SF_ACCOUNTS, SF_CONTACTS, SF_TASKS, importSetup, type ImportEnv } from './helpers';

const parse = (file: string) =>
  Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
const accounts = new Set(parse(SF_ACCOUNTS).map((a) => a.Id));
/** Contacts that land (their AccountId is a known account): Id → AccountId. */
const landedContacts = new Map(parse(SF_CONTACTS).filter((c) => accounts.has(c.AccountId)).map((c) => [c.Id, c.AccountId]));
/** Each task with its CSV row number (the header is row 1). */
const tasks = parse(SF_TASKS).map((t, i) => ({
  row: i + 2,
  AccountId: t.AccountId,
  WhatId: t.WhatId,
  WhoId: t.WhoId,
  Type__c: t.Type__c,
  Subject: t.Subject,
  ActivityDate: t.ActivityDate,
}));
const isTouch = (t: { Type__c: string }) => t.Type__c !== 'Prep';

async function withContacts(): Promise<ImportEnv> {
  const env = await importSetup();
  await env.importer.run({ kind: 'accounts', file: SF_ACCOUNTS });
  await env.importer.run({ kind: 'contacts', file: SF_CONTACTS });
  return env;
}

describe('contacts by external id, and tasks through their WhoId', () => {
  it('stores the Salesforce Contact Id and matches re-imported contacts on it before the e-mail', async () => {
    const env = await withContacts();
    expect(env.count('contacts')).toBe(landedContacts.size);
    const ashley = env.rows<{ external_id: string; email: string }>("SELECT external_id, email FROM contacts WHERE name = 'Ashley Brock'")[0];
    expect(ashley.external_id).toMatch(/^003/);
    expect(landedContacts.has(ashley.external_id)).toBe(true);

    // The same person with a new e-mail address: still one contact, found by its Id.
    const changed = env.write('contacts-moved.csv', `Id,AccountId,Name,Email\n${ashley.external_id},${landedContacts.get(ashley.external_id)},Ashley Brock,ashley@new.example.com\n`);
    const result = await env.importer.run({ kind: 'contacts', file: changed });
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    expect(env.rows("SELECT email FROM contacts WHERE external_id = ?", ashley.external_id)).toEqual([{ email: 'ashley@new.example.com' }]);
    expect(env.count('contacts')).toBe(landedContacts.size);
  });

  it('links each landed task to its WhoId contact (the default Salesforce mapping)', async () => {
    const env = await withContacts();
    const result = await env.importer.run({ kind: 'touches', file: SF_TASKS });
    expect(result.mapping).toMatchObject({ AccountId: 'accountExternalId', WhoId: 'contactExternalId' });
    const landing = tasks.filter((t) => isTouch(t) && accounts.has(t.AccountId));
    expect(result.inserted + result.updated + result.unchanged).toBe(landing.length);
    // Every landed task names a known contact of its own account: each touch is linked to it.
    expect(landing.every((t) => landedContacts.get(t.WhoId) === t.AccountId)).toBe(true);
    const links = env.rows<{ who: string; account: string }>(
      `SELECT c.external_id AS who, a.external_id AS account FROM touch_contacts tc
       JOIN contacts c ON c.id = tc.contact_id JOIN touches t ON t.id = tc.touch_id JOIN accounts a ON a.id = t.account_id`,
    );
    expect(links.length).toBe(env.count('touches'));
    expect(links.every((l) => landedContacts.get(l.who) === l.account)).toBe(true);
  });

  it('lands tasks whose WhatId reaches no account on their WhoId contact’s account, and still reports the orphans by row', async () => {
    // A Task export linking through WhatId (mapped here by hand; AccountId left as a custom field).
    const mapping = { WhatId: 'accountExternalId', AccountId: '' };
    const byWhat = tasks.filter((t) => isTouch(t) && accounts.has(t.WhatId));
    const byWho = tasks.filter((t) => isTouch(t) && !accounts.has(t.WhatId) && landedContacts.has(t.WhoId));
    const orphans = tasks.filter((t) => isTouch(t) && !accounts.has(t.WhatId) && !landedContacts.has(t.WhoId));
    expect(byWho.length).toBeGreaterThan(0);

    // Before: WhoId not used — only the WhatId rows land.
    const before = await withContacts();
    const without = await before.importer.run({ kind: 'touches', file: SF_TASKS, mapping: { ...mapping, WhoId: '' } });
    expect(without.inserted + without.updated + without.unchanged).toBe(byWhat.length);

    // Now: the WhoId rows land too, on their contact's account, linked to the contact.
    const env = await withContacts();
    const result = await env.importer.run({ kind: 'touches', file: SF_TASKS, mapping });
    expect(result.inserted + result.updated + result.unchanged).toBe(byWhat.length + byWho.length);
    for (const t of byWho) {
      const [touch] = env.rows<{ account: string; who: string }>(
        `SELECT a.external_id AS account, c.external_id AS who FROM touches t JOIN accounts a ON a.id = t.account_id
         JOIN touch_contacts tc ON tc.touch_id = t.id JOIN contacts c ON c.id = tc.contact_id
         WHERE t.summary = ? AND t.occurred_at LIKE ? || '%'`,
        t.Subject,
        t.ActivityDate,
      );
      expect(touch, `row ${t.row}`).toEqual({ account: landedContacts.get(t.WhoId), who: t.WhoId });
    }
    // Orphans: each reported with its row, where it is and what to do.
    const reported = result.errors.filter((e) => e.column === 'WhoId');
    expect(reported.map((e) => e.row)).toEqual(orphans.map((t) => t.row));
    expect(reported[0].message).toBe(
      `the row names no account, and no contact has the external id "${orphans[0].WhoId}", so the touch reaches no account. Import the contacts (with their accounts) first, or fill in the account`,
    );
    console.log(`Salesforce tasks through WhatId: ${byWhat.length} landed before, ${byWhat.length + byWho.length} with WhoId; ${orphans.length} orphans reported`);
  });
});
