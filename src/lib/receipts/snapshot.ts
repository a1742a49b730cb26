// Trust-center snapshots: the files of one frozen, public version of a period's tree.
//
//   trust/<period>/v<N>/manifest.json       period, version, treeSize, root, commit, generatorVersion,
//                                           createdAt, supersedes (and reason for a correction)
//   trust/<period>/v<N>/leaves.jsonl        one leaf per line: its exact RFC 8785 bytes, in tree order
//   trust/<period>/v<N>/proofs.json         every leaf's hash and inclusion proof against the root
//   trust/<period>/v<N>/manifest.dsse.json  optional: Ed25519 signature over manifest.json (DSSE)
//
// Pure: building the bytes lives here, writing them (append-only, atomic) in scripts/commands/snapshot.ts.
import { canonicalJson } from './canonical.ts';
import { MANIFEST_PAYLOAD_TYPE, pae, toBase64, type DsseEnvelope } from './dsse.ts';
import type { Leaf } from './leaves.ts';
import { allInclusionProofs, leafHash, rootFromLeafHashes, toHex, type Eff } from './merkle.ts';

export const SNAPSHOT_FORMAT = 'okr-handbook-snapshot/1';
export const FILES = { manifest: 'manifest.json', leaves: 'leaves.jsonl', proofs: 'proofs.json', signature: 'manifest.dsse.json' } as const;

export interface Manifest {
  format: typeof SNAPSHOT_FORMAT;
  period: string;
  version: string;
  treeSize: number;
  root: string;
  hashAlgorithm: 'sha256';
  tree: 'RFC 9162';
  leafEncoding: 'RFC 8785';
  /** The git commit the content came from, or "uncommitted". */
  commit: string;
  generatorVersion: string;
  /** ISO 8601 UTC, from SOURCE_DATE_EPOCH (or --created-at). */
  createdAt: string;
  /** The version this one corrects ("v1"), or null. */
  supersedes: string | null;
  reason?: string;
  /**
   * A correction's explicit list of the records it adds, changes and removes against the version it
   * supersedes (record keys, in tree order). Verification recomputes it from the two versions' leaves.
   */
  changes?: { added: string[]; changed: string[]; removed: string[] };
}

export interface ProofsFile {
  root: string;
  treeSize: number;
  proofs: { index: number; key: string; leaf: string; path: string[] }[];
}

export type SnapshotMeta = Pick<
  Manifest,
  'period' | 'version' | 'commit' | 'generatorVersion' | 'createdAt' | 'supersedes' | 'reason' | 'changes'
>;

/** Deterministic, readable JSON: keys in RFC 8785 order, two-space indent, trailing newline. */
export const stableJson = (v: unknown): string => `${JSON.stringify(JSON.parse(canonicalJson(v)), null, 2)}\n`;

const encoder = new TextEncoder();

export interface BuiltSnapshot {
  manifest: Manifest;
  files: Record<string, Uint8Array>;
}

/** The files of a snapshot over `leaves` (already in tree order). */
export function* buildSnapshot(leaves: readonly Pick<Leaf, 'key' | 'canonical'>[], meta: SnapshotMeta): Eff<BuiltSnapshot> {
  const bytes = leaves.map((l) => encoder.encode(l.canonical));
  const hashes: Uint8Array[] = [];
  for (const b of bytes) hashes.push(yield* leafHash(b));
  const root = toHex(yield* rootFromLeafHashes(hashes));
  const paths = yield* allInclusionProofs(hashes);
  const manifest: Manifest = {
    format: SNAPSHOT_FORMAT,
    period: meta.period,
    version: meta.version,
    treeSize: leaves.length,
    root,
    hashAlgorithm: 'sha256',
    tree: 'RFC 9162',
    leafEncoding: 'RFC 8785',
    commit: meta.commit,
    generatorVersion: meta.generatorVersion,
    createdAt: meta.createdAt,
    supersedes: meta.supersedes,
    ...(meta.reason ? { reason: meta.reason } : {}),
    ...(meta.changes ? { changes: meta.changes } : {}),
  };
  const proofs: ProofsFile = {
    root,
    treeSize: leaves.length,
    proofs: leaves.map((l, i) => ({ index: i, key: l.key, leaf: toHex(hashes[i]!), path: paths[i]!.map(toHex) })),
  };
  return {
    manifest,
    files: {
      [FILES.manifest]: encoder.encode(stableJson(manifest)),
      [FILES.leaves]: encoder.encode(leaves.map((l) => `${l.canonical}\n`).join('')),
      [FILES.proofs]: encoder.encode(stableJson(proofs)),
    },
  };
}

/** A DSSE envelope over manifest.json, given a signer of the PAE bytes. */
export function signManifest(manifestBytes: Uint8Array, keyid: string, sign: (message: Uint8Array) => Uint8Array): Uint8Array {
  const envelope: DsseEnvelope = {
    payloadType: MANIFEST_PAYLOAD_TYPE,
    payload: toBase64(manifestBytes),
    signatures: [{ keyid, sig: toBase64(sign(pae(MANIFEST_PAYLOAD_TYPE, manifestBytes))) }],
  };
  return encoder.encode(stableJson(envelope));
}

/** Version directory names: v1, v2, … */
export const VERSION = /^v([1-9]\d*)$/;
export const versionNumber = (v: string) => Number(VERSION.exec(v)?.[1] ?? NaN);
