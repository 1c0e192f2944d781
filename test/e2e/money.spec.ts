// The money side of the book in the real renderer over the real router and a real SQLite file:
// churn with a reason, closing a renewal, the forecast with its disagreements, an opportunity won,
// an NPS from quick capture, Today's money, Settings and the review PDF — each checked in the
// database and on screen, with screenshots light and dark (test-results/screens/money-*.png).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type TendApp } from './fixtures';

test.describe.configure({ timeout: 180_000 });

const scrollTo = (tend: TendApp, selector: string) => () =>
  tend.page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
const row = (tend: TendApp, sql: string, ...params: unknown[]) => tend.db.sqlite.prepare(sql).get(...params) as Record<string, unknown>;
const byName = (tend: TendApp, name: string) => tend.services.accounts.list().find((a) => a.name === name)!;

test('the account page shows revenue, renewal, expansion and the record forms', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  const kestrel = byName(tend, 'Kestrel Security');
  await tend.open(`/accounts/${kestrel.id}`);
  // The first page of a fresh browser can take a while on a busy machine.
  await expect(page.getByRole('heading', { name: 'Revenue' })).toBeVisible({ timeout: 30_000 });
  const revenue = page.getByRole('list', { name: 'Revenue events of Kestrel Security' });
  await expect(revenue.locator('[data-kind="expansion"]').first()).toContainText('opportunity won · Won: Threat-intelligence add-on');
  await expect(page.getByRole('radiogroup', { name: 'Forecast for Kestrel Security' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show 1 closed' })).toBeVisible();
  await tend.shots('money-account', scrollTo(tend, '.money-grid'));
  expect(consoleErrors).toEqual([]);
});

test('moves an account to churned with a reason, and Undo brings it back', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  const atlas = byName(tend, 'Atlas Freightways');
  await tend.open(`/accounts/${atlas.id}`);
  await page.locator('.details .inline-field', { hasText: 'Stage' }).getByRole('button').click();
  await page.getByRole('combobox', { name: 'Stage' }).selectOption('churned');
  await page.getByRole('combobox', { name: 'Stage' }).blur();
  const dialog = page.getByRole('dialog', { name: 'Record a churn' });
  await expect(dialog).toContainText('Writes a churn of −$23,940 MRR on 2026-11-24');
  await expect(dialog.getByRole('button', { name: 'Record the churn' })).toBeDisabled();
  await dialog.getByLabel('Churned on').fill('2026-11-20');
  await dialog.getByLabel('Why').selectOption('missing_features');
  await dialog.getByLabel('Note').fill('Needed multi-currency invoicing');
  await tend.shots('money-churn-dialog');
  await dialog.getByRole('button', { name: 'Record the churn' }).click();

  const banner = page.getByRole('status').filter({ hasText: 'Recorded the churn of Atlas Freightways on 2026-11-20 (missing features)' });
  await expect(banner).toBeVisible();
  expect(row(tend, 'SELECT stage, mrr_cents AS mrr, churned_on AS on_, churn_reason AS why FROM accounts WHERE id = ?', atlas.id)).toEqual({ stage: 'churned', mrr: 0, on_: '2026-11-20', why: 'missing_features' });
  expect(row(tend, "SELECT mrr_delta_cents AS d, note FROM revenue_events WHERE account_id = ? AND kind = 'churn'", atlas.id)).toEqual({ d: -2_394_000, note: 'Churned: Missing features — Needed multi-currency invoicing' });
  await expect(page.locator('.churned-box')).toContainText('Churned on 2026-11-20 — Missing features');
  await expect(page.locator('.acct-title .stage')).toHaveText('Churned');
  const timeline = page.getByRole('list', { name: 'Timeline entries' });
  await expect(timeline.locator('[data-kind="revenue"]').first()).toContainText('Churn −$23,940 MRR');
  await tend.shots('money-churned', scrollTo(tend, '.money-grid'));

  await banner.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Recorded the churn of Atlas Freightways' })).toBeVisible();
  expect(row(tend, 'SELECT stage, mrr_cents AS mrr, churned_on AS on_ FROM accounts WHERE id = ?', atlas.id)).toEqual({ stage: 'adoption', mrr: 2_394_000, on_: null });
  await expect(page.locator('.churned-box')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('changes MRR as an expansion from Details, dated when it happened', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  const fern = byName(tend, 'Fernhill Property Management');
  await tend.open(`/accounts/${fern.id}`);
  await page.locator('.details .inline-value', { hasText: '$' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Change MRR' });
  const before = fern.mrrCents;
  await dialog.getByLabel('New MRR').fill(((before + 50_000) / 100).toLocaleString('en-US'));
  await expect(dialog).toContainText('Records an expansion of +$500 MRR (+$6,000 ARR) on 2026-11-24');
  await dialog.getByRole('radio', { name: 'Contraction' }).click();
  await expect(dialog.getByText('The MRR went up: that is an expansion (or a correction).')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Expansion' }).click();
  await dialog.getByLabel('Happened on').fill('2026-11-15');
  await tend.shots('money-mrr-dialog');
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'expansion of +$500 MRR on 2026-11-15' })).toBeVisible();
  expect(row(tend, "SELECT kind, mrr_delta_cents AS d, source FROM revenue_events WHERE account_id = ? AND date = '2026-11-15'", fern.id)).toEqual({ kind: 'expansion', d: 50_000, source: 'mrr_edit' });
  expect(row(tend, 'SELECT mrr_cents AS mrr FROM accounts WHERE id = ?', fern.id)).toEqual({ mrr: before + 50_000 });
  expect(consoleErrors).toEqual([]);
});

test('closes a renewal as renewed at a higher MRR from the Renewals view; the next one opens a term later', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  await tend.open('/renewals');
  await expect(page.getByRole('heading', { level: 1, name: 'Renewals' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Open renewals' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await tend.shots('money-renewals');

  // Keyboard: the first row; 2 = likely.
  const first = table.locator('tbody tr').first();
  const renewalId = Number(await first.getAttribute('data-renewal'));
  const before = row(tend, 'SELECT r.account_id AS accountId, r.due_date AS due, a.name, a.mrr_cents AS mrr FROM renewals r JOIN accounts a ON a.id = r.account_id WHERE r.id = ?', renewalId);
  await page.locator('.screen-header h1').click();
  await page.keyboard.press('2');
  await expect(first.getByRole('combobox', { name: `Forecast for ${before.name}` })).toHaveValue('likely');
  expect(row(tend, 'SELECT forecast FROM renewals WHERE id = ?', renewalId)).toEqual({ forecast: 'likely' });

  await first.getByRole('button', { name: 'Close…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Close the renewal' });
  const higher = (before.mrr as number) + 25_000;
  await dialog.getByLabel('Renewed at (MRR)').fill(String(higher / 100));
  await expect(dialog).toContainText('Writes an expansion of +$250 MRR');
  await tend.shots('money-renewal-dialog');
  await dialog.getByRole('button', { name: 'Close as renewed' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Renewed ${before.name} at` })).toBeVisible();
  expect(row(tend, 'SELECT outcome, renewed_mrr_cents AS mrr FROM renewals WHERE id = ?', renewalId)).toEqual({ outcome: 'renewed', mrr: higher });
  const next = row(tend, 'SELECT due_date AS due FROM renewals WHERE account_id = ? AND outcome IS NULL', before.accountId);
  expect(Number((next.due as string).slice(0, 4))).toBe(Number((before.due as string).slice(0, 4)) + 1);
  expect(row(tend, "SELECT kind, mrr_delta_cents AS d, source FROM revenue_events WHERE account_id = ? ORDER BY id DESC LIMIT 1", before.accountId)).toEqual({
    kind: 'expansion',
    d: 25_000,
    source: 'renewal',
  });
  await expect(table.locator(`tr[data-renewal="${renewalId}"]`)).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('the forecast lists a disagreement each way with its reason, one click from the account', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  await tend.open('/forecast');
  await expect(page.getByRole('heading', { level: 1, name: 'Forecast' })).toBeVisible();
  const list = page.locator('.disagreement-list');
  await expect(list.locator('li.optimistic')).toHaveCount(1);
  await expect(list.locator('li.pessimistic')).toHaveCount(1);
  await expect(list.locator('li.optimistic')).toContainText(/You forecast commit, but health is at risk \(score \d+\)/);
  await expect(list.locator('li.pessimistic')).toContainText(/You forecast at risk, but health is healthy \(score \d+\) with no open flag/);
  const f = await tend.router.call('forecast.get', { months: 6 });
  await expect(page.getByRole('table', { name: 'Forecast by month' }).locator('tbody tr')).toHaveCount(6);
  await expect(page.getByLabel('Forecast totals')).toContainText(`${f.totals.count} renewals`);
  await tend.shots('money-forecast');
  await tend.shots('money-forecast-disagreements', scrollTo(tend, '.disagreement-list'));

  const optimistic = f.disagreements.find((d) => d.direction === 'optimistic')!;
  await list.locator('li.optimistic').getByRole('button', { name: `Open ${optimistic.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: optimistic.name })).toBeVisible();
  await expect(page.locator('.disagreement')).toContainText('Forecast and health disagree. You forecast commit, but health is at risk');
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Forecast' })).toBeVisible();
  await page.getByRole('button', { name: '12 months' }).click();
  await expect(page.getByRole('table', { name: 'Forecast by month' }).locator('tbody tr')).toHaveCount(12);
  expect(consoleErrors).toEqual([]);
});

test('wins an opportunity: the expansion event lands and MRR follows', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  const copperleaf = byName(tend, 'Copperleaf Software');
  const opp = row(tend, "SELECT id, title, arr_cents AS arr FROM opportunities WHERE account_id = ? AND stage = 'proposed'", copperleaf.id);
  await tend.open(`/accounts/${copperleaf.id}`);
  const open = page.getByRole('list', { name: 'Open opportunities' });
  await expect(open).toContainText(opp.title as string);
  await tend.shots('money-opportunities', scrollTo(tend, '.money-grid + .money-grid'));
  // Edit its value first (title, ARR, stage, expected close), then win it.
  await open.getByRole('button', { name: `Edit ${opp.title}` }).click();
  const edit = page.getByRole('form', { name: `Edit ${opp.title}` });
  await edit.getByLabel('ARR').fill('30,000');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(open.locator(`[data-opportunity="${opp.id}"]`)).toContainText('$30,000');
  expect(row(tend, 'SELECT arr_cents AS arr FROM opportunities WHERE id = ?', opp.id)).toEqual({ arr: 3_000_000 });
  await open.locator(`[data-opportunity="${opp.id}"]`).getByRole('button', { name: 'Won' }).click();
  const delta = 250_000;
  await expect(page.getByRole('status').filter({ hasText: `Won “${opp.title}” on 2026-11-24` })).toBeVisible();
  const won = row(tend, 'SELECT stage, closed_on AS on_, revenue_event_id AS event FROM opportunities WHERE id = ?', opp.id);
  expect(won).toMatchObject({ stage: 'won', on_: '2026-11-24' });
  expect(row(tend, 'SELECT kind, mrr_delta_cents AS d, source FROM revenue_events WHERE id = ?', won.event)).toEqual({ kind: 'expansion', d: delta, source: 'opportunity' });
  expect(row(tend, 'SELECT mrr_cents AS mrr FROM accounts WHERE id = ?', copperleaf.id)).toEqual({ mrr: copperleaf.mrrCents + delta });
  await expect(page.getByRole('list', { name: 'Revenue events of Copperleaf Software' }).locator('li').first()).toContainText(`Won: ${opp.title}`);
  expect(consoleErrors).toEqual([]);
});

test('records an NPS given on a call from quick capture, with the touch', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  const account = byName(tend, 'Riverbend Credit Union');
  await tend.open(`/accounts/${account.id}`);
  await expect(page.getByRole('heading', { level: 1, name: account.name })).toBeVisible();
  await page.keyboard.press('Control+l');
  const dialog = page.getByRole('dialog', { name: 'Quick capture' });
  await expect(dialog.getByText(account.name, { exact: true })).toBeVisible();
  await page.keyboard.type('Renewal check-in: happy with the new dashboards');
  const contact = tend.services.accounts.get(account.id).contacts[0];
  await dialog.getByLabel('With').fill(contact.name.split(' ')[0]);
  await page.keyboard.press('Enter');
  await dialog.getByRole('radio', { name: 'NPS 9' }).click();
  await expect(dialog).toContainText(`NPS given on the call (from ${contact.name})`);
  await tend.shots('money-quick-capture-nps');
  await dialog.getByRole('button', { name: 'Log touch' }).click();
  await expect(page.getByText(`Touch logged on ${account.name} with an NPS of 9`)).toBeVisible();
  expect(row(tend, "SELECT kind, score, contact_id AS who, date, comment FROM survey_responses WHERE account_id = ? ORDER BY id DESC LIMIT 1", account.id)).toEqual({
    kind: 'nps',
    score: 9,
    who: contact.id,
    date: '2026-11-24',
    comment: 'Renewal check-in: happy with the new dashboards',
  });
  const timeline = page.getByRole('list', { name: 'Timeline entries' });
  await expect(timeline.locator('[data-kind="survey"]').first()).toContainText(`NPS 9 from ${contact.name}`);
  expect(consoleErrors).toEqual([]);
});

test('Today asks for forecasts and shows expansion signals; survey, metric and Settings', async ({ tend, page, consoleErrors }) => {
  await tend.router.call('demo.load', {});
  await tend.open('/today');
  // Renewals without a forecast are items of their accounts on Today (issue 17.4): forecast one from its row menu.
  const unforecast = (await tend.router.call('money.today', {})).renewals;
  expect(unforecast.length).toBeGreaterThan(0);
  const renewal = unforecast[0];
  const group = page.locator(`[role="group"][data-account-id="${renewal.accountId}"]`);
  const item = group.getByRole('option').filter({ hasText: /^(Renewal|Forecast)/ }).first();
  await expect(item).toContainText(/renews (in \d+ days|today|tomorrow)/);
  await tend.shots('money-today', () => item.scrollIntoViewIfNeeded());
  await item.click();
  await page.keyboard.press('m');
  await page.getByRole('menuitem', { name: 'Forecast: Commit' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Forecast commit: ${renewal.accountName}` })).toBeVisible();
  await expect.poll(async () => (await tend.router.call('money.today', {})).renewals.length).toBe(unforecast.length - 1);
  expect(row(tend, 'SELECT forecast FROM renewals WHERE id = ?', renewal.id)).toEqual({ forecast: 'commit' });

  // A seat-overage suggestion becomes an opportunity only when asked (c on its row).
  const studio = byName(tend, 'Little Fern Studio');
  const overage = page.locator(`[role="option"][data-key^="signal:${studio.id}:seat_overage:"]`);
  await expect(overage).toContainText('more seat');
  const count = () => row(tend, "SELECT count(*) AS n FROM opportunities WHERE account_id = ? AND source = 'seat_overage'", studio.id).n;
  expect(count()).toBe(0);
  await overage.click();
  await page.keyboard.press('c');
  await expect(overage).toHaveCount(0);
  expect(count()).toBe(1);

  // Record a CSAT on an account page.
  await tend.open(`/accounts/${studio.id}`);
  const form = page.getByRole('form', { name: 'Record a survey response' });
  await form.getByRole('radio', { name: 'CSAT' }).click();
  await form.getByLabel('Score').fill('5');
  await form.getByLabel('Comment').fill('Loves the booking page');
  await form.getByRole('button', { name: 'Save CSAT' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorded a CSAT of 5' })).toBeVisible();
  expect(row(tend, "SELECT score, comment FROM survey_responses WHERE account_id = ? AND kind = 'csat' ORDER BY id DESC LIMIT 1", studio.id)).toEqual({ score: 5, comment: 'Loves the booking page' });
  await page.getByRole('tab', { name: 'Metric' }).click();
  const metric = page.getByRole('form', { name: 'Record a metric sample' });
  await metric.getByLabel('Metric').fill('open_tickets');
  await metric.getByLabel('Value').fill('4');
  await metric.getByRole('button', { name: 'Save sample' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorded open tickets 4' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Support/ })).toContainText('20');

  await tend.open('/settings');
  const section = page.getByRole('region', { name: 'Forecast and expansion' });
  await expect(section.getByLabel('Commit')).toHaveValue('95');
  await section.getByLabel('Likely').fill('70');
  await tend.shots('money-settings', scrollTo(tend, '#forecast-heading'));
  await page.getByRole('button', { name: 'Save and rescore' }).click();
  await expect(page.getByText(/Saved\. \d+ accounts rescored/)).toBeVisible();
  expect((await tend.router.call('settings.get', {})).forecast.likely).toBe(0.7);
  expect(consoleErrors).toEqual([]);
});

test('the portfolio review PDF has the renewals forecast and its disagreements', async ({ tend, page }) => {
  await tend.router.call('demo.load', {});
  await tend.open('/portfolio');
  await expect(page.getByLabel('Expansion pipeline')).toContainText(/Expansion pipeline\s*\$[\d.]+k ARR/);
  await tend.screenshot('money-portfolio-pipeline');
  const saved = await tend.router.call('reports.exportReview', { month: '2026-10' });
  const text = execFileSync('pdftotext', ['-layout', saved!.file, '-'], { encoding: 'utf8' });
  expect(text.toLowerCase()).toContain('renewals forecast — next 3 months');
  const f = await tend.router.call('forecast.get', { months: 3 });
  expect(text).toContain(f.months[0].month === '2026-11' ? 'Nov 2026' : f.months[0].month);
  for (const d of f.disagreements) expect(text).toContain(d.name);
  const out = path.resolve('test-results', 'screens', 'money-review-pdf');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', saved!.file, out]);
  expect(fs.readdirSync(path.dirname(out)).some((f) => f.startsWith('money-review-pdf'))).toBe(true);
});
