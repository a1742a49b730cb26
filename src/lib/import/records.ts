// Empty records the readers fill in: a document's, a period's, an objective's. Pure.
import type { DocRecords, ObjectiveDraft, PeriodDraft } from './types.ts';

export function emptyDoc(file: string): DocRecords {
  return {
    file,
    pillars: [],
    stageGates: [],
    redactions: new Map(),
    periods: new Map(),
    objectives: [],
    kpiGroups: [],
    dependencies: [],
    checkinBlocks: [],
    sourceNotes: [],
  };
}

export function emptyPeriod(p: Pick<PeriodDraft, 'id' | 'kind' | 'fiscal' | 'name'>): PeriodDraft {
  return {
    id: p.id,
    kind: p.kind,
    fiscal: p.fiscal,
    ...(p.name !== undefined ? { name: p.name } : {}),
    checkins: [],
    risks: [],
    dependencies: [],
    receiptsRequired: [],
    changeLog: [],
  };
}

/** An objective with nothing under it yet. */
export function objectiveDraft(
  o: Pick<ObjectiveDraft, 'where' | 'ordinal' | 'title'> & Partial<Pick<ObjectiveDraft, 'label' | 'description' | 'period' | 'team'>>,
): ObjectiveDraft {
  return {
    where: o.where,
    ...(o.label ? { label: o.label } : {}),
    ordinal: o.ordinal,
    title: o.title,
    ...(o.description ? { description: o.description } : {}),
    ...(o.period ? { period: o.period } : {}),
    ...(o.team ? { team: o.team } : {}),
    initiatives: [],
    dependencies: [],
    risks: [],
    keyResults: [],
  };
}
