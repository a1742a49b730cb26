// The bench's results: one row per scale as a Markdown table, and the budgets of issue 9 judged
// from the measurements (PASS / FAIL / n/a with the numbers behind each verdict).
import type { Size } from './generate.ts';
import type { SiteStats, TeamPeriodPage } from './measure.ts';

export interface BuildRun {
  seconds: number;
  /** Astro's page generation phase alone (rendering and writing every route), from its log. */
  generateSeconds: number | null;
  /** Reading, validating and computing the content (the work of okr check), as the build logs it. */
  contentSeconds?: number | null;
  /** The search index (Pagefind), as the build logs it. */
  searchSeconds?: number | null;
  /** Peak memory of the build: the larger of the two below. */
  peakMb: number;
  /** Largest single process (/usr/bin/time %M). */
  processPeakMb: number;
  /** Summed RSS of the process tree (sampled), which counts worker processes too. */
  treePeakMb: number;
  /** From the build log: "OG images: N images, M rendered". */
  ogImages: number | null;
  ogRendered: number | null;
}

export interface ScaleResult {
  scale: number;
  size: Size;
  counts: Record<string, number>;
  kinds: Record<string, number>;
  check: {
    seconds: number;
    peakMb: number;
    errors: number;
    warnings: number;
    /** `okr check --cache`: filling an empty cache, from it, and after the warm rebuild's edit (one file changed). */
    cached?: { filling: number; fromCache: number; oneChanged: number };
  };
  /** Everything cold: empty Astro cache, empty OG cache. */
  firstBuild: BuildRun;
  /** Empty Astro cache and output, OG images cached (the budgeted build): the median of coldBuilds. */
  coldBuild: BuildRun;
  /** Every cold build, each taking turns with a floor build. */
  coldBuilds?: BuildRun[];
  /** After one key-result edit, every cache kept. */
  warmRebuild: BuildRun & { edit: string };
  /** The median of floors. */
  floor: FloorRun | null;
  floors?: FloorRun[];
  site: SiteStats;
}

export interface FloorRun {
  seconds: number;
  generateSeconds: number | null;
  peakMb: number;
  pages: number;
  htmlPerPage: number;
}

