// Every overlay and confirmation is the one dialog primitive (renderer/components/Dialog.tsx): from
// the keyboard, Tab and Shift+Tab never leave an open dialog, Escape closes it from any element
// inside, and focus goes back to the control that opened it. Also: quick capture's date (today by
// default, Yesterday, or a typed/picked date) and the polite announcer that speaks the result.
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { AS_OF, expect, test, type TendApp } from './fixtures';

test.describe.configure({ timeout: 180_000 });

const ACCOUNTS_CSV = path.resolve('test', 'fixtures', 'salesforce', 'sf_workshop_Account.csv');

/** The aria-label of the open dialog that holds the focused element, or null if focus is outside every open dialog. */
const focusedDialog = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const dialog = el?.closest('dialog[open]');
    // On a control inside the dialog, not on the dialog's frame.
    return dialog && dialog !== el ? dialog.getAttribute('aria-label') : null;
  });

/**
 * Opens the dialog `name` with `open` while `opener` has focus, then checks: Tab and Shift+Tab 20×
 * each stay inside; Escape after `escapeAfterTabs` Tabs (an element deep inside) closes it; focus is
 * back on the opener. Runs twice, so Escape is pressed from two different elements.
 */
async function checkDialog(
  page: Page,
  { name, opener, open, role = 'dialog', stops = 2 }: { name: string; opener: Locator; open(): Promise<void>; role?: 'dialog' | 'alertdialog'; stops?: number },
) {
  for (const [tabs, shift] of [
    [20, false],
    [7, true],
  ] as const) {
    await opener.focus();
    await open();
    const dialog = page.getByRole(role, { name });
    await expect(dialog).toBeVisible();
    await expect.poll(() => focusedDialog(page), { message: `focus starts inside ${name}` }).toBe(name);
    const seen = new Set<string>();
    for (let i = 0; i < tabs; i++) {
      await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
      expect(await focusedDialog(page), `${shift ? 'Shift+' : ''}Tab ${i + 1} in ${name}`).toBe(name);
      seen.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''));
    }
    // Tab moved focus between the dialog's controls (not stuck on one).
    expect(seen.size, `controls reached in ${name}`).toBeGreaterThanOrEqual(stops);
    // The page behind is inert (showModal): a click on it lands on the backdrop, not on the page.
    expect(await page.evaluate(() => document.querySelector('dialog[open]')?.matches(':modal') ?? false)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener, `focus returns to the opener of ${name}`).toBeFocused();
  }
}

function accountWithRenewal(tend: TendApp) {
  return tend.services.accounts.list().find((a) => a.name === 'Kestrel Security') ?? tend.services.accounts.list()[0];
}

test('keyboard: palette, quick capture, shortcuts and New account keep focus inside, close on Escape, return focus', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  await tend.open('/portfolio');
  await expect(page.getByTestId('portfolio-count')).toBeVisible();
  const portfolioLink = page.getByRole('link', { name: /Portfolio/ }).first();

  await checkDialog(page, { name: 'Command palette', opener: portfolioLink, open: () => page.keyboard.press('Control+k'), stops: 1 });
  await checkDialog(page, { name: 'Quick capture', opener: portfolioLink, open: () => page.keyboard.press('Control+l') });
  await checkDialog(page, { name: 'Keyboard shortcuts', opener: portfolioLink, open: () => page.keyboard.press('?'), stops: 1 });
  const newAccount = page.getByRole('button', { name: 'New account' });
  await checkDialog(page, { name: 'New account', opener: newAccount, open: () => page.keyboard.press('Enter') });

  // A dialog opened from another (palette → New account) returns focus to the palette's opener.
  await portfolioLink.focus();
  await page.keyboard.press('Control+k');
  await expect.poll(() => focusedDialog(page)).toBe('Command palette');
  await page.keyboard.type('New account');
  await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('option').first()).toContainText('New account');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New account' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(portfolioLink).toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test('keyboard: QBR export, money dialogs and the undo-import confirmation keep focus inside, close on Escape, return focus', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  const account = accountWithRenewal(tend);
  await tend.open(`/accounts/${account.id}`);
  await expect(page.getByRole('heading', { level: 1, name: account.name })).toBeVisible();

  const exportQbr = page.getByRole('button', { name: 'Export QBR…' });
  await checkDialog(page, { name: 'Export QBR', opener: exportQbr, open: () => page.keyboard.press('Enter') });
  const logTouch = page.getByRole('button', { name: /Log touch/ });
  await checkDialog(page, { name: 'Quick capture', opener: logTouch, open: () => page.keyboard.press('Enter') });

  await tend.open('/renewals');
  const close = page.getByRole('button', { name: 'Close…' }).first();
  await expect(close).toBeVisible();
  await checkDialog(page, { name: 'Close the renewal', opener: close, open: () => page.keyboard.press('Enter') });

  await tend.services.importer.run({ kind: 'accounts', file: ACCOUNTS_CSV });
  await tend.open('/import');
  const undo = page.getByRole('button', { name: /^Undo import #\d+$/ }).first();
  await expect(undo).toBeVisible();
  await checkDialog(page, { name: (await undo.getAttribute('aria-label'))!.replace(/$/, '?'), role: 'alertdialog', opener: undo, open: () => page.keyboard.press('Enter') });
  expect(consoleErrors).toEqual([]);
});

