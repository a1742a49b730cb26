// The trust chain's rules (src/lib/receipts/chain.ts) on synthetic versions of one period: a signed v1
// and a correction v2 pass, and each way of cutting the chain fails with its rule named — signature
// stripped, unsigned successor, backdated, dated in the future, unpinned or replaced key, inconsistent
// extension, a version removed. Both crypto drivers run the same rules.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/lib/receipts/canonical.ts';
import { leafChanges } from '../../src/lib/receipts/chain.ts';
import { derToPem } from '../../src/lib/receipts/dsse.ts';
import { runAsync, toHex, type AsyncCrypto } from '../../src/lib/receipts/merkle.ts';
import { run } from '../../src/lib/receipts/node-crypto.ts';
import type { ChainRule, KeyInput, Pin, SnapshotInput } from '../../src/lib/receipts/report.ts';
import { buildSnapshot, FILES, signManifest, type Manifest } from '../../src/lib/receipts/snapshot.ts';
import { verifySnapshots } from '../../src/lib/receipts/verify.ts';

const NOW = Date.parse('2030-06-01T00:00:00Z');

function keyPair(name: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const fingerprint = createHash('sha256').update(spki).digest('hex');
  return { privateKey, fingerprint, file: { file: `trust/keys/${name}.pem`, pem: derToPem(spki) } satisfies KeyInput };
}
const ours = keyPair('ours');
const theirs = keyPair('theirs');
const PINS: Pin[] = [{ id: 'ours', fingerprint: ours.fingerprint }];

const leaf = (id: string, title: string) => ({ key: `objective/${id}`, canonical: canonicalJson({ record: 'objective', id, title }) });
const V1_LEAVES = [leaf('o-1', 'Ship'), leaf('o-2', 'Sell'), leaf('o-3', 'Support')];

/** A version of 2030-Q1 over `leaves`, signed by `key` unless null; `manifest` overrides fields before signing. */
function version(
  n: number,
  leaves: { key: string; canonical: string }[],
  opts: { key?: { privateKey: KeyObject; fingerprint: string } | null; createdAt?: string; changes?: Manifest['changes'] | 'auto' } = {},
): SnapshotInput {
  const hashes = (ls: typeof leaves) =>
    ls.map((l) => ({
      key: l.key,
      leaf: toHex(
        createHash('sha256')
          .update(Buffer.concat([Buffer.of(0), Buffer.from(l.canonical)]))
          .digest(),
      ),
    }));
  const changes = opts.changes === 'auto' ? leafChanges(hashes(V1_LEAVES), hashes(leaves)) : opts.changes;
  const built = run(
    buildSnapshot(leaves, {
      period: '2030-Q1',
      version: `v${n}`,
      commit: 'uncommitted',
      generatorVersion: '0.0.0-test',
      createdAt: opts.createdAt ?? `2030-0${n}-01T00:00:00Z`,
      supersedes: n > 1 ? `v${n - 1}` : null,
      ...(n > 1 ? { reason: 'test' } : {}),
      ...(changes ? { changes } : {}),
    }),
  );
  const key = opts.key === undefined ? ours : opts.key;
  if (key)
    built.files[FILES.signature] = signManifest(
      built.files[FILES.manifest]!,
      key.fingerprint,
      (m) => new Uint8Array(sign(null, m, key.privateKey)),
    );
  return { path: `trust/2030-Q1/v${n}`, period: '2030-Q1', version: `v${n}`, files: built.files };
}

const CORRECTED = [leaf('o-1', 'Ship'), leaf('o-2', 'Sell more'), leaf('o-3', 'Support'), leaf('o-4', 'Scale')];

function verify(versions: SnapshotInput[], opts: { keys?: KeyInput[]; pins?: Pin[]; chain?: boolean } = {}) {
  const r = run(verifySnapshots(versions, opts.keys ?? [ours.file], { pins: opts.pins ?? PINS, now: NOW, chain: opts.chain ?? true }));
  const failures = [...r.failures, ...r.reports.flatMap((x) => x.failures)];
  return { failures, rules: [...new Set(failures.map((f) => f.rule))], reports: r.reports };
}
const rulesOf = (versions: SnapshotInput[], opts?: Parameters<typeof verify>[1]) => verify(versions, opts).rules;

describe('a sound chain', () => {
  it('a signed v1 and a signed correction that lists its changes verify', () => {
    expect(verify([version(1, V1_LEAVES), version(2, CORRECTED, { changes: 'auto' })]).failures).toEqual([]);
  });
  it('a v2 that only appends records needs no list: it extends v1', () => {
    expect(verify([version(1, V1_LEAVES), version(2, [...V1_LEAVES, leaf('o-4', 'Scale')])]).failures).toEqual([]);
  });
  it('without pinned keys, unsigned snapshots verify (a handbook that does not sign)', () => {
    expect(verify([version(1, V1_LEAVES, { key: null })], { keys: [], pins: [] }).failures).toEqual([]);
  });
});

