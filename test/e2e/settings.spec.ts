// Settings in Chromium over the real router: change a weight and watch the live preview (checked
// against settings.preview and, after Save, against the rescored database), field validation,
// reset to defaults, the database location and backups — screenshots light and dark, two sizes.
import { backupFile, backupPathFor } from '../../electron/services/backup';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { expect, test, type TendApp } from './fixtures';

const bandCounts = (tend: TendApp) => {
  const counts = { healthy: 0, watch: 0, at_risk: 0, no_data: 0 };
  for (const a of tend.services.accounts.list()) if (a.band) counts[a.band]++;
  return counts;
};

test.beforeEach(async ({ tend }) => {
  await tend.router.call('demo.load', {});
});

test('previews a weight change, saves it and rescores the book', async ({ tend, consoleErrors }) => {
  const { page } = tend;
  await backupFile(tend.db.sqlite, backupPathFor(tend.db.file, 'daily', new Date('2026-11-24T06:00:00Z')));
  const before = bandCounts(tend);
  const scoresBefore = new Map(tend.services.accounts.list().map((a) => [a.id, a.score]));
  await tend.open('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('db-file')).toHaveText(tend.db.file);
  await expect(page.getByRole('table', { name: 'Backups' })).toContainText('Daily');
  await tend.shots('settings');

  const adoption = page.getByRole('spinbutton', { name: 'Adoption weight' });
  await adoption.fill('0');
  await page.getByRole('spinbutton', { name: 'Relationships weight' }).fill('60');
  const candidate = { ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights, adoption: 0, relationships: 60 } };
  const expected = await tend.router.call('settings.preview', { settings: candidate });
  expect(expected.changedCount).toBeGreaterThan(0);
  const preview = page.getByTestId('settings-preview');
  await expect(page.getByTestId('preview-changed')).toHaveText(String(expected.changedCount));
  await expect(preview).toHaveAttribute('aria-busy', 'false');
  for (const band of ['healthy', 'watch', 'at_risk'] as const) {
    const row = preview.locator(`tr[data-band="${band}"] td`);
    await expect(row.nth(0)).toHaveText(String(before[band]));
    await expect(row.nth(1)).toHaveText(String(expected.after[band]));
  }
  await expect(page.getByRole('list', { name: 'Accounts that change band' }).getByRole('link').first()).toHaveText(expected.changes[0].name);
  // Compact rows, the Change column whole inside the panel, and colour by meaning: fewer at risk is good news.
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    const row = await preview.locator('tr[data-band="at_risk"]').boundingBox();
    expect(row!.height).toBeLessThan(40);
    const change = await preview.locator('tr[data-band="at_risk"] td').nth(2).boundingBox();
    const panel = await page.locator('.preview-panel').boundingBox();
    expect(change!.x + change!.width).toBeLessThanOrEqual(panel!.x + panel!.width);
  }
  for (const band of ['healthy', 'at_risk'] as const) {
    const delta = expected.after[band] - before[band];
    if (delta === 0) continue;
    const better = band === 'healthy' ? delta > 0 : delta < 0;
    await expect(preview.locator(`tr[data-band="${band}"] td`).nth(2)).toHaveClass(new RegExp(better ? '\\bbetter\\b' : '\\bworse\\b'));
  }
  await tend.shots('settings-preview');

  // Change again: the preview follows (debounced) the latest draft.
  await page.getByRole('spinbutton', { name: 'Healthy from' }).fill('80');
  const second = await tend.router.call('settings.preview', { settings: { ...candidate, bands: { healthy: 80, watch: 50 } } });
  await expect(page.getByTestId('preview-changed')).toHaveText(String(second.changedCount));

  await page.getByRole('button', { name: 'Save and rescore' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved\. \d+ accounts rescored\./ })).toBeVisible();
  expect(await tend.router.call('settings.get', {})).toMatchObject({ weights: { adoption: 0, relationships: 60 }, bands: { healthy: 80 } });
  expect(bandCounts(tend)).toEqual(second.after);
  const after = tend.services.accounts.list();
  expect(after.some((a) => a.score !== scoresBefore.get(a.id))).toBe(true);

  // The portfolio shows the new scores.
  const moved = second.changes[0];
  await page.keyboard.press('Control+1');
  const row = page.locator(`.portfolio-table .table-row[data-account-id="${moved.id}"]`);
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill(moved.name);
  await expect(row.locator('.score-badge')).toHaveText(String(moved.toScore));
  await expect(row.locator('.score-badge')).toHaveClass(new RegExp(`band-${moved.toBand}`));
  expect(consoleErrors).toEqual([]);
});

