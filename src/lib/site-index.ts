// Lookups the pages need, built once from the computed handbook (no per-page scans).
import type { ComputedHandbook, ComputedKr, ComputedObjective, ComputedPeriod, TeamPeriodRollup } from './handbook.ts';
import { calibrate, type CalibrationResult } from './calibration.ts';
import type { Person, Team } from './schema/index.ts';

export interface SiteIndex {
  h: ComputedHandbook;
  period: Map<string, ComputedPeriod>;
  team: Map<string, Team>;
  person: Map<string, Person>;
  objective: Map<string, ComputedObjective>;
  objectivesByPeriod: Map<string, ComputedObjective[]>;
  objectivesByTeamPeriod: Map<string, ComputedObjective[]>;
  teamPeriod: Map<string, TeamPeriodRollup>;
  teamPeriodsByPeriod: Map<string, TeamPeriodRollup[]>;
  companyPeriod: Map<string, ComputedHandbook['companyPeriods'][number]>;
  /** Quarters of each year id. */
  quarters: Map<string, ComputedPeriod[]>;
  /** Objectives a person owns or is DRI of, and key results they own. */
  byPerson: Map<string, { owns: ComputedObjective[]; dri: ComputedObjective[]; krs: ComputedKr[] }>;
  /** People who own, are DRI of, or own a key result of something in this build: each has an owner page. */
  owners: Person[];
  ownerIds: Set<string>;
  /** Key results that move each KPI. */
  krsByKpi: Map<string, ComputedKr[]>;
  /** Each team's rollup per period, oldest period first. */
  teamHistory: Map<string, TeamPeriodRollup[]>;
  /** Each team's latest grade: its latest graded period that has started, else its latest started period (a future one only when none has started). */
  teamLatest: Map<string, TeamPeriodRollup>;
  /** Each team's calibration over the periods that have ended (a grade mid-period is not a result yet). */
  teamCalibration: Map<string, CalibrationResult>;
  /**
   * The published snapshots that hold each record (key "objective/<id>", "keyResult/<uid>"), the latest
   * version of each period first, and whether the record is still as the snapshot froze it.
   */
  snapshotsOf: Map<string, { period: string; version: string; same: boolean }[]>;
  /** KPI names by id. */
  kpiName: Map<string, string>;
  /** The org's redactions by id (label and private link). */
  redaction: Map<string, ComputedHandbook['model']['org']['redactions'][number]>;
  /** Redaction labels by id, for plain-text titles (plainTitle). */
  redactionLabel: Map<string, string>;
}

export const tpKey = (period: string, team: string) => `${period}/${team}`;

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** An objective's place in its file (its path is ['objectives', i]). */
const fileIndex = (o: ComputedObjective) => Number(o.origin.path[1] ?? 0);

export function buildSiteIndex(h: ComputedHandbook): SiteIndex {
  const krs = h.objectives.flatMap((o) => o.keyResults);
  const byPerson: SiteIndex['byPerson'] = new Map(h.model.people.map((p) => [p.id, { owns: [], dri: [], krs: [] }]));
  for (const o of h.objectives) {
    if (o.owner) byPerson.get(o.owner)?.owns.push(o);
    if (o.dri) byPerson.get(o.dri)?.dri.push(o);
  }
  for (const k of krs) if (k.owner) byPerson.get(k.owner)?.krs.push(k);
  const periodOrder = new Map(h.periods.map((p, i) => [p.id, i]));
  const teamHistory = new Map(
    [...group(h.teamPeriods, (t) => t.team)].map(([team, list]) => [
      team,
      [...list].sort((a, b) => periodOrder.get(a.period)! - periodOrder.get(b.period)!),
    ]),
  );
  const started = new Set(h.periods.filter((p) => p.start <= h.today).map((p) => p.id));
  const ended = new Set(h.periods.filter((p) => p.end < h.today).map((p) => p.id));
  const latest = (history: TeamPeriodRollup[]) =>
    history.findLast((r) => r.grade !== null && started.has(r.period)) ?? history.findLast((r) => started.has(r.period)) ?? history[0]!;
  const owners = h.model.people.filter((p) => {
    const b = byPerson.get(p.id)!;
    return b.owns.length + b.dri.length + b.krs.length > 0;
  });
  const snapshotsOf: SiteIndex['snapshotsOf'] = new Map();
  const newestFirst = [...h.trust.snapshots].sort((a, b) => Number(b.version.slice(1)) - Number(a.version.slice(1)));
  for (const x of newestFirst) {
    if (!x.ok) continue;
    for (const leaf of x.leaves) {
      const list = snapshotsOf.get(leaf.key) ?? snapshotsOf.set(leaf.key, []).get(leaf.key)!;
      if (list.some((y) => y.period === x.period)) continue;
      list.push({ period: x.period, version: x.version, same: h.trust.own.get(leaf.key)?.record.leaf === leaf.leaf });
    }
  }
  // The snapshot of the record's own period (its quarter) before its year's.
  for (const [key, list] of snapshotsOf) {
    const own = h.trust.own.get(key)?.period;
    list.sort((a, b) => Number(b.period === own) - Number(a.period === own));
  }
  return {
    snapshotsOf,
    byPerson,
    owners,
    ownerIds: new Set(owners.map((p) => p.id)),
    krsByKpi: group(
      krs.filter((k) => k.kpi),
      (k) => k.kpi!,
    ),
    teamHistory,
    teamLatest: new Map([...teamHistory].map(([team, history]) => [team, latest(history)])),
    teamCalibration: new Map(
      [...teamHistory].map(([team, history]) => [team, calibrate(history.filter((r) => ended.has(r.period)).map((r) => r.grade))]),
    ),
    h,
    kpiName: new Map(h.model.kpiGroups.flatMap((g) => g.kpis.map((k) => [k.id, k.name] as const))),
    redaction: new Map(h.model.org.redactions.map((r) => [r.id, r])),
    redactionLabel: new Map(h.model.org.redactions.map((r) => [r.id, r.label])),
    period: new Map(h.periods.map((p) => [p.id, p])),
    team: new Map(h.model.teams.map((t) => [t.id, t])),
    person: new Map(h.model.people.map((p) => [p.id, p])),
    objective: new Map(h.objectives.map((o) => [o.id, o])),
    objectivesByPeriod: group(h.objectives, (o) => o.period),
    // In the order their file lists them (one file per team and period): the order its authors chose.
    objectivesByTeamPeriod: new Map(
      [...group(h.objectives, (o) => tpKey(o.period, o.team))].map(([key, list]) => [
        key,
        list.sort((a, b) => fileIndex(a) - fileIndex(b)),
      ]),
    ),
    teamPeriod: new Map(h.teamPeriods.map((t) => [tpKey(t.period, t.team), t])),
    teamPeriodsByPeriod: group(h.teamPeriods, (t) => t.period),
    companyPeriod: new Map(h.companyPeriods.map((c) => [c.period, c])),
    quarters: group(
      h.periods.filter((p) => p.kind === 'quarter'),
      (p) => p.year,
    ),
  };
}
