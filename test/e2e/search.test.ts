// Search in a real browser: type a phrase from a 2026-Q2 key result into the header search, reach
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
  it('finds a 2026-Q2 key result from the header search box and reaches its objective page', async () => {
    const { page, errors } = await open(browser, `${server.url}/periods/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('time to first value');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=time/);
    const results = page.locator('[data-search-results] > li');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The objective is a result with its grade and status; its matching key result is listed under it.
    const objective = results.filter({ hasText: 'Dramatically Improve Activation Experience' }).first();
    expect(await objective.locator('p.muted').textContent()).toMatch(/^Objective · 2026-Q2 · grade \S+ · \w/);
    // Its excerpt reads as words too: no grade cards, glyphs or placeholders glued onto the text.
    expect(await objective.locator('p:not(.muted)').textContent()).not.toMatch(/[—●◆▲○]|\d[A-Za-z]/);
    const item = page
      .locator('[data-search-results] > li.search-results__kr', { hasText: 'Reduce time to first value from 12 to 6 days' })
      .first();
    expect(await item.locator('a').textContent()).toBe('KR2: Reduce time to first value from 12 to 6 days');
    // It carries its own status (the quarter has not started on the build's day), not only its objective's.
    expect(await item.locator('p.muted').textContent()).toBe(
      'Key result · 2026-Q2 · Not started · in Dramatically Improve Activation Experience',
    );
    // The excerpt reads as words: the title apart from its kind, and none of the table's placeholders,
    // status glyphs or numbers (which would glue onto the next word, as in "0.53Yellow").
    const excerpt = await item.locator('p:not(.muted)').textContent();
    expect(excerpt).toContain('from 12 to 6 days Metric');
    expect(excerpt).not.toMatch(/[—●◆▲○]|\d[A-Za-z]/);
    await item.locator('a').click();
    await page.waitForURL(/\/objectives\/2026-q2-company-activation\/#kr-kr2$/);
    expect(await page.locator('h1').textContent()).toBe('Dramatically Improve Activation Experience');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows excerpts that read as words, not markup run together', async () => {
    // An owner's name is in the facts row of objective pages; period pages once ran it into the next
    // fact ("(PM Activation)Priority: high0/4 KRs graded"), and numbers into words.
    const { page, errors } = await open(browser, `${server.url}/search/?q=${encodeURIComponent('Sofia Martinez')}`);
    const excerpts = page.locator('[data-search-results] > li > p:not(.muted)');
    await expect.poll(() => excerpts.count(), { timeout: 10_000 }).toBeGreaterThan(1);
    for (const text of await excerpts.allTextContents()) expect(text).not.toMatch(/[—●◆▲○]|\d[A-Za-z]|\)[A-Za-z]/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists every page a filter allows when there are no words to search for', async () => {
    const { page, errors } = await open(browser, `${server.url}/search/?team=Platform+Team`);
    const results = page.locator('[data-search-results] > li');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^\d+ pages? match(es)? the filters/);
    const titles = (await page.locator('[data-search-results] > li > a').allTextContents()).join('\n');
    expect(titles).toMatch(/Enterprise-Grade|enterprise-grade/i);
    expect(titles).not.toMatch(/Dramatically Improve Activation Experience/);
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

  it('lists only key results with the kind filter set to "Key result"', async () => {
    const { page, errors } = await open(browser, `${server.url}/search/?q=launch&kind=Key+result`);
    const results = page.locator('[data-search-results] > li');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('select[data-filter=kind]').inputValue()).toBe('Key result');
    expect(await page.locator('[data-search-results] > li:not(.search-results__kr)').count()).toBe(0);
    for (const href of await page.locator('[data-search-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(href).toMatch(/^\/objectives\/[^/]+\/#kr-/);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^\d+ key results? in \d+ objectives?/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a Thai word in the middle of a sentence of an English page, and pages declare their language', async () => {
    // The 2025 narrative's Thai sentence runs its words together; "ความขัดแย้ง" (conflict) is deep inside it.
    const { page, errors } = await open(browser, `${server.url}/search/?q=${encodeURIComponent('ความขัดแย้ง')}`);
    const results = page.locator('[data-search-results] > li');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await results.first().locator('a').getAttribute('href')).toBe('/periods/2025/');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const period = await open(browser, `${server.url}/periods/2025/`);
    expect(await period.page.locator('main [lang="th"]').count()).toBeGreaterThan(0);
    await period.page.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("indexes people's and teams' pages, ranks the handbook's objectives above KPIs, and counts what it lists", async () => {
    const { page, errors } = await open(browser, `${server.url}/search/?q=churn`);
    const results = page.locator('[data-search-results] > li');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const kinds = await results.locator('p.muted').evaluateAll((ps) => ps.map((p) => p.textContent.split(' · ')[0]));
    const lastOkr = Math.max(kinds.lastIndexOf('Objective'), kinds.lastIndexOf('Key result'));
    const firstKpi = kinds.indexOf('KPI');
    if (firstKpi >= 0) expect(firstKpi).toBeGreaterThan(lastOkr);
    // The count says how many results are listed, pages and key results apart.
    const status = (await page.locator('[data-search-status]').textContent())!;
    const [, total, pages, krs] = /^(\d+) results?: (\d+) pages?(?: and (\d+) key results?)?/.exec(status)!;
    expect(Number(total)).toBe(await results.count());
    expect(Number(pages) + Number(krs ?? 0)).toBe(Number(total));
    for (const [q, kind, title] of [
      ['Sofia', 'Person', 'Sofia Martinez'],
      ['Platform Team', 'Team', 'Platform Team'],
    ] as const) {
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(q)}&kind=${kind}`, { waitUntil: 'networkidle' });
      await expect.poll(() => results.first().locator('a').textContent(), { timeout: 10_000 }).toBe(title);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what to try when nothing is found, and never shows a hash in an excerpt', async () => {
    const { page, errors } = await open(browser, `${server.url}/search/?q=${encodeURIComponent('qwxzjv kkqqpp')}&team=Platform+Team`);
    const status = page.locator('[data-search-status]');
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toMatch(/^Nothing found for “qwxzjv kkqqpp” with team Platform Team\. Try fewer words/);
    expect(await status.getByRole('link', { name: 'periods' }).count()).toBe(1);
    await status.getByRole('button', { name: 'Search without the filters' }).click();
    await expect.poll(() => page.url()).not.toContain('team=');
    // Receipts and roots are kept out of the index: no excerpt carries a 64-hex hash.
    for (const q of ['receipt', 'root', 'snapshot', 'approve']) {
      await page.goto(`${server.url}/search/?q=${q}`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(500);
      for (const text of await page.locator('[data-search-results] > li > p:not(.muted)').allTextContents())
        expect(text, q).not.toMatch(/[0-9a-f]{16}/);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
