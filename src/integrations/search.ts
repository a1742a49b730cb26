// Builds the Pagefind search index over the built site at astro:build:done. Only each page's main
// content is indexed (data-pagefind-body); KPIs are added as records of their own, and each key
// result is a sub-result of its objective's page. A failure to index fails the build.
//
// Pagefind reads the pages itself, on every core, once they are all written. (Feeding it each page
// while Astro renders was measured: no faster on two cores, which rendering already keeps busy, and
// Pagefind's Node API spends more CPU encoding pages than reading them from disk costs.)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { getHandbookResult, type ComputedHandbook } from '../lib/handbook.ts';
import { searchRecords, type SearchRecord } from '../lib/search-records.ts';
import { hasUnspacedScript, spaceWords } from '../lib/search-text.ts';

const fail = (what: string, errors: string[]): never => {
  throw new Error(`search index: ${what} failed: ${errors.join('; ')}`);
};

/** The handbook's own texts that pages show (titles, descriptions, themes, narratives, guides). */
function handbookTexts(h: ComputedHandbook): string[] {
  return [
    ...h.objectives.flatMap((o) => [o.title, o.description ?? '', ...o.keyResults.flatMap((k) => [k.title, k.description ?? ''])]),
    ...h.periods.flatMap((p) => [p.theme ?? '', p.name ?? '', p.narrative?.text ?? '']),
    ...h.guides.map((g) => g.text),
    ...h.model.kpiGroups.flatMap((g) => g.kpis.flatMap((k) => [k.name, k.metric, k.target])),
  ];
}

/** Re-add each indexed page whose text has words not separated by spaces, with its words spaced. */
async function respacePages(index: pagefind.PagefindIndex, out: string): Promise<number> {
  let n = 0;
  for (const f of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.html') || f.startsWith('pagefind')) continue;
    const html = readFileSync(join(out, f), 'utf8');
    if (!html.includes('data-pagefind-body') || !hasUnspacedScript(html)) continue;
    const res = await index.addHTMLFile({ sourcePath: f.replace(/\\/g, '/'), content: spaceWords(html) });
    if (res.errors.length) fail(`indexing ${f}`, res.errors);
    n++;
  }
  return n;
}

export default function search(): AstroIntegration {
  let base = '/';
  let site = '';
  let language = 'en';
  let records: SearchRecord[] = [];
  /** Whether any content is in a script written without spaces (Thai…): only then are pages read for it. */
  let unspaced = false;
  return {
    name: 'okr-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
        site = config.site ?? '';
      },
      // Taken before the pages are built: the handbook is released once they are (./handbook.ts).
      'astro:build:start': () => {
        const h = getHandbookResult().handbook;
        language = h?.model.org.locale ?? 'en';
        // Record URLs are relative to the site's base, as Pagefind resolves them (its baseUrl is the base).
        records = h ? searchRecords(h, { kpi: (id) => `/kpis/#kpi-${id}` }) : [];
        unspaced = h ? handbookTexts(h).some(hasUnspacedScript) : false;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
        if (!index) return fail('creating the index', errors);
        for (const r of records) {
          const res = await index.addCustomRecord({ url: r.url, content: r.content, language, meta: r.meta, filters: r.filters });
          if (res.errors.length) fail(`adding ${r.url}`, res.errors);
        }
        logger.info('search: indexing the pages');
        const added = await index.addDirectory({ path: out });
        if (added.errors.length) fail('indexing pages', added.errors);
        // A page with Thai (or Lao, Khmer, Myanmar) text is indexed again, its words spaced as the
        // search page spaces a query's (src/lib/search-text.ts); the later version replaces the first.
        const respaced = unspaced ? await respacePages(index, out) : 0;
        if (respaced) logger.info(`search: ${respaced} pages with words not separated by spaces indexed word by word`);
        logger.info(`search: writing the index of ${added.page_count} pages and ${records.length} KPI records`);
        const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
        if (written.errors.length) fail('writing the index', written.errors);
        await pagefind.close();
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`search: indexed ${added.page_count} pages and ${records.length} KPI records in ${seconds} s`);

        // The sitemap lists exactly the pages this build wrote (a public build lists only public pages).
        const pages = readdirSync(out, { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind'))
          .map((f) => `${base}${f.replace(/\\/g, '/').replace(/index\.html$/, '')}`)
          .sort();
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${pages.map((p) => `  <url><loc>${new URL(p, site).href.replace(/&/g, '&amp;')}</loc></url>`).join('\n')}\n</urlset>\n`;
        writeFileSync(join(out, 'sitemap.xml'), xml);
        logger.info(`sitemap: ${pages.length} pages`);
      },
    },
  };
}
