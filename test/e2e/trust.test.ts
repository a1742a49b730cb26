// The trust center in a real browser: the public build of the demo handbook served by `astro preview`,
// the Verify button recomputing a snapshot with WebCrypto (and naming the record when a served file
// was tampered with), receipts on objective pages, and no serious accessibility violations.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { MAIN } from '../helpers.ts';
import { astroPreview, axe, builtSite, launch, open as openPage } from './browser.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof astroPreview>>;
let out: string;

beforeAll(async () => {
  out = builtSite('public', MAIN, { OKR_AUDIENCE: 'public', SOURCE_DATE_EPOCH: '1797292800' });
  server = await astroPreview(out);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path: string) => openPage(browser, server.url + path);

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
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names the record when a published file was tampered with', async () => {
    const file = join(out, 'trust/2027-Q2/v1/leaves.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.includes('"record":"keyResult"'));
    const id = JSON.parse(lines[i]!).id as string;
    const original = lines.join('\n');
    lines[i] = lines[i]!.replace('"title":"', '"title":"X');
    writeFileSync(file, lines.join('\n'));
    onTestFinished(() => writeFileSync(file, original));
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

  it('objective pages keep every receipt behind one disclosure, each hash with its proof on demand; the trust index is accessible', async () => {
    const { page, errors } = await open('/objectives/2027-q1-company-churn-defense/');
    const receipts = page.locator('.receipt');
    expect(await receipts.count()).toBe(4); // the objective and its three key results
    // Grades first: no receipt is visible until the reader asks for them.
    expect(await receipts.first().isVisible()).toBe(false);
    expect(await page.locator('details.receipts-panel').count()).toBe(1);
    await page.locator('details.receipts-panel > summary').click();
    await expect.poll(() => page.locator('.receipt__copy').first().isVisible()).toBe(true);
    await page.locator('.receipt__details summary').first().click();
    const proof = page.locator('.receipt__proof').first();
    expect(await proof.isVisible()).toBe(true);
    expect(await proof.textContent()).toMatch(/^([0-9a-f]{64}\n)*[0-9a-f]{64}$/);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
    const trust = await open('/trust/');
    expect(await trust.page.locator('a[href="/trust/2027/v1/"]').count()).toBe(1);
    expect(await axe(trust.page)).toEqual([]);
    await trust.page.close();
  });
});
