// The bad-input corpus (test/fixtures/bad-input/README.md): every case breaks a copy of a small valid
// handbook, and `okr check`, run as users run it, must name the file (and the line, where the case
// gives one) with a clear message, exit 1 (0 when only warnings are expected), print no stack trace,
// and finish — a case that hangs is killed and fails.
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { edit, ROOT } from '../helpers.ts';

const CORPUS = join(ROOT, 'test/fixtures/bad-input');
/** Generous: the 10 MB case takes a few seconds on a busy 2-core machine. A hang is killed at this limit. */
const TIMEOUT_MS = 90_000;

/** Large inputs are written at run time rather than committed. */
const GENERATORS = {
  /** 10 MB of pasted prose in a description, and a misspelt field after it (line 100 009). */
  'ten-megabytes': (dir: string) => {
    const line = `  ${'Quarterly revenue commentary pasted from the board deck, kept for reference.'.padEnd(98, '.')}\n`;
    writeFileSync(
      join(dir, 'kpis/finance.yaml'),
      'id: finance\nname: Finance KPIs\ndescription: |\n' +
        line.repeat(100_000) +
        'kpis:\n  - id: revenue\n    name: Revenue\n    metric: Annual recurring revenue\n    target: Grow 50% a year\n' +
        '    ownr: ceo\n',
    );
  },
  /** Lists nested 100 000 deep. */
  'deep-nesting': (dir: string) => appendFileSync(join(dir, 'kpis/finance.yaml'), `extra: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`),
  /** "Billion laughs": ten levels of ten aliases each, 10^10 strings if expanded. */
  'alias-bomb': (dir: string) => {
    const levels = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    appendFileSync(join(dir, 'kpis/finance.yaml'), `${levels.join('\n')}\n`);
  },
};

const Case = z.strictObject({
  about: z.string(),
  edit: z.array(z.strictObject({ file: z.string(), find: z.string(), replace: z.string() })).optional(),
  delete: z.array(z.string()).optional(),
  generate: z.enum(Object.keys(GENERATORS) as [keyof typeof GENERATORS]).optional(),
  expect: z.strictObject({
    exit: z.union([z.literal(0), z.literal(1)]).default(1),
    file: z.string().optional(),
    line: z.number().int().positive().optional(),
    severity: z.enum(['error', 'warning']).default('error'),
    message: z.string().optional(),
    /** How many errors in all, when it matters (e.g. one mistake must not be reported twice). */
    errors: z.number().int().nonnegative().optional(),
  }),
});
type Case = z.infer<typeof Case> & { name: string };

const cases: Case[] = readdirSync(join(CORPUS, 'cases'))
  .sort()
  .map((name) => ({ name, ...Case.parse(parse(readFileSync(join(CORPUS, 'cases', name, 'case.yaml'), 'utf8'))) }));

/** A copy of the base handbook with the case applied: its files copied over, edits, deletions, generated input. */
function prepare(c: Case, root: string): string {
  const dir = join(root, c.name);
  cpSync(join(CORPUS, 'base'), dir, { recursive: true });
  const files = join(CORPUS, 'cases', c.name, 'content');
  if (existsSync(files)) cpSync(files, dir, { recursive: true });
  for (const e of c.edit ?? []) edit(join(dir, e.file), e.find, e.replace);
  for (const f of c.delete ?? []) rmSync(join(dir, f));
  if (c.generate) GENERATORS[c.generate](dir);
  return dir;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function check(dir: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/okr.ts'), 'check', '--content', dir, '--format', 'json'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      timeout: TIMEOUT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

interface Issue {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: string;
}

const root = mkdtempSync(join(tmpdir(), 'okr-bad-input-'));
const runs = new Map<string, Run>();
beforeAll(async () => {
  const results = await pool(cases, Math.max(2, availableParallelism()), (c) => check(prepare(c, root)));
  cases.forEach((c, i) => runs.set(c.name, results[i]!));
}, 10 * TIMEOUT_MS);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the bad-input corpus', () => {
  it('has at least 30 cases, covering every kind of mistake', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(cases.map((c) => c.name.split('-')[0]));
    for (const kind of ['yaml', 'tab', 'wrong', 'unknown', 'dangling', 'cycle', 'duplicate', 'date', 'encoding', 'empty', 'large'])
      expect(kinds).toContain(kind);
    for (const g of Object.keys(GENERATORS)) expect(cases.map((c) => c.generate)).toContain(g);
  });

  it.for(cases)('$name: $about', ({ name, expect: want }, { task }) => {
    const r = runs.get(name)!;
    task.meta.badInput = true;
    expect(r.signal, `okr check was killed after ${TIMEOUT_MS / 1000} s: it hangs`).toBeNull();
    expect(r.stderr, 'nothing on stderr (a crash prints its stack there)').toBe('');
    expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    const issues = JSON.parse(r.stdout) as Issue[];
    for (const i of issues) {
      expect(i.file).toContain(`/${name}/`);
      expect(i.message.length).toBeGreaterThan(5);
    }
    const listing = issues.map((i) => `${i.file}:${i.line} ${i.severity} ${i.message}`).join('\n');
    expect(r.code, listing).toBe(want.exit);
    if (!want.file) {
      expect(issues, 'no problems expected').toEqual([]);
      return;
    }
    const hit = issues.find(
      (i) =>
        i.file.endsWith(`/${name}/${want.file}`) &&
        i.severity === want.severity &&
        (want.line === undefined || i.line === want.line) &&
        new RegExp(want.message ?? '.').test(i.message),
    );
    expect(
      hit,
      `no ${want.severity} in ${want.file}${want.line ? `:${want.line}` : ''} matching /${want.message}/; got:\n${listing}`,
    ).toBeDefined();
    if (want.errors !== undefined) expect(issues.filter((i) => i.severity === 'error').length, listing).toBe(want.errors);
  });
});
