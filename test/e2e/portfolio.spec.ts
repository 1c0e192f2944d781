// The portfolio in Chromium over the real router and a real database: filter and sort (checked
// against the database), saved views, opening an account, keyboard sorting — and screenshots of
// every state at 1280×800 and 1920×1080, light and dark.
import type { Page } from '@playwright/test';
import { expect, test, toggleFilter, type TendApp } from './fixtures';


const rowNames = (page: Page) => page.locator('.portfolio-table .table-body .table-row .name a').allTextContents();

function dbNames(tend: TendApp, where: string, order: string, limit = 6): string[] {
  return (
    tend.db.sqlite.prepare(`SELECT name FROM accounts WHERE archived = 0 AND stage != 'churned' AND ${where} ORDER BY ${order} LIMIT ${limit}`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

test.beforeEach(async ({ tend }) => {
  await tend.router.call('demo.load', {});
});

/** The accounts the list shows without "show churned", and what the count line adds about the rest. */
function shownTotal(tend: TendApp): { total: number; rest: string } {
  const churned = tend.services.accounts.list().filter((a) => a.stage === 'churned').length;
  return { total: tend.services.accounts.count() - churned, rest: churned ? ` · ${churned} churned not shown` : '' };
}


test('filters by segment and sorts by MRR, matching the database', async ({ tend, consoleErrors }) => {
  const { page } = tend;
  const { total, rest } = shownTotal(tend);
  await tend.open('/portfolio');
  await expect(page.getByText(`${total} accounts`)).toBeVisible();
  await expect(page.getByRole('img', { name: /^Health distribution: \d+ healthy/ }).locator('svg.recharts-surface')).toBeVisible();
  await expect(page.locator('.sparkline polyline').first()).toBeAttached();
  await tend.shots('portfolio');

  await toggleFilter(page, 'Segment', 'Enterprise');
  await expect(page.getByRole('button', { name: 'Segment: Enterprise' })).toBeVisible();
  const enterprise = (tend.db.sqlite.prepare("SELECT count(*) AS n FROM accounts WHERE archived = 0 AND stage != 'churned' AND segment = 'enterprise'").get() as { n: number }).n;
  await expect(page.getByTestId('portfolio-count')).toHaveText(`${enterprise} of ${total} accounts${rest}`);

  await page.getByRole('button', { name: /^MRR · ARR/ }).click();
  await expect(page.getByRole('columnheader', { name: /MRR · ARR/ })).toHaveAttribute('aria-sort', 'descending');
  const expectedDesc = dbNames(tend, "segment = 'enterprise'", 'mrr_cents DESC, name COLLATE NOCASE', enterprise);
  expect(await rowNames(page)).toEqual(expectedDesc.slice(0, (await rowNames(page)).length));

  await page.getByRole('button', { name: /^MRR · ARR/ }).click();
  await expect(page.getByRole('columnheader', { name: /MRR · ARR/ })).toHaveAttribute('aria-sort', 'ascending');
  expect((await rowNames(page)).slice(0, 6)).toEqual(dbNames(tend, "segment = 'enterprise'", 'mrr_cents ASC, name COLLATE NOCASE'));

  // A second filter: only at-risk accounts with a flag, counted from the latest snapshots.
  // Two segments at once.
  await toggleFilter(page, 'Segment', 'Mid-market');
  const twoSegments = (tend.db.sqlite.prepare("SELECT count(*) AS n FROM accounts WHERE archived = 0 AND stage != 'churned' AND segment IN ('enterprise', 'mid_market')").get() as { n: number }).n;
  await expect(page.getByTestId('portfolio-count')).toHaveText(`${twoSegments} of ${total} accounts${rest}`);
  await expect(page.getByRole('button', { name: 'Segment: 2 segments' })).toBeVisible();
  await page.getByRole('button', { name: /^Segment:/ }).click();
  await tend.shots('portfolio-multi-filter');
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(page.getByRole('group', { name: 'Segment' })).toHaveCount(0);
  await toggleFilter(page, 'Band', 'At risk');
  const atRisk = tend.services.accounts.list().filter((a) => a.band === 'at_risk' && a.stage !== 'churned').length;
  await expect(page.getByTestId('portfolio-count')).toHaveText(`${atRisk} of ${total} accounts${rest}`);
  await expect(page.locator('.portfolio-table .table-body .score-badge.band-watch')).toHaveCount(0);
  await tend.shots('portfolio-filtered');

  // At risk or watch: both bands.
  await toggleFilter(page, 'Band', 'Watch');
  const riskOrWatch = tend.services.accounts.list().filter((a) => (a.band === 'at_risk' || a.band === 'watch') && a.stage !== 'churned').length;
  await expect(page.getByTestId('portfolio-count')).toHaveText(`${riskOrWatch} of ${total} accounts${rest}`);
  await page.getByRole('button', { name: /^Band:/ }).click();
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(page.getByRole('group', { name: 'Band' })).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill('zzz-no-such-account');
  await expect(page.getByText('No account matches these filters.')).toBeVisible();
  await tend.screenshot('portfolio-no-match-1280-light');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('portfolio-count')).toHaveText(`${total} accounts${rest}`);
  expect(consoleErrors).toEqual([]);
});

test('sorts from the keyboard without opening an account', async ({ tend }) => {
  const { page } = tend;
  await tend.open('/portfolio');
  await expect(page.getByTestId('portfolio-count')).toBeVisible();
  await page.getByRole('button', { name: /^Health/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('columnheader', { name: /Health/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/#\/portfolio$/);
  const lowest = tend.services.accounts.list().filter((a) => a.score !== null && a.stage !== 'churned').sort((a, b) => a.score! - b.score! || a.name.localeCompare(b.name))[0];
  await expect(page.locator('.portfolio-table .table-body .table-row').first()).toContainText(lowest.name);
  await page.keyboard.press('Space');
  await expect(page.getByRole('columnheader', { name: /Health/ })).toHaveAttribute('aria-sort', 'descending');
  // j moves the selection; Enter (with focus off the header) opens it.
  await page.locator('.portfolio-table .table-body .table-row').first().click({ position: { x: 400, y: 20 } });
  await page.keyboard.press('j');
  const second = await page.locator('.portfolio-table .table-body .table-row').nth(1).locator('.name a').textContent();
  await expect(page.locator('.table-row.selected')).toContainText(second!);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: second! })).toBeVisible();
});

test('saves a view, applies it later, and deletes it', async ({ tend, consoleErrors }) => {
  const { page } = tend;
  const { total, rest } = shownTotal(tend);
  await tend.open('/portfolio');
  await page.getByRole('combobox', { name: 'Renewal' }).selectOption('90');
  await toggleFilter(page, 'Flag', 'Has a flag');
  await page.getByRole('button', { name: /^Renewal/ }).click();
  const asOf = '2026-11-24';
  const expected = tend.services.accounts
    .list()
    .filter((a) => a.stage !== 'churned' && a.renewalDate && a.renewalDate >= asOf && a.renewalDate <= '2027-02-22' && a.flags.length > 0);
  await expect(page.getByTestId('portfolio-count')).toHaveText(`${expected.length} of ${total} accounts${rest}`);

  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('textbox', { name: 'View name' }).fill('Renewals at risk');
  await tend.screenshot('portfolio-save-view-1280-light');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Saved view' })).toHaveValue('Renewals at risk');
  const stored = JSON.parse((tend.db.sqlite.prepare("SELECT value FROM settings WHERE key = 'ui.views'").get() as { value: string }).value);
  expect(stored).toEqual([
    {
      name: 'Renewals at risk',
      filters: { search: '', segment: [], stage: [], band: [], flag: ['any'], renewalWithin: 90, inTriage: false, showChurned: false },
      sort: { key: 'renewal', dir: 'asc' },
    },
  ]);

  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(page.getByTestId('portfolio-count')).toHaveText(`${total} accounts${rest}`);
  // Applying it after a reload: views come from the database.
  await page.reload();
  await page.getByRole('combobox', { name: 'Saved view' }).selectOption('Renewals at risk');
  await expect(page.getByTestId('portfolio-count')).toHaveText(`${expected.length} of ${total} accounts${rest}`);
  await expect(page.getByRole('columnheader', { name: /Renewal/ })).toHaveAttribute('aria-sort', 'ascending');
  const firstRenewal = [...expected].sort((a, b) => a.renewalDate!.localeCompare(b.renewalDate!) || a.name.localeCompare(b.name))[0];
  await expect(page.locator('.portfolio-table .table-body .table-row').first()).toContainText(firstRenewal.name);
  await tend.shots('portfolio-view');

  await page.getByRole('button', { name: 'Delete view Renewals at risk' }).click();
  await expect(page.getByRole('combobox', { name: 'Saved view' })).toHaveValue('');
  expect(await tend.router.call('views.list', {})).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('opens an account from the list', async ({ tend }) => {
  const { page } = tend;
  await tend.open('/portfolio');
  const target = tend.services.accounts.list()[2];
  await page.getByRole('link', { name: target.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/accounts/${target.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: target.name })).toBeVisible();
});

test('hides the charts to give the table the room', async ({ tend }) => {
  const { page } = tend;
  await tend.open('/portfolio');
  await page.getByRole('button', { name: 'Hide charts' }).click();
  await expect(page.getByRole('img', { name: /^Health distribution: \d+ healthy/ })).toHaveCount(0);
  await tend.screenshot('portfolio-no-charts-1280-light');
  await page.getByRole('button', { name: 'Show charts' }).click();
  await expect(page.getByRole('img', { name: /^Health distribution: \d+ healthy/ })).toBeVisible();
});
