// Shared by `okr diff` and `okr check --base`: resolve each side (a content directory, or a git ref
// materialised into a temporary directory), compute both handbooks with the one pipeline, compare.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDate } from '../../src/lib/calendar.ts';
import { diffHandbooks, type DiffResult } from '../../src/lib/diff.ts';
import type { ContentIssue } from '../../src/lib/errors.ts';
import { computeHandbook, type HandbookResult } from '../../src/lib/handbook.ts';
import { contentAtRef, GitError } from '../../src/lib/load/git.ts';
import type { ParseCache } from '../../src/lib/load/parse-cache.ts';
import { UsageError } from './args.ts';

export interface Side {
  label: string;
  commit?: string;
  /** Commit date for refs; undefined for directories. */
  date?: string;
  result: HandbookResult;
}

/** How both sides are read: `parseCache` as for computeHandbook (okr check/diff --cache). */
export interface CompareOptions {
  parseCache?: ParseCache;
  /** HEAD already computed (okr check --base has the working tree's), instead of headSpec. */
  head?: Side;
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/** A side of the comparison: `spec` is a directory or a git ref; undefined means the working tree's content directory. */
export function loadSide(spec: string | undefined, contentDir: string, parseCache?: ParseCache): Side {
  if (spec === undefined) return { label: 'working tree', result: computeHandbook(contentDir, { parseCache }) };
  if (isDir(spec)) return { label: spec, result: computeHandbook(resolve(spec), { parseCache }) };
  let side;
  try {
    side = contentAtRef(contentDir, spec);
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw e;
  }
  try {
    return { label: spec, commit: side.commit, date: side.date, result: computeHandbook(side.dir, { parseCache, cwd: side.cwd }) };
  } finally {
    side.cleanup();
  }
}

export interface Comparison {
  base: Side;
  head: Side;
  /** Undefined when a side has content errors. */
  result?: DiffResult;
}

/** Compare BASE with HEAD (default: the working tree). The change date is HEAD's commit date, else the build date. */
export function compare(baseSpec: string, headSpec: string | undefined, contentDir: string, opts: CompareOptions = {}): Comparison {
  const base = loadSide(baseSpec, contentDir, opts.parseCache);
  const head = opts.head ?? loadSide(headSpec, contentDir, opts.parseCache);
  if (!base.result.handbook || !head.result.handbook) return { base, head };
  const result = diffHandbooks(base.result.handbook, head.result.handbook, {
    changeDate: head.date ?? buildDate(process.env),
    base: { label: base.label, ...(base.commit ? { commit: base.commit } : {}) },
    head: { label: head.label, ...(head.commit ? { commit: head.commit } : {}) },
  });
  return { base, head, result };
}

/** The errors that stop a side from being compared. */
export const sideErrors = (s: Side): ContentIssue[] => s.result.issues.filter((issue) => issue.severity === 'error');
