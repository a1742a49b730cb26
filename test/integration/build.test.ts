// Builds both handbooks as `npm run build` does and checks the output: a page for every period,
// team-period and objective; no broken internal link or anchor; invalid content builds nothing.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { buildSite, copyContent, edit, FISCAL, MAIN, runOkr } from '../helpers.ts';
import { stepSeconds } from '../../scripts/bench/run.ts';

const EPOCH = '1795392000'; // 2026-11-23

const build = (content: string, out: string) => buildSite(content, { out, env: { SOURCE_DATE_EPOCH: EPOCH } });

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

/** Every internal link and anchor in dist/ resolves to a file (and an element id). */
function brokenLinks(dist: string): string[] {
  const ids = new Map<string, Set<string>>();
  const pageOf = (urlPath: string) => {
    const clean = decodeURI(urlPath.replace(/[?#].*$/, ''));
    const file = join(dist, clean.endsWith('/') ? `${clean}index.html` : clean);
    return existsSync(file) ? file : undefined;
  };
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
      ids.set(file, set);
    }
    return set;
  };
  const broken: string[] = [];
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    const here = '/' + file.slice(dist.length + 1).replace(/index\.html$/, '');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      if (/^(https?:|mailto:|data:)/.test(href)) continue;
      const [path, anchor] = href.split('#') as [string, string | undefined];
      const target = path === '' ? file : pageOf(path.startsWith('/') ? path : new URL(path, `http://x${here}`).pathname);
      if (!target) broken.push(`${here} → ${href}`);
      else if (anchor && !idsOf(target).has(decodeURIComponent(anchor))) broken.push(`${here} → ${href} (no #${anchor})`);
    }
  }
  return broken;
}

