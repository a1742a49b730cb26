// Hostile strings in every kind of text field render inert everywhere: HTML, chart data, meta tags,
// JSON and CSV exports, the feed and OG images — and in a real browser no injected script runs and no
// dialog opens. (MDX that tries to run code is refused before anything is built: the hostile corpus,
// test/integration/hostile-corpus.test.ts.) Markup that slipped into a built page anyway is stopped by the
// pages' Content-Security-Policy: it runs nothing and loads nothing from another host, while the
// site's own scripts keep working and cause no violation.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyContent, edit, ROOT } from '../helpers.ts';
import { astroPreview, builtSite, launch, open } from './browser.ts';

/** Each payload flags window.__pwned if it ever runs. */
const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '"><img src=x onerror="window.__pwned=2;alert(2)">';
const CLOSE = '</script><script>window.__pwned=3</script>';
const TEMPLATE = '{{ 7*7 }} ${7*7} {7*7}';
const TITLE = `${SCRIPT}${IMG} ${TEMPLATE}`; // the objective under test
const TEAM = `Eng ${CLOSE}`; // a chart label (team breakdown)
const KR = `Latency ${CLOSE}${IMG}`;
const BAND = `On target ${CLOSE}`; // a band label: a status word once a period has ended

const OBJECTIVE = '2025-q1-engineering-scalable-infrastructure';
const q = (s: string) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar

function hostileContent(): string {
  const dir = copyContent();
  const f = (p: string) => join(dir, p);
  edit(f('org.yaml'), 'name: NexusFlow', `name: ${q(`NexusFlow ${SCRIPT}`)}`);
  edit(f('org.yaml'), 'label: On target', `label: ${q(BAND)}`);
  edit(f('teams.yaml'), '{ id: engineering, name: Engineering,', `{ id: engineering, name: ${q(TEAM)},`);
  edit(f('people.yaml'), '{ id: vp-engineering, name: VP Engineering,', `{ id: vp-engineering, name: ${q(`VP ${IMG}`)},`);
  edit(f('periods/2025-Q1.yaml'), /summary: >-\n(?:\s{2}.*\n)+/, `summary: ${q(`Summary ${IMG} ${TEMPLATE}`)}\n`);
  const okrs = f('okrs/2025-Q1/engineering.yaml');
  edit(okrs, 'title: Build Scalable, Reliable Infrastructure', `title: ${q(TITLE)}\n    description: ${q(`Why ${CLOSE}${IMG}`)}`);
  edit(okrs, 'title: Reduce API p99 latency from 800ms to 400ms (-50%)', `title: ${q(KR)}\n        note: ${q(`Note ${SCRIPT}`)}`);
  // Two readings: the objective page also draws a pace chart among the hostile strings.
  edit(
    okrs,
    '{ date: 2025-02-01, value: 550, status: yellow, statusNote: On track }',
    `{ date: 2025-01-15, value: 700 }\n          - { date: 2025-02-01, value: 550, note: ${q(IMG)} }`,
  );
  edit(f('kpis/development-engineering.yaml'), 'name: Sprint velocity', `name: ${q(`Velocity ${IMG}`)}`);
  edit(f('guides/how-grades-are-computed.mdx'), 'title: How grades are computed', `title: ${q(`Grades ${SCRIPT}${IMG}`)}`);
  // Prose may show markup as text: escaped, it stays text.
  edit(
    f('periods/2025-Q1.mdx'),
    '## Executive summary',
    `Written as text: &lt;script&gt;window.__pwned=4&lt;/script&gt; \\{7*7\\}\n\n## Executive summary`,
  );
  return dir;
}

