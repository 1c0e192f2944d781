// Capture, writing side: what lands (one batch of kind capture, touches with source, direction and
// external reference, contacts linked, accounts rescored at once), that re-capturing inserts
// nothing, that a dry run writes nothing, that undo leaves the database as it was, the CLI's JSON
// and exit codes, the channels through the router, and the relationship hints.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { MIGRATIONS, tempDir } from '../../helpers';
import { captureSetup, DATA_TABLES, fixture } from './helpers';

const CALENDARS = ['google-calendar.ics', 'outlook-calendar.ics', 'apple-calendar.ics'];
const EVERYTHING = [...CALENDARS, 'exchange-no-vtimezone.ics', 'thunderbird-inbox.mbox', 'gmail-renewal.eml', 'apple-mail.eml', 'outlook-message.msg', 'apple-contacts.vcf', 'google-contacts.vcf'];

/** Scores as the scoring service kept them (derived rows: compared apart from the data tables). */
const scores = (env: Awaited<ReturnType<typeof captureSetup>>) =>
  env.rows('SELECT account_id, date, score, band, confidence, components FROM health_snapshots ORDER BY account_id, date');

const openFlags = (env: Awaited<ReturnType<typeof captureSetup>>) =>
  env.rows('SELECT account_id, rule, severity, reason FROM flags WHERE resolved_at IS NULL ORDER BY account_id, rule');

