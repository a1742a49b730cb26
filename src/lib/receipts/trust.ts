// The provenance layer of the computed handbook: a Merkle tree per period over the audience's
// records, decision receipts checked against the content (current / stale / unverifiable, with the
// records that changed), each period's required receipts, and the trust-center snapshots verified.
// Pure (hashing through node:crypto is computation, not I/O); called once per build from handbook.ts.
import type { Audience } from '../audience.ts';
import type { PublicIds } from '../public-ids.ts';
import type { ContentIssue } from '../errors.ts';
import { issueAt } from '../source/yaml-source.ts';
import type { HandbookModel } from '../model.ts';
import type { DecisionReceipt } from '../schema/index.ts';
import { scopeLeaves, type Leaf, type LeafCache, type ReceiptScope, type RecordType } from './leaves.ts';
import { compareLeaves } from './order.ts';
import { fromHex, leafHash, rootAndInclusionProofs, rootFromLeafHashes, toHex } from './merkle.ts';
import { run } from './node-crypto.ts';
import { LazyMap } from '../lazy-map.ts';
import type { Failure, KeyInfo, KeyInput, Pin, SnapshotInput, SnapshotReport } from './report.ts';
import { verifySnapshots } from './verify.ts';
import type { Origin } from '../model.ts';

export interface TreeRecord {
  key: string;
  record: RecordType;
  id: string;
  label: string;
  index: number;
  /** Hex leaf hash SHA-256(0x00 ‖ canonical bytes). */
  leaf: string;
  /** Hex audit path, from the leaf up (shared: not to be changed). */
  proof: readonly string[];
  canonical: string;
}

export interface PeriodTree {
  period: string;
  root: string;
  treeSize: number;
  records: TreeRecord[];
  byKey: Map<string, TreeRecord>;
}

export interface LeafChanges {
  added: { key: string; label: string }[];
  /** Records approved then and gone now (empty in the public build, which names no record it cannot show). */
  removed: { key: string }[];
  removedCount: number;
  changed: { key: string; label: string }[];
}

export interface ReceiptCheck {
  receipt: DecisionReceipt & { origin: Origin };
  /** current: the content still has the approved root; stale: it changed; unverifiable: the handbook keeps no content for this scope. */
  status: 'current' | 'stale' | 'unverifiable';
  currentRoot: string | null;
  /** What changed since the approval, when the receipt lists its leaves or a snapshot has its root; else null. */
  changes: LeafChanges | null;
  /** Where `changes` came from. */
  changesFrom: 'receipt' | 'snapshot' | null;
}

export interface Requirement {
  scope: ReceiptScope;
  status: 'satisfied' | 'stale' | 'unverifiable' | 'missing';
  receipts: string[];
}

export interface TrustSnapshot extends SnapshotReport {
  /** A later version that corrects this one. */
  supersededBy?: string;
}

export interface Trust {
  /** One tree per period of the audience: its records, root and every inclusion proof. */
  trees: ReadonlyMap<string, PeriodTree>;
  /** Each record in the tree of its own period (an objective → its quarter's tree). */
  own: { get(key: string): { period: string; record: TreeRecord } | undefined };
  receipts: ReceiptCheck[];
  requirements: Map<string, Requirement[]>;
  snapshots: TrustSnapshot[];
  /** Published public keys: file name under trust/keys/, key id and PEM text. */
  keys: (KeyInfo & { name: string; pem: string })[];
  /** The signing keys pinned in org.yaml, for readers to compare with a copy published elsewhere. */
  pins: Pin[];
  /** Where that copy is, when org.yaml says. */
  fingerprintsAt?: string;
  /** Every file of trust/ the site republishes, by its path under /trust/ ("2027-Q1/v1/manifest.json"). */
  published: { path: string; bytes: Uint8Array }[];
}

/** How the scopes of decision receipts read (as an annual plan lists the decisions that need one). */
export const SCOPE_LABEL: Record<ReceiptScope, string> = {
  okrs: 'OKRs',
  budget: 'Budget',
  'risk-register': 'Risk register',
  'stage-gate': 'Stage gate updates',
  'kpi-tree': 'KPI tree',
};

export const REQUIREMENT_LABEL: Record<Requirement['status'], string> = {
  satisfied: '✓ Satisfied',
  stale: '⚠ Stale approval',
  unverifiable: '• Recorded (not checkable against content)',
  missing: '✗ Missing',
};

