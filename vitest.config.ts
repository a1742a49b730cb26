import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests build whole sites; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    // A temporary folder per run; the browser suites share the sites they build there.
    globalSetup: ['./test/global-setup.ts'],
    // The summary reporter prints the bad-input case count and the axe results per page type last.
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
