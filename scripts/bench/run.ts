// npm run bench [-- --teams N --periods N --objectives N --krs N --checkins N] [--scales 1,4,16]
//   [--json FILE] [--skip-floor] [--profile] [--keep]
//
// Generates synthetic handbooks at 1×, 4× and 16× of a size (the flags give the 16× size) and, for
// each, measures in one run: `okr check`, and `okr check --cache` filling and reading its cache; a
// first build with every cache empty; a cold build (Astro cache, history and parse caches and output
// deleted) with the OG images cached — the budgeted build; a warm rebuild after editing one key
// result, every cache kept (the parse cache as `okr check --cache` left it after the edit); the floor (plain Astro, same pages, same
// HTML size, trivial template); HTML, gzip, CSS and JS per page, the chart bundle, Pagefind. Prints
// a Markdown table and the budget verdicts to stdout, progress to stderr, and writes every raw
// number as JSON.
//
// Scale rule: 16× is the given size; 4× divides teams and quarters by 2, 1× divides both by 4
// (rounded, at least 1). Objectives per team, key results per objective and check-ins per key
// result stay fixed, so content grows with teams × quarters (4× per step).
import { cpus, totalmem, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { writeFileAtomic } from '../../src/lib/load/atomic-write.ts';
import { writeFloorSite } from './floor.ts';
import { DEFAULT_SIZE, generate, SOURCE_DATE_EPOCH, type Edit, type Size } from './generate.ts';
import { htmlFiles, siteStats, timed, type Timed } from './measure.ts';
import { formatProfile, summariseProfiles, type ProfileSummary } from './profile.ts';
import { budgets, formatVerdicts, medianRun, table, type BuildRun, type FloorRun, type ScaleResult } from './report.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const OKR = join(ROOT, 'scripts/okr.ts');
/** Teams and quarters are divided by this at each scale. */
const DIVISOR: Record<number, number> = { 1: 4, 4: 2, 16: 1 };

const HELP = `Usage: npm run bench -- [options]

  --teams N --periods N --objectives N --krs N --checkins N
                    the 16× size (default ${DEFAULT_SIZE.teams} teams × ${DEFAULT_SIZE.periods} quarters × ${DEFAULT_SIZE.objectives} objectives × ${DEFAULT_SIZE.krs} KRs × ${DEFAULT_SIZE.checkins} check-ins);
                    4× = teams/2 × quarters/2, 1× = teams/4 × quarters/4
  --scales LIST     which scales to run, e.g. 1,4 (default 1,4,16)
  --json FILE       raw results (default .bench/bench-results.json; a .md beside it gets the table)
  --no-history      generate the content without a git repository (builds then read no change history)
  --skip-floor      do not build the floor site
  --pairs N         cold builds and floor builds, taking turns (default 3); budgets use the median
  --profile         one extra build at the largest scale under node --cpu-prof; prints the top 25
                    self-time functions (profiles kept in .bench/profile/)
  --keep            keep the temporary directories (content, dist, caches, logs)`;

class UsageError extends Error {}

const log = (msg: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);

const OPTIONS = {
  teams: { type: 'string' },
  periods: { type: 'string' },
  objectives: { type: 'string' },
  krs: { type: 'string' },
  checkins: { type: 'string' },
  scales: { type: 'string', default: '1,4,16' },
  json: { type: 'string', default: join(ROOT, '.bench/bench-results.json') },
  'no-history': { type: 'boolean', default: false },
  'skip-floor': { type: 'boolean', default: false },
  pairs: { type: 'string', default: '3' },
  profile: { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

function options() {
  let values;
  try {
    values = parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const count = (name: keyof Size, min: number) => {
    const raw = values[name];
    const n = raw === undefined ? DEFAULT_SIZE[name] : Number(raw);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min} (got '${raw}')`);
    return n;
  };
  const size: Size = {
    teams: count('teams', 1),
    periods: count('periods', 1),
    objectives: count('objectives', 1),
    krs: count('krs', 1),
    checkins: count('checkins', 0),
  };
  const pairs = Number(values.pairs);
  if (!Number.isInteger(pairs) || pairs < 1) throw new UsageError(`--pairs must be an integer ≥ 1 (got '${values.pairs}')`);
  const scales = [...new Set(values.scales.split(',').map((s) => Number(s.trim().replace(/×|x$/i, ''))))].sort((a, b) => a - b);
  for (const s of scales) if (!DIVISOR[s]) throw new UsageError(`--scales: each scale must be 1, 4 or 16 (got '${values.scales}')`);
  return { ...values, size, scales, pairs, json: resolve(values.json) };
}

export function scaled(size: Size, scale: number): Size {
  const d = DIVISOR[scale]!;
  return { ...size, teams: Math.max(1, Math.round(size.teams / d)), periods: Math.max(1, Math.round(size.periods / d)) };
}

function applyEdit(content: string, edit: Edit): void {
  const file = join(content, edit.file);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.getIn(edit.path) === undefined) throw new Error(`edit: ${edit.path.join('.')} not found in ${edit.file}`);
  doc.setIn(edit.path, edit.value);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
}

/** Seconds of Astro's "generating static routes" phase, from its log ("✓ Completed in 1m 36s."). */
export function generateSeconds(output: string): number | null {
  const m = /generating static routes[\s\S]*?✓ Completed in (?:(\d+)m(?!s) ?)?(?:([\d.]+)s)?(?:(\d+)ms)?/.exec(output);
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 1000 : null;
}

/** Seconds our integrations log for their own steps: reading and computing the content, the search index. */
export function stepSeconds(output: string): { contentSeconds: number | null; searchSeconds: number | null } {
  const content = /key results, read and computed in ([\d.]+) s/.exec(output);
  const search = /search: indexed \d+ pages and \d+ KPI records in ([\d.]+) s/.exec(output);
  return { contentSeconds: content ? Number(content[1]) : null, searchSeconds: search ? Number(search[1]) : null };
}

function buildRun(t: Timed): BuildRun {
  const og = /OG images: (\d+) images, (\d+) rendered/.exec(t.output);
  return {
    seconds: t.seconds,
    generateSeconds: generateSeconds(t.output),
    ...stepSeconds(t.output),
    peakMb: t.peakMb,
    processPeakMb: t.processPeakMb,
    treePeakMb: t.treePeakMb,
    ogImages: og ? Number(og[1]) : null,
    ogRendered: og ? Number(og[2]) : null,
  };
}

async function benchScale(scale: number, size: Size, opts: ReturnType<typeof options>, profileThis: boolean) {
  const tag = `[${scale}×]`;
  const work = mkdtempSync(join(tmpdir(), `okr-bench-${scale}x-`));
  const dirs = {
    content: join(work, 'content'),
    out: join(work, 'dist'),
    cache: join(work, 'astro-cache'),
    og: join(work, 'og-cache'),
    history: join(work, 'history-cache'),
    parse: join(work, 'parse-cache'),
  };
  const logs = join(work, 'logs');
  mkdirSync(logs);
  const env = {
    OKR_CONTENT: dirs.content,
    OKR_OUT_DIR: dirs.out,
    OKR_CACHE_DIR: dirs.cache,
    OKR_OG_CACHE_DIR: dirs.og,
    OKR_HISTORY_CACHE_DIR: dirs.history,
    OKR_PARSE_CACHE_DIR: dirs.parse,
    OKR_BASE: '/',
    OKR_AUDIENCE: 'internal',
    SOURCE_DATE_EPOCH,
    NO_COLOR: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const step = async <T extends { seconds: number; peakMb: number }>(what: string, run: () => Promise<T>): Promise<T> => {
    if (interrupted) throw new Error('interrupted');
    log(`${tag} ${what} …`);
    const r = await run();
    log(`${tag} ${what}: ${r.seconds.toFixed(1)} s, ${r.peakMb} MB`);
    return r;
  };
  // Astro keeps a static build's compiled pages in <cwd>/.astro/ when the output is outside the cwd, so
  // a build run from the project root would share that folder with any other build (a test run).
  // Its own cwd inside the project (for module resolution) keeps this benchmark apart.
  const cwd = join(ROOT, '.bench', `cwd-${tag.replace(/\W+/g, '')}-${process.pid}`);
  mkdirSync(cwd, { recursive: true });
  // A build reads what okr check --cache stored (read-only): only the warm rebuild is given it, as
  // a build right after a pull request's check would be; the others build without it.
  const build = (name: string, args: string[] = [], parseCache = false) =>
    timed([process.execPath, ...args, ASTRO, 'build', '--root', ROOT], {
      cwd,
      env: parseCache ? env : { ...env, OKR_PARSE_CACHE_DIR: 'off' },
      logPrefix: join(logs, name),
    });
  let profile: ProfileSummary | undefined;
  try {
    log(
      `${tag} generating ${size.teams} teams × ${size.periods} quarters × ${size.objectives} objectives × ${size.krs} KRs × ${size.checkins} check-ins in ${work}`,
    );
    const gen = generate(dirs.content, size, { history: !opts['no-history'] });
    log(
      `${tag} ${gen.counts.objectives} objectives, ${gen.counts['key results']} key results, ${gen.counts.checkins ?? 0} check-ins, ${(gen.counts.bytes! / 1e6).toFixed(1)} MB, ${gen.counts.commits} commits`,
    );

    const check = await step('okr check', () =>
      timed([process.execPath, OKR, 'check', '--content', dirs.content, '--format', 'json'], {
        cwd: ROOT,
        env,
        logPrefix: join(logs, 'check'),
      }),
    );
    const issues = JSON.parse(readFileSync(check.log.stdout, 'utf8')) as { severity: string }[];
    const errors = issues.filter((issue) => issue.severity === 'error').length;
    // With --cache, as a pull request runs it after main's build: filling the cache, then from it.
    const cachedCheck = async (what: string, name: string, same = true) => {
      const r = await step(`okr check --cache (${what})`, () =>
        timed([process.execPath, OKR, 'check', '--content', dirs.content, '--format', 'json', '--cache'], {
          cwd: ROOT,
          env,
          logPrefix: join(logs, name),
        }),
      );
      if (same && readFileSync(r.log.stdout, 'utf8') !== readFileSync(check.log.stdout, 'utf8'))
        throw new Error(`okr check --cache (${what}) answered differently from okr check: see ${logs}`);
      return r.seconds;
    };
    const filling = await cachedCheck('filling the cache', 'check-cache-fill');
    const fromCache = await cachedCheck('from the cache', 'check-cache-hit');

    const first = buildRun(await step('first build (all caches empty)', () => build('first-build')));
    // Cold: only the OG images are cached (the budget's terms); the change history and the files are read again.
    const coldBuild = async (i: number) => {
      rmSync(dirs.out, { recursive: true, force: true });
      rmSync(dirs.cache, { recursive: true, force: true });
      rmSync(dirs.history, { recursive: true, force: true });
      return buildRun(await step(`cold build (OG cached) ${i + 1}/${opts.pairs}`, () => build(`cold-build-${i + 1}`)));
    };
    const colds = [await coldBuild(0)];
    log(`${tag} measuring the output …`);
    const site = siteStats(dirs.out);

    // The floor and the cold build take turns, so a machine that speeds up or slows down (a shared
    // one does) moves both alike; each budget is judged on the median of the pairs' ratios.
    const floors: FloorRun[] = [];
    if (!opts['skip-floor']) {
      const dir = join(work, 'floor');
      writeFloorSite(dir, ROOT, site.pages, site.perPage.html);
      for (let i = 0; i < opts.pairs; i++) {
        if (i > 0) colds.push(await coldBuild(i));
        const f = await step(`floor (${site.pages} plain pages) ${i + 1}/${opts.pairs}`, () => {
          rmSync(join(dir, 'dist'), { recursive: true, force: true });
          return timed([process.execPath, ASTRO, 'build'], {
            cwd: dir,
            env: { NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
            logPrefix: join(logs, `floor-${i + 1}`),
          });
        });
        const pages = htmlFiles(join(dir, 'dist'));
        const bytes = pages.reduce((n, p) => n + readFileSync(join(dir, 'dist', p)).length, 0);
        floors.push({
          seconds: f.seconds,
          generateSeconds: generateSeconds(f.output),
          peakMb: f.peakMb,
          pages: pages.length,
          htmlPerPage: bytes / Math.max(1, pages.length),
        });
        if (pages.length !== site.pages) log(`${tag} warning: the floor built ${pages.length} pages, the handbook ${site.pages}`);
      }
    }

    applyEdit(dirs.content, gen.edit);
    const oneChanged = await cachedCheck(`${gen.edit.what} edited`, 'check-cache-edit', false);
    const warm = buildRun(await step(`warm rebuild (${gen.edit.what} edited)`, () => build('warm-rebuild', [], true)));

    if (profileThis) {
      const dir = join(ROOT, '.bench/profile');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      rmSync(dirs.out, { recursive: true, force: true });
      rmSync(dirs.cache, { recursive: true, force: true });
      rmSync(dirs.history, { recursive: true, force: true });
      await step('profiled cold build (OG cached, node --cpu-prof)', () => build('profile', ['--cpu-prof', `--cpu-prof-dir=${dir}`]));
      profile = summariseProfiles(dir, ROOT);
    }

    const result: ScaleResult = {
      scale,
      size,
      counts: gen.counts,
      kinds: gen.kinds,
      check: {
        seconds: check.seconds,
        peakMb: check.peakMb,
        errors,
        warnings: issues.length - errors,
        cached: { filling, fromCache, oneChanged },
      },
      firstBuild: first,
      coldBuild: medianRun(colds),
      coldBuilds: colds,
      warmRebuild: { ...warm, edit: `${gen.edit.file}: ${gen.edit.path.join('.')} (${gen.edit.what})` },
      floor: floors.length ? medianRun(floors) : null,
      floors,
      site,
    };
    return { result, profile };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
    if (opts.keep) log(`${tag} kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const opts = options();
  if (opts.help) return (console.log(HELP), 0);
  const results: ScaleResult[] = [];
  let profile: ProfileSummary | undefined;
  for (const scale of opts.scales) {
    const r = await benchScale(scale, scaled(opts.size, scale), opts, opts.profile && scale === opts.scales.at(-1));
    results.push(r.result);
    profile ??= r.profile;
  }
  const verdicts = budgets(results);
  const markdown = [table(results), '', formatVerdicts(verdicts), ...(profile ? ['', formatProfile(profile)] : [])].join('\n');
  console.log(markdown);
  mkdirSync(resolve(opts.json, '..'), { recursive: true });
  const astro = (JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;
  const json = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, astro },
    size16: opts.size,
    scaleRule: '16× = the given size; 4× = teams/2 × quarters/2; 1× = teams/4 × quarters/4 (rounded, at least 1)',
    results,
    budgets: verdicts,
    profile: profile ?? null,
  };
  writeFileAtomic(opts.json, `${JSON.stringify(json, null, 2)}\n`);
  writeFileAtomic(opts.json.replace(/(\.json)?$/, '.md'), `${markdown}\n`);
  log(`results: ${opts.json}`);
  return 0;
}

// Ctrl-C also stops the running child; the step that follows throws, so the temporary directories
// are removed before exiting (instead of Node dying at once and leaving them behind).
let interrupted = false;
process.on('SIGINT', () => void (interrupted = true));

if (import.meta.main) {
  try {
    process.exitCode = await main();
  } catch (e) {
    // Usage and build errors carry their own explanation (a build's error ends with its log tail).
    console.error(e instanceof UsageError || (e instanceof Error && / failed \(exit /.test(e.message)) ? `bench: ${e.message}` : e);
    process.exitCode = 1;
  }
}
