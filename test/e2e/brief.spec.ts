// The account brief on the account page (key b) in the real renderer over the real router and a real
// SQLite file: what it shows is the account's own data, it opens and closes from the keyboard, axe
// finds nothing in light or dark, and Export PDF… writes the one-page brief. Screenshots:
// test-results/screens/brief-panel-*.png.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 180_000 });

test('b opens the brief of the account: renewal, follow-ups, last touches, people; b closes it', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  const granite = tend.services.accounts.list().find((a) => a.name === 'Granite Peak Construction')!;
  const brief = await tend.router.call('brief.get', { accountId: granite.id });
  await tend.open(`/accounts/${granite.id}`);
  await expect(page.getByRole('heading', { name: 'Granite Peak Construction', level: 1 })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('b');
  const panel = page.getByRole('dialog', { name: 'Brief: Granite Peak Construction' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(brief.renewal!.dueDate);
  await expect(panel).toContainText(brief.touches[0].summary);
  await expect(panel).toContainText(brief.followUps[0].title);
  await expect(panel).toContainText(`Last touches (5 of ${brief.touchCount})`);
  for (const p of brief.people) await expect(panel).toContainText(p.name);
  if (brief.triageCase) await expect(panel).toContainText('Triage case');
  await tend.shots('brief-panel');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).include('.brief-panel').analyze();
    expect(violations.map((v) => `${scheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await page.keyboard.press('b');
  await expect(panel).toHaveCount(0);
  // The button opens it too; Escape closes it without leaving the account.
  await page.getByRole('button', { name: /^Brief/ }).click();
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/accounts/${granite.id}$`));
  expect(consoleErrors).toEqual([]);
});

test('Today lists the meetings captured for today, each a link to its account’s brief', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  const granite = tend.services.accounts.list().find((a) => a.name === 'Granite Peak Construction')!;
  // A meeting at 14:30 today, as `tend capture` lands one from an .ics file.
  tend.db.sqlite
    .prepare("INSERT INTO touches (account_id, type, occurred_at, summary, source, external_ref) VALUES (?, 'meeting', ?, ?, 'calendar', ?)")
    .run(granite.id, '2026-11-24T14:30', 'Renewal check-in with Walter', 'ics:e2e-brief-1');
  await tend.open('/today');
  const meetings = page.getByRole('region', { name: /Meetings today/ });
  await expect(meetings).toBeVisible({ timeout: 30_000 });
  await expect(meetings).toContainText('14:30');
  await expect(meetings).toContainText('Renewal check-in with Walter');
  await tend.shots('brief-meetings-today');
  await meetings.getByRole('link', { name: 'Brief: Granite Peak Construction' }).click();
  await expect(page.getByRole('dialog', { name: 'Brief: Granite Peak Construction' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/accounts/${granite.id}\\?brief=1$`));
  expect(consoleErrors).toEqual([]);
});