test('explains invalid fields and resets to the defaults', async ({ tend }) => {
  const { page } = tend;
  await tend.router.call('settings.save', { settings: { ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights, survey: 30 } } });
  await tend.open('/settings');
  await page.getByRole('spinbutton', { name: 'Watch from' }).fill('90');
  await expect(page.getByText('Watch edge must not exceed healthy edge.')).toBeVisible();
  await expect(page.getByText('1 field needs attention.')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Mid-market cadence' }).fill('');
  await expect(page.getByText('Enter a number.')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Enterprise required executives' }).fill('1.5');
  await expect(page.getByText('Enter a whole number.')).toBeVisible();
  await expect(page.getByText('Watch edge must not exceed healthy edge.')).toBeVisible();
  await expect(page.getByText('3 fields need attention.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save and rescore' })).toBeDisabled();
  await expect(page.getByText('Fix the highlighted fields to see the preview.')).toBeVisible();
  await tend.shots('settings-invalid');

  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Survey weight' })).toHaveValue('15');
  await expect(page.getByRole('spinbutton', { name: 'Watch from' })).toHaveValue('50');
  await expect(page.getByText('Enter a number.')).toHaveCount(0);
  await expect(page.getByTestId('settings-preview')).toBeVisible();
  await page.getByRole('button', { name: 'Save and rescore' }).click();
  await expect(page.getByText(/Saved\./)).toBeVisible();
  expect(await tend.router.call('settings.get', {})).toEqual(DEFAULT_SETTINGS);
});

test("edits the KPI tiles' survey windows and the triage-case dates, and the tiles follow", async ({ tend }) => {
  const { page } = tend;
  await tend.open('/settings');
  const section = page.getByRole('region', { name: 'Numbers and triage' });
  await expect(section.getByRole('spinbutton', { name: 'Survey tiles want' })).toHaveValue('10');
  await expect(section.getByRole('spinbutton', { name: 'Second window' })).toHaveValue('180');
  await section.getByRole('spinbutton', { name: 'Survey tiles want' }).fill('3');
  await section.getByRole('spinbutton', { name: 'Second window' }).fill('200');
  await section.getByRole('spinbutton', { name: "A triage case's target" }).fill('45');
  await section.getByRole('spinbutton', { name: 'Suggest recovered after' }).fill('0');
  await expect(section.getByRole('alert')).toHaveText('Must be above 0.');
  await expect(page.getByRole('button', { name: 'Save and rescore' })).toBeDisabled();
  await section.getByRole('spinbutton', { name: 'Suggest recovered after' }).fill('21');
  await section.scrollIntoViewIfNeeded();
  await tend.shots('settings-numbers');
  await page.getByRole('button', { name: 'Save and rescore' }).click();
  await expect(page.getByText(/Saved\./)).toBeVisible();
  const saved = await tend.router.call('settings.get', {});
  expect(saved.kpis).toEqual({ minSurveyResponses: 3, surveyWindowDays: [90, 200, 365] });
  expect(saved.triageCases).toEqual({ recoveredAfterDays: 21, targetDays: 45 });
  // The metrics read the new minimum: a window has "enough" from 3 responses on.
  const metrics = await tend.router.call('metrics.month', {});
  for (const w of Object.values(metrics.surveyWindows)) expect(w.enough).toBe(w.responses >= 3);
});

test('turns "open on Today when something is due" off and on from Settings', async ({ tend }) => {
  const { page } = tend;
  await tend.open('/settings');
  const box = page.getByRole('region', { name: 'When Tend opens' }).getByRole('checkbox', { name: /Open on Today when something is due/ });
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect.poll(async () => (await tend.router.call('today.preferences', {})).openOnToday).toBe(false);
  await box.check();
  await expect.poll(async () => (await tend.router.call('today.preferences', {})).openOnToday).toBe(true);
});
