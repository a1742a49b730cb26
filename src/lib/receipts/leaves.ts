// Leaves: the public projection of each record that a period's Merkle tree commits to.
//
// A leaf is the RFC 8785 canonical JSON of what a reader of the trust center is shown about a
// record — ids, titles, kinds, units, baseline / start / target, the latest reading (with its
// provenance when okr pull read it), what the document declared — and never: computed grades (they
// are a function of the leaf's fields and the generator version, and fixing the grading code must
// not invalidate approvals), check-in notes,
// internal links (a public record's leaf names only public records, so it is the same in the
// internal and the public build), classification, or redacted values.
// Pure and deterministic: no dates, no locale, no build settings.
import { publicLinks, type PublicIds } from '../public-ids.ts';
import { currentReading } from '../grading.ts';
import type { HandbookModel, KrModel, ObjectiveModel, PeriodModel } from '../model.ts';
import type { DecisionReceipt } from '../schema/index.ts';

export type ReceiptScope = DecisionReceipt['scope'];
import { canonicalJson, type JsonObject } from './canonical.ts';
import { compareLeaves, leafKey } from './order.ts';

export const RECORD_TYPES = ['period', 'objective', 'keyResult', 'risk', 'stageGate', 'stageGateAssignment', 'kpi', 'kpiLink'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export interface Leaf {
  /** `<record>/<id>`, e.g. "keyResult/2027-q1-company-churn-defense.kr2". */
  key: string;
  record: RecordType;
  id: string;
  /** A one-line label for lists (title or name). */
  label: string;
  value: JsonObject;
  /** RFC 8785 canonical JSON of `value`: the bytes the leaf hash covers (as UTF-8). */
  canonical: string;
}

/** Drop undefined fields and empty lists, so optional content does not change a leaf's shape. */
function clean(o: Record<string, unknown>): JsonObject {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? clean(v as Record<string, unknown>) : v;
  }
  return out as JsonObject;
}

function leaf(record: RecordType, id: string, label: string, fields: Record<string, unknown>): Leaf {
  const value = clean({ record, id, ...fields });
  return { key: leafKey(record, id), record, id, label, value, canonical: canonicalJson(value) };
}

export function periodLeaf(p: PeriodModel): Leaf {
  return leaf('period', p.id, p.name ?? p.id, {
    kind: p.kind,
    name: p.name,
    start: p.start,
    end: p.end,
    theme: p.theme,
    summary: p.summary,
    midReview: p.midReview,
    gradingDate: p.gradingDate,
    lockDate: p.lockDate,
    finalized: p.finalized,
  });
}

const declared = (d: { grade?: number; status?: string } | undefined) => (d ? { grade: d.grade, status: d.status } : undefined);

export function objectiveLeaf(o: ObjectiveModel, ids: PublicIds): Leaf {
  // A public record names only public records; an internal record's leaf may name anything.
  const isPublic = ids.objectives.has(o.id);
  const links = isPublic ? publicLinks(o, ids) : o;
  return leaf('objective', o.id, o.title, {
    period: o.period,
    team: o.team,
    title: o.title,
    description: o.description,
    owner: o.owner,
    dri: o.dri,
    priority: o.priority,
    commitment: o.type,
    confidence: o.confidence,
    pillar: o.pillar,
    stageGate: o.stageGate,
    parent: links.parent,
    contributes: links.contributes,
    weight: o.weight,
    declared: declared(o.declared),
    keyResults: o.keyResults.filter((k) => !isPublic || ids.krs.has(k.uid)).map((k) => k.uid),
  });
}

export function krLeaf(k: KrModel, ids: PublicIds): Leaf {
  const isPublic = ids.krs.has(k.uid);
  const kr = k as KrModel & Record<string, unknown>;
  const reading = k.kind === 'redacted' || k.kind === 'compound' || k.kind === 'manual' ? undefined : currentReading(kr);
  return leaf('keyResult', k.uid, k.title, {
    objective: k.objective,
    key: k.id,
    title: k.title,
    kind: k.kind,
    description: k.description,
    unit: k.unit,
    measurement: k.measurement,
    timeline: k.timeline,
    weight: k.weight,
    owner: k.owner,
    kpi: k.kpi !== undefined && (!isPublic || ids.kpis.has(k.kpi)) ? k.kpi : undefined,
    baseline: kr.baseline,
    start: kr.start,
    target: kr.target,
    operator: kr.operator,
    direction: kr.direction,
    combine: kr.combine,
    parts: k.kind === 'compound' ? k.parts.map((p) => ({ ...p })) : undefined,
    done: kr.done,
    manualGrade: kr.manualGrade,
    rationale: kr.rationale,
    values: k.kind === 'redacted' ? k.values : undefined,
    // A redacted value's wording (labels) is never published, so never in a leaf either.
    labels: k.kind === 'redacted' ? undefined : k.labels,
    current: reading?.value,
    asOf: reading?.date,
    // Where an automatic reading came from (okr pull): source id, query hash, fetch time, result digest.
    provenance: reading && 'checkins' in kr ? kr.checkins?.findLast((c) => c.value !== undefined)?.provenance : undefined,
    declared: declared(k.declared),
  });
}

