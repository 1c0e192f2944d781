// axe-core (WCAG 2.0/2.1 A and AA rules) in real Chromium at 1440×900 on the sample book, in light and
// dark, over every screen and overlay except Today (Today's own accessibility test lives with it).
// Any violation fails the test, listed by rule and element.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type TendApp } from './fixtures';

test.describe.configure({ timeout: 240_000 });

const ACCOUNTS_CSV = path.resolve('test', 'fixtures', 'salesforce', 'sf_workshop_Account.csv');

/** Runs axe over the page (or just the open dialog) in light and dark; returns every violation, readable. */
async function violations(page: Page, what: string, include?: string): Promise<string[]> {
  const out: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(150); // charts re-read the theme colours
    let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
    if (include) builder = builder.include(include);
    const result = await builder.analyze();
    for (const v of result.violations) {
      for (const node of v.nodes) out.push(`${what} (${scheme}): ${v.id} at ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

async function sampleBook(tend: TendApp) {
  await tend.router.call('demo.load', {});
  await tend.page.setViewportSize({ width: 1440, height: 900 });
}

test('accessibility: Portfolio, an account, Renewals, Forecast, Settings and Capture have no axe violations', async ({ tend, page }) => {
  await sampleBook(tend);
  const account = tend.services.accounts.list().find((a) => a.name === 'Kestrel Security') ?? tend.services.accounts.list()[0];
  const screens: [string, string, () => Promise<void>][] = [
    ['Portfolio', '/portfolio', () => expect(page.getByTestId('portfolio-count')).toBeVisible()],
    ['Account', `/accounts/${account.id}`, () => expect(page.getByRole('heading', { level: 1, name: account.name })).toBeVisible()],
    ['Renewals', '/renewals', () => expect(page.getByRole('button', { name: 'Close…' }).first()).toBeVisible()],
    ['Forecast', '/forecast', () => expect(page.getByRole('table', { name: 'Forecast by month' })).toBeVisible()],
    ['Settings', '/settings', () => expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()],
    ['Capture', '/capture', () => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
  ];
  const found: string[] = [];
  for (const [name, route, ready] of screens) {
    await tend.open(route);
    await ready();
    await page.waitForTimeout(300);
    found.push(...(await violations(page, name)));
  }
  expect(found).toEqual([]);
});

test('accessibility: the Import steps and the undo-import confirmation have no axe violations', async ({ tend, page }) => {
  await sampleBook(tend);
  await tend.services.importer.run({ kind: 'accounts', file: ACCOUNTS_CSV });
  await tend.open('/import');
  await expect(page.getByRole('button', { name: /^Undo import #\d+$/ }).first()).toBeVisible();
  const found = await violations(page, 'Import: choose a file and history');
  // Steps 1–3: kind and file, matching the columns, the preview.
  await page.getByRole('radio', { name: /Accounts/ }).first().click();
  tend.platform.nextOpenFile = ACCOUNTS_CSV;
  await page.getByRole('button', { name: /^Choose (another )?file…$/ }).click();
  await expect(page.getByTestId('chosen-file')).toHaveText(/sf_workshop_Account/);
  found.push(...(await violations(page, 'Import step 1: kind and file')));
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await expect(page.getByRole('button', { name: 'Next: preview rows' })).toBeEnabled({ timeout: 30_000 });
  found.push(...(await violations(page, 'Import step 2: match columns')));
  await page.getByRole('button', { name: 'Next: preview rows' }).click();
  await page.waitForTimeout(1500);
  found.push(...(await violations(page, 'Import step 3: preview')));
  // Step 4: the result of landing the file (again: its rows are now unchanged or updated).
  await page.getByRole('button', { name: /^Import (all rows|\d[\d,]* rows?)$/ }).click();
  await expect(page.getByRole('heading', { name: /^Imported sf_workshop_Account/ })).toBeVisible({ timeout: 60_000 });
  found.push(...(await violations(page, 'Import step 4: result')));
  await page.reload(); // back to step 1, with the history below
  await page.getByRole('button', { name: /^Undo import #\d+$/ }).first().click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  found.push(...(await violations(page, 'Undo import confirmation')));
  await tend.screenshot('a11y-undo-import-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await tend.screenshot('a11y-undo-import-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(found).toEqual([]);
});

test('accessibility: palette, quick capture, shortcuts, New account, QBR export and the money dialogs (churn, bring back, MRR, renewal) have no axe violations', async ({ tend, page }) => {
  await sampleBook(tend);
  const account = tend.services.accounts.list().find((a) => a.name === 'Kestrel Security') ?? tend.services.accounts.list()[0];
  const found: string[] = [];
  const check = async (name: string, open: () => Promise<unknown>, role: 'dialog' | 'alertdialog' = 'dialog') => {
    await open();
    const dialog = page.getByRole(role, { name });
    await expect(dialog).toBeVisible();
    await page.waitForTimeout(200);
    found.push(...(await violations(page, name)));
    const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
    await tend.screenshot(`a11y-${slug}-light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await tend.screenshot(`a11y-${slug}-dark`);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  };

  await tend.open('/portfolio');
  await expect(page.getByTestId('portfolio-count')).toBeVisible();
  await check('Command palette', async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('a');
  });
  await check('Keyboard shortcuts', () => page.keyboard.press('?'));
  await check('New account', () => page.getByRole('button', { name: 'New account' }).click());

  await tend.open(`/accounts/${account.id}`);
  await expect(page.getByRole('heading', { level: 1, name: account.name })).toBeVisible();
  await check('Quick capture', () => page.getByRole('button', { name: /Log touch/ }).click());
  await check('Export QBR', () => page.getByRole('button', { name: 'Export QBR…' }).click());
  await check('Change MRR', () => page.locator('.details .inline-value', { hasText: '$' }).first().click());
  await check('Record a churn', async () => {
    await page.locator('.details .inline-field', { hasText: 'Stage' }).getByRole('button').click();
    await page.getByRole('combobox', { name: 'Stage' }).selectOption('churned');
    await page.getByRole('combobox', { name: 'Stage' }).blur();
  });

  // A churned account offers to bring the customer back.
  const churned = tend.services.accounts.list().find((a) => a.stage === 'churned');
  expect(churned, 'the sample book has a churned account').toBeTruthy();
  await tend.open(`/accounts/${churned!.id}`);
  await check('Bring the customer back', () => page.getByRole('button', { name: 'Bring back…' }).click());

  await tend.open('/renewals');
  await check('Close the renewal', () => page.getByRole('button', { name: 'Close…' }).first().click());
  expect(found).toEqual([]);
});
