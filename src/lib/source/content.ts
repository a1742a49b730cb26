// What the loader hands the model: each file's validated value with the source it came from, and
// the problems found reading them. Types only, shared by the loader and the pure modules.
import type { z } from 'astro/zod';
import type { ContentIssue } from '../errors.ts';
import type * as schema from '../schema/index.ts';
import type { YamlSource } from './yaml-source.ts';

export type Collection = 'org' | 'people' | 'teams' | 'period' | 'narrative' | 'okr' | 'kpi' | 'receipt' | 'source' | 'guide';
export type YamlCollection = Exclude<Collection, 'narrative' | 'guide'>;

/** One `<Component … />` in an MDX page. */
export interface ComponentUse {
  name: string;
  /** Attribute values (always written as text: an expression is refused by src/lib/prose/rules.ts). */
  attributes: Record<string, string>;
  line: number;
  column: number;
}

/** A validated value plus the file it came from, so later checks can point at its fields. */
export interface Sourced<T> {
  data: T;
  src: YamlSource;
}

export interface MdxFile {
  /** File name without extension (the period id for narratives, the slug for guides). */
  slug: string;
  file: string;
  /** The whole text (front matter included), rendered by src/lib/prose/render.ts. */
  text: string;
  /** `.mdx` (Markdown, the handbook's components and a few HTML elements) or `.md` (Markdown). */
  format: 'md' | 'mdx';
  frontmatter: Record<string, unknown>;
  src: YamlSource | undefined;
  /** The components its body uses, checked against the handbook by validateComponents(). */
  components: ComponentUse[];
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
