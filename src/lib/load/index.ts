// The only I/O of the core: read a content directory into validated records that remember where
// every value came from. Nothing here computes grades; see ../handbook.ts for the pipeline.
import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'astro/zod';
import type { ContentIssue } from '../errors.ts';
import { cutValues } from './cut-values.ts';
import { mdxComponents, type ComponentUse } from './mdx-components.ts';
import * as schema from '../schema/index.ts';
import { fieldNames, sanitise, schemaIssues } from './schema-issues.ts';
import { parseInParallel } from './parallel.ts';
import type { ParseCache } from './parse-cache.ts';
import { issueAt, parseYaml, YamlSource } from './yaml-source.ts';
import type { NodeOffsets } from './yaml-positions.ts';

export type { YamlSource } from './yaml-source.ts';
export { issueAt, positionOf } from './yaml-source.ts';

/** A validated value plus the file it came from, so later checks can point at its fields. */
export interface Sourced<T> {
  data: T;
  src: YamlSource;
}

export interface MdxFile {
  /** File name without extension (the period id for narratives, the slug for guides). */
  slug: string;
  file: string;
  /** Absolute path, for Astro's MDX pipeline. */
  absPath: string;
  frontmatter: Record<string, unknown>;
  src: YamlSource | undefined;
  /** The components its body uses, checked against the handbook by validateComponents(). */
  components: ComponentUse[];
  /** It imports components of its own (those names are not checked). */
  imports: boolean;
}

export interface RawContent {
  dir: string;
  org?: Sourced<schema.Org>;
  people: Sourced<z.infer<typeof schema.peopleFile>>[];
  teams: Sourced<z.infer<typeof schema.teamsFile>>[];
  periods: Sourced<schema.Period>[];
  okrFiles: Sourced<schema.OkrFile>[];
  kpiGroups: Sourced<schema.KpiGroupFile>[];
  receipts: Sourced<schema.DecisionReceipt>[];
  sources: Sourced<schema.SourceFile>[];
  /** Data files a source may read (.csv, .json, .sqlite, .db under sources/), relative to the content directory. */
  dataFiles: Set<string>;
  narratives: MdxFile[];
  guides: MdxFile[];
  issues: ContentIssue[];
  /** Collections with a file that could not be parsed at all (references into them may be unknowable). */
  unreadable: Map<Collection, string[]>;
  /** Ids written in files, valid or not: a reference to a record that failed validation is not dangling. */
  declaredIds: Map<Collection, Set<string>>;
}

/** Where each kind of file lives; `okr check` reports any other file as unread. */
export const LAYOUT = {
  'org.yaml': 'organisation: name, fiscal calendar, grading bands, pillars, stage gates',
  'people.yaml': 'owners and DRIs',
  'teams.yaml': 'teams (the company is the root team)',
  'periods/<id>.yaml': 'a period (quarter or year); periods/<id>.mdx is its narrative',
  'okrs/<period>/<team>.yaml': "one team's objectives and key results for one period",
  'kpis/<group>.yaml': 'a group of the KPI catalogue',
  'receipts/<id>.yaml': 'a decision receipt',
  'sources/<id>.yaml, sources/**/*.csv|json|sqlite|db': 'live-number sources key results name, and the data files they read',
  'guides/<slug>.mdx': 'a guide page',
  'trust/<period>/v<N>/, trust/keys/*.pem': 'trust-center snapshots (written by okr snapshot) and public keys',
} as const;

export type Collection = 'org' | 'people' | 'teams' | 'period' | 'narrative' | 'okr' | 'kpi' | 'receipt' | 'source' | 'guide';

/** Files under sources/ that sources read (never parsed by the loader). */
const DATA_FILE = /^sources\/.+\.(csv|json|sqlite|sqlite3|db)$/;
export type YamlCollection = Exclude<Collection, 'narrative' | 'guide'>;

