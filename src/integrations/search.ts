// Builds the Pagefind search index of the built site. Only each page's main content is indexed
// (data-pagefind-body); KPIs are added as records of their own, and each key result is a sub-result
// of its objective's page. A failure to index fails the build.
//
// The index is built while Astro renders: the prerenderer is wrapped so that each rendered page is
// handed to a thread that feeds Pagefind (./search-feeder.ts, ./search-worker.ts), and Pagefind
// indexes it in its own process, beside the rendering. At astro:build:done only writing is left.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { getHandbookResult } from '../lib/handbook.ts';
import { searchRecords } from '../lib/search-records.ts';
import { SearchFeeder } from './search-feeder.ts';

const fail = (what: string, errors: string[]): never => {
  const more = errors.length > 10 ? ` (and ${errors.length - 10} more)` : '';
  throw new Error(`search index: ${what} failed: ${errors.slice(0, 10).join('; ')}${more}`);
};

/** Pages that ask to be indexed carry this attribute (src/layouts/Base.astro); Pagefind skips the rest. */
const INDEXED = Buffer.from('data-pagefind-body');

/** The default prerenderer, with every rendered HTML page also handed to the index. */
function indexing(inner: AstroPrerenderer, feeder: SearchFeeder, base: string): AstroPrerenderer {
  return {
    ...inner,
    name: 'okr-search',
    async render(request, options) {
      if (options.routeData.type !== 'page') return inner.render(request, options);
      // The page's place in the index is taken now, in the order Astro starts pages: the same on every build.
      const seq = feeder.reserve();
      let result;
      try {
        result = await inner.render(request, options);
      } catch (e) {
        void feeder.page(seq, '', null);
        throw e;
      }
      const response = result instanceof Response ? result : result.response;
      const html = (response.headers.get('content-type') ?? '').startsWith('text/html');
      const bytes = Buffer.from(await response.arrayBuffer());
      // Page URLs are relative to the site's base, as Pagefind resolves them (its baseUrl is the base).
      const url = new URL(request.url).pathname.slice(base.length - 1);
      await feeder.page(seq, url, html && bytes.includes(INDEXED) ? bytes : null);
      const copy = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
      return result instanceof Response ? copy : { ...result, response: copy };
    },
  };
}

export default function search(): AstroIntegration {
  let base = '/';
  let site = '';
  let root = process.cwd();
  let feeder: SearchFeeder | undefined;
  return {
    name: 'okr-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
        site = config.site ?? '';
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const h = getHandbookResult().handbook;
        // The integration is bundled into Astro's config: address the worker from the project root.
        feeder = new SearchFeeder(join(root, 'src/integrations/search-worker.ts'), h?.model.org.locale ?? 'en');
        // KPI records come from the computed handbook: they go before any page.
        for (const r of h ? searchRecords(h, { kpi: (id) => `/kpis/#kpi-${id}` }) : []) feeder.record(r);
        setPrerenderer((inner) => indexing(inner, feeder!, base));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        if (!feeder) throw new Error('search index: astro:build:start did not run');
        logger.info('search: writing the index');
        const { errors, pages, records } = await feeder.write(join(out, 'pagefind'));
        if (errors.length) fail('indexing', errors);
        logger.info(`search: indexed ${pages} pages and ${records} KPI records`);

        // The sitemap lists exactly the pages this build wrote (a public build lists only public pages).
        const list = (readdirSync(out, { recursive: true, encoding: 'utf8' }) as string[])
          .filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind'))
          .map((f) => `${base}${f.replace(/\\/g, '/').replace(/index\.html$/, '')}`)
          .sort();
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${list.map((p) => `  <url><loc>${new URL(p, site).href.replace(/&/g, '&amp;')}</loc></url>`).join('\n')}\n</urlset>\n`;
        writeFileSync(join(out, 'sitemap.xml'), xml);
        logger.info(`sitemap: ${list.length} pages`);
      },
    },
  };
}
