// What the browser suites share: sites built once per run, served by `astro preview` (as
// `npm run preview` does) on a free loopback port, Chromium (scripts/lib/chromium.ts) driven by playwright-core, a
// page opener that collects console errors and failed requests, and axe-core.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumLaunchOptions } from '../../scripts/lib/chromium.ts';
import { buildSite, ROOT } from '../helpers.ts';

/**
 * The site built from `content`, once per test run: suites asking for the same `name` share it.
 * `name` must identify the content and environment (e.g. 'main' for the demo handbook on 2025-02-19).
 */
export function builtSite(name: string, content: string, env: Record<string, string> = {}): string {
  const out = join(inject('okrRunDir'), name);
  if (existsSync(join(out, 'index.html'))) return out;
  const r = buildSite(content, { out, env });
  if (r.status !== 0) throw new Error(`build of ${name} failed:\n${r.log.slice(-4000)}`);
  return out;
}

/** The demo handbook on 2025-02-19, when Q1 2025 is the current period. */
export const mainSite = () => builtSite('main', join(ROOT, 'content'), { SOURCE_DATE_EPOCH: '1739923200' });

/** `astro preview` serving `out` on a free loopback port; resolves once it answers. */
export async function astroPreview(out: string): Promise<{ url: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'preview', '--host', '127.0.0.1', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, OKR_OUT_DIR: out, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro preview did not start:\n${log}`)), 60_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`astro preview exited with ${code}:\n${log}`)));
  });
  // It prints its address before it is listening on every path; wait until the home page answers.
  for (let i = 0; i < 100 && (await fetch(`${url}/`).catch(() => undefined))?.status !== 200; i++)
    await new Promise((r) => setTimeout(r, 100));
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

export const launch = async (): Promise<Browser> => chromium.launch(await chromiumLaunchOptions());

/**
 * Open `url` in a new page and collect console errors, uncaught exceptions, dialogs, failed requests
 * and responses with an error status (the page itself may answer `status`, e.g. 404 for the 404 page).
 */
export async function open(browser: Browser, url: string, opts: Parameters<Browser['newPage']>[0] & { status?: number } = {}) {
  const { status = 200, ...pageOpts } = opts;
  const page = await browser.newPage(pageOpts);
  const errors: string[] = [];
  page.on('console', (m) => {
    // Chromium logs every error response as a console error too; those are judged below by their status.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource: the server responded with a status of'))
      errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  // No page of the handbook opens a dialog; one would mean injected script ran.
  page.on('dialog', (d) => (errors.push(`dialog: ${d.message()}`), void d.dismiss()));
  // A load cancelled because the test navigated on (net::ERR_ABORTED) is not a failure of the page.
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') errors.push(`failed: ${r.url()} ${reason}`);
  });
  page.on('response', (r) => {
    const expected = r.request().isNavigationRequest() && r.url() === url ? status : 200;
    if (r.status() >= 400 && r.status() !== expected) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  if (response?.status() !== status) errors.push(`HTTP ${response?.status()} for the page itself, not ${status}`);
  return { page, errors };
}

const AXE = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');

interface AxeResults {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

/** axe-core's serious and critical violations on the page, as "rule (impact): targets". */
export async function axe(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy refuses an inline <script>.
  await page.evaluate(AXE);
  const r = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}
