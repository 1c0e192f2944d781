// The e2e harness: serves the built renderer (dist/renderer) over HTTP with the app's CSP, opens a
// real SQLite file in a temp dir, builds the same router the Electron main process uses, and bridges
// `window.tend` to it with page.exposeBinding — the preload's role. No mocks of our own code.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';
import { openDatabase, type OpenedDatabase } from '../../electron/db/open';
import { createRouter, type Router } from '../../electron/router';
import { createServices, type Services } from '../../electron/services';
import { systemClock } from '../../electron/services/context';

export const AS_OF = '2026-11-24';
const RENDERER = path.resolve('dist/renderer');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build` before the browser tests.');
  }
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.resolve(RENDERER, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (!file.startsWith(RENDERER + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/index.html`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

export interface TendApp {
  page: Page;
  router: Router;
  services: Services;
  db: OpenedDatabase;
  /** Opens the app at a hash route, e.g. '/portfolio'. */
  open(route?: string): Promise<void>;
  /** Saves a PNG under test-results/screens/. */
  screenshot(name: string): Promise<string>;
}

export const test = base.extend<{ tend: TendApp; consoleErrors: string[] }, { rendererUrl: string }>({
  rendererUrl: [
    async ({}, use) => {
      const server = await serveRenderer();
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
    const services = createServices(db, systemClock(AS_OF));
    const router = createRouter(() => services, { validateOutput: true, version: 'test' });
    await page.exposeBinding('__tendInvoke', (_source, channel: string, input: unknown) => router.invoke(channel, input));
    await page.addInitScript(() => {
      const bridge = (window as unknown as { __tendInvoke: (c: string, i: unknown) => Promise<unknown> }).__tendInvoke;
      (window as unknown as { tend: unknown }).tend = {
        invoke: (channel: string, input: unknown) => bridge(channel, input),
        onMenu: () => () => {},
      };
    });
    const app: TendApp = {
      page,
      router,
      services,
      db,
      async open(route = '/portfolio') {
        await page.goto(`${rendererUrl}#${route}`);
      },
      async screenshot(name) {
        const file = path.resolve('test-results', 'screens', `${name}.png`);
        await page.screenshot({ path: file, fullPage: false });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
        return file;
      },
    };
    await use(app);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
