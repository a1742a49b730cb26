// The bad-input corpus (test/fixtures/bad-input/README.md): every case breaks a copy of a small valid
// handbook, and `okr check`, run as users run it, must name the file (and the line, where the case
// gives one) with a clear message, exit 1 (0 when only warnings are expected), print no stack trace,
// and finish — a case that hangs is killed and fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, GENERATORS, prepare, TIMEOUT_MS } from '../bad-input-corpus.ts';
import { checkAll, checkJson, type CheckIssue as Issue, type CheckRun as Run } from '../check-runs.ts';

const root = mkdtempSync(join(tmpdir(), 'okr-bad-input-'));
const runs = new Map<string, Run>();
beforeAll(async () => {
  const results = await checkAll(
    cases.map((c) => prepare(c, root)),
    // The base handbook's quarter is 2030-Q1: checked as of its middle, whatever the day of the run
    // (a check-in after today is a warning, which would make a clean case fail).
    (dir) => checkJson(dir, TIMEOUT_MS, [], { SOURCE_DATE_EPOCH: String(Date.UTC(2030, 1, 15) / 1000) }),
  );
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
    if (want.hint !== undefined) expect(hit!.hint, listing).toMatch(new RegExp(want.hint));
    if (want.errors !== undefined) expect(issues.filter((i) => i.severity === 'error').length, listing).toBe(want.errors);
  });
});
