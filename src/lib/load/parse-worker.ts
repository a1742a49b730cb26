// The worker half of ./parallel.ts: parse the given files, send the results, wake the loader.
import { type MessagePort, workerData } from 'node:worker_threads';
import type { ParsedFile } from './index.ts';
import { parseJob, type ParseJob } from './parallel.ts';

const { jobs, signal, port } = workerData as { jobs: ParseJob[]; signal: Int32Array; port: MessagePort };
try {
  const results: [string, ParsedFile][] = [];
  for (const job of jobs) {
    const parsed = parseJob(job);
    if (parsed) results.push([job.abs, parsed]);
  }
  port.postMessage(results);
} catch {
  // The loader parses whatever is missing itself (and reports what went wrong there).
  port.postMessage(null);
} finally {
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}
