// The worker side of ./parallel.ts: load the parser, wait for the jobs, take files from the shared
// counter until none are left, sending each result as it is ready, then wake the loader.
import { enableCompileCache } from 'node:module';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { ParseJob } from './parallel.ts';

// Before the parser's modules load (hence the dynamic import): the compile cache is per thread.
const { compileCache } = workerData as { compileCache: string | undefined };
if (compileCache) enableCompileCache(compileCache);
const { readJob } = await import('./parallel.ts');
const { parseCache } = await import('./parse-cache.ts');
// Loaded: tell whoever waits (see parseWorkerReady).
parentPort!.postMessage('ready');

interface Jobs {
  jobs: ParseJob[];
  shared: Int32Array;
  port: MessagePort;
  /** The loader's parse cache, if it has one. */
  cache?: { dir: string; code: string; readOnly: boolean };
}

parentPort!.once('message', ({ jobs, shared, port, cache: cacheIn }: Jobs) => {
  Atomics.store(shared, 2, 1);
  const cache = cacheIn && parseCache(cacheIn.dir, cacheIn.code, { readOnly: cacheIn.readOnly });
  try {
    for (let i = Atomics.add(shared, 1, 1); i < jobs.length; i = Atomics.add(shared, 1, 1)) {
      const read = readJob(jobs[i]!, cache);
      if (read) port.postMessage([i, read]);
    }
  } catch {
    // The loader parses whatever is missing itself (and reports what went wrong there).
  } finally {
    Atomics.store(shared, 0, 1);
    Atomics.notify(shared, 0);
    port.close();
  }
});
