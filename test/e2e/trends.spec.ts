// The Trends screen (Ctrl/⌘+7) in the real renderer over the real router and a real SQLite file:
// an empty book says what to do, the sample book's charts are images with text summaries that
// nothing inside takes focus from, the portfolio's filters narrow the months to those accounts, and
// axe finds nothing in light or dark. Screenshots: test-results/screens/trends-*.png.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 180_000 });

test('an empty book says there are no trends yet and offers the sample book', async ({ tend, page, consoleErrors }) => {
  await tend.open('/trends');
  await expect(page.getByRole('heading', { name: 'No trends yet' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Load the sample book' })).toBeVisible();
  await tend.shots('trends-empty');
  await page.getByRole('button', { name: 'Load the sample book' }).click();
  await expect(page.getByRole('img', { name: /^ARR at month end: / })).toBeVisible({ timeout: 30_000 });
  expect(consoleErrors).toEqual([]);
});

test('shows the sample book month by month, follows the portfolio filters, and is axe-clean', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  await tend.open('/portfolio');
  await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Control+7');
  await expect(page).toHaveURL(/#\/trends$/);

  const whole = await tend.router.call('trends.get', {});
  const charts = page.locator('.trend-grid [role="img"]');
  await expect(charts).toHaveCount(9, { timeout: 30_000 });
  await expect(page.locator('.screen-header p')).toContainText('12 months through Nov 26, each month measured at its end · all 59 accounts');
  // Each chart says in words what it draws: the NPS one names every month's responses.
  const nps = page.getByRole('img', { name: /^NPS: / });
  const last = whole.months[whole.months.length - 1];
  await expect(nps).toHaveAttribute('aria-label', new RegExp(`Nov 26 ${last.npsResponses}`));
  // Charts are pictures, not controls: nothing inside one takes focus.
  // (recharts marks its SVG parts tabindex="-1": reachable by script, never by Tab.)
  const tabbable = await page
    .locator('.trend-grid [tabindex]:not([tabindex^="-"]), .trend-grid a, .trend-grid button, .trend-grid input')
    .evaluateAll((els) => els.map((el) => `${el.tagName}.${el.getAttribute('class')}[${el.getAttribute('tabindex')}]`));
  expect(tabbable).toEqual([]);
  await page.locator('.recharts-surface').first().waitFor();
  await tend.shots('trends', () => page.waitForTimeout(100));

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).include('.trends-screen').analyze();
    expect(violations.map((v) => `${scheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The portfolio's filters: Enterprise only. The months are those of the enterprise accounts.
  await page.getByRole('button', { name: /^Segment:/ }).click();
  await page.getByRole('group', { name: 'Segment' }).getByRole('checkbox', { name: 'Enterprise', exact: true }).click();
  await page.keyboard.press('Escape');
  const enterprise = tend.services.accounts.list().filter((a) => a.segment === 'enterprise').map((a) => a.id);
  const filtered = await tend.router.call('trends.get', { accountIds: enterprise });
  await expect(page.locator('.screen-header p')).toContainText(`${enterprise.length} of 59 accounts (portfolio filters)`);
  const arr = (cents: number) => `$${(cents / 100_000_000).toFixed(2)}M`;
  expect(filtered.months.at(-1)!.arr).toBeLessThan(whole.months.at(-1)!.arr);
  await expect(page.locator('.money-tiles dd').first()).toContainText(arr(filtered.months.at(-1)!.arr));
  await tend.shots('trends-enterprise');

  // 24 months.
  await page.getByRole('button', { name: '24 months' }).click();
  await expect(page.locator('.screen-header p')).toContainText('24 months through Nov 26');
  expect(consoleErrors).toEqual([]);
});
