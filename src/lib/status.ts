// The one status model (docs/grading.md): during a period a key result's status is its pace, after
// it the final grade's band; parents take their weakest child's. Every page, export, search filter
// and the audit use these words. Pure.
import { bandOf } from './grading.ts';
import { formatGrade } from './format.ts';
import { paceGap, paceOf, type Pace } from './pace.ts';
import type { PeriodPhase } from './period-state.ts';
import type { Band } from './schema/index.ts';
import { maxOf } from './extremes.ts';

/** A traffic light: the colour (with a shape and a word, never alone) a status is drawn in. */
export type Light = 'red' | 'yellow' | 'green';

/** What a status says: a pace word, a final band, or why there is none. */
export type StatusKey = Pace | 'final' | 'no reading' | 'ungraded' | 'not started';

export interface Status {
  key: StatusKey;
  /** The word shown: "Ahead", "On track", "Behind", "Off track", a band's label, "No reading", "Ungraded", "Not started". */
  word: string;
  light: Light | null;
  /** Order for "weakest": lower is weaker (pace: off track 0 … ahead 3; final: the band's place); null when it does not rank. */
  rank: number | null;
  /** The band, for a final status. */
  band: string | null;
  /** The numbers behind it: "0.42 at 2025-02-01; 0.36 expected by then (+0.06)". */
  why: string;
  /** Key results (this one, or a parent's) whose check-in is overdue by the period's schedule, and the longest overdue in days. */
  stale: { krs: number; days: number } | null;
}

/** "stale: 16 days overdue" for a key result, "3 key results stale" for a parent; '' when fresh. */
export function staleWords(s: Pick<Status, 'stale'>, parent = false): string {
  if (!s.stale) return '';
  const days = `${s.stale.days} day${s.stale.days === 1 ? '' : 's'}`;
  return parent
    ? `${s.stale.krs} key result${s.stale.krs === 1 ? '' : 's'} stale (up to ${days} overdue)`
    : `stale: check-in ${days} overdue`;
}

export const PACE_WORD: Record<Pace, string> = { ahead: 'Ahead', 'on track': 'On track', behind: 'Behind', 'off track': 'Off track' };
const PACE_LIGHT: Record<Pace, Light> = { ahead: 'green', 'on track': 'green', behind: 'yellow', 'off track': 'red' };
const PACE_RANK: Record<Pace, number> = { 'off track': 0, behind: 1, 'on track': 2, ahead: 3 };
const NONE_WORD = { 'no reading': 'No reading', ungraded: 'Ungraded', 'not started': 'Not started' } as const;

const none = (key: keyof typeof NONE_WORD, why: string): Status => ({
  key,
  word: NONE_WORD[key],
  light: null,
  rank: null,
  band: null,
  why,
  stale: null,
});

/** A grade's pace at a date: grade against the progress expected by then. */
export function paceStatus(grade: number, expected: number, date: string | undefined): Status {
  const pace = paceOf(grade, expected);
  const gap = paceGap(grade, expected);
  const sign = gap > 0 ? '+' : gap < 0 ? '−' : '±';
  return {
    key: pace,
    word: PACE_WORD[pace],
    light: PACE_LIGHT[pace],
    rank: PACE_RANK[pace],
    band: null,
    stale: null,
    why: `${formatGrade(grade)} ${date ? `at ${date}` : 'now (undated reading)'}; ${formatGrade(expected)} expected by then (${sign}${Math.abs(gap).toFixed(2)})`,
  };
}

/** A final grade's band (read from the grade as displayed). */
export function finalStatus(grade: number, bands: readonly Band[]): Status {
  const band = bandOf(grade, bands)!;
  const rank = [...bands].sort((a, b) => a.min - b.min).findIndex((b) => b.id === band.id);
  return {
    key: 'final',
    word: band.label,
    light: band.status,
    rank,
    band: band.id,
    stale: null,
    why: `final grade ${formatGrade(grade)}: ${band.label} (from ${formatGrade(band.min)})`,
  };
}

export interface KrStatusInput {
  phase: PeriodPhase;
  grade: number | null;
  /** The date of the reading the grade is at (undefined: undated). */
  date: string | undefined;
  /** Progress expected by `date` (already scaled for aspirational objectives); null when there is no period. */
  expected: number | null;
  /** Whether the key result has any reading (a check-in or a `current`). */
  hasReading: boolean;
  /** The reading is dated after the period's end (within its grace): the grade is final there. */
  final?: boolean;
  startsOn?: string;
  ungradedWhy?: string;
}

