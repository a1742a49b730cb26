// Which records are public, decided once on the full model (see ./audience.ts for the rules).
// Separate from the projection so the leaves (./receipts/leaves.ts) and the projection share it.
import type { HandbookModel, ObjectiveModel } from './model.ts';

/** The ids of everything public, decided on the full model. */
export interface PublicIds {
  periods: Set<string>;
  objectives: Set<string>;
  /** Handbook-wide KR ids ("<objective>.<kr>"). */
  krs: Set<string>;
  kpis: Set<string>;
  guides: Set<string>;
}

export function publicIds(m: HandbookModel): PublicIds {
  const periods = new Set(m.periods.filter((p) => p.classification === 'public').map((p) => p.id));
  const objectives = new Set(m.objectives.filter((o) => o.classification === 'public' && periods.has(o.period)).map((o) => o.id));
  const krs = new Set(
    m.objectives
      .filter((o) => objectives.has(o.id))
      .flatMap((o) => o.keyResults.filter((k) => k.classification === 'public').map((k) => k.uid)),
  );
  const kpis = new Set(m.kpiGroups.flatMap((g) => g.kpis.filter((k) => k.classification === 'public').map((k) => k.id)));
  const guides = new Set(
    m.guides.filter((g) => (g.frontmatter.classification ?? m.org.defaultClassification) === 'public').map((g) => g.slug),
  );
  return { periods, objectives, krs, kpis, guides };
}

/** Whether a dependency target ("objective" or "objective.kr") is public. */
export const publicTarget = (ids: PublicIds, on: string) => (on.includes('.') ? ids.krs.has(on) : ids.objectives.has(on));

/**
 * The public references of a public objective: parent, contributes and dependencies that name only
 * public records. Shared by the projection and by the leaves, so a record's leaf is the same in
 * both builds.
 */
export function publicLinks(o: ObjectiveModel, ids: PublicIds) {
  return {
    parent: o.parent !== undefined && ids.objectives.has(o.parent) ? o.parent : undefined,
    contributes: o.contributes?.filter((c) => ids.objectives.has(c)),
    dependencies: o.dependencies?.filter(
      (d) => (d.on === undefined || publicTarget(ids, d.on)) && (d.kr === undefined || ids.krs.has(`${o.id}.${d.kr}`)),
    ),
  };
}
