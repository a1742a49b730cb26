// Readings: a key result's measurements in one shape whatever its kind — its check-ins in order,
// then the values written on the key result itself (`current`, a compound's parts' `current`,
// dated by `asOf`). Built once by the model, so no consumer tests which fields a kind has. Pure.
import { addDays } from './calendar.ts';
import type { Checkin, KeyResult } from './schema/index.ts';

export interface Reading {
  /** undefined: an undated `current`. */
  date?: string;
  /** The key result's value at this reading (non-compound kinds). */
  value?: number | string;
  /** A compound key result's parts measured at this reading, by part id. */
  parts?: Readonly<Record<string, number | string>>;
  /** A judgement grade given with this reading (a check-in's `grade`). */
  grade?: number;
  /** The check-in this reading is; undefined for the values written on the key result. */
  checkin?: Checkin;
  /** Where it is written inside the key result: ['checkins', i], or ['current'] / ['asOf']. */
  path: (string | number)[];
}

/** What a key result's own fields say besides readings: a judgement and whether it is done. */
export interface Judgement {
  grade: number;
  why: string;
  source: 'manual' | 'declared';
  /** From this date on (the key result's `asOf`); undated, it grades the latest reading only. */
  date?: string;
}

type AnyKr = KeyResult & { current?: number | string; asOf?: string; checkins?: Checkin[] };

/** Every reading of a key result, oldest first: its check-ins, then its own `current` values. */
export function readingsOf(kr: KeyResult): Reading[] {
  const k = kr as AnyKr;
  const out: Reading[] = (k.checkins ?? []).map((c, i) => ({
    date: c.date,
    value: c.value,
    parts: c.parts,
    grade: c.grade,
    checkin: c,
    path: ['checkins', i],
  }));
  if (kr.kind === 'compound') {
    const given = kr.parts.filter((p) => p.current !== undefined);
    if (given.length) out.push({ date: k.asOf, parts: Object.fromEntries(given.map((p) => [p.id, p.current!])), path: ['parts'] });
  } else if (k.current !== undefined) out.push({ date: k.asOf, value: k.current, path: ['current'] });
  return out;
}

/** The key result's own judgement: a manual grade (manual kind, milestones) or, for a milestone or a redacted KR, a declared grade. */
export function judgementOf(kr: KeyResult): Judgement | undefined {
  const date = 'asOf' in kr ? kr.asOf : undefined;
  if ((kr.kind === 'manual' || kr.kind === 'milestone') && kr.manualGrade !== undefined)
    return { grade: kr.manualGrade, why: kr.rationale ?? '', source: 'manual', date };
  if ((kr.kind === 'milestone' || kr.kind === 'redacted') && kr.declared?.grade !== undefined)
    return { grade: kr.declared.grade, why: 'declared in the document', source: 'declared', date };
  return undefined;
}

/**
 * Readings after a period's end still grade it for GRACE_DAYS (the final measurement is often
 * taken in the days after), or until its grading date when that is later.
 */
export const GRACE_DAYS = 14;

const cutoffs = new Map<string, string>();
/** The last date a reading may carry and still grade the period (remembered: a handbook has few periods and many readings). */
export function gradingCutoff(period: { end: string; gradingDate?: string }): string {
  const key = `${period.end}/${period.gradingDate ?? ''}`;
  let cutoff = cutoffs.get(key);
  if (cutoff === undefined) {
    const grace = addDays(period.end, GRACE_DAYS);
    cutoffs.set(key, (cutoff = period.gradingDate && period.gradingDate > grace ? period.gradingDate : grace));
  }
  return cutoff;
}

/** Where a reading's date falls against its period: before it starts, inside (or in the grace after), or too late to grade it. */
export function placeOf(date: string | undefined, period: { start: string; end: string; gradingDate?: string }): 'before' | 'in' | 'after' {
  if (date === undefined) return 'in';
  if (date < period.start) return 'before';
  return date > gradingCutoff(period) ? 'after' : 'in';
}
