// The history cache on disk (src/lib/load/history-cache.ts): its key, its entries, where it lives, and
// the pin that makes a change to the history's output bump HISTORY_CACHE_VERSION.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHistoryPart, type FileHistoryPart } from '../../src/lib/history.ts';
import type { FileHistory } from '../../src/lib/history.ts';
import { parseOkrRecords } from '../../src/lib/load/git-history.ts';
import { HISTORY_CACHE_VERSION, historyCache, historyCacheDir, historyKey } from '../../src/lib/load/history-cache.ts';

/** One version of a sales team's file: the fields the versions below differ in. */
const salesFile = (v: { title: string; target: number; checkins: number; partner: boolean; hire: boolean }) =>
  [
    'period: 2025-Q1',
    'objectives:',
    '  - id: 2025-q1-sales-grow',
    `    title: ${v.title}`,
    '    owner: ana',
    '    keyResults:',
    '      - id: kr1',
    '        title: Reach ARR',
    '        kind: metric',
    '        baseline: 10',
    `        target: ${v.target}`,
    ...(v.target === 20
      ? []
      : ['        revisions:', '          - { field: target, from: 20, to: 25, reason: Board, approvedBy: cfo, date: 2025-02-09 }']),
    '        checkins:',
    '          - { date: 2025-01-15, value: 12 }',
    ...(v.checkins > 1 ? ['          - { date: 2025-02-15, value: 16, status: yellow }'] : []),
    ...(v.partner ? ['      - { id: kr2, title: Sign a partner, kind: milestone, done: false }'] : []),
    ...(v.hire
      ? [
          '  - id: 2025-q1-sales-hire',
          '    title: Hire a team',
          '    keyResults:',
          '      - { id: kr1, title: Hire two, kind: milestone, done: false }',
        ]
      : []),
    '',
  ].join('\n');

const version = (commit: string, date: string, text: string) => ({
  commit: commit.repeat(40),
  author: 'Ana Lytic',
  date,
  subject: `commit ${commit}`,
  records: parseOkrRecords(text),
});

// Three versions of one file, newest first: every kind of change the history words.
const file: FileHistory = {
  file: 'content/okrs/2025-Q1/sales.yaml',
  complete: true,
  versions: [
    version(
      'c',
      '2025-03-01T10:00:00Z',
      salesFile({ title: 'Grow revenue in every region', target: 25, checkins: 2, partner: false, hire: true }),
    ),
    version('b', '2025-02-10T10:00:00Z', salesFile({ title: 'Grow revenue', target: 25, checkins: 2, partner: true, hire: false })),
    version('a', '2025-01-10T10:00:00Z', salesFile({ title: 'Grow revenue', target: 20, checkins: 1, partner: false, hire: false })),
  ],
};

