// Reading the change history on a thread of its own. A big handbook's history is thousands of file
// versions to parse and compare (~21 s at the bench's 16× size): the build starts it once the
// handbook is computed, so it runs while Astro bundles, and the first page that shows history takes
// the result. Nothing else changes: getHistory() returns what it would have computed.
import { getCompileCacheDir } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { mergeHistory, noHistory, type FileHistoryPart, type HistoryIndex } from '../history.ts';
import { processMemo } from '../process-memo.ts';

const WORKER = new URL('./history-worker.ts', import.meta.url);
/** A worker that has not answered by then is given up on; the history is then read on this thread. */
const WAIT_MS = 600_000;

interface Pending {
  /** [0]: 1 once the worker is done (with a result or without). */
  shared: Int32Array;
  port: MessagePort;
  worker: Worker;
}

// Per process: the build starts the worker from its integration, the bundled pages take the result.
const pending = () => processMemo<Pending>('history-thread');

/** Start reading the history of `contentDir` on a worker thread (once per directory). */
export function startHistoryThread(contentDir: string): void {
  if (pending().has(contentDir)) return;
  const shared = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  // Node's compile cache is per thread: the worker keeps this thread's, or none when it has none.
  const workerData = { contentDir, shared, port: port2, compileCache: getCompileCacheDir() };
  const worker = new Worker(WORKER, { workerData, transferList: [port2] });
  worker.unref();
  pending().set(contentDir, { shared, port: port1, worker });
}

/** The history read by the worker started for `contentDir`, waiting for it; undefined when none was started or it failed. */
export function historyFromThread(contentDir: string): HistoryIndex | undefined {
  const p = pending().get(contentDir);
  if (!p) return undefined;
  pending().delete(contentDir);
  Atomics.wait(p.shared, 0, 0, WAIT_MS);
  const parts: FileHistoryPart[] = [];
  let done: Done | undefined;
  for (let m = receiveMessageOnPort(p.port); m; m = receiveMessageOnPort(p.port)) {
    const message = m.message as { parts: FileHistoryPart[] } | Done;
    if ('done' in message) done = message;
    else parts.push(...message.parts);
  }
  p.port.close();
  void p.worker.terminate();
  if (!done) return undefined;
  return done.unavailable === undefined ? mergeHistory(parts) : noHistory(done.unavailable);
}

/** The worker's last message: the history is complete, or unavailable for the reason given. */
interface Done {
  done: true;
  unavailable?: string;
}
