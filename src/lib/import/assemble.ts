// From the records of every imported document to one handbook's content: the fiscal calendar,
// periods, teams, people, objectives with stable ids, key results with kinds, references resolved
// (ladders up to, dependencies, initiatives' teams) and the KPI catalogue. Pure.
import { parsePeriodId, periodDates } from '../calendar.ts';
import { periodId as periodIdSchema } from '../schema/period.ts';
import { nameId, slug, uniqueIds } from './ids.ts';
import { buildKeyResult } from './key-results.ts';
import { bestObjective, sameTitle } from './match.ts';
import { teamId } from './teams.ts';
import type { DependencyDraft, DocRecords, ImportOptions, KrRecord, ObjectiveDraft, PeriodDraft, PersonRef, Report } from './types.ts';
import { findPeriods } from './values.ts';
import { humanise } from './yaml-doc.ts';

/** A mistake in how the importer was called or what it was given, reported without a stack trace. */
export class ImportError extends Error {
  override name = 'ImportError';
}

type Rec = Record<string, unknown>;

export interface ContentSet {
  org: Rec;
  teams: Rec[];
  people: Rec[];
  periods: Rec[];
  okrFiles: { period: string; team: string; objectives: Rec[] }[];
  kpiGroups: Rec[];
  sources: string[];
}

export interface ImportStats {
  documents: number;
  objectives: number;
  keyResults: number;
  periods: number;
  teams: number;
  people: number;
  kpis: number;
  kpiGroups: number;
  redactions: number;
}

const ROLE_WORDS =
  /\b(?:vp|svp|evp|ceo|cto|cfo|coo|cro|cpo|cmo|ciso|director|manager|head|lead|chief|senior|officer|team|product|engineering|executive|president|founder|owner|pm|em|leadership|board|committee|council|group)\b/i;
const isPersonalName = (name: string) => /^[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){1,2}$/u.test(name) && !ROLE_WORDS.test(name);
const base = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** What is wrong with the --period and --team options, if anything (the CLI asks before it reads a document). */
export function optionProblem(opts: Pick<ImportOptions, 'period' | 'team'>): string | undefined {
  if (opts.period !== undefined && !periodIdSchema.safeParse(opts.period).success)
    return `--period '${opts.period}' must look like 2025-Q1, 2025, FY22-Q2 or FY22`;
  if (opts.team !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(opts.team))
    return `--team '${opts.team}' must be an id: lowercase letters, digits and hyphens (e.g. platform)`;
  return undefined;
}

