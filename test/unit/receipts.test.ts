// Receipts core: RFC 8785 canonical JSON, RFC 9162 Merkle trees and inclusion proofs (with vectors of
// their own: the suite must pass without ../shared/vectors), tamper cases, snapshot verification in
// both drivers (node:crypto and WebCrypto), and the loader's rejection of what JCS cannot represent.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { validateYaml } from '../../src/lib/load/parse-file.ts';
import { canonicalJson, isCanonical } from '../../src/lib/receipts/canonical.ts';
import {
  allInclusionProofs,
  fromHex,
  inclusionProof,
  leafHash,
  nodeHash,
  rootFromInclusionProof,
  rootAndInclusionProofs,
  rootFromLeafHashes,
  rootOf,
  runAsync,
  toHex,
  verifyInclusion,
  type AsyncCrypto,
} from '../../src/lib/receipts/merkle.ts';
import { run } from '../../src/lib/receipts/node-crypto.ts';
import { buildSnapshot, FILES, signManifest } from '../../src/lib/receipts/snapshot.ts';
import type { Pin, SnapshotInput } from '../../src/lib/receipts/report.ts';
import { verifySnapshots } from '../../src/lib/receipts/verify.ts';
import { derToPem } from '../../src/lib/receipts/dsse.ts';
import * as schema from '../../src/lib/schema/index.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();
const bytes = (hex: string) => fromHex(hex)!;

describe('RFC 8785 canonical JSON', () => {
  it('matches the RFC 3.2.2 example (numbers, escapes, literals)', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });
  it('sorts keys by UTF-16 code units (RFC 3.2.3 example), not by locale', () => {
    const input = JSON.parse(
      '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}',
    );
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });
  it('serialises numbers as ECMAScript does (RFC Appendix B)', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [-0, '0'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [9007199254740991, '9007199254740991'],
      [9007199254740992, '9007199254740992'],
      [1e30, '1e+30'],
      [1e21, '1e+21'],
      [1e20, '100000000000000000000'],
      [9.999999999999997e22, '9.999999999999997e+22'],
      [0.000001, '0.000001'],
      [1e-7, '1e-7'],
    ];
    for (const [n, s] of cases) expect(canonicalJson([n])).toBe(`[${s}]`);
  });
  it('rejects what has no single canonical form', () => {
    for (const bad of [NaN, Infinity, -Infinity, '\uD800', 'a\uDC00b', { k: '\uDBFF' }, new Date(0), undefined, () => 1, 10n])
      expect(() => canonicalJson(bad), inspect(bad)).toThrow();
    expect(isCanonical('{"b":1,"a":2}')).toBe(false);
    expect(isCanonical('{"a":2,"b":1}')).toBe(true);
    expect(isCanonical('{"a": 2}')).toBe(false);
    expect(isCanonical('[9007199254740993]')).toBe(false);
  });
});

describe('content is NFC-normalised and JCS-unrepresentable values are content errors', () => {
  const okr = (kr: string) => `period: 2030-Q1\nteam: company\nobjectives:\n  - id: o1\n    title: T\n    keyResults:\n      - ${kr}\n`;
  it('normalises text to NFC at load, so the editor does not change a hash', () => {
    const r = validateYaml('okrs/x.yaml', okr('{ id: kr1, title: "Cafe\u0301", kind: milestone }'), schema.okrFile);
    expect(r.issues).toEqual([]);
    expect(r.value!.data.objectives[0]!.keyResults[0]!.title).toBe('Caf\u00e9');
  });
  it.each([
    ['a lone surrogate', '{ id: kr1, title: "x\\uD800y", kind: milestone }', /lone surrogate/, 'objectives[0].keyResults[0].title'],
    [
      'NaN',
      '{ id: kr1, title: t, kind: metric, baseline: 0, target: .nan }',
      /numbers must be finite/,
      'objectives[0].keyResults[0].target',
    ],
    [
      'Infinity',
      '{ id: kr1, title: t, kind: metric, baseline: -.inf, target: 1 }',
      /numbers must be finite/,
      'objectives[0].keyResults[0].baseline',
    ],
    [
      'an integer beyond 2^53',
      '{ id: kr1, title: t, kind: count, target: 9007199254740993 }',
      /beyond 2\^53/,
      'objectives[0].keyResults[0].target',
    ],
  ])('rejects %s with file, line and field', (_what, kr, message, path) => {
    const r = validateYaml('okrs/2030-Q1/company.yaml', okr(kr), schema.okrFile);
    const issue = r.issues.find((i) => message.test(i.message));
    expect(issue, JSON.stringify(r.issues)).toMatchObject({ file: 'okrs/2030-Q1/company.yaml', line: 7, path, severity: 'error' });
  });
});

