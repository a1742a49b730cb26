// npm run bench: builds synthetic handbooks of growing size and, in the same run, a plain Astro site
// with the same number of trivial pages (the floor); prints the ratios DESIGN.md asks for.
// Results go to stdout as a Markdown table (copy into BENCHMARKS.md with the date and machine).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate, type Size } from './generate.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const SIZES: Record<string, Size> = {
  small: { teams: 4, periods: 2, objectives: 3, krs: 3, checkins: 3 },
  medium: { teams: 10, periods: 4, objectives: 4, krs: 4, checkins: 4 },
  large: { teams: 20, periods: 8, objectives: 4, krs: 4, checkins: 6 },
};

/** Run a command under /usr/bin/time: wall seconds and peak RSS (MB). */
function timed(args: string[], env: NodeJS.ProcessEnv, cwd = ROOT) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const m = /([\d.]+) (\d+)\s*$/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${args.join(' ')} failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return { seconds: Number(m[1]), peakMb: Math.round(Number(m[2]) / 1024), stdout: r.stdout };
}

function dirBytes(dir: string): number {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).reduce((n, f) => {
    const s = statSync(join(dir, f));
    return s.isFile() ? n + s.size : n;
  }, 0);
}

/** A plain Astro site with `pages` trivial pages: the floor any static build pays. */
function floorSite(pages: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'okr-floor-'));
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(join(dir, 'astro.config.mjs'), 'export default { devToolbar: { enabled: false } };\n');
  writeFileSync(
    join(dir, 'src/pages/[slug].astro'),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, i) => ({ params: { slug: 'p' + i } })); }\nconst { slug } = Astro.params;\n---\n<html><head><title>{slug}</title></head><body><h1>Page {slug}</h1></body></html>\n`,
  );
  return dir;
}

const rows: string[] = [];
for (const [name, size] of Object.entries(SIZES)) {
  const content = mkdtempSync(join(tmpdir(), `okr-bench-${name}-`));
  generate(content, size);
  const out = `${content}-dist`;
  const env = {
    OKR_CONTENT: content,
    OKR_OUT_DIR: out,
    OKR_CACHE_DIR: `${out}.cache`,
    OKR_OG_CACHE_DIR: `${out}.og`,
    SOURCE_DATE_EPOCH: '1700000000',
  };
  const check = timed([join(ROOT, 'scripts/okr.ts'), 'check', '--content', content], env);
  const cold = timed([ASTRO, 'build'], env);
  const pages = (readdirSync(out, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).length;
  // Warm rebuild after one edit: only the changed OG images are re-rendered.
  const file = join(content, 'okrs', '2020-Q1', 'team-1.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: Objective 1 of team-1', 'title: Objective 1 of team-1 (edited)'));
  const warm = timed([ASTRO, 'build'], env);
  const og = /OG images: \d+ images, (\d+) rendered/.exec(warm.stdout)?.[1];
  const floorDir = floorSite(pages);
  const floor = timed([ASTRO, 'build'], {}, floorDir);
  const html = (readdirSync(out, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html'));
  const htmlBytes = html.reduce((n, f) => n + statSync(join(out, f)).size, 0);
  const js = readdirSync(join(out, '_astro')).filter((f) => f.endsWith('.js'));
  const jsPerPage =
    html.reduce((n, f) => {
      const src = [...readFileSync(join(out, f), 'utf8').matchAll(/<script[^>]+src="\/(_astro\/[^"]+)"/g)];
      return n + src.reduce((m, s) => m + statSync(join(out, s[1]!)).size, 0);
    }, 0) / html.length;
  rows.push(
    `| ${name} (${size.teams}×${size.periods}×${size.objectives}×${size.krs}×${size.checkins}) | ${pages} | ${cold.seconds.toFixed(1)} s | ${floor.seconds.toFixed(1)} s | ${(cold.seconds / floor.seconds).toFixed(2)}× | ${((cold.seconds * 1000) / pages).toFixed(1)} ms | ${cold.peakMb} MB | ${check.seconds.toFixed(2)} s | ${warm.seconds.toFixed(1)} s (${og} OG) | ${(htmlBytes / html.length / 1024).toFixed(1)} KB | ${(jsPerPage / 1024).toFixed(1)} KB | ${(dirBytes(out) / 1024 / 1024).toFixed(1)} MB | ${js.length} |`,
  );
  console.error(rows.at(-1));
  for (const d of [content, out, `${out}.cache`, `${out}.og`, floorDir]) rmSync(d, { recursive: true, force: true });
}
console.log(
  [
    '| size (teams×periods×objectives×KRs×check-ins) | pages | build | floor | build/floor | per page | peak RSS | okr check | warm rebuild | HTML/page | JS/page (avg) | dist | JS files |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n'),
);