export function assemble(docs: DocRecords[], opts: ImportOptions, report: Report): { content: ContentSet; stats: ImportStats } {
  const problem = optionProblem(opts);
  if (problem) throw new ImportError(problem);

  // ── Periods: the document's own, overridden by --period; section periods stay ────────────────
  const periods = new Map<string, PeriodDraft & { docs: Set<string> }>();
  const docPeriod = new Map<DocRecords, string | undefined>();
  for (const d of docs) {
    let own = d.period;
    if (opts.period && own !== opts.period) {
      if (own) {
        report({
          kind: 'note',
          ...(d.periodWhere ?? { file: d.file, line: 0 }),
          message: `period ${opts.period} from --period instead of ${own} (the document's)`,
        });
        const draft = d.periods.get(own);
        if (draft) {
          d.periods.delete(own);
          const shape = findPeriods(opts.period, { years: true })[0];
          const { start: _s, end: _e, datesWhere: _w, ...rest } = draft;
          d.periods.set(opts.period, {
            ...rest,
            id: opts.period,
            kind: shape?.kind ?? draft.kind,
            fiscal: opts.period.startsWith('FY'),
            name: opts.period,
          });
        }
        for (const o of d.objectives) if (o.period === own) o.period = opts.period;
      } else if (d.objectives.some((o) => !o.period))
        report({ kind: 'guess', file: d.file, line: 0, message: `the document names no period: ${opts.period} assumed (--period)` });
      own = opts.period;
    }
    docPeriod.set(d, own);
    for (const p of d.periods.values()) {
      const have = periods.get(p.id);
      if (!have) periods.set(p.id, { ...p, docs: new Set([d.file]) });
      else {
        have.docs.add(d.file);
        mergePeriod(have, p);
      }
    }
  }
  const periodOf = (d: DocRecords, o: ObjectiveDraft): string => {
    const id = o.period ?? docPeriod.get(d);
    if (!id)
      throw new ImportError(
        `${d.file}:${o.where.line}: no period for objective "${o.title}" — the document names none (title, "Planning Period", a "Q1 2025" heading); pass --period ID`,
      );
    if (!periods.has(id)) {
      const shape = findPeriods(id, { years: true })[0];
      periods.set(id, {
        id,
        kind: shape?.kind ?? (id.includes('-Q') ? 'quarter' : 'year'),
        fiscal: id.startsWith('FY'),
        checkins: [],
        risks: [],
        dependencies: [],
        receiptsRequired: [],
        changeLog: [],
        docs: new Set([d.file]),
      });
    }
    return id;
  };
  for (const d of docs) for (const o of d.objectives) o.period = periodOf(d, o);

  // ── Fiscal calendar ───────────────────────────────────────────────────────────────────────────
  const fiscalIds = [...periods.keys()].filter((id) => id.startsWith('FY'));
  const calendarIds = [...periods.keys()].filter((id) => !id.startsWith('FY'));
  if (fiscalIds.length && calendarIds.length)
    throw new ImportError(
      `the documents use both fiscal (${fiscalIds[0]}) and calendar (${calendarIds[0]}) period names; one handbook has one fiscal calendar — import them into separate --out directories`,
    );
  const naming: 'fiscal' | 'calendar' = fiscalIds.length ? 'fiscal' : 'calendar';
  let startMonth: number | undefined;
  for (const p of sorted(periods.values())) {
    if (!p.start || !p.end) continue;
    const shape = parsePeriodId(p.id, naming);
    if (!shape) continue;
    const m = Number(p.start.slice(5, 7));
    const derived = ((((m - 1 - (shape.quarter ? 3 * (shape.quarter - 1) : 0)) % 12) + 12) % 12) + 1;
    const check = periodDates(shape, { startMonth: derived, naming });
    if (check.start === p.start && check.end === p.end) {
      if (startMonth === undefined) {
        startMonth = derived;
        if (derived !== 1 || naming === 'fiscal')
          report({
            kind: 'note',
            ...(p.datesWhere ?? { file: [...p.docs][0]!, line: 0 }),
            message: `fiscal year starts in month ${derived}: ${p.id} runs ${p.start} – ${p.end}`,
          });
      }
    }
  }
  if (startMonth === undefined) {
    startMonth = 1;
    if (naming === 'fiscal')
      report({
        kind: 'guess',
        file: docs[0]?.file ?? '',
        line: 0,
        message: `no period states its dates: fiscal year assumed to start in January`,
      });
  }
  const fiscalYear = { startMonth, naming };
  for (const p of periods.values()) {
    const shape = parsePeriodId(p.id, naming);
    if (!shape) continue;
    const d = periodDates(shape, fiscalYear);
    if ((p.start && p.start !== d.start) || (p.end && p.end !== d.end)) {
      report({
        kind: 'unmapped',
        ...(p.datesWhere ?? { file: [...p.docs][0]!, line: 0 }),
        message: `${p.id} dates ${p.start} – ${p.end} do not fit the fiscal calendar (${d.start} – ${d.end}); the calendar's dates are used`,
      });
      delete p.start;
      delete p.end;
    }
    for (const f of ['midReview', 'gradingDate'] as const) {
      const v = p[f];
      if (v && (v < d.start || (f === 'midReview' && v > d.end))) {
        report({
          kind: 'unmapped',
          file: [...p.docs][0]!,
          line: 0,
          message: `${p.id} ${f} ${v} lies outside the period (${d.start} – ${d.end}); not kept`,
        });
        delete p[f];
      }
    }
  }

  // ── Teams and people ──────────────────────────────────────────────────────────────────────────
  const orgName =
    opts.org ??
    docs.find((d) => d.orgName)?.orgName ??
    (() => {
      report({
        kind: 'guess',
        file: docs[0]?.file ?? '',
        line: 0,
        message: 'organisation name not found in the documents: "Imported OKRs" (pass --org NAME)',
      });
      return 'Imported OKRs';
    })();
  const teams = new Map<string, Rec>();
  teams.set('company', { id: 'company', name: orgName, description: 'The whole company.' });
  const teamNames = new Map<string, string>([['company', 'company']]);
  const addTeam = (name: string, why?: { file: string; line: number; what: string }): string => {
    const key = name
      .toLowerCase()
      .replace(/\bteam\b/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    const known = teamNames.get(key) ?? teamNames.get(teamId(name));
    if (known) return known;
    const id = teamId(name);
    if (!teams.has(id)) {
      teams.set(id, { id, name, parent: 'company' });
      if (why) report({ kind: 'note', file: why.file, line: why.line, message: `team "${name}" (${id}) created for ${why.what}` });
    }
    teamNames.set(key, id);
    teamNames.set(id, id);
    return id;
  };
  const findTeam = (name: string): string | undefined => {
    const key = name
      .toLowerCase()
      .replace(/\bteam\b/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    return teamNames.get(key) ?? teamNames.get(teamId(name));
  };
  if (opts.team && opts.team !== 'company') addTeam(humanise(opts.team.replace(/-/g, ' '), true));
  const defaultTeam = opts.team ?? 'company';

  const people = new Map<string, Rec>();
  const addPerson = (ref: PersonRef): { id: string; role?: string } => {
    const name = ref.name.trim();
    const id = nameId(name) || 'someone';
    const personal = isPersonalName(name);
    if (!people.has(id)) people.set(id, { id, name, ...(ref.role && ref.role !== name ? { title: ref.role } : {}) });
    return { id, ...(personal && ref.role ? { role: ref.role } : {}) };
  };

  // ── Objectives ────────────────────────────────────────────────────────────────────────────────
  const objectiveIds = uniqueIds();
  interface Built {
    doc: DocRecords;
    draft: ObjectiveDraft;
    id: string;
    period: string;
    team: string;
    rec: Rec;
    krs: KrRecord[];
  }
  const built: Built[] = [];
  // Teams named by sections first, so an initiative's "(Platform)" finds the "Platform Team" section.
  for (const d of docs) for (const o of d.objectives) if (o.team && !/^company$/i.test(o.team)) addTeam(o.team);
  for (const d of docs)
    for (const o of d.objectives) {
      const period = o.period!;
      const team = o.team ? (/^company$/i.test(o.team) ? 'company' : addTeam(o.team)) : defaultTeam;
      if (!o.team && opts.team)
        report({ kind: 'note', ...o.where, message: `objective "${o.title}" assigned to team ${opts.team} (--team)` });
      const s = slug(o.title) || `objective-${o.ordinal}`;
      const id = objectiveIds(`${period.toLowerCase()}-${team}-${s}`);
      const krIds = krIdsFor(o);
      const krs = o.keyResults.map((k, i) => {
        const rec = buildKeyResult(k, krIds[i]!, report);
        if (k.owner) rec.owner = addPerson({ name: k.owner }).id;
        return rec;
      });
      const rec: Rec = { id, title: o.title };
      if (o.description) rec.description = o.description;
      if (o.owner) {
        const p = addPerson(o.owner);
        rec.owner = p.id;
        if (p.role) rec.ownerRole = p.role;
      }
      if (o.dri) rec.dri = addPerson(o.dri).id;
      if (o.priority) rec.priority = o.priority;
      if (o.type) rec.type = o.type;
      if (o.typeNote) rec.typeNote = o.typeNote;
      if (o.confidence !== undefined) rec.confidence = o.confidence;
      if (o.confidenceNote) rec.confidenceNote = o.confidenceNote;
      if (o.outcome !== undefined) objectiveOutcome(o, rec, report);
      if (o.declared && Object.keys(o.declared).length) rec.declared = o.declared;
      if (o.initiatives.length)
        rec.initiatives = o.initiatives.map((i) => ({
          title: i.title,
          ...(i.team
            ? { team: findTeam(i.team) ?? addTeam(i.team, { file: o.where.file, line: o.where.line, what: `initiative "${i.title}"` }) }
            : {}),
          ...(i.owner ? { owner: addPerson({ name: i.owner }).id } : {}),
          ...(i.status ? { status: i.status } : {}),
          ...(i.link ? { link: i.link } : {}),
        }));
      if (o.risks.length) rec.risks = o.risks.map((r) => ({ ...r, ...(r.owner ? { owner: addPerson({ name: r.owner }).id } : {}) }));
      built.push({ doc: d, draft: o, id, period, team, rec, krs });
    }

  // ── References: ladders up to, dependencies ──────────────────────────────────────────────────
  const inPeriod = (period: string) => built.filter((b) => b.period === period);
  const byLabel = (b: Built, label: string) => {
    const n = /(\d+)/.exec(label)?.[1];
    const same = inPeriod(b.period).filter((x) => x.doc === b.doc);
    return (
      same.find((x) => x.draft.label === `O${n}` && x.team === 'company') ??
      same.find((x) => x.draft.label === `O${n}` && x.team === b.team) ??
      same.find((x) => x.draft.label === `O${n}`)
    );
  };
  const resolveObjectiveRef = (b: Built, text: string): Built | undefined => {
    const m = /^(.*?)\s*(?:objective|okr|obj\.?|o)\s*#?\s*(\d+)\b\s*(?:\((.*)\))?/i.exec(text.trim());
    if (m) {
      const teamWords = m[1]!.trim();
      const n = Number(m[2]);
      const tid = teamWords ? (/^company/i.test(teamWords) ? 'company' : findTeam(teamWords)) : undefined;
      if (tid) {
        const hit = inPeriod(b.period).find((x) => x.team === tid && x.draft.ordinal === n && x.doc === b.doc);
        if (hit) return hit;
      } else {
        const hit = byLabel(b, `O${n}`);
        if (hit) return hit;
      }
      if (m[3]) {
        const hit = bestObjective(
          inPeriod(b.period)
            .filter((x) => x !== b)
            .map((x) => ({ ...x, title: x.draft.title })),
          m[3],
        );
        if (hit) return built.find((x) => x.id === hit.id);
      }
    }
    const hit = bestObjective(
      inPeriod(b.period)
        .filter((x) => x !== b)
        .map((x) => ({ id: x.id, title: x.draft.title })),
      text,
    );
    return hit ? built.find((x) => x.id === hit.id) : undefined;
  };
  for (const b of built) {
    // Nested OKR trees: an objective written under another one ladders up to it.
    const outer = b.draft.parentDraft ? built.find((x) => x.draft === b.draft.parentDraft) : undefined;
    if (outer && !b.draft.parentRef) {
      b.rec.parent = outer.id;
      continue;
    }
    const ref = b.draft.parentRef;
    if (!ref) {
      // Teams that repeat a company objective (seed 003: every team lists "Make Sourcegraph valuable…") ladder up to it.
      if (b.team === 'company') continue;
      const twin = inPeriod(b.period).find((x) => x.team === 'company' && x.doc === b.doc && sameTitle(x.draft.title, b.draft.title));
      if (twin) {
        b.rec.parent = twin.id;
        report({
          kind: 'guess',
          ...b.draft.where,
          message: `"${b.draft.title}" (${b.team}) ladders up to ${twin.id}: the company objective with the same title`,
        });
      }
      continue;
    }
    const parent = resolveObjectiveRef(b, ref.text);
    if (parent && parent !== b) {
      b.rec.parent = parent.id;
      report({ kind: 'note', ...ref.where, message: `"${b.draft.title}" ladders up to ${parent.id} ("${ref.text}")` });
    } else report({ kind: 'unmapped', ...ref.where, message: `"ladders up to ${ref.text}" matches no objective in ${b.period}` });
  }

  const deps = new Map<Built, Rec[]>();
  const addDep = (b: Built, dep: Rec) => deps.set(b, [...(deps.get(b) ?? []), dep]);
  /** What a dependency names: an objective ("O3 (Activation)"), a team ("Integration team"), a team's KR ("Product: SSO shipped"), or words. */
  const target = (b: Built, on: string): Rec => {
    const label = /^(?:O|Objective\s*)(\d+)\b/i.exec(on);
    if (label) {
      const hit = byLabel(b, `O${label[1]}`);
      if (hit && hit !== b) return { on: hit.id };
    }
    const teamPrefix = /^([^:]+):\s*(.+)$/.exec(on);
    if (teamPrefix) {
      const tid =
        findTeam(teamPrefix[1]!.trim()) ??
        addTeam(teamPrefix[1]!.trim(), { file: b.draft.where.file, line: b.draft.where.line, what: `the dependency "${on}"` });
      const hit = bestObjective(
        inPeriod(b.period)
          .filter((x) => x.team === tid && x !== b)
          .map((x) => ({ id: x.id, title: [x.draft.title, ...x.krs.map((k) => k.title)].join(' ') })),
        teamPrefix[2]!,
      );
      return hit ? { on: hit.id, description: on } : { team: tid, description: on };
    }
    const t = /^(.*?)\s+team$/i.exec(on.trim());
    const tid = findTeam(t ? t[1]! : on);
    if (tid && tid !== b.team) return { team: tid };
    if (t) return { team: addTeam(`${t[1]} Team`, { file: b.draft.where.file, line: b.draft.where.line, what: `the dependency "${on}"` }) };
    return { description: on };
  };
  const depRec = (b: Built, dep: DependencyDraft, kr?: string): Rec => ({
    ...(kr ? { kr } : {}),
    ...target(b, dep.on),
    ...(dep.risk ? { risk: dep.risk } : {}),
    ...(dep.riskNote ? { riskNote: dep.riskNote } : {}),
    ...(dep.mitigation ? { mitigation: dep.mitigation } : {}),
  });
  for (const b of built) for (const dep of b.draft.dependencies) addDep(b, depRec(b, dep));
  for (const d of docs)
    for (const dep of d.dependencies) {
      const text = dep.dependent!;
      const candidates = built.filter((b) => b.doc === d);
      let owner: Built | undefined;
      let kr: string | undefined;
      const label = /^(?:O|Objective\s*)(\d+)\b/i.exec(text);
      if (label && candidates[0]) owner = byLabel(candidates[0], `O${label[1]}`);
      if (!owner) {
        const prefix = /^([^:]+):\s*(.+)$/.exec(text);
        const tid = prefix ? findTeam(prefix[1]!.trim()) : undefined;
        const words = prefix ? prefix[2]! : text;
        const hit = bestKr(tid && candidates.some((b) => b.team === tid) ? candidates.filter((b) => b.team === tid) : candidates, words);
        if (hit) {
          owner = hit.b;
          kr = hit.kr.id;
          if (prefix && hit.b.team !== tid)
            report({
              kind: 'guess',
              ...dep.where,
              message: `dependency of "${text}" attached to ${hit.b.id}.${hit.kr.id} ("${hit.kr.title}")`,
            });
        }
      }
      if (!owner) {
        report({ kind: 'unmapped', ...dep.where, message: `dependency row "${text}" → "${dep.on}" matches no objective or key result` });
        continue;
      }
      addDep(owner, depRec(owner, dep, kr));
    }
  for (const [b, list] of deps) b.rec.dependencies = list;

  // ── Period records ────────────────────────────────────────────────────────────────────────────
  const docsOf = (p: { docs: Set<string> }) => docs.filter((d) => p.docs.has(d.file));
  // A period named in a heading but holding nothing (no objectives, no theme, no schedule) is not a
  // quarter that happened: it is not written, so the site never shows it as an archived period.
  const holds = (p: PeriodDraft) =>
    built.some((b) => b.period === p.id) ||
    Boolean(p.theme || p.summary || p.midReview || p.gradingDate || p.approvers?.length) ||
    p.checkins.length + p.risks.length + p.dependencies.length + p.receiptsRequired.length + p.changeLog.length > 0;
  for (const p of periods.values())
    if (!holds(p))
      report({
        kind: 'note',
        ...(p.datesWhere ?? { file: [...p.docs][0]!, line: 0 }),
        message: `period ${p.id} is named but holds no objectives: not written`,
      });
  const periodRecs: Rec[] = sorted([...periods.values()].filter(holds)).map((p) => {
    const ds = docsOf(p);
    const classification = ds.map((d) => d.classification).find(Boolean);
    const risks = p.risks.map((r) => ({ ...r, ...(r.owner ? { owner: addPerson({ name: r.owner }).id } : {}) }));
    const source = ds
      .map((d) => `${base(d.file)}${d.title ? `: ${d.title}` : ''}${d.sourceNotes.length ? ` (${d.sourceNotes.join('; ')})` : ''}`)
      .join(' · ');
    return {
      id: p.id,
      kind: p.kind,
      ...(p.name ? { name: p.name } : {}),
      ...(p.start ? { start: p.start } : {}),
      ...(p.end ? { end: p.end } : {}),
      ...(p.theme ? { theme: p.theme } : {}),
      ...(p.summary ? { summary: p.summary } : {}),
      ...(p.checkinCadence ? { checkinCadence: p.checkinCadence } : {}),
      ...(p.checkinDay ? { checkinDay: p.checkinDay } : {}),
      ...(p.checkins.length ? { checkins: [...p.checkins].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) } : {}),
      ...(p.midReview ? { midReview: p.midReview } : {}),
      ...(p.gradingDate ? { gradingDate: p.gradingDate } : {}),
      ...(p.approvers?.length ? { approvers: p.approvers } : {}),
      ...(classification ? { classification } : {}),
      ...(risks.length ? { risks } : {}),
      ...(p.dependencies.length ? { dependencies: p.dependencies } : {}),
      ...(p.receiptsRequired.length ? { receiptsRequired: p.receiptsRequired } : {}),
      ...(p.changeLog.length ? { changeLog: p.changeLog } : {}),
      ...(source ? { source: `Imported from ${source}` } : {}),
    };
  });

  // ── KPI catalogue ─────────────────────────────────────────────────────────────────────────────
  const groupIds = uniqueIds();
  const kpiIds = uniqueIds();
  let order = 0;
  let kpiCount = 0;
  const kpiGroups: Rec[] = [];
  for (const d of docs)
    for (const g of d.kpiGroups) {
      if (!g.kpis.length) {
        report({ kind: 'unmapped', ...g.where, message: `KPI group "${g.key}" has no KPIs` });
        continue;
      }
      const id = groupIds(slug(g.key.replace(/[_\s-]*(?:kpis?|metrics|indicators)$/i, '').replace(/_/g, ' '), 8, 60) || 'kpis');
      kpiGroups.push({
        id,
        name: g.name,
        ...(g.section ? { section: g.section } : {}),
        order: ++order,
        kpis: g.kpis.map((k) => {
          const kid = kpiIds(
            [k.category, k.key]
              .filter(Boolean)
              .join('-')
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-+|-+$/g, ''),
          );
          kpiCount++;
          return {
            id: kid,
            name: k.name,
            ...(k.category ? { category: humanise(k.category, true) } : {}),
            metric: k.metric,
            target: k.target || '(none stated)',
            ...(k.measurement ? { measurement: k.measurement } : {}),
            ...(k.frequency ? { frequency: k.frequency } : {}),
            ...(k.owner ? { owner: addPerson({ name: k.owner }).id } : {}),
          };
        }),
      });
    }

  // ── Org ───────────────────────────────────────────────────────────────────────────────────────
  const redactions = new Map<string, { label: string; link?: string }>();
  for (const d of docs) for (const [id, r] of d.redactions) if (!redactions.has(id)) redactions.set(id, r);
  const pillars = [...new Set(docs.flatMap((d) => d.pillars))];
  const gates = docs.flatMap((d) => d.stageGates);
  const bandsDoc = docs.find((d) => d.bands);
  const org: Rec = {
    name: orgName,
    fiscalYear,
    ...(bandsDoc ? { grading: { bands: bands(bandsDoc.bands!.bands, bandsDoc, report) } } : {}),
    ...(pillars.length ? { pillars: pillars.map((name) => ({ id: slug(name, 8, 60), name })) } : {}),
    ...(gates.length
      ? {
          stageGates: uniqueBy(
            gates.map((g) => ({ id: slug(g.name, 8, 60), name: g.name, ...(g.description ? { description: g.description } : {}) })),
          ),
        }
      : {}),
    ...(redactions.size
      ? {
          redactions: [...redactions]
            .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
            .map(([id, r]) => ({ id, label: r.label, ...(r.link && /^(https?:\/\/|mailto:)\S+$/.test(r.link) ? { link: r.link } : {}) })),
        }
      : {}),
  };

  // Braces that are not a redaction ("source{d}") would read as one: a word joiner keeps them literal.
  const literal = (t: unknown) =>
    typeof t === 'string' ? t.replace(/\{([a-z0-9-]+)\}/g, (m, id: string) => (redactions.has(id) ? m : `{\u2060${id}}`)) : t;
  for (const b of built) {
    b.rec.title = literal(b.rec.title);
    if (b.rec.description) b.rec.description = literal(b.rec.description);
    for (const k of b.krs) k.title = literal(k.title) as string;
  }

  // ── OKR files ─────────────────────────────────────────────────────────────────────────────────
  const files = new Map<string, { period: string; team: string; objectives: Rec[] }>();
  for (const b of built) {
    const key = `${b.period}/${b.team}`;
    if (!files.has(key)) files.set(key, { period: b.period, team: b.team, objectives: [] });
    files.get(key)!.objectives.push({ ...b.rec, keyResults: b.krs });
  }

  const content: ContentSet = {
    org,
    teams: [...teams.values()],
    people: [...people.values()],
    periods: periodRecs,
    okrFiles: [...files.values()],
    kpiGroups,
    sources: docs.map((d) => base(d.file)),
  };
  const stats: ImportStats = {
    documents: docs.length,
    objectives: built.length,
    keyResults: built.reduce((n, b) => n + b.krs.length, 0),
    periods: periodRecs.length,
    teams: teams.size,
    people: people.size,
    kpis: kpiCount,
    kpiGroups: kpiGroups.length,
    redactions: redactions.size,
  };
  return { content, stats };

  function bestKr(cands: Built[], text: string): { b: Built; kr: KrRecord } | undefined {
    const flat = cands.flatMap((b) => b.krs.map((kr) => ({ b, kr, title: kr.title })));
    const hit = bestObjective(flat, text);
    return hit ? { b: hit.b, kr: hit.kr } : undefined;
  }
}