/** The run with the median time (the lower middle one of an even count). */
export function medianRun<T extends { seconds: number }>(runs: readonly T[]): T {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The median over the pairs (cold build i, floor i) of f(build, floor); null without pairs. */
function pairedMedian(r: ScaleResult, f: (build: BuildRun, floor: FloorRun) => number | null): number | null {
  const builds = r.coldBuilds ?? [r.coldBuild];
  const floors = r.floors ?? (r.floor ? [r.floor] : []);
  const values = builds.slice(0, floors.length).flatMap((b, i) => f(b, floors[i]!) ?? []);
  return values.length ? median(values) : null;
}

export interface Verdict {
  budget: string;
  pass: boolean | null;
  detail: string;
}

const s1 = (n: number) => `${n.toFixed(1)} s`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const sizeText = (z: Size) => `${z.teams}×${z.periods}×${z.objectives}×${z.krs}×${z.checkins}`;

export function table(results: ScaleResult[]): string {
  const head = [
    'scale',
    'size (teams×quarters×objectives×KRs×check-ins)',
    'pages',
    'cold build (OG cached)',
    'first build (OG cold)',
    'floor',
    'build/floor',
    'ms/page build / floor',
    'page generation ms/page build / floor',
    'peak RSS cold / first',
    'okr check',
    'okr check --cache: filling / from it / one file changed',
    'warm rebuild (OG re-rendered)',
    'HTML/page',
    'gzip/page',
    'largest team-period HTML+CSS gzip',
    'JS/page',
    'Pagefind index',
  ];
  const rows = results.map((r) => {
    const p = r.site.pages;
    const f = r.floor;
    return [
      `${r.scale}×`,
      sizeText(r.size),
      String(p),
      s1(r.coldBuild.seconds),
      s1(r.firstBuild.seconds),
      f ? s1(f.seconds) : '–',
      f ? `${pairedMedian(r, (b, fl) => b.seconds / fl.seconds)!.toFixed(2)}×` : '–',
      `${((r.coldBuild.seconds * 1000) / p).toFixed(1)} / ${f ? ((f.seconds * 1000) / p).toFixed(1) : '–'}`,
      `${r.coldBuild.generateSeconds == null ? '–' : ((r.coldBuild.generateSeconds * 1000) / p).toFixed(2)} / ${f?.generateSeconds == null ? '–' : ((f.generateSeconds * 1000) / p).toFixed(2)}`,
      `${r.coldBuild.peakMb} / ${r.firstBuild.peakMb} MB`,
      `${r.check.seconds.toFixed(2)} s`,
      r.check.cached
        ? `${[r.check.cached.filling, r.check.cached.fromCache, r.check.cached.oneChanged].map((x) => x.toFixed(2)).join(' / ')} s`
        : '–',
      `${s1(r.warmRebuild.seconds)} (${r.warmRebuild.ogRendered ?? '?'} OG)`,
      kb(r.site.perPage.html),
      kb(r.site.perPage.htmlGzip),
      r.site.largestTeamPeriod ? kb(r.site.largestTeamPeriod.totalGzip) : '–',
      kb(r.site.perPage.js),
      `${(r.site.pagefindBytes / 1024 / 1024).toFixed(1)} MB`,
    ];
  });
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The budgets; each judged at the largest scale run (or across all scales where that is stricter). */
export function budgets(results: ScaleResult[]): Verdict[] {
  const v: Verdict[] = [];
  const sorted = [...results].sort((a, b) => a.scale - b.scale);
  const small = sorted[0]!;
  const large = sorted.at(-1)!;
  const at = (r: ScaleResult) => `at ${r.scale}×`;

  // 1. Cold build with OG images cached ≤ 2.5× the floor (median of the pairs' ratios).
  const ratio = pairedMedian(large, (b, f) => b.seconds / f.seconds);
  if (large.floor && ratio !== null) {
    v.push({
      budget: 'cold build (OG cached) ≤ 2.5× floor',
      pass: ratio <= 2.5,
      detail: `${ratio.toFixed(2)}× ${at(large)} (median of ${(large.floors ?? [large.floor]).length} pairs; medians ${s1(large.coldBuild.seconds)} vs ${s1(large.floor.seconds)})${headroom(large)}`,
    });
  } else v.push({ budget: 'cold build (OG cached) ≤ 2.5× floor', pass: null, detail: 'floor skipped' });

  // 2. Per-page time ≤ 1.5× the floor's on the largest size: Astro's page-generation phase divided by
  // the pages, the handbook's against the floor's (start-up and the last step of the search index are
  // in the total, budget 1). The marginal cost of an added page between the smallest and largest scale,
  // which also carries each page's share of loading content, indexing and OG images, is shown beside it.
  const perPage = (r: ScaleResult, seconds: number | null | undefined) => (seconds == null ? null : (seconds * 1000) / r.site.pages);
  const gen = perPage(large, large.coldBuild.generateSeconds);
  const genFloor = perPage(large, large.floor?.generateSeconds);
  const genRatio = pairedMedian(large, (b, f) => (b.generateSeconds && f.generateSeconds ? b.generateSeconds / f.generateSeconds : null));
  let marginal = '';
  if (sorted.length > 1 && large.floor && small.floor && large.site.pages > small.site.pages) {
    const dp = large.site.pages - small.site.pages;
    const build = ((large.coldBuild.seconds - small.coldBuild.seconds) * 1000) / dp;
    const floor = ((large.floor.seconds - small.floor.seconds) * 1000) / dp;
    marginal = `; marginal cost of an added page ${build.toFixed(1)} vs ${floor.toFixed(1)} ms (${(build / floor).toFixed(2)}×, ${small.scale}× → ${large.scale}×)`;
  }
  v.push(
    gen === null || genFloor === null || genRatio === null
      ? {
          budget: 'per-page time ≤ 1.5× floor per-page',
          pass: null,
          detail: `page generation not timed (floor skipped or no log)${marginal}`,
        }
      : {
          budget: 'per-page time ≤ 1.5× floor per-page',
          pass: genRatio <= 1.5,
          detail: `${genRatio.toFixed(2)}× ${at(large)}: page generation ${gen.toFixed(2)} vs ${genFloor.toFixed(2)} ms/page (medians)${marginal}`,
        },
  );

  // 3. Growth: 16× the content costs ≤ 18× the time (limit scaled when sizes did not divide evenly).
  if (sorted.length > 1) {
    const content = (large.counts['key results'] ?? 0) / Math.max(1, small.counts['key results'] ?? 0);
    const time = large.coldBuild.seconds / small.coldBuild.seconds;
    const limit = content * (18 / 16);
    v.push({
      budget: 'growth: 16× content ≤ 18× build time',
      pass: time <= limit,
      detail: `${time.toFixed(2)}× the time for ${content.toFixed(2)}× the key results (${small.scale}× → ${large.scale}×; limit ${limit.toFixed(2)}×)`,
    });
  } else v.push({ budget: 'growth: 16× content ≤ 18× build time', pass: null, detail: 'needs two scales (--scales 1,16)' });

  // 4. okr check ≤ 3 s, judged cold (no parse cache); a pull request's check with main's cache beside it.
  const check = sorted.reduce((a, b) => (b.check.seconds > a.check.seconds ? b : a));
  const c = check.check.cached;
  const cached = c
    ? `; with --cache ${c.fromCache.toFixed(2)} s from it, ${c.oneChanged.toFixed(2)} s with one file changed, ${c.filling.toFixed(2)} s filling it`
    : '';
  v.push({
    budget: 'okr check ≤ 3 s',
    pass: check.check.seconds <= 3,
    detail: `${check.check.seconds.toFixed(2)} s ${at(check)}${cached}`,
  });

  // 5. Build peak RSS ≤ 2 GB, over every build of every scale.
  const runs = sorted.flatMap((r) => [
    { mb: r.firstBuild.peakMb, what: `first build ${at(r)}` },
    ...(r.coldBuilds ?? [r.coldBuild]).map((b, i) => ({ mb: b.peakMb, what: `cold build ${i + 1} ${at(r)}` })),
    { mb: r.warmRebuild.peakMb, what: `warm rebuild ${at(r)}` },
  ]);
  const worst = runs.reduce((a, b) => (b.mb > a.mb ? b : a));
  v.push({
    budget: 'build peak RSS ≤ 2 GB',
    pass: worst.mb <= 2048,
    detail: `${worst.mb} MB (${worst.what}); cold build (OG cached) ${at(large)}: ${large.coldBuild.peakMb} MB`,
  });

  // 6. The largest team-period page ≤ 50 KB gzip of HTML + CSS.
  const pages = sorted.map((r) => ({ r, p: r.site.largestTeamPeriod })).filter((x): x is { r: ScaleResult; p: TeamPeriodPage } => !!x.p);
  if (pages.length) {
    const big = pages.reduce((a, b) => (b.p.totalGzip > a.p.totalGzip ? b : a));
    v.push({
      budget: 'team-period page ≤ 50 KB gzip (HTML + CSS)',
      pass: big.p.totalGzip <= 50 * 1024,
      detail: `${kb(big.p.totalGzip)} = HTML ${kb(big.p.htmlGzip)} + CSS ${kb(big.p.cssGzip)} (${big.p.page} ${at(big.r)})`,
    });
  } else v.push({ budget: 'team-period page ≤ 50 KB gzip (HTML + CSS)', pass: null, detail: 'no team-period page built' });

  // 7. Pages without charts ship no chart JS.
  const violations = sorted.reduce((n, r) => n + r.site.chartViolations.count, 0);
  const withCharts = sorted.reduce((n, r) => n + r.site.pagesWithCharts, 0);
  const noBundle = withCharts > 0 && sorted.some((r) => r.site.chartBundles.length === 0);
  v.push({
    budget: 'pages without charts ship no chart JS',
    pass: noBundle ? null : violations === 0,
    detail: noBundle
      ? 'chart bundle not identified (no _astro/*.js contains the Chart.js marker)'
      : `${violations} page(s) without a <canvas> load the chart bundle${
          violations
            ? ` (e.g. ${sorted
                .flatMap((r) => r.site.chartViolations.pages)
                .slice(0, 3)
                .join(', ')})`
            : ''
        }; ${withCharts} page(s) have charts; bundle: ${large.site.chartBundles.join(', ') || 'none'}`,
  });
  return v;
}

/**
 * What the budget leaves for rendering: 2.5× the floor, less the cold build's time outside page
 * generation (content, search index, start-up and the rest), as milliseconds per page beside the
 * floor's own page generation. Empty when the build's log did not give the phases.
 */
function headroom(r: ScaleResult): string {
  const b = r.coldBuild;
  const f = r.floor;
  if (!f || b.generateSeconds == null || f.generateSeconds == null) return '';
  const outside = b.seconds - b.generateSeconds;
  const left = 2.5 * f.seconds - outside;
  const steps = [
    b.contentSeconds != null && `content ${s1(b.contentSeconds)}`,
    b.searchSeconds != null && `search index ${s1(b.searchSeconds)}`,
  ].filter(Boolean);
  const perPage = (seconds: number) => ((seconds * 1000) / r.site.pages).toFixed(2);
  return (
    `; outside page generation the build took ${s1(outside)}${steps.length ? ` (${steps.join(', ')})` : ''}, which leaves ` +
    (left > 0
      ? `${s1(left)} for page generation within 2.5× the floor: ${perPage(left)} ms/page, against the floor's own ${perPage(f.generateSeconds)}`
      : 'no time for page generation within 2.5× the floor')
  );
}

export function formatVerdicts(v: Verdict[]): string {
  return v.map((x) => `${x.pass === null ? 'n/a ' : x.pass ? 'PASS' : 'FAIL'}  ${x.budget}: ${x.detail}`).join('\n');
}
