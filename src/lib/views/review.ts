// A period's review as data — what a CEO asks of a quarter, each answer in one place and printable:
// the company grade and its change against the previous period; objectives and key results weakest
// first by pace gap; the dependencies at risk; key results without a recent check-in; what changed
// since the last review (the change history from git, in okr diff's words); and team calibration
// over the periods that have ended.
import { CALIBRATION_LABEL } from '../calibration.ts';
import { missedBeforeEnd } from '../freshness.ts';
import { formatGrade, roundHalfAway } from '../format.ts';
import type { ComputedHandbook, ComputedKr, ComputedObjective, ComputedPeriod } from '../handbook.ts';
import { historyAsOf, type HistoryIndex } from '../history.ts';
import { plainTitle } from '../present.ts';
import type { SiteIndex } from '../site-index.ts';
import type { Urls } from '../urls.ts';
import { gapWords, krStatusTable, krsWeakestFirst, objectivesWeakestFirst } from './attention.ts';
import { dependenciesTable } from './dependencies.ts';
import { gradeOf } from './lists.ts';
import type { Cell, TableView } from './table.ts';

export interface ReviewView {
  period: ComputedPeriod;
  name: string;
  /** "0.46", and against the previous period: "+0.12 against Q4 2024 (0.34)" or why there is no comparison. */
  grade: { rollup: ComputedHandbook['companyPeriods'][number] | undefined; change: string };
  /** How "weakest first" orders this period, in one sentence. */
  orderWhat: string;
  objectives: TableView;
  /** The weakest key results (at most KRS_SHOWN), and how many the period has. */
  krs: TableView;
  krCount: number;
  risks: TableView;
  stale: TableView;
  staleWhat: string;
  /** When every key result is in the list, the list says less than a sentence: it is said, and the table collapsed. */
  staleAll: string | undefined;
  changes: { since: string; sinceWhat: string; table: TableView | undefined; unavailable?: string };
  calibration: { table: TableView; without: string | undefined };
}

const KRS_SHOWN = 10;

/** The period of the same kind just before this one. */
function previousOf(s: SiteIndex, p: ComputedPeriod): ComputedPeriod | undefined {
  return s.h.periods.filter((x) => x.kind === p.kind && x.end < p.start).at(-1);
}

function gradeChange(s: SiteIndex, p: ComputedPeriod): string {
  const now = s.companyPeriod.get(p.id)?.grade ?? null;
  const prev = previousOf(s, p);
  if (!prev) return `No earlier ${p.kind} to compare with.`;
  const before = s.companyPeriod.get(prev.id)?.grade ?? null;
  const prevName = prev.name ?? prev.id;
  if (now === null || before === null)
    return `${now === null ? 'No company grade yet' : 'Nothing to compare'}: ${prevName} ${before === null ? 'has no company grade' : `ended at ${formatGrade(before)}`}.`;
  // The change of the grades as displayed, so it is the difference of the two numbers shown.
  const change = roundHalfAway(roundHalfAway(now) - roundHalfAway(before));
  return `${gapWords(change)} against ${prevName} (${formatGrade(before)}).`;
}

type Declared = ComputedObjective['declared'];
const DECLARED_ORDER = { red: 0, yellow: 1, green: 2 } as const;
/** The document's own colour orders what has no computed status (no reading yet): red first, none last. */
const declaredRank = (d: Declared) => (d?.status ? DECLARED_ORDER[d.status] : 3);

function declaredCell(d: Declared): Cell {
  return d?.status ? { status: d.status, note: d.statusNote } : { muted: '—' };
}

/** The weakest key result of an objective: its final grade once final, else its gap against pace. */
function weakestCell(k: ComputedKr | undefined): Cell {
  if (k?.status.key === 'final' && k.grade.value !== null) return `${k.id.toUpperCase()}: final grade ${formatGrade(k.grade.value)}`;
  return k?.pace
    ? `${k.id.toUpperCase()}: ${gapWords(k.pace.gap)} against pace${k.pace.against === 'today' ? ' today' : ''}`
    : { muted: '—' };
}

/** How "weakest first" orders the period (attention.ts), as the page says it. */
function orderWhat(p: ComputedPeriod): string {
  if (p.state.phase === 'upcoming') return 'The period has not started: nothing to rank yet.';
  if (p.state.phase === 'in progress')
    return 'By pace gap: the grade at the latest reading against the progress expected by its date — by today, when its check-in is overdue.';
  return 'By how each ended: the band of its final grade (an objective’s weakest key result’s), then the final grade.';
}

