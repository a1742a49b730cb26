// The trust chain: which keys may sign a snapshot, and how a period's versions must follow each other.
// verify.ts checks each snapshot on its own (its bytes, proofs, root, signature); these rules look at
// the keys and at the versions together, so that a signature cannot simply be removed, a key cannot
// be slipped in, and a later version cannot quietly rewrite or backdate an earlier one:
//
// - every public key under trust/keys/ is pinned (its fingerprint listed in org.yaml), and a pinned
//   key's file holds that key;
// - once keys are pinned, every snapshot is signed, by a pinned key;
// - once a version of a period is signed, every later version is signed too (even if pins change);
// - a version is not dated before the one it follows, nor after the verifier's clock;
// - a version extends the one it follows (its leaves begin with all of the earlier ones, unchanged,
//   in order — what an RFC 9162 consistency proof between the two tree sizes shows), or its manifest
//   lists exactly the records it adds, changes and removes (an explicit supersession);
// - versions run v1, v2, … with none missing, each naming the one it supersedes.
//
// The same code runs in `okr verify`, `okr check` (every build) and the browser's Verify button.
// Browser-safe: no Node imports. Reasons for each rule: docs/receipts.md, "The chain".
import type { Manifest } from './snapshot.ts';
import { FILES, versionNumber } from './snapshot.ts';
import { CHAIN_RULES, type ChainRule, type Failure, type KeyInfo, type Pin, type SnapshotReport } from './report.ts';

/** A snapshot dated up to this far ahead of the verifier's clock is a clock difference, not a lie. */
const CLOCK_SLACK_MS = 24 * 3_600_000;

export interface ChangeList {
  added: string[];
  changed: string[];
  removed: string[];
}

type Leaves = readonly { key: string; leaf: string }[];

/** The records that differ between two versions' leaves, each list in tree order (removed: as they were). */
export function leafChanges(before: Leaves, after: Leaves): ChangeList {
  const old = new Map(before.map((l) => [l.key, l.leaf]));
  const now = new Set(after.map((l) => l.key));
  return {
    added: after.filter((l) => !old.has(l.key)).map((l) => l.key),
    changed: after.filter((l) => old.has(l.key) && old.get(l.key) !== l.leaf).map((l) => l.key),
    removed: before.filter((l) => !now.has(l.key)).map((l) => l.key),
  };
}

