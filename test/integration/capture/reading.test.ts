// Capture, reading side: real-shaped files from Google Calendar, Outlook/Exchange, Apple Calendar,
// Thunderbird, Gmail, Apple Mail and Outlook (.msg), read into a preview against a real database —
// recurring series expanded up to the as-of date, dates in the user's time zone, people and
// accounts matched, and every bad file or item reported with file, item and why.
import { describe, expect, it } from 'vitest';
import { captureSetup } from './helpers';

const byStatus = (items: { status: string; summary: string; occurredAt: string }[], status: string) =>
  items.filter((i) => i.status === status).map((i) => `${i.occurredAt} ${i.summary}`);

describe('calendars', () => {
  it('expands a Google Calendar series up to the as-of date: EXDATE left out, a moved occurrence at its new time, a cancelled one skipped', async () => {
    const env = await captureSetup({ timeZone: 'America/New_York' });
    const { preview } = await env.preview('google-calendar.ics');
    const series = preview.items.filter((i) => i.summary.startsWith('Acme weekly rollout sync'));
    expect(series.map((i) => `${i.status} ${i.occurredAt}`)).toEqual([
      'new 2026-10-06T10:00',
      'new 2026-10-20T10:00', // 10-13 is an EXDATE
      'new 2026-10-28T14:00', // the 10-27 occurrence, moved to Wednesday afternoon
      'cancelled 2026-11-03T10:00',
      'new 2026-11-10T10:00',
      'new 2026-11-17T10:00',
      'new 2026-11-24T10:00', // the as-of day itself; 12-01 and later are not expanded
    ]);
    expect(series.find((i) => i.occurredAt === '2026-10-28T14:00')!.summary).toBe('Acme weekly rollout sync (moved)');
    expect(preview.files[0]).toMatchObject({ fileName: 'google-calendar.ics', kind: 'calendar', later: 1 });
    // Every occurrence is linked to the account and Dana, and was organised by the CSM.
    for (const item of series.filter((i) => i.status === 'new')) {
      expect(item).toMatchObject({ kind: 'meeting', accountId: env.accounts.acme.id, matchedBy: 'contact', contactIds: [env.contacts.dana.id], direction: 'outbound' });
    }
  });

  it('skips internal, declined, future and cancelled meetings with the reason, and lists the unknown organiser', async () => {
    const env = await captureSetup();
    const { preview } = await env.preview('google-calendar.ics');
    expect(byStatus(preview.items, 'internal')).toEqual(['2026-11-16T09:30 CS team pipeline review']);
    const declined = preview.items.find((i) => i.status === 'declined')!;
    expect(declined.summary).toBe('Initech: security questionnaire walkthrough');
    expect(declined.reason).toBe("declined by sam.lee@brightloop.io (the calendar's owner)");
    expect(byStatus(preview.items, 'future')).toEqual(['2026-12-03T11:00 Acme renewal kickoff']);
    expect(byStatus(preview.items, 'unmatched')).toEqual(['2026-11-05T11:00 Intro call']);
    expect(preview.unmatched).toEqual([{ email: 'bruce@wayne-enterprises.com', name: 'Bruce Wayne', items: 1 }]);
    expect(preview.counts).toMatchObject({ total: 12, new: 7, internal: 1, declined: 1, future: 1, cancelled: 1, unmatched: 1, duplicate: 0 });
  });

  it('offers an unknown person at a known account domain as a new contact', async () => {
    const env = await captureSetup();
    const { preview } = await env.preview('google-calendar.ics');
    const qbr = preview.items.find((i) => i.summary === 'Globex QBR')!;
    expect(qbr).toMatchObject({ accountId: env.accounts.globex.id, contactIds: [env.contacts.hans.id], newPeople: ['mira.okafor@globex.com'] });
    expect(preview.contacts).toEqual([{ email: 'mira.okafor@globex.com', name: 'Mira Okafor', title: null, titleFrom: null, accountId: env.accounts.globex.id, items: 1 }]);
  });

  it('reads Outlook\'s Windows time-zone names through the VTIMEZONE blocks, across the DST change, in the user\'s zone', async () => {
    const ny = await captureSetup({ timeZone: 'America/New_York' });
    const fromNy = (await ny.preview('outlook-calendar.ics')).preview.items.map((i) => `${i.status} ${i.occurredAt} ${i.summary}`);
    expect(fromNy).toEqual([
      'new 2026-10-22T03:00 Globex steering committee', // 09:00 CEST
      'new 2026-11-05T03:00 Globex steering committee', // 09:00 CET: both zones changed in between
      'new 2026-11-20T04:00 Globex steering committee', // the 11-19 occurrence moved to 10:00 the next day
      'new 2026-11-24T19:00 Acme renewal quote (late call for Dana in Chicago)',
    ]);
    const berlin = await captureSetup({ timeZone: 'Europe/Berlin' });
    const fromBerlin = (await berlin.preview('outlook-calendar.ics')).preview.items.map((i) => `${i.status} ${i.occurredAt}`);
    // The same late call is on the 25th in Berlin: after the as-of date, so not logged yet.
    expect(fromBerlin).toEqual(['new 2026-10-22T09:00', 'new 2026-11-05T09:00', 'new 2026-11-20T10:00', 'future 2026-11-25T01:00']);
  });

  it('resolves a Windows zone without a VTIMEZONE (Exchange) and an IANA one (Apple), and keeps an all-day event a date', async () => {
    const env = await captureSetup({ timeZone: 'America/New_York' });
    const { preview } = await env.preview('exchange-no-vtimezone.ics', 'apple-calendar.ics');
    expect(preview.items.map((i) => `${i.occurredAt} ${i.summary} ${i.direction}`)).toEqual([
      '2026-11-10T19:00 Globex pricing follow-up inbound', // 16:00 Pacific Standard Time
      '2026-11-09T08:00 Initech onboarding workshop inbound', // 13:00 London (GMT)
      '2026-11-19 Initech go-live day inbound',
      '2026-11-17T10:00 Acme warehouse visit debrief outbound', // 09:00 America/Chicago, no VTIMEZONE in the file
    ]);
    // Initech has no domains: Priya is found by her address (stored with capitals), Tom is not offered.
    const workshop = preview.items[1];
    expect(workshop).toMatchObject({ accountId: env.accounts.initech.id, contactIds: [env.contacts.priya.id], newPeople: [] });
  });

  it('gives each occurrence its own reference: UID plus the recurrence id in UTC', async () => {
    const env = await captureSetup();
    const { jobId } = env.services.capture.startRead([{ path: 'test/fixtures/capture/outlook-calendar.ics', name: 'outlook-calendar.ics' }]);
    await env.services.capture.finished(jobId);
    await env.services.capture.land({ jobId, items: [0, 1, 2].map((id) => ({ id, accountId: env.accounts.globex.id })), contacts: [], cards: [] });
    const refs = env.rows<{ ref: string }>("SELECT external_ref AS ref FROM touches WHERE source = 'calendar' ORDER BY occurred_at").map((r) => r.ref.split(';')[1]);
    expect(refs).toEqual(['RECURRENCE-ID=20261022T070000Z', 'RECURRENCE-ID=20261105T080000Z', 'RECURRENCE-ID=20261119T080000Z']);
  });
});