/** kr1, kr2 … from the document's labels when they are distinct numbers, else by position. */
function krIdsFor(o: ObjectiveDraft): string[] {
  const nums = o.keyResults.map((k) => /^kr[\s_-]*(\d+)(?![\d.])/i.exec(k.label ?? '')?.[1]);
  if (nums.every((n) => n !== undefined) && new Set(nums).size === nums.length) return nums.map((n) => `kr${Number(n)}`);
  return o.keyResults.map((_, i) => `kr${i + 1}`);
}

function mergePeriod(into: PeriodDraft, p: PeriodDraft) {
  for (const k of [
    'name',
    'start',
    'end',
    'datesWhere',
    'theme',
    'summary',
    'checkinCadence',
    'checkinDay',
    'midReview',
    'gradingDate',
    'approvers',
    'classification',
    'source',
  ] as const)
    if (into[k] === undefined && p[k] !== undefined) (into as unknown as Rec)[k] = p[k];
  into.checkins.push(...p.checkins.filter((c) => !into.checkins.some((x) => x.date === c.date && x.type === c.type)));
  into.risks.push(...p.risks);
  into.dependencies.push(...p.dependencies);
  into.receiptsRequired.push(...p.receiptsRequired.filter((r) => !into.receiptsRequired.includes(r)));
  into.changeLog.push(...p.changeLog);
}

