// The e2e harness: serves the built renderer (dist/renderer) over HTTP with the app's CSP, opens a
// real SQLite file in a temp dir, builds the same router the Electron main process uses, and bridges
// `window.tend` to it with page.exposeBinding — the preload's role. No mocks of our own code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { bridgeRouter } from '../../electron/print/browser-bridge';
import { serveFolder } from '../../electron/print/static-server';
import { printRouteWithChromium } from '../../electron/print/pdf';
import type { Platform } from '../../electron/platform';
import { openDatabase, type OpenedDatabase } from '../../electron/db/open';
import { createRouter, type Router } from '../../electron/router';
import { createServices, type Services } from '../../electron/services';
import { systemClock } from '../../electron/services/context';

export const AS_OF = '2026-11-24';

/** The tests' stand-in for the desktop's native dialogs: files are set up front, saves go to a temp dir. */
export interface TestPlatform extends Platform {
  /** The next "open" dialog answers this path (then null: cancelled). */
  nextOpenFile: string | null;
  /** Files written through "save" dialogs. */
  saved: string[];
}

function testPlatform(dir: string, router: () => Router): TestPlatform {
  const platform: TestPlatform = {
    nextOpenFile: null,
    saved: [],
    async chooseFile() {
      const file = platform.nextOpenFile;
      platform.nextOpenFile = null;
      return file;
    },
    async chooseSaveFile({ defaultName }) {
      const file = path.join(dir, defaultName);
      platform.saved.push(file);
      return file;
    },
    printPdf: (route, file, paper) =>
      printRouteWithChromium({ router: router(), rendererDir: path.resolve('dist/renderer'), route, file, paper }),
  };
  return platform;
}

export interface TendApp {
  page: Page;
  router: Router;
  services: Services;
  db: OpenedDatabase;
  platform: TestPlatform;
  /** A temp folder of this test's own (the database lives there too). */
  dir: string;
  /** Opens the app at a hash route, e.g. '/portfolio'. */
  open(route?: string): Promise<void>;
  /** Saves a PNG under test-results/screens/. */
  screenshot(name: string): Promise<string>;
  /**
   * One screenshot per size (1280×800, 1440×900) and colour scheme — NAME-1280-light.png,
   * NAME-1440-dark.png … — then back to light at 1280×800. `settle` runs after each resize (e.g.
   * to scroll something back into view).
   */
  shots(name: string, settle?: () => Promise<unknown>): Promise<void>;
}

/** The laptop sizes a CSM works at (the day-in-the-life test used 1440×900). */
const SIZES = [
  [1280, 800],
  [1440, 900],
] as const;

/** Ticks or unticks one value of a portfolio multi-value filter, then closes its list. */
export async function toggleFilter(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${label}:`) }).click();
  await page.getByRole('group', { name: label }).getByRole('checkbox', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

export const test = base.extend<{ tend: TendApp; consoleErrors: string[] }, { rendererUrl: string }>({
  rendererUrl: [
    async ({}, use) => {
      const server = await serveFolder(path.resolve('dist/renderer'));
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    await use(errors);
  },
  tend: async ({ page, rendererUrl }, use, testInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-e2e-'));
    const db = await openDatabase(path.join(dir, 'tend.db'), { migrationsFolder: path.resolve('drizzle') });
    // As the desktop app: imports run in the worker, with their own connection to the file.
    const services = createServices(db, systemClock(AS_OF), { importWorker: path.resolve('dist/electron/import-worker.js') });
    const platform = testPlatform(dir, () => router);
    const router = createRouter(() => services, { validateOutput: true, version: 'test', platform });
    await bridgeRouter(page, router);
    const app: TendApp = {
      page,
      router,
      services,
      db,
      platform,
      dir,
      async open(route = '/portfolio') {
        await page.goto(`${rendererUrl}#${route}`);
      },
      async screenshot(name) {
        const file = path.resolve('test-results', 'screens', `${name}.png`);
        await page.screenshot({ path: file, fullPage: false });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
        return file;
      },
      async shots(name, settle) {
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          for (const [width, height] of SIZES) {
            await page.setViewportSize({ width, height });
            if (settle) await settle();
            await page.waitForTimeout(150); // charts re-measure on resize
            await app.screenshot(`${name}-${width}-${scheme}`);
          }
        }
        await page.emulateMedia({ colorScheme: 'light' });
        await page.setViewportSize({ width: 1280, height: 800 });
      },
    };
    await use(app);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
