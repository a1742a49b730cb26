// Synthetic handbook for benchmarks, deterministic (seeded mulberry32), using the real schema:
// a company → department → team tree, people, a KPI catalogue, quarters ending with the one in
// progress on BUILD_DATE plus their years, narratives, guides, and per team and quarter
// `objectives` objectives of `krs` key results with `checkins` check-ins each. Key results mix every
// kind (metric up/down/percentage, count, threshold, milestone, manual, compound, redacted);
// objectives ladder up by `parent`, some `contribute` elsewhere, depend on other teams, carry over,
// are internal; key results link KPIs, declare grades (some disagreeing), record revisions.
// The content is a git repository, as a real handbook's is: set up in one commit, then each quarter's
// files committed as planned (no check-ins) and after each round of check-ins, so the build reads a
// change history of checkins + 1 versions per team and quarter (`history: false` leaves git out).
//
// node scripts/bench/generate.ts OUT_DIR [teams periods objectives krs checkins]   (default 200 8 4 4 6)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import * as V from './vocab.ts';

export interface Size {
  /** Teams including the company (the root team). */
  teams: number;
  /** Quarters; the years they fall in are added as year periods with company objectives. */
  periods: number;
  /** Objectives per team and quarter. */
  objectives: number;
  /** Key results per objective. */
  krs: number;
  /** Check-ins per key result. */
  checkins: number;
}

/** The bench's default (16×) size. */
export const DEFAULT_SIZE: Size = { teams: 200, periods: 8, objectives: 4, krs: 4, checkins: 6 };

