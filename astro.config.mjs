// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import okrHandbook, { okrPublish } from './src/integrations/handbook.ts';
import ogImages from './src/integrations/og-images.ts';
import search from './src/integrations/search.ts';
import { safeUrls } from './src/lib/safe-urls.ts';

// OKR_SITE sets the absolute URL (used for canonical links and feeds); OKR_BASE a sub-path.
export default defineConfig({
  site: process.env.OKR_SITE || 'https://handbook.example.com',
  base: process.env.OKR_BASE || '/',
  trailingSlash: 'always',
  outDir: process.env.OKR_OUT_DIR || './dist',
  // Separate caches let several builds (e.g. tests) run side by side.
  cacheDir: process.env.OKR_CACHE_DIR || './node_modules/.astro',
  // Several pages in flight at once, so rendering overlaps with writing files.
  build: { format: 'directory', concurrency: 4 },
  // Markdown and MDX links never run code: javascript:, data: and other such URLs are dropped.
  markdown: { processor: satteri({ hastPlugins: [safeUrls] }) },
  // okrPublish() comes last: it moves the finished build into outDir (see src/integrations/handbook.ts).
  integrations: [okrHandbook(), mdx(), ogImages(), search(), okrPublish()],
  devToolbar: { enabled: false },
  // Astro's log without stack traces (OKR_DEBUG=1 keeps them): a failed build says what failed in a line.
  logger: { entrypoint: './src/integrations/build-log.ts' },
  vite: {
    build: {
      rolldownOptions: {
        // MDX pages carry Astro's "use astro:head-inject" directive; the bundler's note about it is noise.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
