import { defineConfig } from '@playwright/test';

// The launch test: the built desktop app under Electron itself (npm run test:electron, which builds
// the app and better-sqlite3 for Electron first, and runs this under xvfb-run on Linux without a
// display). Not part of npm test: it needs Electron's binary. See README, "Developing".
export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 240_000,
  reporter: [['list']],
});