/**
 * A key result's status: not started before its period; then, while the period runs, the pace of
 * the grade at its latest reading; once the period has ended, the band of its final grade.
 */
export function krStatus(x: KrStatusInput, bands: readonly Band[]): Status {
  if (x.phase === 'upcoming') return none('not started', `the period starts on ${x.startsOn ?? 'a later date'}`);
  if (x.grade === null)
    return x.hasReading
      ? none('ungraded', x.ungradedWhy ?? 'the reading cannot be graded')
      : none('no reading', 'no check-in or current value yet');
  if (x.phase === 'ended' || x.phase === 'graded' || x.final || x.expected === null) return finalStatus(x.grade, bands);
  return paceStatus(x.grade, x.expected, x.date);
}

/** A parent's status with the child that set it. */
export interface ParentStatus extends Status {
  /** The weakest child's id (null when no child has a status). */
  weakest: string | null;
  /** How many children have each word. */
  counts: Record<string, number>;
}

/**
 * A parent's (objective, team, company) status is its weakest child's: a red child is never hidden
 * behind a good average. Children without a status count only when none has one.
 */
export function parentStatus(children: readonly { id: string; status: Status }[], what: string, phase: PeriodPhase): ParentStatus {
  const counts: Record<string, number> = {};
  for (const c of children) counts[c.status.word] = (counts[c.status.word] ?? 0) + 1;
  const staleKrs = children.reduce((n, c) => n + (c.status.stale?.krs ?? 0), 0);
  const stale = staleKrs ? { krs: staleKrs, days: maxOf(children.map((c) => c.status.stale?.days ?? 0)) } : null;
  let weakest: (typeof children)[number] | undefined;
  for (const c of children) if (c.status.rank !== null && (weakest === undefined || c.status.rank < weakest.status.rank!)) weakest = c;
  if (!weakest) {
    const s =
      phase === 'upcoming'
        ? none('not started', 'the period has not started')
        : children.some((c) => c.status.key === 'ungraded')
          ? none('ungraded', `none of its ${children.length} ${what} has a grade`)
          : none('no reading', children.length ? `none of its ${children.length} ${what} has a reading` : `no ${what}`);
    return { ...s, stale, weakest: null, counts };
  }
  const ranked = children.filter((c) => c.status.rank !== null).length;
  return {
    ...weakest.status,
    stale,
    // A key result's numbers are said; a parent child's own chain of "weakest" is on its page.
    why: `the weakest of its ${ranked} ${what} with a status: ${weakest.id} (${'weakest' in weakest.status ? weakest.status.word : weakest.status.why})`,
    weakest: weakest.id,
    counts,
  };
}

/** How many have each status word: weakest first, then those without a status. */
export function statusCounts(statuses: readonly Status[]): { status: Status; n: number }[] {
  const bins = new Map<string, { status: Status; n: number }>();
  for (const s of statuses) {
    const bin = bins.get(s.word);
    if (bin) bin.n++;
    else bins.set(s.word, { status: s, n: 1 });
  }
  const order = (s: Status) => (s.rank === null ? Infinity : s.rank);
  return [...bins.values()].sort((a, b) => order(a.status) - order(b.status));
}

/** Statuses as written in documents: a pace word ("Ahead", "On track", "Behind", "Off track", "At risk") or a colour. */
const DECLARED_WORDS: [RegExp, Pace][] = [
  [/^ahead\b/i, 'ahead'],
  [/^on[ -]?track\b/i, 'on track'],
  [/^(behind|at[ -]?risk)\b/i, 'behind'],
  [/^off[ -]?track\b/i, 'off track'],
];

/**
 * What a declared status says in this model's terms: the lights it allows. A pace word gives its
 * light (a document's "🟡 On track" is a pace statement: on track is green); the colour gives its
 * own. A computed status agrees when its light is either — "🔴 Behind" agrees with behind (yellow)
 * and with off track (red); "🟡 Behind" disagrees with on track (green).
 */
export function declaredLights(d: { status?: Light; statusNote?: string } | undefined): Light[] {
  const pace = d?.statusNote ? DECLARED_WORDS.find(([re]) => re.test(d.statusNote!.trim()))?.[1] : undefined;
  return [...new Set([...(pace ? [PACE_LIGHT[pace]] : []), ...(d?.status ? [d.status] : [])])];
}
