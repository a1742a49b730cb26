// Each file's part of the change history, cached on disk as the OG images are (node_modules/.cache).
// A part is fixed by the file's versions — their commits and paths, which git never changes — by
// whether the oldest is the file's first, and by the code that reads and compares them: the key hashes
// all of that with HISTORY_CACHE_VERSION. A build after a commit then reads and compares only the
// files the commit touched (a fraction of the whole history's time: BENCHMARKS.md), and
// drops the entries of their old versions. An entry that cannot be read is a miss; one that cannot be
// written is skipped (a read-only checkout builds as before).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FileHistoryPart } from '../history.ts';
import { cacheWriter, pruneCache } from './cache-files.ts';

/**
 * Bump whenever a part could come out differently for the same versions: how old versions are read
 * (./git-history.ts), compared (../diff.ts) or worded (../history.ts). test/unit/history-cache.test.ts
 * pins a digest of a fixture's history to this number, so a change that forgets it fails there.
 */
export const HISTORY_CACHE_VERSION = 2;

/** Where the build and `okr export` keep it: OKR_HISTORY_CACHE_DIR, or node_modules/.cache/okr-history; `off` for none. */
export function historyCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env.OKR_HISTORY_CACHE_DIR;
  if (dir === 'off') return undefined;
  return resolve(root, dir || 'node_modules/.cache/okr-history');
}

/** The key of a file's part: its versions (newest first) as commit and path, and whether the oldest is its first. */
export function historyKey(file: string, versions: readonly { commit: string; path: string }[], complete: boolean): string {
  const input = JSON.stringify([HISTORY_CACHE_VERSION, file, complete, versions.map((v) => [v.commit, v.path])]);
  return createHash('sha256').update(input).digest('hex');
}

export interface HistoryCache {
  get(key: string): FileHistoryPart | undefined;
  set(key: string, part: FileHistoryPart): void;
  /** Remove the entries not among `keys` (the content's files as they are now), so the cache does not grow with every commit. */
  prune(keys: Iterable<string>): void;
}

const ENTRY = /^[0-9a-f]{64}\.json\.gz$/;

export function historyCache(dir: string): HistoryCache {
  const write = cacheWriter(dir);
  const path = (key: string) => join(dir, `${key}.json.gz`);
  return {
    get(key) {
      try {
        const part = JSON.parse(gunzipSync(readFileSync(path(key))).toString('utf8')) as FileHistoryPart;
        return Array.isArray(part?.byObjective) && Array.isArray(part.truncated) ? part : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, part) {
      write(path(key), gzipSync(JSON.stringify(part), { level: 1 }));
    },
    prune(keys) {
      const keep = new Set(keys);
      pruneCache(dir, ENTRY, (name) => !keep.has(name.slice(0, 64)));
    },
  };
}