describe.each([
  ['main handbook', MAIN],
  ['fiscal handbook', FISCAL],
])('npm run build: %s', (_name, content) => {
  const out = mkdtempSync(join(tmpdir(), 'okr-dist-'));
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    result = build(content, out);
  });
  const h = computeHandbook(content).handbook!;

  it('succeeds', () => expect(result.status, result.stderr + result.stdout.slice(-2000)).toBe(0));
  it('has a page for every period, team-period and objective', () => {
    const missing = [
      ...h.periods.map((p) => `periods/${p.id}/index.html`),
      ...h.teamPeriods.map((t) => `periods/${t.period}/${t.team}/index.html`),
      ...h.objectives.map((o) => `objectives/${o.id}/index.html`),
    ].filter((f) => !existsSync(join(out, f)));
    expect(missing).toEqual([]);
    expect(h.objectives.length).toBeGreaterThan(20);
  });
  it('objective pages show each KR with its derivation', () => {
    const o = h.objectives.find((x) => x.keyResults.some((k) => k.grade.value !== null)) ?? h.objectives[0]!;
    const html = readFileSync(join(out, `objectives/${o.id}/index.html`), 'utf8');
    for (const k of o.keyResults) expect(html).toContain(`id="kr-${k.id}"`);
  });
  it('has no broken internal link or anchor', () => expect(brokenLinks(out)).toEqual([]));
  it('repeats no element id within a page (team pages list several objectives, each with a kr1)', () => {
    const repeated = htmlFiles(out).flatMap((file) => {
      const ids = [...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
      return ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `${file.slice(out.length)}#${id}`);
    });
    expect(repeated).toEqual([]);
  });
  it('starts the breadcrumbs of every page under a period as its period page does: Home › Periods › (year) › period', () => {
    const trail = (file: string) =>
      [
        ...(/<nav class="breadcrumbs"[\s\S]*?<\/nav>/.exec(readFileSync(join(out, file), 'utf8'))?.[0] ?? '').matchAll(/href="([^"]+)"/g),
      ].map((m) => m[1]);
    for (const o of h.objectives) {
      const p = h.periods.find((x) => x.id === o.period)!;
      const periodTrail = [
        '/',
        '/periods/',
        ...(p.kind === 'quarter' && h.periods.some((y) => y.id === p.year) ? [`/periods/${p.year}/`] : []),
        `/periods/${p.id}/`,
      ];
      expect(trail(`periods/${p.id}/index.html`)).toEqual(periodTrail.slice(0, -1));
      expect(trail(`periods/${p.id}/alignment/index.html`)).toEqual(periodTrail);
      expect(trail(`objectives/${o.id}/index.html`)).toEqual([...periodTrail, `/periods/${p.id}/${o.team}/`]);
    }
  });
  it('says how each compound key result combines its parts', () => {
    const compound = h.objectives.flatMap((o) => o.keyResults.filter((k) => k.kind === 'compound').map((k) => ({ o, k })));
    if (content === MAIN) expect(compound.length).toBeGreaterThan(2);
    for (const { o, k } of compound)
      expect(readFileSync(join(out, `objectives/${o.id}/index.html`), 'utf8')).toContain(
        `graded as the ${k.kind === 'compound' && k.combine === 'min' ? 'lowest' : 'mean'} of its ${k.kind === 'compound' ? k.parts.length : 0} parts`,
      );
  });
  it('loads Chart.js only on pages with a chart, in a bundle under 80 KB gzip', () => {
    const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => readFileSync(join(out, m[1]!)));
    const isChartJs = (js: Buffer) => js.includes('Canvas is already in use');
    let withCharts = 0;
    for (const file of htmlFiles(out)) {
      const html = readFileSync(file, 'utf8');
      const chartJs = scriptsOf(html).filter(isChartJs);
      if (html.includes('data-chart=')) {
        withCharts++;
        expect(chartJs.length, file).toBe(1);
        expect(gzipSync(chartJs[0]!, { level: 9 }).length).toBeLessThan(80 * 1024);
      } else expect(chartJs, `${file} has no chart but loads Chart.js`).toEqual([]);
    }
    // The demo's objectives draw their key results' values; a handbook without numeric readings draws none.
    if (content === MAIN) expect(withCharts).toBeGreaterThan(0);
  });
  it('every chart repeats its numbers in a table', () => {
    let charted = 0;
    for (const file of htmlFiles(out)) {
      const html = readFileSync(file, 'utf8');
      for (const figure of html.split('<figure class="chart"').slice(1)) {
        charted++;
        const chart = JSON.parse(
          /data-chart="([^"]+)"/
            .exec(figure)![1]!
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&#39;/g, "'"),
        ) as { labels: string[]; series: { points?: unknown[] }[] };
        const rows = figure.slice(0, figure.indexOf('</figure>')).split('<th scope="row">').slice(1);
        // A category chart has a row per label; a time chart a row per point of its first series (the value's).
        for (const label of chart.labels)
          expect(
            rows.some((r) => r.startsWith(`${label}</th>`)),
            `${file}: ${label}`,
          ).toBe(true);
        if (!chart.labels.length) expect(rows.length, file).toBe(chart.series[0]!.points!.length);
      }
    }
    if (content === MAIN) expect(charted).toBeGreaterThan(0);
  });
  it('/api/handbook.json is byte for byte `okr export --format json`', () => {
    const cli = runOkr(['export', '--content', content, '--format', 'json'], { SOURCE_DATE_EPOCH: EPOCH });
    expect(cli.code).toBe(0);
    expect(readFileSync(join(out, 'api/handbook.json'), 'utf8')).toBe(cli.stdout);
    expect(readFileSync(join(out, 'api/krs.csv'), 'utf8')).toBe(
      runOkr(['export', '--content', content, '--format', 'csv'], { SOURCE_DATE_EPOCH: EPOCH }).stdout,
    );
    for (const p of h.periods) expect(JSON.parse(readFileSync(join(out, `api/periods/${p.id}.json`), 'utf8')).period.id).toBe(p.id);
  });
  it('publishes a sitemap of every page, an Atom feed and the JSON Schemas', () => {
    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    for (const o of h.objectives) expect(sitemap).toContain(`/objectives/${o.id}/</loc>`);
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(feed).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    expect(feed.match(/<entry>/g)?.length ?? 0).toBe(
      h.objectives.reduce((n, o) => n + o.keyResults.reduce((m, k) => m + k.trend.length, 0), 0),
    );
    expect(existsSync(join(out, 'schema/okr-file.schema.json'))).toBe(true);
  });
  it('every page has og: and twitter: meta tags whose image exists', () => {
    for (const file of htmlFiles(out)) {
      const html = readFileSync(file, 'utf8');
      const img = /<meta property="og:image" content="https?:\/\/[^/]+\/([^"]+)"/.exec(html);
      expect(img, file).not.toBeNull();
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image"');
      expect(existsSync(join(out, img![1]!)), `${file} → ${img![1]}`).toBe(true);
    }
    expect(readFileSync(join(out, `objectives/${h.objectives[0]!.id}/index.html`), 'utf8')).toContain(
      `og/objectives/${h.objectives[0]!.id}.png`,
    );
  });
  it('indexes only main content for search, with filters', () => {
    expect(result.stdout).toMatch(/search: indexed \d+ pages and \d+ KPI records/);
    // The bench reads how long the content and the search index took from these log lines; how long
    // is the machine's business, so only that each is there.
    const steps = stepSeconds(result.stdout);
    expect(Number.isFinite(steps.contentSeconds), 'content step timed').toBe(true);
    expect(Number.isFinite(steps.searchSeconds), 'search step timed').toBe(true);
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
    const html = readFileSync(join(out, `objectives/${h.objectives[0]!.id}/index.html`), 'utf8');
    expect(html).toMatch(/<main[^>]*data-pagefind-body/);
    expect(html).toContain('data-pagefind-filter="kind:Objective"');
    // Commit subjects are the repository's words, the same on every objective of a file.
    expect(html).toMatch(/<section aria-labelledby="history" data-pagefind-ignore/);
    // Grades are filters and result details, not indexed text.
    expect(html).toMatch(/class="grade grade--lg [^"]*" data-pagefind-ignore/);
    expect(readFileSync(join(out, 'audit/index.html'), 'utf8')).not.toContain('data-pagefind-body');
  });
  it('the grade audit page lists the grade and the status disagreements apart, exactly as okr export flags them', () => {
    const html = readFileSync(join(out, 'audit/index.html'), 'utf8');
    for (const which of ['grade', 'status'] as const) {
      const flagged = h.objectives.flatMap((o) => [
        ...(o.audit[which] ? [o.id] : []),
        ...o.keyResults.filter((k) => k.audit[which]).map((k) => k.uid),
      ]);
      const kind = which === 'grade' ? 'grades' : 'statuses';
      const listed = [...html.matchAll(new RegExp(`data-audit-id="([^"]+)" data-audit-kind="${kind}"`, 'g'))].map((m) => m[1]);
      expect(listed.sort(), which).toEqual(flagged.sort());
    }
    if (content === MAIN) {
      const grades = [...html.matchAll(/data-audit-id="([^"]+)" data-audit-kind="grades"/g)].map((m) => m[1]);
      expect(grades.filter((id) => id!.startsWith('2025-q1'))).toEqual(['2025-q1-engineering-scalable-infrastructure.kr1']);
    }
  });
});

describe('npm run build with invalid content', () => {
  it('fails with the same messages as okr check and leaves the previous dist/ as it was', () => {
    const content = copyContent();
    edit(join(content, 'people.yaml'), 'team: engineering }', 'team: engneering }');
    const out = mkdtempSync(join(tmpdir(), 'okr-dist-'));
    // The previous build is kept: a failed build replaces nothing.
    mkdirSync(join(out, 'periods'), { recursive: true });
    writeFileSync(join(out, 'index.html'), '<p>old</p>');
    const r = build(content, out);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/people\.yaml:\d+:\d+ error team 'engneering' not found/);
    expect(r.stdout + r.stderr).toMatch(/did you mean 'engineering'/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>old</p>');
  });
});
