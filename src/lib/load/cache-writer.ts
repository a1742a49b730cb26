// Writing entries of an on-disk cache (./history-cache.ts, ./parse-cache.ts): each is written whole
// under a temporary name, then renamed, so a reader (another build, another thread) never sees half
// an entry. A folder that cannot be written to is given up on at the first failure: a read-only
// checkout runs as without a cache.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/** A writer of entries into `dir`, by full path; the temporary name ends in `.<pid>-<thread>.tmp`. */
export function cacheWriter(dir: string): (path: string, data: string | Uint8Array) => void {
  let writable: boolean | undefined;
  return (path, data) => {
    if (writable === false) return;
    const tmp = `${path}.${process.pid}-${threadId}.tmp`;
    try {
      if (writable === undefined) mkdirSync(dir, { recursive: true });
      writable = true;
      writeFileSync(tmp, data);
      renameSync(tmp, path);
    } catch {
      writable = false;
      try {
        rmSync(tmp, { force: true });
      } catch {
        // Nothing was written, or it cannot be removed either.
      }
    }
  };
}
