// SPEC 2026-12's numbers on screen (issue 12), over the real router and a real SQLite file:
// "Not enough data" in the portfolio (badge, "N accounts need data" filter, health distribution)
// and on the account page; KPI tiles that say their period and responses; triage cases — suggested
// and opened by the CSM, open with a late target, suggested recovered and closed — on the account
// page and in Today; and the portfolio review PDF. Screenshots at 1280×800 and 1920×1080, light and
// dark, land in test-results/screens/.
import { execFileSync } from 'node:child_process';
import { expect, test, type TendApp } from './fixtures';

test.describe.configure({ timeout: 180_000 });

const accountNamed = (tend: TendApp, name: string) => tend.services.accounts.list().find((a) => a.name === name)!;

test('shows accounts without data as "Not enough data", counts them and filters to them', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  await tend.open('/portfolio');
  const needs = page.getByTestId('needs-data');
  await expect(needs).toHaveText('1 account needs data');
  // The KPI tiles say what they stand on.
  const tiles = page.getByRole('definition').filter({ hasText: /response/ });
  await expect(tiles.first()).toBeVisible();
  await expect(page.locator('.kpi').filter({ hasText: 'NPS' })).toContainText(/(last \d+ days|Nov 1–24)\d+ responses?/);
  await expect(page.locator('.kpi').filter({ hasText: 'NRR' })).toContainText('Nov 1–24month to date');
  await expect(page.getByRole('img', { name: /^Health distribution: .*, 1 without enough data$/ })).toBeVisible();
  await expect(page.locator('.kpi').filter({ hasText: 'ARR' }).first()).toContainText('1 account not scored');
  await tend.shots('numbers-portfolio');

  await needs.click();
  await expect(page.getByTestId('portfolio-count')).toContainText('1 of');
  const row = page.getByRole('row', { name: /Halden Biotech/ });
  await expect(row).toBeVisible();
  await expect(row.getByText('Not enough data', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Band:/ })).toContainText('Not enough data');
  await tend.shots('numbers-portfolio-no-data');

  await row.getByRole('link', { name: 'Halden Biotech' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Halden Biotech' })).toBeVisible();
  await expect(page.getByLabel('Health score')).toContainText('Not enough data');
  await expect(page.getByLabel('Health score')).toContainText('confidence 0%');
  await expect(page.getByText('Not enough data to score this account.')).toBeVisible();
  // Not at risk on its score, so no triage suggestion.
  await expect(page.getByRole('heading', { name: 'Open a triage case?' })).toHaveCount(0);
  await tend.shots('numbers-account-no-data');
  expect(consoleErrors).toEqual([]);
});

