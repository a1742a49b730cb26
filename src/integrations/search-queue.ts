// Feeds one Pagefind index while Astro renders. Pagefind indexes in its own process, one message at
// a time, so pages and records sent as soon as they exist are indexed on the second core while this
// one renders, instead of all at the end. Sends happen in the order they were queued, so the index
// comes out the same on every build; at most IN_FLIGHT are unanswered, so a slow indexer slows
// rendering down instead of piling pages up in memory.
import type { PagefindIndex } from 'pagefind';

/** What one add sends: an HTML page, or a record of our own (KPIs). */
export type SearchItem =
  | { kind: 'page'; url: string; content: string }
  | { kind: 'record'; url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> };

const IN_FLIGHT = 32;

export class SearchQueue {
  #index: Promise<PagefindIndex>;
  #language: string;
  /** Resolves when everything queued so far has been sent. */
  #sent: Promise<void> = Promise.resolve();
  #unanswered = new Set<Promise<void>>();
  #errors: string[] = [];
  pages = 0;
  records = 0;

  constructor(index: Promise<PagefindIndex>, language: string) {
    this.#index = index;
    // An index that cannot be created is reported by done(), not as an unhandled rejection before it.
    index.catch(() => {});
    this.#language = language;
  }

  /**
   * Queues an item that may not exist yet (a page still rendering): its place in the order is taken
   * now, it is sent once it and everything before it are ready. `undefined` items are skipped.
   * Resolves when it has been sent.
   */
  add(item: SearchItem | undefined | Promise<SearchItem | undefined>): Promise<void> {
    const sent = this.#sent.then(async () => {
      const it = await item;
      if (!it) return;
      while (this.#unanswered.size >= IN_FLIGHT) await Promise.race(this.#unanswered);
      const index = await this.#index;
      const reply = (
        it.kind === 'page'
          ? index.addHTMLFile({ url: it.url, content: it.content })
          : index.addCustomRecord({ url: it.url, content: it.content, language: this.#language, meta: it.meta, filters: it.filters })
      ).then(
        (r) => void this.#errors.push(...r.errors.map((e) => `${it.url}: ${e}`)),
        (e: Error) => void this.#errors.push(`${it.url}: ${e.message}`),
      );
      this.#unanswered.add(reply);
      void reply.finally(() => this.#unanswered.delete(reply));
      if (it.kind === 'page') this.pages++;
      else this.records++;
    });
    // A failure to send is kept for done() (once: it is usually the index itself); the chain goes on.
    this.#sent = sent.catch((e: Error) => void (this.#errors.includes(e.message) || this.#errors.push(e.message)));
    return this.#sent;
  }

  /** Waits until every queued item is indexed; the errors Pagefind reported, if any. */
  async done(): Promise<{ index: PagefindIndex; errors: string[] }> {
    await this.#sent;
    await Promise.all(this.#unanswered);
    return { index: await this.#index, errors: this.#errors };
  }
}
