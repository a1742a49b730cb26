// Builds the Pagefind search index of the built site. Only each page's main content is indexed
// (data-pagefind-body); KPIs are added as records of their own, and each key result is a sub-result of its objective's page. A failure to index
// fails the build.
//
// The index is fed while Astro renders: at astro:build:start the records are queued, and the
// prerenderer is wrapped so that each rendered page is handed to Pagefind as it is written (see
// ./search-queue.ts). Pagefind parses and indexes them in its own process, on the second core. At
// astro:build:done only writing the index is left.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import * as pagefind from 'pagefind';
import { getHandbookResult } from '../lib/handbook.ts';
import { searchRecords } from '../lib/search-records.ts';
import { SearchQueue, type SearchItem } from './search-queue.ts';

const fail = (what: string, errors: string[]): never => {
  throw new Error(
    `search index: ${what} failed: ${errors.slice(0, 10).join('; ')}${errors.length > 10 ? ` (and ${errors.length - 10} more)` : ''}`,
  );
};

/** Pages that ask to be indexed carry this attribute (src/layouts/Base.astro); Pagefind skips the rest. */
const INDEXED = 'data-pagefind-body';

/** The default prerenderer, with every rendered HTML page also queued for the index. */
function indexing(inner: AstroPrerenderer, queue: SearchQueue, base: string): AstroPrerenderer {
  return {
    ...inner,
    name: 'okr-search',
    async render(request, options) {
      if (options.routeData.type !== 'page') return inner.render(request, options);
      // The page's place in the index is taken now, in the order Astro starts pages: the same on every build.
      let ready!: (item: SearchItem | undefined) => void;
      const sent = queue.add(new Promise<SearchItem | undefined>((resolve) => (ready = resolve)));
      try {
        const result = await inner.render(request, options);
        const response = result instanceof Response ? result : result.response;
        if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return (ready(undefined), result);
        const html = await response.text();
        // Page URLs are relative to the site's base, as Pagefind resolves them (its baseUrl is the base).
        const url = new URL(request.url).pathname.slice(base.length - 1);
        ready(html.includes(INDEXED) ? { kind: 'page', url, content: html } : undefined);
        await sent;
        const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
        return result instanceof Response ? copy : { ...result, response: copy };
      } catch (e) {
        ready(undefined);
        throw e;
      }
    },
  };
}

export default function search(): AstroIntegration {
  let base = '/';
  let site = '';
  let queue: SearchQueue | undefined;
  return {
    name: 'okr-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
        site = config.site ?? '';
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const h = getHandbookResult().handbook;
        const language = h?.model.org.locale ?? 'en';
        const index = pagefind
          .createIndex({ forceLanguage: language })
          .then(({ index, errors }) => index ?? fail('creating the index', errors));
        queue = new SearchQueue(index, language);
        // KPI records come from the computed handbook: they are queued before any page.
        const records = h ? searchRecords(h, { kpi: (id) => `/kpis/#kpi-${id}` }) : [];
        for (const r of records) void queue.add({ kind: 'record', ...r });
        setPrerenderer((inner) => indexing(inner, queue!, base));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        if (!queue) throw new Error('search index: astro:build:start did not run');
        const { index, errors } = await queue.done();
        if (errors.length) fail('indexing', errors);
        logger.info(`search: writing the index of ${queue.pages} pages and ${queue.records} KPI records`);
        const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
        if (written.errors.length) fail('writing the index', written.errors);
        await pagefind.close();
        logger.info(`search: indexed ${queue.pages} pages and ${queue.records} KPI records`);

        // The sitemap lists exactly the pages this build wrote (a public build lists only public pages).
        const pages = (readdirSync(out, { recursive: true, encoding: 'utf8' }) as string[])
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
