import { defineConfig } from 'vitest/config';

// Unit and integration tests run under plain Node against real SQLite files in temp dirs.
// Browser tests live in test/e2e and run under Playwright (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/build-worker.ts'],
    testTimeout: 30_000,
    // Each PDF in a Chromium of its own: no warm print server outlives the tests (the one test of
    // the server turns it on with a private state file and stops it — test/integration/print-server.test.ts).
    env: { TEND_PRINT_SERVER: 'off' },
    hookTimeout: 60_000,
  },
});