describe('landing a capture', () => {
  it('writes one capture batch: touches with source, direction and reference, linked to the contacts who took part, and rescored', async () => {
    const env = await captureSetup();
    const scoreBefore = env.services.accounts.list().find((a) => a.id === env.accounts.acme.id)!.score;
    const result = await env.services.capture.run(['google-calendar.ics', 'thunderbird-inbox.mbox'].map(fixture));
    expect(result).toMatchObject({ inserted: 10, duplicates: 0, internal: 2, contacts: { inserted: 2, updated: 0 }, skipped: [] });
    expect(result.notLogged).toEqual({ cancelled: 1, declined: 1, future: 1, automated: 1, unmatched: 2, excluded: 0 });

    const batches = env.services.importer.list();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ id: result.batchId, kind: 'capture', fileName: 'google-calendar.ics, thunderbird-inbox.mbox', inserted: 12, updated: 0 });

    const touches = env.rows<Record<string, unknown>>(
      'SELECT type, source, direction, occurred_at AS occurredAt, summary, external_ref AS ref, import_batch_id AS batch FROM touches ORDER BY occurred_at',
    );
    expect(touches[0]).toEqual({
      type: 'meeting',
      source: 'calendar',
      direction: 'outbound',
      occurredAt: '2026-10-06T10:00',
      summary: 'Acme weekly rollout sync',
      ref: '7kukuqrfedlm2f9t0vn5vk3v9r@google.com;RECURRENCE-ID=20261006T140000Z',
      batch: result.batchId,
    });
    expect(touches.find((t) => t.summary === 'SSO group mapping')).toMatchObject({
      type: 'email',
      source: 'email',
      direction: 'inbound',
      ref: '<PH0PR11MB5048E1A2B3C4D5E6F7@PH0PR11MB5048.namprd11.prod.outlook.com>',
    });
    // Lee (new, from the mailbox) and Dana (known) are both on Lee's message.
    const lee = env.rows<{ id: number; title: string; strength: number }>("SELECT id, title, strength FROM contacts WHERE email = 'lee.chen@acme.com'")[0];
    expect(lee).toMatchObject({ title: 'Head of IT', strength: 1 });
    const linked = env.rows<{ contactId: number }>(
      "SELECT contact_id AS contactId FROM touch_contacts tc JOIN touches t ON t.id = tc.touch_id WHERE t.summary = 'SSO group mapping' ORDER BY contact_id",
    );
    expect(linked.map((l) => l.contactId)).toEqual([env.contacts.dana.id, lee.id]);

    // Rescored at once: Acme's engagement now counts the meeting on the as-of day.
    const after = env.services.accounts.list().find((a) => a.id === env.accounts.acme.id)!.score;
    expect(result.accounts.find((a) => a.id === env.accounts.acme.id)).toMatchObject({ touches: 9, scoreBefore, scoreAfter: after });
    expect(after).not.toBe(scoreBefore);
    const engagement = env.services.scoring.rescoreAccount(env.accounts.acme.id)!.score.health.components.engagement!;
    expect(engagement.score).toBe(100);
  });

  it('inserts nothing when the same files, or an overlapping export, are captured again', async () => {
    const env = await captureSetup();
    const first = await env.services.capture.run(EVERYTHING.map(fixture));
    expect(first.inserted).toBeGreaterThan(20);
    const dump = env.dump();
    const again = await env.services.capture.run(EVERYTHING.map(fixture));
    expect(again).toMatchObject({ inserted: 0, duplicates: first.inserted, contacts: { inserted: 0, updated: 0 }, batchId: null });
    // An overlapping export: the Google file again plus the mailbox — still nothing new.
    const overlap = await env.services.capture.run(['thunderbird-inbox.mbox', 'google-calendar.ics'].map(fixture));
    expect(overlap.inserted).toBe(0);
    expect(env.dump()).toBe(dump);
    expect(env.services.importer.list()).toHaveLength(1);
    // The preview already says so, item by item.
    const { preview } = await env.preview('google-calendar.ics');
    expect(preview.items.filter((i) => i.status === 'duplicate')).toHaveLength(7);
    expect(preview.items.find((i) => i.status === 'duplicate')!.reason).toBe('already logged by an earlier capture');
  });

  it('counts a meeting that is twice in the files once', async () => {
    const env = await captureSetup();
    const { preview } = await env.preview('apple-calendar.ics', 'apple-calendar.ics');
    expect(preview.items.map((i) => i.status)).toEqual(['new', 'new', 'new', 'duplicate', 'duplicate', 'duplicate']);
  });

  it('writes nothing in a dry run, and reports what a real run then writes', async () => {
    const env = await captureSetup();
    const dump = env.dump([...DATA_TABLES, 'import_batches', 'import_changes', 'settings']);
    const snapshots = scores(env);
    const dry = await env.services.capture.run(EVERYTHING.map(fixture), { dryRun: true });
    expect(dry.batchId).toBeNull();
    expect(env.dump([...DATA_TABLES, 'import_batches', 'import_changes', 'settings'])).toBe(dump);
    expect(scores(env)).toEqual(snapshots);
    const real = await env.services.capture.run(EVERYTHING.map(fixture));
    expect({ ...real, batchId: null, dryRun: true, accounts: [], hints: 0 }).toEqual({ ...dry, accounts: [], hints: 0 });
  });

  it('is undone from the import history, leaving every data table and score as before', async () => {
    const env = await captureSetup();
    // Something already in the book that the capture touches: a manual touch with Dana.
    env.services.touches.log({ accountId: env.accounts.acme.id, type: 'call', occurredAt: '2026-09-01', summary: 'Kickoff call', contactIds: [env.contacts.dana.id] });
    const before = env.dump();
    const snapshots = scores(env);
    const flagsBefore = openFlags(env);
    const result = await env.services.capture.run(EVERYTHING.map(fixture));
    expect(openFlags(env)).not.toEqual(flagsBefore);
    // Lee (from his card) and Mira (offered from the QBR and the Gmail message); Dana's title updated.
    expect(result.contacts).toEqual({ inserted: 2, updated: 1 });
    expect(env.dump()).not.toBe(before);
    // Through the router, as the Import screen's history does.
    const listed = await env.router.call('imports.list', {});
    expect(listed[0]).toMatchObject({ id: result.batchId, kind: 'capture' });
    const undone = await env.router.call('imports.undo', { batchId: result.batchId! });
    expect(undone).toEqual({ batchId: result.batchId, removed: result.inserted + 2, restored: 1 });
    expect(env.dump()).toBe(before);
    expect(scores(env)).toEqual(snapshots);
    // Flags are history: one the capture cleared and undo raised again is a new record, but the
    // open ones are the same as before.
    expect(openFlags(env)).toEqual(flagsBefore);
    await expect(env.router.call('imports.undo', { batchId: result.batchId! })).rejects.toThrow(/was already undone/);
  });

  it('refuses to undo while a touch logged since names a contact the capture created, changing nothing', async () => {
    const env = await captureSetup();
    const result = await env.services.capture.run([fixture('thunderbird-inbox.mbox')]);
    const lee = env.rows<{ id: number }>("SELECT id FROM contacts WHERE email = 'lee.chen@acme.com'")[0];
    env.services.touches.log({ accountId: env.accounts.acme.id, type: 'call', occurredAt: '2026-11-20', summary: 'Call with Lee', contactIds: [lee.id] });
    const dump = env.dump();
    expect(() => env.services.importer.undo(result.batchId!)).toThrow(
      `Capture #${result.batchId} (from thunderbird-inbox.mbox) cannot be undone yet: contacts it added now appear in 1 touch that you added, and would lose them. Remove those people from them first, then try again. Nothing was changed.`,
    );
    expect(env.dump()).toBe(dump);
  });

  it('lands the items the CSM chose, on the account they picked, and the people they kept', async () => {
    const env = await captureSetup();
    const { jobId, preview } = await env.preview('google-calendar.ics');
    const intro = preview.items.find((i) => i.summary === 'Intro call')!;
    const series = preview.items.filter((i) => i.status === 'new' && i.accountId === env.accounts.acme.id);
    const result = await env.router.call('capture.land', {
      jobId,
      // Two of the series (not the rest), and the unmatched intro call put on Initech.
      items: [...series.slice(0, 2).map((i) => ({ id: i.id, accountId: i.accountId! })), { id: intro.id, accountId: env.accounts.initech.id }],
      contacts: [],
      cards: [],
    });
    expect(result).toMatchObject({ inserted: 3, contacts: { inserted: 0, updated: 0 } });
    expect(result.notLogged).toMatchObject({ excluded: 5, unmatched: 0 });
    expect(env.rows('SELECT account_id AS accountId, summary FROM touches ORDER BY occurred_at')).toEqual([
      { accountId: env.accounts.acme.id, summary: 'Acme weekly rollout sync' },
      { accountId: env.accounts.acme.id, summary: 'Acme weekly rollout sync' },
      { accountId: env.accounts.initech.id, summary: 'Intro call' },
    ]);
  });

  it('refuses to log an internal meeting, naming it, and writes nothing', async () => {
    const env = await captureSetup();
    const { jobId, preview } = await env.preview('google-calendar.ics');
    const internal = preview.items.find((i) => i.status === 'internal')!;
    const dump = env.dump([...DATA_TABLES, 'import_batches']);
    await expect(env.router.call('capture.land', { jobId, items: [{ id: internal.id, accountId: env.accounts.acme.id }], contacts: [], cards: [] })).rejects.toThrow(
      '“CS team pipeline review” (2026-11-16) cannot be logged: only people from your own domains. Nothing was written.',
    );
    expect(env.dump([...DATA_TABLES, 'import_batches'])).toBe(dump);
  });

  it('keeps exactly the first 500 characters of a long body', async () => {
    const env = await captureSetup({ keepBody: true });
    const body = Array.from({ length: 60 }, (_, i) => `Line ${i} of the migration notes for Acme.`).join('\n');
    const dir = tempDir();
    const file = path.join(dir, 'long.eml');
    fs.writeFileSync(file, `From: Dana Ruiz <dana.ruiz@acme.com>\nTo: sam.lee@brightloop.io\nSubject: Notes\nDate: Mon, 16 Nov 2026 10:00:00 +0000\nMessage-ID: <long@acme.com>\n\n${body}\n`);
    await env.services.capture.run([{ path: file, name: 'long.eml' }]);
    expect(env.rows<{ notes: string }>('SELECT notes FROM touches')[0].notes).toBe(body.slice(0, 500));
  });
});

