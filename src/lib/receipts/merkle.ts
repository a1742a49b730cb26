// Merkle trees per RFC 9162 §2.1 (the Certificate Transparency tree): leaf hash SHA-256(0x00 ‖ d),
// node hash SHA-256(0x01 ‖ left ‖ right), split at the largest power of two below n, odd nodes are
// promoted (never duplicated), and the empty tree's root is SHA-256 of the empty string.
//
// The algorithms are written once, as generators that *ask* for each hash (`yield {op: 'sha256'}`),
// and run by one of two drivers: `runSync` with node:crypto for the build and the CLI, `runAsync`
// with WebCrypto in the browser's Verify button. Browser-safe: no Node imports here.

export type Op =
  | { op: 'sha256'; data: Uint8Array }
  /** Verify an Ed25519 signature; `publicKey` is a DER SubjectPublicKeyInfo. Null: the driver has no Ed25519. */
  | { op: 'ed25519'; publicKey: Uint8Array; message: Uint8Array; signature: Uint8Array };

/** A computation that needs hashes (and perhaps signature checks) from its driver. */
export type Eff<T> = Generator<Op, T, unknown>;

export interface SyncCrypto {
  sha256(data: Uint8Array): Uint8Array;
  ed25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}
export interface AsyncCrypto {
  sha256(data: Uint8Array): Promise<Uint8Array>;
  ed25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean | null>;
}

export function runSync<T>(g: Eff<T>, c: SyncCrypto): T {
  let r = g.next();
  while (!r.done) {
    const op = r.value;
    r = g.next(op.op === 'sha256' ? c.sha256(op.data) : c.ed25519(op.publicKey, op.message, op.signature));
  }
  return r.value;
}

export async function runAsync<T>(g: Eff<T>, c: AsyncCrypto): Promise<T> {
  let r = g.next();
  while (!r.done) {
    const op = r.value;
    r = g.next(op.op === 'sha256' ? await c.sha256(op.data) : await c.ed25519(op.publicKey, op.message, op.signature));
  }
  return r.value;
}

export function* sha256(data: Uint8Array): Eff<Uint8Array> {
  return (yield { op: 'sha256', data }) as Uint8Array;
}

/** Whether the signature verifies; null when the driver cannot tell (no Ed25519 in an older browser). */
export function* ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Eff<boolean | null> {
  return (yield { op: 'ed25519', publicKey, message, signature }) as boolean | null;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const LEAF = Uint8Array.of(0x00);
const NODE = Uint8Array.of(0x01);

/** SHA-256(0x00 ‖ data): the hash of a leaf's bytes. */
export const leafHash = (data: Uint8Array): Eff<Uint8Array> => sha256(concat(LEAF, data));
/** SHA-256(0x01 ‖ left ‖ right): an interior node. */
export const nodeHash = (left: Uint8Array, right: Uint8Array): Eff<Uint8Array> => sha256(concat(NODE, left, right));

/** The largest power of two strictly below n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes (already SHA-256(0x00 ‖ d)). The empty tree's root is SHA-256(""). */
export function* rootFromLeafHashes(hashes: readonly Uint8Array[]): Eff<Uint8Array> {
  if (hashes.length === 0) return yield* sha256(new Uint8Array(0));
  return yield* subtree(hashes, 0, hashes.length);
}

function* subtree(hashes: readonly Uint8Array[], from: number, to: number): Eff<Uint8Array> {
  const n = to - from;
  if (n === 1) return hashes[from]!;
  const k = splitPoint(n);
  const left = yield* subtree(hashes, from, from + k);
  const right = yield* subtree(hashes, from + k, to);
  return yield* nodeHash(left, right);
}

/** MTH over raw leaf data. */
export function* rootOf(leaves: readonly Uint8Array[]): Eff<Uint8Array> {
  const hashes: Uint8Array[] = [];
  for (const d of leaves) hashes.push(yield* leafHash(d));
  return yield* rootFromLeafHashes(hashes);
}

/** PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path of leaf `index`, from the leaf up. */
export function* inclusionProof(hashes: readonly Uint8Array[], index: number): Eff<Uint8Array[]> {
  if (!Number.isInteger(index) || index < 0 || index >= hashes.length)
    throw new RangeError(`leaf index ${index} outside a tree of ${hashes.length}`);
  return yield* path(hashes, index, 0, hashes.length);
}

function* path(hashes: readonly Uint8Array[], m: number, from: number, to: number): Eff<Uint8Array[]> {
  const n = to - from;
  if (n === 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...(yield* path(hashes, m, from, from + k)), yield* subtree(hashes, from + k, to)];
  return [...(yield* path(hashes, m - k, from + k, to)), yield* subtree(hashes, from, from + k)];
}

/** All audit paths at once, in O(n log n) hashes (for trees where every record shows its proof). */
export function* allInclusionProofs(hashes: readonly Uint8Array[]): Eff<Uint8Array[][]> {
  return (yield* rootAndInclusionProofs(hashes)).proofs;
}

/** The root (MTH) and all audit paths from one pass over the tree's nodes. */
export function* rootAndInclusionProofs(hashes: readonly Uint8Array[]): Eff<{ root: Uint8Array; proofs: Uint8Array[][] }> {
  if (hashes.length === 0) return { root: yield* rootFromLeafHashes(hashes), proofs: [] };
  const proofs: Uint8Array[][] = hashes.map(() => []);
  function* walk(from: number, to: number): Eff<Uint8Array> {
    const n = to - from;
    if (n === 1) return hashes[from]!;
    const k = splitPoint(n);
    const left = yield* walk(from, from + k);
    const right = yield* walk(from + k, to);
    for (let i = from; i < from + k; i++) proofs[i]!.push(right);
    for (let i = from + k; i < to; i++) proofs[i]!.push(left);
    return yield* nodeHash(left, right);
  }
  return { root: yield* walk(0, hashes.length), proofs };
}

/**
 * RFC 9162 §2.1.3.2: recompute the root from a leaf hash, its index, the tree size and the audit
 * path. Returns the computed root, or null when the path cannot belong to such a tree (index out of
 * range, path too short or too long).
 */
export function* rootFromInclusionProof(
  leafHashValue: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
): Eff<Uint8Array | null> {
  if (!Number.isInteger(index) || !Number.isInteger(treeSize) || index < 0 || index >= treeSize) return null;
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHashValue;
  for (const p of proof) {
    if (p.length !== 32) return null;
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = yield* nodeHash(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else r = yield* nodeHash(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/** Whether `proof` shows that the leaf with this hash is at `index` of the tree with this root. */
export function* verifyInclusion(
  leafHashValue: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Eff<boolean> {
  const r = yield* rootFromInclusionProof(leafHashValue, index, treeSize, proof);
  return r !== null && equalBytes(r, root);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

// Node's Buffer where there is one (much faster; a big build turns hundreds of thousands of proof hashes into hex),
// a table in the browser, where this module also runs (the Verify button).
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
export function toHex(b: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(b.buffer, b.byteOffset, b.length).toString('hex');
  let s = '';
  for (const x of b) s += HEX[x];
  return s;
}

/** Lowercase hex → bytes; undefined for anything that is not even-length lowercase hex. */
export function fromHex(hex: string): Uint8Array | undefined {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
