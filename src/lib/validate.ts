// Cross-file checks: ids, references, cycles, kinds vs fields, dates vs the fiscal calendar.
// Every problem is reported with its file, position, field path and a hint; all of them in one pass.
import { expectedPeriodFormat, parsePeriodId, periodDates } from './calendar.ts';
import { didYouMean, type ContentIssue } from './errors.ts';
import { issueAt, positionOf, type Collection, type MdxFile, type RawContent } from './load/index.ts';
import type { HandbookModel, KrModel, Origin } from './model.ts';
import type { SubMetric } from './schema/index.ts';

type Path = (string | number)[];

/** Which collection a reference points into, so refs into a collection with a broken file stay quiet. */
const COLLECTION_OF: Record<string, Collection> = {
  team: 'teams',
  person: 'people',
  objective: 'okr',
  'key result': 'okr',
  KPI: 'kpi',
  period: 'period',
};

const RESERVED_TEAM_IDS = new Set(['alignment']);

/** References defined in org.yaml; when it fails to load they cannot be checked. */
const ORG_REFS = new Set(['pillar', 'stage gate', 'redacted value']);

export function validateModel(
  m: HandbookModel,
  loaded: Pick<RawContent, 'unreadable' | 'declaredIds'> = { unreadable: new Map(), declaredIds: new Map() },
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const at = (o: Origin, rel: Path, message: string, hint?: string, severity: ContentIssue['severity'] = 'error') =>
    issues.push(issueAt(o.src, [...o.path, ...rel], message, hint, severity));

  const teams = new Set(m.teams.map((t) => t.id));
  const people = new Set(m.people.map((p) => p.id));
  const periods = new Set(m.periods.map((p) => p.id));
  const objectives = new Map(m.objectives.map((o) => [o.id, o]));
  const kpis = new Set(m.kpiGroups.flatMap((g) => g.kpis.map((k) => k.id)));
  const pillars = new Set(m.org.pillars.map((p) => p.id));
  const gates = new Set(m.org.stageGates.map((g) => g.id));
  const redactions = new Set(m.org.redactions.map((r) => r.id));

  /** Report a reference that names nothing, with the closest existing id as the hint. */
  const ref = (o: Origin, rel: Path, value: string | undefined, known: Set<string> | Map<string, unknown>, what: string, where: string) => {
    if (value === undefined || known.has(value)) return;
    const collection = COLLECTION_OF[what];
    // Defined in a record that failed validation: that record's own error is reported instead.
    if (collection && loaded.declaredIds.get(collection)?.has(value)) return;
    if (!m.orgOrigin && ORG_REFS.has(what)) return;
    const unreadable = collection ? loaded.unreadable.get(collection) : undefined;
    const hint =
      didYouMean(value, [...known.keys(), ...(collection ? (loaded.declaredIds.get(collection) ?? []) : [])]) ??
      `add it to ${where}, or fix the id`;
    at(
      o,
      rel,
      `${what} '${value}' not found`,
      unreadable ? `${hint} (it may be in ${unreadable.join(', ')}, which could not be read)` : hint,
    );
  };

  // Duplicate ids.
  const dupes = <T extends { id: string; origin: Origin }>(items: T[], what: string) => {
    const seen = new Map<string, T>();
    for (const it of items) {
      const first = seen.get(it.id);
      if (first)
        at(
          it.origin,
          ['id'],
          `duplicate ${what} id '${it.id}'`,
          `also defined at ${first.origin.src.file}:${positionOf(first.origin.src, [...first.origin.path, 'id']).line}; ids must be unique`,
        );
      else seen.set(it.id, it);
    }
  };
  dupes(m.teams, 'team');
  dupes(m.people, 'person');
  dupes(m.periods, 'period');
  dupes(m.objectives, 'objective');
  dupes(m.kpiGroups, 'KPI group');
  dupes(
    m.kpiGroups.flatMap((g) => g.kpis),
    'KPI',
  );
  dupes(m.receipts, 'decision receipt');
  for (const o of m.objectives) dupes(o.keyResults, `key result (in objective '${o.id}')`);

  // Org.
  if (m.orgOrigin) {
    const bands = m.org.grading.bands;
    bands.forEach((b, i) => {
      if (i === 0 && b.min !== 0) at(m.orgOrigin!, ['grading', 'bands', 0, 'min'], 'the first grading band must start at 0', 'set min: 0');
      if (i > 0 && b.min <= bands[i - 1]!.min)
        at(
          m.orgOrigin!,
          ['grading', 'bands', i, 'min'],
          'grading bands must be listed in increasing order of min',
          'sort the bands from lowest to highest',
        );
    });
    if (m.org.currentPeriod) ref(m.orgOrigin, ['currentPeriod'], m.org.currentPeriod, periods, 'period', 'periods/');
  }

  // Teams and people.
  for (const t of m.teams) {
    // Team pages live at /periods/<period>/<team>/, beside the period's own sub-pages.
    if (RESERVED_TEAM_IDS.has(t.id))
      at(t.origin, ['id'], `team id '${t.id}' is reserved for a page of every period`, `choose another id, e.g. '${t.id}-team'`);
    ref(t.origin, ['parent'], t.parent, teams, 'team', 'teams.yaml');
    ref(t.origin, ['lead'], t.lead, people, 'person', 'people.yaml');
  }
  const roots = m.teams.filter((t) => !t.parent);
  if (m.teams.length && roots.length === 0)
    at(m.teams[0]!.origin, [], 'no root team: every team has a parent', 'the company team has no parent');
  // The first team without a parent is the company; another would silently become a second tree.
  for (const t of roots.slice(1))
    at(
      t.origin,
      ['id'],
      `team '${t.id}' has no parent, and neither has '${roots[0]!.id}': only the company has none`,
      `give it a parent, e.g. parent: ${roots[0]!.id}`,
    );
  for (const t of m.teams) {
    const seen = new Set<string>([t.id]);
    for (let p = t.parent; p; p = m.teams.find((x) => x.id === p)?.parent) {
      if (seen.has(p)) {
        at(t.origin, ['parent'], `team parents form a cycle: ${[...seen, p].join(' → ')}`, 'one team in the loop must have another parent');
        break;
      }
      seen.add(p);
    }
  }
  for (const p of m.people) ref(p.origin, ['team'], p.team, teams, 'team', 'teams.yaml');

  // Periods.
  for (const p of m.periods) {
    const shape = parsePeriodId(p.id, m.org.fiscalYear.naming);
    // Dates are checked against org.yaml's calendar only when org.yaml itself is valid.
    if (!m.orgOrigin) continue;
    if (!shape) {
      at(
        p.origin,
        ['id'],
        `period id '${p.id}' does not follow the org's ${m.org.fiscalYear.naming} naming`,
        `write it as ${expectedPeriodFormat(m.org.fiscalYear.naming)}`,
      );
      continue;
    }
    if (shape.kind !== p.kind)
      at(p.origin, ['kind'], `period '${p.id}' is a ${shape.kind}, but kind says ${p.kind}`, `set kind: ${shape.kind}`);
    const d = periodDates(shape, m.org.fiscalYear);
    if (p.start !== d.start)
      at(
        p.origin,
        ['start'],
        `start ${p.start} does not match the fiscal calendar (${p.id} starts ${d.start})`,
        'remove start: to derive it, or fix org.yaml fiscalYear',
      );
    if (p.end !== d.end)
      at(
        p.origin,
        ['end'],
        `end ${p.end} does not match the fiscal calendar (${p.id} ends ${d.end})`,
        'remove end: to derive it, or fix org.yaml fiscalYear',
      );
    const within = (field: 'midReview' | 'lockDate', v?: string) => {
      if (v && (v < p.start || v > p.end))
        at(p.origin, [field], `${field} ${v} is outside the period (${p.start} – ${p.end})`, 'use a date inside the period');
    };
    within('midReview', p.midReview);
    within('lockDate', p.lockDate);
    if (p.gradingDate && p.gradingDate < p.start)
      at(p.origin, ['gradingDate'], `gradingDate ${p.gradingDate} is before the period starts`, 'grading happens at or after the end');
    p.checkins?.forEach((c, i) => {
      if (c.date < p.start || c.date > p.end)
        at(
          p.origin,
          ['checkins', i, 'date'],
          `scheduled check-in ${c.date} is outside the period (${p.start} – ${p.end})`,
          'use a date inside the period',
          'warning',
        );
    });
    p.risks?.forEach((r, i) => ref(p.origin, ['risks', i, 'owner'], r.owner, people, 'person', 'people.yaml'));
    p.dependencies?.forEach((dep, i) => {
      ref(p.origin, ['dependencies', i, 'team'], dep.team, teams, 'team', 'teams.yaml');
      ref(p.origin, ['dependencies', i, 'on'], dep.on, objectives, 'objective', 'okrs/');
    });
  }

  /** The last date a check-in of each period may have (a month after its end), computed once per period. */
  const lastCheckinDates = new Map<string, string>();
  const lastCheckinDate = (end: string) => lastCheckinDates.get(end) ?? lastCheckinDates.set(end, addDays(end, 31)).get(end)!;

  // Objectives and key results.
  const periodById = new Map(m.periods.map((p) => [p.id, p]));
  const fileChecked = new Set<string>();
  for (const o of m.objectives) {
    const file: Origin = { src: o.origin.src, path: [] };
    if (!fileChecked.has(o.origin.src.file)) {
      fileChecked.add(o.origin.src.file);
      ref(file, ['period'], o.period, periods, 'period', 'periods/');
      ref(file, ['team'], o.team, teams, 'team', 'teams.yaml');
    }
    ref(o.origin, ['owner'], o.owner, people, 'person', 'people.yaml');
    ref(o.origin, ['dri'], o.dri, people, 'person', 'people.yaml');
    ref(o.origin, ['pillar'], o.pillar, pillars, 'pillar', 'org.yaml pillars');
    ref(o.origin, ['stageGate'], o.stageGate, gates, 'stage gate', 'org.yaml stageGates');
    if (o.parent === o.id)
      at(o.origin, ['parent'], 'an objective cannot be its own parent', 'point parent at the objective this one ladders up to');
    else ref(o.origin, ['parent'], o.parent, objectives, 'objective', 'okrs/');
    o.contributes?.forEach((c, i) => ref(o.origin, ['contributes', i], c, objectives, 'objective', 'okrs/'));
    ref(o.origin, ['carriedFrom'], o.carriedFrom, objectives, 'objective', 'okrs/');
    o.initiatives?.forEach((init, i) => {
      ref(o.origin, ['initiatives', i, 'team'], init.team, teams, 'team', 'teams.yaml');
      ref(o.origin, ['initiatives', i, 'owner'], init.owner, people, 'person', 'people.yaml');
    });
    o.risks?.forEach((r, i) => ref(o.origin, ['risks', i, 'owner'], r.owner, people, 'person', 'people.yaml'));
    const krIds = new Set(o.keyResults.map((k) => k.id));
    o.dependencies?.forEach((dep, i) => {
      ref(o.origin, ['dependencies', i, 'team'], dep.team, teams, 'team', 'teams.yaml');
      ref(o.origin, ['dependencies', i, 'kr'], dep.kr, krIds, 'key result', `this objective's keyResults`);
      if (dep.on) {
        const [objId, krId] = dep.on.split('.') as [string, string | undefined];
        const target = objectives.get(objId);
        if (!target) ref(o.origin, ['dependencies', i, 'on'], objId, objectives, 'objective', 'okrs/');
        else if (krId && !target.keyResults.some((k) => k.id === krId))
          at(
            o.origin,
            ['dependencies', i, 'on'],
            `key result '${krId}' not found in objective '${objId}'`,
            didYouMean(
              krId,
              target.keyResults.map((k) => k.id),
            ),
          );
        if (objId === o.id && !krId)
          at(o.origin, ['dependencies', i, 'on'], 'an objective cannot depend on itself', 'name another objective or a team');
      }
    });
    const period = periodById.get(o.period);
    for (const kr of o.keyResults) checkKr(kr, period);
  }

  function checkKr(kr: KrModel, period?: { start: string; end: string }) {
    const o = kr.origin;
    ref(o, ['owner'], kr.owner, people, 'person', 'people.yaml');
    ref(o, ['kpi'], kr.kpi, kpis, 'KPI', 'kpis/');
    kr.revisions?.forEach((r, i) => ref(o, ['revisions', i, 'approvedBy'], r.approvedBy, people, 'person', 'people.yaml'));
    if (kr.carriedFrom) {
      const [objId, krId] = kr.carriedFrom.split('.') as [string, string];
      const from = objectives.get(objId);
      if (!from) ref(o, ['carriedFrom'], objId, objectives, 'objective', 'okrs/');
      else if (!from.keyResults.some((k) => k.id === krId))
        at(
          o,
          ['carriedFrom'],
          `key result '${krId}' not found in objective '${objId}'`,
          didYouMean(
            krId,
            from.keyResults.map((k) => k.id),
          ),
        );
    }
    // Redacted values: tokens in the title must name a redaction.
    if (kr.title.includes('{'))
      for (const x of kr.title.matchAll(/\{([a-z0-9-]+)\}/g)) ref(o, ['title'], x[1]!, redactions, 'redacted value', 'org.yaml redactions');
    if (kr.kind === 'redacted') kr.values?.forEach((v, i) => ref(o, ['values', i], v, redactions, 'redacted value', 'org.yaml redactions'));
    if (kr.kind === 'metric' || kr.kind === 'count' || kr.kind === 'threshold') checkNumeric(kr, o, []);
    if (kr.kind === 'compound') kr.parts.forEach((p, i) => checkNumeric(p, o, ['parts', i]));
    if (kr.kind === 'milestone' && kr.manualGrade !== undefined && !kr.rationale)
      at(o, ['manualGrade'], 'a milestone grade needs a rationale', "add 'rationale:' saying why this grade was given");
    if ('current' in kr && kr.current !== undefined && 'checkins' in kr && kr.checkins?.length)
      at(
        o,
        ['current'],
        "both 'current' and 'checkins' are set",
        "the latest check-in is the current value: move 'current' into a check-in, or drop the check-ins",
      );
    const checkins = 'checkins' in kr ? (kr.checkins ?? []) : [];
    const lastDate = period && lastCheckinDate(period.end);
    checkins.forEach((c, i) => {
      // Checked here first: most check-ins name a known author, and ref() would build a path for each.
      if (c.author !== undefined && !people.has(c.author)) ref(o, ['checkins', i, 'author'], c.author, people, 'person', 'people.yaml');
      if (i > 0 && c.date < checkins[i - 1]!.date)
        at(
          o,
          ['checkins', i, 'date'],
          `check-ins must be in date order (${c.date} comes after ${checkins[i - 1]!.date})`,
          'list check-ins from oldest to newest',
        );
      if (period && (c.date < period.start || c.date > lastDate!))
        at(
          o,
          ['checkins', i, 'date'],
          `check-in ${c.date} is outside the period (${period.start} – ${period.end})`,
          'check the date',
          'warning',
        );
      if ((kr.kind === 'metric' || kr.kind === 'count' || kr.kind === 'threshold') && c.value !== undefined && typeof c.value !== 'number')
        at(
          o,
          ['checkins', i, 'value'],
          `a ${kr.kind} key result needs a numeric check-in value, not "${c.value}"`,
          `write the number alone; the unit is '${kr.unit ?? ''}'`,
        );
    });
  }

  function checkNumeric(
    kr: Pick<SubMetric & { start?: number; direction?: string }, 'kind'> & Record<string, unknown>,
    o: Origin,
    rel: Path,
  ) {
    if (kr.kind === 'metric') {
      const start = (kr.start as number | undefined) ?? (kr.baseline as number);
      if (start === kr.target)
        at(
          o,
          [...rel, 'target'],
          `target equals the start value (${start}): there is no progress to measure`,
          'use kind: threshold to hold a level, or fix the baseline',
        );
      const dir = kr.direction as string | undefined;
      if (dir && start !== kr.target && (dir === 'increase') !== (kr.target as number) > start)
        at(
          o,
          [...rel, 'direction'],
          `direction says ${dir} but the target ${kr.target} is ${(kr.target as number) > start ? 'above' : 'below'} the start ${start}`,
          'fix direction or the numbers',
        );
    }
  }

  // Alignment cycles (parent chains).
  for (const o of m.objectives) {
    const chain = [o.id];
    for (let p = o.parent; p && objectives.has(p); p = objectives.get(p)!.parent) {
      if (chain.includes(p)) {
        if (p === o.id)
          at(
            o.origin,
            ['parent'],
            `parent links form a cycle: ${[...chain, p].join(' → ')}`,
            'one objective in the loop must ladder up elsewhere',
          );
        break;
      }
      chain.push(p);
    }
  }

  // KPI groups and receipts.
  for (const g of m.kpiGroups) g.kpis.forEach((k, i) => ref(g.origin, ['kpis', i, 'owner'], k.owner, people, 'person', 'people.yaml'));
  for (const r of m.receipts) ref(r.origin, ['period'], r.period, periods, 'period', 'periods/');

  return issues;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Narratives must belong to a period. */
export function validateNarratives(narratives: { slug: string; file: string }[], periodIds: Set<string>): ContentIssue[] {
  return narratives
    .filter((n) => !periodIds.has(n.slug))
    .map((n) => ({
      file: n.file,
      line: 0,
      column: 0,
      path: '',
      message: `narrative for period '${n.slug}', but there is no periods/${n.slug}.yaml`,
      hint: didYouMean(n.slug, periodIds) ?? 'name the .mdx after its period id',
      severity: 'error' as const,
    }));
}

/** The components MDX pages may use (the narrative and guide pages provide these), with what each needs. */
const COMPONENTS: Record<string, { required: string[]; optional: string[]; example: string }> = {
  OkrTable: { required: ['period'], optional: ['team'], example: '<OkrTable period="2025-Q1" team="engineering" />' },
  GradeExample: { required: ['kr'], optional: [], example: '<GradeExample kr="2025-q1-company-revenue.kr1" />' },
};

/**
 * The components of MDX pages against the handbook: a key result, period or team that does not
 * exist would fail the build (GradeExample) or render an empty table (OkrTable), after `okr check`
 * had passed. Values written as expressions are not checked.
 */
export function validateComponents(
  pages: readonly MdxFile[],
  m: HandbookModel,
  loaded: RawContent,
  full: HandbookModel = m,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const idsOf = (model: HandbookModel): Record<string, Set<string>> => ({
    kr: new Set(model.objectives.flatMap((o) => o.keyResults.map((k) => k.uid))),
    objective: new Set(model.objectives.map((o) => o.id)),
    period: new Set(model.periods.map((p) => p.id)),
    team: new Set(model.teams.map((t) => t.id)),
  });
  // `m` is what the pages are built from: the public projection for a public build, of `full`.
  const known = idsOf(m);
  const all = full === m ? known : idsOf(full);
  // A reference into a file that failed validation (or could not be read) is that file's error.
  const failed = (c: Collection, id: string) => Boolean(loaded.declaredIds.get(c)?.has(id)) || (loaded.unreadable.get(c)?.length ?? 0) > 0;
  const excused: Record<string, (value: string) => boolean> = {
    kr: (v) => !all.objective!.has(v.split('.')[0]!) && failed('okr', v.split('.')[0]!),
    period: (v) => !all.period!.has(v) && failed('period', v),
    team: (v) => !all.team!.has(v) && failed('teams', v),
  };
  const WHAT: Record<string, string> = { kr: 'key result', period: 'period', team: 'team' };
  for (const page of pages)
    for (const use of page.components) {
      const issue = (message: string, hint: string) =>
        issues.push({ file: page.file, line: use.line, column: use.column, path: '', message, hint, severity: 'error' });
      const spec = COMPONENTS[use.name];
      if (!spec) {
        if (!page.imports)
          issue(
            `unknown component <${use.name}>`,
            didYouMean(use.name, Object.keys(COMPONENTS)) ?? `pages provide ${Object.keys(COMPONENTS).join(' and ')}`,
          );
        continue;
      }
      for (const name of spec.required) if (!(name in use.attributes)) issue(`<${use.name}> needs ${name}="…"`, `e.g. ${spec.example}`);
      for (const [name, value] of Object.entries(use.attributes)) {
        if (!spec.required.includes(name) && !spec.optional.includes(name)) {
          issue(
            `<${use.name}> has no attribute '${name}'`,
            didYouMean(name, [...spec.required, ...spec.optional]) ?? `e.g. ${spec.example}`,
          );
          continue;
        }
        if (value !== null && !known[name]!.has(value) && all[name]!.has(value)) {
          issue(
            `<${use.name} ${name}="${value}"> names a ${WHAT[name]} the public handbook does not show`,
            `show a public one on this public page, or make it public (classification: public)`,
          );
          continue;
        }
        if (value === null || known[name]!.has(value) || excused[name]!(value)) continue;
        issue(
          `<${use.name} ${name}="${value}"> names no ${WHAT[name]} of this handbook`,
          didYouMean(value, known[name]!) ?? `e.g. ${spec.example}`,
        );
      }
    }
  return issues;
}
