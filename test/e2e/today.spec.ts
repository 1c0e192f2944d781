// Today (issues 17.4, 17.5, 18.1) in real Chromium over the real router and the sample book: one
// listbox of account groups, the keyboard flow (move, done, snooze tomorrow / next week / a date,
// multi-step undo, the row menu, open an account and come back with the selection kept), Tab moving
// between regions, the sidebar's count, landing on Today, and axe in light and dark.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { nextWeek } from '../../shared/today/snooze';
import { AS_OF, expect, test, type TendApp } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const reminderRow = (tend: TendApp, id: number) =>
  tend.db.sqlite.prepare('SELECT done_at AS doneAt, closed_by AS closedBy, snoozed_until AS snoozedUntil FROM reminders WHERE id = ?').get(id) as {
    doneAt: string | null;
    closedBy: string | null;
    snoozedUntil: string | null;
  };

/** The selected option's key (aria-activedescendant of the list). */
async function selectedKey(page: Page): Promise<string | null> {
  const list = page.getByRole('listbox', { name: /Due today/ });
  const id = await list.getAttribute('aria-activedescendant');
  return id ? page.locator(`#${id}`).getAttribute('data-key') : null;
}

async function selectedReminderId(page: Page): Promise<number> {
  const list = page.getByRole('listbox', { name: /Due today/ });
  const id = await list.getAttribute('aria-activedescendant');
  return Number(await page.locator(`#${id}`).getAttribute('data-reminder-id'));
}

