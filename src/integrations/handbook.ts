// Validates the content before Astro builds anything: invalid content stops the build with the same
// messages as `okr check`.
//
// A build writes into a staging folder of its own; okrPublish(), the last integration, swaps it in for
// the output folder once every page, image and the search index are done. Whatever fails on the way
// (invalid content, a full disk, a read-only folder, a signal), the previous output stays as it was
// (./build-output.ts).
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AstroIntegration, AstroPrerenderer, PathWithRoute } from 'astro';
import { formatPretty } from '../lib/errors.ts';
import { audienceFromEnv } from '../lib/audience.ts';
import { sourceDateEpoch } from '../lib/calendar.ts';
import { contentDir, getHandbookResult, releaseHandbook } from '../lib/handbook.ts';
import { historyCacheDir } from '../lib/load/history-cache.ts';
import { codeFingerprint, parseCache, parseCacheDir } from '../lib/load/parse-cache.ts';
import { startHistoryThread } from '../lib/load/history-thread.ts';
import { acquireBuildLock, discard, publish, stageBuild, stopOnSignals, type Staged } from './build-output.ts';

/**
 * Routes whose pages show the change history (src/data/history.ts), in the order the build renders
 * them, after every other page. The exports come after the objective pages: rendered before them, with
 * the history and the other pages' garbage in memory, they took the largest bench build over its
 * memory budget.
 */
export const HISTORY_ROUTES: readonly string[] = [
  '/objectives/[id]',
  '/periods/[period]/review',
  '/api/handbook.json',
  '/api/periods/[period].json',
];

/** Astro's own prerenderer, with the pages of HISTORY_ROUTES moved to the end. */
export function historyLast(astro: AstroPrerenderer): AstroPrerenderer {
  return {
    name: 'okr-handbook:history-last',
    setup: astro.setup && (() => astro.setup!()),
    getStaticPaths: async () => historyPathsLast(await astro.getStaticPaths()),
    render: (request, options) => astro.render(request, options),
    collectStaticImages: astro.collectStaticImages && (() => astro.collectStaticImages!()),
    teardown: astro.teardown && (() => astro.teardown!()),
  };
}

/** The paths in Astro's order, except those of HISTORY_ROUTES: last, in its order (each route's pages in theirs). */
export function historyPathsLast(paths: PathWithRoute[]): PathWithRoute[] {
  // -1 for every other route; the sort is stable, so each route's pages keep their order.
  const rank = (p: PathWithRoute) => HISTORY_ROUTES.indexOf(p.route.route);
  return [...paths].sort((a, b) => rank(a) - rank(b));
}

/** The build in progress: where it writes, where it is published, and whether it was. */
let staged: Staged | undefined;

export default function okrHandbook(): AstroIntegration {
  /** This build reads the change history (an internal build). */
  let readsHistory = false;
  return {
    name: 'okr-handbook',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        if (command !== 'build' && command !== 'dev') return;
        const dir = contentDir();
        const final = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        const kept = `${final} was left as it was`;
        if (command === 'build') {
          // Released, and the staging folder removed, however the process ends (exit handlers run on
          // process.exit() and after a signal handled by stopOnSignals()).
          const release = await acquireBuildLock(join(fileURLToPath(config.root), '.astro', 'okr-build.lock'), logger);
          const build = (staged = stageBuild(final));
          process.on('exit', () => {
            discard(build);
            release();
          });
          stopOnSignals(build, logger);
        }
        let audience;
        try {
          // OKR_AUDIENCE=public builds the public projection only; a misspelt value stops the build,
          // as does a malformed SOURCE_DATE_EPOCH (the build's date).
          audience = audienceFromEnv();
          sourceDateEpoch(process.env);
        } catch (e) {
          logger.error(`${(e as Error).message}; ${kept}`);
          process.exit(1);
        }
        // What `okr check --cache` stored is read, never written: a build that follows it (the workflows'
        // do) parses only what changed since, and a build alone pays nothing to fill a cache. This
        // module is bundled, so the code's fingerprint is taken from the project's src/lib.
        const root = fileURLToPath(config.root);
        const cacheDir = parseCacheDir(root);
        const cache = cacheDir === undefined ? undefined : parseCache(cacheDir, codeFingerprint(join(root, 'src/lib')), { readOnly: true });
        const started = performance.now();
        const result = getHandbookResult(dir, audience, cache);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const warnings = result.issues.filter((issue) => issue.severity === 'warning').length;
        if (!result.ok) {
          console.error(formatPretty(result.issues, { colour: Boolean(process.stderr.isTTY) }));
          logger.error(`content in ${dir} has errors; nothing was built, ${kept} (run: npm run --silent okr -- check)`);
          process.exit(1);
        }
        // The change history (internal builds only) is read on a thread of its own while Astro goes on,
        // and the pages that show it are rendered last (astro:build:start). Not before the handbook:
        // that was faster but raised the build's peak memory (BENCHMARKS.md). Files unchanged since an
        // earlier build come from the history cache.
        if (audience !== 'public') startHistoryThread(dir, 1, historyCacheDir(root));
        readsHistory = audience !== 'public';
        const h = result.handbook!;
        logger.info(
          `content ${dir} (${audience} audience): ${h.periods.length} periods, ${h.objectives.length} objectives, ${h.objectives.reduce((n, o) => n + o.keyResults.length, 0)} key results, read and computed in ${seconds} s` +
            (warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'}: npm run --silent okr -- check)` : '') +
            (cache?.hits ? `; ${cache.hits} files from the parse cache` : ''),
        );
        if (command === 'build') updateConfig({ outDir: pathToFileURL(`${staged!.staging}/`) });
      },
      // Pages that show the change history wait for it, and Astro renders one page at a time (four in
      // flight), in route order: /api/… and /objectives/… come first. Rendered last, they find the
      // history read while every other page was rendered, instead of the build waiting for it.
      'astro:build:start': ({ setPrerenderer }) => {
        if (readsHistory) setPrerenderer((astro) => historyLast(astro));
      },
      // Every page is built, and the integrations that run after this took what they need from the
      // handbook at astro:build:start: let it go, and hand the memory back for the OG renderers' and
      // Pagefind's processes, which start right after.
      'astro:build:done': () => {
        releaseHandbook();
        shrinkHeap();
      },
    },
  };
}

/**
 * A garbage collection that gives freed memory back to the system now. V8 does that on its own only
 * after some idle seconds (its memory reducer); an ordinary collection keeps the pages. The `gc`
 * function is V8's, exposed for this call; where it cannot be, the memory reducer still does it later.
 */
function shrinkHeap(): void {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (options: object) => void;
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  } catch {
    // Not available in this runtime: nothing is lost but time.
  }
}

/** The last integration: swaps the finished build in for the output folder. */
export function okrPublish(): AstroIntegration {
  return {
    name: 'okr-publish',
    hooks: {
      'astro:build:done': ({ logger }) => {
        if (!staged) return;
        publish(staged);
        logger.info(`published ${staged.final}`);
      },
    },
  };
}
