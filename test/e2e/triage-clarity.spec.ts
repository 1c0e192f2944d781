// Issue 17.6 in Chromium over the real router and the sample book: every KPI tile opens the
// portfolio on the accounts behind its number, an in-triage filter, churned accounts kept out of the
// list, its health sort and band filters unless "show churned" is on, and the account's triage
// banner saying why.
import { expect, test } from './fixtures';

const count = (page: import('@playwright/test').Page) => page.getByTestId('portfolio-count');
const tile = (page: import('@playwright/test').Page, id: string) => page.locator(`.kpi[data-tile="${id}"] button.kpi-open`);

test('KPI tiles open the accounts behind them; in-triage filter; churned kept out unless shown', async ({ tend, page, consoleErrors }) => {
  test.setTimeout(180_000);
  await tend.router.call('demo.load', {});
  const all = tend.services.accounts.list();
  const active = all.filter((a) => a.stage !== 'churned');
  const churned = all.length - active.length;
  expect(churned).toBeGreaterThan(0);
  const rest = ` · ${churned} churned not shown`;
  await tend.open('/portfolio');
  await expect(count(page)).toHaveText(`${active.length} accounts${rest}`);

  // In triage: the tile's ARR is the ARR of the accounts it opens.
  await tile(page, 'triage').click();
  const inTriage = active.filter((a) => a.inTriage);
  expect(inTriage.length).toBeGreaterThan(0);
  await expect(count(page)).toHaveText(`${inTriage.length} of ${active.length} accounts${rest}`);
  await expect(page.getByRole('button', { name: 'In triage', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const metrics = await tend.router.call('metrics.month', {});
  expect(metrics.triageArr).toBe(inTriage.reduce((sum, a) => sum + a.mrrCents * 12, 0));
  await tend.shots('portfolio-in-triage');

  // Renewals in 90 days: as many as the tile says.
  await tile(page, 'renewals_90').click();
  await expect(count(page)).toHaveText(`${metrics.renewals.d90.count} of ${active.length} accounts${rest}`);
  await expect(page.getByRole('button', { name: 'In triage', exact: true })).toHaveAttribute('aria-pressed', 'false');

  // NPS: the accounts that answered in the tile's window, as a chip that clears.
  const nps = await tend.router.call('metrics.accounts', { tile: 'nps', month: metrics.month });
  await tile(page, 'nps').click();
  await expect(page.getByTestId('focus-chip')).toContainText(`answered NPS`);
  await expect(page.getByTestId('focus-chip')).toContainText(`(${nps.ids.length})`);
  await expect(count(page)).toContainText(`${nps.ids.length} of`);
  await tend.shots('portfolio-tile-nps');
  await page.getByRole('button', { name: /^Stop showing only/ }).click();
  await expect(page.getByTestId('focus-chip')).toHaveCount(0);
  await expect(count(page)).toHaveText(`${active.length} accounts${rest}`);

  // Band filter and health sort leave churned accounts out …
  await page.getByRole('button', { name: /^Band:/ }).click();
  await page.getByRole('group', { name: 'Band' }).getByRole('checkbox', { name: 'At risk', exact: true }).click();
  await page.keyboard.press('Escape');
  const atRisk = active.filter((a) => a.band === 'at_risk').length;
  await expect(count(page)).toHaveText(`${atRisk} of ${active.length} accounts${rest}`);
  // … until "show churned" is on.
  await page.getByRole('checkbox', { name: 'Show churned' }).check();
  const atRiskAll = all.filter((a) => a.band === 'at_risk').length;
  await expect(count(page)).toHaveText(`${atRiskAll} of ${all.length} accounts`);
  await page.getByRole('checkbox', { name: 'Show churned' }).uncheck();
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await page.getByRole('button', { name: /^Health/ }).click();
  const churnedNames = all.filter((a) => a.stage === 'churned').map((a) => a.name);
  const shown = await page.locator('.portfolio-table .table-body .table-row .name a').allTextContents();
  expect(shown.length).toBeGreaterThan(5);
  expect(shown.filter((n) => churnedNames.includes(n))).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the triage banner on an account says why: the high flag', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  const accounts = tend.services.accounts.list();
  let found: { id: number; name: string; reason: string } | null = null;
  for (const a of accounts.filter((x) => x.inTriage && x.stage !== 'triage' && x.stage !== 'churned')) {
    const pageData = await tend.router.call('accountPage.get', { id: a.id });
    const flag = pageData.triageReasons.find((r) => r.kind === 'flag');
    if (pageData.suggestTriage && flag?.kind === 'flag') {
      found = { id: a.id, name: a.name, reason: flag.reason };
      break;
    }
  }
  expect(found).not.toBeNull();
  await tend.open(`/accounts/${found!.id}`);
  const banner = page.locator('.triage-banner');
  await expect(banner).toContainText('This account is in triage');
  await expect(banner).toContainText(found!.reason.replace(/[.\s]+$/, ''));
  await tend.shots('account-triage-why');
  expect(consoleErrors).toEqual([]);
});
