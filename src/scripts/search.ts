// The search page: queries the Pagefind index in the browser and renders results with their grade
// and status. Result text is set with textContent; only Pagefind's excerpt (escaped text with
// <mark> highlights) is inserted as HTML.
//
// Key results are sections of their objective's page (each KR row is a Pagefind sub-result: an id and
// a data-pagefind-title), not records of their own: each one that matches is listed as a result of
// kind "Key result" right after its objective, and the kind filter's "Key result" lists only those.
// Each carries its grade and status from its objective page's meta (`kr-<id>`: "grade|status|Stale",
// src/lib/search-records.ts); with a status filter, only the key results that have that status are listed.
interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results?: SubResult[];
}

import { spaceWords } from '../lib/search-text.ts';

/** Results loaded and shown at once (more are counted, and narrowed by a filter). */
const SHOWN = 30;

/** The kind filter's value for key results: they live in objective pages, so that is what is searched. */
const KEY_RESULT = 'Key result';
const isKr = (sub: SubResult) => /#kr-[^#]*$/.test(sub.url);
/** A key result's grade and status words, from its objective page's meta. */
const krWords = (sub: SubResult, objective: PagefindResult): { grade: string; statuses: string[] } => {
  const [grade = '', ...statuses] = (objective.meta[`kr-${/#kr-([^#]*)$/.exec(sub.url)?.[1] ?? ''}`] ?? '').split('|');
  return { grade, statuses: statuses.filter(Boolean) };
};
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(
    /** null: every page the filters allow. */
    q: string | null,
    o: { filters: Record<string, string> },
    ms: number,
  ): Promise<{ results: { data(): Promise<PagefindResult> }[] } | null>;
}

