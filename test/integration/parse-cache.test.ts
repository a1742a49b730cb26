// The parse cache (src/lib/load/parse-cache.ts) must never change an answer: every case of the
// bad-input corpus, and both demo handbooks, give the same problems and the same handbook read
// without it, filling it, and from it. One cache serves all cases: their unchanged base files are
// read from it under another case's name, so each problem must name its own file.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lib/errors.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { parseCache } from '../../src/lib/load/parse-cache.ts';
import { cases, prepare } from '../bad-input-corpus.ts';
import { buildSite, copyContent, edit, FISCAL, MAIN, ROOT, runOkr } from '../helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'okr-parse-cache-corpus-'));
const cache = join(root, '.cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The handbook as data: maps and sets as lists, without its lazy lookups (functions). */
const asData = (x: unknown) =>
  JSON.stringify(x, (_, v: unknown) => (v instanceof Map || v instanceof Set ? [...v] : typeof v === 'function' ? undefined : v));

const read = (dir: string, cacheDir?: string) => {
  const r = computeHandbook(dir, { cwd: ROOT, today: '2025-03-01', parseCache: cacheDir === undefined ? undefined : parseCache(cacheDir) });
  return { issues: formatJson(r.issues), ok: r.ok, handbook: asData(r.handbook) };
};

describe('the parse cache changes no answer', () => {
  const dirs = [
    { name: 'the demo handbook', dir: MAIN },
    { name: 'the fiscal handbook', dir: FISCAL },
    ...cases.map((c) => ({ name: `bad input: ${c.name}`, dir: prepare(c, root) })),
  ];
  it.for(dirs)('$name', ({ dir }) => {
    const uncached = read(dir);
    for (const pass of ['filling it', 'from it']) {
      const cached = read(dir, cache);
      expect(cached.issues, pass).toBe(uncached.issues);
      expect(cached.ok, pass).toBe(uncached.ok);
      expect(cached.handbook, pass).toBe(uncached.handbook);
    }
  });
});

describe('the build and the parse cache', () => {
  it('reads what okr check --cache stored, and stores nothing itself', () => {
    const content = copyContent();
    const dir = mkdtempSync(join(tmpdir(), 'okr-parse-cache-build-'));
    const env = { OKR_PARSE_CACHE_DIR: dir };
    expect(runOkr(['check', '--content', content, '--cache'], env).code).toBe(0);
    const entries = () => readdirSync(dir).map((f) => `${f} ${statSync(join(dir, f)).ino}`);
    const stored = entries();
    const yaml = readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f));
    expect(stored).toHaveLength(yaml.length);
    // Changed since the check: read from the file, and not stored by the build.
    edit(join(content, 'okrs/2025-Q1/engineering.yaml'), 'value: 75,', 'value: 90,');
    const r = buildSite(content, { env, prefix: 'okr-parse-cache-dist-' });
    expect(r.status, r.log).toBe(0);
    expect(r.stdout).toContain(`; ${yaml.length - 1} files from the parse cache`);
    expect(entries()).toEqual(stored);
  });
});
