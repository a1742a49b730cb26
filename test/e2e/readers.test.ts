// The three readers' paths, clicked as they would click them: the engineer reaches "what is behind"
// for their team in at most two clicks from home; the CEO's review page answers the four questions
// of a quarterly review (grade and change, weakest first, dependencies at risk, stale check-ins, and
// what changed) and prints as a short report; the auditor verifies a snapshot in at most three clicks.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN } from '../helpers.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { astroPreview, builtSite, launch, mainSite, open } from './browser.ts';

let browser: Browser;
let main: Awaited<ReturnType<typeof astroPreview>>;
let pub: Awaited<ReturnType<typeof serveStatic>>;
beforeAll(async () => {
  main = await astroPreview(mainSite());
  // The trust suite's public build (the same name and environment: built once per run), served as a
  // static host would (a second astro preview in one process answers with the first one's site).
  pub = await serveStatic(builtSite('public', MAIN, { OKR_AUDIENCE: 'public', SOURCE_DATE_EPOCH: '1797292800' }));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await main?.close();
  await pub?.close();
});

/** Click a link or button and wait for the page it opens. */
async function click(page: Page, locator: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForLoadState('networkidle'), locator.first().click()]);
}

describe("the engineer: 'how is my team doing, what is behind?'", () => {
  it('is answered on the team page one click from home, at the top of the first screen', async () => {
    const { page, errors } = await open(browser, `${main.url}/`, { viewport: { width: 1280, height: 900 } });
    // Home names the period in progress and lists each team with its status.
    expect(await page.locator('#featured').textContent()).toMatch(/^In progress: Q1 2025/);
    await click(page, page.locator('#teams ~ .table-wrap a', { hasText: 'Engineering' }));
    await page.waitForURL(/\/periods\/2025-Q1\/engineering\/$/);
    const answer = page.locator('#now');
    expect(await answer.isVisible()).toBe(true);
    expect((await answer.boundingBox())!.y).toBeLessThan(900);
    // The model's answer: nothing behind pace, how far ahead, and which check-ins are overdue.
    const text = await page.locator('.answer__text').textContent();
    expect(text).toMatch(/^Nothing is behind pace\. On average the key results are \+0\.\d\d against the pace expected/);
    expect(text).toMatch(/8 key results have an overdue check-in \(up to 16 days\)/);
    expect(await page.locator('#behind ~ .table-wrap tbody tr').count()).toBe(8);
    // The team's history and the neighbouring period are one click away.
    expect(await page.locator('nav.page-links a', { hasText: 'Engineering: every period' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the CEO's quarterly review", () => {
  it('is linked from home and from the period page, and shows the four answers', async () => {
    const { page, errors } = await open(browser, `${main.url}/periods/2025-Q1/`);
    expect(await page.locator('a[href="/periods/2025-Q1/review/"]').count()).toBeGreaterThan(0);
    await page.goto(`${main.url}/`, { waitUntil: 'networkidle' });
    await click(page, page.locator('a[href="/periods/2025-Q1/review/"]'));
    await page.waitForURL(/\/periods\/2025-Q1\/review\/$/);
    const section = (id: string) => page.locator(`section:has(> h2#${id})`);
    // 1. The company grade and its change against the previous quarter (the demo has none before Q1 2025).
    expect(await section('grade').locator('.grade__value').textContent()).toBe('0.46');
    expect(await section('grade').textContent()).toContain('No earlier quarter to compare with.');
    // 2. Weakest first, by pace gap: the first key result has the smallest gap.
    const gaps = await section('weakest').locator('table').nth(1).locator('tbody td[data-label="Against pace"]').allTextContents();
    const numbers = gaps.map((g) => Number(/\(([+−±])(\d\.\d\d)\)/.exec(g)!.slice(1).join('').replace('−', '-').replace('±', '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // 3. The dependencies at risk for the whole period.
    expect(await section('risks').locator('tbody tr').count()).toBeGreaterThan(0);
    // 4. Key results without a recent check-in (by the weekly schedule, every one is overdue on 2025-02-19).
    expect(await section('stale').locator('tbody tr').count()).toBe(24);
    // And what changed since the last review, from git, and each team's calibration.
    expect(await section('changes').textContent()).toMatch(/What changed since the mid-period review on 2025-02-15/);
    expect(await section('calibration').textContent()).toContain('No team has an ended period with a grade yet.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints as a report of at most two A4 pages, without navigation or buttons', async () => {
    const { page } = await open(browser, `${main.url}/periods/2025-Q1/review/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header nav').isHidden()).toBe(true);
    expect(await page.locator('[data-print]').isHidden()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(2);
    await page.close();
  });
});

describe('the auditor: does this snapshot verify?', () => {
  it('takes three clicks from the public home page: trust center, the snapshot, Verify', async () => {
    const { page, errors } = await open(browser, `${pub.url}/`);
    // The public build on 2026-12-15: nothing has started, and nothing is called current.
    expect(await page.locator('#featured').textContent()).toMatch(/^Nothing has started yet\. Next: Q1 2027/);
    expect(await page.locator('main').textContent()).not.toMatch(/current period/i);
    await click(page, page.getByRole('link', { name: 'Trust center' }));
    await click(page, page.locator('main a[href="/trust/2027-Q1/v1/"]'));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.locator('[data-verify-result]').textContent(), { timeout: 15_000 }).toMatch(/✓ Verified/);
    // On a phone too: the result's full hashes wrap instead of widening the page.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await page.close();
  });
});
