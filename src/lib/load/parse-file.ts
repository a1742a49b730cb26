// Parse and validate one content file's text against its collection's schema. Pure but for
// readText(); runs on the loader's thread and on the parse worker (./parallel.ts).
import { z } from 'astro/zod';
import { fileIssue, pushAll, type ContentIssue } from '../errors.ts';
import * as schema from '../schema/index.ts';
import type { Collection, Sourced, YamlCollection } from '../source/content.ts';
import type { NodeOffsets } from '../source/yaml-positions.ts';
import { YamlSource } from '../source/yaml-source.ts';
import { cutValues } from './cut-values.ts';
import type { ParseCache } from './parse-cache.ts';
import { parseYaml } from './parse-yaml.ts';
import { readBounded } from './read-bounded.ts';
import { fieldNames, sanitise, schemaIssues } from './schema-issues.ts';

export const SCHEMAS = {
  org: schema.org,
  people: schema.peopleFile,
  teams: schema.teamsFile,
  period: schema.period,
  okr: schema.okrFile,
  kpi: schema.kpiGroupFile,
  receipt: schema.decisionReceipt,
  source: schema.sourceFile,
  guide: schema.guide,
  narrative: schema.narrative,
} satisfies Record<Collection, z.ZodType>;

const knownFields = new Map<z.ZodType, Set<string>>();
const known = (s: z.ZodType) => knownFields.get(s) ?? knownFields.set(s, fieldNames(s)).get(s)!;

/** Decode UTF-8 strictly; a BOM is dropped. */
function decode(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Parse and validate one YAML text against a schema. */
export function validateYaml<T>(
  file: string,
  text: string,
  s: z.ZodType<T>,
  lineOffset = 0,
): { value?: Sourced<T>; issues: ContentIssue[]; source: YamlSource; raw?: unknown } {
  const { source, issues, value, clean } = parseYaml(file, text, lineOffset);
  if (issues.some((issue) => issue.severity === 'error')) return { issues, source };
  pushAll(issues, cutValues(file, text, lineOffset));
  const raw = clean ? value : sanitise(source, value, issues);
  if (raw === null || raw === undefined) {
    issues.push(fileIssue(file, 'file has no content', 'fill it in or delete it'));
    return { issues, source, raw };
  }
  const parsed = s.safeParse(raw);
  if (!parsed.success) {
    pushAll(issues, schemaIssues(source, raw, parsed.error.issues, known(s)));
    return { issues, source, raw };
  }
  return { value: { data: parsed.data, src: source }, issues, source, raw };
}

/** The ids a file declares, even when it fails validation. */
function idsIn(kind: Collection, data: unknown): string[] {
  const ids: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number') ids.push(String(v));
  };
  const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  const d = (data ?? {}) as Record<string, unknown>;
  if (kind === 'teams') list(d.teams).forEach((t) => add(t?.id));
  else if (kind === 'people') list(d.people).forEach((p) => add(p?.id));
  else if (kind === 'period' || kind === 'receipt' || kind === 'source') add(d.id);
  else if (kind === 'kpi') list(d.kpis).forEach((k) => add(k?.id));
  else if (kind === 'okr') list(d.objectives).forEach((o) => add(o?.id));
  return ids;
}

/** What reading one YAML file gives, in a form a worker thread can send back (see ./parallel.ts). */
export interface ParsedFile {
  issues: ContentIssue[];
  text: string;
  /** The validated value, when the file is valid. */
  data?: unknown;
  /** Ids the file declares; undefined when it could not be parsed at all. */
  ids?: string[];
  /** The source's shallow position index (see YamlSource.shallow). */
  shallow?: NodeOffsets;
}

/** Parse and validate one content file's text (UTF-8 decoded, BOM removed). */
export function parseFile(file: string, text: string, kind: YamlCollection): { parsed: ParsedFile; source: YamlSource } {
  const r = validateYaml(file, text, SCHEMAS[kind] as z.ZodType<unknown>);
  const parsed = {
    issues: r.issues,
    text,
    data: r.value?.data,
    ids: 'raw' in r ? idsIn(kind, r.raw) : undefined,
    shallow: r.source.shallow,
  };
  return { source: r.source, parsed };
}

/** parseFile's result, from `cache` when it has this text (the source is then rebuilt from the text and its shallow index). */
export function parseCached(
  file: string,
  text: string,
  kind: YamlCollection,
  cache?: ParseCache,
): { parsed: ParsedFile; source: YamlSource } {
  if (!cache) return parseFile(file, text, kind);
  const key = cache.key(kind, text);
  return fromCache(file, text, kind, cache, key, cache.read(key));
}

/** An entry the cache had (read on either thread), decoded; a miss, or an entry that does not decode, is parsed and stored. */
export function fromCache(
  file: string,
  text: string,
  kind: YamlCollection,
  cache: ParseCache,
  key: string,
  entry: string | undefined,
): { parsed: ParsedFile; source: YamlSource } {
  const hit = entry === undefined ? undefined : cache.decode(entry, file);
  if (hit) return { parsed: { ...hit, text }, source: YamlSource.from(file, text, hit.shallow) };
  const read = parseFile(file, text, kind);
  cache.write(key, file, read.parsed);
  return read;
}

/** Read a file as content text (./read-bounded.ts: a regular file, not too large): strict UTF-8, BOM dropped. */
export function readText(abs: string): { text: string } | { problem: string; hint: string } {
  const read = readBounded(abs);
  if ('problem' in read) return read;
  const text = decode(read.bytes)?.replace(/^\uFEFF/, '');
  return text === undefined ? { problem: 'file is not valid UTF-8', hint: 're-save it with UTF-8 encoding' } : { text };
}

/** Split `---` front matter from an MDX body. */
export function splitFrontmatter(text: string): { yaml: string | undefined; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  return m ? { yaml: m[1]!, body: text.slice(m[0].length) } : { yaml: undefined, body: text };
}
