// What every validation rule shares: the model, lookups built once, and the two ways to report a
// problem — at a field (`at`) or as a reference that names nothing (`ref`, with a "did you mean" hint).
import { didYouMean, type ContentIssue, type Severity } from '../errors.ts';
import { Hinter } from '../hints.ts';
import type { HandbookModel, ObjectiveModel, Origin, PeriodModel } from '../model.ts';
import type { Collection, RawContent } from '../source/content.ts';
import { issueAt } from '../source/yaml-source.ts';

export type Path = (string | number)[];

/** What the loader knows about records that failed: their ids, and the collections with an unreadable file. */
export type Loaded = Pick<RawContent, 'unreadable' | 'declaredIds'>;

export interface ValidationContext {
  m: HandbookModel;
  loaded: Loaded;
  issues: ContentIssue[];
  teams: Set<string>;
  people: Set<string>;
  periods: Set<string>;
  periodById: Map<string, PeriodModel>;
  objectives: Map<string, ObjectiveModel>;
  kpis: Set<string>;
  pillars: Set<string>;
  gates: Set<string>;
  redactions: Set<string>;
  /** Report a problem at `rel` below the origin's path. */
  at: (o: Origin, rel: Path, message: string, hint?: string, severity?: Severity) => void;
  /**
   * Report a reference that names nothing in `known`, with the closest existing id as the hint;
   * `what` says what it names (e.g. 'team'), `where` where such ids are defined.
   */
  ref: (o: Origin, rel: Path, value: string | undefined, known: Set<string> | Map<string, unknown>, what: string, where: string) => void;
}

/** A rule checks one concern of the whole model and reports through the context. */
export type Rule = (ctx: ValidationContext) => void;

/** Which collection a reference points into, so refs into a collection with a broken file stay quiet. */
const COLLECTION_OF: Record<string, Collection> = {
  team: 'teams',
  person: 'people',
  objective: 'okr',
  'key result': 'okr',
  KPI: 'kpi',
  period: 'period',
  source: 'source',
};

/** References defined in org.yaml; when it fails to load they cannot be checked. */
const ORG_REFS = new Set(['pillar', 'stage gate', 'redacted value']);

export function validationContext(m: HandbookModel, loaded: Loaded): ValidationContext {
  const issues: ContentIssue[] = [];
  const at: ValidationContext['at'] = (o, rel, message, hint, severity = 'error') =>
    issues.push(issueAt(o.src, [...o.path, ...rel], message, hint, severity));
  // One Hinter per set of ids (./../hints.ts): thousands of broken references cost what their distinct words cost.
  const hinters = new WeakMap<object, Map<Collection | undefined, Hinter>>();
  const hinter = (known: Set<string> | Map<string, unknown>, collection: Collection | undefined) => {
    const byCollection = hinters.get(known) ?? hinters.set(known, new Map()).get(known)!;
    let h = byCollection.get(collection);
    if (!h)
      byCollection.set(collection, (h = new Hinter([...known.keys(), ...(collection ? (loaded.declaredIds.get(collection) ?? []) : [])])));
    return h;
  };
  const ref: ValidationContext['ref'] = (o, rel, value, known, what, where) => {
    if (value === undefined || known.has(value)) return;
    const collection = COLLECTION_OF[what];
    // Defined in a record that failed validation: that record's own error is reported instead.
    if (collection && loaded.declaredIds.get(collection)?.has(value)) return;
    if (!m.orgOrigin && ORG_REFS.has(what)) return;
    const unreadable = collection ? loaded.unreadable.get(collection) : undefined;
    const hint = didYouMean(value, hinter(known, collection)) ?? `add it to ${where}, or fix the id`;
    at(
      o,
      rel,
      `${what} '${value}' not found`,
      unreadable ? `${hint} (it may be in ${unreadable.join(', ')}, which could not be read)` : hint,
    );
  };
  return {
    m,
    loaded,
    issues,
    teams: new Set(m.teams.map((t) => t.id)),
    people: new Set(m.people.map((p) => p.id)),
    periods: new Set(m.periods.map((p) => p.id)),
    periodById: new Map(m.periods.map((p) => [p.id, p])),
    objectives: new Map(m.objectives.map((o) => [o.id, o])),
    kpis: new Set(m.kpiGroups.flatMap((g) => g.kpis.map((k) => k.id))),
    pillars: new Set(m.org.pillars.map((p) => p.id)),
    gates: new Set(m.org.stageGates.map((g) => g.id)),
    redactions: new Set(m.org.redactions.map((r) => r.id)),
    at,
    ref,
  };
}