/** The first leaf of `before` that `after` does not repeat at the same place, or undefined when `after` extends it. */
export function firstDeparture(before: Leaves, after: Leaves): { index: number; key: string } | undefined {
  for (const [i, l] of before.entries()) if (after[i]?.leaf !== l.leaf) return { index: i, key: l.key };
  return undefined;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const describe = (c: ChangeList) =>
  [...c.added.map((k) => `added ${k}`), ...c.changed.map((k) => `changed ${k}`), ...c.removed.map((k) => `removed ${k}`)].join(', ') ||
  'no change';

/** A manifest's `changes`, when it is a well-formed list (verify.ts reports a malformed one). */
export function listedChanges(m: Manifest): ChangeList | undefined {
  const c = m.changes as unknown;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (typeof c !== 'object' || c === null) return undefined;
  const { added, changed, removed } = c as Record<string, unknown>;
  return strings(added) && strings(changed) && strings(removed) ? { added, changed, removed } : undefined;
}

const fingerprintText = (hex: string) => `${hex.slice(0, 16)}…`;

/**
 * The published keys against the pins: a key file nobody pinned is not trusted (and is an error, so
 * that dropping one in is noticed), and a pinned key's file must hold the pinned key.
 */
/** Where the pins came from, as failure messages name it. */
export const ORG_PINS = 'org.yaml (trust.keys)';

export function checkKeys(keys: readonly KeyInfo[], pins: readonly Pin[], pinnedIn = ORG_PINS): Failure[] {
  const failures: Failure[] = [];
  for (const k of keys) {
    const name = k.file
      .split('/')
      .pop()!
      .replace(/\.pem$/, '');
    const byName = pins.find((p) => p.id === name);
    if (byName && byName.fingerprint !== k.keyid)
      failures.push({
        file: k.file,
        rule: 'unpinned-key',
        message: `${CHAIN_RULES['unpinned-key']}: this file holds key ${fingerprintText(k.keyid)}, but ${pinnedIn} pins ${name} as ${fingerprintText(byName.fingerprint)} (was the key replaced?)`,
      });
    else if (!pins.some((p) => p.fingerprint === k.keyid))
      failures.push({
        file: k.file,
        rule: 'unpinned-key',
        message: `${CHAIN_RULES['unpinned-key']}: key ${fingerprintText(k.keyid)} is not pinned in ${pinnedIn}, so nothing it signs is trusted`,
      });
  }
  return failures;
}

type Fail = (rule: ChainRule | undefined, file: string, message: string) => void;

/** Who signed `r`: a pinned key, and a signature wherever one is owed. `signedBefore`: an earlier version that is signed. */
function checkSigner(r: SnapshotReport, pins: readonly Pin[], pinnedIn: string, signedBefore: string | undefined, fail: Fail): void {
  const sig = r.signature;
  if (sig.status === 'absent') {
    if (signedBefore)
      fail(
        'unsigned-successor',
        FILES.signature,
        `${signedBefore} is signed, so every later version must be signed by a pinned key; this one has no ${FILES.signature}`,
      );
    else if (pins.length)
      fail(
        'signature-missing',
        FILES.signature,
        `${pinnedIn} pins signing keys, so every snapshot must be signed by one of them; ${FILES.signature} is missing`,
      );
    return;
  }
  const pin = pins.find((p) => p.fingerprint === sig.keyid);
  if (!pin)
    fail('unpinned-key', FILES.signature, `signed by key ${fingerprintText(String(sig.keyid))}, which is not pinned in ${pinnedIn}`);
  else if (sig.status === 'unknown-key')
    fail(
      undefined,
      FILES.signature,
      `signed by the pinned key ${pin.id}, but no public key read (trust/keys/ or --keys) has its fingerprint, so the signature cannot be checked`,
    );
}

/** `r` against the version it follows: not dated before it, and extending it or listing exactly what it changes. */
function checkSuccession(r: SnapshotReport, prev: SnapshotReport, fail: Fail): void {
  const [m, pm] = [r.manifest!, prev.manifest];
  if (pm && typeof pm.createdAt === 'string' && Date.parse(m.createdAt) < Date.parse(pm.createdAt))
    fail(
      'backdated',
      FILES.manifest,
      `createdAt ${m.createdAt} is before ${prev.version}'s ${pm.createdAt}; a later version may not predate the one it follows`,
    );
  const actual = leafChanges(prev.leaves, r.leaves);
  const listed = listedChanges(m);
  if (listed) {
    const same =
      sameList(listed.added, actual.added) && sameList(listed.changed, actual.changed) && sameList(listed.removed, actual.removed);
    if (!same)
      fail(
        'inconsistent-extension',
        FILES.manifest,
        `the manifest lists ${describe(listed)}, but against ${prev.version} the leaves show ${describe(actual)}`,
      );
    return;
  }
  const departs = firstDeparture(prev.leaves, r.leaves);
  if (departs)
    fail(
      'inconsistent-extension',
      FILES.leaves,
      `does not extend ${prev.version} (its leaf ${departs.index}, ${departs.key}, is not repeated here) and the manifest lists no changes; a correction lists the records it changes (okr snapshot --supersede)`,
    );
}

/**
 * Apply the chain rules to verified snapshots, adding failures to their reports (and clearing `ok`).
 * `relational`: the set holds whole periods, so versions can be compared (off for one folder alone).
 */
export function checkChain(reports: SnapshotReport[], pins: readonly Pin[], now: number, relational = true, pinnedIn = ORG_PINS): void {
  const byPeriod = new Map<string, SnapshotReport[]>();
  for (const r of reports) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
  for (const versions of byPeriod.values()) {
    versions.sort((a, b) => versionNumber(a.version) - versionNumber(b.version));
    let signed: string | undefined;
    for (const r of versions) {
      const fail: Fail = (rule, file, message) => {
        r.failures.push({ file: `${r.path}/${file}`, ...(rule ? { rule, message: `${CHAIN_RULES[rule]}: ${message}` } : { message }) });
        r.ok = false;
      };
      checkSigner(r, pins, pinnedIn, relational ? signed : undefined, fail);
      if (r.signature.status !== 'absent') signed ??= r.version;
      const m = r.manifest;
      if (!m || typeof m.createdAt !== 'string') continue;
      if (Date.parse(m.createdAt) > now + CLOCK_SLACK_MS)
        fail('future-dated', FILES.manifest, `createdAt ${m.createdAt} is after this verifier's clock (${new Date(now).toISOString()})`);
      if (!relational || versionNumber(r.version) === 1) continue;
      const prev = versions.find((x) => versionNumber(x.version) === versionNumber(r.version) - 1);
      if (prev) checkSuccession(r, prev, fail);
      else
        fail(
          'broken-chain',
          FILES.manifest,
          `supersedes ${m.supersedes ?? 'nothing'}, but v${versionNumber(r.version) - 1} is missing (was a version removed?)`,
        );
    }
  }
}
