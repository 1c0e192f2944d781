// Capture in Chromium over the real router and a real database (issue 15): a Google Calendar export
// dropped on the window (a real DragEvent holding a File with the fixture's bytes, through the same
// renderer code the app runs — window.tend.dropFiles), the preview, one occurrence left out, Log,
// the touches on the account's timeline and its score moved; then a mailbox and an Outlook message
// dropped, the relationship hint on the map accepted, a suggested domain added, Undo, the Import
// screen's way in and the Settings section — screenshots at 1280×800 and 1920×1080, light and dark.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type TendApp } from './fixtures';

test.setTimeout(180_000);

const FIXTURES = path.resolve('test', 'fixtures', 'capture');

/** Drags files over the window and drops them, as a user does from the file manager. */
async function dropFiles(page: Page, names: string[], options: { hold?: boolean } = {}) {
  const files = names.map((name) => ({ name, base64: fs.readFileSync(path.join(FIXTURES, name)).toString('base64') }));
  await page.evaluate(
    ({ files, hold }) => {
      const transfer = new DataTransfer();
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name));
      }
      const target = document.querySelector('main') ?? document.body;
      const fire = (type: string) => target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      fire('dragenter');
      fire('dragover');
      if (!hold) fire('drop');
      (window as unknown as { __heldDrop?: () => void }).__heldDrop = () => fire('drop');
    },
    { files, hold: !!options.hold },
  );
}

