// Issue 14: files nobody on the team wrote. A header only suggests a field, the values confirm it; a
// conversion is offered, never applied unasked; unknown values of enum columns are listed, mapped by
// the user and remembered with the preset; churned customers arrive churned with their churn event.
// Most of it on test/fixtures/import/client-accounts.csv, an accounts export of the shape HubSpot
// writes (see test/fixtures/import/README.md).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TendError } from '../../../shared/errors';
import { csv, importSetup } from './helpers';

const CLIENT = path.resolve('test', 'fixtures', 'import', 'client-accounts.csv');
const STAGE_MAP = { stage: { 'Closed Won': 'onboarding', Paying: 'adoption' } };

describe('value-aware mapping', () => {
  it('leaves a numeric "Company Size" column a custom field, says why, offers the conversion, and lands the rows', async () => {
    const env = await importSetup();
    const result = await env.importer.run({ kind: 'accounts', file: CLIENT, valueMaps: STAGE_MAP });
    expect(result.mapping['Company Size']).toBeUndefined();
    expect(result.suggestions).toEqual([
      {
        column: 'Company Size',
        field: 'segment',
        reason: 'Company Size: 12 of 12 values are numbers, not segments',
        offer: {
          field: 'employees',
          label: 'Read as employee counts → segment',
          detail: '< 100 smb, 100–999 mid_market, ≥ 1,000 enterprise; thresholds in Settings',
        },
      },
    ]);
    expect(result).toMatchObject({ inserted: 12, skipped: 0, errors: [] });
    // Nothing the client sent is dropped: the counts stay on the accounts as a custom field.
    const alder = env.rows<{ segment: string; custom_fields: string }>("SELECT segment, custom_fields FROM accounts WHERE name = 'Alder Logistics'")[0];
    expect(alder.segment).toBe('smb');
    expect(JSON.parse(alder.custom_fields)).toMatchObject({ 'Company Size': '198' });
    // … and the new rows say which defaults they took.
    expect(result.defaults).toEqual([{ field: 'segment', label: 'Segment', value: 'smb', rows: 12 }]);
  });

  it('reads employee counts as the segment when asked, with the thresholds in Settings', async () => {
    const env = await importSetup();
    const byDefault = await env.importer.run({ kind: 'accounts', file: CLIENT, valueMaps: STAGE_MAP, mapping: { 'Company Size': 'employees' }, dryRun: true });
    expect(byDefault.conversions).toContain(
      'Company Size → segment: read as employee counts into the segment (< 100 smb, 100–999 mid_market, ≥ 1,000 enterprise); the counts are kept as a custom field',
    );
    const settings = env.services.settings.get();
    env.services.settings.update({ ...settings, import: { segmentByEmployees: { midMarketFrom: 50, enterpriseFrom: 500 } } });
    await env.importer.run({ kind: 'accounts', file: CLIENT, valueMaps: STAGE_MAP, mapping: { 'Company Size': 'employees' } });
    const segments = Object.fromEntries(
      env.rows<{ name: string; segment: string }>('SELECT name, segment FROM accounts').map((a) => [a.name, a.segment]),
    );
    // 198 → mid_market (50–499), 45 → smb, 412 → mid_market, 640 → enterprise (≥ 500), 2400 → enterprise
    expect(segments).toMatchObject({
      'Alder Logistics': 'mid_market',
      'Birchwood Dental': 'smb',
      'Dogwood Foods': 'mid_market',
      'Juniper Schools': 'enterprise',
      'Ginkgo Health': 'enterprise',
    });
  });

  it('maps a column whose values mostly read as its field, and reports the few that do not by their value', async () => {
    const env = await importSetup();
    const file = env.write('a.csv', csv('Name,Tier', 'Acme,Enterprise', 'Globex,SMB', 'Initech,Gold'));
    const result = await env.importer.run({ kind: 'accounts', file });
    expect(result.mapping.Tier).toBe('segment');
    expect(result.errors).toEqual([{ row: 4, column: 'Tier', value: 'Gold', message: '"Gold" is not a segment; use one of enterprise, mid_market, smb' }]);
    expect(result.unknownValues).toEqual([
      { column: 'Tier', field: 'segment', values: [{ value: 'Gold', count: 1, row: 4 }], choices: expect.arrayContaining([{ value: 'enterprise', label: 'enterprise' }]) },
    ]);
  });

  it('keeps --map over the values: a numeric column mapped to segment by hand makes row errors naming each value', async () => {
    const env = await importSetup();
    const result = await env.importer.run({ kind: 'accounts', file: CLIENT, mapping: { 'Company Size': 'segment' }, valueMaps: STAGE_MAP });
    expect(result.suggestions).toEqual([]);
    expect(result.skipped).toBe(12);
    expect(result.errors[0]).toEqual({ row: 2, column: 'Company Size', value: '198', message: '"198" is not a segment; use one of enterprise, mid_market, smb' });
  });

  it('says why a date column did not count when the kind cannot do without it', async () => {
    const env = await importSetup();
    const file = env.write('t.csv', csv('Account,Date,Subject', 'Acme,soon,Call', 'Acme,later,Lunch', 'Acme,never,Demo'));
    const err = await env.importer.run({ kind: 'touches', file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TendError);
    expect((err as TendError).message).toContain('(Date: 3 of 3 values are not dates ("soon", "later", "never"))');
    expect((err as TendError).details).toMatchObject({ mapping: { Account: 'accountName', Subject: 'summary' } });
  });
});

describe('value maps', () => {
  it('lists the unknown values of an enum column with their counts, skips their rows, and lands them once mapped', async () => {
    const env = await importSetup();
    const before = await env.importer.preview({ kind: 'accounts', file: CLIENT });
    expect(before.unknownValues).toEqual([
      {
        column: 'Lifecycle Stage',
        field: 'stage',
        values: [
          { value: 'Closed Won', count: 2, row: 4 },
          { value: 'Paying', count: 2, row: 5 },
        ],
        choices: expect.arrayContaining([{ value: 'adoption', label: 'adoption' }]),
      },
    ]);
    expect(before.counts).toMatchObject({ new: 8, error: 4 });
    const after = await env.importer.preview({ kind: 'accounts', file: CLIENT, valueMaps: STAGE_MAP });
    expect(after.unknownValues).toEqual([]);
    expect(after.counts).toMatchObject({ new: 12, error: 0 });
    expect(after.valueMaps).toEqual(STAGE_MAP);
  });

  it('applies a value map saved with a preset when the same headers come back', async () => {
    const env = await importSetup();
    const first = await env.importer.preview({ kind: 'accounts', file: CLIENT, valueMaps: STAGE_MAP });
    env.importer.savePreset('Client accounts', 'accounts', first.headers, first.mapping, { valueMaps: first.valueMaps });
    expect(env.importer.listPresets()[0].options).toEqual({ valueMaps: STAGE_MAP });
    // Next month: the same columns, no choices given — the preset's map applies.
    const again = await env.importer.run({ kind: 'accounts', file: CLIENT });
    expect(again).toMatchObject({ preset: 'Client accounts', inserted: 12, skipped: 0 });
    expect(env.rows("SELECT stage FROM accounts WHERE name IN ('Cedar Analytics', 'Dogwood Foods') ORDER BY name")).toEqual([
      { stage: 'onboarding' },
      { stage: 'adoption' },
    ]);
  });

  it('leaves a cell mapped to nothing empty, matches values ignoring case and spaces, and refuses a value that is no value of the field', async () => {
    const env = await importSetup();
    const file = env.write('a.csv', csv('Name,Tier', 'Acme,N/A', 'Globex,smb', 'Initech,smb'));
    const result = await env.importer.run({ kind: 'accounts', file, valueMaps: { segment: { 'n / a': '' } } });
    expect(result).toMatchObject({ inserted: 3, skipped: 0 });
    expect(env.rows("SELECT segment FROM accounts WHERE name = 'Acme'")).toEqual([{ segment: 'smb' }]); // the default: nothing given
    await expect(env.importer.run({ kind: 'accounts', file, valueMaps: { segment: { 'N/A': 'galactic' } } })).rejects.toThrow(
      'The values of segment cannot be mapped that way: "galactic" is not one of the segments: use enterprise, mid_market, smb (or nothing, to leave the cell empty).',
    );
    await expect(env.importer.run({ kind: 'accounts', file, valueMaps: { colour: { red: 'blue' } } })).rejects.toThrow(
      '"colour" is not a field of accounts, so its values cannot be mapped.',
    );
  });
});

describe('churned accounts', () => {
  it('lands accounts with a churn date as churned, with a churn event at that date and the start of their MRR', async () => {
    const env = await importSetup();
    const result = await env.importer.run({ kind: 'accounts', file: CLIENT, valueMaps: STAGE_MAP });
    expect(result.churned).toBe(3);
    expect(env.rows("SELECT name, stage, mrr_cents AS mrr, churned_on AS churnedOn, churn_reason AS reason FROM accounts WHERE stage = 'churned' ORDER BY name")).toEqual([
      { name: 'Fir & Co', stage: 'churned', mrr: 0, churnedOn: '2026-10-15', reason: 'price' },
      { name: 'Ginkgo Health', stage: 'churned', mrr: 0, churnedOn: '2026-10-28', reason: 'acquired' },
      { name: 'Juniper Schools', stage: 'churned', mrr: 0, churnedOn: '2026-09-30', reason: 'budget' },
    ]);
    expect(
      env.rows(
        "SELECT a.name, e.date, e.kind, e.mrr_delta_cents AS delta, e.source FROM revenue_events e JOIN accounts a ON a.id = e.account_id WHERE a.name = 'Fir & Co' ORDER BY e.date",
      ),
    ).toEqual([
      { name: 'Fir & Co', date: '2025-05-01', kind: 'new', delta: 40_000, source: 'import' },
      { name: 'Fir & Co', date: '2026-10-15', kind: 'churn', delta: -40_000, source: 'import' },
    ]);
    // The month's metrics count them: 2 of the 11 accounts active at the end of September churned in October.
    const october = env.services.metrics.forMonth('2026-10');
    expect(october.logoChurnRate).toBeCloseTo(2 / 11, 10);
    // September: Juniper, of the 11 active at the end of August (Cedar started in September).
    expect(env.services.metrics.forMonth('2026-09').logoChurnRate).toBeCloseTo(1 / 11, 10);
  });

  it('reads a status column: Churned, Cancelled and Inactive churn (at the contract start when no date), Active changes nothing', async () => {
    const env = await importSetup();
    const file = env.write(
      's.csv',
      csv(
        'Account ID,Name,Status,Lifecycle Stage,MRR,Start Date',
        'A1,Acme,Active,Adoption,1000,2024-01-01',
        'A2,Globex,Cancelled,Adoption,500,2024-02-01',
        'A3,Initech,inactive,,250,2024-03-01',
        'A4,Hooli,Churned,,,',
      ),
    );
    const result = await env.importer.run({ kind: 'accounts', file });
    expect(result.mapping).toMatchObject({ Status: 'status', 'Lifecycle Stage': 'stage' });
    expect(result.churned).toBe(3);
    expect(env.rows('SELECT external_id AS id, stage, churned_on AS churnedOn FROM accounts ORDER BY id')).toEqual([
      { id: 'A1', stage: 'adoption', churnedOn: null },
      { id: 'A2', stage: 'churned', churnedOn: '2024-02-01' },
      { id: 'A3', stage: 'churned', churnedOn: '2024-03-01' },
      { id: 'A4', stage: 'churned', churnedOn: '2026-11-24' }, // no date, no start: the as-of date
    ]);
    expect(env.count('revenue_events')).toBe(2 + 2 + 1); // new + churn each, and Hooli's churn of nothing
  });

  it('lands nothing twice on re-import, and undo takes the churn events back with the accounts', async () => {
    const env = await importSetup();
    const first = await env.importer.run({ kind: 'accounts', file: CLIENT, valueMaps: STAGE_MAP });
    const events = env.count('revenue_events');
    const again = await env.importer.run({ kind: 'accounts', file: CLIENT, valueMaps: STAGE_MAP });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 12, churned: 0 });
    expect(env.count('revenue_events')).toBe(events);
    env.importer.undo(again.batchId!);
    env.importer.undo(first.batchId!);
    expect([env.count('accounts'), env.count('revenue_events')]).toEqual([0, 0]);
  });

  it('churns an account already in Tend: MRR to 0, a churn event of what it had, undone with the import', async () => {
    const env = await importSetup();
    env.services.accounts.create({ name: 'Acme', externalId: 'A1', mrrCents: 120_000, contractStart: '2023-01-01' });
    const data = () => JSON.stringify([env.rows('SELECT * FROM accounts'), env.rows('SELECT * FROM revenue_events')]);
    const before = data();
    const result = await env.importer.run({ kind: 'accounts', file: env.write('c.csv', csv('Id,Name,Churn Date,Churn Reason', 'A1,Acme,2026-11-02,Low usage')) });
    expect(result).toMatchObject({ updated: 1, churned: 1 });
    expect(env.rows("SELECT stage, mrr_cents AS mrr, churned_on AS churnedOn, churn_reason AS reason FROM accounts WHERE external_id = 'A1'")).toEqual([
      { stage: 'churned', mrr: 0, churnedOn: '2026-11-02', reason: 'low_adoption' },
    ]);
    expect(env.rows('SELECT date, kind, mrr_delta_cents AS delta FROM revenue_events ORDER BY date')).toEqual([
      { date: '2023-01-01', kind: 'new', delta: 120_000 },
      { date: '2026-11-02', kind: 'churn', delta: -120_000 },
    ]);
    env.importer.undo(result.batchId!);
    expect(data()).toBe(before);
  });

  it('keeps a churn reason column that holds free text, not reasons, as a custom field', async () => {
    const env = await importSetup();
    const file = env.write(
      'r.csv',
      csv('Id,Name,Churn Date,Churn Reason', 'A1,Acme,2026-10-01,Moved everything to a competitor', 'A2,Globex,2026-10-02,CFO froze all new tools'),
    );
    const result = await env.importer.run({ kind: 'accounts', file });
    expect(result.suggestions.map((s) => s.reason)).toEqual([
      'Churn Reason: 2 of 2 values are not churn reasons ("Moved everything to a competi…", "CFO froze all new tools")',
    ]);
    expect(result).toMatchObject({ inserted: 2, churned: 2 });
    expect(env.rows('SELECT churn_reason AS reason, custom_fields AS custom FROM accounts ORDER BY id')[0]).toEqual({
      reason: null,
      custom: '{"Churn Reason":"Moved everything to a competitor"}',
    });
  });
});

describe('dry runs', () => {
  it('count exactly what the import does, a file naming a record twice included, and write nothing', async () => {
    const env = await importSetup();
    env.services.accounts.create({ name: 'Hand made' });
    const file = env.write(
      'd.csv',
      csv('External ID,Name,Segment', 'A-1,Acme,smb', 'A-2,Globex,smb', 'A-1,Acme,smb', 'A-2,Globex,enterprise', 'A-3,Hand made,smb', ',No Id,smb', ',No Id,enterprise'),
    );
    const before = env.fingerprint();
    const dry = await env.importer.run({ kind: 'accounts', file, dryRun: true });
    expect(env.fingerprint()).toBe(before);
    const real = await env.importer.run({ kind: 'accounts', file });
    const counts = ({ inserted, updated, unchanged, skipped }: typeof dry) => ({ inserted, updated, unchanged, skipped });
    expect(counts(dry)).toEqual(counts(real));
    expect(counts(real)).toEqual({ inserted: 3, updated: 3, unchanged: 1, skipped: 0 });
  });
});
