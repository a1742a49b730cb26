// The parse cache (src/lib/load/parse-cache.ts) must never change an answer: every case of the
// bad-input corpus, and both demo handbooks, give the same problems and the same handbook read
// without it, filling it, and from it. One cache serves all cases: their unchanged base files are
// read from it under another case's name, so each problem must name its own file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lib/errors.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { cases, prepare } from '../bad-input-corpus.ts';
import { FISCAL, MAIN, ROOT } from '../helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'okr-parse-cache-corpus-'));
const cache = join(root, '.cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The handbook as data: maps and sets as lists, without its lazy lookups (functions). */
const asData = (x: unknown) =>
  JSON.stringify(x, (_, v: unknown) => (v instanceof Map || v instanceof Set ? [...v] : typeof v === 'function' ? undefined : v));

const read = (dir: string, parseCacheDir?: string) => {
  const r = computeHandbook(dir, { cwd: ROOT, today: '2025-03-01', parseCacheDir });
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
