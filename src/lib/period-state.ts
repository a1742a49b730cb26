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
  /** The period's grading date when it has passed and the period is not graded: grading is overdue. */
  gradingOverdue: string | null;
}

/**
 * The words, one set: a period is **graded** when its grades are final (`finalized`); before that an
 * ended period's grades are provisional. Every page says it so ("graded" never means "has a grade").
 */
export function archiveNote(state: PeriodState): string | undefined {
  if (state.phase === 'graded') return 'This period is graded: its grades are final, a record rather than the current plan.';
  if (state.phase !== 'ended') return undefined;
  const due = state.gradingOverdue ? ` (grading was due ${state.gradingOverdue})` : '';
  return `This period has ended and is not graded yet${due}: its grades may still change until it is.`;
}

/**
 * Upcoming before its first day; in progress through its last; then ended, or graded once its grades
 * are final (`finalized: true` in the period file).
 */
export function periodState(period: { start: string; end: string; finalized?: boolean; gradingDate?: string }, today: string): PeriodState {
  const days = daysBetween(period.start, period.end) + 1;
  const weeks = Math.ceil(days / 7);
  const elapsed = Math.min(1, Math.max(0, (daysBetween(period.start, today) + 1) / days));
  const base = { weeks, week: null, elapsed, gradingOverdue: null };
  if (period.finalized && today > period.end) return { ...base, phase: 'graded', label: `Graded (ended ${period.end})` };
  if (today < period.start) return { ...base, phase: 'upcoming', label: `Upcoming — starts ${period.start}` };
  if (today > period.end) {
    const overdue = period.gradingDate !== undefined && period.gradingDate < today ? period.gradingDate : null;
    const due = overdue ? ` — grading was due ${overdue}` : '';
    return { ...base, phase: 'ended', label: `Ended ${period.end}, not graded yet${due}`, gradingOverdue: overdue };
  }
  const week = Math.floor(daysBetween(period.start, today) / 7) + 1;
  return { ...base, phase: 'in progress', week, label: `In progress — week ${week} of ${weeks}` };
}