let out: string;
let browser: Browser;
let server: Awaited<ReturnType<typeof astroPreview>>;
/** Every attempt of the build's processes to reach the network (test/network-watch.ts). */
const networkLog = join(inject('okrRunDir'), 'hostile-network.log');
beforeAll(async () => {
  // 2025-02-19: Q1 2025 is the current period, so the home page shows the hostile objective too.
  out = builtSite('hostile', hostileContent(), {
    SOURCE_DATE_EPOCH: '1739923200',
    // The project's own setting is what keeps Astro's telemetry off, not the test's environment.
    ASTRO_TELEMETRY_DISABLED: '',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${join(ROOT, 'test/network-watch.ts')}`,
    OKR_NETWORK_LOG: networkLog,
  });
  server = await astroPreview(out);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const read = (p: string) => readFileSync(join(out, p), 'utf8');
const htmlFiles = () =>
  readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f, read(f)] as const);

describe('the build', () => {
  it('contacted no one: no name looked up, no connection or fetch to another host (telemetry is off)', () => {
    expect(existsSync(networkLog) ? readFileSync(networkLog, 'utf8') : '').toBe('');
  });
});

describe('hostile strings in the built files', () => {
  it('no HTML file has a live javascript: or data: link, or an injected script or image element', () => {
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(50);
    for (const [file, html] of files) {
      expect(html, file).not.toMatch(/\s(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript|data|vbscript):/i);
      // Markup outside attribute values (inside one, "<" is plain text; a '"' there is written &quot;).
      const markup = html.replace(/="[^"]*"/g, '=""');
      expect(markup, file).not.toMatch(/<script>window\.__pwned/);
      expect(markup, file).not.toMatch(/<img src=x/);
    }
  });

  it('the JSON exports are valid and keep every string verbatim', () => {
    const h = JSON.parse(read('api/handbook.json'));
    const o = h.objectives.find((x: { id: string }) => x.id === OBJECTIVE);
    expect(o.title).toBe(TITLE);
    expect(o.krs[0].title).toBe(KR);
    const period = JSON.parse(read('api/periods/2025-Q1.json'));
    expect(JSON.stringify(period)).toContain(JSON.stringify(TITLE));
    // CSV: quoted, inner quotes doubled.
    expect(read('api/krs.csv')).toContain(`"${KR.replace(/"/g, '""')}"`);
    // The feed is XML: markup in titles is escaped.
    expect(read('feed.xml')).not.toContain('<script>');
    expect(read('feed.xml')).toContain('&lt;/script&gt;');
  });

  it('the OG image of the hostile objective renders', () => {
    const png = readFileSync(join(out, `og/objectives/${OBJECTIVE}.png`));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(read(`objectives/${OBJECTIVE}/index.html`)).toContain(`og/objectives/${OBJECTIVE}.png`);
  });
});

