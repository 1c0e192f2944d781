// Each kind's own rules: what links a row to its account, the natural keys that make re-imports
// idempotent, and what each kind writes beside its rows (touch contacts, follow-up reminders).
import { beforeEach, describe, expect, it } from 'vitest';
import { csv, importSetup, type ImportEnv } from './helpers';

let env: ImportEnv;

beforeEach(async () => {
  env = await importSetup();
  await env.importer.run({
    kind: 'accounts',
    file: env.write('accounts.csv', csv('External ID,Name,Segment', 'A-1,Acme,enterprise', 'A-2,Globex,smb')),
  });
});

const accountId = (externalId: string) => env.rows<{ id: number }>('SELECT id FROM accounts WHERE external_id = ?', externalId)[0].id;

describe('contacts', () => {
  it('joins first and last names, reads levels, user flags and strengths, and links by account name too', async () => {
    const file = env.write(
      'contacts.csv',
      csv(
        'Company,First Name,Last Name,Email Address,Seniority,Front-line User,Relationship Strength,Left Company',
        'Acme,Ana,Lima,ana@acme.com,C-Level,no,very strong,',
        'globex,Bo,Chen,bo@globex.com,IC,yes,2,2024-05-01',
      ),
    );
    const result = await env.importer.run({ kind: 'contacts', file });
    expect(result).toMatchObject({ inserted: 2, errors: [] });
    expect(result.notes).toEqual(['First Name + Last Name → name: joined with a space']);
    expect(env.rows('SELECT account_id, name, email, level, is_user, strength, left_on FROM contacts ORDER BY id')).toEqual([
      { account_id: accountId('A-1'), name: 'Ana Lima', email: 'ana@acme.com', level: 'c_level', is_user: 0, strength: 4, left_on: null },
      { account_id: accountId('A-2'), name: 'Bo Chen', email: 'bo@globex.com', level: 'ic', is_user: 1, strength: 2, left_on: '2024-05-01' },
    ]);
  });

  it('matches contacts by e-mail whatever its case, so a re-import updates instead of doubling', async () => {
    await env.importer.run({ kind: 'contacts', file: env.write('c1.csv', csv('AccountId,Name,Email,Title', 'A-1,Ana,ana@acme.com,CTO')) });
    const again = await env.importer.run({ kind: 'contacts', file: env.write('c2.csv', csv('AccountId,Name,Email,Title', 'A-1,Ana Lima,ANA@ACME.COM,CEO')) });
    expect(again).toMatchObject({ inserted: 0, updated: 1 });
    expect(env.rows('SELECT name, title FROM contacts')).toEqual([{ name: 'Ana Lima', title: 'CEO' }]);
  });

  it('reports a contact whose account does not exist, with its row, column and value', async () => {
    const result = await env.importer.run({ kind: 'contacts', file: env.write('c.csv', csv('AccountId,Name', 'A-1,Ana', 'A-404,Bo')) });
    expect(result.errors).toEqual([
      { row: 3, column: 'AccountId', value: 'A-404', message: 'no account has the external id "A-404"; import the accounts first, or correct the id' },
    ]);
  });
});