describe('the history cache', () => {
  it('is pinned to the history it caches: a change to that output must bump HISTORY_CACHE_VERSION', () => {
    const part = fileHistoryPart(file);
    // The fixture says what it should: every change above is worded.
    const texts = part.byObjective.flatMap(([, entries]) => entries.flatMap((e) => e.changes.map((c) => c.text)));
    expect(texts.length).toBeGreaterThanOrEqual(6);
    // If this fails because the history is now read, compared or worded differently on purpose, bump
    // HISTORY_CACHE_VERSION (caches on disk would otherwise serve the old words) and pin both anew.
    const digest = createHash('sha256').update(JSON.stringify(part)).digest('hex');
    expect({ version: HISTORY_CACHE_VERSION, digest }).toEqual({
      version: 2,
      digest: 'ea104f203238ecb3afbf743e7bdac51664a1e35f7c4e1624cd18ef4240181349',
    });
  });

  it('keys a file by its versions (commit and path) and whether the oldest is its first', () => {
    const log = [
      { commit: 'b'.repeat(40), path: 'okrs/2025-Q1/sales.yaml' },
      { commit: 'a'.repeat(40), path: 'okrs/2025-Q1/sales.yaml' },
    ];
    const key = historyKey('okrs/2025-Q1/sales.yaml', log, true);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(historyKey('okrs/2025-Q1/sales.yaml', [...log], true)).toBe(key);
    expect(historyKey('okrs/2025-Q1/sales.yaml', log, false)).not.toBe(key);
    expect(historyKey('okrs/2025-Q1/sales.yaml', [{ commit: 'c'.repeat(40), path: log[0]!.path }, ...log], true)).not.toBe(key);
    expect(historyKey('okrs/2025-Q1/sales.yaml', [log[0]!, { ...log[1]!, path: 'okrs/2025-Q1/old-sales.yaml' }], true)).not.toBe(key);
    expect(historyKey('okrs/2025-Q1/ops.yaml', log, true)).not.toBe(key);
  });

  it('gives back what was put in, and nothing for a missing or unreadable entry', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'okr-history-cache-')), 'nested');
    const cache = historyCache(dir);
    const part = fileHistoryPart(file);
    expect(cache.get('k1')).toBeUndefined();
    cache.set('k1', part);
    expect(cache.get('k1')).toEqual(part);
    expect(readdirSync(dir)).toEqual(['k1.json.gz']);
    writeFileSync(join(dir, 'k2.json.gz'), 'not gzip');
    expect(cache.get('k2')).toBeUndefined();
    cache.set('k3', { nothing: 'useful' } as unknown as FileHistoryPart);
    expect(cache.get('k3')).toBeUndefined();
  });

  it('prunes the entries not asked to keep and abandoned ones, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-history-cache-'));
    const cache = historyCache(dir);
    const [kept, dropped] = ['a', 'b'].map((c) => historyKey('f.yaml', [{ commit: c.repeat(40), path: 'f.yaml' }], true)) as [
      string,
      string,
    ];
    cache.set(kept, fileHistoryPart(file));
    cache.set(dropped, fileHistoryPart(file));
    writeFileSync(join(dir, `.${dropped}.json.gz.99-1-1.tmp`), '');
    // Left by a process that died two hours ago: removed.
    const abandoned = join(dir, `.${dropped}.json.gz.98-0-1.tmp`);
    writeFileSync(abandoned, '');
    const twoHoursAgo = new Date(Date.now() - 7_200_000);
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo);
    writeFileSync(join(dir, 'README'), '');
    cache.prune([kept]);
    expect(readdirSync(dir).sort()).toEqual([`${kept}.json.gz`, 'README', `.${dropped}.json.gz.99-1-1.tmp`].sort());
    expect(() => historyCache(join(dir, 'none')).prune([])).not.toThrow();
  });

  it('skips writing where it cannot write, without failing', () => {
    // A folder that cannot be made (a file is in the way): for root as for anyone else.
    const blocker = join(mkdtempSync(join(tmpdir(), 'okr-history-cache-')), 'file');
    writeFileSync(blocker, '');
    const cache = historyCache(join(blocker, 'cache'));
    expect(() => cache.set('k', fileHistoryPart(file))).not.toThrow();
    expect(cache.get('k')).toBeUndefined();
  });

  it('lives in node_modules/.cache/okr-history, or OKR_HISTORY_CACHE_DIR (relative to the project), or nowhere with off', () => {
    expect(historyCacheDir('/p', {})).toBe(resolve('/p/node_modules/.cache/okr-history'));
    expect(historyCacheDir('/p', { OKR_HISTORY_CACHE_DIR: 'cache/h' })).toBe(resolve('/p/cache/h'));
    expect(historyCacheDir('/p', { OKR_HISTORY_CACHE_DIR: '/tmp/h' })).toBe(resolve('/tmp/h'));
    expect(historyCacheDir('/p', { OKR_HISTORY_CACHE_DIR: 'off' })).toBeUndefined();
  });
});
