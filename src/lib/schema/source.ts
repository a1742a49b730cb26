// Live numbers: where a key result's value comes from (docs/content-model.md, "Sources").
// A source is data, never code: it names a file, a URL or a SQL query, and how to turn what comes
// back into the key result's unit. Secrets never appear here: only the names of environment
// variables that hold them.
import { z } from 'astro/zod';
import { id, num, text } from './common.ts';

/** An environment variable's name (A–Z, digits, underscore). */
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'must be an environment variable name, e.g. METRICS_TOKEN' });

/** A secret taken from the environment when the source is read, never written in content. */
export const fromEnv = z.strictObject({
  env: envName,
  /** Text put before the variable's value, e.g. "Bearer ". */
  prefix: z.string().optional(),
});

/** A file in the content directory (relative to it, forward slashes, never leaving it). */
const contentPath = z.string().regex(/^(?!\/)(?![A-Za-z]:)(?!.*(?:^|\/)\.\.(?:\/|$))[^\\]+$/, {
  error: 'must be a path inside the content directory, relative to it (e.g. sources/revenue.csv)',
});

/** Where a CSV or JSON document is: a file in the content directory, or an http(s) URL. */
const location = {
  file: contentPath.optional(),
  url: z
    .string()
    .regex(/^https?:\/\/[^\s/@]+(?:\/\S*)?$/, {
      error: 'must be an http(s) URL without user:password@ (credentials go in headers from env)',
    })
    .optional(),
  /** Request headers for a URL; each value comes from an environment variable. */
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, { error: 'must be an HTTP header name' }), fromEnv).optional(),
};

/** How often a source is read: a source read within this interval is not due (default: every run). */
export const sourceInterval = z.enum(['day', 'week', 'month']);

const common = {
  /** Stable id, named in every check-in this source writes (an inline source defaults to the KR's uid). */
  id: id.optional(),
  description: text.optional(),
  every: sourceInterval.optional(),
  /** Multiplies the value read, to put it in the key result's unit (0.000001 turns dollars into $M). */
  scale: num.refine((n) => n !== 0, { error: 'a scale of 0 would zero every value' }).optional(),
  /** Decimals to round the scaled value to. */
  round: z.number().int().min(0).max(12).optional(),
  /**
   * Values outside this range are refused as a sign of a wrong unit scale. Without it, a value 100
   * times larger (or smaller) than the key result's baseline and target is refused.
   */
  range: z.strictObject({ min: num.optional(), max: num.optional() }).optional(),
  /** Seconds to wait for the file, URL or database before giving up (default 10). */
  timeout: z.number().positive().max(300).optional(),
};

export const csvSource = z.strictObject({
  type: z.literal('csv'),
  ...common,
  ...location,
  /** The column (by its header) that holds the value. */
  column: text,
  /** Keep only the rows whose columns have these values (compared as text). */
  where: z.record(z.string(), z.union([z.string(), num])).optional(),
  /** A column of dates (YYYY-MM-DD…): the latest row within the period is read, and dates its check-in. */
  dateColumn: text.optional(),
});

export const jsonSource = z.strictObject({
  type: z.literal('json'),
  ...common,
  ...location,
  /** RFC 6901 JSON Pointer to the value, e.g. /data/0/arr ("" is the whole document). */
  pointer: z.string().regex(/^(\/.*)?$/, { error: 'must be a JSON Pointer: empty or starting with /' }),
  /** JSON Pointer to the value's date (YYYY-MM-DD…), which dates its check-in. */
  datePointer: z
    .string()
    .regex(/^\/.*$/, { error: 'must be a JSON Pointer starting with /' })
    .optional(),
});

/** The query returns one row: its `value` column (or its only column) and, optionally, a `date` column. */
const query = text;

export const postgresSource = z.strictObject({
  type: z.literal('postgres'),
  ...common,
  /** The connection string (postgres://user:password@host/db), from an environment variable. */
  connection: fromEnv.omit({ prefix: true }),
  query,
});

export const sqliteSource = z.strictObject({
  type: z.literal('sqlite'),
  ...common,
  /** The SQLite database file, in the content directory; opened read-only. */
  file: contentPath,
  query,
});

export const source = z.discriminatedUnion('type', [csvSource, jsonSource, postgresSource, sqliteSource]);

/** content/sources/<id>.yaml — a source that key results name by id (`source: <id>`). */
export const sourceFile = z.discriminatedUnion('type', [
  csvSource.extend({ id }),
  jsonSource.extend({ id }),
  postgresSource.extend({ id }),
  sqliteSource.extend({ id }),
]);

/** On a key result: a source's id (content/sources/<id>.yaml) or the source itself. */
export const keyResultSource = z.union([id, source]);

/** Where an automatic check-in came from (written by `okr pull`). */
export const provenance = z.strictObject({
  /** The source's id (an inline source's is its key result's `<objective-id>.<kr-id>`). */
  source: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'must be a source id' }),
  /** SHA-256 (hex) of what was asked: the source's location, selection and conversion. */
  queryHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a 64-character lowercase hex SHA-256' }),
  /** When it was read (UTC). */
  fetchedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, { error: 'must be a UTC time such as 2026-05-01T06:00:00Z' }),
  /** SHA-256 (hex) of the raw result: the file's or response's bytes, or the rows a query returned. */
  resultDigest: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a 64-character lowercase hex SHA-256' }),
});

export type Source = z.infer<typeof source>;
export type SourceFile = z.infer<typeof sourceFile>;
export type Provenance = z.infer<typeof provenance>;
