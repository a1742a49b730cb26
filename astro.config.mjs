// @ts-check
// First: no telemetry for any command that loads this file (see the module).
import './src/integrations/no-telemetry.ts';
import { defineConfig } from 'astro/config';
import okrHandbook, { okrPublish } from './src/integrations/handbook.ts';
import ogImages from './src/integrations/og-images.ts';
import search from './src/integrations/search.ts';
import { CSP } from './src/integrations/csp.ts';

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
  // Narratives and guides are rendered as data by src/lib/prose (never compiled as MDX code), and
  // every page carries a strict Content-Security-Policy (src/integrations/csp.ts).
  security: { csp: CSP },
  // Astro's own Markdown pipeline renders nothing here; its default highlighter (Shiki) would write
  // inline styles that the policy refuses.
  markdown: { syntaxHighlight: false },
  // okrPublish() comes last: it moves the finished build into outDir (see src/integrations/handbook.ts).
  integrations: [okrHandbook(), ogImages(), search(), okrPublish()],
  devToolbar: { enabled: false },
  // Astro's log without stack traces (OKR_DEBUG=1 keeps them): a failed build says what failed in a line.
  logger: { entrypoint: './src/integrations/build-log.ts' },
});
