// Change history per objective and key result, from consecutive versions of the OKR files in git
// (read by ./load/git-history.ts). Each commit that touched an objective becomes one entry listing
// what changed, in the same words as `okr diff`. Pure and deterministic: same commits ⇒ same history.
import { describeChange, diffRecords, type Change, type RecordSet, type Value } from './diff.ts';
import { pushAll } from './errors.ts';

export interface FileVersion {
  commit: string;
  author: string;
  /** Author date, ISO 8601. */
  date: string;
  subject: string;
  /** The file's objectives at this commit; undefined when it could not be parsed. */
  records: RecordSet | undefined;
}

export interface FileHistory {
  /** Path inside the repository, e.g. content/okrs/2025-Q1/company.yaml. */
  file: string;
  /** Newest first; one more than shown when `complete` is false (the base of the oldest shown). */
  versions: FileVersion[];
  /** The oldest version is the file's first commit (not cut by the limit or a shallow clone). */
  complete: boolean;
  /** Some version's text was not in the repository (a partial clone): its part is not cached. */
  partial?: boolean;
}

export type GitHistory =
  | { available: false; reason: string }
  | {
      available: true;
      /** Every file, in path order (read chunk by chunk as it is iterated). */
      files: Iterable<FileHistory>;
      /** The files come in this many chunks, in path order; several threads can share them. */
      chunks: number;
      /** The i-th chunk's parts of the history: from the cache where it has them, else read, compared and cached. */
      partsOf: (i: number) => FileHistoryPart[];
      /** Remove the cache's entries for versions no longer current (once all parts are read; several threads may each call it). */
      pruneCache: () => void;
      shallow: boolean;
    };

export interface HistoryChange {
  /** The key result's id inside its objective (kr1), or null for the objective itself. */
  kr: string | null;
  type: Change['type'];
  field: string | null;
  from: Value;
  to: Value;
  /** The change in words: "target 15 → 18". */
  text: string;
}

export interface HistoryEntry {
  commit: string;
  author: string;
  /** Author date, ISO 8601 as git records it. */
  date: string;
  subject: string;
  changes: HistoryChange[];
}

export interface HistoryIndex {
  available: boolean;
  /** Why history is unavailable ("no git repository"). */
  reason?: string;
  /** Newest first, per objective id. Objectives absent here have no committed changes yet. */
  byObjective: Map<string, HistoryEntry[]>;
  /** Objectives whose earliest commits are cut off (by the per-file limit or a shallow clone). */
  truncated: Set<string>;
}

const EMPTY = { objectives: [] };

/**
 * The same string, holding on to nothing else. A value read from a file version is, in V8, a slice of
 * that version's whole text, and a change's words are built from such values: keeping them kept every
 * old version alive. Cutting a slice from a fresh concatenation
 * makes V8 copy the characters into a string of their own.
 */
const own = <T extends Value>(v: T): T => (typeof v === 'string' && v.length > 12 ? ((' ' + v).slice(1) as T) : v);

/** One file's part of the history: its objectives' entries in its commits' order, and the objectives cut off. */
export interface FileHistoryPart {
  byObjective: [string, HistoryEntry[]][];
  truncated: string[];
}

/** What one file's versions say, compared one with the next. */
export function fileHistoryPart(f: FileHistory): FileHistoryPart {
  const byObjective = new Map<string, HistoryEntry[]>();
  const shown = f.complete ? f.versions.length : f.versions.length - 1;
  for (let i = 0; i < shown; i++) {
    const v = f.versions[i]!;
    const before = i + 1 < f.versions.length ? f.versions[i + 1]!.records : EMPTY;
    if (!v.records || !before) continue;
    const changes = diffRecords(before, v.records);
    const objectivesAdded = new Set(
      changes.filter((c) => c.entity === 'objective' && (c.type === 'added' || c.type === 'removed')).map((c) => c.id),
    );
    const perObjective = new Map<string, HistoryChange[]>();
    for (const c of changes) {
      if (c.entity === 'period') continue;
      const objective = c.objective ?? c.id;
      // "objective added" says it all; its key results need no lines of their own.
      if (c.entity === 'kr' && objectivesAdded.has(objective)) continue;
      const list = perObjective.get(objective) ?? [];
      list.push({
        kr: c.entity === 'kr' ? c.id.slice(objective.length + 1) : null,
        type: c.type,
        field: c.field ?? null,
        from: own(c.from ?? null),
        to: own(c.to ?? null),
        text: own(describeChange(c)),
      });
      perObjective.set(objective, list);
    }
    for (const [objective, list] of perObjective) {
      const entries = byObjective.get(objective) ?? [];
      entries.push({ commit: v.commit, author: v.author, date: v.date, subject: v.subject, changes: list });
      byObjective.set(objective, entries);
    }
  }
  const truncated = f.complete ? [] : (f.versions[0]?.records?.objectives ?? []).map((o) => o.id);
  return { byObjective: [...byObjective], truncated };
}

/**
 * The files' parts, in file order, as one history: an objective whose file changed name (or period)
 * gathers its entries from each, one per commit, newest first.
 */
export function mergeHistory(parts: Iterable<FileHistoryPart>): HistoryIndex {
  const byObjective = new Map<string, HistoryEntry[]>();
  const truncated = new Set<string>();
  for (const part of parts) {
    for (const [objective, list] of part.byObjective) {
      const entries = byObjective.get(objective) ?? [];
      for (const e of list) {
        const entry = entries.find((x) => x.commit === e.commit);
        if (entry) pushAll(entry.changes, e.changes);
        else entries.push(e);
      }
      byObjective.set(objective, entries);
    }
    for (const id of part.truncated) truncated.add(id);
  }
  for (const entries of byObjective.values())
    // Stable sort: commits with the same timestamp keep git's (topological) order.
    entries.sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  return { available: true, byObjective, truncated };
}

/** The history unavailable, with the reason. */
export const noHistory = (reason: string): HistoryIndex => ({ available: false, reason, byObjective: new Map(), truncated: new Set() });

export function buildHistory(git: GitHistory): HistoryIndex {
  if (!git.available) return noHistory(git.reason);
  const { chunks, partsOf } = git;
  function* parts() {
    for (let i = 0; i < chunks; i++) yield* partsOf(i);
  }
  return mergeHistory(parts());
}

/** The entries committed on or before `today` (YYYY-MM-DD, the author's date): a page as of a date lists nothing after it. */
export const historyAsOf = (entries: readonly HistoryEntry[], today: string): HistoryEntry[] =>
  entries.filter((e) => e.date.slice(0, 10) <= today);

/** The export's `history` field: entries newest first (as of `today` when given), or null when history is unavailable. */
export function exportHistory(index: HistoryIndex | undefined, objective: string, today?: string): HistoryEntry[] | null {
  if (!index?.available) return null;
  const entries = index.byObjective.get(objective) ?? [];
  return today ? historyAsOf(entries, today) : entries;
}
