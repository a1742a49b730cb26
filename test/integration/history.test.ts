// Change history from git: per objective and key result in `okr export` and on the objective page;
// a copy without .git (a tarball) still builds and says history is unavailable. Also the page's
// original-vs-revised target after a revision.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generate } from '../../scripts/bench/generate.ts';
import type { FileHistoryPart, HistoryEntry } from '../../src/lib/history.ts';
import { historyOf } from '../../src/lib/load/git-history.ts';
import { historyFromThread, startHistoryThread } from '../../src/lib/load/history-thread.ts';
import { buildSite, edit, runOkr } from '../helpers.ts';
import { tempRepo } from '../git-helpers.ts';

const repo = tempRepo('2025-01-10T12:00:00Z');
const company = join(repo.content, 'okrs/2025-Q1/company.yaml');
const first = repo.git('rev-parse', 'HEAD');
edit(
  company,
  'target: 20\n',
  `target: 25
        revisions:
          - { field: target, from: 20, to: 25, reason: Board raised the bar, approvedBy: cfo, date: 2025-02-09 }
`,
);
edit(company, '{ date: 2025-02-01, value: 15 }', '{ date: 2025-02-01, value: 15 }\n          - { date: 2025-02-08, value: 17 }');
const second = repo.commit('Raise the ARR target', '2025-02-10T09:30:00Z', 'Bo Money');

type ExportedObjective = { id: string; history: HistoryEntry[] | null; carriedFrom: string | null };
const exportOf = (content: string) => {
  const r = runOkr(['export', '--content', content]);
  expect(r.code).toBe(0);
  return { text: r.stdout, objectives: JSON.parse(r.stdout).objectives as ExportedObjective[] };
};

function build(content: string) {
  const { out, ...r } = buildSite(content, { prefix: 'okr-history-dist-' });
  expect(r.status, r.stderr).toBe(0);
  return (id: string) => readFileSync(join(out, 'objectives', id, 'index.html'), 'utf8');
}
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/&gt;/g, '>');

describe('history read on a worker thread (as the build and okr export do)', () => {
  it('is what reading it on this thread gives, and is taken once', () => {
    startHistoryThread(repo.content);
    const fromThread = historyFromThread(repo.content);
    expect(fromThread?.available).toBe(true);
    expect(fromThread).toEqual(historyOf(repo.content));
    expect(fromThread!.byObjective.get('2025-q1-company-revenue')).toHaveLength(2);
    expect(historyFromThread(repo.content)).toBeUndefined();
  });

  it('is the same when two workers share the files, chunk by chunk', () => {
    // 36 teams × 2 quarters: more files than one chunk (64), so both workers take some.
    const dir = mkdtempSync(join(tmpdir(), 'okr-history-chunks-'));
    generate(dir, { teams: 36, periods: 2, objectives: 1, krs: 1, checkins: 2 });
    startHistoryThread(dir, 2);
    const fromThreads = historyFromThread(dir)!;
    const inline = historyOf(dir);
    expect(inline.byObjective.size).toBeGreaterThan(64);
    expect(fromThreads).toEqual(inline);
    // In file order too, whichever worker finished first.
    expect([...fromThreads.byObjective.keys()]).toEqual([...inline.byObjective.keys()]);
  });
});

describe("history cache (each file's part, on disk)", () => {
  const cached = tempRepo('2025-01-10T12:00:00Z');
  const sales = join(cached.content, 'okrs/2025-Q1/company.yaml');
  edit(sales, 'target: 20\n', 'target: 22\n');
  cached.commit('Raise the target a little', '2025-01-20T12:00:00Z');
  const okrFiles = () =>
    cached
      .git('ls-files', '--', 'content/okrs')
      .split('\n')
      .filter((f) => /\.ya?ml$/.test(f));
  const cacheDir = join(mkdtempSync(join(tmpdir(), 'okr-history-cache-')), 'history');
  const entries = () => readdirSync(cacheDir).sort();

  it('gives the history read without it, and holds one entry per file', () => {
    const uncached = historyOf(cached.content);
    expect(uncached.byObjective.get('2025-q1-company-revenue')).toHaveLength(2);
    expect(historyOf(cached.content, { cacheDir })).toEqual(uncached);
    expect(entries()).toHaveLength(okrFiles().length);
    expect(historyOf(cached.content, { cacheDir })).toEqual(uncached);
    // The same on worker threads, as the build and okr export read it.
    startHistoryThread(cached.content, 2, cacheDir);
    expect(historyFromThread(cached.content)).toEqual(uncached);
  });

  it("is what a later read takes: a file's part comes from its entry, not from git", () => {
    const before = new Set(entries());
    const key = [...before].find((name) => {
      const part = JSON.parse(gunzipSync(readFileSync(join(cacheDir, name))).toString('utf8')) as FileHistoryPart;
      return part.byObjective.some(([id]) => id === '2025-q1-company-revenue');
    })!;
    const part = JSON.parse(gunzipSync(readFileSync(join(cacheDir, key))).toString('utf8')) as FileHistoryPart;
    const entry = part.byObjective.find(([id]) => id === '2025-q1-company-revenue')![1][0]!;
    entry.subject = 'read from the cache';
    writeFileSync(join(cacheDir, key), gzipSync(JSON.stringify(part)));
    expect(historyOf(cached.content, { cacheDir }).byObjective.get('2025-q1-company-revenue')![0]!.subject).toBe('read from the cache');
    // An entry that cannot be read is read again from git, and written anew.
    writeFileSync(join(cacheDir, key), 'not an entry');
    expect(historyOf(cached.content, { cacheDir })).toEqual(historyOf(cached.content));
    expect(entries()).toEqual([...before]);
  });

  it('reads again only the files a new commit touched, and drops what their old versions left', () => {
    const before = new Set(entries());
    edit(sales, 'target: 22\n', 'target: 24\n');
    const third = cached.commit('Raise it again', '2025-01-30T12:00:00Z');
    const uncached = historyOf(cached.content);
    const history = historyOf(cached.content, { cacheDir });
    expect(history).toEqual(uncached);
    expect(history.byObjective.get('2025-q1-company-revenue')![0]!.commit).toBe(third);
    // One new entry (the touched file's), and its old one pruned; another build's entry in progress is left alone.
    const after = entries();
    expect(after.filter((name) => !before.has(name))).toHaveLength(1);
    expect([...before].filter((name) => !after.includes(name))).toHaveLength(1);
    expect(after).toHaveLength(before.size);
  });

  it("is pruned by the worker threads too, leaving other builds' files in progress alone", () => {
    const stale = `${'0'.repeat(64)}.json.gz`;
    const inProgress = `.${'1'.repeat(64)}.json.gz.123-1-1.tmp`;
    writeFileSync(join(cacheDir, stale), 'old');
    writeFileSync(join(cacheDir, inProgress), 'half');
    startHistoryThread(cached.content, 2, cacheDir);
    expect(historyFromThread(cached.content)).toEqual(historyOf(cached.content));
    expect(entries()).not.toContain(stale);
    expect(entries()).toContain(inProgress);
    expect(entries().filter((name) => name.endsWith('.json.gz'))).toHaveLength(okrFiles().length);
  });
});