/** The periods a tree covers: a quarter itself; a year with its quarters. */
export function periodsCovered(m: HandbookModel, period: string): Set<string> {
  const p = m.periods.find((x) => x.id === period);
  if (!p) return new Set();
  return new Set([p.id, ...(p.kind === 'year' ? m.periods.filter((q) => q.kind === 'quarter' && q.year === p.id).map((q) => q.id) : [])]);
}

/**
 * The okrs leaves already made, by record (a period, objective or key result object): a quarter's
 * records are leaves of its year's tree too, and a receipt's scope is often a tree's. A leaf depends
 * only on its record and the PublicIds, so one cache serves one PublicIds (see receipts/trust.ts).
 */
export type LeafCache = Map<object, Leaf>;

const cached = <T extends object>(cache: LeafCache | undefined, record: T, make: (record: T) => Leaf): Leaf => {
  if (!cache) return make(record);
  let leaf = cache.get(record);
  if (!leaf) cache.set(record, (leaf = make(record)));
  return leaf;
};

/**
 * The leaves of one scope of one period, in tree order, over the records of `m` (the full model or
 * an audience's projection). `undefined` when the handbook holds no content for the scope (budget).
 */
export function scopeLeaves(m: HandbookModel, scope: ReceiptScope, period: string, ids: PublicIds, cache?: LeafCache): Leaf[] | undefined {
  const covered = periodsCovered(m, period);
  const objectives = m.objectives.filter((o) => covered.has(o.period));
  let leaves: Leaf[];
  switch (scope) {
    case 'okrs':
      leaves = [
        ...m.periods.filter((p) => covered.has(p.id)).map((p) => cached(cache, p, periodLeaf)),
        ...objectives.flatMap((o) => [
          cached(cache, o, (x) => objectiveLeaf(x, ids)),
          ...o.keyResults.map((k) => cached(cache, k, (x) => krLeaf(x, ids))),
        ]),
      ];
      break;
    case 'risk-register':
      leaves = [
        ...m.periods.filter((p) => covered.has(p.id)).flatMap((p) => (p.risks ?? []).map((r, i) => ({ r, of: p.id, i }))),
        ...objectives.flatMap((o) => (o.risks ?? []).map((r, i) => ({ r, of: o.id, i }))),
      ].map(({ r, of, i }) =>
        leaf('risk', r.id ?? `${of}#risk-${i + 1}`, r.title, {
          of,
          title: r.title,
          likelihood: r.likelihood,
          impact: r.impact,
          mitigation: r.mitigation,
          owner: r.owner,
        }),
      );
      break;
    case 'stage-gate':
      leaves = [
        ...m.org.stageGates.map((g) => leaf('stageGate', g.id, g.name, { name: g.name, description: g.description })),
        ...objectives
          .filter((o) => o.stageGate)
          .map((o) => leaf('stageGateAssignment', o.id, o.title, { objective: o.id, gate: o.stageGate })),
      ];
      break;
    case 'kpi-tree':
      leaves = [
        ...m.kpiGroups.flatMap((g) =>
          g.kpis.map((k) =>
            leaf('kpi', k.id, k.name, {
              group: g.id,
              name: k.name,
              category: k.category,
              metric: k.metric,
              target: k.target,
              measurement: k.measurement,
              frequency: k.frequency,
              owner: k.owner,
            }),
          ),
        ),
        ...objectives.flatMap((o) =>
          o.keyResults.filter((k) => k.kpi).map((k) => leaf('kpiLink', k.uid, k.title, { keyResult: k.uid, kpi: k.kpi })),
        ),
      ];
      break;
    case 'budget':
      return undefined;
  }
  return leaves.sort(compareLeaves);
}
