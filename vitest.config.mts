import { defineConfig } from 'vitest/config';

// Unit and integration tests run under plain Node against real SQLite files in temp dirs.
// Browser tests live in test/e2e and run under Playwright (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/build-worker.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
