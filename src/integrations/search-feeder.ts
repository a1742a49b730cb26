// The renderer's side of the search index: hands records and rendered pages to the Pagefind thread
// (./search-worker.ts) and writes the index at the end. Handing over a page is a copy of its bytes;
// everything else (decoding, Pagefind's message encoding, waiting for answers) is that thread's.
import { Worker } from 'node:worker_threads';
import type { SearchRecord } from '../lib/search-records.ts';

export type ToWorker =
  | { type: 'record'; record: SearchRecord }
  /** The page numbered `seq` in the order pages were started; no bytes when it is not indexed. */
  | { type: 'page'; seq: number; url: string; bytes: Uint8Array | null }
  | { type: 'write'; outputPath: string };

export type FromWorker =
  /** A page went to Pagefind (or was skipped). */
  { type: 'taken' } | { type: 'written'; errors: string[]; pages: number; records: number };

/** Pages handed over but not yet sent to Pagefind before rendering holds back. */
const AHEAD = 64;

export class SearchFeeder {
  #worker: Worker;
  #seq = 0;
  #waiting = 0;
  #room: (() => void)[] = [];
  #written: Promise<Extract<FromWorker, { type: 'written' }>>;

  /** `script`: the worker's file (the integration is bundled into Astro's config, so it is passed in). */
  constructor(script: string, language: string) {
    this.#worker = new Worker(script, { workerData: { language } });
    this.#written = new Promise((resolve, reject) => {
      // A thread that fails lets rendering go on; write() reports why.
      const stop = (e: Error) => {
        reject(e);
        for (const go of this.#room.splice(0)) go();
      };
      this.#worker.on('error', stop);
      this.#worker.on('exit', (code) => stop(new Error(`the search index thread stopped (exit ${code})`)));
      this.#worker.on('message', (m: FromWorker) => {
        if (m.type === 'written') resolve(m);
        else if (--this.#waiting < AHEAD) this.#room.shift()?.();
      });
    });
    this.#written.catch(() => {});
  }

  record(record: SearchRecord): void {
    this.#worker.postMessage({ type: 'record', record } satisfies ToWorker);
  }

  /** Takes the next place in the index's page order; call in the order pages are started. */
  reserve(): number {
    return this.#seq++;
  }

  /** Hands over page `seq` (null bytes: not indexed); resolves when there is room for more. */
  async page(seq: number, url: string, bytes: Uint8Array | null): Promise<void> {
    this.#waiting++;
    this.#worker.postMessage({ type: 'page', seq, url, bytes } satisfies ToWorker);
    if (this.#waiting > AHEAD) await new Promise<void>((resolve) => this.#room.push(resolve));
  }

  /** Waits for every page, writes the index to `outputPath`; the counts, or the errors Pagefind reported. */
  async write(outputPath: string): Promise<{ errors: string[]; pages: number; records: number }> {
    this.#worker.postMessage({ type: 'write', outputPath } satisfies ToWorker);
    const { errors, pages, records } = await this.#written;
    return { errors, pages, records };
  }
}
