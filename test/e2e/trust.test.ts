// The trust center in a real browser: the public build of the demo handbook, the Verify button
// recomputing a snapshot with WebCrypto (and naming the record when a served file was tampered with),
// receipts on objective pages, and no serious accessibility violations.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, serveStatic } from '../../scripts/lib/static-server.ts';
import { buildSite, MAIN } from '../helpers.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let out: string;

beforeAll(async () => {
  const r = buildSite(MAIN, { env: { OKR_AUDIENCE: 'public', SOURCE_DATE_EPOCH: '1797292800' }, prefix: 'okr-trust-' });
  if (r.status !== 0) throw new Error(r.log);
  out = r.out;
  server = await serveStatic(out);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  return { page, errors };
}

async function seriousViolations(page: Page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string }) => v.id);
  });
}

describe('the trust center of the public build', () => {
  it('publishes only the public periods, with the snapshot files byte for byte', () => {
    expect(existsSync(join(out, 'periods/2027-Q1/index.html'))).toBe(true);
    expect(existsSync(join(out, 'periods/2025-Q1/index.html'))).toBe(false);
    for (const f of ['manifest.json', 'leaves.jsonl', 'proofs.json', 'manifest.dsse.json'])
      expect(readFileSync(join(out, 'trust/2027-Q1/v1', f)).equals(readFileSync(join(MAIN, 'trust/2027-Q1/v1', f)))).toBe(true);
  });

  it('the Verify button recomputes leaves, proofs, root and signature with WebCrypto', async () => {
    const { page, errors } = await open('/trust/2027-Q1/v1/');
    await page.getByRole('button', { name: 'Verify' }).click();
    const result = page.locator('[data-verify-result]');
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/✓ Verified/);
    const text = (await result.textContent())!;
    expect(text).toMatch(/9 leaves are canonical RFC 8785 JSON/);
    expect(text).toMatch(/9 inclusion proofs lead to the root 3c133c53a687530da31d6cfdba6236dc7bd71ec1678f74a51314486689472691/);
    expect(text).toMatch(/the Ed25519 signature over manifest.json is valid \(nexusflow-demo-2027.pem\)/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names the record when a published file was tampered with', async () => {
    const file = join(out, 'trust/2027-Q2/v1/leaves.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.includes('"record":"keyResult"'));
    const id = JSON.parse(lines[i]!).id as string;
    lines[i] = lines[i]!.replace('"title":"', '"title":"X');
    writeFileSync(file, lines.join('\n'));
    const { page } = await open('/trust/2027-Q2/v1/');
    await page.getByRole('button', { name: 'Verify' }).click();
    const result = page.locator('[data-verify-result]');
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/✗ Verification failed/);
    expect(await result.locator('.verify__fail').first().textContent()).toMatch(
      new RegExp(
        `✗ keyResult/${id.replace(/\./g, '\\.')}: leaf ${i} hashes to [0-9a-f]{64}, not [0-9a-f]{64} as published in proofs.json: the record was changed`,
      ),
    );
    await page.close();
  });

  it('objective pages show each receipt hash with its proof on demand; the trust index is accessible', async () => {
    const { page, errors } = await open('/objectives/2027-q1-company-churn-defense/');
    const receipts = page.locator('.receipt');
    expect(await receipts.count()).toBe(4); // the objective and its three key results
    await expect.poll(() => page.locator('.receipt__copy').first().isVisible()).toBe(true);
    await page.locator('.receipt__details summary').first().click();
    expect(await page.locator('.receipt__proof li').first().isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
    const trust = await open('/trust/');
    expect(await trust.page.locator('a[href="/trust/2027/v1/"]').count()).toBe(1);
    expect(await seriousViolations(trust.page)).toEqual([]);
    await trust.page.close();
  });
});
