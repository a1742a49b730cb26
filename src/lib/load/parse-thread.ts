// Starting the parse worker of ./parallel.ts, apart from the loader so a caller can start it early:
// the worker then loads its modules while this thread loads its own. `okr check` does so before it
// imports its command, taking the worker's start-up off a big handbook's check.
import { getCompileCacheDir } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = new URL('./parse-worker.ts', import.meta.url);
let early: Worker | undefined;

/** A new parse worker; it waits for its jobs (see ./parallel.ts). */
export function startParseWorker(): Worker {
  // Node's compile cache is per thread: the worker keeps this thread's, or none when it has none.
  const worker = new Worker(WORKER, { workerData: { compileCache: getCompileCacheDir() } });
  // A worker that is never given jobs must not keep the process alive.
  worker.unref();
  return worker;
}

/** Start the worker now, for the next parseInParallel() call to take (which ends it if unneeded). */
export function prestartParseWorker(): Worker {
  return (early ??= startParseWorker());
}

/** The worker started ahead, if any (each is taken once). */
export function takeParseWorker(): Worker | undefined {
  const worker = early;
  early = undefined;
  return worker;
}

/** Resolves once the worker has loaded its modules and waits for its jobs. */
export function parseWorkerReady(worker: Worker): Promise<void> {
  return new Promise((resolve) => worker.once('message', () => resolve()));
}

/** Where the worker's module is; only from source, since a bundle (Astro's pages) does not carry it. */
export const WORKER_URL = WORKER;