export async function startSearch(): Promise<void> {
  const found = document.querySelector<HTMLFormElement>('[data-search]');
  if (!found) return;
  const form = found;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const status = document.querySelector<HTMLElement>('[data-search-status]')!;
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
  const pagefind = (await import(/* @vite-ignore */ form.dataset.pagefindUrl!)) as Pagefind;
  await pagefind.options({ excerptLength: 24 });

  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const available = await pagefind.filters();
  const params = new URL(location.href).searchParams;
  for (const select of selects) {
    const found = Object.keys(available[select.dataset.filter!] ?? {});
    if (select.dataset.filter === 'kind' && found.includes('Objective')) found.push(KEY_RESULT);
    const values = found.sort();
    for (const v of values) select.add(new Option(v, v));
    select.value = params.get(select.name) ?? '';
    if (!values.length) select.closest('label')!.hidden = true;
  }
  input.value = params.get('q') ?? '';

  async function run() {
    const q = input.value.trim();
    const filters = Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.dataset.filter!, s.value]));
    const url = new URL(location.href);
    url.search = new URLSearchParams({ ...(q ? { q } : {}), ...filters }).toString();
    const onlyKrs = filters.kind === KEY_RESULT;
    if (onlyKrs) filters.kind = 'Objective';
    history.replaceState(null, '', url);
    if (!q && !Object.keys(filters).length) {
      list.replaceChildren();
      status.textContent = 'Type to search, or choose a filter to list its pages. Past periods are ranked lower.';
      return;
    }
    // Filters alone list every page they allow (say, all of a team's objectives); key results are
    // matched by their words, so without any the kind filter lists their objectives. A Thai (or Lao,
    // Khmer, Myanmar) query is split into words as the index was (src/integrations/search.ts).
    const search = await pagefind.debouncedSearch(q ? spaceWords(q) : null, { filters }, 200);
    if (!search) return; // superseded by a newer keystroke
    // KPIs are the catalogue's short records: after the handbook's own pages, whose order Pagefind keeps.
    const loaded = await Promise.all(search.results.slice(0, SHOWN * 2).map((r) => r.data()));
    const hits = [...loaded.filter((h) => h.meta.kind !== 'KPI'), ...loaded.filter((h) => h.meta.kind === 'KPI')].slice(0, SHOWN);
    const items = hits.flatMap((hit) => {
      const krs = q
        ? (hit.sub_results ?? [])
            .filter((sub) => isKr(sub) && (!filters.status || krWords(sub, hit).statuses.includes(filters.status)))
            .map((sub) => renderKr(sub, hit))
        : [];
      return onlyKrs && q ? krs : [render(hit), ...krs];
    });
    const n = search.results.length;
    const krCount = items.filter((li) => li.classList.contains('search-results__kr')).length;
    const shown = n > hits.length ? `; the first ${hits.length} of ${n} pages are shown (a filter narrows them)` : '';
    const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
    list.replaceChildren(...items);
    if (items.length === 0) return nothingFound(q);
    status.textContent = !q
      ? `${plural(n, 'page')} ${n === 1 ? 'matches' : 'match'} the filters${shown}${onlyKrs ? ': the objectives holding key results; type words to list the key results' : ''}`
      : onlyKrs
        ? `${plural(krCount, 'key result')} in ${plural(hits.length, 'objective')}${shown}`
        : `${plural(items.length, 'result')}: ${plural(hits.length, 'page')}${krCount ? ` and ${plural(krCount, 'key result')} in them` : ''}${shown}`;
  }

  /** Nothing matched: say so, and what to try — fewer words, no filters, or browsing instead. */
  function nothingFound(q: string) {
    const active = selects.filter((x) => x.value);
    status.replaceChildren(
      `Nothing found${q ? ` for “${q}”` : ''}${active.length ? ` with ${active.map((x) => `${x.name} ${x.value}`).join(', ')}` : ''}. `,
      q.includes(' ')
        ? 'Try fewer words, or a word’s beginning (“activ” finds activation). '
        : 'Try a word’s beginning (“activ” finds activation). ',
    );
    if (active.length) {
      const clear = document.createElement('button');
      clear.type = 'button';
      clear.className = 'button button--quiet';
      clear.textContent = 'Search without the filters';
      clear.addEventListener('click', () => {
        for (const x of active) x.value = '';
        void run();
      });
      status.append(clear);
    }
    const browse = document.createElement('p');
    browse.append('Or browse: ');
    const links = [
      [form.dataset.periods, 'periods'],
      [form.dataset.teams, 'teams'],
      [form.dataset.kpis, 'KPIs'],
    ].filter((l): l is [string, string] => Boolean(l[0]));
    for (const [i, [href, label]] of links.entries()) {
      if (i > 0) browse.append(' · ');
      const a = document.createElement('a');
      a.href = href;
      a.textContent = label;
      browse.append(a);
    }
    status.append(browse);
  }

  function item(href: string, title: string, details: (string | undefined)[], excerptHtml: string): HTMLLIElement {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = href;
    a.textContent = title;
    const meta = document.createElement('p');
    meta.className = 'muted';
    meta.textContent = details.filter(Boolean).join(' · ');
    const excerpt = document.createElement('p');
    // A hash quoted in a guide's example is no help in an excerpt: it is elided.
    excerpt.innerHTML = excerptHtml.replace(/\b[0-9a-f]{16,}\b/g, '…');
    li.append(a, meta, excerpt);
    return li;
  }

  function render(hit: PagefindResult): HTMLLIElement {
    const m = hit.meta;
    return item(
      hit.url,
      m.title ?? hit.url,
      [m.kind, m.period, m.grade && `grade ${m.grade}`, m.status, m.target && `target ${m.target}`, m.archived && 'archived'],
      hit.excerpt,
    );
  }

  /** A key result that matched, as a result of its own under its objective. */
  function renderKr(sub: SubResult, objective: PagefindResult): HTMLLIElement {
    const m = objective.meta;
    const { grade, statuses } = krWords(sub, objective);
    const li = item(
      sub.url,
      sub.title,
      [KEY_RESULT, m.period, grade && `grade ${grade}`, ...statuses, m.title && `in ${m.title}`, m.archived && 'archived'],
      sub.excerpt,
    );
    li.classList.add('search-results__kr');
    return li;
  }

  input.addEventListener('input', () => void run());
  for (const s of selects) s.addEventListener('change', () => void run());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  void run();
}
