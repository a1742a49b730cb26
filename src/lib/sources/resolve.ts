// Which source each key result reads, and the hash that names what it asks for. Pure.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../receipts/canonical.ts';
import type { HandbookModel, KrModel, Origin } from '../model.ts';
import type { Source, SourceFile } from '../schema/index.ts';

/** A key result's source, resolved: inline, or the sources/ file it names. */
export interface ResolvedSource {
  /** The source's id: its file's, its own `id`, or the key result's uid. */
  id: string;
  def: Source;
  /** Where the definition is written: the KR's `source` field, or the sources/ file. */
  origin: Origin;
}

/** Key results that can have a source: the numeric kinds. */
export type SourcedKr = Extract<KrModel, { kind: 'metric' | 'count' | 'threshold' }>;

export const hasSource = (kr: KrModel): kr is SourcedKr & { source: NonNullable<SourcedKr['source']> } =>
  (kr.kind === 'metric' || kr.kind === 'count' || kr.kind === 'threshold') && kr.source !== undefined;

/** The source a key result reads; undefined when it names a sources/ file that does not exist. */
export function resolveSource(kr: SourcedKr, files: ReadonlyMap<string, SourceFile & { origin: Origin }>): ResolvedSource | undefined {
  const s = kr.source;
  if (s === undefined) return undefined;
  if (typeof s === 'string') {
    const file = files.get(s);
    return file && { id: file.id, def: file, origin: file.origin };
  }
  return { id: s.id ?? kr.uid, def: s, origin: { src: kr.origin.src, path: [...kr.origin.path, 'source'] } };
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * SHA-256 of what a source asks for: its location, selection and conversion (never a secret: only
 * the names of the variables that hold them). Two check-ins with the same hash asked the same question.
 */
export function queryHash(def: Source): string {
  const { id: _id, description: _d, every: _e, timeout: _t, ...asked } = def;
  return sha256(canonicalJson(JSON.parse(JSON.stringify(asked))));
}

/** The model's sources/ files by id. */
export const sourceFiles = (m: Pick<HandbookModel, 'sources'>) => new Map(m.sources.map((s) => [s.id, s]));