test.describe('Today', () => {
  test.setTimeout(180_000);

  test('Today accessibility: axe finds no WCAG 2.1 A/AA violation in light and dark, with the row menu open too', async ({ tend, page, consoleErrors }) => {
    await tend.router.call('demo.load', {});
    await tend.open('/today');
    const list = page.getByRole('listbox', { name: /Due today/ });
    await expect(list).toBeFocused();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(violations.map((v) => `${scheme}: ${v.id} ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.keyboard.press('m');
      await expect(page.getByRole('menu')).toBeVisible();
      const menu = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(menu.violations.map((v) => `${scheme} menu: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('menu')).toBeHidden();
      await expect(list).toBeFocused();
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(consoleErrors).toEqual([]);
  });

  test('groups by account, most pressing first, with ARR and health; screenshots', async ({ tend, page, consoleErrors }) => {
    await tend.router.call('demo.load', {});
    const view = await tend.router.call('today.get', {});
    await tend.open('/today');
    const groups = page.getByRole('listbox', { name: /Due today/ }).getByRole('group');
    await expect(groups).toHaveCount(view.groups.length);
    // The first group is the most pressing account, named with its ARR and health.
    const top = view.groups[0];
    await expect(groups.first()).toHaveAccessibleName(new RegExp(`^${top.accountName} \\$[\\d,]+ ARR, health `));
    await expect(groups.first().getByRole('option')).toHaveCount(top.items.length);
    // One option per item, no buttons inside the list.
    await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(view.groups.reduce((n, g) => n + g.items.length, 0));
    await expect(page.getByRole('listbox').getByRole('button')).toHaveCount(0);
    // A renewal counts down from the renewal date.
    const renewal = page.getByRole('option').filter({ hasText: /^Renewal/ }).first();
    await expect(renewal).toContainText(/renews (in \d+ days|today|tomorrow)/);
    await expect(renewal).not.toContainText('overdue');
    // The sidebar's count.
    await expect(page.getByRole('link', { name: /Today/ }).locator('.nav-badge')).toHaveText(String(view.total));
    await tend.shots('today-groups');
    await page.keyboard.press('m');
    await tend.shots('today-menu');
    expect(consoleErrors).toEqual([]);
  });

  test('keyboard flow: done, snooze tomorrow / next week / a date, undo many steps, menu, open and come back', async ({ tend, page, consoleErrors }) => {
    await tend.router.call('demo.load', {});
    await tend.open('/today');
    const list = page.getByRole('listbox', { name: /Due today/ });
    await expect(list).toBeFocused();
    const first = await selectedKey(page);
    expect(first).toBe(await page.getByRole('option').first().getAttribute('data-key'));

    // Arrows move within the list; the selection is one option.
    await page.keyboard.press('ArrowDown');
    const second = await selectedKey(page);
    expect(second).not.toBe(first);
    await expect(page.locator('[role="option"][aria-selected="true"]')).toHaveCount(1);
    await page.keyboard.press('ArrowUp');
    expect(await selectedKey(page)).toBe(first);

    // d: done, by the CSM.
    const done = await selectedReminderId(page);
    await page.keyboard.press('d');
    await expect(page.locator(`[data-reminder-id="${done}"]`)).toHaveCount(0);
    expect(reminderRow(tend, done)).toMatchObject({ closedBy: 'user' });
    await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toBeVisible();
    await expect(page.locator('.today-summary')).toContainText('1 done today');

    // s, Enter: snooze to tomorrow.
    const snoozedTomorrow = await selectedReminderId(page);
    await page.keyboard.press('s');
    await expect(page.getByRole('menu', { name: /^Snooze / })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: /Tomorrow/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator(`[data-reminder-id="${snoozedTomorrow}"]`)).toHaveCount(0);
    expect(reminderRow(tend, snoozedTomorrow).snoozedUntil).toBe('2026-11-25');
    await expect(list).toBeFocused();

    // s, ↓, Enter: next week.
    const snoozedWeek = await selectedReminderId(page);
    await page.keyboard.press('s');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.locator(`[data-reminder-id="${snoozedWeek}"]`)).toHaveCount(0);
    expect(reminderRow(tend, snoozedWeek).snoozedUntil).toBe(nextWeek(AS_OF));

    // s, a: a date.
    const snoozedDate = await selectedReminderId(page);
    await page.keyboard.press('s');
    await page.keyboard.press('a');
    const form = page.getByRole('form', { name: /until a date/ });
    await expect(form.getByLabel('Snooze until')).toBeFocused();
    await form.getByLabel('Snooze until').fill('2026-12-15');
    await form.getByRole('button', { name: 'Snooze' }).click();
    await expect(page.locator(`[data-reminder-id="${snoozedDate}"]`)).toHaveCount(0);
    expect(reminderRow(tend, snoozedDate).snoozedUntil).toBe('2026-12-15');

    // u, u, u, u: four steps back, newest first.
    await expect(page.getByRole('button', { name: /Undo \(4 steps\)/ })).toBeVisible();
    await page.keyboard.press('u');
    await expect(page.locator(`[data-reminder-id="${snoozedDate}"]`)).toHaveCount(1);
    await page.keyboard.press('u');
    await expect(page.locator(`[data-reminder-id="${snoozedWeek}"]`)).toHaveCount(1);
    await page.keyboard.press('u');
    await expect(page.locator(`[data-reminder-id="${snoozedTomorrow}"]`)).toHaveCount(1);
    await page.keyboard.press('u');
    await expect(page.locator(`[data-reminder-id="${done}"]`)).toHaveCount(1);
    expect(reminderRow(tend, done)).toMatchObject({ doneAt: null, closedBy: null });
    expect(reminderRow(tend, snoozedWeek).snoozedUntil).toBeNull();

    // The row menu: m opens it on the item's actions, Esc gives focus back.
    await page.keyboard.press('m');
    const menu = page.getByRole('menu', { name: /^Actions for / });
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await expect(menu.getByRole('menuitem', { name: /Open the account/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(list).toBeFocused();

    // Tab leaves the list for the next region (not row by row).
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Actions for the selected item…' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(list).toBeFocused();

    // Enter opens the account; Esc comes back to Today with the same item selected.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const kept = await selectedKey(page);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/accounts\/\d+/);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Today');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await expect(list).toBeFocused();
    expect(await selectedKey(page)).toBe(kept);
    expect(consoleErrors).toEqual([]);
  });

  test('opens on Today when something is due, unless turned off', async ({ tend, page }) => {
    await tend.router.call('demo.load', {});
    await tend.open('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await page.getByLabel('Open Tend on Today when something is due').uncheck();
    await expect.poll(async () => (await tend.router.call('today.preferences', {})).openOnToday).toBe(false);
    await tend.open('/');
    await expect(page).toHaveURL(/#\/portfolio/);
  });
});
