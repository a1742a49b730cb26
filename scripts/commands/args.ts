// Shared option parsing for the CLI commands (node:util parseArgs).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { contentDir } from '../../src/lib/handbook.ts';
import { parseCache, parseCacheDir, type ParseCache } from '../../src/lib/load/parse-cache.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, allowPositionals = false) {
  try {
    const r = parseArgs({
      args: argv,
      options: { content: { type: 'string' }, help: { type: 'boolean' }, ...options },
      allowPositionals,
      strict: true,
    });
    return { ...r, content: contentDir({ OKR_CONTENT: (r.values as { content?: string }).content ?? process.env.OKR_CONTENT }) };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got '${value}')`);
  return value as T;
}

/** --cache: keep each content file's parse for the next run (see src/lib/load/parse-cache.ts). */
export const cacheOption = { cache: { type: 'boolean' } } as const;

/** The cache --cache asks for: in OKR_PARSE_CACHE_DIR, or node_modules/.cache/okr-parse here; undefined without --cache. */
export function parseCacheOf(values: { cache?: unknown }): ParseCache | undefined {
  const dir = values.cache ? parseCacheDir(process.cwd()) : undefined;
  return dir === undefined ? undefined : parseCache(dir);
}
