// okr snapshot PERIOD: write a frozen, public, verifiable snapshot of a period into <content>/trust/.
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sourceDateEpoch } from '../../src/lib/calendar.ts';
import { formatPretty } from '../../src/lib/errors.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { writeDirAtomic, writeFileAtomic } from '../../src/lib/load/atomic-write.ts';
import { git, pathInRepo, repoRoot } from '../../src/lib/load/git.ts';
import { readPins, readTrustDir } from '../../src/lib/load/trust.ts';
import { derToPem } from '../../src/lib/receipts/dsse.ts';
import { run } from '../../src/lib/receipts/node-crypto.ts';
import { buildSnapshot, FILES, signManifest, VERSION, versionNumber } from '../../src/lib/receipts/snapshot.ts';
import { leafChanges } from '../../src/lib/receipts/chain.ts';
import { describeChanges, diffLeaves } from '../../src/lib/receipts/trust.ts';
import type { KeyInput, Pin } from '../../src/lib/receipts/report.ts';
import { readKeys, verifySnapshots } from '../../src/lib/receipts/verify.ts';
import { oneOf, parse, UsageError } from './args.ts';

export const HELP = `Usage: okr snapshot PERIOD [--content DIR] [--created-at ISO-DATE] [--commit HASH]
                    [--supersede --reason TEXT]
       okr snapshot PERIOD --sign VERSION

Writes the public projection of PERIOD (its records, leaves, proofs and root) to
<content>/trust/PERIOD/v<N>/: manifest.json, leaves.jsonl, proofs.json, and manifest.dsse.json when
OKR_SIGNING_KEY holds an Ed25519 private key (PKCS#8 PEM, or the 32-byte seed in base64). The key
must be pinned in org.yaml (trust.keys) and its public key published as <content>/trust/keys/<id>.pem;
once any key is pinned, every snapshot must be signed.

Snapshots are append-only. Running it again on unchanged content writes nothing and succeeds; when
the content changed since the latest version it refuses, and --supersede --reason writes the
correction as the next version, naming the one it supersedes and listing the records it adds,
changes and removes; it may not be dated before that version. createdAt comes from
SOURCE_DATE_EPOCH (or --created-at), so the same content and commit give the same bytes. The new
version is verified with the chain before it is written. Only public periods can be snapshotted;
--audience accepts only 'public'.

--sign VERSION signs an existing unsigned version with OKR_SIGNING_KEY (adding manifest.dsse.json;
the version itself is unchanged), for snapshots published before the handbook pinned a key.`;

const encoder = new TextEncoder();

/** HEAD when the content folder has no uncommitted changes (trust/ aside), else "uncommitted". */
function contentCommit(content: string): string {
  const root = repoRoot(content);
  if (!root) return 'uncommitted';
  try {
    const path = pathInRepo(root, content) || '.';
    const dirty = git(root, [
      'status',
      '--porcelain',
      '--untracked-files=all',
      '--',
      path,
      `:(exclude)${path === '.' ? '' : `${path}/`}trust`,
    ])
      .toString('utf8')
      .trim();
    return dirty ? 'uncommitted' : git(root, ['rev-parse', 'HEAD']).toString('utf8').trim();
  } catch {
    return 'uncommitted';
  }
}

