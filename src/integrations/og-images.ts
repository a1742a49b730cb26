// Renders the Open Graph image of every period, team-period and objective page (and a site
// default) after the build. Images are cached on disk by a hash of their inputs, so an unchanged
// image is copied from the cache, not re-rendered; the log states the counts. Images no build has
// used for a week are removed (each change of a key result leaves its old images behind). Rendering
// happens in child processes (one per core), each replaced after a batch so satori's and resvg's
// memory is handed back.
import { constants, copyFileSync, mkdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
import type { AstroIntegration } from 'astro';
import { getHandbookResult } from '../lib/handbook.ts';
import { markUsed, pruneCache } from '../lib/load/cache-files.ts';
import { ogCards, ogHash, type OgCard } from '../lib/og.ts';
import { fontsVersion, type RenderJob } from './og-render.ts';

/** Images per renderer process before it is replaced: bounds its memory (resvg keeps ~3 MB per image until exit). */
const BATCH = 50;

/** One renderer process for one batch; resolves when every image of the batch is on disk. */
function renderBatch(script: string, jobs: RenderJob[], onDone: () => void): Promise<void> {
  return new Promise((ok, fail) => {
    const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let finished = 0;
    child.on('message', () => (finished++, onDone()));
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
async function renderInProcesses(script: string, jobs: RenderJob[], processes: number, progress: (n: number) => void) {
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const batch = jobs.slice(next, (next += BATCH));
      await renderBatch(script, batch, () => progress(++done));
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
        const files = cards.map((card) => ({ card, file: join(cacheDir, `${ogHash(card, version)}.png`) }));
        // Cards with the same inputs share one cached file: render each file once.
        const cached = (file: string) => {
          const stat = statSync(file, { throwIfNoEntry: false });
          if (stat) markUsed(file, stat.mtimeMs);
          return stat !== undefined;
        };
        const missing = [...new Map(files.filter((c) => !cached(c.file)).map((c) => [c.file, c])).values()];
        if (missing.length) {
          const processes = Math.max(1, availableParallelism());
          logger.info(`OG images: rendering ${missing.length} in ${processes} process${processes === 1 ? '' : 'es'}`);
          // The integration is bundled into Astro's config: address the renderer from the project root.
          await renderInProcesses(join(root, 'src/integrations/og-render.ts'), missing, processes, (n) => {
            if (n % 250 === 0 || n === missing.length) logger.info(`OG images: ${n}/${missing.length} rendered`);
          });
        }
        const dirs = new Set<string>();
        for (const { card, file } of files) {
          const target = join(out, card.path);
          const folder = dirname(target);
          if (!dirs.has(folder)) {
            mkdirSync(folder, { recursive: true });
            dirs.add(folder);
          }
          // A copy, never a hard link: a link is the cache's own file, so an edit of the published image in
          // place (an optimiser, a deploy step, a mistaken `>`) would rewrite the cache, and every later
          // build would publish the edited image. Where the file system can, the copy is a reflink (Btrfs,
          // XFS): it shares the data until one side is written, so it costs what a link did.
          copyFileSync(file, target, constants.COPYFILE_FICLONE);
        }
        const renderedFiles = new Set(missing.map((m) => m.file));
        const rendered = files.filter((c) => renderedFiles.has(c.file)).length;
        logger.info(`OG images: ${cards.length} images, ${rendered} rendered, ${cards.length - rendered} from cache`);
        pruneCache(cacheDir, /^[0-9a-f]{64}\.png$/);
      },
    },
  };
}