test('suggests a triage case, opens it when asked, and shows open, late and recovering cases', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  // An account in triage without a case: the suggestion, then the CSM opens one.
  const { suggestions } = await tend.router.call('triage.list', {});
  const target = suggestions.find((s) => s.triggers.length > 0)!;
  await tend.open(`/accounts/${target.accountId}`);
  const suggest = page.getByRole('region', { name: 'Open a triage case?' });
  await expect(suggest).toBeVisible();
  await expect(suggest.getByRole('list', { name: 'Triggers' })).toContainText(target.triggers[0].reason);
  await tend.shots('numbers-triage-suggest');
  expect((await tend.router.call('triage.forAccount', { accountId: target.accountId })).open).toBeNull();
  await suggest.getByLabel('Root cause').selectOption('sponsor_lost');
  await suggest.getByLabel('Plan').fill('Meet the new CFO with our VP; re-run the success plan review.');
  await suggest.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByText(new RegExp(`Opened a triage case for ${target.accountName}`))).toBeVisible();
  const panel = page.getByRole('region', { name: 'Triage case' });
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Root cause')).toHaveValue('sponsor_lost');
  const opened = (await tend.router.call('triage.forAccount', { accountId: target.accountId })).open!;
  expect(opened).toMatchObject({ rootCause: 'sponsor_lost', plan: 'Meet the new CFO with our VP; re-run the success plan review.' });

  // A case past its target date: red on the account page, and listed in Today.
  const granite = accountNamed(tend, 'Granite Peak Construction');
  await tend.open(`/accounts/${granite.id}`);
  const late = page.getByRole('region', { name: 'Triage case' });
  await expect(late.getByText(/target \d{4}-\d{2}-\d{2}, 7 days past/)).toBeVisible();
  await expect(late.getByRole('list', { name: 'Triggers' })).not.toBeEmpty();
  await tend.shots('numbers-triage-late');
  await tend.open('/today');
  // Today lists the late case under its account (issue 17.4: grouped by account).
  const section = page.getByRole('group', { name: /^Granite Peak Construction / }).getByRole('option').filter({ hasText: 'Review the triage case of Granite Peak Construction' });
  await expect(section).toContainText('7 days past target');
  await tend.shots('numbers-today-triage', () => section.scrollIntoViewIfNeeded());

  // Out of triage for 14 days or more: the app suggests closing as recovered; the CSM does.
  const maple = accountNamed(tend, 'Maple & Main Realty');
  await tend.open(`/accounts/${maple.id}`);
  const recovering = page.getByRole('region', { name: 'Triage case' });
  await expect(recovering.getByRole('status')).toContainText(/Out of triage for \d+ days/);
  await tend.shots('numbers-triage-recovered-suggest');
  await recovering.getByRole('status').getByRole('button', { name: 'Close as recovered' }).click();
  await expect(page.getByText('Closed the triage case of Maple & Main Realty as recovered.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Triage case' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show 1 past triage case' }).click();
  await expect(page.getByText('Recovered', { exact: true })).toBeVisible();
  // Undo puts it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('region', { name: 'Triage case' })).toBeVisible();
  expect((await tend.router.call('triage.forAccount', { accountId: maple.id })).open).not.toBeNull();
  expect(consoleErrors).toEqual([]);
});

test('prints the portfolio review with honest tiles and the month\'s triage cases', async ({ tend, page }) => {
  await tend.router.call('demo.load', {});
  const saved = await tend.router.call('reports.exportReview', { month: '2026-11', paper: 'a4' });
  const text = execFileSync('pdftotext', ['-layout', saved!.file, '-'], { encoding: 'utf8' });
  // Section headings and tile labels are set in capitals.
  expect(text).toContain('TRIAGE CASES · 2026-11-01 – 2026-11-24');
  // Tile labels wrap where the font's metrics say (they differ between machines): read them folded.
  const folded = text.replace(/\s+/g, ' ');
  expect(folded).toMatch(/OPENED OPEN AT THE (END )?RECOVERED CHURNED SAVE RATE MEDIAN DAYS/);
  expect(text).toMatch(/1\s+3\s+1\s+0\s+100%\s+36/);
  expect(text).toMatch(/Riverbend Credit Union\s+2026-10-15\s+Sponsor lost\s+2026-11-14\s+Recovered 2026-11-20/);
  // The tiles, read in order with line breaks folded: each rate says its period, each survey number its window and responses.
  const flat = execFileSync('pdftotext', [saved!.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(flat).toContain('expansion included · Nov 1–24, to date');
  expect(flat).toContain('accounts lost · Nov 1–24, to date');
  expect(flat).toMatch(/NPS CSAT INCUBATION PIPELINE -?\d+ \d+% \$[\d,]+ (last \d+ days|November 2026) · \d+ responses/);
  expect(flat).toContain('1 without enough data to score');
  expect(text).toMatch(/Not enough data\s+1 account/);
  execFileSync('pdftoppm', ['-png', '-r', '70', saved!.file, 'test-results/screens/numbers-review-pdf']);
  // The print route itself, to look at.
  await page.setViewportSize({ width: 900, height: 1600 });
  await tend.open('/print/review/2026-11?paper=a4');
  await expect(page.locator('body[data-print-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await page.getByRole('heading', { name: /Triage cases/ }).scrollIntoViewIfNeeded();
  await tend.screenshot('numbers-print-review');
});