function sorted<T extends { id: string }>(it: Iterable<T>): T[] {
  return [...it].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function uniqueBy<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.id) && seen.add(i.id));
}

/** A scoring table ("0.0-0.3 | We failed…") as grading bands: traffic-light statuses by order. */
function bands(rows: { min: number; label: string; meaning?: string }[], doc: DocRecords, report: Report): Rec[] {
  const sortedRows = [...rows].sort((a, b) => a.min - b.min);
  if (sortedRows[0] && sortedRows[0].min !== 0) sortedRows[0] = { ...sortedRows[0], min: 0 };
  const statuses = ['red', 'yellow', 'green'] as const;
  const ids = uniqueIds();
  const out = sortedRows.map((r, i) => {
    const status = statuses[Math.min(i, 2)]!;
    return { id: ids(status), label: r.label, min: r.min, status, ...(r.meaning ? { meaning: r.meaning } : {}) };
  });
  report({
    kind: 'guess',
    ...doc.bands!.where,
    message: `grading scale read as ${out.length} bands; statuses by order (${out.map((b) => `${b.min}+ ${b.status}`).join(', ')})`,
  });
  return out;
}

/** "=> 60.5%" after an objective is its score (a declared grade); other words are kept in its description. */
function objectiveOutcome(o: ObjectiveDraft, rec: Rec, report: Report) {
  const text = o.outcome!.trim();
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (pct && Number(pct[1]) <= 100) {
    const grade = Number(pct[1]) / 100;
    o.declared = { ...o.declared, grade };
    report({ kind: 'note', ...o.where, message: `objective "${o.title}": score ${text} after "=>" kept as its declared grade ${grade}` });
    return;
  }
  if (!text) return;
  rec.description = [o.description, `Outcome: ${text}`].filter(Boolean).join('\n');
  report({ kind: 'guess', ...o.where, message: `objective "${o.title}": "${text}" after "=>" kept in its description as its outcome` });
}
