// Verify trust-center snapshots from their published bytes alone: every leaf is canonical and in
// order, every leaf hash matches its proof, every proof leads to the manifest's root, the leaves
// rebuild that root, and the DSSE signature (when present) is valid under a published key; then the
// chain rules (./chain.ts): pinned keys only, no signature removed, no backdating, every later version
// a consistent extension or a listed supersession. Failures name the file, the record
// (`keyResult/<id>`) when one is at fault, and the chain rule when one is broken.
// Written once as an Eff computation: `okr verify` and `okr check` run it with node:crypto, the
// Verify button on /trust/<period>/<version>/ with WebCrypto. Browser-safe: no Node imports.
import { assertJson, isCanonical, type JsonObject } from './canonical.ts';
import { checkChain, checkKeys, listedChanges } from './chain.ts';
import { fromBase64, MANIFEST_PAYLOAD_TYPE, pae, pemToDer, type DsseEnvelope } from './dsse.ts';
import { scalarText } from '../format.ts';
import { compareLeaves, leafKey } from './order.ts';
import { ed25519Verify, equalBytes, fromHex, leafHash, rootFromLeafHashes, sha256, toHex, verifyInclusion, type Eff } from './merkle.ts';
import type { Failure, KeyInfo, KeyInput, Pin, SnapshotInput, SnapshotReport } from './report.ts';
import { FILES, SNAPSHOT_FORMAT, VERSION, versionNumber, type Manifest, type ProofsFile } from './snapshot.ts';
import { pushAll } from '../errors.ts';

// ignoreBOM keeps a byte-order mark in the text: a file that gained one is not the file published.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const HEX64 = /^[0-9a-f]{64}$/;