describe('mail', () => {
  it('reads a Thunderbird mailbox whose bodies have From lines, message by message', async () => {
    const env = await captureSetup();
    const { preview } = await env.preview('thunderbird-inbox.mbox');
    expect(preview.items.map((i) => `${i.status} ${i.direction} ${i.summary}`)).toEqual([
      'new inbound Re: Rollout — week 3', // encoded word decoded; "From the warehouse" did not start a message
      'new outbound Re: Rollout - week 3',
      'new inbound SSO group mapping',
      'internal outbound Acme forecast for the pipeline review',
      'unmatched inbound This week in customer success',
      'automated inbound [Acme] Scheduled maintenance on Sunday',
    ]);
    // "Ruiz, Dana" <Dana.Ruiz+crm@Acme.com>: the +tag and the capitals do not hide Dana.
    expect(preview.items[0]).toMatchObject({ accountId: env.accounts.acme.id, contactIds: [env.contacts.dana.id], occurredAt: '2026-11-03T10:15' });
    expect(preview.unmatched).toEqual([{ email: 'news@saasweekly.io', name: 'SaaS Weekly', items: 1 }]);
  });

  it('offers the sender of a message as a contact with the title from their signature', async () => {
    const env = await captureSetup();
    const { preview } = await env.preview('thunderbird-inbox.mbox');
    expect(preview.contacts).toEqual([
      { email: 'lee.chen@acme.com', name: 'Lee Chen', title: 'Head of IT', titleFrom: 'signature', accountId: env.accounts.acme.id, items: 1 },
    ]);
  });

  it('keeps only the first 500 characters of the plain-text body, and only when Settings allow it — never an attachment', async () => {
    const off = await captureSetup({ keepBody: false });
    await off.services.capture.run([{ path: 'test/fixtures/capture/gmail-renewal.eml', name: 'gmail-renewal.eml' }]);
    expect(off.rows<{ notes: string }>('SELECT notes FROM touches')).toEqual([{ notes: '' }]);

    const on = await captureSetup({ keepBody: true });
    await on.services.capture.run([{ path: 'test/fixtures/capture/gmail-renewal.eml', name: 'gmail-renewal.eml' }, { path: 'test/fixtures/capture/thunderbird-inbox.mbox', name: 'inbox.mbox' }]);
    const renewal = on.rows<{ summary: string; notes: string }>("SELECT summary, notes FROM touches WHERE summary LIKE 'Renewal%'")[0];
    expect(renewal.summary).toBe('Renewal paperwork – signed copy');
    expect(renewal.notes).toBe('Hallo Sam,\n\nattached is the signed renewal for 2027. Viele Grüße aus München!\n\nHans Becker\nVP Procurement, Globex');
    for (const { notes } of on.rows<{ notes: string }>('SELECT notes FROM touches')) expect(notes.length).toBeLessThanOrEqual(500);
    // The attachment (a PDF and its name) is nowhere in the database.
    expect(on.dump(['touches', 'contacts', 'import_batches', 'import_changes', 'settings'])).not.toMatch(/%PDF|Globex-renewal-2027\.pdf|JVBERi0/);
  });

  it('reads an Outlook .msg sent item from its MAPI fields, ignoring its attachment', async () => {
    const env = await captureSetup();
    const { preview } = await env.preview('outlook-message.msg');
    expect(preview.items).toHaveLength(1);
    expect(preview.items[0]).toMatchObject({
      kind: 'email',
      status: 'new',
      summary: 'Acme: the SSO fix is live',
      occurredAt: '2026-11-06T10:30',
      direction: 'outbound',
      accountId: env.accounts.acme.id,
      contactIds: [env.contacts.dana.id],
      newPeople: ['lee.chen@acme.com'],
    });
    await env.services.capture.run([{ path: 'test/fixtures/capture/outlook-message.msg', name: 'outlook-message.msg' }]);
    expect(env.rows('SELECT external_ref AS ref, notes FROM touches')).toEqual([{ ref: '<DM6PR11MB4012A1B2C3D4E5F6A7B8@DM6PR11MB4012.namprd11.prod.outlook.com>', notes: '' }]);
  });
});

