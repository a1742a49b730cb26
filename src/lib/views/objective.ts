// The objective page as data: its facts, check-ins (latest per key result, then all of them), the
// charts of its key results' values, alignment, dependencies and receipts. The page lays it out.
import { krProgressChart, type ChartSpec } from '../charts.ts';
import { formatGrade, formatValue, percent } from '../format.ts';
import type { ComputedKr, ComputedObjective, ComputedPeriod } from '../handbook.ts';
import type { PacePoint } from '../key-results.ts';
import type { PeriodModel } from '../model.ts';
import { expectedProgress } from '../pace.ts';
import { plainTitle } from '../present.ts';
import { receiptOf, type RecordReceipt } from '../receipts/trust.ts';
import type { Checkin } from '../schema/index.ts';
import { paceAt } from '../status.ts';
import type { SiteIndex } from '../site-index.ts';
import type { Urls } from '../urls.ts';
import { progressScale } from './progress.ts';
import type { Cell, Row, TableView } from './table.ts';
import { namesTeam } from './dependencies.ts';

export interface Link {
  text: string;
  href: string;
  /** What the link is (a team's name), shown after it. */
  note?: string;
}

export interface DependencyView {
  kr?: string;
  on?: Link;
  team?: string;
  description?: string;
  risk?: string;
  riskNote?: string;
  mitigation?: string;
}

export interface ObjectiveView {
  o: ComputedObjective;
  period: ComputedPeriod;
  teamName: string;
  /** Facts under the title (team and period, owner, DRI, priority, type, confidence, pillar, gate, carried from). */
  facts: Cell[];
  charts: { id: string; spec: ChartSpec }[];
  /** Each key result's latest check-in; undefined when none has one. */
  latest: TableView | undefined;
  /** Every check-in, when some key result has more than one (shown collapsed). */
  all: TableView | undefined;
  checkinCount: number;
  alignment: { up: Link[]; contributes: Link[]; children: Link[]; contributors: Link[]; none?: string };
  dependencies: DependencyView[];
  receipts: { label: string; receipt: RecordReceipt }[];
  /** "3/4 key results graded" (with their weight when weights differ). */
  coverage: string;
  /** The page's sections, for its "On this page" list. */
  toc: { id: string; label: string }[];
}

/** A chart of the key result's own value, when it has a numeric scale and at least one numeric reading. */
export function krChart(k: ComputedKr, period: PeriodModel, today: string, title: string, expectedFinal: number): ChartSpec | undefined {
  const scale = progressScale(k);
  // Readings after the period (beyond its grace) do not count for it: they are not its progress.
  const readings = k.trend.flatMap((t) => (typeof t.value === 'number' && t.counts ? [{ date: t.date, value: t.value }] : []));
  if (!scale || readings.length === 0) return undefined;
  return krProgressChart({
    title,
    unit: k.unit,
    period,
    today,
    ...scale,
    expectedAt: (date) => expectedProgress(period, date) * expectedFinal,
    readings,
  });
}

/** What a check-in says in words: the owner's status, note, blockers, asks, risks, mitigations. */
function notes(c: Checkin | undefined): Cell {
  if (!c) return { muted: '—' };
  const lines: Cell[] = [];
  if (c.status) lines.push({ status: c.status, note: c.statusNote });
  if (c.provenance) lines.push({ provenance: c.provenance });
  if (c.note) lines.push(c.note);
  for (const [label, items] of [
    ['Blockers', c.blockers],
    ['Asks', c.asks],
    ['Risks', c.risks],
    ['Mitigations', c.mitigations],
    ['Decisions', c.decisions],
  ] as const)
    if (items?.length) lines.push(`${label}: ${items.join('; ')}`);
  return lines.length ? { lines } : { muted: '—' };
}

/** A compound check-in's parts as written: "net-churn: 1.2; expansion-bookings: 13". */
const partValues = (parts: Readonly<Record<string, number | string>>) =>
  Object.entries(parts)
    .map(([part, v]) => `${part}: ${v}`)
    .join('; ');

function checkinRow(k: ComputedKr, t: PacePoint, first: boolean): Row {
  return {
    cells: [
      first ? { text: k.id.toUpperCase(), href: `#kr-${k.id}` } : { muted: k.id.toUpperCase() },
      { time: t.date },
      t.value !== undefined ? formatValue(t.value, k.unit) : t.checkin.parts ? partValues(t.checkin.parts) : { muted: '—' },
      t.grade === null ? { muted: '—' } : `${formatGrade(t.grade)} (expected ${formatGrade(t.expected)})`,
      // The pace at that reading, dated, so that it never reads as a status competing with today's.
      t.pace ? paceAt(t.pace, t.date) : t.counts ? { muted: '—' } : { muted: 'after the period: not counted' },
      notes(t.checkin),
    ],
  };
}

const CHECKIN_COLUMNS = [
  { label: 'Key result' },
  { label: 'Date', unindexed: true },
  { label: 'Value', unindexed: true },
  { label: 'Grade then', unindexed: true },
  { label: 'Pace then', unindexed: true },
  { label: 'Notes' },
];

