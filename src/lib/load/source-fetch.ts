// The I/O of live numbers: read what a source names — a file in the content directory, a URL, a
// PostgreSQL or SQLite query — and return its raw result, or a failure that says what went wrong.
// Secrets come from the environment variables a source names and appear in no message.
import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Fetched } from '../sources/extract.ts';
import type { Source } from '../schema/index.ts';

export interface FetchOptions {
  /** The content directory: file paths are relative to it and must stay inside it. */
  contentDir: string;
  env: Record<string, string | undefined>;
}

/** A response larger than this is refused rather than read into memory. */
const MAX_BYTES = 16 * 1024 * 1024;
const DEFAULT_TIMEOUT_S = 10;

const fail = (message: string, hint: string): Fetched => ({ ok: false, message, hint });

class Failure extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

/** A variable's value; a Failure naming it when it is unset or empty. */
function secret(env: FetchOptions['env'], name: string, what: string): string {
  const v = env[name];
  if (v === undefined || v === '')
    throw new Failure(
      `environment variable ${name} (${what}) is not set`,
      `set ${name} where okr pull runs (in the workflow, from a repository secret)`,
    );
  return v;
}

/** Read a source. Never throws for a source's fault: every failure comes back with a message and hint. */
export async function fetchSource(def: Source, opts: FetchOptions): Promise<Fetched> {
  const timeout = (def.timeout ?? DEFAULT_TIMEOUT_S) * 1000;
  try {
    if (def.type === 'postgres') return await fromPostgres(def, opts, timeout);
    if (def.type === 'sqlite') return await fromSqlite(def, opts, timeout);
    if (def.url !== undefined) return await fromUrl(def.url, def.headers, opts, timeout);
    return { ok: true, raw: { kind: 'bytes', bytes: readInside(opts.contentDir, def.file!) } };
  } catch (e) {
    if (e instanceof Failure) return fail(e.message, e.hint);
    throw e;
  }
}

/** A content file's path, refused when it (or a link on the way) leads outside the content directory. */
function inside(contentDir: string, file: string): string {
  let real: string;
  try {
    real = realpathSync(resolve(contentDir, file));
  } catch (e) {
    throw new Failure(
      `cannot read ${file} (${(e as NodeJS.ErrnoException).code})`,
      'check the path: it is relative to the content directory',
    );
  }
  const rel = relative(realpathSync(contentDir), real);
  if (rel.startsWith('..') || isAbsolute(rel))
    throw new Failure(`${file} leads outside the content directory`, 'sources read only files in the content directory');
  return real;
}

function readInside(contentDir: string, file: string): Uint8Array {
  const path = inside(contentDir, file);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new Failure(`cannot read ${file} (${(e as NodeJS.ErrnoException).code})`, 'check the file');
  }
}

/** Why a connection failed, from Node's error codes. */
function networkReason(e: unknown): string {
  const err = e as { cause?: { code?: string; message?: string }; code?: string; message?: string };
  const code = err.cause?.code ?? err.code;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused',
    ENOTFOUND: 'the host name does not resolve',
    EAI_AGAIN: 'the host name could not be looked up',
    ECONNRESET: 'the connection was reset',
    EHOSTUNREACH: 'the host is unreachable',
    ENETUNREACH: 'the network is unreachable',
    ETIMEDOUT: 'the connection timed out',
    CERT_HAS_EXPIRED: "the server's certificate has expired",
    DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed",
  };
  return code ? `${reasons[code] ?? 'the request failed'} (${code})` : (err.cause?.message ?? err.message ?? 'the request failed');
}

