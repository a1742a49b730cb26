// What the bench measures: child processes under /usr/bin/time (wall seconds, peak RSS) and the
// output of a build (HTML and gzip per page, the CSS and JS each page loads, the chart bundle,
// Pagefind, OG images). Pure reading of files; no assumptions beyond base "/".
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Timed {
  seconds: number;
  /** The larger of processPeakMb and treePeakMb: the memory the run needed. */
  peakMb: number;
  /** /usr/bin/time %M: the largest single process (a child's peak, not the sum of children). */
  processPeakMb: number;
  /** Sampled every 200 ms from /proc: the peak of the summed RSS of the whole process tree. */
  treePeakMb: number;
  /** Log files of the run (stdout, stderr). */
  log: { stdout: string; stderr: string };
  output: string;
}

const tail = (s: string, n = 3000) => (s.length > n ? `…${s.slice(-n)}` : s);

/** Summed VmRSS (KiB) of `root` and all its descendants, from /proc (0 where /proc is missing). */
export function treeRssKb(root: number): number {
  if (!existsSync('/proc')) return 0;
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let kb = 0;
  for (const stack = [root]; stack.length;) {
    const pid = stack.pop()!;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return kb;
}

/**
 * Run `args` (a full command line, usually process.execPath first) under /usr/bin/time, sampling
 * the process tree's memory; stdout and stderr go to `${logPrefix}.out` / `.err` (a large build logs
 * a line per page). Throws on failure.
 */
export async function timed(args: string[], opts: { cwd: string; env?: Record<string, string>; logPrefix: string }): Promise<Timed> {
  const log = { stdout: `${opts.logPrefix}.out`, stderr: `${opts.logPrefix}.err` };
  const timeFile = `${opts.logPrefix}.time`;
  const [out, err] = [openSync(log.stdout, 'w'), openSync(log.stderr, 'w')];
  const child = spawn('/usr/bin/time', ['-o', timeFile, '-f', '%e %M', ...args], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', out, err],
  });
  let treeKb = 0;
  const sampler = setInterval(() => {
    if (child.pid) treeKb = Math.max(treeKb, treeRssKb(child.pid));
  }, 200);
  try {
    const status = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    const output = readFileSync(log.stdout, 'utf8') + readFileSync(log.stderr, 'utf8');
    const m = existsSync(timeFile) ? /([\d.]+) (\d+)\s*$/.exec(readFileSync(timeFile, 'utf8')) : null;
    if (status !== 0 || !m) throw new Error(`${args.slice(1).join(' ')} failed (exit ${status}):\n${tail(output)}`);
    const processPeakMb = Math.round(Number(m[2]) / 1024);
    const treePeakMb = Math.round(treeKb / 1024);
    return { seconds: Number(m[1]), peakMb: Math.max(processPeakMb, treePeakMb), processPeakMb, treePeakMb, log, output };
  } finally {
    clearInterval(sampler);
    closeSync(out);
    closeSync(err);
  }
}

/** Total size of the files under `dir` (0 when it does not exist). */
export function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((n, f) => {
    const s = statSync(join(dir, f));
    return s.isFile() ? n + s.size : n;
  }, 0);
}

export function htmlFiles(out: string): string[] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
    .map((f) => f.replace(/\\/g, '/'))
    .sort();
}

/** A string in Chart.js's own code (a controller property) that minification keeps: marks the chart bundle. */
export const CHART_MARKER = 'datasetElementType';

export interface TeamPeriodPage {
  page: string;
  htmlBytes: number;
  htmlGzip: number;
  cssBytes: number;
  cssGzip: number;
  /** HTML gzip + the gzip of every CSS file it links. */
  totalGzip: number;
}

export interface SiteStats {
  pages: number;
  htmlBytes: number;
  htmlGzip: number;
  perPage: { html: number; htmlGzip: number; js: number; jsGzip: number; inlineJs: number };
  jsFiles: number;
  /** dist-relative paths of the JS files carrying Chart.js. */
  chartBundles: string[];
  pagesWithCharts: number;
  /** Pages without a chart that still load the chart bundle (first 20) and how many in all. */
  chartViolations: { count: number; pages: string[] };
  largestTeamPeriod: TeamPeriodPage | null;
  teamPeriodPages: number;
  pagefindBytes: number;
  ogImages: number;
  ogBytes: number;
  distBytes: number;
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];

