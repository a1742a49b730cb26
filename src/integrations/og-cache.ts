// The OG image cache: one PNG per set of card inputs, named `<inputs hash>-<content hash>.png`.
//
// A build hard-links the cached images into its output (a copy of thousands of images costs a build
// seconds), so a published image and its cache entry are one file: an edit of the published image in
// place (an optimiser, a deploy step, a mistaken `>`) changes the entry too. The name records what the
// entry held when it was rendered, and every build hashes an entry before using it: one that changed
// is removed and rendered again, so an edited image is never published by a later build.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { markUsed } from '../lib/load/cache-files.ts';

/** A cache entry's name; also matches the older `<inputs hash>.png` entries, so pruning removes them. */
export const ENTRY = /^([0-9a-f]{64})(?:-([0-9a-f]{64}))?\.png$/;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The name an image rendered for `key` is stored under. */
export const entryName = (key: string, png: Uint8Array) => `${key}-${sha256(png)}.png`;

/**
 * The cached image of each of `keys` whose bytes still hash to its name (marked used); entries whose
 * bytes changed since they were rendered are removed, and their keys left out, to be rendered again.
 */
export function intactEntries(dir: string, keys: ReadonlySet<string>): { entries: Map<string, string>; changed: number } {
  const entries = new Map<string, string>();
  let changed = 0;
  for (const name of readdirSync(dir)) {
    const m = ENTRY.exec(name);
    if (!m || !m[2] || !keys.has(m[1]!) || entries.has(m[1]!)) continue;
    const file = join(dir, name);
    try {
      if (sha256(readFileSync(file)) === m[2]) {
        markUsed(file, statSync(file).mtimeMs);
        entries.set(m[1]!, file);
        continue;
      }
      changed++;
      rmSync(file, { force: true });
    } catch {
      // Removed meanwhile: rendered again.
    }
  }
  return { entries, changed };
}
