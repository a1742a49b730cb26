// From what a source returned to one number and, when the data says, its date. Pure: the bytes or
// rows come from src/lib/load/source-fetch.ts. Anything doubtful is a failure with a hint, never a guess.
import { parse as parseCsv } from 'csv-parse/sync';
import { didYouMean } from '../errors.ts';
import { scalarText } from '../format.ts';
import type { Source } from '../schema/index.ts';

/** What a source returned: a document's bytes, or the rows of a query. */
export type RawResult = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'rows'; columns: string[]; rows: Record<string, unknown>[] };

/** What reading a source gave: its raw result, or why there is none (src/lib/load/source-fetch.ts). */
export type Fetched = { ok: true; raw: RawResult } | { ok: false; message: string; hint: string };

/** The dates a reading must fall in to count for the key result's period. */
export interface Window {
  from: string;
  to: string;
}

export type Extracted =
  | { ok: true; value: number; date?: string }
  /** The data holds no reading for this window (a monthly file early in a quarter): nothing to add. */
  | { ok: 'none'; note: string }
  | { ok: false; message: string; hint: string };

const fail = (message: string, hint: string): Extracted => ({ ok: false, message, hint });

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A cell or field as a number: a finite number, or text that is a plain number; undefined otherwise. */
export function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : undefined;
  if (typeof v === 'string' && NUMBER.test(v.trim())) {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

const shown = (v: unknown) =>
  v === null || v === undefined ? 'empty' : typeof v === 'string' ? `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : scalarText(v);

/** A date at the start of a value (2026-05-31, 2026-05-31T06:00:00Z, a Date); undefined otherwise. */
export function asDate(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  const m = typeof v === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(v.trim()) : null;
  if (!m) return undefined;
  const d = new Date(`${m[1]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(m[1]!) ? m[1] : undefined;
}

const decode = (bytes: Uint8Array): string | undefined => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
};

/** The value (and date) a source's raw result holds for one window. */
export function extract(def: Source, raw: RawResult, window: Window): Extracted {
  if (raw.kind === 'rows') return fromRows(raw, window);
  const text = decode(raw.bytes);
  if (text === undefined)
    return fail('the data is not UTF-8 text', `check that the ${def.type === 'csv' ? 'file' : 'response'} is ${def.type.toUpperCase()}`);
  if (def.type === 'csv') return fromCsv(def, text, window);
  if (def.type === 'json') return fromJson(def, text, window);
  return fail(`a ${def.type} source returned a document, not rows`, 'this is a bug in okr pull');
}

/** One value among candidate readings: the latest dated one within the window, or the only one. */
function pick(
  readings: { value: unknown; date?: string; label: string }[],
  dated: boolean,
  window: Window,
  what: string,
  narrow: string,
): Extracted {
  if (readings.length === 0) return fail(`${what} matched no row`, narrow);
  let chosen = readings;
  if (dated) {
    const inWindow = readings.filter((r) => r.date !== undefined && r.date >= window.from && r.date <= window.to);
    if (inWindow.length === 0)
      return {
        ok: 'none',
        note: `no reading dated between ${window.from} and ${window.to} (latest: ${readings
          .map((r) => r.date)
          .sort()
          .at(-1)})`,
      };
    const latest = inWindow
      .map((r) => r.date!)
      .sort()
      .at(-1)!;
    chosen = inWindow.filter((r) => r.date === latest);
  }
  if (chosen.length > 1)
    return fail(`${what} matched ${chosen.length} rows${dated ? ` dated ${chosen[0]!.date}` : ''}; it must match one`, narrow);
  const r = chosen[0]!;
  const value = asNumber(r.value);
  if (value === undefined)
    return fail(`${r.label} is ${shown(r.value)}, not a number`, 'a source must give a plain number (no unit, no thousands separators)');
  return { ok: true, value, date: r.date };
}

