// Search in a real browser: type a phrase from a seed-004 key result into the header search, reach
// its objective page, and narrow results with the team filter. Served like `npm run preview`.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, serveStatic } from '../../scripts/lib/static-server.ts';
import { buildSite, MAIN } from '../helpers.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  const r = buildSite(MAIN, { prefix: 'okr-search-' });
  if (r.status !== 0) throw new Error(r.log);
  expect(r.stdout).toMatch(/search: indexed \d+ pages and \d+ key result \/ KPI records/);
  server = await serveStatic(r.out);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('search', () => {
  it('finds a seed-004 key result from the header search box and reaches its objective page', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/periods/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('time to first value');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=time/);
    const results = page.locator('[data-search-results] > li');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Results show grade and status.
    const item = results.filter({ hasText: 'Reduce time to first value from 12 to 6 days' }).first();
    expect(await item.locator('p.muted').textContent()).toMatch(/^Key result · 2026-Q2 · grade — · Ungraded/);
    await item.locator('a').click();
    await page.waitForURL(/\/objectives\/2026-q2-company-activation\/#kr-kr2$/);
    expect(await page.locator('h1').textContent()).toBe('Dramatically Improve Activation Experience');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('narrows results with the team filter', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/?q=launch`);
    const results = page.locator('[data-search-results] > li');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const before = await results.count();
    await page.selectOption('select[data-filter=team]', 'Platform Team');
    await expect.poll(() => page.url()).toContain('team=Platform+Team');
    await expect.poll(() => results.count()).toBeLessThan(before);
    const titles = await page.locator('[data-search-results] a').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.join('\n')).toMatch(/Launch SAML SSO|Launch Audit Logs|enterprise-grade/i);
    expect(titles.join('\n')).not.toMatch(/Launch Skip CRM option/);
    await page.close();
  });
});
