import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Browser tests: the built renderer in real Chromium, bridged to the real router over a real SQLite
// file (test/e2e/fixtures.ts). Chromium comes from CHROMIUM_PATH, then /usr/bin/chromium, else
// Playwright's own download.
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && fs.existsSync(p));

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/build-worker.ts',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
  },
});