export function objectiveView(s: SiteIndex, url: Urls, id: string): ObjectiveView {
  const o = s.objective.get(id)!;
  const period = s.period.get(o.period)!;
  const team = s.team.get(o.team);
  const teamName = team?.name ?? o.team;
  const link = (target: string): Link | undefined => {
    const x = s.objective.get(target);
    return x && { text: x.title, href: url.objective(x.id), note: s.team.get(x.team)?.name };
  };
  const pillar = s.h.model.org.pillars.find((x) => x.id === o.pillar);
  const gate = s.h.model.org.stageGates.find((x) => x.id === o.stageGate);
  const carried = o.carriedFrom ? link(o.carriedFrom) : undefined;
  const facts: Cell[] = [
    {
      inline: [
        { text: teamName, href: url.teamPeriod(o.period, o.team) },
        '·',
        { text: period.name ?? period.id, href: url.period(period.id) },
      ],
    },
    ...(o.owner ? [{ inline: ['Owner:', { person: o.owner, role: o.ownerRole }] }] : []),
    ...(o.dri ? [{ inline: ['DRI:', { person: o.dri }] }] : []),
    ...(o.priority ? [`Priority: ${o.priority}`] : []),
    ...(o.type
      ? [
          `${o.type === 'committed' ? 'Committed' : 'Aspirational'}${o.typeNote ? ` (${o.typeNote})` : ''} — expected ${formatGrade(o.expected)}`,
        ]
      : []),
    ...(o.confidence !== undefined ? [`Confidence: ${percent(o.confidence)}${o.confidenceNote ? ` (${o.confidenceNote})` : ''}`] : []),
    ...(pillar ? [`Pillar: ${pillar.name}`] : []),
    ...(gate ? [`Stage gate: ${gate.name}`] : []),
    ...(carried ? [{ inline: ['Carried over from', { text: carried.text, href: carried.href }] }] : []),
  ];

  const title = (k: ComputedKr) => `${k.id.toUpperCase()}: ${plainTitle(k.title, s.redactionLabel)}`;
  const charts = o.keyResults.flatMap((k) => {
    const spec = krChart(k, period, s.h.today, title(k), o.expected ?? s.h.model.org.grading.expected.committed);
    return spec ? [{ id: `chart-${k.id}`, spec }] : [];
  });
  const withCheckins = o.keyResults.filter((k) => k.trend.length > 0);
  const checkinCount = withCheckins.reduce((n, k) => n + k.trend.length, 0);
  const latest: TableView | undefined = withCheckins.length
    ? {
        columns: CHECKIN_COLUMNS,
        rows: withCheckins.map((k) => checkinRow(k, k.trend.at(-1)!, true)),
      }
    : undefined;
  // Earlier check-ins are history: kept out of the search index with the numbers.
  const all: TableView | undefined = withCheckins.some((k) => k.trend.length > 1)
    ? {
        columns: CHECKIN_COLUMNS,
        unindexed: true,
        rows: withCheckins.flatMap((k) => k.trend.map((t, i) => checkinRow(k, t, i === 0)).reverse()),
      }
    : undefined;

  const links = (ids: readonly string[] | undefined) => (ids ?? []).flatMap((x) => link(x) ?? []);
  const alignment = {
    up: links(o.alignment.ancestry),
    contributes: links(o.contributes),
    children: links(o.alignment.children),
    contributors: links(o.alignment.contributors),
    none:
      o.alignment.ancestry.length === 0
        ? o.team === s.h.rootTeam
          ? 'A company objective: the top of its tree.'
          : 'Aligned to nothing yet.'
        : undefined,
  };
  const dependencies = (o.dependencies ?? []).map((d): DependencyView => {
    const [target, kr] = d.on ? (d.on.split('.') as [string, string | undefined]) : [undefined, undefined];
    const to = target ? s.objective.get(target) : undefined;
    return {
      kr: d.kr?.toUpperCase(),
      on: to && { text: `${to.title}${kr ? ` (${kr.toUpperCase()})` : ''}`, href: kr ? url.kr(d.on!) : url.objective(to.id) },
      team: d.team && !namesTeam(d.description, s.team.get(d.team)?.name ?? d.team) ? (s.team.get(d.team)?.name ?? d.team) : undefined,
      description: d.description,
      risk: d.risk,
      riskNote: d.riskNote,
      mitigation: d.mitigation,
    };
  });
  const receipts = [
    { label: 'This objective', receipt: receiptOf(s.h.trust, `objective/${o.id}`) },
    ...o.keyResults.map((k) => ({ label: title(k), receipt: receiptOf(s.h.trust, `keyResult/${k.uid}`) })),
  ].flatMap((r) => (r.receipt ? [{ label: r.label, receipt: r.receipt }] : []));
  const hasDeps = dependencies.length > 0 || (o.risks?.length ?? 0) > 0 || (o.initiatives?.length ?? 0) > 0;
  const toc = [
    { id: 'key-results', label: 'Key results' },
    ...(latest ? [{ id: 'progress', label: 'Progress and check-ins' }] : []),
    { id: 'alignment', label: 'Alignment' },
    ...(hasDeps ? [{ id: 'deps', label: 'Dependencies, risks, initiatives' }] : []),
    { id: 'history', label: 'Change history' },
    ...(receipts.length ? [{ id: 'receipts', label: 'Receipts' }] : []),
  ];
  const c = o.rollup.coverage;
  const coverage = `${c.graded}/${c.total} key results graded${c.totalWeight !== c.total ? ` (weight ${c.gradedWeight} of ${c.totalWeight})` : ''}`;
  return { o, period, teamName, facts, charts, latest, all, checkinCount, alignment, dependencies, receipts, coverage, toc };
}
