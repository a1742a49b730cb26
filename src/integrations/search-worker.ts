// The thread that talks to Pagefind for the build (started by ./search-feeder.ts). Pagefind's Node
// API encodes every page it is sent (JSON, then base64) on the calling thread; here that work, and
// waiting for Pagefind, stay off the thread that renders pages.
//
// Pages arrive numbered in the order Astro started them and may arrive out of order; they go to
// Pagefind in number order (through ./search-queue.ts), so the index is the same on every build.
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { SearchQueue, type SearchItem } from './search-queue.ts';
import type { ToWorker, FromWorker } from './search-feeder.ts';

const { language } = workerData as { language: string };
const port = parentPort!;
const say = (m: FromWorker) => port.postMessage(m);

const index = pagefind
  .createIndex({ forceLanguage: language })
  .then(({ index, errors }) => index ?? Promise.reject(new Error(`creating the index failed: ${errors.join('; ')}`)));
const queue = new SearchQueue(index, language);

/** Pages that came before their turn, by number; `null` is a page that is not indexed. */
const early = new Map<number, Extract<SearchItem, { kind: 'page' }> | null>();
let next = 0;
const decoder = new TextDecoder();

port.on('message', async (m: ToWorker) => {
  if (m.type === 'record') {
    void queue.add({ kind: 'record', ...m.record });
  } else if (m.type === 'page') {
    early.set(m.seq, m.bytes ? { kind: 'page', url: m.url, content: decoder.decode(m.bytes) } : null);
    for (let item = early.get(next); item !== undefined; item = early.get(next)) {
      early.delete(next++);
      // Tell the renderer when Pagefind has the page: it holds back while too many are waiting.
      if (item) void queue.add(item).then(() => say({ type: 'taken' }));
      else say({ type: 'taken' });
    }
  } else if (m.type === 'write') {
    try {
      if (early.size) throw new Error(`pages ${[...early.keys()].join(', ')} came after a page that never did`);
      const { index, errors } = await queue.done();
      if (errors.length) return say({ type: 'written', errors, pages: queue.pages, records: queue.records });
      const written = await index.writeFiles({ outputPath: m.outputPath });
      say({ type: 'written', errors: written.errors, pages: queue.pages, records: queue.records });
    } catch (e) {
      say({ type: 'written', errors: [(e as Error).message], pages: queue.pages, records: queue.records });
    } finally {
      await pagefind.close();
      port.close();
    }
  }
});
