// The renderer shell in Chromium over the real router: the empty state, the sample book in the
// portfolio, keyboard navigation, every screen — with a screenshot of each, light and dark.
import { expect, test } from './fixtures';

test('offers the sample book and Import CSV on an empty database', async ({ tend, consoleErrors }) => {
  await tend.open('/portfolio');
  await expect(tend.page.getByRole('heading', { name: 'Your book of business is empty' })).toBeVisible();
  await expect(tend.page.getByRole('button', { name: 'Import CSV' })).toBeVisible();
  await tend.screenshot('empty-state');
  await tend.page.getByRole('button', { name: 'Load the sample book' }).click();
  await expect(tend.page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
  // Churned accounts are out of the list unless asked for (the count line says how many).
  const count = tend.services.accounts.list().filter((a) => a.stage !== 'churned').length;
  expect(count).toBeGreaterThanOrEqual(40);
  await expect(tend.page.getByText(`${count} accounts`)).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('shows the demo book in the accounts list and walks it from the keyboard', async ({ tend, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  const names = tend.services.accounts.list().filter((a) => a.stage !== 'churned').map((a) => a.name);
  await tend.open('/portfolio');
  const rows = tend.page.getByRole('row');
  await expect(rows.nth(1)).toContainText(names[0]);
  await tend.screenshot('portfolio');

  await tend.page.keyboard.press('ArrowDown');
  await expect(tend.page.locator('.table-row.selected')).toContainText(names[1]);
  await tend.page.keyboard.press('Enter');
  await expect(tend.page.getByRole('heading', { level: 1, name: names[1] })).toBeVisible();
  await expect(tend.page.getByRole('heading', { name: /Contacts \(\d+\)/ })).toBeVisible();
  await tend.screenshot('account');
  await tend.page.keyboard.press('Escape');
  await expect(tend.page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();

  await tend.page.keyboard.press('/');
  await tend.page.keyboard.type(names[5].slice(0, 6));
  await expect(tend.page.getByRole('row').nth(1)).toContainText(names[5].slice(0, 6));
  await tend.page.keyboard.press('Escape');
  await expect(tend.page.getByText(`${names.length} accounts`)).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('switches screens with Ctrl+1…4 and renders each one', async ({ tend, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  await tend.open('/portfolio');
  await expect(tend.page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
  for (const [key, heading, shot] of [
    ['2', 'Today', 'today'],
    ['3', 'Import', 'import'],
    ['4', 'Settings', 'settings'],
    ['1', 'Portfolio', null],
  ] as const) {
    await tend.page.keyboard.press(`Control+${key}`);
    await expect(tend.page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    if (shot) await tend.screenshot(shot);
  }
  await tend.page.keyboard.press('Control+4');
  await expect(tend.page.getByRole('heading', { name: 'Health score weights' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('follows the OS into dark mode', async ({ tend, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await tend.router.call('demo.load', {});
  await tend.open('/portfolio');
  await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(22, 24, 22)');
  await tend.screenshot('portfolio-dark');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await tend.screenshot('portfolio-dark-1920');
});

test('shows a clear message for an account that does not exist', async ({ tend }) => {
  await tend.open('/accounts/9999');
  await expect(tend.page.getByRole('heading', { name: 'This account could not be shown' })).toBeVisible();
  await expect(tend.page.getByText('There is no account with id 9999')).toBeVisible();
});

test('lists every keyboard shortcut on ? (but ? still types in a text field)', async ({ tend, consoleErrors }) => {
  const { page } = tend;
  await tend.router.call('demo.load', {});
  await tend.open('/portfolio');
  await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const what of ['Command palette', 'Log a touch', 'New account', 'Snooze to tomorrow', 'Search accounts']) {
    await expect(sheet.getByText(what, { exact: false })).toBeVisible();
  }
  await tend.screenshot('shortcuts');
  await page.emulateMedia({ colorScheme: 'dark' });
  await tend.screenshot('shortcuts-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search accounts' }).click();
  await page.keyboard.type('what?');
  await expect(page.getByRole('searchbox', { name: 'Search accounts' })).toHaveValue('what?');
  await expect(sheet).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