describe('contact cards', () => {
  it('creates new people on the account of their domain, updates a changed title, and leaves a personal card unplaced', async () => {
    const env = await captureSetup();
    const { preview } = await env.preview('apple-contacts.vcf', 'google-contacts.vcf', 'outlook-contact.vcf');
    expect(preview.cards.map((c) => [c.file, c.name, c.email, c.title, c.outcome, c.accountId, c.changes])).toEqual([
      ['apple-contacts.vcf', 'Lee Chen', 'lee.chen@acme.com', 'Head of IT', 'new', env.accounts.acme.id, []],
      ['google-contacts.vcf', 'Dana Ruiz', 'dana.ruiz@acme.com', 'VP Operations', 'update', env.accounts.acme.id, ['title: Director of Operations → VP Operations']],
      ['google-contacts.vcf', 'Alex Morgan', 'alex.morgan.cs@gmail.com', null, 'unmatched', null, []],
      // vCard 2.1 from Outlook: bare parameters and a quoted-printable Windows-1252 title.
      ['outlook-contact.vcf', 'Mira Okafor', 'mira.okafor@globex.com', 'Director of Operations – München', 'new', env.accounts.globex.id, []],
    ]);
    const result = await env.services.capture.run(['apple-contacts.vcf', 'google-contacts.vcf', 'outlook-contact.vcf'].map((name) => ({ path: `test/fixtures/capture/${name}`, name })));
    expect(result.contacts).toEqual({ inserted: 2, updated: 1 });
    expect(env.rows('SELECT name, email, title, account_id AS accountId FROM contacts ORDER BY id')).toEqual([
      { name: 'Dana Ruiz', email: 'dana.ruiz@acme.com', title: 'VP Operations', accountId: env.accounts.acme.id },
      { name: 'Hans Becker', email: 'hans.becker@globex.com', title: 'VP Procurement', accountId: env.accounts.globex.id },
      { name: 'Priya Shah', email: 'Priya.Shah@initech.com', title: null, accountId: env.accounts.initech.id },
      { name: 'Lee Chen', email: 'lee.chen@acme.com', title: 'Head of IT', accountId: env.accounts.acme.id },
      { name: 'Mira Okafor', email: 'mira.okafor@globex.com', title: 'Director of Operations – München', accountId: env.accounts.globex.id },
    ]);
  });

  it('does not overwrite a title the CSM edited in the app', async () => {
    const env = await captureSetup();
    env.services.contacts.update({ id: env.contacts.dana.id, patch: { title: 'COO' } });
    const { preview } = await env.preview('google-contacts.vcf');
    expect(preview.cards[0]).toMatchObject({ outcome: 'unchanged', changes: [] });
  });
});

