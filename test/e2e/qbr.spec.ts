// The QBR from the app: the account page's Export QBR button asks for a file (the tests' stand-in
// dialog), prints the print route to PDF, and says where it went. The print route is looked at too.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from './fixtures';

test.setTimeout(120_000);

test('exports the QBR of an account from its page for a period it picks, internal and customer copies', async ({ tend }) => {
  await tend.router.call('demo.load', {});
  const account = tend.services.accounts.list().find((a) => a.externalId === 'DEMO-001')!;
  await tend.open(`/accounts/${account.id}`);
  await expect(tend.page.getByRole('heading', { level: 1, name: account.name })).toBeVisible();

  // The dialog offers the quarter to date (the default on 24 November), the last full quarter and other dates.
  await tend.page.getByRole('button', { name: 'Export QBR…' }).click();
  const dialog = tend.page.getByRole('dialog', { name: 'Export QBR' });
  await expect(dialog.getByRole('radio', { name: /Q4 2026 to date/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /^Q3 2026/ }).check();
  await tend.shots('qbr-export-dialog');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  await expect(tend.page.getByText(/Saved the QBR to .*Harborview Freight QBR Q3 2026 \(internal\)\.pdf/)).toBeVisible({ timeout: 60_000 });
  const internal = tend.platform.saved.at(-1)!;
  expect(fs.existsSync(internal)).toBe(true);
  const text = execFileSync('pdftotext', [internal, '-'], { encoding: 'utf8' });
  expect(text).toContain('Harborview Freight');
  expect(text).toContain('2026-07-01 – 2026-09-30');

  await tend.page.getByRole('button', { name: 'Customer copy…' }).click();
  await expect(dialog.getByRole('radio', { name: /Customer copy/ })).toBeChecked();
  await dialog.getByRole('checkbox', { name: 'Include the health score' }).check();
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  await expect(tend.page.getByText(/Saved the QBR to .*Harborview Freight QBR Q4 2026 to date\.pdf/)).toBeVisible({ timeout: 60_000 });
  const customer = execFileSync('pdftotext', [tend.platform.saved.at(-1)!, '-'], { encoding: 'utf8' });
  expect(customer).toContain('Business review');
  expect(customer.toLowerCase()).toContain('health score');
  expect(customer.toLowerCase()).not.toContain('flags this period');
  expect(customer.toLowerCase()).not.toContain('subscription changes');
});

test('renders the print layout of a QBR and of the portfolio review', async ({ tend, page }) => {
  await tend.router.call('demo.load', {});
  await page.setViewportSize({ width: 900, height: 1200 });
  await tend.open('/print/qbr/12?from=2026-10-01&to=2026-11-24&audience=internal&paper=a4');
  await expect(page.locator('body[data-print-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Granite Peak Construction' })).toBeVisible();
  await tend.screenshot('print-qbr');
  await tend.open('/print/qbr/12?from=2026-07-01&to=2026-11-24&audience=customer&health=1&revenue=1&paper=a4');
  await expect(page.locator('body[data-print-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect(page.getByText('Business review')).toBeVisible();
  await tend.screenshot('print-qbr-customer');
  await tend.open('/print/review/2026-10?paper=a4');
  await expect(page.getByRole('heading', { level: 1, name: 'Book of business' })).toBeVisible();
  await expect(page.locator('body[data-print-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await tend.screenshot('print-review');
});

test('says so when a print link is not valid', async ({ tend, page }) => {
  await tend.open('/print/qbr/abc');
  await expect(page.getByText('This QBR link is not valid')).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-print-error', /not valid/);
});
