// Pace: how far through the period a date is, and whether progress keeps up with it.
import { daysBetween } from './calendar.ts';

export type Pace = 'ahead' | 'on track' | 'behind';

/** Progress a KR should show by `date` if it moves linearly over the period: elapsed fraction in [0, 1]. */
export const expectedProgress = (period: { start: string; end: string }, date: string): number => progressThrough(period)(date);

/** expectedProgress(period, ·) for the many check-in dates of one period, with the period's length counted once. */
export function progressThrough(period: { start: string; end: string }): (date: string) => number {
  const total = daysBetween(period.start, period.end) + 1;
  return (date) => Math.min(1, Math.max(0, (daysBetween(period.start, date) + 1) / total));
}

/** Within ±0.1 of the expected progress is "on track". */
export const PACE_TOLERANCE = 0.1;

export function paceOf(grade: number, expected: number): Pace {
  if (grade > expected + PACE_TOLERANCE) return 'ahead';
  if (grade < expected - PACE_TOLERANCE) return 'behind';
  return 'on track';
}