function parseJson(bytes: Uint8Array | undefined): { ok: true; value: unknown } | { ok: false; why: string } {
  if (!bytes) return { ok: false, why: 'is missing' };
  try {
    return { ok: true, value: JSON.parse(decoder.decode(bytes)) };
  } catch (e) {
    return { ok: false, why: `is not valid JSON (${(e as Error).message})` };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parse published public keys (PEM SubjectPublicKeyInfo) and compute their key ids. */
export function* readKeys(keys: readonly KeyInput[]): Eff<{ keys: KeyInfo[]; failures: Failure[] }> {
  const out: KeyInfo[] = [];
  const failures: Failure[] = [];
  for (const k of keys) {
    const der = pemToDer(k.pem);
    if (!der) {
      failures.push({ file: k.file, message: 'not a PEM "PUBLIC KEY" block' });
      continue;
    }
    out.push({ file: k.file, keyid: toHex(yield* sha256(der)), spki: der });
  }
  return { keys: out, failures };
}

export function* verifySnapshot(input: SnapshotInput, keys: readonly KeyInfo[]): Eff<SnapshotReport> {
  const failures: Failure[] = [];
  const at = (name: string) => `${input.path}/${name}`;
  const fail = (name: string, message: string, record?: string) =>
    failures.push({ file: at(name), message, ...(record ? { record } : {}) });
  const report: SnapshotReport = {
    path: input.path,
    period: input.period,
    version: input.version,
    ok: false,
    failures,
    leaves: [],
    signature: { status: 'absent' },
    checked: { leaves: 0, proofs: 0, signatures: 0 },
  };

  for (const name of Object.keys(input.files))
    if (!(Object.values(FILES) as string[]).includes(name))
      fail(name, 'is not part of a snapshot (expected manifest.json, leaves.jsonl, proofs.json, manifest.dsse.json)');
  if (!VERSION.test(input.version)) fail('', `'${input.version}' is not a snapshot version (v1, v2, …)`);

  // The manifest.
  const m = parseJson(input.files[FILES.manifest]);
  if (!m.ok) {
    fail(FILES.manifest, m.why);
    return report;
  }
  const manifest = m.value as Manifest;
  if (!isObject(manifest) || manifest.format !== SNAPSHOT_FORMAT) {
    fail(FILES.manifest, `format must be "${SNAPSHOT_FORMAT}"`);
    return report;
  }
  report.manifest = manifest;
  if (manifest.period !== input.period)
    fail(FILES.manifest, `period is "${manifest.period}" but the snapshot sits in the folder of ${input.period}`);
  if (manifest.version !== input.version) fail(FILES.manifest, `version is "${manifest.version}" but the folder is ${input.version}`);
  if (typeof manifest.root !== 'string' || !HEX64.test(manifest.root)) fail(FILES.manifest, 'root must be 64 lowercase hex digits');
  if (!Number.isSafeInteger(manifest.treeSize) || manifest.treeSize < 0) fail(FILES.manifest, 'treeSize must be a whole number');
  if (manifest.hashAlgorithm !== 'sha256' || manifest.tree !== 'RFC 9162' || manifest.leafEncoding !== 'RFC 8785')
    fail(FILES.manifest, 'hashAlgorithm, tree and leafEncoding must be sha256, RFC 9162 and RFC 8785');
  const n = versionNumber(input.version);
  const expected = n > 1 ? `v${n - 1}` : null;
  if (manifest.supersedes !== expected)
    failures.push({
      file: at(FILES.manifest),
      rule: 'broken-chain',
      message: `broken chain: ${
        expected
          ? `supersedes must name ${expected} (a correction names the version it replaces)`
          : 'the first version supersedes nothing (supersedes: null)'
      }`,
    });
  if (manifest.changes !== undefined && !listedChanges(manifest))
    fail(FILES.manifest, 'changes must be {added, changed, removed}, each a list of record keys ("keyResult/<id>")');
  if (typeof manifest.createdAt !== 'string' || Number.isNaN(Date.parse(manifest.createdAt)))
    fail(FILES.manifest, 'createdAt must be an ISO 8601 date-time');
  const root = typeof manifest.root === 'string' ? fromHex(manifest.root) : undefined;

  // The leaves: canonical, ordered, hashed.
  const leavesBytes = input.files[FILES.leaves];
  const hashes: Uint8Array[] = [];
  if (!leavesBytes) fail(FILES.leaves, 'is missing');
  else {
    let text = '';
    try {
      text = decoder.decode(leavesBytes);
    } catch {
      fail(FILES.leaves, 'is not valid UTF-8');
    }
    if (text !== '' && !text.endsWith('\n')) fail(FILES.leaves, 'the last line must end with a newline');
    const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
    const encoder = new TextEncoder();
    let prev: { id: string; record: string } | undefined;
    for (const [i, line] of lines.entries()) {
      const where = `line ${i + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
        assertJson(value);
      } catch (e) {
        fail(FILES.leaves, `${where} is not JSON (${(e as Error).message})`);
        hashes.push(yield* leafHash(encoder.encode(line)));
        continue;
      }
      const v = value as JsonObject;
      const ok = isObject(v) && typeof v.record === 'string' && typeof v.id === 'string';
      const key = ok ? leafKey(v.record as string, v.id as string) : undefined;
      if (!ok) fail(FILES.leaves, `${where} has no "record" and "id"`);
      else {
        if (!isCanonical(line)) fail(FILES.leaves, `${where} is not in RFC 8785 canonical form`, key);
        const cur = { id: v.id as string, record: v.record as string };
        if (prev && compareLeaves(prev, cur) >= 0)
          fail(FILES.leaves, `${where} is out of order or repeated (leaves are sorted by id, then record type)`, key);
        prev = cur;
      }
      const h = yield* leafHash(encoder.encode(line));
      hashes.push(h);
      report.leaves.push({
        index: i,
        key: key ?? `line-${i + 1}`,
        record: ok ? (v.record as string) : '',
        id: ok ? (v.id as string) : '',
        label: scalarText(v.title ?? v.name ?? (ok ? v.id : '')),
        leaf: toHex(h),
        value: v,
        path: [],
      });
    }
    report.checked.leaves = lines.length;
    if (Number.isSafeInteger(manifest.treeSize) && lines.length !== manifest.treeSize)
      fail(FILES.leaves, `holds ${lines.length} leaves but the manifest's treeSize is ${manifest.treeSize}`);
  }

  // The proofs: each leaf's hash as published, and its path to the root.
  const p = parseJson(input.files[FILES.proofs]);
  let namedBad = false;
  if (!p.ok) fail(FILES.proofs, p.why);
  else {
    const proofs = p.value as ProofsFile;
    if (!isObject(proofs) || !Array.isArray(proofs.proofs)) fail(FILES.proofs, 'must hold {root, treeSize, proofs: [...]}');
    else {
      if (proofs.root !== manifest.root) fail(FILES.proofs, `root ${String(proofs.root)} differs from the manifest's ${manifest.root}`);
      if (proofs.treeSize !== manifest.treeSize)
        fail(FILES.proofs, `treeSize ${String(proofs.treeSize)} differs from the manifest's ${manifest.treeSize}`);
      if (proofs.proofs.length !== hashes.length) fail(FILES.proofs, `lists ${proofs.proofs.length} proofs for ${hashes.length} leaves`);
      for (const [i, pr] of proofs.proofs.entries()) {
        const leaf = report.leaves[i];
        const rec = leaf?.key;
        if (!isObject(pr) || pr.index !== i || typeof pr.leaf !== 'string' || !Array.isArray(pr.path)) {
          fail(FILES.proofs, `proof ${i} must be {index: ${i}, key, leaf, path}`, rec);
          namedBad = true;
          continue;
        }
        if (leaf && pr.key !== leaf.key) fail(FILES.proofs, `proof ${i} is for ${String(pr.key)}, but leaf ${i} is ${leaf.key}`, rec);
        const claimed = fromHex(pr.leaf);
        const path = pr.path.map((x) => (typeof x === 'string' ? fromHex(x) : undefined));
        if (leaf) leaf.path = pr.path.map(String);
        if (hashes[i] && (!claimed || !equalBytes(claimed, hashes[i]))) {
          fail(
            FILES.leaves,
            `leaf ${i} hashes to ${toHex(hashes[i])}, not ${pr.leaf} as published in proofs.json: the record was changed`,
            rec,
          );
          namedBad = true;
        }
        report.checked.proofs++;
        if (!claimed || claimed.length !== 32 || path.some((x) => !x || x.length !== 32) || !root) {
          fail(FILES.proofs, `proof ${i} holds something that is not a SHA-256 hash`, rec);
          namedBad = true;
        } else if (!(yield* verifyInclusion(claimed, i, manifest.treeSize, path as Uint8Array[], root))) {
          fail(FILES.proofs, `the inclusion proof of leaf ${i} does not lead to the manifest's root`, rec);
          namedBad = true;
        }
      }
    }
  }

  // The root, rebuilt from the leaves themselves.
  if (leavesBytes && root) {
    const computed = yield* rootFromLeafHashes(hashes);
    if (!equalBytes(computed, root))
      fail(
        FILES.leaves,
        `the leaves give root ${toHex(computed)}, not the manifest's ${manifest.root}${namedBad ? '' : ' (no single record is at fault: the manifest or the whole set of leaves was changed)'}`,
      );
  }

  // The signature.
  const sigBytes = input.files[FILES.signature];
  if (sigBytes) {
    report.checked.signatures = 1;
    const e = parseJson(sigBytes);
    const env = e.ok ? (e.value as DsseEnvelope) : undefined;
    const payload = env && typeof env.payload === 'string' ? fromBase64(env.payload) : undefined;
    const sig = env?.signatures?.[0];
    report.signature = { status: 'invalid', keyid: sig?.keyid };
    if (!env || !payload || !Array.isArray(env.signatures) || env.signatures.length === 0 || !sig)
      fail(FILES.signature, e.ok ? 'is not a DSSE envelope with a signature' : e.why);
    else if (env.payloadType !== MANIFEST_PAYLOAD_TYPE) fail(FILES.signature, `payloadType must be ${MANIFEST_PAYLOAD_TYPE}`);
    else if (!input.files[FILES.manifest] || !equalBytes(payload, input.files[FILES.manifest]!))
      fail(FILES.signature, 'the signed payload is not the bytes of manifest.json');
    else
      for (const s of env.signatures) {
        // Whether the key may sign at all is the chain's question (./chain.ts); here, whether it did.
        const key = keys.find((k) => k.keyid === s.keyid);
        const raw = typeof s.sig === 'string' ? fromBase64(s.sig) : undefined;
        const verdict = key && raw ? yield* ed25519Verify(key.spki, pae(env.payloadType, payload), raw) : false;
        if (!key) report.signature = { status: 'unknown-key', keyid: s.keyid };
        else if (verdict === null) report.signature = { status: 'unchecked', keyid: s.keyid, keyFile: key.file };
        else if (!verdict) {
          report.signature = { status: 'invalid', keyid: s.keyid, keyFile: key.file };
          fail(FILES.signature, `the Ed25519 signature by ${key.file} does not verify`);
        } else report.signature = { status: 'valid', keyid: s.keyid, keyFile: key.file };
      }
  }

  report.ok = failures.length === 0;
  return report;
}

export interface VerifyOptions {
  /** The set holds whole periods, so versions are compared with each other (off for one folder alone). */
  chain?: boolean;
  /** The pinned keys (org.yaml `trust.keys`, or given by the verifier). */
  pins?: readonly Pin[];
  /** Where the pins came from, for failure messages (default org.yaml's trust.keys). */
  pinnedIn?: string;
  /** The verifier's clock (ms since 1970): a snapshot may not be dated after it. */
  now?: number;
}

/** Verify a set of snapshots and the published keys, each on its own and then as a chain (./chain.ts). */
export function* verifySnapshots(
  inputs: readonly SnapshotInput[],
  keyInputs: readonly KeyInput[],
  opts: VerifyOptions = {},
): Eff<{ reports: SnapshotReport[]; keys: KeyInfo[]; failures: Failure[] }> {
  const pins = opts.pins ?? [];
  const { keys, failures } = yield* readKeys(keyInputs);
  pushAll(failures, checkKeys(keys, pins, opts.pinnedIn));
  const reports: SnapshotReport[] = [];
  for (const s of inputs) reports.push(yield* verifySnapshot(s, keys));
  checkChain(reports, pins, opts.now ?? Date.now(), opts.chain !== false, opts.pinnedIn);
  return { reports, keys, failures };
}