/** A record's receipt as pages show it: its leaf and proof in its own period's tree. */
export interface RecordReceipt {
  record: TreeRecord;
  period: string;
  root: string;
  treeSize: number;
}

/** Look up the receipt of `objective/<id>`, `keyResult/<uid>` or `period/<id>` (undefined when not in this build). */
export function receiptOf(trust: Trust, key: string): RecordReceipt | undefined {
  const own = trust.own.get(key);
  const tree = own && trust.trees.get(own.period);
  return own && tree ? { record: own.record, period: own.period, root: tree.root, treeSize: tree.treeSize } : undefined;
}

export interface TrustInput {
  full: HandbookModel;
  view: HandbookModel;
  ids: PublicIds;
  audience: Audience;
  files: { snapshots: SnapshotInput[]; keys: KeyInput[]; stray: string[] };
  /** The verifier's clock (ms since 1970): no snapshot may be dated after it. */
  now: number;
}

const encoder = new TextEncoder();

/** What to do about a failed snapshot or key, by the rule it broke. */
function hintFor(f: Failure): string {
  switch (f.rule) {
    case 'unpinned-key':
      return 'pin a signing key by adding its fingerprint to org.yaml (trust.keys) in a reviewed change; a key file alone is not trusted';
    case 'signature-missing':
    case 'unsigned-successor':
      return 'restore manifest.dsse.json from git; a new version is signed with OKR_SIGNING_KEY set to a pinned key';
    case 'backdated':
    case 'future-dated':
      return "snapshots are append-only: restore the published files from git; a new version's createdAt comes from SOURCE_DATE_EPOCH";
    case 'inconsistent-extension':
      return 'restore the published files from git; a correction is written by okr snapshot --supersede, which lists what it changes';
    default:
      return 'snapshots are append-only: restore the published files from git, or publish a correction with okr snapshot --supersede';
  }
}

/** Leaf hashes already computed, by leaf (with a LeafCache, a quarter's leaves are its year's too). */
export type LeafHashes = Map<Leaf, { hash: Uint8Array; hex: string }>;

export function treeOf(period: string, leaves: readonly Leaf[], known: LeafHashes = new Map()): PeriodTree {
  return run(
    (function* () {
      const hashes: Uint8Array[] = [];
      const hexes: string[] = [];
      for (const l of leaves) {
        let h = known.get(l);
        if (!h) {
          const hash = yield* leafHash(encoder.encode(l.canonical));
          known.set(l, (h = { hash, hex: toHex(hash) }));
        }
        hashes.push(h.hash);
        hexes.push(h.hex);
      }
      const { root: rootHash, proofs } = yield* rootAndInclusionProofs(hashes);
      const root = toHex(rootHash);
      // Proofs in hex, each node turned once (proofs share their upper nodes); the bytes are then let
      // go: a 32-byte typed array costs V8 more than its 64-character hex string.
      const hexOf = new Map(hashes.map((h, i) => [h, hexes[i]!]));
      const hex = (h: Uint8Array) => hexOf.get(h) ?? hexOf.set(h, toHex(h)).get(h)!;
      const hexProofs = proofs.map((p): readonly string[] => p.map(hex));
      const records = leaves.map((l, i): TreeRecord => ({
        key: l.key,
        record: l.record,
        id: l.id,
        label: l.label,
        index: i,
        leaf: hexes[i]!,
        proof: hexProofs[i]!,
        canonical: l.canonical,
      }));
      return { period, root, treeSize: leaves.length, records, byKey: new Map(records.map((r) => [r.key, r])) };
    })(),
  );
}

const splitKey = (key: string) => {
  const at = key.indexOf('/');
  return { record: key.slice(0, at), id: key.slice(at + 1) };
};

/** The root of a receipt's listed leaves (key → hex hash), in tree order. */
function rootOfListed(listed: Record<string, string>): string | undefined {
  const entries = Object.entries(listed)
    .map(([key, hash]) => ({ ...splitKey(key), hash: fromHex(hash) }))
    .sort(compareLeaves);
  if (entries.some((e) => !e.hash || e.hash.length !== 32)) return undefined;
  return toHex(run(rootFromLeafHashes(entries.map((e) => e.hash!))));
}

