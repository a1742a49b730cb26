// The hostile corpus (test/hostile-corpus.ts): each attack is refused where its guard stands.
// `okr check --audience public`, run as a contributor would, reports it with file, line and hint —
// never a crash, a hang or a stack trace; an MDX attack is also refused by the build's own renderer
// on its own parse, and the public build of all of them together stops before anything is built,
// runs none of their code and contacts no one. Leaks into the public projection are looked for in
// everything the public handbook holds. CSV cells and "did you mean" hints have their own cases.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/lib/export.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { Hinter, MAX_COMPARISONS } from '../../src/lib/hints.ts';
import { proseFormat } from '../../src/lib/prose/parse.ts';
import { ProseRefused, renderProse } from '../../src/lib/prose/render.ts';
import { TIMEOUT_MS } from '../bad-input-corpus.ts';
import { checkAll, checkJson, type CheckIssue as Issue, type CheckRun as Run } from '../check-runs.ts';
import { CSV_PAYLOADS, HOSTILE, prepareHostile, PWNED, type HostileCase } from '../hostile-corpus.ts';
import { buildSite, ROOT } from '../helpers.ts';

/**
 * Everything a computed handbook holds, as text (maps and sets included) — but the records' origins:
 * the source text and positions that problems are reported at, which no page or export shows.
 */
const everything = (value: unknown) =>
  JSON.stringify(value, (k, v: unknown) =>
    k === 'origin' || k === 'orgOrigin' || k === 'src' ? undefined : v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v] : v,
  );

const root = mkdtempSync(join(tmpdir(), 'okr-hostile-'));
const dirs = new Map<string, string>();
const runs = new Map<string, Run>();
const checked = HOSTILE.filter((c) => !('leak' in c.expect));
/** Every attempt of the checks to reach the network (test/network-watch.ts). */
const checkNetwork = join(root, 'check-network.log');
beforeAll(async () => {
  for (const c of HOSTILE) dirs.set(c.name, prepareHostile(c, root));
  const watch = {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${join(ROOT, 'test/network-watch.ts')}`,
    OKR_NETWORK_LOG: checkNetwork,
  };
  const results = await checkAll(
    checked.map((c) => dirs.get(c.name)!),
    (dir) => checkJson(dir, TIMEOUT_MS, ['--audience', 'public'], watch),
  );
  checked.forEach((c, i) => runs.set(c.name, results[i]!));
}, 10 * TIMEOUT_MS);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the hostile corpus', () => {
  it('has a case of every class of attack', () => {
    const kinds = new Map<string, number>();
    for (const c of HOSTILE) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({
      mdx: expect.any(Number),
      keys: expect.any(Number),
      projection: expect.any(Number),
      bounded: expect.any(Number),
      links: expect.any(Number),
      control: expect.any(Number),
    });
    expect(kinds.get('mdx')).toBeGreaterThanOrEqual(20);
  });

  it.for(HOSTILE)('$kind: $about ($name)', (c: HostileCase, { task }) => {
    task.meta.hostile = true;
    const dir = dirs.get(c.name)!;
    if ('leak' in c.expect) {
      // The canary is in the content (the internal handbook has it); the public one must not.
      const leak = c.expect.leak;
      expect(everything(computeHandbook(dir, { audience: 'internal' }).handbook)).toContain(leak);
      const pub = computeHandbook(dir, { audience: 'public' });
      expect(pub.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(pub.handbook!.objectives.length, 'the public handbook is not empty').toBeGreaterThan(0);
      expect(everything(pub.handbook)).not.toContain(leak);
      return;
    }
    const want = c.expect;
    const r = runs.get(c.name)!;
    expect(r.signal, `okr check was killed after ${TIMEOUT_MS / 1000} s: it hangs`).toBeNull();
    expect(r.stderr, 'nothing on stderr (a crash prints its stack there)').toBe('');
    const issues = JSON.parse(r.stdout) as Issue[];
    const listing = issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.severity} ${i.message}`).join('\n');
    expect(r.code, listing).toBe(1);
    const hit = issues.find(
      (i) =>
        i.file.endsWith(`/${c.name}/${want.file}`) &&
        i.severity === 'error' &&
        (want.line === undefined || i.line === want.line) &&
        want.message.test(i.message),
    );
    expect(hit, `no error in ${want.file}${want.line ? `:${want.line}` : ''} matching ${want.message}; got:\n${listing}`).toBeDefined();
    expect(hit!.hint?.length, 'a hint says how to fix it').toBeGreaterThan(10);
    if (c.page) {
      // The build's own defence: its renderer refuses the page on its own parse, check or no check.
      const text = readFileSync(join(dir, c.page), 'utf8');
      expect(() => renderProse(c.page!, text, proseFormat(c.page!))).toThrow(ProseRefused);
    }
    expect(existsSync(join(dir, PWNED)), 'no code of the page ran').toBe(false);
  });

  it('okr check contacted no one, whatever the content', () => {
    expect(existsSync(checkNetwork) ? readFileSync(checkNetwork, 'utf8') : '').toBe('');
  });

  it.for(CSV_PAYLOADS)('csv: %j reaches a spreadsheet as text', ([payload, cell], { task }) => {
    task.meta.hostile = true;
    expect(csvCell(payload)).toBe(cell);
  });

  it('csv: plain numbers and ordinary text are left as they are', () => {
    for (const v of ['-1.5', '+3', '-0.25e2', '12', 'Grow revenue', "'quoted"]) expect(csvCell(v)).toBe(v);
    expect(csvCell('a, b')).toBe('"a, b"');
  });

  it('hints: thousands of broken references against thousands of ids cost a bounded number of comparisons', ({ task }) => {
    task.meta.hostile = true;
    // Every person renamed: 3,000 distinct broken ids, 3,000 ids that exist, all of similar length.
    const ids = Array.from({ length: 3000 }, (_, i) => `person-${String(i).padStart(4, '0')}`);
    const h = new Hinter(ids);
    for (const id of ids) h.closest(`${id}-x`);
    expect(h.comparisons).toBeLessThanOrEqual(MAX_COMPARISONS);
    // A word asked again costs nothing; a real misspelling still finds its id.
    const before = h.comparisons;
    expect(h.closest('person-0001-x')).toBe(h.closest('person-0001-x'));
    expect(h.comparisons).toBe(before);
    expect(new Hinter(ids).closest('persn-0042')).toBe('person-0042');
  });
});

