// Search in a real browser: type a phrase from a seed-004 key result into the header search, reach
// its objective page, and narrow results with the team filter. Served by `astro preview`.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroPreview, launch, mainSite, open } from './browser.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof astroPreview>>;

beforeAll(async () => {
  server = await astroPreview(mainSite());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('search', () => {
  it('finds a seed-004 key result from the header search box and reaches its objective page', async () => {
    const { page, errors } = await open(browser, `${server.url}/periods/`);
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
    const { page, errors } = await open(browser, `${server.url}/search/?q=launch`);
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
    expect(errors).toEqual([]);
    await page.close();
  });
});