describe('through the router', () => {
  it('reads granted files as a job, with progress, and the preview passes the contract', async () => {
    const env = await captureSetup();
    const tokens = ['google-calendar.ics', 'thunderbird-inbox.mbox'].map((name) => env.router.grantFile(fixture(name).path).token);
    const { jobId } = await env.router.call('capture.read', { tokens });
    let job = await env.router.call('capture.job', { jobId });
    while (job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20)); // as the renderer polls
      job = await env.router.call('capture.job', { jobId });
    }
    expect(job).toMatchObject({ status: 'done', progress: { files: 2, file: 2, fileName: 'thunderbird-inbox.mbox' }, error: null });
    expect(job.progress.bytes).toBe(job.progress.totalBytes);
    expect(job.preview!.counts.total).toBe(18);
  });

  it('refuses a token it never granted, and a file path in its place', async () => {
    const env = await captureSetup();
    await expect(env.router.call('capture.read', { tokens: ['7d3f0c1e-4a5b-4c6d-8e9f-0a1b2c3d4e5f'] })).rejects.toThrow('That file is no longer available. Choose it again.');
    await expect(env.router.call('capture.read', { tokens: ['/etc/passwd'] })).rejects.toThrow(/expected a file chosen in the dialog or dropped on the window/);
  });

  it('keeps capture settings in their own row: no rescore, no marker on the health trend', async () => {
    const env = await captureSetup();
    const history = env.count('settings_history');
    const saved = await env.router.call('capture.saveSettings', { settings: { myDomains: ['BrightLoop.io', 'brightloop.io'], keepBody: true, timeZone: 'Europe/Berlin' } });
    expect(saved).toEqual({ myDomains: ['brightloop.io'], keepBody: true, timeZone: 'Europe/Berlin' });
    expect(await env.router.call('capture.settings', {})).toEqual(saved);
    expect(env.count('settings_history')).toBe(history);
    await expect(env.router.call('capture.saveSettings', { settings: { myDomains: ['not a domain'], keepBody: false, timeZone: '' } })).rejects.toThrow(
      'Invalid settings.myDomains.0: expected a domain such as yourcompany.com.',
    );
  });

  it('suggests an account\'s domains from its website and its contacts\' addresses, never a public or an own domain', async () => {
    const env = await captureSetup();
    env.services.contacts.create({ accountId: env.accounts.initech.id, name: 'Tom Baker', email: 'tom.baker@initech.com' });
    env.services.contacts.create({ accountId: env.accounts.initech.id, name: 'Home address', email: 'priya@gmail.com' });
    env.services.contacts.create({ accountId: env.accounts.initech.id, name: 'Our SE', email: 'se@brightloop.io' });
    env.services.accounts.update({ id: env.accounts.initech.id, patch: { website: 'https://www.initech.co.uk/about' } });
    expect(await env.router.call('capture.domainSuggestions', { accountId: env.accounts.initech.id })).toEqual([
      { domain: 'initech.co.uk', reason: 'website' },
      { domain: 'initech.com', reason: '2 contacts' },
    ]);
    // Acme already has acme.com (its website's domain too): nothing to suggest.
    expect(await env.router.call('capture.domainSuggestions', { accountId: env.accounts.acme.id })).toEqual([]);
    const updated = await env.router.call('accounts.update', { id: env.accounts.initech.id, patch: { domains: ['initech.com'] } });
    expect(updated.domains).toEqual(['initech.com']);
  });
});

