// The bench's reading of Astro's log and its budget verdicts (the timings themselves live in
// BENCHMARKS.md, never in a test).
import { describe, expect, it } from 'vitest';
import { generateSeconds, stepSeconds } from '../../scripts/bench/run.ts';
import { budgets, table, type BuildRun, type ScaleResult } from '../../scripts/bench/report.ts';

const log = (completed: string) =>
  `10:00:00 [build] ✓ Completed in 9.57s.\n\n generating static routes \n10:00:01   ├─ /a/index.html (+3ms) \n10:01:37 ✓ Completed in ${completed}.\n\n10:01:37 [build] ✓ Completed in 1m 37s.\n`;

describe('generateSeconds', () => {
  it("reads the page generation phase, not the build's other phases", () => {
    expect(generateSeconds(log('1m 36s'))).toBe(96);
    expect(generateSeconds(log('18.75s'))).toBe(18.75);
    expect(generateSeconds(log('820ms'))).toBe(0.82);
    expect(generateSeconds('no such phase')).toBeNull();
  });
});

describe('stepSeconds', () => {
  it('reads what the integrations log of their own steps', () => {
    const out =
      '10:00:00 [okr-handbook] content /tmp/c (internal audience): 10 periods, 6408 objectives, 25632 key results, read and computed in 6.2 s (840 warnings: npm run --silent okr -- check)\n' +
      '10:01:40 [okr-search] search: indexed 8845 pages and 100 KPI records in 24.7 s\n';
    expect(stepSeconds(out)).toEqual({ contentSeconds: 6.2, searchSeconds: 24.7 });
    expect(stepSeconds('an older log')).toEqual({ contentSeconds: null, searchSeconds: null });
  });
});

describe('budgets', () => {
  const run = (seconds: number, generate: number, peakMb = 1500): BuildRun => ({
    seconds,
    generateSeconds: generate,
    peakMb,
    processPeakMb: peakMb,
    treePeakMb: peakMb,
    ogImages: 10,
    ogRendered: 0,
  });
  const scale = (s: number, pages: number, build: BuildRun, floor: number, floorGenerate: number): ScaleResult =>
    ({
      scale: s,
      size: { teams: 1, periods: 1, objectives: 1, krs: 1, checkins: 1 },
      counts: { 'key results': pages * 4 },
      kinds: {},
      check: { seconds: 1, peakMb: 100, errors: 0, warnings: 0 },
      firstBuild: build,
      coldBuild: build,
      warmRebuild: { ...build, edit: 'x' },
      floor: { seconds: floor, generateSeconds: floorGenerate, peakMb: 100, pages, htmlPerPage: 1000 },
      site: { pages, largestTeamPeriod: null, chartViolations: { count: 0, pages: [] }, pagesWithCharts: 0, chartBundles: [] },
    }) as unknown as ScaleResult;

  it('judges per-page time on the page generation phase at the largest size, and shows the marginal cost', () => {
    const v = budgets([scale(1, 1000, run(10, 4), 4, 2), scale(16, 16000, run(100, 45), 40, 32)]);
    const perPage = v.find((x) => x.budget.startsWith('per-page'))!;
    expect(perPage.pass).toBe(true); // 2.81 vs 2.00 ms/page = 1.41×
    expect(perPage.detail).toMatch(
      /^1\.41× at 16×: page generation 2\.81 vs 2\.00 ms\/page \(medians\); marginal cost of an added page 6\.0 vs 2\.4 ms/,
    );
    expect(v.find((x) => x.budget.startsWith('cold build'))).toMatchObject({ pass: true, detail: expect.stringMatching(/^2\.50×/) });
    // With cold builds and floors taking turns, each budget is the median of the pairs' ratios: a pair
    // where the machine was slow for both counts the same as one where it was fast for both.
    const paired = {
      ...scale(16, 16000, run(100, 45), 40, 32),
      coldBuilds: [run(100, 45), run(150, 60), run(90, 40)],
      floors: [40, 80, 30].map((seconds) => ({ seconds, generateSeconds: seconds * 0.8, peakMb: 100, pages: 16000, htmlPerPage: 1000 })),
    } as ScaleResult;
    const pv = budgets([paired]);
    expect(pv.find((x) => x.budget.startsWith('cold build'))!.detail).toMatch(/^2\.50× at 16× \(median of 3 pairs/); // 2.5, 1.875, 3.0
    expect(pv.find((x) => x.budget.startsWith('per-page'))!.detail).toMatch(/^1\.41×/); // 45/32, 60/64, 40/24
    const slow = budgets([scale(16, 16000, run(200, 60), 40, 32)]);
    expect(slow.find((x) => x.budget.startsWith('per-page'))!.pass).toBe(false);
    expect(slow.find((x) => x.budget.startsWith('cold build'))!.pass).toBe(false);
  });

  it('shows what 2.5× the floor leaves for page generation once the rest of the build is paid', () => {
    // 100 s in all, 45 s of it page generation: 55 s outside it. 2.5 × 40 s = 100 s leaves 45 s: 2.81 ms/page.
    const logged = { ...run(100, 45), contentSeconds: 8, searchSeconds: 25 };
    const detail = budgets([scale(16, 16000, logged, 40, 32)]).find((x) => x.budget.startsWith('cold build'))!.detail;
    expect(detail).toContain(
      "outside page generation the build took 55.0 s (content 8.0 s, search index 25.0 s), which leaves 45.0 s for page generation within 2.5× the floor: 2.81 ms/page, against the floor's own 2.00",
    );
    // A floor so fast that the rest of the build alone is over budget.
    const none = budgets([scale(16, 16000, logged, 20, 16)]).find((x) => x.budget.startsWith('cold build'))!.detail;
    expect(none).toContain('which leaves no time for page generation within 2.5× the floor');
  });

  it('judges okr check cold, and shows what --cache takes beside it', () => {
    const withCache = (seconds: number) =>
      ({
        ...scale(16, 16000, run(100, 45), 40, 32),
        check: { seconds, peakMb: 400, errors: 0, warnings: 2, cached: { filling: 7.1, fromCache: 2.8, oneChanged: 2.9 } },
      }) as ScaleResult;
    const [slow, fast] = [6.2, 2.9].map((s) => budgets([withCache(s)]).find((x) => x.budget === 'okr check ≤ 3 s')!);
    expect(slow).toMatchObject({
      pass: false,
      detail: '6.20 s at 16×; with --cache 2.80 s from it, 2.90 s with one file changed, 7.10 s filling it',
    });
    expect(fast!.pass).toBe(true);
    const site = { perPage: { html: 1, htmlGzip: 1, js: 1 }, pagefindBytes: 1 };
    expect(table([{ ...withCache(6.2), site: { ...withCache(6.2).site, ...site } } as ScaleResult])).toContain(
      '| 6.20 s | 7.10 / 2.80 / 2.90 s |',
    );
  });
});
