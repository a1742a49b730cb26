// The worker side of ./parallel.ts: take files from the shared counter until none are left, sending
// each result as it is ready, then wake the loader.
import { type MessagePort, workerData } from 'node:worker_threads';
import { parseJob, type ParseJob } from './parallel.ts';

const { jobs, shared, port } = workerData as { jobs: ParseJob[]; shared: Int32Array; port: MessagePort };
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
}