describe('relationship hints', () => {
  it('suggests a higher strength for someone reached often and recently, a lower one for a strong contact nobody reached, and only on acceptance changes anything', async () => {
    const env = await captureSetup();
    const sponsor = env.services.contacts.create({ accountId: env.accounts.acme.id, name: 'Olga Quiet', email: 'olga@acme.com', level: 'vp', strength: 4 });
    // Before any capture: no hints (Tend cannot know the CSM's real reach yet).
    expect(await env.router.call('capture.hints', { accountId: env.accounts.acme.id })).toEqual([]);
    const result = await env.services.capture.run(['google-calendar.ics', 'thunderbird-inbox.mbox', 'outlook-message.msg'].map(fixture));
    expect(result.hints).toBe(2);
    const hints = await env.router.call('capture.hints', { accountId: env.accounts.acme.id });
    expect(hints).toEqual([
      { contactId: env.contacts.dana.id, name: 'Dana Ruiz', from: 2, to: 3, direction: 'up', reason: '10 touches in the last 90 days, the latest today', touches: 10, lastTouch: '2026-11-24' },
      { contactId: sponsor.id, name: 'Olga Quiet', from: 4, to: 3, direction: 'down', reason: 'never reached in a captured or logged touch', touches: 0, lastTouch: null },
    ]);
    expect(env.rows('SELECT strength FROM contacts WHERE id IN (?, ?) ORDER BY id', env.contacts.dana.id, sponsor.id)).toEqual([{ strength: 2 }, { strength: 4 }]);
    // Accept Dana's (contacts.update, as the map does); dismiss Olga's.
    await env.router.call('contacts.update', { id: env.contacts.dana.id, patch: { strength: 3 } });
    await env.router.call('capture.dismissHint', { contactId: sponsor.id, to: 3 });
    expect(await env.router.call('capture.hints', { accountId: env.accounts.acme.id })).toEqual([]);
    expect(env.rows('SELECT strength FROM contacts WHERE id = ?', sponsor.id)).toEqual([{ strength: 4 }]);
  });
});

