// The public build's org.yaml: every field listed here with what the public may see of it (the
// type makes a new field a decision, not a leak). Pillars, stage gates and redaction labels reach
// the public build only through a public objective or key result that names them.
import type { ObjectiveModel } from './model.ts';
import { titleParts } from './present.ts';
import type { PublicIds } from './public-ids.ts';
import type { Org } from './schema/index.ts';

/** `objectives`: the public ones, as the projection keeps them. */
export function publicOrg(org: Org, objectives: readonly ObjectiveModel[], ids: PublicIds): Org {
  const named = (list: (string | undefined)[]) => new Set(list.filter((x): x is string => x !== undefined));
  const pillars = named(objectives.map((o) => o.pillar));
  const gates = named(objectives.map((o) => o.stageGate));
  const redactions = named(
    objectives.flatMap((o) => [
      ...tokens(o.title),
      ...o.keyResults.flatMap((k) => [...tokens(k.title), ...(k.kind === 'redacted' ? (k.values ?? []) : [])]),
    ]),
  );
  return {
    name: org.name,
    description: org.description,
    fiscalYear: org.fiscalYear,
    grading: org.grading,
    defaultClassification: org.defaultClassification,
    repository: org.repository,
    currentPeriod: org.currentPeriod !== undefined && ids.periods.has(org.currentPeriod) ? org.currentPeriod : undefined,
    pillars: org.pillars.filter((p) => pillars.has(p.id)),
    stageGates: org.stageGates.filter((g) => gates.has(g.id)),
    redactions: org.redactions.filter((r) => redactions.has(r.id)),
    receiptsRequired: org.receiptsRequired,
    locale: org.locale,
    since: org.since,
    // The pinned signing keys are published on purpose: readers compare their fingerprints.
    trust: org.trust,
  } satisfies Record<keyof Org, unknown>;
}

const tokens = (title: string) => titleParts(title).flatMap((p) => ('redaction' in p ? [p.redaction] : []));
