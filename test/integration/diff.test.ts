// `okr diff` and `okr check --base` on a temporary git repository holding the small fixture handbook
// (test/fixtures/diff): one commit before the lock date, then changes after it.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Change, HandbookDiff } from '../../src/lib/diff.ts';
import { edit, runOkr } from '../helpers.ts';
import { DIFF_FIXTURE, tempRepo } from '../git-helpers.ts';

const epoch = (date: string) => String(Date.parse(`${date}T12:00:00Z`) / 1000);

// Commit 1 (2025-01-10, before the 2025-01-15 lock): the fixture, and a decision receipt approving
// its Q1 OKRs as they are (printed by `okr receipt`).
const repo = tempRepo('2025-01-10T12:00:00Z', {
  prepare: (content) => {
    const r = runOkr(['receipt', '2025-Q1', '--scope', 'okrs', '--content', content], { SOURCE_DATE_EPOCH: epoch('2025-01-10') });
    expect(r.code, r.stderr).toBe(0);
    mkdirSync(join(content, 'receipts'));
    writeFileSync(join(content, 'receipts/2025-q1-okrs.yaml'), r.stdout);
  },
});
const company = join(repo.content, 'okrs/2025-Q1/company.yaml');
const engineering = join(repo.content, 'okrs/2025-Q1/engineering.yaml');

// Commit 2 (2025-02-10, after the lock).
const legacy = readFileSync(company, 'utf8').match(/ {2}- id: 2025-q1-company-legacy[\s\S]*$/)![0];
edit(company, legacy, '');
edit(
  company,
  'objectives:\n',
  `objectives:
  - id: 2025-q1-company-expansion
    title: Open the Berlin office
    owner: ceo
    keyResults:
      - { id: kr1, title: Office open, kind: milestone }
`,
);
edit(company, 'title: Hire the team', 'title: Build the team');
edit(company, 'target: 20\n', 'target: 25\n'); // revenue kr1: no revision
edit(company, 'current: 4', 'current: 6'); // revenue kr2: progress, grade 0.4 → 0.6
edit(company, 'title: Grow revenue\n    owner: ceo', 'title: Grow revenue\n    owner: cfo');
edit(
  engineering,
  'target: 200\n',
  `target: 250
        revisions:
          - { field: target, from: 200, to: 250, reason: Vendor SLA changed, approvedBy: ceo, date: 2025-02-09 }
`,
);
const second = repo.commit('Q1 changes after lock', '2025-02-10T12:00:00Z');

