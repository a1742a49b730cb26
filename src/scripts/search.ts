// The search page: queries the Pagefind index in the browser and renders results with their grade
// and status. Result text is set with textContent; only Pagefind's excerpt (escaped text with
// <mark> highlights) is inserted as HTML.
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(
    q: string,
    o: { filters: Record<string, string> },
    ms: number,
  ): Promise<{ results: { data(): Promise<PagefindResult> }[] } | null>;
}

export async function startSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('[data-search]');
  if (!form) return;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const status = document.querySelector<HTMLElement>('[data-search-status]')!;
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
  const pagefind = (await import(/* @vite-ignore */ form.dataset.pagefindUrl!)) as Pagefind;
  await pagefind.options({ excerptLength: 24 });

  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const available = await pagefind.filters();
  const params = new URL(location.href).searchParams;
  for (const select of selects) {
    const values = Object.keys(available[select.dataset.filter!] ?? {}).sort();
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
    history.replaceState(null, '', url);
    if (!q) {
      list.replaceChildren();
      status.textContent = 'Type to search. Past periods are ranked lower.';
      return;
    }
    const search = await pagefind.debouncedSearch(q, { filters }, 200);
    if (!search) return; // superseded by a newer keystroke
    const hits = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
    status.textContent = `${search.results.length} result${search.results.length === 1 ? '' : 's'}${search.results.length > 30 ? ' (showing 30)' : ''}`;
    list.replaceChildren(...hits.map(render));
  }

  function render(hit: PagefindResult): HTMLLIElement {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = hit.url;
    a.textContent = hit.meta.title ?? hit.url;
    const meta = document.createElement('p');
    meta.className = 'muted';
    meta.textContent = [
      hit.meta.kind,
      hit.meta.period,
      hit.meta.grade && `grade ${hit.meta.grade}`,
      hit.meta.status,
      hit.meta.target && `target ${hit.meta.target}`,
      hit.meta.archived && 'archived',
    ]
      .filter(Boolean)
      .join(' · ');
    const excerpt = document.createElement('p');
    excerpt.innerHTML = hit.excerpt;
    li.append(a, meta, excerpt);
    return li;
  }

  input.addEventListener('input', run);
  for (const s of selects) s.addEventListener('change', run);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  void run();
}
