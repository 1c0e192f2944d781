#!/usr/bin/env node
// Runs the launch test (test/electron/) with Playwright's Electron support. On Linux without a
// display (CI, a server) it runs under xvfb-run, a virtual X display. Called by `npm run
// test:electron` after the app and better-sqlite3 for Electron are built.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const playwright = [path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '-c', 'test/electron/playwright.config.ts', ...process.argv.slice(2)];
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const [command, args] = headless ? ['xvfb-run', ['-a', process.execPath, ...playwright]] : [process.execPath, playwright];
const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
if (result.error?.code === 'ENOENT' && headless) {
  console.error('There is no display and xvfb-run is not installed: install it (Debian/Ubuntu: sudo apt install xvfb) or run with a display.');
  process.exit(1);
}
process.exit(result.status ?? 1);
