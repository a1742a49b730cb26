// okr snapshot PERIOD: write a frozen, public, verifiable snapshot of a period into <content>/trust/.
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sourceDateEpoch } from '../../src/lib/calendar.ts';
import { formatPretty } from '../../src/lib/errors.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { writeDirAtomic } from '../../src/lib/load/atomic-write.ts';
import { git, pathInRepo, repoRoot } from '../../src/lib/load/git.ts';
import { readTrustDir } from '../../src/lib/load/trust.ts';
import { derToPem } from '../../src/lib/receipts/dsse.ts';
import { run } from '../../src/lib/receipts/node-crypto.ts';
import { buildSnapshot, FILES, signManifest, VERSION, versionNumber } from '../../src/lib/receipts/snapshot.ts';
import { describeChanges, diffLeaves } from '../../src/lib/receipts/trust.ts';
import { readKeys } from '../../src/lib/receipts/verify.ts';
import { oneOf, parse, UsageError } from './args.ts';

export const HELP = `Usage: okr snapshot PERIOD [--content DIR] [--created-at ISO-DATE] [--commit HASH]
                    [--supersede [--reason TEXT]]

Writes the public projection of PERIOD (its records, leaves, proofs and root) to
<content>/trust/PERIOD/v<N>/: manifest.json, leaves.jsonl, proofs.json, and manifest.dsse.json when
OKR_SIGNING_KEY holds an Ed25519 private key (PKCS#8 PEM, or the 32-byte seed in base64) whose public
key is published under <content>/trust/keys/.

Snapshots are append-only. Running it again on unchanged content writes nothing and succeeds; when
the content changed since the latest version it refuses, and --supersede writes the correction as
the next version, naming the one it supersedes. createdAt comes from SOURCE_DATE_EPOCH (or
--created-at), so the same content and commit give the same bytes. Only public periods can be
snapshotted; --audience accepts only 'public'.`;

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

export function snapshotCommand(argv: string[]): number {
  const { values, positionals, content } = parse(
    argv,
    {
      'created-at': { type: 'string' },
      commit: { type: 'string' },
      supersede: { type: 'boolean' },
      reason: { type: 'string' },
      audience: { type: 'string' },
    },
    true,
  );
  if (values.help) return (console.log(HELP), 0);
  oneOf(values.audience, ['public'] as const, '--audience', 'public');
  if (positionals.length !== 1) throw new UsageError('name one period, e.g. okr snapshot 2027-Q1');
  const period = positionals[0]!;
  const when = createdAt(values['created-at']);
  const commit = values.commit ?? contentCommit(content);
  if (!/^([0-9a-f]{7,64}|uncommitted)$/.test(commit)) throw new UsageError(`--commit must be a git commit hash (got '${commit}')`);
  const key = signingKey();

  const result = computeHandbook(content, { audience: 'public' });
  if (!result.handbook) {
    console.error(formatPretty(result.issues.filter((i) => i.severity === 'error')));
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
  const shown = (p: string) => relative(process.cwd(), p).split(sep).join('/');
  const versions = existsSync(periodDir)
    ? readdirSync(periodDir)
        .filter((v) => VERSION.test(v))
        .sort((a, b) => versionNumber(a) - versionNumber(b))
    : [];
  const latest = versions.at(-1);
  const leavesBytes = encoder.encode(tree.records.map((r) => `${r.canonical}\n`).join(''));
  if (latest) {
    const prev = readTrustDir(trustDir).snapshots.find((s) => s.period === period && s.version === latest);
    const prevLeaves = prev?.files[FILES.leaves];
    if (prevLeaves && Buffer.from(prevLeaves).equals(Buffer.from(leavesBytes))) {
      console.log(`${shown(join(periodDir, latest))} already holds this content (root ${tree.root}); nothing written.`);
      return 0;
    }
    if (!values.supersede) {
      const before = new Map<string, string>(
        new TextDecoder()
          .decode(prevLeaves ?? new Uint8Array())
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const v = JSON.parse(line) as { record: string; id: string };
            return [
              `${v.record}/${v.id}`,
              createHash('sha256')
                .update(Buffer.concat([Buffer.of(0), Buffer.from(line)]))
                .digest('hex'),
            ] as const;
          }),
      );
      const changed = describeChanges(diffLeaves(before, tree));
      console.error(
        `okr snapshot: ${period} changed since ${shown(join(periodDir, latest))} (${changed || 'records changed'}).\n` +
          `Snapshots are append-only and ${latest} is never rewritten. To publish a correction as v${versionNumber(latest) + 1}, run:\n` +
          `  okr snapshot ${period} --supersede --reason "what changed and why"`,
      );
      return 1;
    }
  } else if (values.supersede) throw new UsageError(`${period} has no snapshot yet to supersede; run without --supersede`);

  const version = `v${latest ? versionNumber(latest) + 1 : 1}`;
  const built = run(
    buildSnapshot(tree.records, {
      period,
      version,
      commit,
      generatorVersion: (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version,
      createdAt: when,
      supersedes: latest ?? null,
      reason: values.reason,
    }),
  );
  if (built.manifest.root !== tree.root) throw new Error('snapshot root differs from the handbook tree root');

  let signedBy = '';
  if (key) {
    const spki = new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' }));
    const keyid = createHash('sha256').update(spki).digest('hex');
    const published = run(readKeys(readTrustDir(trustDir).keys)).keys.find((k) => k.keyid === keyid);
    if (!published) {
      console.error(
        `okr snapshot: the public key of OKR_SIGNING_KEY is not published, so nobody could check the signature.\n` +
          `Save it as ${shown(join(trustDir, 'keys'))}/<name>.pem and run again:\n\n${derToPem(spki)}`,
      );
      return 1;
    }
    built.files[FILES.signature] = signManifest(built.files[FILES.manifest]!, keyid, (m) => new Uint8Array(sign(null, m, key)));
    signedBy = `, signed with ${published.file}`;
  }

  // Atomic and append-only: the folder is written hidden, then renamed into place; never over another.
  const target = join(periodDir, version);
  try {
    writeDirAtomic(target, Object.entries(built.files));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    console.error(`okr snapshot: ${shown(target)} appeared while writing (another okr snapshot?); nothing written. Run again.`);
    return 1;
  }
  console.log(
    `wrote ${shown(target)}: ${built.manifest.treeSize} leaves, root ${built.manifest.root}${latest ? `, supersedes ${latest}` : ''}${signedBy}.`,
  );
  return 0;
}