function objectivesTable(s: SiteIndex, url: Urls, objectives: readonly ComputedObjective[]): TableView {
  // Where no status is computed (no readings), the owners' declared ones order the rest, red first.
  const ordered = objectivesWeakestFirst(objectives);
  const computed = ordered.filter((o) => o.status.rank !== null);
  const declaredOnly = ordered.filter((o) => o.status.rank === null).sort((a, b) => declaredRank(a.declared) - declaredRank(b.declared));
  const showDeclared = declaredOnly.some((o) => o.declared?.status);
  return {
    columns: [
      { label: 'Objective' },
      { label: 'Grade' },
      { label: 'Status' },
      ...(showDeclared ? [{ label: 'Declared by its owner' }] : []),
      { label: 'Weakest key result', unindexed: true },
    ],
    rows: [...computed, ...declaredOnly].map((o) => {
      const weakest = krsWeakestFirst(o.keyResults)[0];
      return {
        cells: [
          { lines: [{ text: o.title, href: url.objective(o.id) }, { muted: s.team.get(o.team)?.name ?? o.team }] },
          gradeOf(o.rollup),
          { statusOf: o.status, parent: true },
          ...(showDeclared ? [declaredCell(o.declared)] : []),
          weakestCell(weakest),
        ],
      };
    }),
    empty: 'No objectives in this period.',
  };
}

/** Key results without a recent check-in: overdue by the schedule while the period runs; after it, those that missed their last one. */
function staleKrs(p: ComputedPeriod, krs: readonly ComputedKr[]): { list: ComputedKr[]; what: string; empty: string } {
  if (p.state.phase === 'upcoming')
    return { list: [], what: 'The period has not started.', empty: `No check-in is due before ${p.start}, when the period starts.` };
  if (p.state.phase === 'in progress')
    return {
      list: krs.filter((k) => k.status.stale || k.status.key === 'no reading'),
      what: `Overdue by the check-in schedule (${p.schedule?.label ?? 'none stated'}), or without any reading.`,
      empty: 'Every key result has a recent check-in.',
    };
  return {
    list: krs.filter((k) => k.freshness.last === null || missedBeforeEnd(k.freshness, p.end)),
    what: 'Without a reading, or whose last check-in came before a scheduled one the period still had: their final grades rest on an earlier reading.',
    empty: 'Every key result was checked in through the end of the period.',
  };
}

/** The last review before today: the mid-period review once it has passed, else the period's start. */
function lastReview(p: ComputedPeriod, today: string): { since: string; what: string } {
  if (p.midReview && p.midReview <= today) return { since: p.midReview, what: `the mid-period review on ${p.midReview}` };
  return { since: p.start, what: `the period started on ${p.start}` };
}

/** One row per commit: what it changed in this period's objectives, identical changes said once with the objectives they touched. */
function changesTable(
  s: SiteIndex,
  url: Urls,
  objectives: readonly ComputedObjective[],
  since: string,
  history: HistoryIndex,
): TableView | undefined {
  const repo = s.h.model.org.repository?.url.replace(/\/$/, '');
  const commits = new Map<string, { date: string; items: Map<string, Cell[]> }>();
  for (const o of objectives)
    for (const e of historyAsOf(history.byObjective.get(o.id) ?? [], s.h.today)) {
      if (e.date.slice(0, 10) < since) continue;
      const commit = commits.get(e.commit) ?? commits.set(e.commit, { date: e.date, items: new Map() }).get(e.commit)!;
      for (const c of e.changes) {
        const text = c.kr ? `${c.kr.toUpperCase()}: ${c.text}` : c.text;
        const list = commit.items.get(text) ?? commit.items.set(text, []).get(text)!;
        list.push({ text: o.title, href: url.objective(o.id) });
      }
    }
  if (!commits.size) return undefined;
  return {
    columns: [{ label: 'Date' }, { label: 'What changed' }, { label: 'Commit' }],
    rows: [...commits]
      .sort(([a, x], [b, y]) => (x.date < y.date ? 1 : x.date > y.date ? -1 : a < b ? -1 : 1))
      .map(([sha, c]) => ({
        cells: [
          { time: c.date.slice(0, 10) },
          { list: [...c.items].map(([text, where]) => ({ inline: [`${text} —`, ...where.flatMap((w, i) => (i ? ['·', w] : [w]))] })) },
          { code: sha.slice(0, 7), href: repo ? `${repo}/commit/${sha}` : undefined },
        ],
      })),
  };
}

