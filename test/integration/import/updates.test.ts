// Issue 17, item 2: an import never silently overwrites what the CSM wrote in the app. Every update
// shows each changed field old → new before anything is written, and each run chooses: keep what was
// edited in Tend (the default: those fields are only filled when empty), overwrite with the file, or
// fill only what is empty in Tend.
import { beforeEach, describe, expect, it } from 'vitest';
import { csv, importSetup, type ImportEnv } from './helpers';

let env: ImportEnv;
let acme: number;

beforeEach(async () => {
  env = await importSetup();
  await env.importer.run({
    kind: 'accounts',
    file: env.write('v1.csv', csv('External ID,Name,MRR,Industry,Notes', 'A-1,Acme,1000,Retail,From the CRM', 'A-2,Globex,500,,')),
  });
  acme = env.rows<{ id: number }>("SELECT id FROM accounts WHERE external_id = 'A-1'")[0].id;
  // The CSM writes a note in the app.
  await env.router.call('accounts.update', { id: acme, patch: { notes: 'Met the CFO: wants SSO' } });
});

const NEXT = csv('External ID,Name,MRR,Industry,Notes,Website', 'A-1,Acme,1200,Logistics,Renewal call booked,acme.example', 'A-2,Globex,500,Energy,,');
const acmeRow = () => env.rows<{ notes: string; mrr: number; industry: string; website: string | null; edited: string }>(
  'SELECT notes, mrr_cents AS mrr, industry, website, edited_in_app AS edited FROM accounts WHERE id = ?',
  acme,
)[0];

describe('the preview of an update', () => {
  it('shows every changed field old → new, and the note edited in Tend as kept, with when', async () => {
    const before = env.fingerprint();
    const preview = await env.importer.preview({ kind: 'accounts', file: env.write('v2.csv', NEXT) });
    expect(env.fingerprint()).toBe(before);
    const row = preview.rows.find((r) => r.row === 2)!;
    expect(row.outcome).toBe('updated');
    const editedOn = acmeRow().edited.match(/"notes":"(\d{4}-\d{2}-\d{2})/)![1];
    expect(row.changes).toEqual([
      { field: 'mrr', label: 'MRR', old: '$1,000.00', new: '$1,200.00', kept: false, editedOn: null },
      { field: 'industry', label: 'Industry', old: 'Retail', new: 'Logistics', kept: false, editedOn: null },
      { field: 'website', label: 'Website', old: '', new: 'acme.example', kept: false, editedOn: null },
      { field: 'notes', label: 'Notes', old: 'Met the CFO: wants SSO', new: 'Renewal call booked', kept: true, editedOn },
    ]);
    expect(preview.updates.map((u) => [u.row, u.record, u.changes.length])).toEqual([
      [2, 'Acme', 4],
      [3, 'Globex', 1],
    ]);
    expect(preview.kept).toEqual({ rows: 1, fields: 1 });
    expect(preview.updateMode).toBe('keep-edits');
  });
});

describe('the update modes', () => {
  it('keeps what was edited in Tend by default and updates the rest', async () => {
    const result = await env.importer.run({ kind: 'accounts', file: env.write('v2.csv', NEXT) });
    expect(result).toMatchObject({ updated: 2, kept: { rows: 1, fields: 1 } });
    expect(acmeRow()).toMatchObject({ notes: 'Met the CFO: wants SSO', mrr: 120_000, industry: 'Logistics', website: 'acme.example' });
    expect(JSON.parse(acmeRow().edited)).toHaveProperty('notes'); // still the CSM's
  });

  it('overwrites with the file when asked; the field then follows the file again', async () => {
    const result = await env.importer.run({ kind: 'accounts', file: env.write('v2.csv', NEXT), updateMode: 'overwrite' });
    expect(result.kept).toEqual({ rows: 0, fields: 0 });
    expect(acmeRow()).toMatchObject({ notes: 'Renewal call booked', mrr: 120_000 });
    expect(JSON.parse(acmeRow().edited)).not.toHaveProperty('notes');
    const later = await env.importer.run({
      kind: 'accounts',
      file: env.write('v3.csv', csv('External ID,Name,Notes', 'A-1,Acme,Renewal signed')),
    });
    expect(later.kept.fields).toBe(0);
    expect(acmeRow().notes).toBe('Renewal signed');
  });

  it('fills only what is empty in Tend when asked', async () => {
    const result = await env.importer.run({ kind: 'accounts', file: env.write('v2.csv', NEXT), updateMode: 'fill-empty' });
    expect(acmeRow()).toMatchObject({ notes: 'Met the CFO: wants SSO', mrr: 100_000, industry: 'Retail', website: 'acme.example' });
    expect(env.rows("SELECT industry FROM accounts WHERE external_id = 'A-2'")).toEqual([{ industry: 'Energy' }]);
    expect(result.kept).toEqual({ rows: 1, fields: 3 });
  });

  it('protects a contact field edited in the app the same way, and undo puts it all back', async () => {
    await env.importer.run({ kind: 'contacts', file: env.write('c1.csv', csv('AccountId,Name,Email,Title', 'A-1,Ana Lima,ana@acme.example,CTO')) });
    const ana = env.rows<{ id: number }>('SELECT id FROM contacts')[0].id;
    await env.router.call('contacts.update', { id: ana, patch: { title: 'Chief Technology Officer' } });
    const rows = () => env.rows('SELECT * FROM contacts');
    const before = JSON.stringify(rows());
    const result = await env.importer.run({
      kind: 'contacts',
      file: env.write('c2.csv', csv('AccountId,Name,Email,Title,Seniority', 'A-1,Ana Lima,ana@acme.example,CTO & co-founder,C-Level')),
    });
    expect(result.updates[0].changes.map((c) => [c.label, c.old, c.new, c.kept])).toEqual([
      ['Title', 'Chief Technology Officer', 'CTO & co-founder', true],
      ['Level', 'ic', 'c_level', false],
    ]);
    expect(env.rows('SELECT title, level FROM contacts')).toEqual([{ title: 'Chief Technology Officer', level: 'c_level' }]);
    env.importer.undo(result.batchId!);
    expect(JSON.stringify(rows())).toBe(before);
  });
});

describe('defaults', () => {
  it('says which defaults new rows take', async () => {
    const preview = await env.importer.preview({
      kind: 'contacts',
      file: env.write('c.csv', csv('AccountId,Name,Seniority', 'A-1,Bo,VP', 'A-1,Cy,', 'A-2,Di,')),
    });
    expect(preview.defaults).toEqual([
      { field: 'level', label: 'Level', value: 'ic', rows: 2 },
      { field: 'strength', label: 'Relationship strength', value: '0 (none)', rows: 3 },
      { field: 'isUser', label: 'Front-line user', value: 'no', rows: 3 },
    ]);
  });
});
