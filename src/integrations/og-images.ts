// Renders the Open Graph image of every period, team-period and objective page (and a site
// default) after the build. Images are cached on disk by a hash of their inputs, so an unchanged
// image is linked from the cache, not re-rendered, once its bytes are checked (./og-cache.ts); the
// log states the counts. Images no build has
// used for a week are removed (each change of a key result leaves its old images behind). Rendering
// happens in child processes (one per core), each replaced after a batch so satori's and resvg's
// memory is handed back.
import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
import type { AstroIntegration } from 'astro';
import { getHandbookResult } from '../lib/handbook.ts';
import { pruneCache } from '../lib/load/cache-files.ts';
import { ogCards, ogHash, type OgCard } from '../lib/og.ts';
import { ENTRY, intactEntries } from './og-cache.ts';
import { fontsVersion, type RenderJob } from './og-render.ts';

/** Images per renderer process before it is replaced: bounds its memory (resvg keeps what each image used until the process exits). */
const BATCH = 50;

/** One renderer process for one batch; resolves when every image of the batch is on disk (`onDone(key, file)` for each). */
function renderBatch(script: string, jobs: RenderJob[], onDone: (key: string, file: string) => void): Promise<void> {
  return new Promise((ok, fail) => {
    const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let finished = 0;
    child.on('message', ([key, file]: [string, string]) => (finished++, onDone(key, file)));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 && finished === jobs.length
        ? ok()
        : fail(new Error(`OG renderer stopped after ${finished}/${jobs.length} images (exit ${code})`)),
    );
    child.send(jobs);
  });
}

/** Render the jobs in batches on `processes` renderers at a time; resolves when all are on disk. */
async function renderInProcesses(
  script: string,
  jobs: RenderJob[],
  processes: number,
  progress: (n: number, key: string, file: string) => void,
) {
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const batch = jobs.slice(next, (next += BATCH));
      await renderBatch(script, batch, (key, file) => progress(++done, key, file));
    }
  };
  await Promise.all(Array.from({ length: Math.min(processes, Math.ceil(jobs.length / BATCH)) }, lane));
}

export default function ogImages(): AstroIntegration {
  let root = process.cwd();
  let cards: OgCard[] = [];
  return {
    name: 'okr-og-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      // Taken before the pages are built: the handbook is released once they are (./handbook.ts).
      'astro:build:start': () => {
        const h = getHandbookResult().handbook;
        cards = h ? ogCards(h) : [];
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!cards.length) return;
        const out = fileURLToPath(dir);
        const cacheDir = resolve(root, process.env.OKR_OG_CACHE_DIR || 'node_modules/.cache/okr-og');
        mkdirSync(cacheDir, { recursive: true });
        const version = fontsVersion();
        const keyed = cards.map((card) => ({ card, key: ogHash(card, version) }));
        const { entries: files, changed } = intactEntries(cacheDir, new Set(keyed.map((c) => c.key)));
        if (changed)
          logger.warn(
            `OG images: ${changed} cached image${changed === 1 ? ' was' : 's were'} changed since rendered (an edit of a published image?); rendering again`,
          );
        // Cards with the same inputs share one cached file: render each once.
        const missing: RenderJob[] = [...new Map(keyed.filter((c) => !files.has(c.key)).map((c) => [c.key, c])).values()].map((c) => ({
          ...c,
          dir: cacheDir,
        }));
        if (missing.length) {
          const processes = Math.max(1, availableParallelism());
          logger.info(`OG images: rendering ${missing.length} in ${processes} process${processes === 1 ? '' : 'es'}`);
          // The integration is bundled into Astro's config: address the renderer from the project root.
          await renderInProcesses(join(root, 'src/integrations/og-render.ts'), missing, processes, (n, key, file) => {
            files.set(key, file);
            if (n % 250 === 0 || n === missing.length) logger.info(`OG images: ${n}/${missing.length} rendered`);
          });
        }
        const dirs = new Set<string>();
        for (const { card, key } of keyed) {
          const file = files.get(key)!;
          const target = join(out, card.path);
          const folder = dirname(target);
          if (!dirs.has(folder)) {
            mkdirSync(folder, { recursive: true });
            dirs.add(folder);
          }
          // A hard link costs no copy (the cache checks its entries' bytes: ./og-cache.ts); a cache on
          // another file system gets a copy.
          try {
            linkSync(file, target);
          } catch {
            copyFileSync(file, target);
          }
        }
        const renderedKeys = new Set(missing.map((m) => m.key));
        const rendered = keyed.filter((c) => renderedKeys.has(c.key)).length;
        logger.info(`OG images: ${cards.length} images, ${rendered} rendered, ${cards.length - rendered} from cache`);
        pruneCache(cacheDir, ENTRY);
      },
    },
  };
}
