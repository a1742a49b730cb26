// What is behind: key results and objectives ordered weakest first, and the tables that list them
// (the home page, a team's period, the review). Orders and words come from the status model
// (docs/grading.md); nothing here grades or decides a status.
import { formatGrade } from '../format.ts';
import type { ComputedKr, ComputedObjective } from '../handbook.ts';
import { plainTitle } from '../present.ts';
import type { SiteIndex } from '../site-index.ts';
import type { Status } from '../status.ts';
import type { Urls } from '../urls.ts';
import type { Cell, TableView } from './table.ts';
import { minOf } from '../extremes.ts';

/**
 * Weakest first, by `order` (lower is weaker; ties by id). Every order comes from the status model:
 * during a period the gap against pace, then the status; once a status is final, the band, then
 * the final grade — an ended period is ranked by how it ended, not by its last reading's pace.
 */
export function weakestFirst<T extends { order: readonly number[]; id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    for (let i = 0; i < Math.max(a.order.length, b.order.length); i++) {
      const d = (a.order[i] ?? Infinity) - (b.order[i] ?? Infinity);
      if (d) return d;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** A status's place in "weakest first": [band, grade] when final, else [gap, rank]; those without either last. */
const orderOf = (status: Status, gap: number | null, grade: number | null): number[] =>
  status.key === 'final' ? [status.rank ?? Infinity, grade ?? Infinity] : [gap ?? Infinity, status.rank ?? Infinity];

/** A key result needs attention when its status is yellow or red, or its check-in is overdue. */
export const needsAttention = (k: ComputedKr) => k.status.light === 'red' || k.status.light === 'yellow' || k.status.stale !== null;

/** Key results exist and none has a reading: every status shown of them is only what an owner declared. */
export const declaredOnly = (krs: readonly ComputedKr[]) =>
  krs.length > 0 && krs.every((k) => k.status.key === 'no reading' || k.status.key === 'not started');

/** What a summary says instead of "nothing is behind" when no key result has a reading. */
export const DECLARED_ONLY_NOTE = 'No key result has a reading yet; statuses shown are what the owners declared.';

/** "+0.06", "−0.16": grade minus expected, as the model displays it. */
export const gapWords = (gap: number) => `${gap > 0 ? '+' : gap < 0 ? '−' : '±'}${Math.abs(gap).toFixed(2)}`;

const krRow = (k: ComputedKr) => ({ k, order: orderOf(k.status, k.pace?.gap ?? null, k.grade.value), id: k.uid });

/** The key results given, weakest first. */
export const krsWeakestFirst = (krs: readonly ComputedKr[]): ComputedKr[] => weakestFirst(krs.map(krRow)).map((x) => x.k);

/** Objectives weakest first: by their weakest key result's gap, then their status; once final, by band, then their own grade. */
export function objectivesWeakestFirst(objectives: readonly ComputedObjective[]): ComputedObjective[] {
  const gap = (o: ComputedObjective) => {
    const gaps = o.keyResults.flatMap((k) => (k.pace ? [k.pace.gap] : []));
    return gaps.length ? minOf(gaps) : null;
  };
  return weakestFirst(objectives.map((o) => ({ o, order: orderOf(o.status, gap(o), o.rollup.grade), id: o.id }))).map((x) => x.o);
}

/** "0.42 vs 0.36 (+0.06)", or "0.42 vs 0.56 expected today (−0.14)" for a stale reading. */
function againstPaceWords(k: ComputedKr): string | undefined {
  if (!k.pace) return undefined;
  const { grade, expected, gap, against } = k.pace;
  return `${formatGrade(grade)} vs ${formatGrade(expected)}${against === 'today' ? ' expected today' : ''} (${gapWords(gap)})`;
}

/** The mean pace gap of the key results that have one: "+0.20 ahead of pace on average". */
export function meanGap(krs: readonly ComputedKr[]): number | null {
  const gaps = krs.flatMap((k) => (k.pace ? [k.pace.gap] : []));
  return gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : null;
}

/**
 * Key results as a "what is behind" table: status (with its pace numbers), the gap, the last
 * check-in and when the next is due, and the owner; each linked to its row on its objective's page.
 */
export function krStatusTable(
  s: SiteIndex,
  url: Urls,
  krs: readonly ComputedKr[],
  opts: { caption?: string; showTeam?: boolean; empty?: string } = {},
): TableView {
  // Once every status is final, the final grade stands where the pace stood: a pace then is history.
  const final = krs.length > 0 && krs.every((k) => k.status.key === 'final');
  return {
    caption: opts.caption,
    empty: opts.empty,
    columns: [
      { label: 'Key result' },
      { label: 'Status' },
      { label: final ? 'Final grade' : 'Against pace', unindexed: true },
      { label: 'Last check-in', unindexed: true, print: false },
      { label: 'Owner', print: false },
    ],
    rows: krs.map((k) => {
      const o = s.objective.get(k.objective)!;
      const where: Cell[] = [{ muted: `${o.title}${opts.showTeam ? ` · ${s.team.get(o.team)?.name ?? o.team}` : ''}` }];
      return {
        cells: [
          { lines: [{ text: `${k.id.toUpperCase()}: ${plainTitle(k.title, s.redactionLabel)}`, href: url.kr(k.uid) }, ...where] },
          { statusOf: k.status },
          (final ? formatGrade(k.grade.value) : againstPaceWords(k)) ?? { muted: '—' },
          // Days since the last check-in matter while the period runs; after it, the date says it.
          s.period.get(o.period)?.state.phase === 'in progress' ? k.freshness.label : (k.freshness.last ?? { muted: 'No check-in' }),
          { person: k.owner ?? o.owner },
        ],
      };
    }),
  };
}
