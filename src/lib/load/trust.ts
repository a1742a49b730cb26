// Read trust-center files: snapshots under <content>/trust/<period>/v<N>/, public keys under
// <content>/trust/keys/*.pem, and the keys pinned in <content>/org.yaml. I/O only; verification is
// pure (src/lib/receipts/verify.ts, chain.ts).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { KeyInput, Pin, SnapshotInput } from '../receipts/report.ts';
import { trustSettings } from '../schema/org.ts';
import { parseYaml } from './parse-yaml.ts';
import { readBounded } from './read-bounded.ts';

export interface TrustFiles {
  snapshots: SnapshotInput[];
  keys: KeyInput[];
  /** Files in trust/ that belong to no snapshot and are no key. */
  stray: string[];
  /** Whether the set covers whole periods (so the chain of corrections can be checked). */
  chain: boolean;
}

// Paths inside the working directory are shown relative to it; others in full (not as ../../..).
const display = (abs: string, cwd: string) => {
  const rel = relative(cwd, abs);
  return rel.startsWith('..') ? abs : rel.split(sep).join('/') || '.';
};
const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
const entries = (p: string) =>
  readdirSync(p)
    .filter((n) => !n.startsWith('.'))
    .sort();
const PERIOD_DIR = /^(\d{4}|FY\d{2})(-Q[1-4])?$/;
const VERSION_DIR = /^v[1-9]\d*$/;

/** One snapshot folder: every file in it, as bytes. */
export function readSnapshotDir(dir: string, cwd = process.cwd()): SnapshotInput {
  const files: Record<string, Uint8Array> = {};
  // Bounded reads (./read-bounded.ts): a FIFO or device here is skipped (the content walk reports it).
  for (const name of entries(dir)) {
    const read = isDir(join(dir, name)) ? undefined : readBounded(join(dir, name));
    if (read && 'bytes' in read) files[name] = new Uint8Array(read.bytes);
  }
  return { path: display(dir, cwd), period: basename(dirname(dir)), version: basename(dir), files };
}

function readKeys(dir: string, cwd: string, stray: string[]): KeyInput[] {
  if (!isDir(dir)) return [];
  const keys: KeyInput[] = [];
  for (const name of entries(dir)) {
    const abs = join(dir, name);
    const read = name.endsWith('.pem') && !isDir(abs) ? readBounded(abs) : undefined;
    if (read && 'bytes' in read) keys.push({ file: display(abs, cwd), pem: read.bytes.toString('utf8') });
    else stray.push(display(abs, cwd));
  }
  return keys;
}

/** A trust folder: every period's versions and the published keys. A missing folder is empty. */
export function readTrustDir(dir: string, cwd = process.cwd()): TrustFiles {
  const out: TrustFiles = { snapshots: [], keys: [], stray: [], chain: true };
  if (!isDir(dir)) return out;
  for (const name of entries(dir)) {
    const abs = join(dir, name);
    if (name === 'keys') out.keys = readKeys(abs, cwd, out.stray);
    else if (PERIOD_DIR.test(name) && isDir(abs)) {
      for (const v of entries(abs)) {
        const vAbs = join(abs, v);
        if (VERSION_DIR.test(v) && isDir(vAbs)) out.snapshots.push(readSnapshotDir(vAbs, cwd));
        else out.stray.push(display(vAbs, cwd));
      }
    } else out.stray.push(display(abs, cwd));
  }
  out.snapshots.sort((a, b) =>
    a.period < b.period ? -1 : a.period > b.period ? 1 : Number(a.version.slice(1)) - Number(b.version.slice(1)),
  );
  return out;
}

/** The nearest keys/ folder for a snapshot or period folder (trust/keys). */
function keysNear(dir: string): string | undefined {
  for (let d = dir, i = 0; i < 3; d = dirname(d), i++) if (isDir(join(d, 'keys'))) return join(d, 'keys');
  return undefined;
}

/** The content folder a trust, period or snapshot folder belongs to (it holds org.yaml and trust/), if any. */
function contentAbove(dir: string): string | undefined {
  for (let d = dir, i = 0; i < 4; d = dirname(d), i++) if (existsSync(join(d, 'org.yaml')) && isDir(join(d, 'trust'))) return d;
  return undefined;
}

/** The signing keys pinned in an org.yaml (its `trust.keys`), or why they cannot be read. */
export function readPins(orgFile: string, cwd = process.cwd()): { pins: Pin[] } | { error: string } {
  const file = display(orgFile, cwd);
  const read = readBounded(orgFile);
  if ('problem' in read) return { error: `${file}: ${read.problem}` };
  const { value, issues } = parseYaml(file, read.bytes.toString('utf8'));
  const bad = issues.find((issue) => issue.severity === 'error');
  if (bad) return { error: `${file}:${bad.line}:${bad.column}: ${bad.message}` };
  const trust = (value as { trust?: unknown } | undefined)?.trust;
  const parsed = trustSettings.safeParse(trust ?? {});
  if (!parsed.success) return { error: `${file}: trust: ${parsed.error.issues[0]?.message ?? 'not valid'} (run okr check)` };
  return { pins: parsed.data.keys };
}

/**
 * What `okr verify PATH` checks: a snapshot folder (has manifest.json), a period folder (v1, v2, …),
 * a trust folder (periods and keys/) or a content folder (has trust/). `orgFile` is the org.yaml of
 * the content it belongs to, whose pinned keys apply.
 */
export function findTrust(path: string, cwd = process.cwd(), keysDir?: string): (TrustFiles & { orgFile?: string }) | { error: string } {
  const found = findTrustFiles(path, cwd, keysDir);
  const content = 'error' in found ? undefined : contentAbove(path);
  return content && !('error' in found) ? { ...found, orgFile: join(content, 'org.yaml') } : found;
}

function findTrustFiles(path: string, cwd: string, keysDir?: string): TrustFiles | { error: string } {
  if (!existsSync(path)) return { error: `${path} does not exist` };
  if (!isDir(path)) return { error: `${path} is a file; pass a snapshot folder (with manifest.json) or a folder of snapshots` };
  const keys = (d: string | undefined, stray: string[]) => (d ? readKeys(d, cwd, stray) : []);
  if (existsSync(join(path, 'manifest.json'))) {
    const stray: string[] = [];
    return { snapshots: [readSnapshotDir(path, cwd)], keys: keys(keysDir ?? keysNear(path), stray), stray, chain: false };
  }
  const names = entries(path);
  if (names.length && names.every((n) => VERSION_DIR.test(n))) {
    const stray: string[] = [];
    return {
      snapshots: names.map((v) => readSnapshotDir(join(path, v), cwd)),
      keys: keys(keysDir ?? keysNear(path), stray),
      stray,
      chain: true,
    };
  }
  const trust = isDir(join(path, 'trust')) && existsSync(join(path, 'org.yaml')) ? join(path, 'trust') : path;
  const t = readTrustDir(trust, cwd);
  if (keysDir) t.keys = keys(keysDir, t.stray);
  if (t.snapshots.length === 0) return { error: `no snapshots found in ${path} (expected <period>/v<N>/manifest.json)` };
  return t;
}
