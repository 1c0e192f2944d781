// Presets (mappings re-applied when the same headers come back), the errors CSV the wizard offers,
// and export as the counterpart of import: an exported kind re-imports as unchanged.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportKindCsv } from '../../../electron/services/importer/export';
import { csv, importSetup } from './helpers';

describe('presets', () => {
  it('re-applies a saved mapping when a file with the same headers comes back, in any order', async () => {
    const env = await importSetup();
    const headers = ['Kd-Nr', 'Firma', 'Umsatz'];
    const preset = env.importer.savePreset('Monthly CRM export', 'accounts', headers, { 'Kd-Nr': 'externalId', Firma: 'name', Umsatz: 'mrr' });
    expect(preset).toMatchObject({ name: 'Monthly CRM export', kind: 'accounts', mapping: { 'Kd-Nr': 'externalId', Firma: 'name', Umsatz: 'mrr' } });
    expect(env.importer.findPreset('accounts', ['Umsatz', 'firma', 'KD-NR'])?.name).toBe('Monthly CRM export');
    expect(env.importer.findPreset('contacts', headers)).toBeNull();
    const result = await env.importer.run({ kind: 'accounts', file: env.write('next-month.csv', csv('Umsatz,Kd-Nr,Firma', '99,K1,Acme')) });
    expect(result.preset).toBe('Monthly CRM export');
    expect(env.rows('SELECT external_id, name, mrr_cents FROM accounts')).toEqual([{ external_id: 'K1', name: 'Acme', mrr_cents: 9900 }]);
  });

  it('replaces a preset saved again under the same name and lists presets', async () => {
    const env = await importSetup();
    env.importer.savePreset('CRM', 'accounts', ['A', 'B'], { A: 'name' });
    env.importer.savePreset('CRM', 'accounts', ['A', 'B'], { B: 'name' });
    expect(env.importer.listPresets().map((p) => [p.name, p.mapping])).toEqual([['CRM', { B: 'name' }]]);
  });

  it('refuses a preset whose mapping names a field the kind does not have', async () => {
    const env = await importSetup();
    expect(() => env.importer.savePreset('Bad', 'accounts', ['A'], { A: 'colour' })).toThrow(/"colour" is not a field of accounts/);
  });
});

describe('the errors CSV', () => {
  it('lists row, column, value and message, with a client’s formula defused', async () => {
    const env = await importSetup();
    // (two good segments: a column whose values mostly do not read as segments would not be mapped)
    const result = await env.importer.run({ kind: 'accounts', file: env.write('bad.csv', csv('Name,Segment', 'Acme,=HYPERLINK("x")', 'Globex,smb', 'Initech,smb')) });
    const text = env.importer.errorsCsv(result.errors);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['row', 'column', 'value', 'message']);
    expect(rows[1].slice(0, 3)).toEqual(['2', 'Segment', `'=HYPERLINK("x")`]);
  });
});

describe('export', () => {
  it('writes every kind so that importing the export again changes nothing', async () => {
    const env = await importSetup();
    await env.importer.run({
      kind: 'accounts',
      file: env.write('a.csv', csv('External ID,Name,Segment,MRR,Renewal Date,Owner', 'A-1,"Acme, Inc.",enterprise,"1,234.56",2025-06-30,=Dana', 'A-2,Globex,smb,0,,')),
    });
    await env.importer.run({ kind: 'contacts', file: env.write('c.csv', csv('AccountId,Name,Email,Front-line User', 'A-1,Ana,ana@acme.com,yes')) });
    await env.importer.run({ kind: 'touches', file: env.write('t.csv', csv('AccountId,Date,Type,Subject,Contacts', 'A-1,2024-03-01T10:00:00Z,Call,-1 on pricing,ana@acme.com')) });
    await env.importer.run({ kind: 'metrics', file: env.write('m.csv', csv('AccountId,Date,Metric,Value', 'A-1,2024-03-01,adoption,72.5')) });
    await env.importer.run({ kind: 'revenue', file: env.write('r.csv', csv('AccountId,Date,Kind,MRR Delta', 'A-1,2024-03-01,Downgrade,120.50')) });
    await env.importer.run({ kind: 'surveys', file: env.write('s.csv', csv('AccountId,Email,Kind,Score,Date,Comment', 'A-1,ana@acme.com,nps,9,2024-03-01,+1 would buy')) });
    const accounts = exportKindCsv(env.services.ctx, 'accounts');
    expect(accounts).toContain(`"'=Dana"`);
    expect(accounts).toContain('1234.56');
    for (const kind of ['accounts', 'contacts', 'touches', 'metrics', 'revenue', 'surveys'] as const) {
      const before = env.fingerprint();
      const file = env.write(`export-${kind}.csv`, exportKindCsv(env.services.ctx, kind));
      const again = await env.importer.run({ kind, file });
      expect({ kind, inserted: again.inserted, updated: again.updated, skipped: again.skipped }).toEqual({ kind, inserted: 0, updated: 0, skipped: 0 });
      expect(again.unchanged).toBeGreaterThan(0);
      // Only the new (empty) batch row differs.
      expect(env.fingerprint().split('\n').filter((t, i) => t !== before.split('\n')[i]).length).toBe(1);
    }
  });
});
