// The files of an on-disk cache (./history-cache.ts, ./parse-cache.ts, the OG images): writing an
// entry whole, and keeping the folder from growing with every change of content.
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { TEMP_NAME, writeFileAtomic } from './atomic-write.ts';

/** An entry not used for this long is removed by pruneCache(). */
export const UNUSED_MS = 7 * 24 * 3_600_000;
/** A temporary file this old was left by a process that died. */
const ABANDONED_MS = 3_600_000;
/** A used entry's time is refreshed at most this often, so a run that uses every entry does not write them all. */
const REFRESH_MS = 24 * 3_600_000;

/**
 * A writer of entries into `dir`, by full path. Each is written whole (./atomic-write.ts), so a reader
 * (another build, another thread) never sees half an entry. A folder that cannot be written to is
 * given up on at the first failure: a read-only checkout, or a full disk, runs as without a cache.
 */
export function cacheWriter(dir: string): (path: string, data: string | Uint8Array) => void {
  let writable: boolean | undefined;
  return (path, data) => {
    if (writable === false) return;
    try {
      if (writable === undefined) mkdirSync(dir, { recursive: true });
      writable = true;
      writeFileAtomic(path, data, { durable: false });
    } catch {
      writable = false;
    }
  };
}

/** Note that an entry (last modified at `mtimeMs`) was used, for pruneCache(). */
export function markUsed(path: string, mtimeMs: number, now = Date.now()): void {
  if (now - mtimeMs <= REFRESH_MS) return;
  try {
    utimesSync(path, now / 1000, now / 1000);
  } catch {
    // A cache this process may not change: it is not pruned by this process either.
  }
}

/**
 * Remove the entries (names matching `entry`) that are `stale` — by default, unused for UNUSED_MS —
 * and temporary files abandoned by a process that died; another process's entries in progress, and
 * anything else, are left alone.
 */
export function pruneCache(dir: string, entry: RegExp, stale?: (name: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // No cache yet.
  }
  const now = Date.now();
  const older = (name: string, ms: number) => now - statSync(join(dir, name)).mtimeMs > ms;
  for (const name of names) {
    try {
      const remove = entry.test(name) ? (stale ? stale(name) : older(name, UNUSED_MS)) : TEMP_NAME.test(name) && older(name, ABANDONED_MS);
      if (remove) rmSync(join(dir, name), { force: true });
    } catch {
      // Renamed into place or removed meanwhile, or not ours to remove.
    }
  }
}
