// The desktop app as a user launches it: Electron itself (Playwright's _electron) on the built app,
// with a temp user-data folder and a temp database holding the sample book (made with the CLI).
// The first window shows the portfolio; Ctrl/Cmd+L logs a touch and the account's score and timeline
// change; Export QBR (printToPDF) writes a PDF that names the account; a second launch brings the
// first window back instead of opening another; quitting leaves the database passing
// integrity_check; and there is no console error and no CSP violation along the way.
// Run with `npm run test:electron` on a machine that can download Electron (not part of npm test).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'tend.js');
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

interface ScoredAccount {
  id: number;
  name: string;
  score: number | null;
  flags: { rule: string }[];
}

/** The Electron binary: what the electron package resolves to (downloading it on first use). */
function electronBinary(): string {
  return createRequire(__filename)('electron') as string;
}

function tend(db: string, ...args: string[]): string {
  return execFileSync(process.execPath, [CLI, '--db', db, ...args], { encoding: 'utf8', cwd: ROOT });
}

test('launches, logs a touch, exports a QBR, keeps one instance and quits cleanly', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-launch-'));
  const userData = path.join(dir, 'user-data');
  const db = path.join(dir, 'book.db');
  tend(db, 'init');
  tend(db, 'demo');
  const { accounts } = JSON.parse(tend(db, 'score', '--json')) as { accounts: ScoredAccount[] };
  // An account past its touch cadence: a logged touch clears that flag and moves its score.
  const account = accounts.find((a) => a.flags.some((f) => f.rule === 'cadence_overdue') && a.score !== null)!;
  expect(account).toBeTruthy();

  const app: ElectronApplication = await electron.launch({
    args: [ROOT, `--user-data-dir=${userData}`, db],
    cwd: ROOT,
    // As a user runs it: Playwright otherwise adds --no-sandbox on Linux.
    chromiumSandbox: true,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const problems: string[] = [];
  try {
    // Every window's console (the main one and the hidden print window) must stay free of errors.
    const watched = new WeakSet<Page>();
    const watch = (page: Page) => {
      if (watched.has(page)) return;
      watched.add(page);
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error (${page.url()}): ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error (${page.url()}): ${error.message}`));
    };
    app.on('window', watch);
    const main = await app.firstWindow();
    watch(main);

    // The first window shows the portfolio of the sample book.
    await expect(main.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible({ timeout: 60_000 });
    await expect(main.getByText(/^\d+ accounts$/)).toBeVisible({ timeout: 30_000 });
    // CSP violations from here on are also caught as events (the console catches the earlier ones).
    await main.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });

    // Ctrl/Cmd+L: quick capture logs a touch; the account is rescored at once.
    await main.keyboard.press(`${MOD}+l`);
    const capture = main.getByRole('dialog', { name: 'Quick capture' });
    await expect(capture).toBeVisible();
    await main.keyboard.type(account.name);
    await expect(capture.getByRole('option').first()).toContainText(account.name);
    await main.keyboard.press('Enter');
    await expect(capture.getByText(account.name, { exact: true })).toBeVisible();
    await main.keyboard.type('Launch test: weekly sync with the champion');
    await capture.getByRole('radio', { name: 'Meeting' }).click();
    await capture.getByRole('radio', { name: 'Pulse 2' }).click();
    await capture.getByLabel('Summary').focus();
    await main.keyboard.press('Enter');
    await expect(capture).toBeHidden();
    await expect(main.getByRole('status').filter({ hasText: `Touch logged on ${account.name}` })).toBeVisible();

    await main.evaluate((id) => (location.hash = `#/accounts/${id}`), account.id);
    await expect(main.getByRole('heading', { level: 1, name: account.name })).toBeVisible();
    await expect(main.getByRole('list', { name: 'Timeline entries' }).locator('li').first()).toContainText('Launch test: weekly sync with the champion');
    await expect(main.locator('.score-big')).toHaveText(/^\d+$/);
    await expect(main.locator('.score-big')).not.toHaveText(String(account.score));
    await expect(main.locator(`[data-rule="cadence_overdue"]`)).toHaveCount(0);

    // Export QBR through Electron's printToPDF; the save dialog answers with a temp file.
    const pdf = path.join(dir, 'qbr.pdf');
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, pdf);
    await main.getByRole('button', { name: 'Export QBR…' }).click();
    await main.getByRole('dialog', { name: 'Export QBR' }).getByRole('button', { name: 'Export PDF' }).click();
    await expect(main.getByText(/Saved the QBR to/)).toBeVisible({ timeout: 90_000 });
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain(account.name);

    // A second launch hands over to the first: its window comes back (shown, restored), no second one.
    await app.evaluate(({ app: electronApp, BrowserWindow }) => {
      const state = globalThis as unknown as { secondLaunches: string[][] };
      state.secondLaunches = [];
      electronApp.on('second-instance', (_event, argv) => state.secondLaunches.push(argv));
      const [first] = BrowserWindow.getAllWindows();
      first.minimize();
      first.hide();
    });
    const second = spawn(electronBinary(), [ROOT, `--user-data-dir=${userData}`], { cwd: ROOT, stdio: 'ignore' });
    const secondExit = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(secondExit).toBe(0);
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as { secondLaunches: string[][] }).secondLaunches.length))
      .toBe(1);
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) => {
          const windows = BrowserWindow.getAllWindows();
          return { count: windows.length, visible: windows[0].isVisible(), minimized: windows[0].isMinimized() };
        }),
      )
      .toEqual({ count: 1, visible: true, minimized: false });

    const violations = await main.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    problems.push(...violations.map((v) => `CSP violation: ${v}`));
    const logFile = path.join(await app.evaluate(({ app: electronApp }) => electronApp.getPath('logs')), 'main.log');
    expect(fs.readFileSync(logFile, 'utf8')).toContain('Started');
  } finally {
    await app.close();
  }

  // Quitting closed the database cleanly: it passes integrity_check and holds the touch.
  const check = new Database(db, { readonly: true, fileMustExist: true });
  try {
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.prepare('SELECT count(*) AS n FROM touches WHERE summary = ?').get('Launch test: weekly sync with the champion')).toEqual({ n: 1 });
  } finally {
    check.close();
  }
  expect(problems).toEqual([]);
});
