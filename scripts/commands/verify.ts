// okr verify PATH: recompute every leaf, proof, root and signature of trust-center snapshots, offline,
// and hold them to the chain rules against the pinned signing keys.
import { relative, resolve } from 'node:path';
import { findTrust, readPins, type TrustFiles } from '../../src/lib/load/trust.ts';
import { run } from '../../src/lib/receipts/node-crypto.ts';
import type { Failure, Pin } from '../../src/lib/receipts/report.ts';
import { verifySnapshots } from '../../src/lib/receipts/verify.ts';
import { oneOf, parse, UsageError } from './args.ts';

export const HELP = `Usage: okr verify PATH [--pin FINGERPRINT]... [--keys DIR] [--format pretty|json]

PATH is a snapshot folder (trust/<period>/v<N>, with manifest.json), a period's folder, a trust
folder, or a content folder with trust/ inside. Every leaf is checked to be canonical RFC 8785 JSON
in tree order, hashed, matched with its published proof, and every proof and the root are
recomputed (RFC 9162); a DSSE signature is checked against the public keys in trust/keys/ (or
--keys DIR). Needs no network and no handbook.

Then the chain rules (docs/receipts.md): every public key and every signature is by a pinned key;
once keys are pinned every snapshot is signed, and once a version of a period is signed every later
one is; no version is dated before the one it follows (or in the future); each later version extends
the one before or lists exactly what it changes. The pinned keys are those of the content's org.yaml
(trust.keys), or only the --pin fingerprints given (for a downloaded folder: compare them with a copy
published outside the site first). Names the file, record and rule of every failure; exit status 1
on any failure.`;

const FINGERPRINT = /^[0-9a-f]{64}$/;

/** The pins to verify against: --pin given, else the content's org.yaml, else none. */
function pinsFor(flags: string[], orgFile: string | undefined): { pins: Pin[]; from: string } {
  if (flags.length) {
    const bad = flags.find((f) => !FINGERPRINT.test(f));
    if (bad) throw new UsageError(`--pin takes a key's fingerprint, 64 lowercase hex digits (got '${bad}')`);
    return { pins: flags.map((fingerprint) => ({ id: `pin-${fingerprint.slice(0, 8)}`, fingerprint })), from: '--pin' };
  }
  if (!orgFile) return { pins: [], from: 'none' };
  const read = readPins(orgFile);
  if ('error' in read) throw new UsageError(`cannot read the pinned keys: ${read.error}`);
  const rel = relative(process.cwd(), orgFile);
  return { pins: read.pins, from: rel && !rel.startsWith('..') ? rel : orgFile };
}

/**
 * A trust folder copied from the published site also holds the site's pages (`index.html` of /trust/,
 * of each period and version): they are not snapshot files, so they are set aside and counted, not
 * reported as stray. Nothing they contain is read.
 */
function withoutSitePages(found: TrustFiles): number {
  const isPage = (file: string) => file === 'index.html' || file.endsWith('/index.html');
  const before = found.stray.length;
  found.stray = found.stray.filter((f) => !isPage(f));
  let pages = before - found.stray.length;
  for (const s of found.snapshots)
    if ('index.html' in s.files) {
      delete s.files['index.html'];
      pages++;
    }
  return pages;
}