function createdAt(flag: string | undefined): string {
  if (flag !== undefined) {
    const ms = Date.parse(/T/.test(flag) ? flag : `${flag}T00:00:00Z`);
    if (Number.isNaN(ms)) throw new UsageError(`--created-at must be an ISO 8601 date or date-time (got '${flag}')`);
    return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
  }
  const ms = sourceDateEpoch(process.env);
  if (ms === undefined)
    throw new UsageError(
      'set SOURCE_DATE_EPOCH (seconds since 1970, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)) or pass --created-at, so the snapshot is reproducible',
    );
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

function signingKey(): KeyObject | undefined {
  const raw = process.env.OKR_SIGNING_KEY?.trim();
  if (!raw) return undefined;
  let key: KeyObject;
  try {
    if (raw.includes('-----BEGIN')) key = createPrivateKey(raw);
    else {
      const seed = Buffer.from(raw, 'base64');
      if (seed.length !== 32) throw new Error('a base64 Ed25519 seed is 32 bytes');
      key = createPrivateKey({
        key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
        format: 'der',
        type: 'pkcs8',
      });
    }
  } catch (e) {
    throw new UsageError(`OKR_SIGNING_KEY is not an Ed25519 private key (PKCS#8 PEM or base64 seed): ${(e as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new UsageError(`OKR_SIGNING_KEY is a ${key.asymmetricKeyType} key; snapshots are signed with Ed25519`);
  return key;
}

const shown = (p: string) => relative(process.cwd(), p).split(sep).join('/');

/**
 * The pinned, published key of OKR_SIGNING_KEY, able to sign a manifest; undefined (after saying
 * what to do) when it is not pinned in org.yaml or its public key is not under trust/keys/.
 */
function signerOf(key: KeyObject, pins: readonly Pin[], published: KeyInput[], trustDir: string) {
  const spki = new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' }));
  const keyid = createHash('sha256').update(spki).digest('hex');
  const pin = pins.find((p) => p.fingerprint === keyid);
  if (!pin || !run(readKeys(published)).keys.some((k) => k.keyid === keyid)) {
    console.error(
      `okr snapshot: the key in OKR_SIGNING_KEY is not ${pin ? 'published' : 'pinned'}, so nothing it signed would be trusted; nothing was written.\n` +
        (pin
          ? `Save its public key as ${shown(join(trustDir, 'keys', `${pin.id}.pem`))}:\n\n${derToPem(spki)}`
          : `In a reviewed change, pin it in org.yaml and publish its public key as ${shown(join(trustDir, 'keys'))}/<id>.pem:\n\n` +
            `trust:\n  keys:\n    - id: <id>\n      fingerprint: ${keyid}\n\n${derToPem(spki)}`),
    );
    return undefined;
  }
  return { pin, sign: (manifest: Uint8Array) => signManifest(manifest, keyid, (m) => new Uint8Array(sign(null, m, key))) };
}

/**
 * --sign vN: sign an existing unsigned version's manifest as it is (adding manifest.dsse.json, the
 * version unchanged), for a handbook that starts to pin keys after publishing unsigned snapshots.
 * Reads only trust/ and org.yaml: the rest of the content may fail the chain rules until it is done.
 */
function signExisting(content: string, period: string, version: string, key: KeyObject | undefined): number {
  if (!key) throw new UsageError('--sign needs OKR_SIGNING_KEY (the private key of a pinned signing key)');
  const trustDir = join(content, 'trust');
  const read = readPins(join(content, 'org.yaml'));
  if ('error' in read) throw new UsageError(read.error);
  const files = readTrustDir(trustDir);
  const versions = files.snapshots.filter((s) => s.period === period);
  const target = versions.find((s) => s.version === version);
  if (!target) throw new UsageError(`no snapshot ${period}/${version} in ${shown(trustDir)}`);
  if (target.files[FILES.signature]) throw new UsageError(`${shown(join(trustDir, period, version))} is signed already`);
  const signer = signerOf(key, read.pins, files.keys, trustDir);
  if (!signer) return 1;
  const envelope = signer.sign(target.files[FILES.manifest]!);
  const after = versions.map((s) => (s === target ? { ...s, files: { ...s.files, [FILES.signature]: envelope } } : s));
  const checked = run(verifySnapshots(after, files.keys, { pins: read.pins, now: Date.now() }));
  const refused = checked.reports.find((r) => r.version === version)!.failures;
  if (refused.length) {
    console.error(
      `okr snapshot: ${period}/${version} would not verify signed; nothing was written.\n${refused.map((f) => `  ${f.file}: ${f.message}`).join('\n')}`,
    );
    return 1;
  }
  writeFileAtomic(join(trustDir, period, version, FILES.signature), envelope, { exclusive: true });
  console.log(`signed ${shown(join(trustDir, period, version))} with ${signer.pin.id}; the version itself is unchanged.`);
  return 0;
}

export function snapshotCommand(argv: string[]): number {
  const { values, positionals, content } = parse(
    argv,
    {
      'created-at': { type: 'string' },
      commit: { type: 'string' },
      supersede: { type: 'boolean' },
      reason: { type: 'string' },
      audience: { type: 'string' },
      sign: { type: 'string' },
    },
    true,
  );
  if (values.help) return (console.log(HELP), 0);
  oneOf(values.audience, ['public'] as const, '--audience', 'public');
  if (positionals.length !== 1) throw new UsageError('name one period, e.g. okr snapshot 2027-Q1');
  const period = positionals[0]!;
  if (values.sign !== undefined) return signExisting(content, period, values.sign, signingKey());
  const when = createdAt(values['created-at']);
  const commit = values.commit ?? contentCommit(content);
  if (!/^([0-9a-f]{7,64}|uncommitted)$/.test(commit)) throw new UsageError(`--commit must be a git commit hash (got '${commit}')`);
  const key = signingKey();

  const result = computeHandbook(content, { audience: 'public' });
  if (!result.handbook) {
    console.error(formatPretty(result.issues.filter((issue) => issue.severity === 'error')));
    console.error('okr snapshot: fix the errors above first (okr check lists them all).');
    return 1;
  }
  const tree = result.handbook.trust.trees.get(period);
  if (!tree) {
    const internal = computeHandbook(content).handbook?.periods.some((p) => p.id === period);
    console.error(
      internal
        ? `okr snapshot: period ${period} is internal; a snapshot is published, so only public periods can have one\n  hint: set classification: public in periods/${period}.yaml if it may be published`
        : `okr snapshot: no period ${period} (periods: ${[...result.handbook.trust.trees.keys()].join(', ') || 'none public'})`,
    );
    return 1;
  }

  const trustDir = join(content, 'trust');
  const periodDir = join(trustDir, period);
  const trust = result.handbook.trust;
  const files = readTrustDir(trustDir);
  const existing = files.snapshots.filter((s) => s.period === period && VERSION.test(s.version));
  const latest = existing.at(-1);
  const prev = latest && trust.snapshots.find((s) => s.period === period && s.version === latest.version);
  const now = tree.records.map((r) => ({ key: r.key, leaf: r.leaf }));
  const leavesBytes = encoder.encode(tree.records.map((r) => `${r.canonical}\n`).join(''));
  if (latest) {
    const prevLeaves = latest.files[FILES.leaves];
    if (prevLeaves && Buffer.from(prevLeaves).equals(Buffer.from(leavesBytes))) {
      console.log(`${shown(join(periodDir, latest.version))} already holds this content (root ${tree.root}); nothing written.`);
      return 0;
    }
    if (!values.supersede) {
      const changed = describeChanges(diffLeaves(new Map((prev?.leaves ?? []).map((l) => [l.key, l.leaf])), tree));
      console.error(
        `okr snapshot: ${period} changed since ${shown(join(periodDir, latest.version))} (${changed || 'records changed'}).\n` +
          `Snapshots are append-only and ${latest.version} is never rewritten. To publish a correction as v${versionNumber(latest.version) + 1}, run:\n` +
          `  okr snapshot ${period} --supersede --reason "what changed and why"`,
      );
      return 1;
    }
    if (!values.reason) throw new UsageError('a correction says why: add --reason "what changed and why"');
    const before = prev?.manifest?.createdAt;
    if (before && Date.parse(when) < Date.parse(before))
      throw new UsageError(
        `createdAt ${when} is before ${latest.version}'s ${before}: a later version may not predate the one it follows (set SOURCE_DATE_EPOCH to now)`,
      );
  } else if (values.supersede) throw new UsageError(`${period} has no snapshot yet to supersede; run without --supersede`);
  if (trust.pins.length && !key) {
    console.error(
      `okr snapshot: org.yaml pins signing keys (${trust.pins.map((p) => p.id).join(', ')}), so every snapshot must be signed.\n` +
        'Set OKR_SIGNING_KEY to the private key of one of them (from your CI secret store); nothing was written.',
    );
    return 1;
  }

  const version = `v${latest ? versionNumber(latest.version) + 1 : 1}`;
  const built = run(
    buildSnapshot(tree.records, {
      period,
      version,
      commit,
      generatorVersion: (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version,
      createdAt: when,
      supersedes: latest?.version ?? null,
      reason: values.reason,
      // A correction lists what it changes, so verification can tell it from a silent rewrite.
      ...(prev ? { changes: leafChanges(prev.leaves, now) } : {}),
    }),
  );
  if (built.manifest.root !== tree.root) throw new Error('snapshot root differs from the handbook tree root');

  let signedBy = '';
  if (key) {
    const signer = signerOf(key, trust.pins, files.keys, trustDir);
    if (!signer) return 1;
    built.files[FILES.signature] = signer.sign(built.files[FILES.manifest]!);
    signedBy = `, signed with ${signer.pin.id}`;
  }

  // The same verification okr check and the browser run, on the chain with the new version in it:
  // okr snapshot never writes what they would reject.
  const target = join(periodDir, version);
  const candidate = { path: shown(target), period, version, files: built.files };
  const checked = run(verifySnapshots([...existing, candidate], files.keys, { pins: trust.pins, now: Date.now() }));
  const refused = checked.reports.find((r) => r.version === version)!.failures;
  if (refused.length) {
    console.error(
      `okr snapshot: ${version} would not verify; nothing was written.\n${refused.map((f) => `  ${f.file}: ${f.message}`).join('\n')}`,
    );
    return 1;
  }

  // Atomic and append-only: the folder is written hidden, then renamed into place; never over another.
  try {
    writeDirAtomic(target, Object.entries(built.files));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    console.error(`okr snapshot: ${shown(target)} appeared while writing (another okr snapshot?); nothing written. Run again.`);
    return 1;
  }
  console.log(
    `wrote ${shown(target)}: ${built.manifest.treeSize} leaves, root ${built.manifest.root}${latest ? `, supersedes ${latest.version}` : ''}${signedBy}.`,
  );
  return 0;
}
