// The worker side of ./history-thread.ts: read and compare the history, sending it file by file, then
// wake the thread that waits for it (on failure that thread reads the history itself).
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
/** Files whose part of the history goes in one message. */
const FILES_PER_MESSAGE = 64;

try {
  const { readGitHistory } = await import('./git-history.ts');
  const { fileHistoryPart } = await import('../history.ts');
  // Each file's part is sent as soon as there are a few, and not kept here: the thread holds little
  // more than the versions being compared, and the build process never holds two copies of the
  // history (handing it over whole took the bench's 16× build past 2 GB).
  const git = readGitHistory(contentDir);
  if (!git.available) port.postMessage({ done: true, unavailable: git.reason });
  else {
    let parts = [];
    for (const file of git.files) {
      parts.push(fileHistoryPart(file));
      if (parts.length === FILES_PER_MESSAGE) (port.postMessage({ parts }), (parts = []));
    }
    port.postMessage({ parts });
    port.postMessage({ done: true });
  }
} catch {
  // Without its last message, the waiting thread reads the history itself (and reports what goes wrong).
} finally {
  Atomics.store(shared, 0, 1);
  Atomics.notify(shared, 0);
  // Nothing keeps the thread then: it ends, and its memory goes, without waiting to be terminated.
  port.close();
}
