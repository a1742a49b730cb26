// What the build hands to the search index and the browser: the order items reach Pagefind in
// (deterministic, however rendering interleaves), errors kept for the end, KPI records, and the chart
// data pages carry.
import { describe, expect, it } from 'vitest';
import type { PagefindIndex } from 'pagefind';
import { SearchQueue, type SearchItem } from '../../src/integrations/search-queue.ts';
import { chartData, paceChart } from '../../src/lib/charts.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { searchRecords } from '../../src/lib/search-records.ts';

/** A stand-in for Pagefind's index that records what it was sent and answers after `delay` ms. */
function fakeIndex(delay: (url: string) => number, failing = new Set<string>()) {
  const sent: string[] = [];
  let open = 0;
  let maxOpen = 0;
  const answer = (url: string) => {
    sent.push(url);
    maxOpen = Math.max(maxOpen, ++open);
    return new Promise<{ errors: string[] }>((resolve) =>
      setTimeout(() => {
        open--;
        resolve({ errors: failing.has(url) ? ['cannot parse'] : [] });
      }, delay(url)),
    );
  };
  const index = {
    addHTMLFile: ({ url }: { url: string }) => answer(url),
    addCustomRecord: ({ url }: { url: string }) => answer(url),
  } as unknown as PagefindIndex;
  return { index, sent, maxOpen: () => maxOpen };
}

const page = (url: string): SearchItem => ({ kind: 'page', url, content: `<main data-pagefind-body><h1>${url}</h1></main>` });

describe('SearchQueue', () => {
  it('sends items in the order they were queued, even when later ones are ready first', async () => {
    const fake = fakeIndex(() => 1);
    const queue = new SearchQueue(Promise.resolve(fake.index), 'en');
    const later = (url: string, ms: number) => new Promise<SearchItem>((resolve) => setTimeout(() => resolve(page(url)), ms));
    void queue.add(later('/a/', 30));
    void queue.add(later('/b/', 1));
    void queue.add(undefined);
    void queue.add({ kind: 'record', url: '/kpis/#kpi-x', content: 'x', meta: {}, filters: {} });
    void queue.add(later('/c/', 10));
    const { errors } = await queue.done();
    expect(errors).toEqual([]);
    expect(fake.sent).toEqual(['/a/', '/b/', '/kpis/#kpi-x', '/c/']);
    expect([queue.pages, queue.records]).toEqual([3, 1]);
  });

  it('keeps at most 32 items unanswered and reports every item Pagefind refused', async () => {
    const fake = fakeIndex(() => 2, new Set(['/p7/', '/p50/']));
    const queue = new SearchQueue(Promise.resolve(fake.index), 'en');
    for (let i = 0; i < 100; i++) void queue.add(page(`/p${i}/`));
    const { errors } = await queue.done();
    expect(fake.sent).toHaveLength(100);
    expect(fake.maxOpen()).toBeLessThanOrEqual(32);
    expect(errors).toEqual(['/p7/: cannot parse', '/p50/: cannot parse']);
  });

  it('reports an index that could not be created once, not once per item', async () => {
    const queue = new SearchQueue(Promise.reject(new Error('search index: creating the index failed: no binary')), 'en');
    for (let i = 0; i < 5; i++) void queue.add(page(`/p${i}/`));
    await expect(queue.done()).rejects.toThrow(/no binary/);
  });
});

describe('search records', () => {
  it('are the KPIs of the catalogue, each with its kind filter; key results are sections of their objective page', () => {
    const h = computeHandbook('content', { today: '2026-05-01' }).handbook!;
    const records = searchRecords(h, { kpi: (id) => `/kpis/#kpi-${id}` });
    const kpis = h.model.kpiGroups.flatMap((g) => g.kpis);
    expect(records).toHaveLength(kpis.length);
    expect(records.length).toBeGreaterThan(100);
    expect(records[0]).toMatchObject({ url: `/kpis/#kpi-${kpis[0]!.id}`, meta: { kind: 'KPI' }, filters: { kind: ['KPI'] } });
    expect(records[0]!.content).toContain(kpis[0]!.name);
  });
});

describe('chart data', () => {
  it('leaves the table to the page and rounds values to 4 decimals', () => {
    const spec = paceChart('KR1', [
      { date: '2026-04-15', grade: 1 / 3, expected: 0.16483516483516483 },
      { date: '2026-05-01', grade: null, expected: 1 / 7 },
    ]);
    const data = chartData(spec);
    expect(data).not.toHaveProperty('table');
    expect(data.series.map((s) => s.data)).toEqual([
      [0.3333, null],
      [0.1648, 0.1429],
    ]);
    expect(spec.table.rows[0]).toEqual(['2026-04-15', '0.33', '0.16']);
  });
});