const diffJson = (args: string[], env: Record<string, string> = {}) => {
  const r = runOkr(['diff', ...args, '--content', repo.content, '--format', 'json'], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as HandbookDiff;
};
const find = (d: HandbookDiff, where: Partial<Change>) =>
  d.changes.filter((c) => Object.entries(where).every(([k, v]) => c[k as keyof Change] === v));

describe('okr diff BASE HEAD between two commits', () => {
  const d = diffJson(['HEAD~1', 'HEAD']);

  it('names both sides and dates the change by the HEAD commit', () => {
    expect(d.head.commit).toBe(second);
    expect(d.base.label).toBe('HEAD~1');
    expect(d.changeDate).toBe('2025-02-10');
  });

  it('lists added, removed and renamed objectives, matched by stable id', () => {
    expect(find(d, { type: 'added', entity: 'objective' }).map((c) => c.id)).toEqual(['2025-q1-company-expansion']);
    expect(find(d, { type: 'removed', entity: 'objective' }).map((c) => c.id)).toEqual(['2025-q1-company-legacy']);
    expect(find(d, { type: 'removed', entity: 'kr' }).map((c) => c.id)).toEqual(['2025-q1-company-legacy.kr1']);
    const [renamed] = find(d, { type: 'renamed' });
    expect(renamed).toMatchObject({ id: '2025-q1-company-hiring', from: 'Hire the team', to: 'Build the team', afterLock: true });
    expect(d.summary).toMatchObject({ added: 1, removed: 1, renamed: 1 });
  });

  it('flags a target changed after lock without a revision as an error, located in the file', () => {
    const [c] = find(d, { id: '2025-q1-company-revenue.kr1', field: 'target' });
    expect(c).toMatchObject({ from: 20, to: 25, afterLock: true, revised: false, severity: 'error' });
    expect(c!.file).toMatch(/content\/okrs\/2025-Q1\/company\.yaml$/);
    const line = readFileSync(company, 'utf8').split('\n').indexOf('        target: 25') + 1;
    expect(c!.line).toBe(line);
    expect(d.summary.unrevised).toBe(1);
  });

  it('accepts a target changed after lock when a revision records it', () => {
    const [c] = find(d, { id: '2025-q1-engineering-reliability.kr2', field: 'target' });
    expect(c).toMatchObject({ from: 200, to: 250, afterLock: true, revised: true, severity: 'warning' });
  });

  it('reports owner changes and grade changes old → new', () => {
    expect(find(d, { id: '2025-q1-company-revenue', field: 'owner' })[0]).toMatchObject({ from: 'ceo', to: 'cfo', afterLock: true });
    const grade = (id: string) => find(d, { type: 'grade', id })[0];
    expect(grade('2025-q1-company-revenue.kr2')).toMatchObject({ from: 0.4, to: 0.6 });
    expect(grade('2025-q1-company-revenue.kr1')).toMatchObject({ from: 0.5, to: 0.3333 });
    expect(grade('2025-q1-engineering-reliability.kr2')).toMatchObject({ from: 0.5, to: 0.6667 });
    // Progress is not a plan change: a new current value is never "changed after lock".
    expect(find(d, { id: '2025-q1-company-revenue.kr2', field: 'current' })[0]).toMatchObject({ from: 4, to: 6 });
    expect(find(d, { id: '2025-q1-company-revenue.kr2', field: 'current' })[0]!.afterLock).toBeUndefined();
  });

  it('reports the changed Merkle root and the decision receipt that becomes stale, naming what changed', () => {
    const receipt = readFileSync(join(repo.content, 'receipts/2025-q1-okrs.yaml'), 'utf8');
    const approved = (parse(receipt) as { root: string }).root;
    expect(approved).toMatch(/^[0-9a-f]{64}$/);
    const [root] = d.roots.filter((r) => r.scope === 'okrs' && r.period === '2025-Q1');
    expect(root).toMatchObject({ base: approved });
    expect(root!.head).toMatch(/^[0-9a-f]{64}$/);
    expect(root!.head).not.toBe(approved);
    expect(d.staleReceipts).toHaveLength(1);
    expect(d.staleReceipts[0]).toMatchObject({
      id: '2025-q1-okrs',
      period: '2025-Q1',
      scope: 'okrs',
      root: approved,
      currentRoot: root!.head,
    });
    expect(d.staleReceipts[0]!.changed).toEqual(
      expect.arrayContaining([
        'keyResult/2025-q1-company-revenue.kr1',
        'objective/2025-q1-company-expansion',
        'objective/2025-q1-company-legacy',
      ]),
    );
  });

  it('prints a Markdown summary for the pull request', () => {
    const r = runOkr(['diff', 'HEAD~1', 'HEAD', '--content', repo.content]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## OKR changes: `HEAD~1` → `HEAD`/);
    expect(r.stdout).toContain('[!CAUTION]');
    expect(r.stdout).toMatch(/❌ `2025-q1-company-revenue\.kr1` \(.*company\.yaml:\d+\): target 20 → 25/);
    expect(r.stdout).toMatch(/\| ✏️ renamed \| Build the team<br>`2025-q1-company-hiring` \| renamed “Hire the team” → “Build the team”/);
    expect(r.stdout).toContain('target 200 → 250 · 🔒 changed after lock, revision recorded');
    expect(r.stdout).toContain('| 📈 grade |');
    expect(r.stdout).toContain('### 2025-Q1');
    expect(r.stdout).toMatch(/\[!WARNING\]\n> \*\*1 decision receipt becomes stale\*\*/);
    expect(r.stdout).toMatch(/\| 2025-Q1 \| okrs \| `[0-9a-f]{12}` \| `[0-9a-f]{12}` \|/);
  });
});

describe('okr check --base', () => {
  it('fails on the unrevised target change with file, line and a hint showing the revision to add', () => {
    const r = runOkr(['check', '--content', repo.content, '--base', 'HEAD~1', '--format', 'json'], {
      SOURCE_DATE_EPOCH: epoch('2025-02-10'),
    });
    expect(r.code).toBe(1);
    const errors = (JSON.parse(r.stdout) as { file: string; line: number; message: string; hint: string; severity: string }[]).filter(
      (i) => i.severity === 'error',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('target changed from 20 to 25 after 2025-Q1 was locked on 2025-01-15, and no revision records it');
    expect(errors[0]!.hint).toContain('revisions: [{ field: target, from: 20, to: 25');
    expect(errors[0]!.file).toMatch(/okrs\/2025-Q1\/company\.yaml$/);
    const r2 = runOkr(['check', '--content', repo.content, '--base', 'HEAD~1', '--format', 'github'], {
      SOURCE_DATE_EPOCH: epoch('2025-02-10'),
    });
    expect(r2.stdout).toMatch(/^::error file=.*company\.yaml,line=\d+,col=\d+,title=okr check::target changed from 20 to 25/m);
  });

  it('answers the same from the parse cache (--cache), reading both sides from it on the next run', () => {
    const cache = mkdtempSync(join(tmpdir(), 'okr-parse-cache-'));
    const env = { SOURCE_DATE_EPOCH: epoch('2025-02-10'), OKR_PARSE_CACHE_DIR: cache };
    const args = ['check', '--content', repo.content, '--base', 'HEAD~1', '--format', 'json'];
    const uncached = runOkr(args, env);
    expect(readdirSync(cache), 'nothing is cached without --cache').toEqual([]);
    const cold = runOkr([...args, '--cache'], env);
    // Each entry's inode: a file written again (renamed into place) would have a new one.
    const inodes = () => readdirSync(cache).map((f) => `${f} ${statSync(join(cache, f)).ino}`);
    const filled = inodes();
    const entries = filled.length;
    const warm = runOkr([...args, '--cache'], env);
    expect([cold.code, warm.code]).toEqual([1, 1]);
    expect([cold.stdout, warm.stdout]).toEqual([uncached.stdout, uncached.stdout]);
    // Both sides' files: HEAD's, and HEAD~1's versions of the two it changed.
    const yaml = readdirSync(repo.content, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
    expect(entries).toBe(yaml.length + 2);
    expect(inodes(), 'the second run read every file from the cache and wrote none').toEqual(filled);
    const diff = ['diff', 'HEAD~1', 'HEAD', '--content', repo.content, '--format', 'json'];
    expect(runOkr([...diff, '--cache'], env).stdout).toBe(runOkr(diff, env).stdout);
    expect(inodes()).toEqual(filled);
  });

  it('passes once the key result records the revision, and plain check validates the revision itself', () => {
    edit(
      company,
      'target: 25\n',
      `target: 25
        revisions:
          - { field: target, from: 20, to: 25, reason: Board raised the bar, approvedBy: cfo, date: 2025-02-11 }
`,
    );
    repo.commit('Record the revision', '2025-02-11T12:00:00Z');
    const env = { SOURCE_DATE_EPOCH: epoch('2025-02-11') };
    expect(runOkr(['check', '--content', repo.content, '--base', 'HEAD~2'], env).code).toBe(0);
    const d = diffJson(['HEAD~2', 'HEAD']);
    expect(find(d, { id: '2025-q1-company-revenue.kr1', field: 'target' })[0]).toMatchObject({ revised: true, severity: 'warning' });
    expect(d.summary.unrevised).toBe(0);

    // A revision that does not end at the current value, dated before the lock, by nobody.
    edit(company, 'to: 25, reason: Board', 'to: 26, reason: Board');
    edit(company, 'approvedBy: cfo, date: 2025-02-11', 'approvedBy: cfoo, date: 2025-01-14');
    const r = runOkr(['check', '--content', repo.content, '--format', 'json']);
    expect(r.code).toBe(1);
    const messages = (JSON.parse(r.stdout) as { message: string; path: string }[]).map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "objectives[1].keyResults[0].revisions[0].to: the last revision of target says it is now 26, but the key result's target is 25",
        'objectives[1].keyResults[0].revisions[0].date: revision dated 2025-01-14, but 2025-Q1 locks on 2025-01-15: changes before the lock need no revision',
        "objectives[1].keyResults[0].revisions[0].approvedBy: person 'cfoo' not found",
      ]),
    );
    repo.git('checkout', '--', '.');
  });
});

describe('okr diff between two content directories', () => {
  const dirs = () => {
    const root = mkdtempSync(join(tmpdir(), 'okr-dirs-'));
    const [a, b] = [join(root, 'a'), join(root, 'b')];
    cpSync(DIFF_FIXTURE, a, { recursive: true });
    cpSync(DIFF_FIXTURE, b, { recursive: true });
    edit(join(b, 'okrs/2025-Q1/company.yaml'), 'target: 20\n', 'target: 30\n');
    return [a, b] as const;
  };
  const [a, b] = dirs();
  const targetChange = (date: string) => {
    const r = runOkr(['diff', a, b, '--format', 'json'], { SOURCE_DATE_EPOCH: epoch(date) });
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout) as HandbookDiff).changes.find((c) => c.field === 'target')!;
  };
  it('uses the build date: a change before the lock date is not flagged', () => {
    expect(targetChange('2025-01-12')).toMatchObject({ from: 20, to: 30 });
    expect(targetChange('2025-01-12').afterLock).toBeUndefined();
  });
  it('and after it, flags it as an error', () => {
    expect(targetChange('2025-02-01')).toMatchObject({ afterLock: true, severity: 'error' });
  });
  it('puts a change of the pinned signing keys first, for reviewers to compare the fingerprint', () => {
    const fingerprint = 'ab'.repeat(32);
    writeFileSync(
      join(b, 'org.yaml'),
      `${readFileSync(join(b, 'org.yaml'), 'utf8')}trust:\n  keys:\n    - id: ci-2031\n      fingerprint: ${fingerprint}\n`,
    );
    const json = JSON.parse(runOkr(['diff', a, b, '--format', 'json']).stdout) as HandbookDiff;
    expect(json.signingKeys).toEqual({ added: [{ id: 'ci-2031', fingerprint }], removed: [] });
    const md = runOkr(['diff', a, b]).stdout;
    expect(md).toMatch(/> \*\*Snapshot signing keys change\*\* \(org\.yaml `trust\.keys`\): compare each added fingerprint/);
    expect(md).toContain(`> - ➕ \`ci-2031\` \`${fingerprint}\``);
    expect(md.indexOf('signing keys')).toBeLessThan(md.indexOf('### 2025-Q1'));
  });
  it('escapes hostile titles in the Markdown', () => {
    edit(join(b, 'okrs/2025-Q1/company.yaml'), 'title: Hire the team', 'title: "\\"><img src=x onerror=alert(1)> | @team"');
    const r = runOkr(['diff', a, b]);
    expect(r.stdout).not.toContain('<img');
    expect(r.stdout).toContain('&lt;img src=x onerror=alert(1)&gt; \\| @\u200bteam');
  });
  it('says so when nothing changed, and exits 1 when a side has content errors', () => {
    expect(runOkr(['diff', a, a]).stdout).toContain('No changes to periods, objectives or key results.');
    writeFileSync(join(b, 'teams.yaml'), 'teams: [');
    const r = runOkr(['diff', a, b]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/b has \d+ content errors; fix them first/);
    expect(r.stderr).toMatch(/teams\.yaml:1:\d+ error YAML syntax error/);
  });
  it('rejects a ref that names nothing, without a stack trace', () => {
    const r = runOkr(['diff', 'no-such-ref', '--content', repo.content]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'no-such-ref' is neither a directory nor a git commit/);
    expect(r.stderr).not.toMatch(/\bat \w+ \(/);
  });
});
