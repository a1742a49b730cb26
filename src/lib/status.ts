// The one status model (docs/grading.md): during a period a key result's status is its pace, after
// it the final grade's band; parents take their weakest child's. Every page, export, search filter
// and the audit use these words. Pure.
import { daysBetween } from './calendar.ts';
import { bandOf } from './grading.ts';
import { formatGrade } from './format.ts';
import { paceGap, paceOf, type Pace } from './pace.ts';
import type { PeriodPhase } from './period-state.ts';
import type { Band } from './schema/index.ts';

/** A traffic light: the colour (with a shape and a word, never alone) a status is drawn in. */
export type Light = 'red' | 'yellow' | 'green';

/** What a status says: a pace word, a final band, or why there is none. */
export type StatusKey = Pace | 'final' | 'no reading' | 'ungraded' | 'not started';

export interface Status {
  key: StatusKey;
  /** The word shown: "Ahead", "On track", "Behind", "Far behind", a band's label, "No reading", "Ungraded", "Not started". */
  word: string;
  light: Light | null;
  /** Order for "weakest": lower is weaker (pace: far behind 0 … ahead 3; final: the band's place); null when it does not rank. */
  rank: number | null;
  /** Order within a rank, lower is weaker: the gap against pace, or the final grade; null when it does not rank. */
  score: number | null;
  /** The band, for a final status. */
  band: string | null;
  /** The numbers behind it: "0.42 at 2025-02-01; 0.36 expected by then (+0.06)". */
  why: string;
  /** Key results (this one, or a parent's) whose check-in is overdue by the period's schedule, and the longest overdue in days. */
  stale: { krs: number; days: number } | null;
  /**
   * Final statuses that rest on a reading taken before a check-in the period still had scheduled:
   * how many key results (this one, or a parent's), the earliest such reading and how long before
   * the period's end it was.
   */
  early: { krs: number; date: string; daysBeforeEnd: number } | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "8 weeks", "10 days": how long before a period's end a reading was. */
export const beforeEndWords = (days: number) => (days >= 14 ? plural(Math.round(days / 7), 'week') : plural(days, 'day'));

/**
 * What a status rests on, said beside it wherever it is shown: "stale: check-in 16 days overdue"
 * (or "3 key results stale" for a parent) while the period runs; "final, from the reading of
 * 2025-02-01 — 8 weeks before the end" (or "4 key results final from readings up to 8 weeks before
 * the end") once it has ended; '' when neither.
 */
export function staleWords(s: Pick<Status, 'stale' | 'early'>, parent = false): string {
  if (s.early)
    return parent
      ? `${plural(s.early.krs, 'key result')} final from readings up to ${beforeEndWords(s.early.daysBeforeEnd)} before the end`
      : `final, from the reading of ${s.early.date} — ${beforeEndWords(s.early.daysBeforeEnd)} before the end`;
  if (!s.stale) return '';
  const days = plural(s.stale.days, 'day');
  return parent ? `${plural(s.stale.krs, 'key result')} stale (up to ${days} overdue)` : `stale: check-in ${days} overdue`;
}

/** The short tag beside a key result's status word where space is tight (a grade badge): "stale", "early reading", or ''. */
export const staleTag = (s: Pick<Status, 'stale' | 'early'>): string => (s.early ? 'early reading' : s.stale ? 'stale' : '');

/**
 * The pace words. None of them is a default band label ("Off track", "Progressing", "On target"), and
 * `okr check` warns when an org's band label is one of the model's words: a word means one thing.
 */
/** "none of its 3 key results has a reading"; with one child, "its only key result has no reading". */
const noneHas = (n: number, what: string, thing: string) =>
  n === 1 ? `its only ${what.replace(/s$/, '')} has no ${thing.replace(/^an? /, '')}` : `none of its ${n} ${what} has ${thing}`;

export const PACE_WORD: Record<Pace, string> = { ahead: 'Ahead', 'on track': 'On track', behind: 'Behind', 'far behind': 'Far behind' };
const PACE_LIGHT: Record<Pace, Light> = { ahead: 'green', 'on track': 'green', behind: 'yellow', 'far behind': 'red' };
const PACE_RANK: Record<Pace, number> = { 'far behind': 0, behind: 1, 'on track': 2, ahead: 3 };
const NONE_WORD = { 'no reading': 'No reading', ungraded: 'Ungraded', 'not started': 'Not started' } as const;

/** The words the model says itself; a band's label must be none of them. */
export const MODEL_WORDS: readonly string[] = [...Object.values(PACE_WORD), ...Object.values(NONE_WORD)];

/** A check-in's pace, said as of its date ("Ahead at 2025-02-01") so that it never reads as a status of today. */
export const paceAt = (pace: Pace, date: string) => `${PACE_WORD[pace]} at ${date}`;

const none = (key: keyof typeof NONE_WORD, why: string): Status => ({
  key,
  word: NONE_WORD[key],
  light: null,
  rank: null,
  score: null,
  band: null,
  why,
  stale: null,
  early: null,
});

const gapWords = (gap: number) => `${gap > 0 ? '+' : gap < 0 ? '−' : '±'}${Math.abs(gap).toFixed(2)}`;

/**
 * A grade's pace at a date: grade against the progress expected by then. `today`, when given, is the
 * day the expectation is read at instead (a stale reading is judged against today's expectation).
 */
export function paceStatus(grade: number, expected: number, date: string | undefined, today?: string): Status {
  const pace = paceOf(grade, expected);
  const gap = paceGap(grade, expected);
  const at = date ? `at ${date}` : 'now (undated reading)';
  return {
    key: pace,
    word: PACE_WORD[pace],
    light: PACE_LIGHT[pace],
    rank: PACE_RANK[pace],
    score: gap,
    band: null,
    stale: null,
    early: null,
    why: today
      ? `${formatGrade(grade)} ${at}, no check-in since; ${formatGrade(expected)} expected by today, ${today} (${gapWords(gap)})`
      : `${formatGrade(grade)} ${at}; ${formatGrade(expected)} expected by then (${gapWords(gap)})`,
  };
}

/** A band's range in words: "0.40 up to 0.70", "0.70 and above", "below 0.40". */
function bandRange(band: Band, bands: readonly Band[]): string {
  const next = [...bands].sort((a, b) => a.min - b.min).find((b) => b.min > band.min);
  if (!next) return `${formatGrade(band.min)} and above`;
  return band.min === 0 ? `below ${formatGrade(next.min)}` : `${formatGrade(band.min)} up to ${formatGrade(next.min)}`;
}

/** The reading a final grade rests on: its date, the period's end, and whether a scheduled check-in came after it. */
export interface FinalReading {
  date: string | undefined;
  end: string;
  /** The period still had a scheduled check-in after this reading (freshness.ts: missedBeforeEnd). */
  early: boolean;
}

/**
 * A final grade's band (read from the grade as displayed), in words a reader follows: "final grade
 * 0.63, in the “Progressing” band (0.40 up to 0.70)", and, when the grade rests on a reading the
 * period's schedule had followed by more, which one: "…, from the reading of 2025-02-01 — 8 weeks
 * before the end".
 */
export function finalStatus(grade: number, bands: readonly Band[], from?: FinalReading): Status {
  const band = bandOf(grade, bands)!;
  const rank = [...bands].sort((a, b) => a.min - b.min).findIndex((b) => b.id === band.id);
  const daysBeforeEnd = from?.date && from.date < from.end ? daysBetween(from.date, from.end) : 0;
  const early = from?.early && from.date && daysBeforeEnd > 0 ? { krs: 1, date: from.date, daysBeforeEnd } : null;
  return {
    key: 'final',
    word: band.label,
    light: band.status,
    rank,
    score: grade,
    band: band.id,
    stale: null,
    early,
    why: `final grade ${formatGrade(grade)}, in the “${band.label}” band (${bandRange(band, bands)})${early ? `, from the reading of ${early.date} — ${beforeEndWords(daysBeforeEnd)} before the end` : ''}`,
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
  /** The period's end and whether the grade's reading came before a check-in its schedule still had (for a final status). */
  end?: string;
  early?: boolean;
  /** When the reading is stale while the period runs: the day it is judged at and the progress expected by then. */
  today?: { date: string; expected: number };
}

/**
 * A key result's status: not started before its period; then, while the period runs, the pace of
 * the grade at its latest reading — against today's expectation when that reading is stale, so an
 * overdue check-in never keeps a key result on pace; once the period has ended, the band of its
 * final grade.
 */
export function krStatus(x: KrStatusInput, bands: readonly Band[]): Status {
  if (x.phase === 'upcoming') return none('not started', `the period starts on ${x.startsOn ?? 'a later date'}`);
  if (x.grade === null)
    return x.hasReading
      ? none('ungraded', x.ungradedWhy ?? 'the reading cannot be graded')
      : none('no reading', 'no check-in or current value yet');
  if (x.phase === 'ended' || x.phase === 'graded' || x.final || x.expected === null)
    return finalStatus(x.grade, bands, x.end ? { date: x.date, end: x.end, early: x.early ?? false } : undefined);
  if (x.today) return paceStatus(x.grade, x.today.expected, x.date, x.today.date);
  return paceStatus(x.grade, x.expected, x.date);
}

/** A parent's status with the child that set it. */
export interface ParentStatus extends Status {
  /** The weakest child's id (null when no child has a status). */
  weakest: string | null;
  /** How many children have each word. */
  counts: Record<string, number>;
  /** The chain of weakest children down to the key result, named: "“Enterprise Acquisition”, at KR1 “Grow ARR”: final grade 0.42, …". */
  via: string;
}

export interface StatusChild {
  id: string;
  /** How the child is named in words ("KR1 “Grow ARR”", "“Enterprise Acquisition”"); its id without one. */
  name?: string;
  status: Status;
}

/** Weaker first: by rank, then by the gap or grade within it. */
const weaker = (a: Status, b: Status) => a.rank! < b.rank! || (a.rank === b.rank && (a.score ?? Infinity) < (b.score ?? Infinity));

/** Sums a per-key-result note of the children (stale, early) into the parent's. */
function summed<T extends { krs: number }>(notes: (T | null)[], merge: (a: T, b: T) => T): T | null {
  return notes.reduce<T | null>((acc, n) => (n === null ? acc : acc === null ? n : { ...merge(acc, n), krs: acc.krs + n.krs }), null);
}

/**
 * A parent's (objective, team, company) status is its weakest child's: a red child is never hidden
 * behind a good average. Weakest: the lowest rank, then the lowest gap against pace (or final grade),
 * so a parent names the child furthest behind. Children without a status count only when none has one.
 */
export function parentStatus(children: readonly StatusChild[], what: string, phase: PeriodPhase): ParentStatus {
  const counts: Record<string, number> = {};
  for (const c of children) counts[c.status.word] = (counts[c.status.word] ?? 0) + 1;
  const stale = summed(
    children.map((c) => c.status.stale),
    (a, b) => ({ ...a, days: Math.max(a.days, b.days) }),
  );
  const early = summed(
    children.map((c) => c.status.early),
    (a, b) => ({ ...a, date: a.date < b.date ? a.date : b.date, daysBeforeEnd: Math.max(a.daysBeforeEnd, b.daysBeforeEnd) }),
  );
  let weakest: StatusChild | undefined;
  for (const c of children) if (c.status.rank !== null && (weakest === undefined || weaker(c.status, weakest.status))) weakest = c;
  if (!weakest) {
    const s =
      phase === 'upcoming'
        ? none('not started', 'the period has not started')
        : children.some((c) => c.status.key === 'ungraded')
          ? none('ungraded', noneHas(children.length, what, 'a grade'))
          : none('no reading', children.length ? noneHas(children.length, what, 'a reading') : `no ${what}`);
    return { ...s, stale, early, weakest: null, counts, via: '' };
  }
  const ranked = children.filter((c) => c.status.rank !== null).length;
  const child = weakest.status as Status & Partial<ParentStatus>;
  const via = `${weakest.name ?? weakest.id}${child.via ? `, at ${child.via}` : `: ${child.why}`}`;
  return {
    ...weakest.status,
    stale,
    early,
    why: `${ranked === 1 ? `its one ${what.replace(/s$/, '')} with a status` : `the weakest of its ${ranked} ${what} with a status`} (a parent takes its weakest child’s status, so a weak one is never hidden behind a good average): ${via}`,
    weakest: weakest.id,
    counts,
    via,
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

/**
 * Statuses as written in documents: a pace word ("Ahead", "On track", "Behind", "At risk", "Off
 * track" — a document's "Off track" is a pace statement, the model's "Far behind") or a colour.
 */
const DECLARED_WORDS: [RegExp, Pace][] = [
  [/^ahead\b/i, 'ahead'],
  [/^on[ -]?track\b/i, 'on track'],
  [/^(behind|at[ -]?risk)\b/i, 'behind'],
  [/^(off[ -]?track|far[ -]?behind)\b/i, 'far behind'],
];

const COLOUR_WORD: Record<Light, string> = { green: 'Green', yellow: 'Yellow', red: 'Red' };

/**
 * A declared status as every page and export shows it — what the owner declared, labelled as such:
 * "Declared “On track” (yellow)", "Declared Green". The owner's words are kept; only a bare status
 * phrase is spelled as the model spells it ("On Track", "on-track" → "On track").
 */
export function declaredWords(d: { status?: Light; statusNote?: string } | undefined): string | null {
  const note = d?.statusNote?.trim();
  if (!note) return d?.status ? `Declared ${COLOUR_WORD[d.status]}` : null;
  const phrase = /^(ahead|on[ -]?track|behind|at[ -]?risk|off[ -]?track|far[ -]?behind)$/i.test(note)
    ? `${note[0]!.toUpperCase()}${note.slice(1).toLowerCase().replace('-', ' ')}`
    : note;
  return `Declared “${phrase}”${d?.status ? ` (${d.status})` : ''}`;
}

/**
 * What a declared status says in this model's terms: the lights it allows. A pace word gives its
 * light (a document's "🟡 On track" is a pace statement: on track is green); the colour gives its
 * own. A computed status agrees when its light is either — "🔴 Behind" agrees with behind (yellow)
 * and with far behind (red); "🟡 Behind" disagrees with on track (green).
 */
export function declaredLights(d: { status?: Light; statusNote?: string } | undefined): Light[] {
  const pace = d?.statusNote ? DECLARED_WORDS.find(([re]) => re.test(d.statusNote!.trim()))?.[1] : undefined;
  return [...new Set([...(pace ? [PACE_LIGHT[pace]] : []), ...(d?.status ? [d.status] : [])])];
}