async function fromUrl(
  url: string,
  headers: Record<string, { env: string; prefix?: string }> | undefined,
  opts: FetchOptions,
  timeout: number,
): Promise<Fetched> {
  const sent: Record<string, string> = { accept: 'application/json, text/csv;q=0.9, */*;q=0.1' };
  for (const [name, ref] of Object.entries(headers ?? {})) sent[name] = `${ref.prefix ?? ''}${secret(opts.env, ref.env, `header ${name}`)}`;
  const host = new URL(url).host;
  let response: Response;
  const signal = AbortSignal.timeout(timeout);
  try {
    response = await fetch(url, { headers: sent, signal, redirect: 'follow' });
  } catch (e) {
    if (signal.aborted)
      return fail(`${host} did not answer within ${timeout / 1000} s`, "try again later, or raise the source's timeout (seconds)");
    return fail(`cannot reach ${host}: ${networkReason(e)}`, 'check the URL and that the host is reachable from where okr pull runs');
  }
  if (!response.ok) {
    await response.body?.cancel();
    const why =
      response.status === 401 || response.status === 403
        ? 'check the credentials in the headers'
        : response.status === 404
          ? 'check the URL'
          : 'try again later';
    return fail(`${host} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, why);
  }
  try {
    return { ok: true, raw: { kind: 'bytes', bytes: await readCapped(response, signal) } };
  } catch (e) {
    if (e instanceof Failure) throw e;
    if (signal.aborted)
      return fail(
        `${host} did not finish its answer within ${timeout / 1000} s`,
        "try again later, or raise the source's timeout (seconds)",
      );
    return fail(`the answer from ${host} broke off: ${networkReason(e)}`, 'try again later');
  }
}

async function readCapped(response: Response, signal: AbortSignal): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > MAX_BYTES) {
      await response.body?.cancel();
      throw new Failure(`the answer is larger than ${MAX_BYTES / 1024 / 1024} MB`, 'point the source at a smaller document');
    }
    chunks.push(chunk);
    if (signal.aborted) throw signal.reason;
  }
  return Buffer.concat(chunks);
}

/** Columns in order and rows as plain values; dates stay text, as the server wrote them. */
async function fromPostgres(def: Extract<Source, { type: 'postgres' }>, opts: FetchOptions, timeout: number): Promise<Fetched> {
  const connectionString = secret(opts.env, def.connection.env, 'the database connection string');
  const { default: pg } = await import('pg');
  const asText = (v: string) => v;
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: timeout,
    query_timeout: timeout,
    statement_timeout: timeout,
    types: {
      // DATE, TIMESTAMP, TIMESTAMPTZ as written by the server: no local-time conversion.
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === 1082 || oid === 1114 || oid === 1184 ? asText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection that drops later reports here; the query's own error says what happened.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => {});
    const msg = (e as Error).message;
    const auth = /password|authentication|role .* does not exist|database .* does not exist/i.test(msg);
    return fail(
      `cannot connect to the database: ${auth ? msg : networkReason(e)}`,
      auth
        ? `check the connection string in ${def.connection.env}`
        : `check the host in ${def.connection.env} and that it is reachable from where okr pull runs`,
    );
  }
  try {
    // Read-only, one statement (the extended protocol refuses several).
    await client.query('BEGIN TRANSACTION READ ONLY');
    // queryMode is pg's (8.12+), missing from its type declarations.
    const r = await client.query<Record<string, unknown>>({ text: def.query, queryMode: 'extended' } as { text: string });
    return { ok: true, raw: { kind: 'rows', columns: r.fields.map((f) => f.name), rows: r.rows } };
  } catch (e) {
    const msg = (e as Error).message;
    if (/timeout|canceling statement/i.test(msg))
      return fail(`the query did not finish within ${timeout / 1000} s`, "simplify the query, or raise the source's timeout (seconds)");
    return fail(`the query failed: ${msg}`, 'run the query against the database by hand; it must be one read-only SELECT');
  } finally {
    await client.end().catch(() => {});
  }
}

async function fromSqlite(def: Extract<Source, { type: 'sqlite' }>, opts: FetchOptions, timeout: number): Promise<Fetched> {
  const path = inside(opts.contentDir, def.file);
  const { DatabaseSync } = await import('node:sqlite');
  let db: InstanceType<typeof DatabaseSync>;
  try {
    db = new DatabaseSync(path, { readOnly: true, timeout });
  } catch (e) {
    return fail(`cannot open ${def.file} as a SQLite database: ${(e as Error).message}`, 'check the file');
  }
  try {
    const statement = db.prepare(def.query);
    const columns = statement.columns().map((c) => c.name);
    const rows = statement.all() as Record<string, unknown>[];
    return { ok: true, raw: { kind: 'rows', columns, rows: rows.map((r) => ({ ...r })) } };
  } catch (e) {
    return fail(`the query failed: ${(e as Error).message}`, `run it with: sqlite3 -readonly ${def.file} '<query>'; it must be one SELECT`);
  } finally {
    db.close();
  }
}