/** Collects the statistics of a built site in `out` (served at "/"). */
export function siteStats(out: string): SiteStats {
  const sizes = new Map<string, { bytes: number; gzip: number }>();
  const size = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const buf = readFileSync(file);
      sizes.set(file, (s = { bytes: buf.length, gzip: gzipSync(buf).length }));
    }
    return s;
  };
  const local = (url: string, from?: string) => {
    const clean = url.split(/[?#]/)[0]!;
    if (/^[a-z]+:|^\/\//i.test(clean)) return undefined;
    const file = clean.startsWith('/') ? join(out, clean) : join(from ? dirname(from) : out, clean);
    return existsSync(file) && statSync(file).isFile() ? file : undefined;
  };
  // A JS file and everything it imports statically (dynamic import() is loaded on demand, so left out).
  const closures = new Map<string, string[]>();
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    let deps = closures.get(file);
    if (!deps) {
      const code = readFileSync(file, 'utf8');
      deps = [...code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.m?js)["']/g)].flatMap((m) => local(m[1]!, file) ?? []);
      closures.set(file, deps);
    }
    for (const d of deps) closure(d, seen);
    return seen;
  };
  const astroDir = join(out, '_astro');
  const jsFiles = existsSync(astroDir)
    ? readdirSync(astroDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.m?js$/.test(f))
        .map((f) => join(astroDir, f))
    : [];
  const chart = new Set(jsFiles.filter((f) => readFileSync(f, 'utf8').includes(CHART_MARKER)));

  const pages = htmlFiles(out);
  let htmlBytes = 0;
  let htmlGzip = 0;
  let js = 0;
  let jsGzip = 0;
  let inlineJs = 0;
  let pagesWithCharts = 0;
  const violations: string[] = [];
  let largest: TeamPeriodPage | null = null;
  let teamPeriodPages = 0;
  for (const page of pages) {
    const file = join(out, page);
    const html = readFileSync(file, 'utf8');
    const h = size(file);
    htmlBytes += h.bytes;
    htmlGzip += h.gzip;
    const scripts = new Set<string>();
    let inlineHasChart = false;
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const [tagAttrs, body] = [m[1]!, m[2]!];
      const src = attr(tagAttrs, 'src');
      const type = attr(tagAttrs, 'type') ?? '';
      if (src) {
        const f = local(src);
        if (f) closure(f, scripts);
      } else if (!/json/i.test(type)) {
        inlineJs += Buffer.byteLength(body);
        jsGzip += gzipSync(body).length;
        if (body.includes(CHART_MARKER)) inlineHasChart = true;
        for (const i of body.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.m?js)["']/g)) {
          const f = local(i[1]!);
          if (f) closure(f, scripts);
        }
      }
    }
    for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
      if (!/\brel\s*=\s*["']modulepreload["']/i.test(m[0])) continue;
      const f = local(attr(m[0], 'href') ?? '');
      if (f) closure(f, scripts);
    }
    for (const s of scripts) {
      js += size(s).bytes;
      jsGzip += size(s).gzip;
    }
    const hasChart = /<canvas\b/i.test(html);
    if (hasChart) pagesWithCharts++;
    else if (inlineHasChart || [...scripts].some((s) => chart.has(s))) violations.push(page);

    const tp = /^periods\/[^/]+\/([^/]+)\/index\.html$/.exec(page);
    if (tp && tp[1] !== 'alignment') {
      teamPeriodPages++;
      const css = new Set<string>();
      for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
        if (!/\brel\s*=\s*["']stylesheet["']/i.test(m[0])) continue;
        const f = local(attr(m[0], 'href') ?? '');
        if (f) css.add(f);
      }
      const cssBytes = [...css].reduce((n, f) => n + size(f).bytes, 0);
      const cssGzip = [...css].reduce((n, f) => n + size(f).gzip, 0);
      if (!largest || h.bytes > largest.htmlBytes)
        largest = { page, htmlBytes: h.bytes, htmlGzip: h.gzip, cssBytes, cssGzip, totalGzip: h.gzip + cssGzip };
    }
  }
  const n = Math.max(1, pages.length);
  const og = join(out, 'og');
  const ogFiles = existsSync(og) ? readdirSync(og, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.png')) : [];
  return {
    pages: pages.length,
    htmlBytes,
    htmlGzip,
    perPage: { html: htmlBytes / n, htmlGzip: htmlGzip / n, js: (js + inlineJs) / n, jsGzip: jsGzip / n, inlineJs: inlineJs / n },
    jsFiles: jsFiles.length,
    chartBundles: [...chart].map((f) => relative(out, f)),
    pagesWithCharts,
    chartViolations: { count: violations.length, pages: violations.slice(0, 20) },
    largestTeamPeriod: largest,
    teamPeriodPages,
    pagefindBytes: dirBytes(join(out, 'pagefind')),
    ogImages: ogFiles.length,
    ogBytes: dirBytes(og),
    distBytes: dirBytes(out),
  };
}