/** axe finds nothing on the capture screen, in light and in dark. */
async function accessible(page: Page) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).include('.capture-screen').analyze();
    expect(violations.map((v) => `${scheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

function book(tend: TendApp) {
  const s = tend.services;
  const acme = s.accounts.create({ name: 'Acme Logistics', segment: 'enterprise', stage: 'adoption', mrrCents: 900_000, domains: ['acme.com'], renewalDate: '2027-02-01' });
  const globex = s.accounts.create({ name: 'Globex Corporation', segment: 'mid_market', stage: 'adoption', mrrCents: 400_000, domains: ['globex.com'] });
  const initech = s.accounts.create({ name: 'Initech', segment: 'smb', stage: 'onboarding', mrrCents: 90_000, website: 'https://initech.com' });
  const dana = s.contacts.create({ accountId: acme.id, name: 'Dana Ruiz', email: 'dana.ruiz@acme.com', title: 'Director of Operations', level: 'director', strength: 2 });
  s.contacts.create({ accountId: acme.id, name: 'Ken Watts', email: 'ken.watts@acme.com', level: 'ic', isUser: true, strength: 3 });
  s.contacts.create({ accountId: globex.id, name: 'Hans Becker', email: 'hans.becker@globex.com', level: 'vp', strength: 3 });
  s.contacts.create({ accountId: initech.id, name: 'Priya Shah', email: 'priya.shah@initech.com', level: 'c_level', strength: 3 });
  s.capture.saveSettings({ myDomains: ['brightloop.io'], keepBody: false, timeZone: 'America/New_York' });
  return { acme, globex, initech, dana };
}

const scoreOf = (tend: TendApp, id: number) => tend.services.accounts.list().find((a) => a.id === id)!.score;

test('a calendar dropped on the window is previewed, one occurrence left out, logged, and shows on the timeline with the score moved', async ({ tend, consoleErrors }) => {
  const { page } = tend;
  const { acme, globex } = book(tend);
  const before = scoreOf(tend, acme.id)!;
  await tend.open('/portfolio');
  await expect(page.getByRole('link', { name: 'Acme Logistics' })).toBeVisible();

  // Dragging over the window shows what a drop will do.
  await dropFiles(page, ['google-calendar.ics'], { hold: true });
  await expect(page.getByText('Drop to capture')).toBeVisible();
  await tend.shots('capture-0-dragging');
  await page.evaluate(() => (window as unknown as { __heldDrop: () => void }).__heldDrop());
  await expect(page).toHaveURL(/#\/capture$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Capture from files' })).toBeVisible();

  // The preview: seven meetings to log, what is not logged, who is new, who Tend could not place.
  const grid = page.getByRole('grid', { name: 'Meetings and e-mails found' });
  await expect(grid.locator('[data-status="new"]')).toHaveCount(7);
  await expect(page.getByRole('tab', { name: /To log/ })).toContainText('7');
  await expect(page.getByRole('tab', { name: /No account/ })).toContainText('1');
  await expect(page.locator('.capture-tile').first()).toContainText('7');
  await expect(page.getByRole('region', { name: /New people at your accounts/ })).toContainText('Mira Okafor');
  await expect(page.getByRole('region', { name: /People Tend could not place/ })).toContainText('bruce@wayne-enterprises.com');
  await expect(grid.locator('[data-status="new"]').first()).toContainText('Acme Logistics');
  await expect(grid.locator('[data-status="new"]').first()).toContainText('Dana Ruiz');
  await tend.shots('capture-1-preview');
  await accessible(page);

  // Not logged, with the reasons.
  await page.getByRole('tab', { name: /Not logged/ }).click();
  await expect(grid).toContainText('declined by sam.lee@brightloop.io');
  await expect(grid).toContainText('only people from your own domains');
  await expect(grid).toContainText('Cancelled');
  await tend.shots('capture-2-not-logged');
  await page.getByRole('tab', { name: /To log/ }).click();

  // Leave the first occurrence out; the button counts what will be logged.
  const first = page.getByRole('checkbox', { name: 'Log “Acme weekly rollout sync” on Oct 6, 2026 · 10:00' });
  await expect(first).toBeChecked();
  await first.uncheck();
  await expect(page.locator('.capture-tile').first()).toContainText('6');
  const log = page.getByRole('button', { name: /^Log 6 touches and 1 contact/ });
  await expect(log).toBeEnabled();
  await log.click();

  // The result: six touches on two accounts, Mira added, Acme's score moved.
  const result = page.getByRole('status').filter({ hasText: 'Captured' });
  await expect(result).toContainText('6 touches logged on 2 accounts · 1 contact added');
  const after = scoreOf(tend, acme.id)!;
  expect(after).toBeGreaterThan(before);
  await expect(page.getByTestId(`capture-score-${acme.id}`)).toHaveText(`${before} → ${after}`);
  await tend.shots('capture-3-result');
  await accessible(page);

  // In the database: six touches from the calendar, the excluded one absent, a capture batch.
  const rows = tend.db.sqlite.prepare("SELECT occurred_at AS at FROM touches WHERE account_id = ? AND source = 'calendar' ORDER BY occurred_at").all(acme.id) as { at: string }[];
  expect(rows.map((r) => r.at)).toEqual(['2026-10-20T10:00', '2026-10-28T14:00', '2026-11-10T10:00', '2026-11-17T10:00', '2026-11-24T10:00']);
  expect(tend.services.importer.list()[0]).toMatchObject({ kind: 'capture', fileName: 'google-calendar.ics' });

  // The account page: the meetings on the timeline and the new score in the header.
  await page.getByRole('link', { name: 'Acme Logistics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Logistics' })).toBeVisible();
  await expect(page.locator('.score-big')).toHaveText(String(after));
  const meetings = page.locator('.tl-item[data-kind="touch"]').filter({ hasText: 'Acme weekly rollout sync' });
  await expect(meetings.locator('.tl-date')).toHaveText(['2026-11-24', '2026-11-17', '2026-11-10', '2026-10-28', '2026-10-20']);
  await expect(meetings.first()).toContainText('Meeting · Dana Ruiz');
  await expect(page.getByText('Acme weekly rollout sync (moved)')).toBeVisible();
  await tend.shots('capture-4-timeline', () => page.getByText('Acme weekly rollout sync (moved)').scrollIntoViewIfNeeded());
  expect(scoreOf(tend, globex.id)).not.toBeNull();
  expect(consoleErrors).toEqual([]);
});

test('a mailbox and an Outlook message bring a relationship hint, accepted on the map; a suggested domain is added; Undo takes a capture back', async ({ tend, consoleErrors }) => {
  const { page } = tend;
  const { acme, initech, dana } = book(tend);
  await tend.open('/import');
  // The Import screen's way in.
  await page.getByRole('link', { name: 'Capture from calendar & mail files…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Capture from files' })).toBeVisible();
  await expect(page.getByText('Drop files anywhere on this window')).toBeVisible();
  await tend.shots('capture-5-start');

  await dropFiles(page, ['google-calendar.ics', 'thunderbird-inbox.mbox', 'outlook-message.msg', 'broken.ics']);
  const grid = page.getByRole('grid', { name: 'Meetings and e-mails found' });
  await expect(grid.locator('[data-status="new"]')).toHaveCount(12);
  await expect(page.getByRole('region', { name: /New people at your accounts/ })).toContainText('Head of IT');
  await expect(page.getByRole('region', { name: /Could not be read/ })).toContainText('broken.ics · event “Acme data migration” at line 13');
  await tend.shots('capture-6-mail-preview');
  await page.getByRole('button', { name: /^Log 12 touches and 2 contacts/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Captured' })).toContainText('relationship hint');

  // The hint on Acme's relationship map: Dana reached often and recently → strong.
  await tend.open(`/accounts/${acme.id}`);
  const hints = page.getByLabel('Relationship hints');
  await expect(hints).toContainText('Dana Ruiz medium → strong');
  await expect(hints).toContainText('touches in the last 90 days, the latest today');
  await tend.shots('capture-7-hint', () => hints.scrollIntoViewIfNeeded());
  expect(tend.services.contacts.listForAccount(acme.id).find((c) => c.id === dana.id)!.strength).toBe(2);
  // Ken is rated strong but nobody reached him: the reverse.
  await expect(hints).toContainText('Ken Watts strong → medium');
  await page.getByRole('button', { name: 'Accept: Dana Ruiz medium → strong' }).click();
  await expect(hints).not.toContainText('Dana Ruiz');
  await expect(page.locator('#person-' + dana.id).locator('xpath=ancestor::*[@role="cell"]')).toHaveClass(/strong-col/);
  expect(tend.services.contacts.listForAccount(acme.id).find((c) => c.id === dana.id)!.strength).toBe(3);

  // Initech: its website's domain is suggested; a click adds it.
  await tend.open(`/accounts/${initech.id}`);
  const domains = page.getByLabel('E-mail domains');
  await expect(domains.getByRole('button', { name: /\+ initech\.com/ })).toBeVisible();
  await tend.shots('capture-8-domains', () => domains.scrollIntoViewIfNeeded());
  await domains.getByRole('button', { name: /\+ initech\.com/ }).click();
  await expect(domains.getByRole('button', { name: 'Remove initech.com' })).toBeVisible();
  expect(tend.services.accounts.get(initech.id).account.domains).toEqual(['initech.com']);
  await domains.getByLabel('Add an e-mail domain').fill('gmail.com');
  await domains.getByRole('button', { name: 'Add' }).click();
  await expect(domains.getByRole('alert')).toContainText('gmail.com is a public mail domain');

  // Undo: a second capture (the Apple calendar) taken back from its result.
  await tend.open('/capture');
  const count = (table: string) => tend.db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  const before = { touches: count('touches'), contacts: count('contacts') };
  await dropFiles(page, ['apple-calendar.ics']);
  // Tom Baker is at initech.com, the domain just added: offered as a new contact.
  await expect(page.getByRole('region', { name: /New people at your accounts/ })).toContainText('Tom Baker');
  await page.getByRole('button', { name: /^Log 3 touches and 1 contact/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Captured' })).toContainText('3 touches logged on 2 accounts · 1 contact added');
  await page.getByRole('button', { name: 'Undo capture' }).click();
  await expect(page.getByText(/Undid capture #\d+: removed 4 rows\./)).toBeVisible();
  expect({ touches: count('touches'), contacts: count('contacts') }).toEqual(before);
  expect(consoleErrors).toEqual([]);
});

test('Settings has a Capture section: My domains, keeping bodies and the time zone, saved on their own', async ({ tend }) => {
  const { page } = tend;
  book(tend);
  await tend.open('/settings');
  const section = page.getByRole('region', { name: 'Capture from calendar and mail files' });
  await expect(section.getByLabel('My domains')).toHaveValue('brightloop.io');
  await section.getByLabel('My domains').fill('brightloop.io\nBrightLoop.co.uk');
  await section.getByRole('checkbox', { name: /Keep the first 500 characters/ }).check();
  await section.getByLabel('Date touches in').selectOption('Europe/Berlin');
  await tend.shots('capture-9-settings', () => section.scrollIntoViewIfNeeded());
  await section.getByRole('button', { name: 'Save capture settings' }).click();
  await expect(section.getByRole('status')).toHaveText('Saved. The next capture uses these.');
  expect(tend.services.capture.settings()).toEqual({ myDomains: ['brightloop.io', 'brightloop.co.uk'], keepBody: true, timeZone: 'Europe/Berlin' });
  await section.getByLabel('My domains').fill('brightloop.io\nnot a domain');
  await section.getByRole('button', { name: 'Save capture settings' }).click();
  await expect(section.getByRole('alert')).toHaveText('“not” is not a domain; write one per line, such as yourcompany.com.');
});
