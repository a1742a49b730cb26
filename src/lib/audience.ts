// Audiences: the internal handbook (everything) and the public projection (trust center and public
// site). The projection happens once, on the model, before anything is computed, so every page,
// export, search index and image built from the computed handbook inherits it.
//
// Rules (docs/receipts.md "Classification"):
// - periods, objectives, key results and KPIs carry `classification` (public | internal); the
//   default is org.defaultClassification; objectives inherit their period's; a KR is never more
//   public than its objective; an objective is public only if its period is public too.
// - guide pages carry `classification` in their front matter (default: org.defaultClassification).
// - internal records are dropped entirely — no stubs, no counts; links from public records to
//   internal ones (parent, contributes, dependencies, KPI links) are removed.
// - teams and people are kept only when a public record refers to them; so are org.yaml's pillars,
//   stage gates and redactions (./public-org.ts lists what the public sees of org.yaml).
// - every field of the projected model is listed here: nothing reaches it by being spread along.
// - redacted values never appear: check-in values of redacted key results are dropped.
import type { ContentIssue } from './errors.ts';
import { issueAt } from './source/yaml-source.ts';
import type { HandbookModel, KrModel, ObjectiveModel, Origin } from './model.ts';
import { publicIds, publicLinks, publicTarget, type PublicIds } from './public-ids.ts';
import { publicOrg } from './public-org.ts';
import { readingsOf } from './readings.ts';
import { scopeLeaves } from './receipts/leaves.ts';