describe('hostile strings in a browser', () => {
  const PAGES = [
    '/',
    '/periods/2025-Q1/',
    '/periods/2025-Q1/engineering/',
    '/periods/2025-Q1/alignment/',
    `/objectives/${OBJECTIVE}/`,
    '/teams/engineering/',
    '/owners/vp-engineering/',
    '/kpis/',
    '/audit/',
    '/guides/',
    '/guides/how-grades-are-computed/',
    `/search/?q=${encodeURIComponent('pwned')}`,
  ];

  it.for(PAGES)('%s: nothing runs, nothing is injected', async (path) => {
    const { page, errors } = await open(browser, server.url + path);
    if (path.startsWith('/search/'))
      await expect.poll(() => page.locator('[data-search-results] > li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      images: document.querySelectorAll('img[src="x"], [onerror]').length,
      scripts: [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length,
      liveLinks: [...document.querySelectorAll('a[href]')].filter(
        (a) => !/^(https?:|mailto:|\/|#|\?|\.)/.test(a.getAttribute('href')!.trim()),
      ).length,
    }));
    expect(state).toEqual({ pwned: undefined, images: 0, scripts: 0, liveLinks: 0 });
    expect(errors, 'console errors, dialogs, failed requests').toEqual([]);
    await page.close();
  });

  it('titles, meta tags and chart labels carry the strings as text, verbatim', async () => {
    const { page } = await open(browser, `${server.url}/objectives/${OBJECTIVE}/`);
    expect(await page.locator('h1').textContent()).toBe(TITLE);
    const meta = (p: string) => page.locator(`meta[property="${p}"]`).getAttribute('content');
    expect(await meta('og:title')).toContain(TITLE);
    expect(await page.title()).toContain(TITLE);
    // The layout's chart script ran: it shows the key result chart's canvas only once it has drawn it.
    await expect.poll(() => page.locator('#chart-kr1-title').isVisible()).toBe(true);
    await expect.poll(() => page.locator('figure.chart .chart__canvas').first().isVisible()).toBe(true);
    await page.close();

    const period = await open(browser, `${server.url}/periods/2025-Q1/`);
    const labels = await period.page
      .locator('canvas[data-chart]')
      .evaluateAll((cs) => cs.flatMap((c) => (JSON.parse(c.getAttribute('data-chart')!) as { labels: string[] }).labels));
    expect(labels).toContain(TEAM);
    // Mid-quarter the distribution is by pace (the model's own words); band labels name statuses only after the period.
    expect(labels).toContain('Ahead');
    expect(await period.page.locator('figure.chart th[scope="row"]').allTextContents()).toContain(TEAM);
    await period.page.close();
  });
});

/**
 * Markup a page must never carry, as if it had slipped past the content rules and the renderer:
 * each would run script, load from another host, frame or redirect the page.
 */
const SLIPPED = [
  '<script>window.__pwned=11;alert(11)</script>',
  '<img src="/nothing.png" onerror="window.__pwned=12;alert(12)">',
  '<details open ontoggle="window.__pwned=13;alert(13)"><summary>x</summary></details>',
  '<iframe srcdoc="<script>parent.__pwned=14;parent.alert(14)</script>"></iframe>',
  '<base href="https://evil.example/">',
  '<img src="https://evil.example/pixel.png" alt="">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<style>main{background:url(https://evil.example/bg.png)}</style>',
  '<div style="background:url(https://evil.example/inline.png)">styled</div>',
  '<object data="https://evil.example/x.swf"></object>',
  '<a id="slipped-link" href="javascript:window.__pwned=15;alert(15)">click</a>',
  '<script src="https://evil.example/x.js"></script>',
].join('\n');

/** A built page with SLIPPED inserted at the start of its main content, served at a path of its own. */
function withSlipped(from: string, to: string): string {
  const html = read(`${from}/index.html`).replace(/(<main\b[^>]*>)/, `$1${SLIPPED}`);
  expect(html).toContain('window.__pwned=11');
  mkdirSync(join(out, to), { recursive: true });
  writeFileSync(join(out, to, 'index.html'), html);
  return `/${to}/`;
}

/** Open `path` recording dialogs, requests to other hosts, errors and Content-Security-Policy violations. */
async function openWatched(path: string) {
  const page = await browser.newPage();
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile ?? ''}:${e.lineNumber}`),
    );
  });
  page.on('dialog', (d) => (seen.dialogs.push(d.message()), void d.dismiss()));
  // Requests to another host that left the browser: the policy blocks others before they are sent.
  const foreign = (url: string) => /^https?:/.test(url) && new URL(url).host !== new URL(server.url).host;
  const asked: string[] = [];
  const blocked = new Set<string>();
  page.on('request', (r) => void (foreign(r.url()) && asked.push(r.url())));
  page.on('requestfailed', (r) => void (foreign(r.url()) && r.failure()?.errorText === 'csp' && blocked.add(r.url())));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
  const sent = () => asked.filter((u) => !blocked.has(u));
  return { page, seen, violations, pwned, sent, blocked };
}

describe('markup that slipped into a page does not run (Content-Security-Policy)', () => {
  it('every page carries the policy: scripts from the site only, nothing from other hosts, no <base>', () => {
    for (const [file, html] of htmlFiles()) {
      const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
      expect(csp, file).toBeDefined();
      // A policy in a <meta> governs only what follows it: every script of the page comes after it and
      // is allowed by it — from the site's own files, or inline by the hash of its text.
      const policyAt = html.indexOf('<meta http-equiv="content-security-policy"');
      const scriptSrc = /script-src ([^;]*)/.exec(csp!)![1]!.split(/\s+/);
      // Script elements, not the text "<script" inside an attribute value (blanked, offsets kept).
      const markup = html.replace(/="[^"]*"/g, (v) => `="${' '.repeat(v.length - 3)}"`);
      for (const open of markup.matchAll(/<script\b[^>]*>/g)) {
        expect(open.index, `${file}: a script before the policy`).toBeGreaterThan(policyAt);
        const tag = html.slice(open.index, open.index + open[0].length);
        const text = html.slice(open.index + tag.length, html.indexOf('</script>', open.index));
        const src = /\ssrc="([^"]*)"/.exec(tag)?.[1];
        if (src !== undefined) expect(src, file).toMatch(/^\/(?!\/)/);
        else if (!/type="application\/(?:ld\+)?json"/.test(tag))
          expect(scriptSrc, `${file}: inline script not in the policy`).toContain(sha256(text));
      }
      // Nor does the site write a style attribute, which the policy would refuse (the page would lose it).
      expect(markup, file).not.toMatch(/<[a-z][^>]*\sstyle=/i);
      expect(csp).toMatch(/script-src 'self'[^;]*'sha256-/);
      expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\s\*/);
      for (const d of [
        "default-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-src 'none'",
      ])
        expect(csp).toContain(d);
    }
  });

  it.for([
    ['guide', 'guides/how-grades-are-computed', 'guides/slipped'],
    ['period with charts', 'periods/2025-Q1', 'periods/slipped'],
    ['search', 'search', 'search-slipped'],
  ])('%s: no script runs, no dialog opens, nothing is requested from another host', async ([, from, to]) => {
    const w = await openWatched(withSlipped(from!, to!));
    await w.page.locator('#slipped-link').click();
    await w.page.waitForTimeout(300);
    expect(await w.pwned()).toBeUndefined();
    expect(w.seen.dialogs).toEqual([]);
    expect(w.sent()).toEqual([]);
    expect(w.seen.errors).toEqual([]);
    // The policy, not luck, stopped them: the scripts, the handlers, the styles, the images.
    expect([...w.blocked].sort()).toEqual(['https://evil.example/pixel.png', 'https://evil.example/x.css', 'https://evil.example/x.js']);
    const violations = (await w.violations()).join('\n');
    for (const directive of ['script-src-elem', 'script-src-attr', 'style-src-elem', 'style-src-attr', 'img-src'])
      expect(violations).toContain(directive);
    // The site's own scripts still run: the theme toggle works.
    await w.page.click('[data-theme-toggle]');
    expect(await w.page.evaluate(() => document.documentElement.dataset.theme)).toBeTruthy();
    await w.page.close();
  });

  it.for([
    '/',
    '/periods/2025-Q1/',
    `/objectives/${OBJECTIVE}/`,
    '/periods/2025-Q1/alignment/',
    '/guides/how-grades-are-computed/',
    '/search/?q=velocity',
    '/trust/',
    '/trust/2027-Q1/v1/',
  ])("%s: the site's own scripts cause no violation of the policy", async (path) => {
    const w = await openWatched(path);
    // Each page's own script at work: search (WebAssembly), charts, the Verify button (WebCrypto).
    if (path.startsWith('/search/'))
      await expect.poll(() => w.page.locator('[data-search-results] > li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    if (path.startsWith('/periods/2025-Q1/') && !path.includes('alignment'))
      await expect.poll(() => w.page.locator('figure.chart .chart__canvas').first().isVisible()).toBe(true);
    if (path.startsWith('/trust/2027')) {
      await w.page.getByRole('button', { name: 'Verify' }).click();
      await expect.poll(() => w.page.locator('[data-verify-result]').textContent(), { timeout: 20_000 }).toMatch(/\S/);
    }
    await w.page.click('[data-theme-toggle]');
    expect(await w.violations()).toEqual([]);
    expect(w.seen).toEqual({ dialogs: [], errors: [] });
    expect(w.sent()).toEqual([]);
    await w.page.close();
  });
});
