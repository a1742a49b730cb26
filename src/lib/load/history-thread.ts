// Reading the change history on threads of their own. A big handbook's history is thousands of file
// versions to parse and compare (BENCHMARKS.md has its cost). The build starts one
// worker once the handbook is computed and renders the pages that show history last, so the worker
// has the other core while Astro bundles and renders. `okr export`, which has nothing else to do
// meanwhile, starts one per core: each takes the next chunk of files. Both pass the history cache
// (./history-cache.ts). Nothing else changes: getHistory() returns what it would have computed on
// its own.
import { getCompileCacheDir } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { mergeHistory, noHistory, type FileHistoryPart, type HistoryIndex } from '../history.ts';
import { processMemo } from '../process-memo.ts';

const WORKER = new URL('./history-worker.ts', import.meta.url);
/** Workers that have not all answered by then are given up on; the history is then read on this thread. */
const WAIT_MS = 600_000;

type Message = Chunk | Done;
/** One chunk of files' part of the history. */
interface Chunk {
  chunk: number;
  parts: FileHistoryPart[];
}

interface Pending {
  /** [0]: workers done (with a result or without); [1]: the next chunk of files to take. */
  shared: Int32Array;
  ports: MessagePort[];
  workers: Worker[];
}

// Per process: the build starts the workers from its integration, the bundled pages take the result.
const pending = () => processMemo<Pending>('history-thread');

/**
 * Start reading the history of `contentDir` on `workers` threads (once per directory), with the cache
 * in `cacheDir` if given (./history-cache.ts). Each worker holds its share of the old versions in
 * memory: `okr export` takes two, the build one, to stay within its memory budget (BENCHMARKS.md).
 */
export function startHistoryThread(contentDir: string, workers = 1, cacheDir?: string): void {
  if (pending().has(contentDir)) return;
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const p: Pending = { shared, ports: [], workers: [] };
  for (let i = 0; i < Math.max(1, workers); i++) {
    const { port1, port2 } = new MessageChannel();
    // Node's compile cache is per thread: a worker keeps this thread's, or none when it has none.
    const workerData = { contentDir, cacheDir, shared, port: port2, compileCache: getCompileCacheDir() };
    const worker = new Worker(WORKER, { workerData, transferList: [port2] });
    worker.unref();
    // The parts wait in the port, serialised, until the history is first asked for. Taken as they
    // came instead, they sat in this thread's heap through the rest of the build and raised its peak.
    port1.unref();
    p.ports.push(port1);
    p.workers.push(worker);
  }
  pending().set(contentDir, p);
}

/** The history read by the workers started for `contentDir`, waiting for them; undefined when none were started or one failed. */
export function historyFromThread(contentDir: string): HistoryIndex | undefined {
  const p = pending().get(contentDir);
  if (!p) return undefined;
  pending().delete(contentDir);
  const deadline = Date.now() + WAIT_MS;
  for (let done = Atomics.load(p.shared, 0); done < p.workers.length && Date.now() < deadline; done = Atomics.load(p.shared, 0))
    Atomics.wait(p.shared, 0, done, deadline - Date.now());
  const messages: Message[] = [];
  for (const port of p.ports) {
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) messages.push(m.message as Message);
    port.close();
  }
  const chunks = messages.filter((m): m is Chunk => !('done' in m));
  const ends = messages.filter((m): m is Done => 'done' in m);
  for (const worker of p.workers) void worker.terminate();
  if (ends.length < p.workers.length) return undefined;
  const unavailable = ends.find((e) => e.unavailable !== undefined)?.unavailable;
  if (unavailable !== undefined) return noHistory(unavailable);
  // Merged in file order, however the workers shared the chunks: the result is the same either way.
  chunks.sort((a, b) => a.chunk - b.chunk);
  return mergeHistory(chunks.flatMap((c) => c.parts));
}

/** A worker's last message: its chunks are all sent, or the history is unavailable for the reason given. */
interface Done {
  done: true;
  unavailable?: string;
}
