// The parse cache on disk (src/lib/load/parse-cache.ts): what its key depends on, that a hit is what
// the loader would have parsed, and that nothing it cannot give back exactly is kept.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCached, parseFile } from '../../src/lib/load/parse-file.ts';
import { parseInParallel, readJob, type ParseJob } from '../../src/lib/load/parallel.ts';
import { parseWorkerReady, prestartParseWorker } from '../../src/lib/load/parse-thread.ts';
import { UNUSED_MS } from '../../src/lib/load/cache-files.ts';
import { codeFingerprint, parseCache, parseCacheDir, type ParseCache } from '../../src/lib/load/parse-cache.ts';

const FILE = 'okrs/2025-Q1/sales.yaml';
const okr = (target: string | number, extra = '') =>
  `period: 2025-Q1\nteam: sales\nobjectives:\n  - id: 2025-q1-sales-grow\n    title: Grow — ünïcødé\n    keyResults:\n      - id: kr1\n        title: Reach ARR\n        kind: metric\n        baseline: 0\n        target: ${target}\n${extra}`;
const fresh = () => mkdtempSync(join(tmpdir(), 'okr-parse-cache-'));
const open = (dir = fresh()) => parseCache(dir)!;
const entries = (c: ParseCache) => readdirSync(c.dir).filter((f) => f.endsWith('.json'));
/** A result as JSON shows it (an undefined hint is an absent one), position maps as lists. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x, (_, v: unknown) => (v instanceof Map ? [...v] : v))) as unknown;
/** What the loader makes of a file without a cache. */
const uncached = (text: string, file = FILE) => plain(parseFile(file, text, 'okr').parsed);