describe('history cache and a version git does not have (a partial clone)', () => {
  it('reads the history as well as it can, and caches every file but that one', () => {
    const partial = tempRepo('2025-01-10T12:00:00Z');
    const file = 'content/okrs/2025-Q1/company.yaml';
    const oldBlob = partial.git('rev-parse', `HEAD:${file}`);
    edit(join(partial.root, file), 'target: 20\n', 'target: 21\n');
    partial.commit('Raise the target', '2025-01-20T12:00:00Z');
    rmSync(join(partial.root, '.git/objects', oldBlob.slice(0, 2), oldBlob.slice(2)));
    const dir = join(mkdtempSync(join(tmpdir(), 'okr-history-cache-')), 'history');
    const history = historyOf(partial.content, { cacheDir: dir });
    expect(history.available).toBe(true);
    expect(history).toEqual(historyOf(partial.content));
    const files = partial
      .git('ls-files', '--', 'content/okrs')
      .split('\n')
      .filter((f) => /\.ya?ml$/.test(f));
    expect(readdirSync(dir)).toHaveLength(files.length - 1);
  });
});

describe('history in okr export', () => {
  const { text: json, objectives } = exportOf(repo.content);
  const revenue = objectives.find((o) => o.id === '2025-q1-company-revenue')!;

  it('has one entry per commit that changed the objective, newest first, with author, date, commit and what changed', () => {
    expect(revenue.history).toHaveLength(2);
    const [latest, oldest] = revenue.history!;
    expect(latest).toMatchObject({
      commit: second,
      author: 'Bo Money',
      date: '2025-02-10T09:30:00+00:00',
      subject: 'Raise the ARR target',
    });
    expect(latest!.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kr: 'kr1', field: 'target', from: 20, to: 25, text: 'target 20 → 25' }),
        expect.objectContaining({
          kr: 'kr1',
          field: 'checkins',
          text: 'check-ins 1 check-in, latest 2025-02-01: 15 → 2 check-ins, latest 2025-02-08: 17',
        }),
        expect.objectContaining({ kr: 'kr1', field: 'revisions', text: '1 revision recorded' }),
      ]),
    );
    expect(oldest).toMatchObject({ commit: first, author: 'Ada Chief', changes: [{ kr: null, type: 'added', text: 'objective added' }] });
  });

  it('lists only the commits that touched each objective', () => {
    const hiring = objectives.find((o) => o.id === '2025-q1-company-hiring')!;
    expect(hiring.history!.map((e) => e.commit)).toEqual([first]);
  });

  it('is deterministic', () => {
    expect(exportOf(repo.content).text).toBe(json);
  });

  it('is null (unavailable) in a copy without .git, and the export still succeeds', () => {
    const copy = mkdtempSync(join(tmpdir(), 'okr-tarball-'));
    cpSync(repo.content, copy, { recursive: true });
    expect(exportOf(copy).objectives.every((o) => o.history === null)).toBe(true);
  });
});

describe('history and revisions on the objective page', () => {
  it('shows the commits, and the original target beside the revised one', () => {
    const page = text(build(repo.content)('2025-q1-company-revenue'));
    expect(page).toContain('Change history');
    expect(page).toMatch(
      /2025-02-10 Raise the ARR target KR1: check-ins .* KR1: 1 revision recorded KR1: target 20 → 25 Bo Money [0-9a-f]{7}/,
    );
    expect(page).toMatch(/2025-01-10 Q1 2025 OKRs objective added Ada Chief/);
    expect(page).toMatch(
      /\$25M Original: \$20M → revised: \$25M 1 revision after lock 2025-02-09: \$20M → \$25M\. Board raised the bar \(approved by Bo Money/,
    );
  });

  it('says history is unavailable when built from a copy without .git', () => {
    const copy = mkdtempSync(join(tmpdir(), 'okr-tarball-'));
    cpSync(repo.content, copy, { recursive: true });
    const page = text(build(copy)('2025-q1-company-revenue'));
    expect(page).toContain('Change history History unavailable (no git repository).');
  });
});