describe('touches', () => {
  beforeEach(async () => {
    await env.importer.run({
      kind: 'contacts',
      file: env.write('contacts.csv', csv('AccountId,Name,Email', 'A-1,Ana Lima,ana@acme.com', 'A-1,Carl Diaz,', 'A-2,Bo Chen,bo@globex.com')),
    });
  });

  it('links the contacts a touch names by e-mail or name, keeps the unknown ones, and makes a follow-up reminder', async () => {
    const file = env.write(
      'touches.csv',
      csv(
        'Account ID,Date,Type,Contacts,Subject,Pulse,Next Step,Follow-up Date',
        'A-1,2024-03-01,Meeting,ana@acme.com; Carl Diaz; Zoe Unknown,Kickoff,+1,Send the plan,2024-03-08',
        'A-2,2024-03-02T15:30:00+01:00,Phone,bo@globex.com,,-2,,',
      ),
    );
    const result = await env.importer.run({ kind: 'touches', file });
    expect(result).toMatchObject({ inserted: 2, errors: [] });
    expect(result.notes).toEqual(['1 touch contact matched no contact of the account; the names were kept on the touches as a custom field']);
    const touches = env.rows<{ id: number; type: string; occurred_at: string; sentiment: number; custom_fields: string }>(
      'SELECT id, type, occurred_at, sentiment, custom_fields FROM touches ORDER BY id',
    );
    expect(touches.map(({ type, occurred_at, sentiment }) => ({ type, occurred_at, sentiment }))).toEqual([
      { type: 'meeting', occurred_at: '2024-03-01', sentiment: 1 },
      { type: 'call', occurred_at: '2024-03-02T14:30:00Z', sentiment: -2 },
    ]);
    expect(JSON.parse(touches[0].custom_fields)).toEqual({ Contacts: 'Zoe Unknown' });
    expect(env.rows('SELECT c.name FROM touch_contacts tc JOIN contacts c ON c.id = tc.contact_id WHERE tc.touch_id = ? ORDER BY c.name', touches[0].id)).toEqual([
      { name: 'Ana Lima' },
      { name: 'Carl Diaz' },
    ]);
    expect(env.rows('SELECT title, due, source, source_key FROM reminders')).toEqual([
      { title: 'Send the plan', due: '2024-03-08', source: 'follow_up', source_key: `follow_up:touch:${touches[0].id}` },
    ]);
  });

  it('finds a touch again by account, date, type and summary; undo removes new links and its reminder', async () => {
    const first = await env.importer.run({ kind: 'touches', file: env.write('t1.csv', csv('AccountId,Date,Type,Subject,Contacts', 'A-1,2024-03-01,Call,Check-in,ana@acme.com')) });
    const second = await env.importer.run({
      kind: 'touches',
      file: env.write('t2.csv', csv('AccountId,Date,Type,Subject,Contacts,Follow-up Date', 'A-1,2024-03-01,Call,Check-in,ana@acme.com;Carl Diaz,2024-04-01')),
    });
    expect(second).toMatchObject({ inserted: 0, updated: 1 });
    expect(env.count('touches')).toBe(1);
    expect(env.count('touch_contacts')).toBe(2);
    expect(env.count('reminders')).toBe(1);
    env.importer.undo(second.batchId!);
    expect(env.count('touch_contacts')).toBe(1);
    expect(env.count('reminders')).toBe(0);
    expect(env.rows('SELECT follow_up_due, import_batch_id FROM touches')).toEqual([{ follow_up_due: null, import_batch_id: first.batchId }]);
  });

  it('refuses a touch with no date, and files a touch without a type column as a note', async () => {
    const result = await env.importer.run({ kind: 'touches', file: env.write('t.csv', csv('Account,Date,Summary', 'Acme,,Lunch', 'Acme,2024-01-02,Lunch')) });
    expect(result.errors).toEqual([{ row: 2, column: 'Date', value: '', message: 'the touch has no date' }]);
    expect(env.rows('SELECT type FROM touches')).toEqual([{ type: 'note' }]);
  });
});

describe('metrics', () => {
  it('keys samples by account, metric and date, updating the value on re-import', async () => {
    const file = env.write('m.csv', csv('Account,Date,Metric,Value', 'Acme,2024-03-01,Active Users,120', 'Acme,2024-03-01,Adoption %,85%', 'Globex,2024-03-01,open tickets,3'));
    expect(await env.importer.run({ kind: 'metrics', file })).toMatchObject({ inserted: 3 });
    expect(await env.importer.run({ kind: 'metrics', file })).toMatchObject({ inserted: 0, unchanged: 3 });
    const changed = await env.importer.run({ kind: 'metrics', file: env.write('m2.csv', csv('Account,Date,Metric,Value', 'Acme,2024-03-01,Active Users,130')) });
    expect(changed).toMatchObject({ inserted: 0, updated: 1 });
    expect(env.rows('SELECT key, value FROM metric_samples ORDER BY id')).toEqual([
      { key: 'active_users', value: 130 },
      { key: 'adoption', value: 85 },
      { key: 'open_tickets', value: 3 },
    ]);
  });
});

