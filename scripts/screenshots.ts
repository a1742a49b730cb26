// npm run screenshots: build the demo handbook twice — as of today (no SOURCE_DATE_EPOCH), and in the
// middle of a quarter (2025-02-19, week 8 of Q1 2025, with pace and overdue check-ins to show) — and
// photograph the pages each reader starts from, desktop (whole page) and phone (first screen), light
// and dark: docs/screenshots/<page>-<desktop|phone>-<light|dark>.png for today's build and
// docs/screenshots/mid-quarter/… for the other.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

const builds = [
  { name: 'today', dir: 'docs/screenshots', env: {} },
  { name: 'mid-quarter', dir: 'docs/screenshots/mid-quarter', env: { SOURCE_DATE_EPOCH: '1739923200' } },
];
const pages = {
  home: '/',
  period: '/periods/2025-Q1/',
  review: '/periods/2025-Q1/review/',
  'team-period': '/periods/2025-Q1/engineering/',
  objective: '/objectives/2025-q1-engineering-scalable-infrastructure/',
  search: '/search/?q=churn',
  alignment: '/periods/2025-Q1/alignment/',
};
const shots = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

async function photograph(browser: Browser, site: string, dir: string) {
  const server = await serveStatic(site);
  mkdirSync(dir, { recursive: true });
  for (const [page, path] of Object.entries(pages))
    for (const shot of shots)
      for (const scheme of ['light', 'dark'] as const) {
        const tab = await browser.newPage({ viewport: shot.viewport, colorScheme: scheme, reducedMotion: 'reduce' });
        await tab.goto(server.url + path, { waitUntil: 'networkidle' });
        // Search fills its list after the index loads.
        if (path.startsWith('/search/')) await tab.locator('[data-search-results] > li').first().waitFor({ timeout: 15_000 });
        const file = join(dir, `${page}-${shot.name}-${scheme}.png`);
        await tab.screenshot({ path: file, fullPage: shot.name === 'desktop' });
        console.log(`wrote ${file}`);
        await tab.close();
      }
  await server.close();
}

const browser = await chromium.launch(await chromiumLaunchOptions());
for (const b of builds) {
  const out = `/tmp/okr-screenshots-${b.name}`;
  const env: Record<string, string | undefined> = { ...process.env, OKR_OUT_DIR: out, OKR_CACHE_DIR: `${out}.cache`, ...b.env };
  if (!('SOURCE_DATE_EPOCH' in b.env)) delete env.SOURCE_DATE_EPOCH;
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  await photograph(browser, out, b.dir);
}
await browser.close();
