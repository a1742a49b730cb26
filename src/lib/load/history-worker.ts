// The worker side of ./history-thread.ts: take chunks of files from the shared counter, read and
// compare their versions (or take their parts from the cache), and send each chunk's part of the
// history; then count this worker done and wake the thread that waits (on failure that thread reads
// the history itself).
import { enableCompileCache } from 'node:module';
import { type MessagePort, workerData } from 'node:worker_threads';

const { contentDir, cacheDir, shared, port, compileCache } = workerData as {
  contentDir: string;
  cacheDir: string | undefined;
  /** [0]: workers done; [1]: the next chunk to take. */
  shared: Int32Array;
  port: MessagePort;
  compileCache: string | undefined;
};
// Before the history's modules load (hence the dynamic imports): the compile cache is per thread.
if (compileCache) enableCompileCache(compileCache);

try {
  const { readGitHistory } = await import('./git-history.ts');
  // Each chunk's part is sent as soon as it is ready and not kept here: a thread holds little more
  // than the versions being compared (handing the history over as one message took the largest
  // bench build over its memory budget).
  const git = readGitHistory(contentDir, { cacheDir });
  if (!git.available) port.postMessage({ done: true, unavailable: git.reason });
  else {
    for (let chunk = Atomics.add(shared, 1, 1); chunk < git.chunks; chunk = Atomics.add(shared, 1, 1))
      port.postMessage({ chunk, parts: git.partsOf(chunk) });
    // Every worker knows every file's key, so each can prune (the others' new entries are among them).
    git.pruneCache();
    port.postMessage({ done: true });
  }
} catch {
  // Without its last message, the waiting thread reads the history itself (and reports what goes wrong).
} finally {
  Atomics.add(shared, 0, 1);
  Atomics.notify(shared, 0);
  // Nothing keeps the thread then: it ends, and its memory goes, without waiting to be terminated.
  port.close();
}
