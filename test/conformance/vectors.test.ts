// Conformance against the shared reference data in ../shared/vectors (see its README): every RFC 8785
// input/output pair byte for byte, the RFC 9162 roots for n = 0..8 and all 36 inclusion proofs.
// The folder sits beside the repository in CI; a user's clone has none, and then this suite says so
// plainly and checks only that (the unit tests carry vectors of their own).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/lib/receipts/canonical.ts';
import {
  fromHex,
  inclusionProof,
  leafHash,
  rootFromInclusionProof,
  rootOf,
  toHex,
  verifyInclusion,
} from '../../src/lib/receipts/merkle.ts';
import { run } from '../../src/lib/receipts/node-crypto.ts';
import { ROOT } from '../helpers.ts';

const DIR = join(ROOT, '..', 'shared', 'vectors');
const present = existsSync(DIR);
const counts = { rfc8785: 0, roots: 0, proofs: 0 };

afterAll(() => {
  console.log(
    present
      ? `conformance: checked ${counts.rfc8785} RFC 8785 vectors, ${counts.roots} RFC 9162 roots and ${counts.proofs} inclusion proofs from ${DIR}`
      : `conformance: ${DIR} is absent — no shared vectors checked (the unit tests' own vectors still ran)`,
  );
});

if (!present) {
  describe('shared vectors', () => {
    it('are absent here, so nothing is checked against them', () => expect(existsSync(DIR)).toBe(false));
  });
} else {
  describe('RFC 8785 (cyberphone/json-canonicalization testdata)', () => {
    const names = readdirSync(join(DIR, 'rfc8785', 'input'))
      .filter((f) => f.endsWith('.json'))
      .sort();
    it('has vectors', () => expect(names.length).toBeGreaterThan(0));
    it.each(names)('%s canonicalises to the exact output bytes', (name) => {
      const input = JSON.parse(readFileSync(join(DIR, 'rfc8785', 'input', name), 'utf8'));
      const expected = readFileSync(join(DIR, 'rfc8785', 'output', name));
      expect(Buffer.from(canonicalJson(input), 'utf8').equals(expected)).toBe(true);
      counts.rfc8785++;
    });
  });

  describe('RFC 9162 Merkle tree hashes', () => {
    const data = JSON.parse(readFileSync(join(DIR, 'rfc9162-merkle.json'), 'utf8')) as {
      leafInputsHex: string[];
      rootsBySize: string[];
      inclusionProofs: { treeSize: number; leafIndex: number; leafHex: string; path: string[]; root: string }[];
    };
    const leaves = data.leafInputsHex.map((h) => fromHex(h)!);
    it('gives every reference root for n = 0..8', () => {
      data.rootsBySize.forEach((root, n) => {
        expect(toHex(run(rootOf(leaves.slice(0, n)))), `n=${n}`).toBe(root);
        counts.roots++;
      });
      expect(counts.roots).toBe(9);
    });
    it('generates and verifies all 36 reference inclusion proofs', () => {
      for (const p of data.inclusionProofs) {
        const hashes = leaves.slice(0, p.treeSize).map((l) => run(leafHash(l)));
        expect(run(inclusionProof(hashes, p.leafIndex)).map(toHex), `${p.leafIndex}/${p.treeSize}`).toEqual(p.path);
        const leaf = run(leafHash(fromHex(p.leafHex)!));
        const path = p.path.map((h) => fromHex(h)!);
        expect(toHex(run(rootFromInclusionProof(leaf, p.leafIndex, p.treeSize, path))!)).toBe(p.root);
        expect(run(verifyInclusion(leaf, p.leafIndex, p.treeSize, path, fromHex(p.root)!))).toBe(true);
        counts.proofs++;
      }
      expect(counts.proofs).toBe(36);
    });
  });
}