/** "All 24 key results: the last check-in of each was 2025-02-01." */
function allStale(krs: readonly ComputedKr[]): string {
  const lasts = [...new Set(krs.map((k) => k.freshness.last))];
  const when =
    lasts.length === 1
      ? lasts[0] === null
        ? 'none has a reading'
        : `the last check-in of each was ${lasts[0]}`
      : `the latest check-in was ${lasts.filter(Boolean).sort().at(-1) ?? 'never'}`;
  return `All ${krs.length} key results: ${when}.`;
}

/** Compact: one line a key result, the oldest check-in first. */
function staleTable(s: SiteIndex, url: Urls, krs: readonly ComputedKr[], empty: string): TableView {
  const last = (k: ComputedKr) => k.freshness.last ?? '';
  return {
    columns: [
      { label: 'Key result' },
      { label: 'Team' },
      { label: 'Last check-in', unindexed: true },
      { label: 'Next was due', unindexed: true, print: false },
    ],
    rows: [...krs]
      .sort((a, b) => (last(a) < last(b) ? -1 : last(a) > last(b) ? 1 : a.uid < b.uid ? -1 : 1))
      .map((k) => {
        const o = s.objective.get(k.objective)!;
        return {
          cells: [
            { text: `${k.id.toUpperCase()}: ${plainTitle(k.title, s.redactionLabel)}`, href: url.kr(k.uid), title: o.title },
            s.team.get(o.team)?.name ?? o.team,
            k.freshness.last ?? { muted: 'none' },
            k.freshness.nextDue ?? { muted: '—' },
          ],
        };
      }),
    empty,
  };
}

/** Teams with at least one ended period with a grade; the others are named in one sentence. */
function calibration(s: SiteIndex, url: Urls): { table: TableView; without: string | undefined } {
  const teams = s.h.model.teams.filter((t) => s.teamHistory.has(t.id));
  const graded = teams.filter((t) => s.teamCalibration.get(t.id)!.graded > 0);
  const without = teams.filter((t) => s.teamCalibration.get(t.id)!.graded === 0).map((t) => t.name);
  return {
    table: {
      columns: [{ label: 'Team' }, { label: 'Calibration' }, { label: 'Over the periods that have ended' }],
      rows: graded.map((t) => {
        const c = s.teamCalibration.get(t.id)!;
        return { cells: [{ text: t.name, href: url.team(t.id) }, CALIBRATION_LABEL[c.verdict], c.explanation] };
      }),
      empty: 'No team has an ended period with a grade yet.',
    },
    // Said only beside teams that have a verdict: alone, the table's empty sentence says it for all.
    without: without.length && graded.length ? `No period with a grade has ended yet for ${without.join(', ')}.` : undefined,
  };
}

export function reviewView(s: SiteIndex, url: Urls, id: string, history: HistoryIndex | undefined): ReviewView {
  const period = s.period.get(id)!;
  const name = period.name ?? period.id;
  const objectives = s.objectivesByPeriod.get(id) ?? [];
  const krs = objectives.flatMap((o) => o.keyResults);
  const stale = staleKrs(period, krs);
  const review = lastReview(period, s.h.today);
  return {
    period,
    name,
    grade: { rollup: s.companyPeriod.get(id), change: gradeChange(s, period) },
    orderWhat: orderWhat(period),
    objectives: objectivesTable(s, url, objectives),
    krs: krStatusTable(s, url, krsWeakestFirst(krs.filter((k) => k.status.rank !== null)).slice(0, KRS_SHOWN), {
      showTeam: true,
      empty: !krs.length
        ? 'No key results in this period.'
        : period.state.phase === 'upcoming'
          ? `${name} has not started: its key results have no readings to rank.`
          : `No key result of ${name} has a reading yet, so none can be ranked.`,
    }),
    krCount: krs.length,
    risks: dependenciesTable(s, url, objectives, { atRiskOnly: true }),
    stale: staleTable(s, url, stale.list, stale.empty),
    staleWhat: stale.what,
    staleAll: stale.list.length === krs.length && krs.length > 5 ? allStale(stale.list) : undefined,
    changes: history?.available
      ? { since: review.since, sinceWhat: review.what, table: changesTable(s, url, objectives, review.since, history) }
      : {
          since: review.since,
          sinceWhat: review.what,
          table: undefined,
          unavailable: history
            ? `The change history is unavailable (${history.reason}).`
            : 'The change history is kept in the internal handbook.',
        },
    calibration: calibration(s, url),
  };
}
