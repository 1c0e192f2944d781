// The account page's header and flags at the sizes a CSM works at: a long name wraps (never cut
// with an ellipsis), and the flags read most severe first.
import { SEVERITIES } from '../../shared/domain';
import { expect, test } from './fixtures';

test('wraps a long account name instead of cutting it, and lists flags most severe first', async ({ tend, page }) => {
  await tend.router.call('demo.load', {});
  const account = tend.services.accounts.list().find((a) => a.externalId === 'DEMO-012')!;
  const name = `${account.name} and Sons Regional Holdings Limited Partnership`;
  await tend.router.call('accounts.update', { id: account.id, patch: { name } });
  await page.setViewportSize({ width: 1440, height: 900 });
  await tend.open(`/accounts/${account.id}`);
  const heading = page.getByRole('heading', { level: 1, name });
  await expect(heading).toBeVisible();
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    // The whole name is on screen: the heading is as wide as its text needs (no overflow hidden).
    const cut = await heading.evaluate((h) => h.scrollWidth > h.clientWidth + 1);
    expect(cut).toBe(false);
    expect(await heading.evaluate((h) => getComputedStyle(h).textOverflow)).not.toBe('ellipsis');
  }
  const severities = await page.locator('.flag-list > li .flag-chip').allTextContents();
  expect(severities.length).toBeGreaterThan(1);
  const ranks = severities.map((s) => SEVERITIES.indexOf(s.trim() as (typeof SEVERITIES)[number]));
  expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  await tend.shots('account-long-name');
});