describe('each cut of the chain is rejected and named', () => {
  const cases: [string, () => (ChainRule | undefined)[], ChainRule[]][] = [
    ['signature stripped from v1', () => rulesOf([version(1, V1_LEAVES, { key: null })]), ['signature-missing']],
    [
      'unsigned successor of a signed v1',
      () => rulesOf([version(1, V1_LEAVES), version(2, CORRECTED, { key: null, changes: 'auto' })]),
      ['unsigned-successor'],
    ],
    [
      'unsigned successor even after the pins were removed from org.yaml',
      () => rulesOf([version(1, V1_LEAVES), version(2, CORRECTED, { key: null, changes: 'auto' })], { pins: [] }),
      ['unpinned-key', 'unsigned-successor'],
    ],
    [
      'backdated successor',
      () => rulesOf([version(1, V1_LEAVES), version(2, CORRECTED, { changes: 'auto', createdAt: '2029-12-31T00:00:00Z' })]),
      ['backdated'],
    ],
    ['dated in the future', () => rulesOf([version(1, V1_LEAVES, { createdAt: '2031-01-01T00:00:00Z' })]), ['future-dated']],
    [
      'successor signed by an unpinned key, its public key dropped into trust/keys/',
      () => rulesOf([version(1, V1_LEAVES), version(2, CORRECTED, { key: theirs, changes: 'auto' })], { keys: [ours.file, theirs.file] }),
      ['unpinned-key'],
    ],
    [
      'inconsistent extension: v2 changes a record and lists nothing',
      () => rulesOf([version(1, V1_LEAVES), version(2, CORRECTED)]),
      ['inconsistent-extension'],
    ],
    [
      'inconsistent extension: the list leaves a change out',
      () => rulesOf([version(1, V1_LEAVES), version(2, CORRECTED, { changes: { added: ['objective/o-4'], changed: [], removed: [] } })]),
      ['inconsistent-extension'],
    ],
    ['a version removed: v2 without its v1', () => rulesOf([version(2, CORRECTED, { changes: 'auto' })]), ['broken-chain']],
  ];
  for (const [name, rules, expected] of cases) it(name, () => expect(rules().sort()).toEqual([...expected].sort()));

  it('names what failed, file by file', () => {
    const { failures } = verify([version(1, V1_LEAVES), version(2, CORRECTED, { changes: 'auto', createdAt: '2029-12-31T00:00:00Z' })]);
    expect(failures).toEqual([
      {
        file: 'trust/2030-Q1/v2/manifest.json',
        rule: 'backdated',
        message:
          "backdated: createdAt 2029-12-31T00:00:00Z is before v1's 2030-01-01T00:00:00Z; a later version may not predate the one it follows",
      },
    ]);
    const listed = verify([
      version(1, V1_LEAVES),
      version(2, CORRECTED, { changes: { added: ['objective/o-4'], changed: [], removed: [] } }),
    ]);
    expect(listed.failures[0]!.message).toBe(
      'inconsistent extension: the manifest lists added objective/o-4, but against v1 the leaves show added objective/o-4, changed objective/o-2',
    );
  });

  it('a key file nobody pinned is an error, and so is a pinned name holding another key', () => {
    expect(verify([version(1, V1_LEAVES)], { keys: [ours.file, theirs.file] }).failures).toEqual([
      expect.objectContaining({
        file: 'trust/keys/theirs.pem',
        rule: 'unpinned-key',
        message: expect.stringMatching(/is not pinned in org\.yaml/),
      }),
    ]);
    const swapped = { file: 'trust/keys/ours.pem', pem: theirs.file.pem };
    const { failures } = verify([version(1, V1_LEAVES)], { keys: [swapped] });
    expect(failures.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^unpinned key: this file holds key [0-9a-f]{16}…, but org\.yaml \(trust\.keys\) pins ours as [0-9a-f]{16}… \(was the key replaced\?\)$/,
      ),
      'signed by the pinned key ours, but no public key read (trust/keys/ or --keys) has its fingerprint, so the signature cannot be checked',
    ]);
  });

  it('one folder alone: the rules that need no other version still hold', () => {
    expect(rulesOf([version(2, CORRECTED, { key: null, changes: 'auto' })], { chain: false })).toEqual(['signature-missing']);
  });
});

describe('the browser driver (WebCrypto) runs the same rules', () => {
  const subtle = globalThis.crypto.subtle;
  const web = (ed25519: boolean): AsyncCrypto => ({
    sha256: async (d) => new Uint8Array(await subtle.digest('SHA-256', d as BufferSource)),
    ed25519: async (k, m, s) =>
      ed25519
        ? subtle.verify(
            { name: 'Ed25519' },
            await subtle.importKey('spki', k as BufferSource, { name: 'Ed25519' }, false, ['verify']),
            s as BufferSource,
            m as BufferSource,
          )
        : null,
  });
  it('rejects a backdated, unsigned successor with both rules', async () => {
    const versions = [version(1, V1_LEAVES), version(2, CORRECTED, { key: null, changes: 'auto', createdAt: '2029-12-31T00:00:00Z' })];
    const r = await runAsync(verifySnapshots(versions, [ours.file], { pins: PINS, now: NOW }), web(true));
    expect(r.reports.flatMap((x) => x.failures.map((f) => f.rule)).sort()).toEqual(['backdated', 'unsigned-successor']);
  });
  it('without Ed25519 in the browser, a signature is unchecked but still counts as present', async () => {
    const r = await runAsync(verifySnapshots([version(1, V1_LEAVES)], [ours.file], { pins: PINS, now: NOW }), web(false));
    expect(r.reports[0]!.signature.status).toBe('unchecked');
    expect(r.reports[0]!.failures).toEqual([]);
  });
});
