// What verifying a trust-center snapshot takes and gives: its files, the published keys and pins,
// and a report of each snapshot with its failures. Shared by ./verify.ts and ./chain.ts.
import type { JsonObject } from './canonical.ts';
import type { Manifest } from './snapshot.ts';

/** A pinned signing key (org.yaml `trust.keys`): its public key is trust/keys/<id>.pem. */
export interface Pin {
  id: string;
  /** Hex SHA-256 of the key's DER SubjectPublicKeyInfo: the DSSE key id. */
  fingerprint: string;
}

/** Each rule's name, as failures are prefixed with it. */
export const CHAIN_RULES = {
  'signature-missing': 'signature missing',
  'unsigned-successor': 'unsigned successor',
  'unpinned-key': 'unpinned key',
  backdated: 'backdated',
  'future-dated': 'dated in the future',
  'inconsistent-extension': 'inconsistent extension',
  'broken-chain': 'broken chain',
} as const;
export type ChainRule = keyof typeof CHAIN_RULES;

export interface SnapshotInput {
  /** Where the snapshot is, for messages ("content/trust/2027-Q1/v1"). */
  path: string;
  /** From the directory names. */
  period: string;
  version: string;
  /** File name → bytes, for the files present. */
  files: Record<string, Uint8Array | undefined>;
}

export interface KeyInput {
  file: string;
  pem: string;
}

export interface KeyInfo {
  file: string;
  /** Hex SHA-256 of the key's DER SubjectPublicKeyInfo. */
  keyid: string;
  spki: Uint8Array;
}

export interface Failure {
  file: string;
  /** `record/id` of the leaf at fault, when one is. */
  record?: string;
  /** The chain rule broken (./chain.ts), when the failure is one. */
  rule?: ChainRule;
  message: string;
}

export interface VerifiedLeaf {
  index: number;
  key: string;
  record: string;
  id: string;
  label: string;
  leaf: string;
  value: JsonObject;
  path: string[];
}

export interface SnapshotReport {
  path: string;
  period: string;
  version: string;
  ok: boolean;
  failures: Failure[];
  manifest?: Manifest;
  leaves: VerifiedLeaf[];
  /**
   * absent: no manifest.dsse.json; unknown-key: no published key has its key id; unchecked: this
   * verifier has no Ed25519 (an older browser), so only who signed is known.
   */
  signature: { status: 'absent' | 'valid' | 'invalid' | 'unknown-key' | 'unchecked'; keyid?: string; keyFile?: string };
  /** How many leaves, proofs and signatures were checked. */
  checked: { leaves: number; proofs: number; signatures: number };
}
