// The worker side of ./parallel.ts: load the parser, wait for the jobs, take files from the shared
// counter until none are left, sending each result as it is ready, then wake the loader.
import { enableCompileCache } from 'node:module';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { ParseJob } from './parallel.ts';

// Before the parser's modules load (hence the dynamic import): the compile cache is per thread.
const { compileCache } = workerData as { compileCache: string | undefined };
if (compileCache) enableCompileCache(compileCache);
const { parseJob } = await import('./parallel.ts');

parentPort!.once('message', ({ jobs, shared, port }: { jobs: ParseJob[]; shared: Int32Array; port: MessagePort }) => {
  Atomics.store(shared, 2, 1);
  try {
    for (let i = Atomics.add(shared, 1, 1); i < jobs.length; i = Atomics.add(shared, 1, 1)) {
      const parsed = parseJob(jobs[i]!);
      if (parsed) port.postMessage([jobs[i]!.abs, parsed]);
    }
  } catch {
    // The loader parses whatever is missing itself (and reports what went wrong there).
  } finally {
    Atomics.store(shared, 0, 1);
    Atomics.notify(shared, 0);
    port.close();
  }
});