describe('tend capture', () => {
  async function tend(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, migrationsFolder: MIGRATIONS });
    return { code, stdout, stderr };
  }

  it('prints SPEC\'s JSON shape, exits 3 when items were skipped, and --dry-run writes nothing', async () => {
    const env = await captureSetup();
    const db = env.file;
    env.opened.close();
    const files = ['google-calendar.ics', 'broken.ics', 'binary.eml'].map((n) => fixture(n).path);
    const dry = await tend('--db', db, '--as-of', '2026-11-24', '--json', 'capture', ...files, '--dry-run');
    expect(dry.code).toBe(3);
    const dryJson = JSON.parse(dry.stdout);
    expect(Object.keys(dryJson)).toEqual(expect.arrayContaining(['inserted', 'duplicates', 'internal', 'contacts', 'unmatched', 'skipped', 'batchId']));
    expect(dryJson).toMatchObject({ inserted: 8, duplicates: 0, internal: 1, contacts: { inserted: 1, updated: 0 }, batchId: null, dryRun: true });
    expect(dryJson.unmatched).toEqual([{ email: 'bruce@wayne-enterprises.com', name: 'Bruce Wayne', items: 1 }]);
    expect(dryJson.skipped.map((s: { file: string; item: string }) => `${s.file} / ${s.item}`)).toEqual([
      'broken.ics / event “Acme data migration” at line 13',
      'broken.ics / event “Acme follow-up (no date)”',
      'binary.eml / the message',
    ]);
    const imports = JSON.parse((await tend('--db', db, '--json', 'imports')).stdout);
    expect(imports).toEqual([]);

    const real = await tend('--db', db, '--as-of', '2026-11-24', '--json', 'capture', ...files);
    expect(real.code).toBe(3);
    expect(JSON.parse(real.stdout)).toMatchObject({ inserted: 8, batchId: 1, dryRun: false });
    const again = await tend('--db', db, '--as-of', '2026-11-24', '--json', 'capture', fixture('google-calendar.ics').path);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, duplicates: 7, batchId: null });
    const human = await tend('--db', db, '--as-of', '2026-11-24', 'undo-import', '1');
    expect(human).toMatchObject({ code: 0, stdout: 'Undid import 1: removed 9 rows, restored 0.\n' });
  });

  it('sets My domains with --my-domain, and without any says which domain looks like the CSM\'s own', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'book.db');
    await tend('--db', db, 'init');
    const hint = await tend('--db', db, '--as-of', '2026-11-24', 'capture', fixture('google-calendar.ics').path, '--dry-run');
    expect(hint.code).toBe(0);
    expect(hint.stdout).toContain('Would log 0 touches from 1 file.');
    expect(hint.stdout).toContain('Tip: brightloop.io takes part in most of these items. If it is your own company\'s domain, run again with --my-domain brightloop.io');
    const bad = await tend('--db', db, 'capture', fixture('google-calendar.ics').path, '--my-domain', 'not a domain');
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toContain('--my-domain takes a domain such as yourcompany.com (got "not a domain"). Nothing was changed.');
    const set = await tend('--db', db, '--as-of', '2026-11-24', '--json', 'capture', fixture('google-calendar.ics').path, '--my-domain', 'BrightLoop.io');
    expect(JSON.parse(set.stdout)).toMatchObject({ internal: 1, suggestedMyDomains: [] });
    const usage = await tend('--db', db, 'capture');
    expect(usage.code).toBe(2);
  });
});
