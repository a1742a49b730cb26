// A period's state on a given day: upcoming, in progress (week N of M), ended, or graded. Pure.
import { daysBetween } from './calendar.ts';

export type PeriodPhase = 'upcoming' | 'in progress' | 'ended' | 'graded';

export interface PeriodState {
  phase: PeriodPhase;
  /** Weeks in the period (started weeks count: 90 days are 13 weeks). */
  weeks: number;
  /** The week `today` falls in, 1-based, while in progress. */
  week: number | null;
  /** Elapsed fraction of the period in [0, 1] (inclusive days). */
  elapsed: number;
  /** "In progress — week 8 of 13", "Upcoming — starts 2027-01-01", "Ended 2025-03-31, not graded yet", "Graded". */
  label: string;
}

/**
 * Upcoming before its first day; in progress through its last; then ended, or graded once its grades
 * are final (`finalized: true` in the period file).
 */
export function periodState(period: { start: string; end: string; finalized?: boolean }, today: string): PeriodState {
  const days = daysBetween(period.start, period.end) + 1;
  const weeks = Math.ceil(days / 7);
  const elapsed = Math.min(1, Math.max(0, (daysBetween(period.start, today) + 1) / days));
  if (period.finalized && today > period.end) return { phase: 'graded', weeks, week: null, elapsed, label: `Graded (ended ${period.end})` };
  if (today < period.start) return { phase: 'upcoming', weeks, week: null, elapsed, label: `Upcoming — starts ${period.start}` };
  if (today > period.end) return { phase: 'ended', weeks, week: null, elapsed, label: `Ended ${period.end}, not graded yet` };
  const week = Math.floor(daysBetween(period.start, today) / 7) + 1;
  return { phase: 'in progress', weeks, week, elapsed, label: `In progress — week ${week} of ${weeks}` };
}