export const AUDIENCES = ['internal', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** OKR_AUDIENCE (internal when unset). A misspelt value throws: a typo must not publish internal content. */
export function audienceFromEnv(env: Record<string, string | undefined> = process.env): Audience {
  const v = env.OKR_AUDIENCE?.trim();
  if (!v) return 'internal';
  if ((AUDIENCES as readonly string[]).includes(v)) return v as Audience;
  throw new Error(`OKR_AUDIENCE must be one of ${AUDIENCES.join(', ')} (got '${v}')`);
}

export interface Projection {
  model: HandbookModel;
  ids: PublicIds;
  /** What the public build leaves out or unlinks, as warnings for `okr check --audience public`. */
  notes: ContentIssue[];
}

export function projectAudience(m: HandbookModel, audience: Audience): Projection {
  const ids = publicIds(m);
  if (audience === 'internal') return { model: m, ids, notes: [] };
  const notes: ContentIssue[] = [];
  const note = (o: Origin, rel: (string | number)[], message: string, hint?: string) =>
    notes.push(issueAt(o.src, [...o.path, ...rel], message, hint, 'warning'));

  for (const o of m.objectives)
    if (o.classification === 'public' && !ids.periods.has(o.period))
      note(
        o.origin,
        ['classification'],
        `objective '${o.id}' is public but its period ${o.period} is internal; the public build leaves it out`,
        'make the period public, or drop classification: public here',
      );

  const objectives = m.objectives
    .filter((o) => ids.objectives.has(o.id))
    .map((o): ObjectiveModel => {
      const links = publicLinks(o, ids);
      if (o.parent && !links.parent)
        note(o.origin, ['parent'], `parent '${o.parent}' is internal; the public build shows '${o.id}' without it`);
      o.contributes?.forEach((c, i) => {
        if (!ids.objectives.has(c)) note(o.origin, ['contributes', i], `'${c}' is internal; the public build omits this link`);
      });
      o.dependencies?.forEach((d, i) => {
        if (!links.dependencies?.includes(d))
          note(o.origin, ['dependencies', i], 'this dependency names an internal record; the public build omits it');
      });
      // `okr new --from` links a carried-over objective or KR to its original, which may be internal.
      const carried =
        'carriedFrom' in o && typeof o.carriedFrom === 'string' && !ids.objectives.has(o.carriedFrom) ? { carriedFrom: undefined } : {};
      return {
        ...o,
        ...links,
        ...carried,
        keyResults: o.keyResults
          .filter((k) => ids.krs.has(k.uid))
          .map((k) => {
            let kr = k;
            if (k.kpi !== undefined && !ids.kpis.has(k.kpi)) {
              note(k.origin, ['kpi'], `KPI '${k.kpi}' is internal; the public build omits the link`);
              kr = { ...kr, kpi: undefined };
            }
            if ('carriedFrom' in kr && typeof kr.carriedFrom === 'string' && !ids.krs.has(kr.carriedFrom))
              kr = { ...kr, carriedFrom: undefined };
            // Where a number is read from (internal URLs, queries, variable names) is not public; its provenance is.
            if ('source' in kr && kr.source !== undefined) kr = { ...kr, source: undefined };
            return kr.kind === 'redacted' ? withoutValues(kr) : kr;
          }),
      };
    });

  const periods = m.periods
    .filter((p) => ids.periods.has(p.id))
    .map((p) => ({ ...p, dependencies: p.dependencies?.filter((d) => d.on === undefined || publicTarget(ids, d.on)) }));
  const kpiGroups = m.kpiGroups.map((g) => ({ ...g, kpis: g.kpis.filter((k) => ids.kpis.has(k.id)) })).filter((g) => g.kpis.length > 0);

  // Teams and people only when something public refers to them (plus the company, the root team).
  const teamById = new Map(m.teams.map((t) => [t.id, t]));
  const teams = new Set<string>();
  const addTeam = (id: string | undefined) => {
    for (let t = id; t !== undefined && !teams.has(t) && teamById.has(t); t = teamById.get(t)!.parent) teams.add(t);
  };
  m.teams.filter((t) => !t.parent).forEach((t) => addTeam(t.id));
  const people = new Set<string>();
  const addPerson = (id: string | undefined) => id !== undefined && people.add(id);
  for (const o of objectives) {
    addTeam(o.team);
    [o.owner, o.dri].forEach(addPerson);
    o.dependencies?.forEach((d) => addTeam(d.team));
    o.initiatives?.forEach((initiative) => (addTeam(initiative.team), addPerson(initiative.owner)));
    o.risks?.forEach((r) => addPerson(r.owner));
    for (const k of o.keyResults) {
      addPerson(k.owner);
      k.revisions?.forEach((r) => addPerson(r.approvedBy));
      k.checkins.forEach((c) => addPerson(c.author));
    }
  }
  for (const p of periods) {
    p.risks?.forEach((r) => addPerson(r.owner));
    p.dependencies?.forEach((d) => addTeam(d.team));
  }
  for (const k of kpiGroups.flatMap((g) => g.kpis)) addPerson(k.owner);
  for (const t of teams) addPerson(teamById.get(t)?.lead);

  const projected: HandbookModel = {
    org: publicOrg(m.org, objectives, ids),
    periods,
    objectives,
    kpiGroups,
    teams: m.teams.filter((t) => teams.has(t.id)),
    people: m.people
      .filter((p) => people.has(p.id))
      .map((p) => (p.team !== undefined && !teams.has(p.team) ? { ...p, team: undefined } : p)),
    receipts: [],
    sources: [],
    dataFiles: new Set(),
    guides: m.guides.filter((g) => ids.guides.has(g.slug)),
    orgOrigin: m.orgOrigin,
  };
  // A decision receipt is public when everything its scope covers is public (else its root and
  // approvers would speak for records the public cannot see).
  projected.receipts = m.receipts.filter((r) => {
    if (!ids.periods.has(r.period)) return false;
    const all = scopeLeaves(m, r.scope, r.period, ids);
    const pub = scopeLeaves(projected, r.scope, r.period, ids);
    return all === undefined || (pub !== undefined && all.length === pub.length && all.every((l, i) => l.key === pub[i]!.key));
  });
  return { ids, notes, model: projected };
}

/**
 * A redacted key result as the public sees it: its values appear nowhere — not in its check-ins
 * (dates and notes stay), its readings, a `current`, or the document's wording of them (labels).
 */
function withoutValues(kr: KrModel): KrModel {
  const checkins = kr.checkins.map(({ value: _value, parts: _parts, ...c }) => c);
  const out = { ...kr, checkins, labels: undefined, current: undefined } as KrModel;
  return { ...out, readings: readingsOf(out) };
}
