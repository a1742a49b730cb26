// The demo handbook in a real browser (Debian's Chromium driven by playwright-core), served by
// `astro preview`: the path home → period → team → objective with charts drawn, every page type
// without console errors or failed requests and without serious axe violations in light and dark,
// the no-JavaScript fallback, the theme toggle, and keyboard-only use of the alignment tree.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroPreview, axe, launch, mainSite, open } from './browser.ts';

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

/** Every chart on the page has drawn pixels on its canvas and repeats its numbers in a table. */
async function expectChartsDrawn(page: Page) {
  const canvases = page.locator('canvas[data-chart]');
  const n = await canvases.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const drawn = () =>
      canvases.nth(i).evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let p = 3; p < data.length; p += 4) if (data[p]! > 0) painted++;
        return painted;
      });
    await expect.poll(drawn, { timeout: 10_000 }).toBeGreaterThan(500);
  }
  expect(await page.locator('figure.chart table').count()).toBe(n);
  expect(await page.locator('figure.chart table tbody tr').count()).toBeGreaterThanOrEqual(n);
}

describe('the demo handbook in a browser', () => {
  it('home → period → team → objective; the period draws its charts and keeps their data tables', async () => {
    const { page, errors } = await open(browser, `${server.url}/`);
    await page.getByRole('link', { name: 'Q1 2025' }).first().click();
    await page.waitForURL(/\/periods\/2025-Q1\/$/);
    await expectChartsDrawn(page);
    await page.locator('main a[href="/periods/2025-Q1/engineering/"]').first().click();
    await page.waitForURL(/\/periods\/2025-Q1\/engineering\/$/);
    expect(await page.locator('h1').textContent()).toMatch(/Engineering/);
    // The objective's heading links to its page (the "On this page" list links to its section here).
    await page.locator('main h3 a', { hasText: 'Build Scalable, Reliable Infrastructure' }).click();
    await page.waitForURL(/\/objectives\/2025-q1-engineering-scalable-infrastructure\/$/);
    expect(await page.locator('h1').textContent()).toBe('Build Scalable, Reliable Infrastructure');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws each key result's own value on a time axis, with target, expected pace and today", async () => {
    const { page, errors } = await open(browser, `${server.url}/objectives/2025-q1-engineering-scalable-infrastructure/`);
    await expectChartsDrawn(page);
    const kr1 = page.locator('#chart-kr1-title').locator('..');
    const table = await kr1.locator('table').textContent();
    expect(table).toContain('2025-01-01 (baseline)');
    expect(table).toContain('550 ms');
    const series = await kr1
      .locator('canvas')
      .evaluate((c) => JSON.parse((c as HTMLCanvasElement).dataset.chart!).series.map((s: { label: string }) => s.label));
    expect(series).toEqual(['Value', 'Target', 'Expected pace', 'Today (2025-02-19)']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a team's history draws no chart for a single graded period: its table says it", async () => {
    const { page, errors } = await open(browser, `${server.url}/teams/engineering/`);
    expect(await page.locator('canvas[data-chart]').count()).toBe(0);
    expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(0);
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
    const { page, errors } = await open(browser, `${server.url}/`, { colorScheme: 'light' });
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await bg();
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await bg()).not.toBe(light);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await bg()).not.toBe(light);
    // dark → light → back to following the system, which the button says.
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    expect(await page.getAttribute('[data-theme-toggle]', 'aria-label')).toMatch(/^Colour theme: follows the system/);
    await page.reload();
    expect(await page.evaluate(() => localStorage.getItem('okr-theme'))).toBeNull();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await bg()).not.toBe(light);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints light and readable whatever the theme or the system setting', async () => {
    const { page } = await open(browser, `${server.url}/objectives/2025-q1-engineering-scalable-infrastructure/`, { colorScheme: 'dark' });
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const colours = await page.evaluate(() => {
      const c = (sel: string, prop: 'color' | 'backgroundColor') => getComputedStyle(document.querySelector(sel)!)[prop];
      return { page: c('html', 'backgroundColor'), text: c('h1', 'color'), badge: c('.grade__value', 'color') };
    });
    expect(colours).toEqual({ page: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)', badge: 'rgb(0, 0, 0)' });
    await page.close();
  });

  it('prints what a disclosure holds: a collapsed list of key results is on paper', async () => {
    const { page } = await open(browser, `${server.url}/periods/2025-Q1/engineering/`);
    const list = page.locator('details.more:not([open]) table').first();
    expect(await list.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await list.isVisible()).toBe(true);
    await page.close();
  });

  it('prints a list a sentence already summarises as that sentence, without a toggle paper cannot open', async () => {
    const { page } = await open(browser, `${server.url}/periods/2025-Q1/review/`);
    // On 2025-02-19 every key result of Q1 2025 last checked in on 2025-02-01: the review says so in a sentence.
    const summarised = page.locator('details.summarised');
    expect(await summarised.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await summarised.isVisible()).toBe(false);
    expect(await page.getByText(/^All 24 key results: the last check-in of each was 2025-02-01\.$/).isVisible()).toBe(true);
    await page.close();
  });

  it('shows a grade derivation on keyboard focus, from a button that says it (no focusable element without a role)', async () => {
    const { page } = await open(browser, `${server.url}/objectives/2025-q1-engineering-scalable-infrastructure/`);
    const badge = page.locator('#kr-kr1 .grade');
    expect(await badge.evaluate((e) => e.tagName)).toBe('BUTTON');
    // Its accessible name is what it shows; its description (title) says how the grade was computed.
    expect(await page.getByRole('button', { name: /^Grade 0\.63 On track\b/ }).count()).toBe(1);
    expect(await badge.getAttribute('title')).toMatch(/^0\.63 = \(550 − 800\) \/ \(400 − 800\)/);
    await badge.focus();
    const tip = badge.locator('.grade__tip');
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('(550 − 800) / (400 − 800)');
    for (const path of ['/', '/periods/2025-Q1/', '/periods/2025-Q1/review/', '/kpis/']) {
      await page.goto(server.url + path);
      expect(await page.locator('span[tabindex], div[tabindex]:not(.table-wrap):not(main)').count(), path).toBe(0);
    }
    await page.close();
  });

  it('has a useful 404', async () => {
    const { page, errors } = await open(browser, `${server.url}/no/such/page/`, { status: 404 });
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    // On 2025-02-19 Q1 2025 is in progress: the 404 page offers it as that, never a period that has not started.
    expect(await page.getByRole('link', { name: /^In progress: Q1 2025 \(in progress — week 8 of 13\)$/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /^Next: Q2 2026 \(starts 2026-04-01, in \d+ days\)$/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps search and the theme toggle together when the header wraps', async () => {
    for (const width of [1280, 1024, 900, 700, 360]) {
      const { page } = await open(browser, `${server.url}/`, { viewport: { width, height: 600 } });
      const top = (selector: string) => page.locator(selector).evaluate((e) => Math.round(e.getBoundingClientRect().top));
      expect(await top('[data-theme-toggle]'), `${width} px`).toBe(await top('.site-search'));
      await page.close();
    }
  });

  it("fits a 360 px phone: no page scrolls sideways, no table needs to (cards) except a guide's own wide tables, nothing is crushed", async () => {
    for (const [pageType, path, status] of PAGE_TYPES) {
      const { page } = await open(browser, server.url + path, { viewport: { width: 360, height: 740 }, status });
      if (path.startsWith('/search/'))
        await expect.poll(() => page.locator('[data-search-results] > li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      // Collapsed parts (all check-ins, receipts, KPI groups, chart tables) must fit too once opened.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, pageType).toBeLessThanOrEqual(0);
      const wide = await page
        .locator('.table-wrap:not(.prose-table)')
        .evaluateAll((wraps) => wraps.filter((w) => w.scrollWidth > w.clientWidth).map((w) => w.querySelector('th')?.textContent));
      expect(wide, pageType).toEqual([]);
      // Nor is anything fitted by crushing it: no value squeezed into a sliver beside its label, one
      // character a line (a 64-character hash beside "Checked when this site was built" once was).
      const crushed = await page.locator('main').evaluate((main) =>
        [...main.querySelectorAll('td, th, dd, dt, li, p')]
          .filter((e) => {
            const box = e.getBoundingClientRect();
            return box.width > 0 && box.width < 48 && box.height > 64 && (e.textContent ?? '').trim().length > 8;
          })
          .map((e) => `${e.tagName} ${Math.round(e.getBoundingClientRect().width)} px: ${(e.textContent ?? '').trim().slice(0, 24)}`),
      );
      expect(crushed, pageType).toEqual([]);
      await page.close();
    }
  });

  // A table fits a phone as cards, each value beside its column's name; a name longer than its slot
  // ("Handbook computes") once ran over the value ("0.63").
  it('reads on a 360 px phone: no card label over its value', async () => {
    const found: string[] = [];
    for (const [pageType, path, status] of PAGE_TYPES) {
      const { page } = await open(browser, server.url + path, { viewport: { width: 360, height: 740 }, status });
      if (path.startsWith('/search/'))
        await expect.poll(() => page.locator('[data-search-results] > li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      found.push(...(await page.evaluate(labelsOverValues)).map((x) => `${pageType}: ${x}`));
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it('never runs two words together where markup meets text ("from" + <code>org.yaml</code>)', async () => {
    const found: string[] = [];
    for (const [pageType, path, status] of PAGE_TYPES) {
      const { page } = await open(browser, server.url + path, { status });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      found.push(...(await page.evaluate(runOnWords)).map((x) => `${pageType}: ${x}`));
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it("makes a guide's wide table, which scrolls sideways on a phone by design, a named region the keyboard reaches, and no other", async () => {
    for (const [width, scrolling] of [
      [360, true],
      [1280, false],
    ] as const) {
      const { page } = await open(browser, `${server.url}/guides/okr-basics/`, { viewport: { width, height: 740 } });
      const wraps = await page.locator('.table-wrap').evaluateAll((all) =>
        all.map((w) => ({
          scrolls: w.scrollWidth > w.clientWidth,
          tabindex: w.getAttribute('tabindex'),
          label: w.getAttribute('aria-label'),
        })),
      );
      expect(wraps.length).toBeGreaterThan(0);
      expect(wraps.some((w) => w.scrolls)).toBe(scrolling);
      for (const w of wraps) expect(w.tabindex !== null && Boolean(w.label), `${width} px`).toBe(w.scrolls);
      expect(await axe(page)).toEqual([]);
      if (scrolling) {
        // Turned wide (a phone rotated, a window widened): the tables fit, and leave the tab order.
        await page.setViewportSize({ width: 1280, height: 740 });
        await expect.poll(() => page.locator('.table-wrap[tabindex]').count()).toBe(0);
      }
      await page.close();
    }
  });
});

/**
 * Runs in the page: each table cell whose label (drawn by CSS before the value, from data-label, when
 * a table becomes cards) overlaps the value. The label is measured by putting an element with the
 * label's computed style in its place.
 */
function labelsOverValues(): string[] {
  const found: string[] = [];
  for (const td of document.querySelectorAll<HTMLElement>('td[data-label]')) {
    const before = getComputedStyle(td, '::before');
    if (before.content === 'none' || before.display === 'none') continue;
    const label = document.createElement('span');
    for (const prop of before) if (prop !== 'content') label.style.setProperty(prop, before.getPropertyValue(prop));
    label.textContent = td.dataset.label!;
    delete td.dataset.label;
    td.prepend(label);
    const l = label.getBoundingClientRect();
    const value = document.createRange();
    value.setStartAfter(label);
    value.setEnd(td, td.childNodes.length);
    const over = [...value.getClientRects()].some(
      (r) =>
        r.width > 0 && r.height > 0 && r.left < l.right - 0.5 && l.left < r.right - 0.5 && r.top < l.bottom - 0.5 && l.top < r.bottom - 0.5,
    );
    if (over) found.push(`“${label.textContent}” (${Math.round(l.width)} px) over “${(value.toString() || '').trim().slice(0, 30)}”`);
  }
  return found;
}

/**
 * Runs in the page: two rendered texts in the same block, one ending with a letter, digit or closing
 * mark ("·", ">", ")") and the next starting with a letter or digit, with no space between them:
 * "from" + "org.yaml", "<fingerprint>" + "with".
 */
function runOnWords(): string[] {
  const found: string[] = [];
  const block = (n: Node) => {
    let e = n.parentElement;
    while (e && getComputedStyle(e).display.startsWith('inline')) e = e.parentElement;
    return e;
  };
  const rendered = (n: Node) => {
    const r = document.createRange();
    r.selectNodeContents(n);
    return r.getClientRects().length > 0;
  };
  const texts: Text[] = [];
  const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
  // A space between two texts separates them even where the layout does not draw it.
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.textContent!.trim() || rendered(n)) texts.push(n as Text);
  // Controls (buttons, fields) are named and read one by one.
  const control = (t: Text) => t.parentElement!.closest('button, select, input, label, summary') !== null;
  for (let i = 1; i < texts.length; i++) {
    const [a, b] = [texts[i - 1]!, texts[i]!];
    if (a.parentElement === b.parentElement || block(a) !== block(b) || control(a) || control(b)) continue;
    if (/[\p{L}\p{N}·>)\]”]$/u.test(a.data) && /^[\p{L}\p{N}]/u.test(b.data))
      found.push(`“${a.data.slice(-20)}” + “${b.data.slice(0, 20)}”`);
  }
  return found;
}

/** One page of every type the site has: [page type, path, HTTP status]. */
const PAGE_TYPES: [string, string, number][] = [
  ['home', '/', 200],
  ['periods index', '/periods/', 200],
  ['period', '/periods/2025-Q1/', 200],
  ['review', '/periods/2025-Q1/review/', 200],
  ['team-period', '/periods/2025-Q1/engineering/', 200],
  ['alignment tree', '/periods/2025-Q1/alignment/', 200],
  ['teams index', '/teams/', 200],
  ['team', '/teams/engineering/', 200],
  ['objective', '/objectives/2025-q1-engineering-scalable-infrastructure/', 200],
  ['owners index', '/owners/', 200],
  ['owner', '/owners/vp-engineering/', 200],
  ['KPIs', '/kpis/', 200],
  ['annual plan', '/plan/2027/', 200],
  ['grade audit', '/audit/', 200],
  ['guides index', '/guides/', 200],
  ['guide', '/guides/how-grades-are-computed/', 200],
  ['search', '/search/?q=launch', 200],
  ['trust index', '/trust/', 200],
  ['trust snapshot', '/trust/2027-Q1/v1/', 200],
  ['404', '/no/such/page/', 404],
];

describe('every page type: no console errors, no failed requests, no serious axe violations', () => {
  it.for(PAGE_TYPES)('%s (%s) in light and dark, at 1280 and 360 px', async ([pageType, path, status], { task }) => {
    const found: Record<'light' | 'dark', string[]> = { light: [], dark: [] };
    const errors: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const)
      for (const width of [1280, 360]) {
        const opened = await open(browser, server.url + path, { colorScheme, status, viewport: { width, height: 800 } });
        if (path.startsWith('/search/'))
          await expect.poll(() => opened.page.locator('[data-search-results] > li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
        found[colorScheme].push(...(await axe(opened.page)).map((v) => `${width} px: ${v}`));
        errors.push(...opened.errors.map((e) => `${colorScheme} ${width} px: ${e}`));
        await opened.page.close();
      }
    task.meta.axe = { pageType, light: found.light.length, dark: found.dark.length };
    expect(found).toEqual({ light: [], dark: [] });
    expect(errors).toEqual([]);
  });
});

describe('the alignment tree by keyboard alone', () => {
  /** Press Tab until the focused element matches `selector` (at most `max` times); false if it never does. */
  async function tabTo(page: Page, selector: string, max = 300): Promise<boolean> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
    }
    return false;
  }
  const openBranches = (page: Page) => page.locator('details.tree__children[open]').count();

  it('reaches a branch with Tab, toggles it with Enter and Space, and expands or collapses all by keyboard', async () => {
    const { page, errors } = await open(browser, `${server.url}/periods/2025-Q1/alignment/`);
    const branches = await page.locator('details.tree__children').count();
    expect(branches).toBeGreaterThan(1);
    expect(await openBranches(page)).toBe(branches);

    expect(await tabTo(page, 'details.tree__children > summary'), 'Tab never reached a branch').toBe(true);
    // A visible focus indicator.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    const focused = () => page.evaluate(() => (document.activeElement!.parentElement as HTMLDetailsElement).open);
    await page.keyboard.press('Enter');
    expect(await focused()).toBe(false);
    await page.keyboard.press('Space');
    expect(await focused()).toBe(true);

    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    expect(await tabTo(page, 'button[data-tree="close"]'), 'Tab never reached "Collapse all"').toBe(true);
    await page.keyboard.press('Enter');
    expect(await openBranches(page)).toBe(0);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.tree)).toBe('open');
    await page.keyboard.press('Space');
    expect(await openBranches(page)).toBe(branches);
    expect(errors).toEqual([]);
    await page.close();
  });
});