describe('bad input', () => {
  it('reports a broken .ics, a truncated .mbox, a binary file renamed .eml and items without a date — and reads the rest', async () => {
    const env = await captureSetup();
    const { preview } = await env.preview('broken.ics', 'truncated.mbox', 'binary.eml', 'no-date.eml', 'apple-mail.eml');
    expect(preview.skipped).toEqual([
      {
        file: 'broken.ics',
        item: 'event “Acme data migration” at line 13',
        reason: 'it cannot be read (invalid line (no token ";" or ":") "this line lost its property name in a bad copy and paste"); the other events were read',
      },
      { file: 'broken.ics', item: 'event “Acme follow-up (no date)”', reason: 'it has no start date (DTSTART), so it cannot be dated' },
      {
        file: 'truncated.mbox',
        item: 'message 3',
        reason: 'the file ends in the middle of this message (the export or copy was cut short); it was not logged. Export the mailbox again to capture it',
      },
      {
        file: 'binary.eml',
        item: 'the message',
        reason: 'it is not an e-mail message: it holds binary data (perhaps another kind of file renamed). Save the message again from your mail program as .eml',
      },
      { file: 'no-date.eml', item: 'the message “Draft: notes from the warehouse”', reason: 'it has no date (no Date header), so it cannot be dated; it was not logged' },
    ]);
    expect(preview.items.map((i) => `${i.file}: ${i.summary}`)).toEqual([
      'broken.ics: Acme adoption check-in',
      'truncated.mbox: Globex: SSO rollout plan',
      'truncated.mbox: Globex: training dates',
      'apple-mail.eml: Go-live checklist',
    ]);
  });

  it('reports a file it does not capture, an empty file and a missing one, by name', async () => {
    const env = await captureSetup();
    const { preview } = await env.preview('README.md', 'build-msg.ts', 'no-such-file.ics');
    expect(preview.skipped.map((s) => `${s.file}: ${s.reason}`)).toEqual([
      'README.md: Tend captures calendar (.ics), e-mail (.eml, .mbox, Outlook .msg) and contact (.vcf) files, and this is none of them',
      'build-msg.ts: Tend captures calendar (.ics), e-mail (.eml, .mbox, Outlook .msg) and contact (.vcf) files, and this is none of them',
      'no-such-file.ics: the file no longer exists',
    ]);
  });
});
