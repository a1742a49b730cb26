// Each content file's parse and validation result, cached on disk (node_modules/.cache, beside the
// OG images and the change history) by the file's text and the code that reads it, as ESLint's
// --cache does. `okr check` on a pull request then reads only the files it changed, on both sides
// of `--base` (a fraction of the time the key-result files take to read: BENCHMARKS.md),
// and the build that follows reads it too (read-only: it stores nothing).
//
// What a result depends on is the text, the kind of file, and the code: the key hashes the text and
// kind with a fingerprint of every source file of src/lib, the lockfile (zod, js-yaml, yaml) and
// Node's version, so any change to a schema, the parser or a dependency misses — nothing to remember
// to bump. Outside the source tree (a bundle) there is no fingerprint and no cache. The file's name
// is left out (its issues are stored without it), so the same text is one entry in any checkout.
// Entries are JSON, written only when JSON gives the result back exactly. One that cannot be read is
// a miss; one that cannot be written is skipped; entries unused for a week are removed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentIssue } from '../errors.ts';
import { cacheWriter, markUsed, pruneCache } from './cache-files.ts';
import type { NodeOffsets } from '../source/yaml-positions.ts';

/** Bump only for a change the fingerprint cannot see (it sees src/lib, the lockfile and Node). */
export const PARSE_CACHE_VERSION = 1;

/** Where commands keep it: OKR_PARSE_CACHE_DIR, or node_modules/.cache/okr-parse under `root`; `off` for none. */
export function parseCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env.OKR_PARSE_CACHE_DIR;
  if (dir === 'off') return undefined;
  return resolve(root, dir || 'node_modules/.cache/okr-parse');
}

/** What a file's read gives, less its text (see ./index.ts ParsedFile). */
export interface CachedParse {
  issues: ContentIssue[];
  data?: unknown;
  ids?: string[];
  shallow?: NodeOffsets;
}

const LIB = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fingerprints = new Map<string, string | undefined>();

/**
 * A digest of the code that parses and validates: every file under src/lib (`lib`; by default the
 * one this module is in), the project's lockfile beside it and Node's version. Undefined when `lib`
 * is not that source tree (this module bundled: the build names its project's src/lib instead).
 */
export function codeFingerprint(lib = LIB): string | undefined {
  if (!fingerprints.has(lib)) fingerprints.set(lib, fingerprintOf(lib));
  return fingerprints.get(lib);
}

function fingerprintOf(lib: string): string | undefined {
  try {
    const hash = createHash('sha256').update(`${PARSE_CACHE_VERSION}\0${process.version}\0`);
    const files = readdirSync(lib, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.[cm]?[jt]s$/.test(f))
      .sort();
    if (!files.includes(join('load', 'parse-cache.ts'))) return undefined;
    for (const f of [...files.map((f) => join(lib, f)), resolve(lib, '../../package-lock.json')])
      hash
        .update(`${f.slice(lib.length)}\0`)
        .update(readFileSync(f))
        .update('\0');
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

export interface ParseCache {
  readonly dir: string;
  /** The code's fingerprint (a worker thread opens the same cache with it). */
  readonly code: string;
  /** Reads entries but writes, refreshes and prunes none (the build reads what okr check --cache wrote). */
  readonly readOnly: boolean;
  /** Entries decoded so far in this thread. */
  readonly hits: number;
  /** The key of a text read as `kind`. */
  key(kind: string, text: string): string;
  /** The stored entry's text (see decode), if any. */
  read(key: string): string | undefined;
  /** An entry's result, its issues given `file`; undefined when the entry is not one. */
  decode(entry: string, file: string): CachedParse | undefined;
  /** Store a result. One whose issues name another file or quote its own name is not stored, nor one JSON cannot carry exactly. */
  write(key: string, file: string, parsed: CachedParse): void;
  /** Remove entries not used for a week, and ones left half-written by a process that died. */
  prune(): void;
}

const ENTRY = /^[0-9a-f]{64}\.json$/;

const INEXACT = new Error('not exactly JSON');
/**
 * A JSON.stringify replacer that refuses what JSON would not give back as it was: undefined, -0,
 * non-finite numbers, and objects other than plain ones and arrays (a Map; a Date, which JSON has
 * already turned into a string).
 */
function exact(this: Record<string, unknown>, key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'string':
      if (typeof this[key] === 'string') return value;
      break;
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      break;
    case 'object': {
      if (value === null || Array.isArray(value)) return value;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto === Object.prototype || proto === null) return value;
    }
  }
  throw INEXACT;
}

/** JSON is parsed about twice as fast as a structured clone is read, which is most of a warm run. */
function encode(parsed: CachedParse): string | undefined {
  // Issues go as JSON has them (an undefined hint is an absent one); the rest must come back exactly.
  const rest: Record<string, unknown> = {};
  if (parsed.data !== undefined) rest.data = parsed.data;
  if (parsed.ids !== undefined) rest.ids = parsed.ids;
  if (parsed.shallow) rest.shallow = { value: [...parsed.shallow.value], key: [...parsed.shallow.key] };
  try {
    return `{"issues":${JSON.stringify(parsed.issues.map(({ file: _, ...issue }) => issue))},"rest":${JSON.stringify(rest, exact)}}`;
  } catch {
    return undefined;
  }
}

interface Stored {
  issues: Omit<ContentIssue, 'file'>[];
  rest: { data?: unknown; ids?: string[]; shallow?: { value: [string, number][]; key: [string, number][] } };
}

/** The cache in `dir`, with the code's fingerprint; undefined when there is none (see codeFingerprint). */
export function parseCache(dir: string, code = codeFingerprint(), { readOnly = false } = {}): ParseCache | undefined {
  if (code === undefined) return undefined;
  const write = readOnly ? () => {} : cacheWriter(dir);
  const path = (key: string) => join(dir, `${key}.json`);
  let hits = 0;
  return {
    dir,
    code,
    readOnly,
    get hits() {
      return hits;
    },
    key: (kind, text) => createHash('sha256').update(`${code}\0${kind}\0`).update(text).digest('hex'),
    read(key) {
      try {
        const p = path(key);
        // A miss is the common case of a cold run: asked without an exception.
        const stat = statSync(p, { throwIfNoEntry: false });
        if (!stat) return undefined;
        const entry = readFileSync(p, 'utf8');
        if (!readOnly) markUsed(p, stat.mtimeMs);
        return entry;
      } catch {
        return undefined;
      }
    },
    decode(entry, file) {
      try {
        const { issues, rest } = JSON.parse(entry) as Stored;
        if (!Array.isArray(issues) || typeof rest !== 'object' || rest === null) return undefined;
        const { value, key } = rest.shallow ?? {};
        hits++;
        return {
          issues: issues.map((i) => ({ file, ...i })),
          ...('data' in rest && { data: rest.data }),
          ...(rest.ids && { ids: rest.ids }),
          ...(value && key && { shallow: { value: new Map(value), key: new Map(key) } }),
        };
      } catch {
        return undefined;
      }
    },
    write(key, file, parsed) {
      if (parsed.issues.some((issue) => issue.file !== file || issue.message.includes(file) || issue.hint?.includes(file))) return;
      const entry = encode(parsed);
      if (entry === undefined) return;
      write(path(key), entry);
    },
    prune() {
      if (!readOnly) pruneCache(dir, ENTRY);
    },
  };
}
