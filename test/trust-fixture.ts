// A copy of the demo handbook whose 2027-Q1 has a signed correction (v2) by a test key pinned beside
// the demo's, and the tools to cut its trust chain the ways an attacker would: strip a signature,
// re-sign a rewritten manifest, drop in a key, rewrite a version's records consistently.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { derToPem } from '../src/lib/receipts/dsse.ts';
import { run } from '../src/lib/receipts/node-crypto.ts';
import { buildSnapshot, FILES, signManifest, stableJson, type Manifest } from '../src/lib/receipts/snapshot.ts';
import { copyContent, edit, runOkr } from './helpers.ts';

export interface TestKey {
  privateKey: KeyObject;
  fingerprint: string;
  pem: string;
}

export function testKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  return { privateKey, fingerprint: createHash('sha256').update(spki).digest('hex'), pem: derToPem(spki) };
}

/** The seed of a key, as OKR_SIGNING_KEY takes it. */
const seedOf = (k: TestKey) => k.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(16).toString('base64');

/** 2026-12-01: after the demo's snapshots (2026-11-30), before the machine's clock. */
export const V2_EPOCH = '1796083200';

/**
 * The demo content with a second pinned key ("release-2026") and 2027-Q1/v2: a signed correction of
 * one target, listing it. Returns the folder and the key.
 */
export function chainedContent(): { dir: string; key: TestKey } {
  const dir = copyContent();
  const key = testKey();
  edit(join(dir, 'org.yaml'), /\n$/, `\n    - id: release-2026\n      fingerprint: ${key.fingerprint}\n`);
  writeFileSync(join(dir, 'trust/keys/release-2026.pem'), key.pem);
  edit(join(dir, 'okrs/2027-Q1/company.yaml'), 'target: 95', 'target: 97');
  const r = runOkr(['snapshot', '2027-Q1', '--content', dir, '--supersede', '--reason', 'Coverage target raised to 97%'], {
    SOURCE_DATE_EPOCH: V2_EPOCH,
    OKR_SIGNING_KEY: seedOf(key),
  });
  if (r.code !== 0) throw new Error(r.stderr);
  return { dir, key };
}

const manifestOf = (folder: string) => JSON.parse(readFileSync(join(folder, FILES.manifest), 'utf8')) as Manifest;

/** Write a version's manifest (after `change`) and sign it with `key` (or leave it unsigned). */
export function resign(folder: string, key: TestKey | null, change: (m: Manifest) => void = () => {}): void {
  const m = manifestOf(folder);
  change(m);
  const bytes = new TextEncoder().encode(stableJson(m));
  writeFileSync(join(folder, FILES.manifest), bytes);
  rmSync(join(folder, FILES.signature), { force: true });
  if (key)
    writeFileSync(
      join(folder, FILES.signature),
      signManifest(bytes, key.fingerprint, (msg) => new Uint8Array(sign(null, msg, key.privateKey))),
    );
}

/**
 * Rewrite a version's records consistently — leaves, proofs and root recomputed, the manifest kept
 * otherwise (its list of changes included) and signed with `key`: what only a signer could do.
 */
export function rewriteRecords(folder: string, key: TestKey, change: (line: string) => string): void {
  const lines = readFileSync(join(folder, FILES.leaves), 'utf8').trimEnd().split('\n').map(change);
  const leaves = lines.map((canonical) => {
    const v = JSON.parse(canonical) as { record: string; id: string };
    return { key: `${v.record}/${v.id}`, canonical };
  });
  const old = manifestOf(folder);
  const built = run(buildSnapshot(leaves, old));
  for (const name of [FILES.leaves, FILES.proofs]) writeFileSync(join(folder, name), built.files[name]!);
  resign(folder, key, (m) => Object.assign(m, { root: built.manifest.root }));
}
