// Builds the Pagefind search index over the built site at astro:build:done. Only each page's main
// content is indexed (data-pagefind-body); key results and KPIs are added as records of their own.
// A failure to index fails the build.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { getHandbookResult } from '../lib/handbook.ts';
import { searchRecords } from '../lib/search-records.ts';

export default function search(): AstroIntegration {
  let base = '/';
  let site = '';
  return {
    name: 'okr-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
        site = config.site ?? '';
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const fail = (what: string, errors: string[]) => {
          throw new Error(`search index: ${what} failed: ${errors.join('; ')}`);
        };
        const { index, errors } = await pagefind.createIndex({ forceLanguage: getHandbookResult().handbook?.model.org.locale ?? 'en' });
        if (!index) fail('creating the index', errors);
        const added = await index!.addDirectory({ path: out });
        if (added.errors.length) fail('indexing pages', added.errors);
        const h = getHandbookResult().handbook;
        const records = h
          ? searchRecords(h, {
              kr: (uid) => `${base}objectives/${uid.split('.')[0]}/#kr-${uid.split('.')[1]}`,
              kpi: (id) => `${base}kpis/#kpi-${id}`,
            })
          : [];
        for (const [i, r] of records.entries()) {
          const res = await index!.addCustomRecord({
            url: r.url,
            content: r.content,
            language: h?.model.org.locale ?? 'en',
            meta: r.meta,
            filters: r.filters,
          });
          if (res.errors.length) fail(`adding ${r.url}`, res.errors);
          if ((i + 1) % 250 === 0) logger.info(`search: ${i + 1}/${records.length} records`);
        }
        const written = await index!.writeFiles({ outputPath: join(out, 'pagefind') });
        if (written.errors.length) fail('writing the index', written.errors);
        await pagefind.close();
        logger.info(`search: indexed ${added.page_count} pages and ${records.length} key result / KPI records`);

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
