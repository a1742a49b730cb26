// The built site in a real browser (Debian's Chromium driven by playwright-core): navigation, charts,
// theme, keyboard, accessibility (axe-core) and hostile content rendered inert.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, serveStatic } from '../../scripts/lib/static-server.ts';
import { buildSite, copyContent, edit, MAIN } from '../helpers.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

function build(content: string): string {
  // 2025-02-19: Q1 2025 is the current period.
  const r = buildSite(content, { env: { SOURCE_DATE_EPOCH: '1739923200' }, prefix: 'okr-e2e-' });
  if (r.status !== 0) throw new Error(r.log);
  return r.out;
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
afterAll(async () => browser?.close());

/** Open a page and collect console errors and failed requests. */
async function open(base: string, path: string, opts: Parameters<Browser['newPage']>[0] = {}) {
  const page = await browser.newPage(opts);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
  await page.goto(base + path, { waitUntil: 'networkidle' });
  return { page, errors };
}

async function axe(page: Page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
    }));
  });
  return result.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
}

describe('the demo handbook in a browser', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(build(MAIN));
  });
  afterAll(async () => server?.close());

  it('navigates from home to the current period and draws its charts', async () => {
    const { page, errors } = await open(server.url, '/');
    await page.getByRole('link', { name: 'Q1 2025' }).first().click();
    await page.waitForURL(/\/periods\/2025-Q1\/$/);
    const canvases = page.locator('canvas[data-chart]');
    expect(await canvases.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => canvases.first().evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(0);
    // The data table stays in the page for screen readers.
    expect(await page.locator('figure.chart table').count()).toBe(await canvases.count());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works without JavaScript: charts fall back to tables', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/periods/2025-Q1/`);
    expect(await page.locator('figure.chart table').first().isVisible()).toBe(true);
    expect(await page.locator('.chart__canvas').first().isHidden()).toBe(true);
    await ctx.close();
  });

  it('toggles dark mode and remembers it', async () => {
    const { page } = await open(server.url, '/', { colorScheme: 'light' });
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(251, 251, 250)');
    await page.close();
  });

  it('shows a grade derivation on keyboard focus', async () => {
    const { page } = await open(server.url, '/objectives/2025-q1-engineering-scalable-infrastructure/');
    const badge = page.locator('#kr-kr1 .grade');
    await badge.focus();
    const tip = badge.locator('.grade__tip');
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('(550 − 800) / (400 − 800)');
    await page.close();
  });

  it('has a useful 404', async () => {
    const { page } = await open(server.url, '/no/such/page/');
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(await page.getByRole('link', { name: /^The current period/ }).count()).toBe(1);
    await page.close();
  });

  it.each([
    '/',
    '/periods/2025-Q1/',
    '/objectives/2025-q1-engineering-scalable-infrastructure/',
    '/periods/2025-Q1/alignment/',
    '/audit/',
    '/kpis/',
    '/teams/engineering/',
    '/plan/2027/',
    '/guides/how-grades-are-computed/',
  ])('axe finds no serious or critical violations on %s (light and dark)', async (path) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors } = await open(server.url, path, { colorScheme });
      expect(await axe(page), `${path} ${colorScheme}`).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('fits a 360 px phone without horizontal scrolling of the page', async () => {
    for (const path of ['/', '/periods/2025-Q1/', '/objectives/2025-q1-engineering-scalable-infrastructure/']) {
      const { page } = await open(server.url, path, { viewport: { width: 360, height: 740 } });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    }
  });
});

describe('hostile content renders inert everywhere, including chart data', () => {
  const HOSTILE = `<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2">`;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    const dir = copyContent();
    edit(join(dir, 'teams.yaml'), '{ id: engineering, name: Engineering,', `{ id: engineering, name: '${HOSTILE.replace(/'/g, "''")}',`);
    edit(
      join(dir, 'okrs/2025-Q1/engineering.yaml'),
      'title: Build Scalable, Reliable Infrastructure',
      `title: '${HOSTILE.replace(/'/g, "''")}'`,
    );
    server = await serveStatic(build(dir));
  });
  afterAll(async () => server?.close());

  it.each([
    '/',
    '/periods/2025-Q1/',
    '/periods/2025-Q1/alignment/',
    '/objectives/2025-q1-engineering-scalable-infrastructure/',
    '/teams/engineering/',
  ])('%s', async (path) => {
    const { page } = await open(server.url, path);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.content()).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    await page.close();
  });
});