describe('the parse cache', () => {
  it('has a fingerprint of the code when run from the source tree', () => {
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keys each text by its kind, its bytes and the code', () => {
    const c = open();
    expect(c.key('okr', okr(10))).toBe(c.key('okr', okr(10)));
    expect(c.key('okr', okr(10))).not.toBe(c.key('okr', okr(11)));
    expect(c.key('okr', okr(10))).not.toBe(c.key('kpi', okr(10)));
    expect(parseCache(c.dir, 'other code')!.key('okr', okr(10))).not.toBe(c.key('okr', okr(10)));
  });

  it('stores a miss and gives back what parsing gives, problems included', () => {
    const c = open();
    for (const text of [okr(10), okr('ten'), okr(10, '        tagret: 3\n'), 'period: [\n']) {
      const first = parseCached(FILE, text, 'okr', c).parsed;
      expect(plain(first)).toEqual(uncached(text));
      const hit = parseCached(FILE, text, 'okr', c);
      expect(plain(hit.parsed)).toStrictEqual(uncached(text));
      expect(hit.source.text).toBe(text);
      if (first.shallow) expect(hit.parsed.shallow?.value).toBeInstanceOf(Map);
    }
    expect(entries(c)).toHaveLength(4);
    expect(parseCached(FILE, okr('ten'), 'okr', c).parsed.issues[0]).toMatchObject({
      file: FILE,
      line: 11,
      path: expect.stringContaining('target'),
    });
  });

  it('reads a hit from disk, not by parsing again, and names the file it is asked for', () => {
    const c = open();
    parseCached(FILE, okr(10, '        tagret: 3\n'), 'okr', c);
    const [name] = entries(c);
    const path = join(c.dir, name!);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/tagret/g, 'tampered'));
    const hit = parseCached('okrs/2025-Q2/sales.yaml', okr(10, '        tagret: 3\n'), 'okr', c).parsed;
    expect(hit.issues.map((i) => [i.file, i.message])).toEqual([['okrs/2025-Q2/sales.yaml', expect.stringContaining('tampered')]]);
  });

  it('treats an entry it cannot read as a miss and writes it again', () => {
    const c = open();
    const key = c.key('okr', okr(10));
    mkdirSync(c.dir, { recursive: true });
    writeFileSync(join(c.dir, `${key}.json`), '{"issues": [tru');
    expect(parseCached(FILE, okr(10), 'okr', c).parsed.data).toEqual(parseFile(FILE, okr(10), 'okr').parsed.data);
    expect(c.decode(readFileSync(join(c.dir, `${key}.json`), 'utf8'), FILE)).toBeDefined();
  });

  it('keeps nothing JSON would not give back exactly: -0, undefined, a Map', () => {
    const c = open();
    const minusZero = parseCached(FILE, okr('-0'), 'okr', c).parsed;
    expect(
      Object.is((minusZero.data as { objectives: { keyResults: { target: number }[] }[] }).objectives[0]!.keyResults[0]!.target, -0),
    ).toBe(true);
    expect(entries(c)).toHaveLength(0);
    for (const data of [{ a: undefined }, { a: new Map() }, { a: [Number.NaN] }, { a: new Date(0) }])
      c.write(c.key('okr', JSON.stringify(data)), FILE, { issues: [], data });
    expect(entries(c)).toHaveLength(0);
    c.write(c.key('okr', 'quoted'), FILE, {
      issues: [{ file: FILE, line: 1, column: 1, path: '', message: `rename ${FILE}`, severity: 'error' }],
    });
    c.write(c.key('okr', 'other'), FILE, {
      issues: [{ file: 'teams.yaml', line: 1, column: 1, path: '', message: 'elsewhere', severity: 'error' }],
    });
    expect(entries(c), 'issues that name a file other than their own').toHaveLength(0);
  });

  it('skips writing to a folder it may not write to', () => {
    const dir = fresh();
    chmodSync(dir, 0o500);
    try {
      const c = open(join(dir, 'cache'));
      expect(parseCached(FILE, okr(10), 'okr', c).parsed.data).toBeDefined();
      expect(readdirSync(dir)).toEqual(process.getuid?.() === 0 ? ['cache'] : []);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('removes entries unused for a week and abandoned temporary files, and refreshes an entry it uses', () => {
    const c = open();
    parseCached(FILE, okr(10), 'okr', c);
    parseCached(FILE, okr(11), 'okr', c);
    const [a, b] = entries(c).map((n) => join(c.dir, n));
    const old = (Date.now() - UNUSED_MS - 60_000) / 1000;
    utimesSync(a!, old, old);
    utimesSync(b!, old, old);
    const tmp = join(c.dir, `.${'0'.repeat(64)}.json.1-0-1.tmp`);
    writeFileSync(tmp, '{');
    utimesSync(tmp, old, old);
    writeFileSync(join(c.dir, 'README'), 'kept');
    // okr(11) is used again: its entry is a week old no more.
    const usedAt = Math.floor(Date.now() / 1000) * 1000;
    parseCached(FILE, okr(11), 'okr', c);
    c.prune();
    expect(readdirSync(c.dir).sort()).toEqual(['README', `${c.key('okr', okr(11))}.json`].sort());
    expect(statSync(join(c.dir, `${c.key('okr', okr(11))}.json`)).mtimeMs).toBeGreaterThanOrEqual(usedAt);
  });

  it('lives in node_modules/.cache/okr-parse, or where OKR_PARSE_CACHE_DIR says; off turns it off', () => {
    expect(parseCacheDir('/p', {})).toBe('/p/node_modules/.cache/okr-parse');
    expect(parseCacheDir('/p', { OKR_PARSE_CACHE_DIR: 'c' })).toBe('/p/c');
    expect(parseCacheDir('/p', { OKR_PARSE_CACHE_DIR: 'off' })).toBeUndefined();
  });

  it('gives a worker thread and the loader the same results, filling it and reading from it', async () => {
    const dir = fresh();
    const jobs: ParseJob[] = Array.from({ length: 240 }, (_, i) => {
      const abs = join(dir, `team-${i}.yaml`);
      writeFileSync(abs, i % 11 === 0 ? 'period: [\n' : okr(i % 7 === 0 ? 'ten' : i));
      return { abs, file: `okrs/2025-Q1/team-${i}.yaml`, kind: 'okr' };
    });
    const c = open();
    const one = new Map(jobs.map((j) => [j.abs, plain(readJob(j))]));
    for (const pass of ['filling', 'reading']) {
      // Started ahead and loaded, so that it takes some of the files.
      await parseWorkerReady(prestartParseWorker());
      const { files, byWorker } = parseInParallel(jobs, c);
      expect(byWorker, pass).toBeGreaterThan(0);
      for (const j of jobs) expect(plain(files.get(j.abs)), `${pass} ${j.file}`).toEqual(one.get(j.abs));
    }
    // Equal texts share an entry.
    expect(entries(c).length).toBe(new Set(jobs.map((j) => readFileSync(j.abs, 'utf8'))).size);
  });
});