/** What changed between approved leaf hashes (key → hex) and a tree now. */
export function diffLeaves(approved: Map<string, string>, now: PeriodTree): LeafChanges {
  const added = now.records.filter((r) => !approved.has(r.key)).map((r) => ({ key: r.key, label: r.label }));
  const removed = [...approved.keys()]
    .filter((k) => !now.byKey.has(k))
    .sort()
    .map((key) => ({ key }));
  const changed = now.records
    .filter((r) => approved.has(r.key) && approved.get(r.key) !== r.leaf)
    .map((r) => ({ key: r.key, label: r.label }));
  return { added, removed, removedCount: removed.length, changed };
}

export function describeChanges(c: LeafChanges): string {
  const parts = [
    ...c.changed.map((x) => `changed ${x.key}`),
    ...c.added.map((x) => `added ${x.key}`),
    ...c.removed.map((x) => `removed ${x.key}`),
  ];
  return parts.length > 5 ? `${parts.slice(0, 5).join(', ')} and ${parts.length - 5} more` : parts.join(', ');
}

export function computeTrust(input: TrustInput): { trust: Trust; issues: ContentIssue[] } {
  const { full, view, ids, audience } = input;
  const issues: ContentIssue[] = [];

  // Trees over the audience's records, hashed when first asked for: `okr check` needs only the
  // periods with receipts, a build needs them all. Leaves and their hashes are made once per record:
  // a year's tree repeats its quarters' records, a receipt's scope a tree's.
  const leafCache: LeafCache = new Map();
  const leafHashes: LeafHashes = new Map();
  let built = 0;
  const trees = new LazyMap(
    view.periods.map((p) => p.id),
    (period) => {
      const tree = treeOf(period, scopeLeaves(view, 'okrs', period, ids, leafCache)!, leafHashes);
      // Once every tree is built the caches only hold memory (a build keeps the trees to the end).
      if (++built === view.periods.length) [leafCache, leafHashes].forEach((m) => m.clear());
      return tree;
    },
  );
  const objectivePeriod = new Map(view.objectives.map((o) => [o.id, o.period]));
  const homeOf = (key: string) => {
    const { record, id } = splitKey(key);
    return record === 'period'
      ? id
      : record === 'objective'
        ? objectivePeriod.get(id)
        : record === 'keyResult'
          ? objectivePeriod.get(id.split('.')[0]!)
          : undefined;
  };
  const own = {
    get(key: string) {
      const period = homeOf(key);
      const record = period === undefined ? undefined : trees.get(period)?.byKey.get(key);
      return record && { period: period!, record };
    },
  };

  // Snapshots and keys: verified on every build and check (one SHA-256 per leaf and proof step), with
  // the chain rules against the keys pinned in org.yaml.
  const pins = full.org.trust.keys;
  const verified = run(verifySnapshots(input.files.snapshots, input.files.keys, { pins, now: input.now }));
  for (const f of [...verified.failures, ...verified.reports.flatMap((r) => r.failures)])
    issues.push({
      file: f.file,
      line: 0,
      column: 0,
      path: '',
      message: `${verified.failures.includes(f) ? 'trust-center key' : 'trust-center snapshot'}${f.record ? ` record ${f.record}` : ''}: ${f.message}`,
      hint: hintFor(f),
      severity: 'error',
    });
  for (const [i, pin] of pins.entries())
    if (!verified.keys.some((k) => k.keyid === pin.fingerprint) && full.orgOrigin)
      issues.push(
        issueAt(
          full.orgOrigin.src,
          ['trust', 'keys', i, 'id'],
          `signing key '${pin.id}' is pinned, but trust/keys/${pin.id}.pem (its public key) is missing, so its signatures cannot be checked`,
          'publish the public key as trust/keys/<id>.pem (okr snapshot prints it), or remove the pin once no snapshot is signed with it',
          // A snapshot signed by it fails verification (an error); the pin alone breaks nothing yet.
          'warning',
        ),
      );
  for (const file of input.files.stray)
    issues.push({
      file,
      line: 0,
      column: 0,
      path: '',
      message: 'this file in trust/ belongs to no snapshot',
      hint: 'trust/ holds <period>/v<N>/ folders written by okr snapshot and keys/*.pem public keys; move or delete it',
      severity: 'error',
    });
  const snapshots: TrustSnapshot[] = verified.reports.map((r) => ({ ...r }));
  for (const s of snapshots) {
    const next = snapshots.find((x) => x.period === s.period && x.manifest?.supersedes === s.version);
    if (next) s.supersededBy = next.version;
  }

  // Decision receipts, always checked against the full content (that is what was approved).
  const checks: ReceiptCheck[] = [];
  for (const r of full.receipts) {
    if (r.leaves) {
      const listedRoot = rootOfListed(r.leaves);
      if (listedRoot !== r.root)
        issues.push(
          issueAt(
            r.origin.src,
            ['leaves'],
            listedRoot ? `the listed leaves give root ${listedRoot}, not the receipt's root` : 'a listed leaf hash is not 64 hex digits',
            'copy root and leaves together from: npm run --silent okr -- receipt PERIOD --scope SCOPE',
          ),
        );
    }
    const leaves = scopeLeaves(full, r.scope, r.period, ids, leafCache);
    if (!leaves) {
      checks.push({ receipt: r, status: 'unverifiable', currentRoot: null, changes: null, changesFrom: null });
      continue;
    }
    const now = treeOf(r.period, leaves, leafHashes);
    if (now.root === r.root) {
      checks.push({ receipt: r, status: 'current', currentRoot: now.root, changes: null, changesFrom: null });
      continue;
    }
    let changes: LeafChanges | null = null;
    let changesFrom: ReceiptCheck['changesFrom'] = null;
    if (r.leaves) {
      changes = diffLeaves(new Map(Object.entries(r.leaves)), now);
      changesFrom = 'receipt';
    } else {
      const snap = r.scope === 'okrs' ? snapshots.find((s) => s.period === r.period && s.ok && s.manifest?.root === r.root) : undefined;
      if (snap) {
        changes = diffLeaves(new Map(snap.leaves.map((l) => [l.key, l.leaf])), now);
        changesFrom = 'snapshot';
      }
    }
    checks.push({ receipt: r, status: 'stale', currentRoot: now.root, changes, changesFrom });
    issues.push(
      issueAt(
        r.origin.src,
        ['root'],
        `decision receipt '${r.id}' is stale: the ${r.scope} of ${r.period} changed since it was approved (root now ${now.root.slice(0, 12)}…)${changes ? `: ${describeChanges(changes)}` : ''}`,
        'revert the change, or have it approved and record a new receipt (okr receipt prints one)',
        'warning',
      ),
    );
  }

  // The audience's receipts: the projection (src/lib/audience.ts) keeps a receipt in the public build
  // only when everything its scope covers is public; a public build names no removed record.
  const shown = new Set(view.receipts.map((r) => r.id));
  const visibleReceipts = checks
    .filter((c) => shown.has(c.receipt.id))
    .map((c) => (audience === 'public' && c.changes ? { ...c, changes: { ...c.changes, removed: [] } } : c));

  const requirements = new Map<string, Requirement[]>();
  for (const p of view.periods) {
    const scopes = p.receiptsRequired ?? view.org.receiptsRequired;
    requirements.set(
      p.id,
      scopes.map((scope) => {
        const rs = visibleReceipts.filter((c) => c.receipt.period === p.id && c.receipt.scope === scope);
        const status: Requirement['status'] = rs.some((c) => c.status === 'current')
          ? 'satisfied'
          : rs.some((c) => c.status === 'unverifiable')
            ? 'unverifiable'
            : rs.length
              ? 'stale'
              : 'missing';
        return { scope, status, receipts: rs.map((c) => c.receipt.id) };
      }),
    );
  }

  const keys = verified.keys.map((k) => ({
    ...k,
    name: k.file.split('/').pop()!,
    pem: input.files.keys.find((x) => x.file === k.file)!.pem,
  }));
  const published = [
    ...input.files.snapshots.flatMap((s) =>
      Object.entries(s.files).map(([name, bytes]) => ({ path: `${s.period}/${s.version}/${name}`, bytes: bytes! })),
    ),
    ...keys.map((k) => ({ path: `keys/${k.name}`, bytes: encoder.encode(k.pem) })),
  ];
  const { fingerprintsAt } = full.org.trust;
  return {
    trust: {
      trees,
      own,
      receipts: visibleReceipts,
      requirements,
      snapshots,
      keys,
      pins,
      ...(fingerprintsAt ? { fingerprintsAt } : {}),
      published,
    },
    issues,
  };
}