function classify(rel: string): Collection | undefined {
  const parts = rel.split('/');
  const yaml = /\.ya?ml$/.test(rel);
  const mdx = /\.mdx?$/.test(rel);
  if (parts.length === 1) return rel === 'org.yaml' ? 'org' : rel === 'people.yaml' ? 'people' : rel === 'teams.yaml' ? 'teams' : undefined;
  const [top] = parts;
  if (top === 'periods' && parts.length === 2) return yaml ? 'period' : mdx ? 'narrative' : undefined;
  if (top === 'okrs' && parts.length === 3 && yaml) return 'okr';
  if (top === 'kpis' && parts.length === 2 && yaml) return 'kpi';
  if (top === 'receipts' && parts.length === 2 && yaml) return 'receipt';
  if (top === 'sources' && parts.length === 2 && yaml) return 'source';
  if (top === 'guides' && parts.length === 2 && mdx) return 'guide';
  return undefined;
}

const SCHEMAS = {
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

/** An entry of the content directory that cannot be read as a file or folder. */
interface Unwalkable {
  abs: string;
  message: string;
  hint: string;
}

/** Where a symbolic link points; undefined for anything else (or what cannot be read). */
function linkTarget(abs: string): string | undefined {
  try {
    return lstatSync(abs).isSymbolicLink() ? readlinkSync(abs) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every file under `dir`, sorted, and the entries that cannot be read: a broken link, a folder
 * without read permission, a link to a folder already in the content (its files would be read
 * twice, or forever in a loop). Other links are followed.
 */
function walk(
  dir: string,
  out: string[] = [],
  bad: Unwalkable[] = [],
  inside = [realpathSync(dir)],
): { files: string[]; bad: Unwalkable[] } {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    bad.push({ abs: dir, message: `this folder cannot be read (${(e as NodeJS.ErrnoException).code})`, hint: 'check its permissions' });
    return { files: out, bad };
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const abs = join(dir, name);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const target = linkTarget(abs);
      bad.push(
        target !== undefined && (code === 'ENOENT' || code === 'ELOOP')
          ? {
              abs,
              message: `this is a link to ${target}, which ${code === 'ELOOP' ? 'leads back to itself' : 'does not exist'}`,
              hint: 'point the link at a file, or delete it',
            }
          : { abs, message: `this cannot be read (${code})`, hint: 'check its permissions' },
      );
      continue;
    }
    if (!isDir) {
      out.push(abs);
      continue;
    }
    const real = realpathSync(abs);
    const target = linkTarget(abs);
    // A link into the content, or to a folder holding it, would read files twice (or forever).
    if (target !== undefined && inside.some((d) => real === d || real.startsWith(d + sep) || d.startsWith(real + sep)))
      bad.push({
        abs,
        message: `this is a link to ${target}, a folder already in the content or holding it, so it is not read`,
        hint: 'delete the link',
      });
    else walk(abs, out, bad, [...inside, real]);
  }
  return { files: out, bad };
}

/** Decode UTF-8 strictly; a BOM is dropped. */
function decode(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A file's place names what it holds (okrs/<period>/<team>.yaml, periods/<id>.yaml, kpis/<id>.yaml,
 * receipts/<id>.yaml): a file copied without its fields updated is reported, not silently credited
 * to another team or period.
 */
function misplaced(kind: Collection, rel: string, data: unknown, src: YamlSource): ContentIssue[] {
  const parts = rel.split('/');
  const name = parts.at(-1)!.replace(/\.ya?ml$/, '');
  const folder = parts.slice(0, -1).join('/');
  const fields: [field: string, placed: string, hint: (value: string) => string][] =
    kind === 'okr'
      ? [
          ['period', parts[1]!, (v) => `move the file to okrs/${v}/${name}.yaml, or write period: ${parts[1]}`],
          ['team', name, (v) => `rename the file to okrs/${parts[1]}/${v}.yaml, or write team: ${name}`],
        ]
      : kind === 'period' || kind === 'kpi' || kind === 'receipt' || kind === 'source'
        ? [['id', name, (v) => `rename the file to ${folder}/${v}.yaml: a file is named by its id`]]
        : [];
  const d = data as Record<string, unknown>;
  return fields
    .filter(([field, placed]) => String(d[field]) !== placed)
    .map(([field, , hint]) =>
      issueAt(src, [field], `${field} '${String(d[field])}' does not match where the file is (${rel})`, hint(String(d[field]))),
    );
}

/** Parse and validate one YAML text against a schema. */
export function validateYaml<T>(
  file: string,
  text: string,
  s: z.ZodType<T>,
  lineOffset = 0,
): { value?: Sourced<T>; issues: ContentIssue[]; source: YamlSource; raw?: unknown } {
  const { source, issues, value, clean } = parseYaml(file, text, lineOffset);
  if (issues.some((i) => i.severity === 'error')) return { issues, source };
  issues.push(...cutValues(file, text, lineOffset));
  const raw = clean ? value : sanitise(source, value, issues);
  if (raw === null || raw === undefined) {
    issues.push({ file, line: 0, column: 0, path: '', message: 'file has no content', hint: 'fill it in or delete it', severity: 'error' });
    return { issues, source, raw };
  }
  const parsed = s.safeParse(raw);
  if (!parsed.success) {
    issues.push(...schemaIssues(source, raw, parsed.error.issues, known(s as z.ZodType)));
    return { issues, source, raw };
  }
  return { value: { data: parsed.data, src: source }, issues, source, raw };
}

/** Re-validate a mapping without the top-level fields that are invalid (their errors are already reported). */
function salvage<T>(src: YamlSource, s: z.ZodType<T>): Sourced<T> | undefined {
  const data = src.doc.toJS() as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = s.safeParse(data);
    if (r.success) return { data: r.data, src };
    for (const issue of r.error.issues) {
      const key = issue.path[0];
      if (key === undefined) {
        if (issue.code !== 'unrecognized_keys') return undefined;
        for (const k of issue.keys) delete data[k];
      } else delete data[String(key)];
    }
  }
  return undefined;
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

/** Read a file as content text: strict UTF-8, BOM dropped; undefined when it is not UTF-8. */
export function readText(abs: string): string | undefined {
  return decode(readFileSync(abs))?.replace(/^\uFEFF/, '');
}

/** Split `---` front matter from an MDX body. */
export function splitFrontmatter(text: string): { yaml: string | undefined; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  return m ? { yaml: m[1]!, body: text.slice(m[0].length) } : { yaml: undefined, body: text };
}

/** Read and validate a content directory; `cache` keeps each YAML file's result by its text (./parse-cache.ts). */
export function loadContent(dir: string, cwd = process.cwd(), cache?: ParseCache): RawContent {
  const raw: RawContent = {
    dir,
    people: [],
    teams: [],
    periods: [],
    okrFiles: [],
    kpiGroups: [],
    receipts: [],
    sources: [],
    dataFiles: new Set(),
    narratives: [],
    guides: [],
    issues: [],
    unreadable: new Map(),
    declaredIds: new Map(),
  };
  const display = (abs: string) => relative(cwd, abs).split(sep).join('/');
  /** A file of this collection could not be read: references into it may be unknowable. */
  const unreadable = (kind: Collection, file: string) => raw.unreadable.set(kind, [...(raw.unreadable.get(kind) ?? []), file]);
  let found = false;
  try {
    found = statSync(dir).isDirectory();
  } catch {}
  if (!found) {
    raw.issues.push({
      file: display(dir),
      line: 0,
      column: 0,
      path: '',
      message: 'content directory not found',
      hint: 'pass --content DIR or set OKR_CONTENT',
      severity: 'error',
    });
    return raw;
  }
  const { files, bad } = walk(dir);
  for (const b of bad) {
    const file = display(b.abs);
    raw.issues.push({ file, line: 0, column: 0, path: '', message: b.message, hint: b.hint, severity: 'error' });
    // What it would have held is unknown: references into its collection are not reported as dangling.
    const kind = classify(relative(dir, b.abs).split(sep).join('/'));
    if (kind) unreadable(kind, file);
  }
  // The key results' files are most of the work: a big handbook reads them on two threads.
  const prefetched = parseInParallel(
    files
      .filter((abs) => classify(relative(dir, abs).split(sep).join('/')) === 'okr')
      .map((abs) => ({ abs, file: display(abs), kind: 'okr' as const })),
    cache,
  ).files;
  for (const abs of files) {
    const rel = relative(dir, abs).split(sep).join('/');
    const file = display(abs);
    const fileIssue = (message: string, hint?: string) =>
      raw.issues.push({ file, line: 0, column: 0, path: '', message, hint, severity: 'error' });
    // The trust-center area is read and verified by ./trust.ts, not by a collection.
    if (rel.startsWith('trust/')) continue;
    if (DATA_FILE.test(rel)) {
      raw.dataFiles.add(rel);
      continue;
    }
    const kind = classify(rel);
    const fail = (message: string, hint?: string) => {
      fileIssue(message, hint);
      if (kind) unreadable(kind, file);
    };
    if (!kind) {
      fileIssue(
        'this file is in a place no collection reads, so it is ignored',
        `content files go in: ${Object.keys(LAYOUT).join(', ')}${/\.yml$/.test(rel) ? '' : ''}`,
      );
      continue;
    }
    const ahead = prefetched.get(abs);
    const body = ahead ? ahead.text : readText(abs);
    if (body === undefined) {
      fail('file is not valid UTF-8', 're-save it with UTF-8 encoding');
      continue;
    }
    if (body.trim() === '') {
      fail('file is empty', 'fill it in or delete it');
      continue;
    }
    if (kind === 'narrative' || kind === 'guide') {
      const { yaml } = splitFrontmatter(body);
      const slug = rel
        .split('/')
        .pop()!
        .replace(/\.mdx?$/, '');
      let frontmatter: Record<string, unknown> = {};
      let src: YamlSource | undefined;
      if (yaml !== undefined) {
        const r = validateYaml(file, yaml, SCHEMAS[kind] as z.ZodType<Record<string, unknown>>, 1);
        raw.issues.push(...r.issues);
        src = r.source;
        if (!r.value) continue;
        frontmatter = r.value.data;
      } else if (kind === 'guide') {
        fail('guide page has no front matter', "start the file with ---, a 'title:' line and ---");
        continue;
      }
      const mdx = mdxComponents(file, body);
      raw.issues.push(...mdx.issues);
      (kind === 'guide' ? raw.guides : raw.narratives).push({
        slug,
        file,
        absPath: abs,
        frontmatter,
        src,
        components: mdx.uses,
        imports: mdx.imports,
      });
      continue;
    }
    const { parsed, source } = ahead
      ? { parsed: ahead, source: YamlSource.from(file, body, ahead.shallow) }
      : parseCached(file, body, kind, cache);
    raw.issues.push(...parsed.issues);
    if (!parsed.ids) unreadable(kind, file);
    else for (const id of parsed.ids) (raw.declaredIds.get(kind) ?? raw.declaredIds.set(kind, new Set()).get(kind)!).add(id);
    let value: Sourced<unknown> | undefined = parsed.data === undefined ? undefined : { data: parsed.data, src: source };
    // org.yaml drives every other check: keep its valid settings so one bad field does not hide other files' errors.
    if (!value && kind === 'org') value = salvage(source, schema.org);
    if (!value) continue;
    raw.issues.push(...misplaced(kind, rel, value.data, source));
    const v = value as Sourced<never>;
    if (kind === 'org') raw.org = v;
    else if (kind === 'people') raw.people.push(v);
    else if (kind === 'teams') raw.teams.push(v);
    else if (kind === 'period') raw.periods.push(v);
    else if (kind === 'okr') raw.okrFiles.push(v);
    else if (kind === 'kpi') raw.kpiGroups.push(v);
    else if (kind === 'receipt') raw.receipts.push(v);
    else if (kind === 'source') raw.sources.push(v);
  }
  const has = (f: string) => files.some((abs) => relative(dir, abs).split(sep).join('/') === f);
  for (const required of ['org.yaml', 'teams.yaml'])
    if (!has(required))
      raw.issues.push({
        file: `${display(dir)}/${required}`,
        line: 0,
        column: 0,
        path: '',
        message: `${required} is missing`,
        hint: `every handbook needs ${required}: ${LAYOUT[required as keyof typeof LAYOUT]}`,
        severity: 'error',
      });
  return raw;
}
