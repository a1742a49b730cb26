// Change history of the OKR files from git: one `git log` of the okrs folder, split per file as
// `git log --follow` would (at most the last 20 commits each), each version's objectives parsed from
// `git cat-file --batch`. Read once per build and memoised, each file's part cached on disk by its
// versions (./history-cache.ts) when the caller names a cache; the per-objective history itself is
// computed by ../history.ts (pure). Without git, or outside a repository (e.g. a tarball), history is
// reported unavailable and nothing fails.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { LooseObjective, RecordSet } from '../diff.ts';
import { scalarText } from '../format.ts';
import { buildHistory, fileHistoryPart, type FileHistory, type FileHistoryPart, type GitHistory, type HistoryIndex } from '../history.ts';
import { processMemo } from '../process-memo.ts';
import { folderLogs, git, pathInRepo, readBlobs, repoRoot } from './git.ts';
import { historyCache, historyKey } from './history-cache.ts';
import { historyFromThread } from './history-thread.ts';
import { parseYaml } from './parse-yaml.ts';

export const MAX_COMMITS_PER_FILE = 20;

export interface ReadOptions {
  /** Versions per file at most (one more is read as the base of the oldest shown). */
  max?: number;
  /** Where each file's part of the history is cached (./history-cache.ts); none when undefined. */
  cacheDir?: string;
}

/**
 * Objectives of one okr file's text, loosely (old versions may not match today's schema). Read as the
 * loader reads content (./parse-yaml.ts: its fast path, `yaml` for what that refuses): a file's
 * history can be a hundred of its versions, and `yaml` alone is several times slower.
 */
export function parseOkrRecords(text: string, file = ''): RecordSet | undefined {
  try {
    const { value, issues } = parseYaml(file, text);
    if (issues.some((issue) => issue.severity === 'error')) return undefined;
    const data = value as { period?: unknown; objectives?: unknown } | null | undefined;
    if (!data || typeof data !== 'object' || !Array.isArray(data.objectives)) return undefined;
    const period = scalarText(data.period ?? '');
    const objectives = (data.objectives as Record<string, unknown>[])
      .filter((o) => o && typeof o === 'object' && typeof o.id === 'string')
      .map((o): LooseObjective => ({
        ...o,
        id: o.id as string,
        period,
        keyResults: Array.isArray(o.keyResults)
          ? (o.keyResults as Record<string, unknown>[])
              .filter((k) => k && typeof k === 'object' && typeof k.id === 'string')
              .map((k) => ({ ...k, id: k.id as string }))
          : [],
      }));
    return { objectives };
  } catch {
    return undefined;
  }
}

/** Files whose versions are read from git at a time: bounds the memory held (read, parse, compare, drop). */
const FILES_PER_READ = 64;

/**
 * Read the git history of every tracked OKR file under `contentDir`. The logs are read at once; the
 * versions themselves a chunk of files at a time, as `files` is iterated or `partsOf` asked, and only
 * for the files the cache does not have (a failure of git on the way throws a GitError: historyOf()
 * turns that into an unavailable history).
 */
export function readGitHistory(contentDir: string, { max = MAX_COMMITS_PER_FILE, cacheDir }: ReadOptions = {}): GitHistory {
  const root = repoRoot(contentDir);
  if (!root) return { available: false, reason: 'no git repository' };
  try {
    const base = pathInRepo(root, contentDir);
    const okrs = base ? `${base}/okrs` : 'okrs';
    const tracked = git(root, ['ls-files', '-z', '--', okrs])
      .toString('utf8')
      .split('\0')
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
    const boundary = shallowBoundary(root);
    const byFile = folderLogs(root, okrs, tracked, max + 1);
    const cache = cacheDir === undefined ? undefined : historyCache(cacheDir);
    const logs = tracked.map((file) => {
      const log = byFile.get(file)!;
      const oldest = log.at(-1);
      const complete = log.length <= max && !(oldest && boundary.has(oldest.commit));
      return { file, log, complete, key: cache ? historyKey(file, log, complete) : '' };
    });
    type Log = (typeof logs)[number];
    const read = (files: Log[]): FileHistory[] => {
      // The versions of these files in one `git cat-file --batch`.
      const blobs = readBlobs(
        root,
        files.flatMap(({ log }) => log.map((l) => `${l.commit}:${l.path}`)),
      );
      return files.map(({ file, log, complete }) => ({
        file,
        complete,
        partial: log.some((l) => !blobs.has(`${l.commit}:${l.path}`)),
        versions: log.map((l) => {
          const blob = blobs.get(`${l.commit}:${l.path}`);
          return {
            commit: l.commit,
            author: l.author,
            date: l.date,
            subject: l.subject,
            records: blob ? parseOkrRecords(blob.toString('utf8'), l.path) : undefined,
          };
        }),
      }));
    };
    const chunkOf = (i: number) => logs.slice(i * FILES_PER_READ, (i + 1) * FILES_PER_READ);
    const partsOf = (i: number): FileHistoryPart[] => {
      const files = chunkOf(i);
      if (!cache) return read(files).map(fileHistoryPart);
      const parts = files.map((f) => cache.get(f.key));
      const missing = files.filter((_, j) => !parts[j]);
      if (missing.length) {
        const fresh = read(missing);
        for (let j = 0, k = 0; j < parts.length; j++)
          if (!parts[j]) {
            const f = fresh[k++]!;
            parts[j] = fileHistoryPart(f);
            if (!f.partial) cache.set(files[j]!.key, parts[j]!);
          }
      }
      return parts as FileHistoryPart[];
    };
    const pruneCache = () => cache?.prune(logs.map((f) => f.key));
    const chunks = Math.ceil(logs.length / FILES_PER_READ);
    function* files(): Generator<FileHistory> {
      for (let i = 0; i < chunks; i++) yield* read(chunkOf(i));
    }
    return { available: true, files: files(), chunks, partsOf, pruneCache, shallow: boundary.size > 0 };
  } catch (e) {
    return { available: false, reason: `git failed: ${(e as Error).message}` };
  }
}

/** The per-objective history of a content directory, read from git here (see getHistory()). */
export function historyOf(contentDir: string, opts: ReadOptions = {}): HistoryIndex {
  try {
    const git = readGitHistory(contentDir, opts);
    const history = buildHistory(git);
    if (git.available) git.pruneCache();
    return history;
  } catch (e) {
    return buildHistory({ available: false, reason: `git failed: ${(e as Error).message}` });
  }
}

/** Commits whose parents a shallow clone does not have. */
function shallowBoundary(root: string): Set<string> {
  try {
    const rel = git(root, ['rev-parse', '--git-path', 'shallow']).toString('utf8').trim();
    const file = isAbsolute(rel) ? rel : join(root, rel);
    return new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}

const memo = processMemo<HistoryIndex>('history');

/**
 * The per-objective change history of a content directory, computed once per process: by the worker
 * thread startHistoryThread() started for it, if any, else here.
 */
export function getHistory(contentDir: string): HistoryIndex {
  let h = memo.get(contentDir);
  if (!h) memo.set(contentDir, (h = historyFromThread(contentDir) ?? historyOf(contentDir)));
  return h;
}
