// Pace: how far through the period a date is, and whether a grade keeps up with it. Read from the
// numbers as displayed (two decimals), so a reader who sees "0.42, expected 0.36" gets the same word.
import { daysBetween } from './calendar.ts';
import { roundHalfAway } from './format.ts';

export type Pace = 'ahead' | 'on track' | 'behind' | 'far behind';

/** Progress a KR should show by `date` if it moves linearly over the period: elapsed fraction in [0, 1]. */
export const expectedProgress = (period: { start: string; end: string }, date: string): number => progressThrough(period)(date);

/** expectedProgress(period, ·) for the many check-in dates of one period, with the period's length counted once. */
export function progressThrough(period: { start: string; end: string }): (date: string) => number {
  const total = daysBetween(period.start, period.end) + 1;
  return (date) => Math.min(1, Math.max(0, (daysBetween(period.start, date) + 1) / total));
}

/** Within ±0.10 of the expected progress is "on track"; more than 0.10 above, "ahead". */
export const PACE_TOLERANCE = 0.1;
/**
 * More than 0.30 below the expected progress is "far behind" (between 0.10 and 0.30 below, "behind").
 * Not "off track": that is a final band's label, and a word means one thing (docs/grading.md).
 */
export const FAR_BEHIND_GAP = 0.3;

/** Grade minus expected progress, both as displayed (two decimals). */
export const paceGap = (grade: number, expected: number) => roundHalfAway(roundHalfAway(grade) - roundHalfAway(expected));

export function paceOf(grade: number, expected: number): Pace {
  const gap = paceGap(grade, expected);
  if (gap > PACE_TOLERANCE + 1e-9) return 'ahead';
  if (gap >= -PACE_TOLERANCE - 1e-9) return 'on track';
  if (gap >= -FAR_BEHIND_GAP - 1e-9) return 'behind';
  return 'far behind';
}
