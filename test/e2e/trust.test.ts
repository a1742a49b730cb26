// The trust center in a real browser: the public build of the demo handbook — with a signed
// correction of 2027-Q1 by a second pinned key — served by `astro preview`; the Verify button
// recomputing a snapshot and its chain with WebCrypto, naming the record when a served file was
// tampered with and the rule when the chain was cut (signature stripped, unsigned successor, backdated
// successor, unpinned key, inconsistent extension); receipts on objective pages; accessibility.
import { createHash, createPublicKey } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { runOkr } from '../helpers.ts';
import { chainedContent, resign, rewriteRecords, testKey, type TestKey } from '../trust-fixture.ts';
import { astroPreview, axe, builtSite, launch, open as openPage } from './browser.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof astroPreview>>;
let out: string;
let content: string;
let key: TestKey;

beforeAll(async () => {
  ({ dir: content, key } = chainedContent());
  out = builtSite('public-chain', content, { OKR_AUDIENCE: 'public', SOURCE_DATE_EPOCH: '1797292800' });
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
      expect(readFileSync(join(out, 'trust/2027-Q1/v1', f)).equals(readFileSync(join(content, 'trust/2027-Q1/v1', f)))).toBe(true);
  });

  it('okr verify accepts the published trust folder as served, setting the site pages aside', () => {
    const pins = readFileSync(join(content, 'org.yaml'), 'utf8').match(/[0-9a-f]{64}/g)!;
    const r = runOkr(['verify', join(out, 'trust'), ...pins.flatMap((p) => ['--pin', p])]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Set aside \d+ pages of the site \(index\.html\): not snapshot files\.$/m);
  });

  it('says "not verified" in a browser that cannot check Ed25519 signatures', async () => {
    const page = await browser.newPage();
    // As in a browser without Ed25519 in WebCrypto: importing the key is refused as not supported.
    await page.addInitScript(() => {
      const importKey = crypto.subtle.importKey.bind(crypto.subtle);
      crypto.subtle.importKey = ((...args: Parameters<SubtleCrypto['importKey']>) =>
        JSON.stringify(args[2]).includes('Ed25519')
          ? Promise.reject(new DOMException('no Ed25519', 'NotSupportedError'))
          : importKey(...args)) as SubtleCrypto['importKey'];
    });
    await page.goto(`${server.url}/trust/2027-Q1/v1/`);
    await page.getByRole('button', { name: 'Verify' }).click();
    const result = page.locator('[data-verify-result]');
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/⚠ Not verified: this browser cannot check Ed25519/);
    expect(await result.textContent()).not.toMatch(/✓ Verified/);
    await page.close();
  });

  it('the Verify button recomputes leaves, proofs, root and signature with WebCrypto', async () => {
    const { page, errors } = await open('/trust/2027-Q1/v1/');
    await page.getByRole('button', { name: 'Verify' }).click();
    const result = page.locator('[data-verify-result]');
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/✓ Verified/);
    const text = (await result.textContent())!;
    expect(text).toMatch(/9 leaves are canonical RFC 8785 JSON/);
    expect(text).toMatch(/9 inclusion proofs lead to the root 3c133c53a687530da31d6cfdba6236dc7bd71ec1678f74a51314486689472691/);
    expect(text).toMatch(
      /the Ed25519 signature over manifest.json is valid, by the pinned key nexusflow-trust-2026 \(fingerprint [0-9a-f]{64}\)/,
    );
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

  it('verifies a correction with the chain before it: v1 → v2, signed throughout, its change listed', async () => {
    const { page, errors } = await open('/trust/2027-Q1/v2/');
    await page.getByRole('button', { name: 'Verify' }).click();
    const result = page.locator('[data-verify-result]');
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/✓ Verified/);
    expect(await result.textContent()).toMatch(
      /by the pinned key release-2026 .*not after this browser's clock.*signed by a pinned key.*the chain v1 → v2 holds/,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('its offline commands download the chain and the pinned keys in the layout okr verify reads, and verify with the compared pins', async () => {
    const { page } = await open('/trust/2027-Q1/v2/');
    const script = (await page.locator('[data-offline-verify]').textContent())!;
    await page.close();
    // The site is served here rather than at its configured address; otherwise the commands are followed as written.
    const home = mkdtempSync(join(tmpdir(), 'okr-offline-'));
    onTestFinished(() => rmSync(home, { recursive: true, force: true }));
    const lines = script.replaceAll('https://handbook.example.com', server.url).replaceAll('~', home).split('\n');
    const fetched: string[] = [];
    const fingerprints: string[] = [];
    for (const line of lines) {
      const mkdir = /&& mkdir -p (.+)$/.exec(line);
      for (const dir of mkdir?.[1]?.split(' ') ?? []) mkdirSync(join(home, 'okr-snapshot', dir), { recursive: true });
      const get = /^curl -fsSo (\S+) (\S+)$/.exec(line);
      const fp = /^openssl pkey -pubin -in (\S+) -outform DER \| sha256sum$/.exec(line);
      if (get) {
        const r = await fetch(get[2]!);
        expect(r.status, get[2]).toBe(200);
        writeFileSync(join(home, 'okr-snapshot', get[1]!), Buffer.from(await r.arrayBuffer()));
        fetched.push(get[1]!);
      } else if (fp) {
        const spki = createPublicKey(readFileSync(join(home, 'okr-snapshot', fp[1]!))).export({ type: 'spki', format: 'der' });
        fingerprints.push(createHash('sha256').update(spki).digest('hex'));
      }
    }
    expect(fetched).toEqual(expect.arrayContaining(['2027-Q1/v1/manifest.json', '2027-Q1/v2/manifest.dsse.json', 'keys/release-2026.pem']));
    expect(fingerprints).toContain(key.fingerprint);
    const verify = lines
      .at(-1)!
      .replace(/^npm run --silent okr -- /, '')
      .replace('--pin FINGERPRINT', fingerprints.map((f) => `--pin ${f}`).join(' '));
    const r = runOkr(verify.split(' '));
    expect(r.stdout, r.stderr).toMatch(/^Verified 2 snapshots/m);
    expect(r.code).toBe(0);
  });

  it('shows the pinned keys with their fingerprints and where to compare them', async () => {
    const { page } = await open('/trust/');
    const keys = page.locator('#keys + *, section[aria-labelledby="keys"]');
    const text = (await keys.first().textContent())!;
    expect(text).toMatch(/nexusflow-trust-2026 · fingerprint \(SHA-256 of the public key\) [0-9a-f]{64}/);
    expect(text).toMatch(/release-2026/);
    expect(
      await page.locator('section[aria-labelledby="keys"] a[href="https://nexusflow.example/security/okr-signing-keys.txt"]').count(),
    ).toBe(1);
    await page.close();
  });

  describe('the Verify button rejects each cut of the chain, naming the rule', () => {
    const folder = (v: string) => join(out, 'trust/2027-Q1', v);
    /** Change the served files for one test; put them back afterwards. */
    const tamper = (v: string, change: (dir: string) => void) => {
      const saved = join(mkdtempSync(join(tmpdir(), 'okr-served-')), v);
      cpSync(folder(v), saved, { recursive: true });
      onTestFinished(() => {
        rmSync(folder(v), { recursive: true, force: true });
        cpSync(saved, folder(v), { recursive: true });
      });
      change(folder(v));
    };
    const failure = async (path: string) => {
      const { page } = await open(path);
      await page.getByRole('button', { name: 'Verify' }).click();
      const result = page.locator('[data-verify-result]');
      await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/✗ Verification failed/);
      const fails = await result.locator('.verify__fail').allTextContents();
      await page.close();
      return fails.join('\n');
    };
    const cases: [string, string, (dir: string) => void, string, RegExp][] = [
      [
        'signature stripped',
        'v1',
        (dir) => rmSync(join(dir, 'manifest.dsse.json')),
        '/trust/2027-Q1/v1/',
        /✗ signature missing: org\.yaml \(trust\.keys\) pins signing keys/,
      ],
      [
        'unsigned successor',
        'v2',
        (dir) => resign(dir, null),
        '/trust/2027-Q1/v2/',
        /✗ unsigned successor: v1 is signed, so every later version must be signed/,
      ],
      [
        'backdated successor',
        'v2',
        (dir) => resign(dir, key, (m) => (m.createdAt = '2026-11-01T00:00:00Z')),
        '/trust/2027-Q1/v2/',
        /✗ backdated: createdAt 2026-11-01T00:00:00Z is before v1's 2026-11-30T00:00:00Z/,
      ],
      [
        'unpinned key',
        'v2',
        (dir) => resign(dir, testKey()),
        '/trust/2027-Q1/v2/',
        /✗ unpinned key: signed by key [0-9a-f]{16}…, which is not pinned/,
      ],
      [
        'inconsistent extension',
        'v2',
        (dir) =>
          rewriteRecords(dir, key, (line) => (line.includes('churn-defense.kr3"') ? line.replace('< 45 minutes', '< 60 minutes') : line)),
        '/trust/2027-Q1/v2/',
        /✗ inconsistent extension: the manifest lists changed keyResult\/2027-q1-company-churn-defense\.kr1, but against v1 the leaves show .*kr3/,
      ],
    ];
    for (const [name, v, change, path, named] of cases)
      it(name, async () => {
        tamper(v, change);
        expect(await failure(path)).toMatch(named);
      });
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