describe('OKR_AUDIENCE=public npm run build with every MDX attack and every link at once', () => {
  let build: ReturnType<typeof buildSite>;
  let dir: string;
  const networkLog = join(root, 'network.log');
  // The MDX attacks, and the links (the build reads content through the same walk as the check).
  const attacks = HOSTILE.filter((c) => c.page !== undefined || c.kind === 'links');
  beforeAll(() => {
    dir = join(root, 'all-mdx');
    prepareHostile({ ...attacks[0]!, name: 'all-mdx', prepare: (d) => attacks.forEach((c) => c.prepare(d)) }, root);
    build = buildSite(dir, {
      prefix: 'okr-hostile-build-',
      env: {
        OKR_AUDIENCE: 'public',
        // The project's own setting is what keeps telemetry off, not the test's environment.
        ASTRO_TELEMETRY_DISABLED: '',
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${join(ROOT, 'test/network-watch.ts')}`,
        OKR_NETWORK_LOG: networkLog,
      },
    });
  }, 10 * TIMEOUT_MS);

  it('stops before anything is built, naming every attack where it is', () => {
    expect(build.status, build.log.slice(-2000)).not.toBe(0);
    expect(existsSync(join(build.out, 'index.html'))).toBe(false);
    for (const c of attacks) {
      const want = c.expect as { file: string; message: RegExp };
      expect(build.log, c.name).toContain(`all-mdx/${want.file}`);
      expect(build.log, c.name).toMatch(want.message);
    }
  });

  it('ran none of their code and contacted no one', () => {
    expect(existsSync(join(dir, PWNED))).toBe(false);
    expect(existsSync(networkLog) ? readFileSync(networkLog, 'utf8') : '').toBe('');
  });
});