/** The date every bench build runs "on" (SOURCE_DATE_EPOCH): the last generated quarter is in progress. */
export const SOURCE_DATE_EPOCH = '1700000000';
export const BUILD_DATE = new Date(Number(SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10);

/** One change to make to the content for the warm-rebuild measurement (a YAML path in one file). */
export interface Edit {
  file: string;
  path: (string | number)[];
  value: string | number;
  what: string;
}

export interface Generated {
  counts: Record<string, number>;
  /** Key results by kind (metric split into increase, percentage and decrease). */
  kinds: Record<string, number>;
  edit: Edit;
}

type Rand = () => number;

/** Deterministic pseudo-random numbers (mulberry32), so every run generates the same handbook. */
function rng(seed: number): Rand {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const round = (x: number, decimals: number) => Number(x.toFixed(decimals)) + 0;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const iso = (y: number, m0: number, d: number) => new Date(Date.UTC(y, m0, d)).toISOString().slice(0, 10);
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

function fmt(n: number, unit: string): string {
  if (unit === '%') return `${n}%`;
  if (unit.startsWith('$')) return `$${n.toLocaleString('en-US')}${unit.slice(1)}`;
  return `${n.toLocaleString('en-US')} ${unit}`;
}

interface Team {
  id: string;
  name: string;
  level: 0 | 1 | 2;
  parent?: string;
  lead: string;
  members: string[];
  index: number;
}

interface Period {
  id: string;
  kind: 'quarter' | 'year';
  year: number;
  start: string;
  end: string;
  lockDate: string;
  finalized: boolean;
  /** Last day with check-ins: the end, or the build date for the period in progress. */
  until: string;
  /** Fraction of the period elapsed on the build date (1 when over). */
  elapsed: number;
}

function period(id: string, kind: Period['kind'], year: number, start: string, end: string): Period {
  const until = end < BUILD_DATE ? end : BUILD_DATE;
  return {
    id,
    kind,
    year,
    start,
    end,
    lockDate: addDays(start, 14),
    finalized: end < BUILD_DATE,
    until,
    elapsed: days(start, until) / days(start, end),
  };
}

export function generate(out: string, size: Size, opts: { history?: boolean } = {}): Generated {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const counts: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  const tally = (to: Record<string, number>, key: string, n = 1) => void (to[key] = (to[key] ?? 0) + n);
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(out, rel)), { recursive: true });
    writeFileSync(join(out, rel), text);
    tally(counts, 'files');
    tally(counts, 'bytes', Buffer.byteLength(text));
  };
  const yaml = (rel: string, data: unknown) => write(rel, stringify(data, { lineWidth: 0 }));
  /** Each quarter's team files, written at the end (as commits when there is a history). */
  const quarterFiles: { p: Period; file: string; data: { objectives: Record<string, unknown>[] } }[] = [];
  const uniq = (taken: Set<string>, base: string) => {
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
    taken.add(id);
    return id;
  };

  // People and teams: company → departments (about one per 25 teams) → teams.
  const people: { id: string; name: string; title: string; team: string }[] = [];
  const personIds = new Set<string>();
  const person = (team: string, title: string) => {
    const name = `${pick(V.FIRST_NAMES)} ${pick(V.LAST_NAMES)}`;
    const id = uniq(personIds, slug(name));
    people.push({ id, name, title, team });
    return id;
  };
  const teamIds = new Set<string>(['alignment']);
  const teams: Team[] = [];
  const addTeam = (name: string, level: Team['level'], parent: string | undefined, leadTitle: string) => {
    const id = level === 0 ? 'company' : uniq(teamIds, slug(name));
    const t: Team = { id, name, level, parent, lead: person(id, leadTitle), members: [], index: teams.length };
    t.members = [person(id, pick(V.ROLES)), person(id, pick(V.ROLES))];
    teams.push(t);
    return t;
  };
  const company = addTeam('Benchmark Co', 0, undefined, 'Chief Executive Officer');
  const departmentCount = size.teams <= 1 ? 0 : Math.max(1, Math.round((size.teams - 1) / 25));
  const departments = Array.from({ length: departmentCount }, (_, d) => {
    const name =
      V.DEPARTMENTS[d % V.DEPARTMENTS.length]! + (d >= V.DEPARTMENTS.length ? ` ${Math.floor(d / V.DEPARTMENTS.length) + 1}` : '');
    return addTeam(name, 1, company.id, `VP ${name}`);
  });
  const deptOf = new Map<string, Team>();
  for (let s = 0; s < size.teams - 1 - departmentCount; s++) {
    const cycle = Math.floor(s / V.AREAS.length);
    const suffix = V.TEAM_SUFFIXES[cycle % V.TEAM_SUFFIXES.length];
    const name = `${V.AREAS[s % V.AREAS.length]} ${suffix}${cycle >= V.TEAM_SUFFIXES.length ? ` ${Math.floor(cycle / V.TEAM_SUFFIXES.length) + 1}` : ''}`;
    const dept = departments[s % departmentCount]!;
    deptOf.set(addTeam(name, 2, dept.id, `Lead, ${name}`).id, dept);
  }
  yaml('teams.yaml', {
    teams: teams.map((t) => ({
      id: t.id,
      name: t.name,
      parent: t.parent,
      lead: t.lead,
      description: t.level === 0 ? 'The whole company.' : `${t.name} owns the ${t.name.toLowerCase()} roadmap and its metrics.`,
    })),
  });
  yaml('people.yaml', { people });
  tally(counts, 'teams', teams.length);
  tally(counts, 'departments', departmentCount);
  tally(counts, 'people', people.length);

  // KPI catalogue: ten groups of ten.
  const kpiIds: string[] = [];
  const kpiTaken = new Set<string>();
  const groups = [
    'Revenue Growth',
    'Customer Retention',
    'Product Engagement',
    'Reliability',
    'Security',
    'Efficiency',
    'Customer Satisfaction',
    'Delivery',
    'Partners',
    'People',
  ];
  groups.forEach((g, gi) => {
    const kpis = Array.from({ length: 10 }, (_, k) => {
      const [noun, unit] = pick([...V.INCREASE, ...V.PERCENT, ...V.DECREASE]);
      const id = uniq(kpiTaken, `${slug(g)}-${slug(noun)}`);
      kpiIds.push(id);
      return {
        id,
        name: noun[0]!.toUpperCase() + noun.slice(1),
        category: k < 5 ? `${g} outcomes` : `${g} drivers`,
        metric: `${noun} (${unit})`,
        target: `Improve ${noun} quarter over quarter`,
        measurement: 'Weekly from the analytics warehouse',
        frequency: pick(['Weekly', 'Monthly', 'Quarterly']),
        owner: (departments[gi % Math.max(1, departmentCount)] ?? company).lead,
      };
    });
    yaml(`kpis/${slug(g)}.yaml`, {
      id: slug(g),
      name: `${g} KPIs`,
      section: gi < 5 ? 'Business KPIs' : 'Operational KPIs',
      order: gi + 1,
      kpis,
    });
  });
  tally(counts, 'kpis', kpiIds.length);

  // Periods: quarters ending with the one in progress on BUILD_DATE, and the years they fall in.
  const [by, bm] = [Number(BUILD_DATE.slice(0, 4)), Number(BUILD_DATE.slice(5, 7))];
  const lastQuarter = by * 4 + Math.floor((bm - 1) / 3);
  const quarters = Array.from({ length: size.periods }, (_, i) => {
    const abs = lastQuarter - (size.periods - 1) + i;
    const [y, q] = [Math.floor(abs / 4), (abs % 4) + 1];
    return period(`${y}-Q${q}`, 'quarter', y, iso(y, (q - 1) * 3, 1), iso(y, q * 3, 0));
  });
  const years = [...new Set(quarters.map((q) => q.year))].map((y) => period(String(y), 'year', y, iso(y, 0, 1), iso(y, 11, 31)));
  tally(counts, 'quarters', quarters.length);
  tally(counts, 'years', years.length);

  const redactions = Array.from({ length: 12 }, (_, i) => ({
    id: `n${i}`,
    label: `N${String(i).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!)}`,
    link: `https://docs.example.com/private/metrics#n${i}`,
  }));
  const pillars = ['Trust as a channel', 'Enterprise moat', 'Ecosystem revenue', 'Autonomous operations', 'Unit economics'].map((name) => ({
    id: slug(name),
    name,
  }));
  const gates = ['Spec', 'Build', 'Prove', 'Operate', 'Package'].map((name) => ({
    id: slug(name),
    name,
    description: `The ${name.toLowerCase()} stage gate.`,
  }));
  yaml('org.yaml', {
    name: 'Benchmark Co',
    description: 'A synthetic handbook generated by scripts/bench/generate.ts for the build benchmark.',
    fiscalYear: { startMonth: 1, naming: 'calendar' },
    defaultClassification: 'public',
    repository: { url: 'https://github.com/example/benchmark-handbook', branch: 'main', contentPath: 'content' },
    currentPeriod: quarters.at(-1)?.id,
    pillars,
    stageGates: gates,
    redactions,
  });

  const topic = (teamIndex: number, n: number) => V.TOPICS[(teamIndex + n) % V.TOPICS.length]!;
  const objectiveId = (p: Period, t: Team, n: number) =>
    `${p.id.toLowerCase()}-${t.id}-${topic(t.index, n)[0]}${n >= V.TOPICS.length ? `-${n}` : ''}`;
  const sentences = (n: number) => {
    const first = int(0, V.SENTENCES.length - 1);
    return Array.from({ length: n }, (_, i) => V.SENTENCES[(first + i) % V.SENTENCES.length]).join(' ');
  };

  // Periods, their narratives and guides.
  for (const p of [...years, ...quarters]) {
    const q = p.kind === 'quarter' ? Number(p.id.slice(-1)) : 0;
    const name = p.kind === 'quarter' ? `Q${q} ${p.year}` : String(p.year);
    const scheduled = [];
    for (let d = addDays(p.start, 7), i = 0; d <= p.end; d = addDays(d, p.kind === 'quarter' ? 14 : 91), i++)
      scheduled.push({
        date: d,
        type: p.kind === 'year' ? 'quarterly' : i === 3 ? 'mid-period' : 'biweekly',
        focus: i === 3 ? 'Mid-period review' : undefined,
      });
    const other = departments.length ? pick(departments) : company;
    yaml(`periods/${p.id}.yaml`, {
      id: p.id,
      kind: p.kind,
      name,
      start: p.start,
      end: p.end,
      theme: V.THEMES[(p.year * 4 + q) % V.THEMES.length],
      summary: sentences(2),
      checkinCadence: p.kind === 'quarter' ? 'biweekly' : 'monthly',
      checkinDay: 'monday',
      checkins: scheduled,
      midReview: p.kind === 'quarter' ? addDays(p.start, 45) : undefined,
      gradingDate: addDays(p.end, 7),
      lockDate: p.lockDate,
      finalized: p.finalized,
      approvers: ['CEO', 'Executive Team'],
      risks: [
        {
          title: pick(V.RISKS),
          likelihood: pick(['low', 'medium', 'high']),
          impact: pick(['medium', 'high']),
          mitigation: pick(V.MITIGATIONS),
          owner: company.lead,
        },
      ],
      dependencies:
        p.kind === 'quarter'
          ? [{ description: `${other.name} capacity for the quarter's launches`, team: other.id, on: objectiveId(p, other, 0) }]
          : undefined,
      changeLog: [
        { date: addDays(p.start, -10), author: 'Chief of Staff', change: `Drafted the ${name} OKRs` },
        { date: addDays(p.start, 3), author: 'CEO', change: `Approved the ${name} OKRs` },
      ],
    });
    write(
      `periods/${p.id}.mdx`,
      `---\ntitle: "${name}"\n---\n\n## Where we stand\n\n${sentences(4)}\n\n${sentences(3)}\n\n## Company objectives\n\n<OkrTable period="${p.id}" team="company" />\n\n## What changes\n\n${Array.from({ length: 4 }, () => `- ${pick(V.SENTENCES)}`).join('\n')}\n`,
    );
    tally(counts, 'narratives');
  }
  for (const [i, title] of ['How we run OKRs', 'Grading and check-ins', 'Writing good key results'].entries()) {
    write(
      `guides/${slug(title)}.mdx`,
      `---\ntitle: ${title}\ndescription: ${pick(V.SENTENCES)}\norder: ${i + 1}\nclassification: public\n---\n\n## Why\n\n${sentences(4)}\n\n## How\n\n| step | who | when |\n|---|---|---|\n| Draft | team leads | two weeks before the quarter |\n| Review | department heads | one week before |\n| Approve | CEO | first week |\n\n${sentences(3)}\n`,
    );
    tally(counts, 'guides');
  }

  // Key results.
  const status = (ratio: number) => (ratio >= 0.9 ? 'green' : ratio >= 0.6 ? 'yellow' : 'red');
  const bandStatus = (g: number) => (g >= 0.7 ? 'green' : g >= 0.4 ? 'yellow' : 'red');
  let edit: Edit | undefined;

  function keyResult(p: Period, t: Team, k: number, editable: boolean): Record<string, unknown> {
    const owner = chance(0.7) ? pick(t.members) : t.lead;
    // Final achievement (can exceed 1), scaled by how much of the period has passed.
    const achieved = 0.55 + rand() * 0.6;
    const final = achieved * p.elapsed;
    const span = days(p.start, p.until);
    const fractions = Array.from({ length: size.checkins }, (_, c) =>
      clamp(final * ((c + 1) / size.checkins) + (rand() - 0.5) * 0.06, 0, 1.3),
    );
    const checkin = (c: number, value: number | string | undefined) => {
      const expected = ((c + 1) / size.checkins) * p.elapsed;
      tally(counts, 'checkins');
      const note = chance(0.35) ? pick(V.NOTES) : undefined;
      if (note) tally(counts, 'checkin notes');
      return {
        date: addDays(p.start, Math.max(1, Math.round(((c + 1) * span) / size.checkins))),
        value,
        status: chance(0.9) ? status(fractions[c]! / Math.max(0.05, expected)) : undefined,
        statusNote: chance(0.25) ? pick(['On track', 'Behind', 'Ahead', 'At risk']) : undefined,
        confidence: chance(0.15) ? round(0.3 + rand() * 0.65, 2) : undefined,
        note,
        blockers: chance(0.08) ? [pick(V.BLOCKERS)] : undefined,
        asks: chance(0.06) ? [pick(V.ASKS)] : undefined,
        risks: chance(0.04) ? [pick(V.RISKS)] : undefined,
        mitigations: chance(0.03) ? [pick(V.MITIGATIONS)] : undefined,
        decisions: chance(0.04) ? [pick(V.DECISIONS)] : undefined,
        author: chance(0.7) ? owner : undefined,
      };
    };
    const common = {
      id: `kr${k + 1}`,
      owner,
      description: chance(0.25) ? sentences(1) : undefined,
      measurement: chance(0.2) ? 'Weekly, from the analytics warehouse dashboard' : undefined,
      timeline: chance(0.1) ? `By ${p.end}` : undefined,
      weight: chance(0.1) ? 2 : undefined,
      classification: chance(0.05) ? 'internal' : undefined,
    };
    if (common.classification) tally(counts, 'internal key results');
    const kpi = () => {
      if (!chance(0.25)) return undefined;
      tally(counts, 'KPI links');
      return pick(kpiIds);
    };
    /** Check-ins for every fraction; none at all is written as no `checkins:` field. */
    const checkins = (value: (f: number) => number | string | undefined) =>
      fractions.length ? fractions.map((f, c) => checkin(c, value(f))) : undefined;

    const roll = rand();
    if (roll < 0.42) {
      // Metric: increase (number or percentage) or decrease.
      const sub = roll < 0.2 ? 'increase' : roll < 0.3 ? 'percentage' : 'decrease';
      const [noun, unit, lo, hi, dec] = pick(sub === 'increase' ? V.INCREASE : sub === 'percentage' ? V.PERCENT : V.DECREASE);
      const baseline = round(lo + rand() * (hi - lo), dec);
      let target =
        sub === 'increase'
          ? round(baseline * (1.2 + rand() * 0.8), dec)
          : sub === 'percentage'
            ? round(baseline + (100 - baseline) * (0.2 + rand() * 0.4), dec)
            : round(baseline * (0.5 + rand() * 0.3), dec);
      if (target === baseline) target = round(baseline + (sub === 'decrease' ? -1 : 1) * 10 ** -dec, dec);
      const start = chance(0.05) ? round(baseline + (target - baseline) * 0.1, dec) : undefined;
      const from = start ?? baseline;
      if (start === target) throw new Error('generator: start equals target');
      const values = fractions.map((f) => {
        const v = round(from + (target - from) * f, dec);
        return unit === '%' ? Math.min(100, v) : v;
      });
      tally(kinds, `metric (${sub})`);
      const kr: Record<string, unknown> = {
        ...common,
        title: `${sub === 'decrease' ? 'Reduce' : pick(['Grow', 'Increase', 'Raise'])} ${noun} from ${fmt(baseline, unit)} to ${fmt(target, unit)}`,
        kind: 'metric',
        baseline,
        start,
        target,
        direction: chance(0.5) ? (target > from ? 'increase' : 'decrease') : undefined,
        unit,
        kpi: kpi(),
        labels: chance(0.05) ? (tally(counts, 'labels'), { target: `${fmt(target, unit)} by the end of ${p.id}` }) : undefined,
      };
      const last = values.at(-1);
      if (p.finalized && last !== undefined && chance(0.2)) {
        let grade = clamp((last - from) / (target - from), 0, 1);
        if (chance(0.25)) {
          grade = clamp(grade + (grade > 0.5 ? -0.25 : 0.25), 0, 1);
          tally(counts, 'declared grades disagreeing');
        }
        kr.declared = { grade: round(grade, 2), status: bandStatus(grade) };
        tally(counts, 'declared grades');
      }
      if (p.lockDate < p.until && chance(0.03)) {
        const was = round(target * (sub === 'decrease' ? 1.1 : 0.9), dec);
        if (was !== target) {
          kr.revisions = [
            {
              field: 'target',
              from: was,
              to: target,
              reason: 'Re-planned after the pricing change',
              approvedBy: t.lead,
              date: addDays(p.lockDate, 10),
            },
          ];
          tally(counts, 'revisions');
        }
      }
      kr.checkins = values.length ? values.map((v, c) => checkin(c, v)) : undefined;
      if (editable && values.length) {
        // The warm-rebuild edit: move the latest reading (path relative to the objective; the
        // caller adds the objective's index and the file).
        const c = values.length - 1;
        const changed = round(from + (target - from) * Math.min(1, fractions[c]! + 0.3), dec);
        edit = {
          file: '',
          path: ['keyResults', k, 'checkins', c, 'value'],
          value: changed === values[c] ? target : changed,
          what: `latest check-in of a metric (${sub})`,
        };
      }
      return kr;
    }
    if (roll < 0.54) {
      const [noun, unit] = pick(V.COUNTS);
      const target = int(3, 40);
      tally(kinds, 'count');
      return {
        ...common,
        title: `${pick(['Close', 'Launch', 'Complete', 'Reach'])} ${target} ${noun}`,
        kind: 'count',
        baseline: chance(0.5) ? int(0, Math.floor(target / 2)) : undefined,
        target,
        unit,
        kpi: kpi(),
        checkins: checkins((f) => Math.round(target * f)),
      };
    }
    if (roll < 0.68) {
      const [noun, unit, operator, target, from, dec] = pick(V.THRESHOLDS);
      tally(kinds, 'threshold');
      return {
        ...common,
        title: `${noun} ${operator} ${fmt(target, unit)}`,
        kind: 'threshold',
        operator,
        target,
        baseline: chance(0.85) ? from : undefined,
        unit,
        kpi: kpi(),
        checkins: checkins((f) => round(from + (target - from) * f * 1.05, dec)),
      };
    }
    if (roll < 0.82) {
      const [title, target] = pick(V.MILESTONES);
      const done = (fractions.at(-1) ?? 0) >= 0.85;
      const graded = p.finalized && !done && chance(0.6);
      tally(kinds, 'milestone');
      return {
        ...common,
        title,
        kind: 'milestone',
        baseline: chance(0.3) ? pick(['Not started', 'Prototype', 'Beta']) : undefined,
        target,
        done: done || undefined,
        manualGrade: graded ? round(0.2 + rand() * 0.6, 2) : undefined,
        rationale: graded ? 'Most of the scope shipped; the last customer migration moved to next quarter.' : undefined,
        checkins: checkins((f) =>
          f >= 0.85 ? target : V.MILESTONE_STAGES[Math.min(V.MILESTONE_STAGES.length - 1, Math.floor(f * V.MILESTONE_STAGES.length))],
        ),
      };
    }
    if (roll < 0.87) {
      tally(kinds, 'manual');
      return {
        ...common,
        title: pick(V.MANUAL),
        kind: 'manual',
        manualGrade: round(rand(), 2),
        rationale: 'Judged by the team lead against the examples agreed at planning.',
        checkins: checkins(() => undefined),
      };
    }
    if (roll < 0.94) {
      const partIds = new Set<string>();
      const parts = Array.from({ length: chance(0.7) ? 2 : 3 }, () => {
        if (chance(0.5)) {
          const [noun, unit, operator, target, from, dec] = pick(V.THRESHOLDS);
          return {
            id: uniq(partIds, slug(noun)),
            title: noun,
            kind: 'threshold',
            operator,
            target,
            unit,
            current: round(from + (target - from) * achieved, dec),
          };
        }
        const [noun, unit, lo, hi, dec] = pick(V.INCREASE);
        const baseline = round(lo + rand() * (hi - lo), dec);
        const target = round(baseline * 1.5 + 10 ** -dec, dec);
        return {
          id: uniq(partIds, slug(noun)),
          title: noun,
          kind: 'metric',
          baseline,
          target,
          unit,
          current: round(baseline + (target - baseline) * final, dec),
        };
      });
      tally(kinds, 'compound');
      return {
        ...common,
        title: parts
          .map((x) =>
            x.kind === 'threshold' ? `${x.title} ${x.operator} ${fmt(x.target, x.unit)}` : `${x.title} to ${fmt(x.target, x.unit)}`,
          )
          .join('; '),
        kind: 'compound',
        combine: chance(0.5) ? 'min' : 'mean',
        parts,
        asOf: p.until,
        checkins: checkins(() => undefined),
      };
    }
    const [title] = pick(V.REDACTED);
    const r = pick(redactions).id;
    tally(kinds, 'redacted');
    return {
      ...common,
      title: title.replace('{n}', `{${r}}`),
      kind: 'redacted',
      values: [r],
      checkins: checkins(() => undefined),
    };
  }

  // Objectives: per year (company only) and per quarter and team.
  function objective(p: Period, t: Team, n: number, prev: Period | undefined, editable: boolean) {
    const id = objectiveId(p, t, n);
    const [, phrase] = topic(t.index, n);
    const year = years.find((y) => y.year === p.year)!;
    let parent: string | undefined;
    const parentChance = t.level === 2 ? 0.96 : 0.98;
    if (p.kind === 'quarter' && chance(parentChance))
      parent =
        t.level === 0
          ? objectiveId(year, company, n % size.objectives)
          : objectiveId(p, t.level === 1 ? company : deptOf.get(t.id)!, int(0, size.objectives - 1));
    const contributes: string[] = [];
    if (p.kind === 'quarter' && t.level > 0 && chance(0.15)) {
      const others = departments.filter((d) => d.id !== t.id && d !== deptOf.get(t.id));
      const target = others.length && t.level === 2 ? pick(others) : company;
      const c = objectiveId(p, target, int(0, size.objectives - 1));
      if (c !== parent && c !== id) contributes.push(c);
    }
    const dependencies = [];
    if (p.kind === 'quarter' && t.level > 0 && teams.length > 2 && chance(0.2)) {
      let other = pick(teams);
      if (other === t) other = teams[(t.index + 1) % teams.length]!;
      const on = objectiveId(p, other, int(0, size.objectives - 1));
      dependencies.push({
        kr: size.krs > 0 && chance(0.6) ? 'kr1' : undefined,
        on: size.krs > 0 && chance(0.5) ? `${on}.kr${int(1, size.krs)}` : on,
        team: other.id,
        description: `${other.name}: ${pick(V.INITIATIVES).toLowerCase()} delivered on time`,
        risk: pick(['low', 'medium', 'high']),
        riskNote: chance(0.5) ? 'Delays the adoption metric' : undefined,
        mitigation: pick(V.MITIGATIONS),
      });
      tally(counts, 'dependencies');
    }
    const carried = prev && chance(0.08) ? objectiveId(prev, t, n) : undefined;
    const type = chance(0.85) ? (chance(0.5) ? 'committed' : 'aspirational') : undefined;
    if (type) tally(counts, `${type} objectives`);
    const internal = chance(0.1);
    if (internal) tally(counts, 'internal objectives');
    if (parent) tally(counts, 'parent links');
    if (contributes.length) tally(counts, 'contributes links');
    if (carried) tally(counts, 'carried over');
    tally(counts, 'objectives');
    const o: Record<string, unknown> = {
      id,
      title: t.level === 0 ? phrase : `${phrase} ${pick(V.QUALIFIERS)}`,
      description: chance(0.5) ? sentences(2) : undefined,
      owner: t.lead,
      dri: chance(0.4) ? pick(t.members) : undefined,
      priority: chance(0.9) ? pick(['P0', 'P1', 'P1', 'P2', 'P2', 'P3']) : undefined,
      type,
      typeNote: type === 'committed' && chance(0.2) ? '90%+ confidence; we must hit this' : undefined,
      confidence: chance(0.4) ? round(0.4 + rand() * 0.55, 2) : undefined,
      pillar: t.level === 0 || chance(0.3) ? pick(pillars).id : undefined,
      stageGate: chance(0.1) ? pick(gates).id : undefined,
      parent,
      contributes: contributes.length ? contributes : undefined,
      carriedFrom: carried,
      weight: chance(0.1) ? 2 : undefined,
      classification: internal ? 'internal' : undefined,
      initiatives: chance(0.35)
        ? Array.from({ length: int(1, 3) }, () => ({
            title: pick(V.INITIATIVES),
            team: chance(0.5) ? t.id : undefined,
            owner: pick(t.members),
            status: pick(['planned', 'in-progress', 'done']),
            link: chance(0.3) ? `https://tracker.example.com/browse/OKR-${int(100, 9999)}` : undefined,
          }))
        : undefined,
      dependencies: dependencies.length ? dependencies : undefined,
      risks: chance(0.15)
        ? [
            {
              title: pick(V.RISKS),
              likelihood: pick(['low', 'medium', 'high']),
              impact: pick(['low', 'medium', 'high']),
              mitigation: pick(V.MITIGATIONS),
              owner: t.lead,
            },
          ]
        : undefined,
    };
    o.keyResults = Array.from({ length: size.krs }, (_, k) => {
      // Key order as people write it: id, title, kind first.
      const generated = keyResult(p, t, k, editable && !edit);
      const kr: Record<string, unknown> = { id: generated.id, title: generated.title, kind: generated.kind, ...generated };
      if (carried && k === 0) kr.carriedFrom = `${carried}.kr1`;
      tally(counts, 'key results');
      return kr;
    });
    return o;
  }

  // The edit for the warm rebuild: a key result of a team (not the company) in the quarter in progress.
  const editTeam = teams[Math.min(1, teams.length - 1)]!;
  for (const p of years)
    yaml(`okrs/${p.id}/company.yaml`, {
      period: p.id,
      team: company.id,
      objectives: Array.from({ length: size.objectives }, (_, n) => objective(p, company, n, undefined, false)),
    });
  quarters.forEach((p, qi) => {
    for (const t of teams) {
      const editable = qi === quarters.length - 1 && t === editTeam;
      const list = Array.from({ length: size.objectives }, (_, n) => {
        const found = edit;
        const o = objective(p, t, n, quarters[qi - 1], editable);
        if (editable && edit && !found) edit.path = ['objectives', n, ...edit.path];
        return o;
      });
      const file = `okrs/${p.id}/${t.id}.yaml`;
      if (editable) {
        // No metric key result with check-ins: edit the first key result's title instead.
        const first = (list[0]?.keyResults as { title: string }[] | undefined)?.[0];
        edit ??= first
          ? { file: '', path: ['objectives', 0, 'keyResults', 0, 'title'], value: `${first.title} (edited)`, what: 'key result title' }
          : undefined;
        if (edit) edit.file = file;
      }
      quarterFiles.push({ p, file, data: { period: p.id, team: t.id, objectives: list } as never });
    }
  });
  if (!edit) throw new Error('generator: nothing to edit (need at least one objective and key result)');
  if (opts.history === false) for (const q of quarterFiles) yaml(q.file, q.data);
  else writeHistory(out, quarterFiles, size.checkins, (q) => yaml(q.file, q.data));
  tally(counts, 'commits', opts.history === false ? 0 : 1 + quarters.length * (size.checkins + 1));
  return { counts, kinds, edit };
}