function fromCsv(def: Extract<Source, { type: 'csv' }>, text: string, window: Window): Extracted {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv<Record<string, string>>(text, { columns: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (e) {
    return fail(`the CSV cannot be read: ${(e as Error).message}`, 'check the file: a header row, then one record per line');
  }
  const header = rows.length ? Object.keys(rows[0]!) : (text.split(/\r?\n/)[0] ?? '').split(',').map((h) => h.trim());
  for (const [field, name] of [
    ['column', def.column],
    ['dateColumn', def.dateColumn],
    ...Object.keys(def.where ?? {}).map((k) => ['where', k]),
  ] as const) {
    if (name !== undefined && !header.includes(name))
      return fail(`the CSV has no column '${name}' (${field})`, didYouMean(name, header) ?? `its columns are: ${header.join(', ')}`);
  }
  const where = Object.entries(def.where ?? {});
  const matching = rows.filter((r) => where.every(([k, v]) => r[k] === String(v)));
  const readings = [];
  for (const r of matching) {
    const date = def.dateColumn === undefined ? undefined : asDate(r[def.dateColumn]);
    if (def.dateColumn !== undefined && date === undefined)
      return fail(
        `dateColumn '${def.dateColumn}' is ${shown(r[def.dateColumn])} in a matching row, not a date`,
        'write dates as YYYY-MM-DD',
      );
    readings.push({ value: r[def.column], date, label: `column '${def.column}'${date ? ` in the row dated ${date}` : ''}` });
  }
  const narrow = where.length
    ? `narrow 'where' (now ${where.map(([k, v]) => `${k} = ${v}`).join(', ')})${def.dateColumn ? '' : ', or name a dateColumn to read the latest row'}`
    : `add 'where: { <column>: <value> }' to pick the row${def.dateColumn ? '' : ', or name a dateColumn to read the latest row'}`;
  return pick(readings, def.dateColumn !== undefined, window, where.length ? "the CSV's 'where'" : 'the CSV', narrow);
}

/** RFC 6901: the value at a JSON Pointer, or undefined with the deepest path that exists. */
export function atPointer(doc: unknown, pointer: string): { found: true; value: unknown } | { found: false; at: string; keys: string[] } {
  if (pointer === '') return { found: true, value: doc };
  let here = doc;
  let at = '';
  for (const token of pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    const keys = here && typeof here === 'object' ? Object.keys(here) : [];
    const own = Array.isArray(here) ? /^(0|[1-9]\d*)$/.test(token) && Number(token) < here.length : keys.includes(token);
    if (!own) return { found: false, at, keys };
    here = (here as Record<string, unknown>)[token];
    at += `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  }
  return { found: true, value: here };
}

function fromJson(def: Extract<Source, { type: 'json' }>, text: string, window: Window): Extracted {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fail(`the response is not JSON: ${(e as Error).message}`, 'check the URL or file: it must return a JSON document');
  }
  const get = (pointer: string, field: string) => {
    const r = atPointer(doc, pointer);
    if (r.found) return r;
    const keys = r.keys.length ? ` (keys there: ${r.keys.slice(0, 10).join(', ')}${r.keys.length > 10 ? ', …' : ''})` : '';
    return fail(`nothing at ${field} ${pointer}: the document stops at '${r.at || '/'}'${keys}`, 'fix the pointer: /key/0/field');
  };
  const value = get(def.pointer, 'pointer');
  if ('ok' in value) return value;
  let date: string | undefined;
  if (def.datePointer !== undefined) {
    const d = get(def.datePointer, 'datePointer');
    if ('ok' in d) return d;
    date = asDate(d.value);
    if (date === undefined) return fail(`datePointer ${def.datePointer} is ${shown(d.value)}, not a date`, 'point at a YYYY-MM-DD date');
  }
  return pick([{ value: value.value, date, label: `the value at ${def.pointer}` }], date !== undefined, window, 'the pointer', '');
}

function fromRows(raw: Extract<RawResult, { kind: 'rows' }>, window: Window): Extracted {
  const narrow = 'make the query return exactly one row (a WHERE, or ORDER BY … LIMIT 1)';
  if (raw.rows.length === 0) return fail('the query returned no row', narrow);
  if (raw.rows.length > 1) return fail(`the query returned ${raw.rows.length} rows; it must return one`, narrow);
  const valueColumns = raw.columns.filter((c) => c !== 'date');
  const column = raw.columns.includes('value') ? 'value' : valueColumns.length === 1 ? valueColumns[0]! : undefined;
  if (column === undefined)
    return fail(
      `the query returned the columns ${raw.columns.join(', ')}; which is the value?`,
      "name the value's column 'value' (… AS value)",
    );
  const row = raw.rows[0]!;
  let date: string | undefined;
  if (raw.columns.includes('date')) {
    date = asDate(row.date);
    if (date === undefined)
      return fail(`the query's date column is ${shown(row.date)}, not a date`, 'return the date as YYYY-MM-DD, or drop the date column');
  }
  return pick([{ value: row[column], date, label: `column '${column}'` }], date !== undefined, window, 'the query', narrow);
}
