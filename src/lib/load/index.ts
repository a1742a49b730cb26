// The only I/O of the core: read a content directory into validated records that remember where
// every value came from. Nothing here computes grades; see ../handbook.ts for the pipeline.
import { statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { z } from 'astro/zod';
import { fileIssue, pushAll, type ContentIssue } from '../errors.ts';
import { checkProse } from '../prose/check.ts';
import { proseFormat } from '../prose/parse.ts';
import * as schema from '../schema/index.ts';
import type { Collection, MdxFile, RawContent, Sourced, YamlCollection } from '../source/content.ts';
import { issueAt, YamlSource } from '../source/yaml-source.ts';
import { classify, isDataFile, LAYOUT } from './layout.ts';
import { parseInParallel } from './parallel.ts';
import type { ParseCache } from './parse-cache.ts';
import { parseCached, readText, SCHEMAS, splitFrontmatter, validateYaml, type ParsedFile } from './parse-file.ts';
import { sanitise } from './schema-issues.ts';
import { walk } from './walk.ts';

/** Read and validate a content directory; `cache` keeps each YAML file's result by its text (./parse-cache.ts). */
export function loadContent(dir: string, cwd = process.cwd(), cache?: ParseCache): RawContent {
  const raw = emptyContent(dir);
  const display = (abs: string) => relative(cwd, abs).split(sep).join('/');
  const inContent = (abs: string) => relative(dir, abs).split(sep).join('/');
  if (!isDirectory(dir)) {
    raw.issues.push(fileIssue(display(dir), 'content directory not found', 'pass --content DIR or set OKR_CONTENT'));
    return raw;
  }
  const { files, bad } = walk(dir);
  for (const b of bad) {
    const file = display(b.abs);
    raw.issues.push(fileIssue(file, b.message, b.hint));
    // What it would have held is unknown: references into its collection are not reported as dangling.
    const kind = classify(inContent(b.abs));
    if (kind) markUnreadable(raw, kind, file);
  }
  // The key results' files are most of the work: a big handbook reads them on two threads.
  const prefetched = parseInParallel(
    files.filter((abs) => classify(inContent(abs)) === 'okr').map((abs) => ({ abs, file: display(abs), kind: 'okr' as const })),
    cache,
  ).files;
  for (const abs of files) readFile(raw, { abs, rel: inContent(abs), file: display(abs) }, prefetched.get(abs), cache);
  const rels = new Set(files.map(inContent));
  for (const required of ['org.yaml', 'teams.yaml'] as const)
    if (!rels.has(required))
      raw.issues.push(
        fileIssue(`${display(dir)}/${required}`, `${required} is missing`, `every handbook needs ${required}: ${LAYOUT[required]}`),
      );
  return raw;
}

/** One content file: its absolute path, its path inside the content and the path shown in messages. */
interface ContentFile {
  abs: string;
  rel: string;
  file: string;
}

/** Read one file into `raw`: its record, its problems, and its collection marked unreadable when it cannot be read. */
function readFile(raw: RawContent, f: ContentFile, ahead: ParsedFile | undefined, cache: ParseCache | undefined): void {
  // The trust-center area is read and verified by ./trust.ts, not by a collection.
  if (f.rel.startsWith('trust/')) return;
  if (isDataFile(f.rel)) return void raw.dataFiles.add(f.rel);
  const kind = classify(f.rel);
  if (!kind) {
    raw.issues.push(
      fileIssue(
        f.file,
        'this file is in a place no collection reads, so it is ignored',
        `content files go in: ${Object.keys(LAYOUT).join(', ')}`,
      ),
    );
    return;
  }
  const fail = (message: string, hint: string) => {
    raw.issues.push(fileIssue(f.file, message, hint));
    markUnreadable(raw, kind, f.file);
  };
  const read = ahead ? { text: ahead.text } : readText(f.abs);
  if ('problem' in read) return fail(read.problem, read.hint);
  const { text } = read;
  if (text.trim() === '') return fail('file is empty', 'fill it in or delete it');
  if (kind === 'narrative' || kind === 'guide') {
    const page = readMdx(raw, f, kind, text);
    if (page === 'no front matter') fail('guide page has no front matter', "start the file with ---, a 'title:' line and ---");
    else if (page) addPage(raw, kind === 'guide' ? raw.guides : raw.narratives, page);
    return;
  }
  const { parsed, source } = ahead
    ? { parsed: ahead, source: YamlSource.from(f.file, text, ahead.shallow) }
    : parseCached(f.file, text, kind, cache);
  pushAll(raw.issues, parsed.issues);
  if (!parsed.ids) markUnreadable(raw, kind, f.file);
  else {
    const ids = raw.declaredIds.get(kind) ?? raw.declaredIds.set(kind, new Set()).get(kind)!;
    for (const id of parsed.ids) ids.add(id);
  }
  let value: Sourced<unknown> | undefined = parsed.data === undefined ? undefined : { data: parsed.data, src: source };
  // org.yaml drives every other check: keep its valid settings so one bad field does not hide other files' errors.
  if (!value && kind === 'org') value = salvage(source, schema.org);
  if (!value) return;
  pushAll(raw.issues, misplaced(kind, f.rel, value.data, source));
  addRecord(raw, kind, value);
}

/** A narrative or guide page; undefined when its front matter is invalid (the problems are in `raw.issues`). */
function readMdx(raw: RawContent, f: ContentFile, kind: 'narrative' | 'guide', text: string): MdxFile | 'no front matter' | undefined {
  const { yaml } = splitFrontmatter(text);
  let frontmatter: Record<string, unknown> = {};
  let src: YamlSource | undefined;
  if (yaml !== undefined) {
    const r = validateYaml(f.file, yaml, SCHEMAS[kind] as z.ZodType<Record<string, unknown>>, 1);
    pushAll(raw.issues, r.issues);
    src = r.source;
    if (!r.value) return undefined;
    frontmatter = r.value.data;
  } else if (kind === 'guide') return 'no front matter';
  const format = proseFormat(f.rel);
  const prose = checkProse(f.file, text, format);
  pushAll(raw.issues, prose.issues);
  const slug = f.rel.slice(f.rel.lastIndexOf('/') + 1).replace(/\.mdx?$/, '');
  return { slug, file: f.file, text, format, frontmatter, src, components: prose.components };
}

/**
 * Add a page, unless one of the same name is already there — x.md beside x.mdx, or X.mdx beside
 * x.mdx (one folder on a file system that ignores case): both would claim one address.
 */
function addPage(raw: RawContent, pages: MdxFile[], page: MdxFile): void {
  const name = (p: MdxFile) => p.slug.normalize('NFC').toLowerCase();
  const first = pages.find((p) => name(p) === name(page));
  if (!first) return void pages.push(page);
  raw.issues.push(
    fileIssue(
      page.file,
      `${first.file} and this file are both the page '${first.slug}'`,
      'a page is one file: merge them and delete the other',
    ),
  );
}

/** File a validated record under its collection (the schemas guarantee each kind's type). */
function addRecord(raw: RawContent, kind: YamlCollection, value: Sourced<unknown>): void {
  const v = value as Sourced<never>;
  if (kind === 'org') raw.org = v;
  else if (kind === 'people') raw.people.push(v);
  else if (kind === 'teams') raw.teams.push(v);
  else if (kind === 'period') raw.periods.push(v);
  else if (kind === 'okr') raw.okrFiles.push(v);
  else if (kind === 'kpi') raw.kpiGroups.push(v);
  else if (kind === 'source') raw.sources.push(v);
  else raw.receipts.push(v);
}

/** A file of this collection could not be read: references into it may be unknowable. */
function markUnreadable(raw: RawContent, kind: Collection, file: string): void {
  raw.unreadable.set(kind, [...(raw.unreadable.get(kind) ?? []), file]);
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function emptyContent(dir: string): RawContent {
  return {
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

/** Re-validate a mapping without the top-level fields that are invalid (their errors are already reported). */
function salvage<T>(src: YamlSource, s: z.ZodType<T>): Sourced<T> | undefined {
  let data: Record<string, unknown> | null;
  try {
    // Read as the file was: reserved keys dropped, no alias inside itself (their errors are reported).
    data = sanitise(src, src.doc.toJS({ maxAliasCount: 100 }), []) as Record<string, unknown> | null;
  } catch {
    return undefined; // aliases that expand too far: reported where the file was parsed
  }
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
