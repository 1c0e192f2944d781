// The command palette ranks what the CSM typed: a contact whose whole name is the query comes before
// an account that merely contains it.
import { expect, test } from './fixtures';

test('ranks an exact contact name above an account that contains it', async ({ tend, page }) => {
  await tend.router.call('demo.load', {});
  await tend.router.call('accounts.create', { name: 'Dana Whitaker Consulting', segment: 'smb', stage: 'onboarding' });
  await tend.open('/portfolio');
  await expect(page.getByRole('heading', { name: /Portfolio/ })).toBeVisible();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').or(palette.locator('input')).first().fill('dana whitaker');
  const first = palette.locator('.palette-item').first();
  await expect(first).toContainText('Dana Whitaker');
  await expect(first).toContainText('Chief Financial Officer');
  await expect(palette.locator('.palette-item').nth(1)).toContainText('Dana Whitaker Consulting');
  await tend.screenshot('palette-exact-contact');
});
