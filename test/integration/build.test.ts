// Builds both handbooks as `npm run build` does and checks the output: a page for every period,
// team-period and objective; no broken internal link or anchor; invalid content builds nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { copyContent, edit, FISCAL, MAIN, ROOT } from '../helpers.ts';

function build(content: string, outDir: string) {
  return spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, OKR_CONTENT: content, OKR_OUT_DIR: outDir, OKR_CACHE_DIR: `${outDir}.cache`, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
  });
}

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
  it('the grade audit page lists exactly the rows okr export flags', () => {
    const flagged = h.objectives.flatMap((o) => [
      ...(o.audit.flag ? [o.id] : []),
      ...o.keyResults.filter((k) => k.audit.flag).map((k) => k.uid),
    ]);
    const listed = [...readFileSync(join(out, 'audit/index.html'), 'utf8').matchAll(/data-audit-id="([^"]+)"/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(flagged.sort());
    if (content === MAIN) expect(listed).toContain('2025-q1-engineering-scalable-infrastructure.kr1');
  });
});

describe('npm run build with invalid content', () => {
  it('fails with the same messages as okr check and leaves no dist/', () => {
    const content = copyContent();
    edit(join(content, 'people.yaml'), 'team: engineering }', 'team: engneering }');
    const out = mkdtempSync(join(tmpdir(), 'okr-dist-'));
    // A previous complete-looking build must not survive a failed one.
    mkdirSync(join(out, 'periods'), { recursive: true });
    writeFileSync(join(out, 'index.html'), '<p>old</p>');
    const r = build(content, out);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/people\.yaml:\d+:\d+ error team 'engneering' not found/);
    expect(r.stdout + r.stderr).toMatch(/did you mean 'engineering'/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(existsSync(out)).toBe(false);
  });
});