/** A team-quarter file as it was after `round` rounds of check-ins (0: as planned). */
function atRound(data: { objectives: Record<string, unknown>[] }, round: number): unknown {
  return {
    ...data,
    objectives: data.objectives.map((o) => ({
      ...o,
      keyResults: (o.keyResults as Record<string, unknown>[]).map((kr) => {
        const checkins = (kr.checkins as unknown[] | undefined)?.slice(0, round);
        return { ...kr, checkins: checkins?.length ? checkins : undefined };
      }),
    })),
  };
}

/**
 * Make `out` a git repository: everything written so far in one commit, then per quarter one commit
 * of its files as planned and one after each round of check-ins, dated through the quarter. The last
 * round writes the files as they are (`final`).
 */
function writeHistory(
  out: string,
  files: { p: Period; file: string; data: { objectives: Record<string, unknown>[] } }[],
  rounds: number,
  final: (q: (typeof files)[number]) => void,
): void {
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null' };
  const git = (args: string[], date?: string) =>
    execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', ...args], {
      cwd: out,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: date
        ? {
            ...env,
            GIT_AUTHOR_NAME: 'Bench Owner',
            GIT_AUTHOR_EMAIL: 'owner@example.com',
            GIT_COMMITTER_NAME: 'Bench Owner',
            GIT_COMMITTER_EMAIL: 'owner@example.com',
            GIT_AUTHOR_DATE: `${date}T12:00:00Z`,
            GIT_COMMITTER_DATE: `${date}T12:00:00Z`,
          }
        : env,
    });
  const commit = (message: string, date: string) => {
    git(['add', '-A']);
    git(['commit', '-q', '-m', message], date);
  };
  git(['init', '-q', '-b', 'main']);
  const quarters = [...new Set(files.map((f) => f.p))];
  commit('Handbook set-up', addDays(quarters[0]!.start, -7));
  for (const p of quarters)
    for (let round = 0; round <= rounds; round++) {
      for (const q of files.filter((f) => f.p === p))
        if (round === rounds) final(q);
        else {
          mkdirSync(dirname(join(out, q.file)), { recursive: true });
          writeFileSync(join(out, q.file), stringify(atRound(q.data, round), { lineWidth: 0 }));
        }
      commit(
        round ? `${p.id}: check-in round ${round}` : `${p.id}: OKRs planned`,
        addDays(p.start, rounds ? Math.round((round / rounds) * days(p.start, p.until)) : 0),
      );
    }
}

if (import.meta.main) {
  const [out, ...n] = process.argv.slice(2);
  if (!out) throw new Error('usage: node scripts/bench/generate.ts OUT_DIR [teams periods objectives krs checkins]');
  const [
    teams = DEFAULT_SIZE.teams,
    periods = DEFAULT_SIZE.periods,
    objectives = DEFAULT_SIZE.objectives,
    krs = DEFAULT_SIZE.krs,
    checkins = DEFAULT_SIZE.checkins,
  ] = n.map(Number);
  console.log(JSON.stringify(generate(out, { teams, periods, objectives, krs, checkins }), null, 2));
}
