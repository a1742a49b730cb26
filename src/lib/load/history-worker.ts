// The worker side of ./history-thread.ts: read and compare the history, send it, then wake the thread
// that waits for it (with or without a result: on failure that thread reads the history itself).
import { enableCompileCache } from 'node:module';
import { type MessagePort, workerData } from 'node:worker_threads';

const { contentDir, shared, port, compileCache } = workerData as {
  contentDir: string;
  shared: Int32Array;
  port: MessagePort;
  compileCache: string | undefined;
};
// Before the history's modules load (hence the dynamic imports): the compile cache is per thread.
if (compileCache) enableCompileCache(compileCache);
try {
  const { historyOf } = await import('./git-history.ts');
  port.postMessage(historyOf(contentDir));
} catch {
  // The waiting thread reads the history itself, and reports what goes wrong there.
} finally {
  Atomics.store(shared, 0, 1);
  Atomics.notify(shared, 0);
}