export function verifyCommand(argv: string[]): number {
  const { values, positionals } = parse(
    argv,
    { keys: { type: 'string' }, pin: { type: 'string', multiple: true }, format: { type: 'string' } },
    true,
  );
  if (values.help) return (console.log(HELP), 0);
  const format = oneOf(values.format, ['pretty', 'json'] as const, '--format', 'pretty');
  if (positionals.length !== 1) throw new UsageError('name one snapshot folder or a folder of snapshots, e.g. okr verify content/trust');
  const found = findTrust(resolve(positionals[0]!), process.cwd(), values.keys ? resolve(values.keys) : undefined);
  if ('error' in found) {
    console.error(`okr verify: ${found.error}`);
    return 1;
  }
  const pages = withoutSitePages(found);
  const { pins, from } = pinsFor(values.pin ?? [], found.orgFile);
  const pinnedIn =
    from === '--pin' ? 'the --pin fingerprints' : from === 'none' ? 'no org.yaml and no --pin (pass --pin FINGERPRINT)' : undefined;
  const { reports, keys, failures } = run(
    verifySnapshots(found.snapshots, found.keys, { chain: found.chain, pins, pinnedIn, now: Date.now() }),
  );
  const stray: Failure[] = found.stray.map((file) => ({
    file,
    message: 'belongs to no snapshot (expected <period>/v<N>/ and keys/*.pem)',
  }));
  const all = [...failures, ...stray, ...reports.flatMap((r) => r.failures)];
  const totals = reports.reduce(
    (t, r) => ({
      leaves: t.leaves + r.checked.leaves,
      proofs: t.proofs + r.checked.proofs,
      signatures: t.signatures + r.checked.signatures,
    }),
    { leaves: 0, proofs: 0, signatures: 0 },
  );
  if (format === 'json') {
    console.log(
      JSON.stringify(
        {
          ok: all.length === 0,
          checked: totals,
          pins: { from, keys: pins },
          keys: keys.map((k) => ({ file: k.file, keyid: k.keyid })),
          snapshots: reports.map((r) => ({
            path: r.path,
            period: r.period,
            version: r.version,
            ok: r.ok,
            root: r.manifest?.root ?? null,
            treeSize: r.manifest?.treeSize ?? null,
            createdAt: r.manifest?.createdAt ?? null,
            signature: r.signature,
            failures: r.failures,
          })),
          failures: [...failures, ...stray],
        },
        null,
        2,
      ),
    );
    return all.length ? 1 : 0;
  }
  const lines: string[] = [];
  lines.push(
    pins.length
      ? `Pinned keys (${from === '--pin' ? 'from --pin' : `from ${from}`}): ${pins.map((p) => `${p.id} ${p.fingerprint}`).join(', ')}`
      : `No pinned keys${from === 'none' ? '' : ` in ${from}`}: unsigned snapshots pass, and any signature fails as unpinned (pass --pin FINGERPRINT).`,
  );
  // Whoever can rewrite a downloaded copy can put an org.yaml beside it; only --pin is the reader's own.
  if (from !== '--pin' && from !== 'none')
    lines.push(`  (for a copy downloaded from a site, pass --pin with each fingerprint you compared: an org.yaml there proves nothing)`);
  if (pages) lines.push(`Set aside ${pages} page${pages === 1 ? '' : 's'} of the site (index.html): not snapshot files.`);
  for (const f of [...failures, ...stray]) lines.push(`✗ ${f.file}: ${f.message}`);
  for (const r of reports) {
    const sig =
      r.signature.status === 'valid'
        ? `signature valid (${r.signature.keyFile})`
        : r.signature.status === 'absent'
          ? 'unsigned'
          : `signature ${r.signature.status}`;
    // A failed snapshot leads with its problem count, so "signature valid" is not read as its verdict.
    const verdict = r.ok ? '✓' : `✗ ${r.failures.length} problem${r.failures.length === 1 ? '' : 's'}:`;
    lines.push(`${verdict} ${r.path} — ${r.checked.leaves} leaves, ${r.checked.proofs} proofs, root ${r.manifest?.root ?? '?'}, ${sig}`);
    for (const f of r.failures) lines.push(`    ${f.file}${f.record ? ` [${f.record}]` : ''}: ${f.message}`);
  }
  const bad = reports.filter((r) => !r.ok).length;
  lines.push(
    all.length
      ? `FAILED: ${all.length} problem${all.length === 1 ? '' : 's'} in ${bad} of ${reports.length} snapshot${reports.length === 1 ? '' : 's'}${failures.length + stray.length ? ' and the keys' : ''}.`
      : `Verified ${reports.length} snapshot${reports.length === 1 ? '' : 's'}: ${totals.leaves} leaves, ${totals.proofs} proofs, ${totals.signatures} signature${totals.signatures === 1 ? '' : 's'}.`,
  );
  (all.length ? console.error : console.log)(lines.join('\n'));
  return all.length ? 1 : 0;
}