test('quick capture logs a touch today by default, yesterday, or on a date typed in the picker — and announces it', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  const account = tend.services.accounts.list().find((a) => !a.archived)!;
  await tend.open(`/accounts/${account.id}`);
  await expect(page.getByRole('heading', { level: 1, name: account.name })).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'Quick capture' });
  const latest = () => tend.services.touches.listForAccount(account.id).find((t) => t.summary.startsWith('Dated touch'));
  const log = async (summary: string, pick: () => Promise<void>) => {
    await page.getByRole('button', { name: /Log touch/ }).click();
    await expect(dialog).toBeVisible();
    await pick();
    await dialog.getByLabel('Summary').fill(summary);
    await dialog.getByLabel('Summary').press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect.poll(() => tend.services.touches.listForAccount(account.id).find((t) => t.summary === summary)?.occurredAt).toBeTruthy();
    return tend.services.touches.listForAccount(account.id).find((t) => t.summary === summary)!;
  };

  // Today by default.
  const today = await log('Dated touch: today', async () => {
    await expect(dialog.getByRole('radio', { name: 'Today' })).toHaveAttribute('aria-checked', 'true');
    await expect(dialog.getByLabel('Date of the touch')).toHaveValue(AS_OF);
  });
  expect(today.occurredAt.slice(0, 10)).toBe(AS_OF);

  // Yesterday: one click, and the date field follows.
  const yesterday = await log('Dated touch: yesterday', async () => {
    await dialog.getByRole('radio', { name: 'Yesterday' }).click();
    await expect(dialog.getByLabel('Date of the touch')).toHaveValue('2026-11-23');
    await tend.shots('quick-capture-yesterday');
  });
  expect(yesterday.occurredAt.slice(0, 10)).toBe('2026-11-23');
  // The toast says the date, and the polite live region speaks it.
  await expect(page.locator('.toast')).toContainText(`Touch logged on ${account.name} for 2026-11-23`);
  await expect(page.locator('[data-announcer]').last()).toHaveAttribute('data-announced', new RegExp(`^Touch logged on ${account.name} for 2026-11-23`));

  // A date typed in the date field (one Tab stop; ↓ steps back a day), then the future refused.
  const typed = await log('Dated touch: typed', async () => {
    const field = dialog.getByLabel('Date of the touch');
    await field.fill('2026-11-10');
    await field.press('ArrowDown');
    await expect(field).toHaveValue('2026-11-09');
    await expect(dialog.getByRole('radio', { name: 'Today' })).toHaveAttribute('aria-checked', 'false');
  });
  expect(typed.occurredAt.slice(0, 10)).toBe('2026-11-09');

  await page.getByRole('button', { name: /Log touch/ }).click();
  await dialog.getByLabel('Date of the touch').fill('2026-12-01');
  await dialog.getByLabel('Summary').fill('Dated touch: future');
  await expect(dialog.getByText('On or before 2026-11-24.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Log touch' })).toBeDisabled();
  await page.keyboard.press('Escape');
  expect(latest()).toBeTruthy();
  expect(tend.services.touches.listForAccount(account.id).some((t) => t.summary === 'Dated touch: future')).toBe(false);
  expect(consoleErrors).toEqual([]);
});