// Independent reference: RFC 9162 2.1.1 written the obvious recursive way with node:crypto.
const H = (...parts: Uint8Array[]) => new Uint8Array(createHash('sha256').update(Buffer.concat(parts)).digest());
function mth(d: Uint8Array[]): Uint8Array {
  if (d.length === 0) return H();
  if (d.length === 1) return H(Uint8Array.of(0), d[0]!);
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return H(Uint8Array.of(1), mth(d.slice(0, k)), mth(d.slice(k)));
}

// The Certificate Transparency reference data (RFC 6962 / 9162): leaf inputs and roots for n = 0..8.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(bytes);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const leafData = (n: number) => Array.from({ length: n }, (_, i) => enc.encode(`leaf-${i}`));
const hashesOf = (d: Uint8Array[]) => d.map((x) => run(leafHash(x)));

describe('RFC 9162 Merkle tree', () => {
  it('gives the Certificate Transparency reference roots for n = 0..8', () => {
    for (let n = 0; n <= 8; n++) expect(toHex(run(rootOf(CT_LEAVES.slice(0, n)))), `n=${n}`).toBe(CT_ROOTS[n]);
  });
  it('the empty tree is SHA-256 of the empty string', () => {
    expect(toHex(run(rootFromLeafHashes([])))).toBe(createHash('sha256').update('').digest('hex'));
  });
  it('agrees with an independent recursive implementation up to 64 leaves', () => {
    for (let n = 0; n <= 64; n++) expect(toHex(run(rootOf(leafData(n)))), `n=${n}`).toBe(toHex(mth(leafData(n))));
  });
  it('gives the same root with all the proofs as on its own (0 to 64 leaves)', () => {
    for (let n = 0; n <= 64; n++) {
      const hashes = hashesOf(leafData(n));
      expect(toHex(run(rootAndInclusionProofs(hashes)).root), `n=${n}`).toBe(toHex(run(rootFromLeafHashes(hashes))));
    }
  });
  it('generates and verifies every inclusion proof of every tree up to 64 leaves', () => {
    let checked = 0;
    for (let n = 1; n <= 64; n++) {
      const hashes = hashesOf(leafData(n));
      const root = run(rootFromLeafHashes(hashes));
      const all = run(allInclusionProofs(hashes));
      for (let i = 0; i < n; i++) {
        const proof = run(inclusionProof(hashes, i));
        expect(all[i]!.map(toHex)).toEqual(proof.map(toHex));
        expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        expect(run(verifyInclusion(hashes[i]!, i, n, proof, root))).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe((64 * 65) / 2);
  });

  describe('tampering is rejected', () => {
    const n = 13;
    const data = leafData(n);
    const hashes = hashesOf(data);
    const root = run(rootFromLeafHashes(hashes));
    const i = 6;
    const proof = run(inclusionProof(hashes, i));
    const ok = (leaf: Uint8Array, idx: number, size: number, path: Uint8Array[], r = root) =>
      run(verifyInclusion(leaf, idx, size, path, r));
    it('the untampered proof verifies', () => expect(ok(hashes[i]!, i, n, proof)).toBe(true));
    it('a changed byte in the leaf', () => {
      const d = Uint8Array.from(data[i]!);
      d[0]! ^= 1;
      expect(ok(run(leafHash(d)), i, n, proof)).toBe(false);
    });
    it('a changed byte in a proof hash or the root', () => {
      const p = proof.map((x) => Uint8Array.from(x));
      p[1]![31]! ^= 0x80;
      expect(ok(hashes[i]!, i, n, p)).toBe(false);
      const r = Uint8Array.from(root);
      r[0]! ^= 1;
      expect(ok(hashes[i]!, i, n, proof, r)).toBe(false);
    });
    it('swapped siblings', () => expect(ok(hashes[i]!, i, n, [proof[1]!, proof[0]!, ...proof.slice(2)])).toBe(false));
    it('a truncated or extended proof', () => {
      expect(ok(hashes[i]!, i, n, proof.slice(0, -1))).toBe(false);
      expect(ok(hashes[i]!, i, n, [...proof, root])).toBe(false);
    });
    it('another index, an index ≥ tree size, a negative index, a wrong tree size', () => {
      expect(ok(hashes[i]!, i + 1, n, proof)).toBe(false);
      expect(ok(hashes[n - 1]!, n, n, proof)).toBe(false);
      expect(ok(hashes[0]!, -1, n, proof)).toBe(false);
      expect(ok(hashes[i]!, i, 8, proof)).toBe(false);
      expect(ok(hashes[i]!, i, 17, proof)).toBe(false);
      expect(run(rootFromInclusionProof(hashes[i]!, n + 3, n, proof))).toBeNull();
    });
    it('a duplicated last leaf (Bitcoin-style padding) neither keeps the root nor proves a phantom leaf', () => {
      const padded = [...hashes, hashes[n - 1]!];
      const paddedRoot = run(rootFromLeafHashes(padded));
      expect(toHex(paddedRoot)).not.toBe(toHex(root));
      // A proof for the duplicate, presented against the real tree, fails at every size claim.
      const phantom = run(inclusionProof(padded, n));
      expect(ok(hashes[n - 1]!, n, n, phantom)).toBe(false);
      expect(ok(hashes[n - 1]!, n, n + 1, phantom)).toBe(false);
      // Odd nodes are promoted: a 3-leaf tree is not a 4-leaf tree with the third leaf repeated.
      expect(toHex(run(rootOf(CT_LEAVES.slice(0, 3))))).not.toBe(toHex(run(rootOf([...CT_LEAVES.slice(0, 3), CT_LEAVES[2]!]))));
    });
    it('an interior node presented as a leaf (second preimage) is rejected', () => {
      // Interior node over leaves 0 and 1; its bytes as "leaf data" hash with the 0x00 prefix, not 0x01.
      const interiorData = new Uint8Array([...hashes[0]!, ...hashes[1]!]);
      const interior = run(nodeHash(hashes[0]!, hashes[1]!));
      expect(toHex(run(leafHash(interiorData)))).not.toBe(toHex(interior));
      const upper = run(inclusionProof(hashes, 0)).slice(1); // the path above the interior node
      expect(ok(run(leafHash(interiorData)), 0, n - 1, upper)).toBe(false);
      expect(ok(run(leafHash(interiorData)), 0, n, upper)).toBe(false);
    });
  });
});

// Synthetic snapshot: records in tree order, built, signed and verified.
function makeSnapshot(n: number, opts: { sign?: boolean } = {}) {
  const leaves = Array.from({ length: n }, (_, i) => {
    const id = `o-${String(i).padStart(2, '0')}`;
    const canonical = canonicalJson({ record: 'objective', id, title: `Objective ${i} — “ünïcødé”` });
    return { key: `objective/${id}`, canonical };
  });
  const built = run(
    buildSnapshot(leaves, {
      period: '2030-Q1',
      version: 'v1',
      commit: 'uncommitted',
      generatorVersion: '0.0.0-test',
      createdAt: '2030-01-01T00:00:00Z',
      supersedes: null,
    }),
  );
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const keyid = createHash('sha256').update(spki).digest('hex');
  if (opts.sign)
    built.files[FILES.signature] = signManifest(built.files[FILES.manifest]!, keyid, (m) => new Uint8Array(sign(null, m, privateKey)));
  const input: SnapshotInput = { path: 'trust/2030-Q1/v1', period: '2030-Q1', version: 'v1', files: { ...built.files } };
  return { built, input, keys: [{ file: 'trust/keys/test.pem', pem: derToPem(spki) }], pins: [{ id: 'test', fingerprint: keyid }] };
}

const NOW = Date.parse('2030-06-01T00:00:00Z');
const verifyPinned = (input: SnapshotInput, keys: { file: string; pem: string }[] = [], pins: Pin[] = []) =>
  run(verifySnapshots([input], keys, { chain: false, pins, now: NOW })).reports[0]!;
const withFile = (input: SnapshotInput, name: string, f: (text: string) => string): SnapshotInput => ({
  ...input,
  files: { ...input.files, [name]: enc.encode(f(dec.decode(input.files[name]))) },
});

describe('snapshot verification', () => {
  const { built, input, keys: published, pins } = makeSnapshot(11, { sign: true });
  // The key is pinned: each case below fails for what it changed, not for who signed.
  const verifyOne = (x: SnapshotInput, keys = published) => verifyPinned(x, keys, pins);
  it('a fresh snapshot verifies: leaves, proofs, root and signature', () => {
    const r = verifyOne(input);
    expect(r.failures).toEqual([]);
    expect(r.checked).toEqual({ leaves: 11, proofs: 11, signatures: 1 });
    expect(r.signature.status).toBe('valid');
    expect(r.manifest!.root).toBe(built.manifest.root);
  });
  it('is deterministic: the same records give the same bytes', () => {
    const again = makeSnapshot(11).built.files;
    for (const name of [FILES.manifest, FILES.leaves, FILES.proofs]) expect(dec.decode(again[name])).toBe(dec.decode(built.files[name]));
  });
  it('names the record whose leaf bytes changed', () => {
    const r = verifyOne(withFile(input, FILES.leaves, (t) => t.replace('Objective 4 ', 'Objective 4!')));
    expect(r.ok).toBe(false);
    expect(r.failures.map((f) => f.record)).toContain('objective/o-04');
    expect(r.failures.find((f) => f.record === 'objective/o-04')!.message).toMatch(/leaf 4 hashes to .* the record was changed/);
  });
  it('names a record that is not canonical (whitespace) even though it parses', () => {
    const r = verifyOne(withFile(input, FILES.leaves, (t) => t.replace('{"id":"o-02",', '{"id": "o-02",')));
    expect(r.failures.some((f) => f.record === 'objective/o-02' && /canonical/.test(f.message))).toBe(true);
  });
  it('names records swapped out of order', () => {
    const r = verifyOne(
      withFile(input, FILES.leaves, (t) => {
        const l = t.split('\n');
        [l[3], l[4]] = [l[4]!, l[3]!];
        return l.join('\n');
      }),
    );
    expect(r.failures.some((f) => /out of order/.test(f.message) && f.record === 'objective/o-03')).toBe(true);
  });
  it('names the record whose proof was tampered with (swapped siblings, truncated path)', () => {
    const swapped = withFile(input, FILES.proofs, (t) => {
      const p = JSON.parse(t);
      p.proofs[5].path = [p.proofs[5].path[1], p.proofs[5].path[0], ...p.proofs[5].path.slice(2)];
      return JSON.stringify(p);
    });
    expect(verifyOne(swapped).failures).toEqual([
      expect.objectContaining({ record: 'objective/o-05', message: expect.stringMatching(/inclusion proof of leaf 5 does not lead/) }),
    ]);
    const truncated = withFile(input, FILES.proofs, (t) => {
      const p = JSON.parse(t);
      p.proofs[9].path.pop();
      return JSON.stringify(p);
    });
    expect(verifyOne(truncated).failures.map((f) => f.record)).toEqual(['objective/o-09']);
  });
  it('rejects a duplicated last leaf and a tree-size lie', () => {
    const dup = withFile(input, FILES.leaves, (t) => t + t.trimEnd().split('\n').at(-1)! + '\n');
    const r = verifyOne(dup);
    expect(r.failures.map((f) => f.message).join('\n')).toMatch(
      /out of order or repeated[\s\S]*holds 12 leaves but the manifest's treeSize is 11/,
    );
  });
  it('rejects a re-rooted manifest by its signature, and a signature whose pinned key is not published', () => {
    const other = makeSnapshot(10).built.manifest.root;
    const rerooted = withFile(input, FILES.manifest, (t) => t.replace(built.manifest.root, other));
    const msgs = verifyOne(rerooted)
      .failures.map((f) => f.message)
      .join('\n');
    expect(msgs).toMatch(/signed payload is not the bytes of manifest.json/);
    expect(msgs).toMatch(/inclusion proof of leaf 0 does not lead/);
    expect(verifyOne(input, []).failures).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /signed by the pinned key test, but no public key read \(trust\/keys\/ or --keys\) has its fingerprint/,
        ),
      }),
    ]);
  });
  it('runs the same verification with WebCrypto (the browser Verify button)', async () => {
    const subtle = globalThis.crypto.subtle;
    const web: AsyncCrypto = {
      sha256: async (d) => new Uint8Array(await subtle.digest('SHA-256', d as BufferSource)),
      ed25519: async (k, m, s) =>
        subtle.verify(
          { name: 'Ed25519' },
          await subtle.importKey('spki', k as BufferSource, { name: 'Ed25519' }, false, ['verify']),
          s as BufferSource,
          m as BufferSource,
        ),
    };
    const good = await runAsync(verifySnapshots([input], published, { chain: false, pins, now: NOW }), web);
    expect(good.reports[0]!.failures).toEqual([]);
    expect(good.reports[0]!.signature.status).toBe('valid');
    const bad = await runAsync(
      verifySnapshots([withFile(input, FILES.leaves, (t) => t.replace('Objective 7 ', 'Objective 7?'))], published, {
        chain: false,
        pins,
        now: NOW,
      }),
      web,
    );
    expect(bad.reports[0]!.failures.map((f) => f.record)).toContain('objective/o-07');
    expect(toHex(await runAsync(rootOf(CT_LEAVES), web))).toBe(CT_ROOTS[8]);
  });
});
