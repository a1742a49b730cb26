// npm run screenshots: build the demo handbook as of a fixed date and photograph key pages,
// desktop and phone, light and dark, into docs/screenshots/.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

const out = '/tmp/okr-screenshots-dist';
// Mid-February 2025: Q1 2025 is the current period, with check-ins and pace to show.
const env = { ...process.env, OKR_OUT_DIR: out, OKR_CACHE_DIR: `${out}.cache`, SOURCE_DATE_EPOCH: '1739923200' };
const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { env, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const pages = {
  home: '/',
  period: '/periods/2025-Q1/',
  objective: '/objectives/2025-q1-engineering-scalable-infrastructure/',
  alignment: '/periods/2025-Q1/alignment/',
};
const shots = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

const server = await serveStatic(out);
const browser = await chromium.launch(await chromiumLaunchOptions());
mkdirSync('docs/screenshots', { recursive: true });
for (const [page, path] of Object.entries(pages))
  for (const shot of shots)
    for (const scheme of ['light', 'dark'] as const) {
      const tab = await browser.newPage({ viewport: shot.viewport, colorScheme: scheme, reducedMotion: 'reduce' });
      await tab.goto(server.url + path, { waitUntil: 'networkidle' });
      const file = join('docs/screenshots', `${page}-${shot.name}-${scheme}.png`);
      await tab.screenshot({ path: file, fullPage: shot.name === 'desktop' });
      console.log(`wrote ${file}`);
      await tab.close();
    }
await browser.close();
await server.close();