describe('revenue', () => {
  it('reads Upgrade and Downgrade as expansion and contraction with the sign applied, and keys events naturally', async () => {
    const file = env.write(
      'r.csv',
      csv('Account ID,Date,Type,MRR Change', 'A-1,2024-01-01,New Business,"$1,000"', 'A-1,2024-02-01,Upgrade,250', 'A-1,2024-03-01,Downgrade,100', 'A-2,2024-03-01,Churn,-50'),
    );
    expect(await env.importer.run({ kind: 'revenue', file })).toMatchObject({ inserted: 4 });
    expect(env.rows('SELECT kind, mrr_delta_cents FROM revenue_events ORDER BY id')).toEqual([
      { kind: 'new', mrr_delta_cents: 100000 },
      { kind: 'expansion', mrr_delta_cents: 25000 },
      { kind: 'contraction', mrr_delta_cents: -10000 },
      { kind: 'churn', mrr_delta_cents: -5000 },
    ]);
    expect(await env.importer.run({ kind: 'revenue', file })).toMatchObject({ inserted: 0, unchanged: 4 });
  });
});

describe('surveys', () => {
  beforeEach(async () => {
    await env.importer.run({ kind: 'contacts', file: env.write('contacts.csv', csv('AccountId,Name,Email', 'A-1,Ana Lima,ana@acme.com')) });
  });

  it('takes the survey kind from a score column named NPS, links respondents by e-mail and checks the range', async () => {
    const file = env.write(
      's.csv',
      csv('Company,Email,NPS,Response Date,Feedback', 'Acme,ANA@acme.com,9,2024-03-01,Great', 'Acme,stranger@x.com,4,2024-03-02,Meh', 'Globex,,11,2024-03-03,'),
    );
    const result = await env.importer.run({ kind: 'surveys', file });
    expect(result.notes).toContain('NPS → kind: every response is nps (named by the column)');
    expect(result).toMatchObject({ inserted: 2, skipped: 1 });
    expect(result.errors).toEqual([{ row: 4, column: 'NPS', value: '11', message: 'NPS scores run from 0 to 10' }]);
    expect(env.rows('SELECT kind, score, contact_id IS NOT NULL AS linked, custom_fields FROM survey_responses ORDER BY id')).toEqual([
      { kind: 'nps', score: 9, linked: 1, custom_fields: '{}' },
      { kind: 'nps', score: 4, linked: 0, custom_fields: '{"Email":"stranger@x.com"}' },
    ]);
    expect(await env.importer.run({ kind: 'surveys', file })).toMatchObject({ inserted: 0, unchanged: 2 });
  });

  it('takes the kind from the file name when no column says it, and refuses a file that says neither', async () => {
    const rows = ['Customer Name,Respondent Email,Score,Responded At', 'Acme,ana@acme.com,9,2024-04-01'];
    const named = await env.importer.run({ kind: 'surveys', file: env.write('acme-nps-q2.csv', csv(...rows)) });
    expect(named.notes).toContain('Score → kind: every response is nps (named by the file acme-nps-q2.csv)');
    expect(env.rows("SELECT kind, score FROM survey_responses WHERE date = '2024-04-01'")).toEqual([{ kind: 'nps', score: 9 }]);
    await expect(env.importer.run({ kind: 'surveys', file: env.write('responses.csv', csv(...rows)) })).rejects.toThrow(
      /responses\.csv has no column Tend can use for kind .*or the file, NPS, CSAT or CES/,
    );
  });
});
