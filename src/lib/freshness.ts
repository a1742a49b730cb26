// Freshness: when a key result was last checked in, when its next check-in is due by its period's
// schedule, and whether it is stale (a scheduled check-in has passed without one). Pure; `okr remind`
// and the pages read the same answer.
import { addDays, daysBetween, weekday } from './calendar.ts';
import type { Period } from './schema/index.ts';

type Schedulable = Pick<Period, 'checkinCadence' | 'checkinDay' | 'checkins'> & { start: string; end: string };

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export interface CheckinSchedule {
  /** "weekly on Mondays", "on 6 scheduled dates". */
  label: string;
  /** The scheduled check-in days of the period, oldest first. */
  dates: string[];
}

/** First day on or after `date` that is the given weekday. */
const onOrAfter = (date: string, day: number) => addDays(date, (day - weekday(date) + 7) % 7);

/**
 * The period's check-in days: its listed `checkins` dates when given, else every `checkinCadence`
 * (weekly, biweekly: from the first `checkinDay` — Monday unless said — of the period; monthly: the
 * first such day of each month). undefined when the period states no schedule.
 */
export function checkinSchedule(period: Schedulable): CheckinSchedule | undefined {
  if (period.checkins?.length) {
    const dates = [...new Set(period.checkins.map((c) => c.date))].sort();
    return { label: `on ${dates.length} scheduled date${dates.length === 1 ? '' : 's'}`, dates };
  }
  if (!period.checkinCadence) return undefined;
  const dayName = period.checkinDay ?? 'monday';
  const day = DAYS.indexOf(dayName);
  const dates: string[] = [];
  if (period.checkinCadence === 'monthly') {
    for (let month = period.start.slice(0, 7); `${month}-01` <= period.end; month = addDays(`${month}-28`, 7).slice(0, 7)) {
      const d = onOrAfter(`${month}-01`, day);
      if (d >= period.start && d <= period.end) dates.push(d);
    }
  } else {
    const step = period.checkinCadence === 'weekly' ? 7 : 14;
    for (let d = onOrAfter(period.start, day); d <= period.end; d = addDays(d, step)) dates.push(d);
  }
  const plural = `${dayName[0]!.toUpperCase()}${dayName.slice(1)}s`;
  const first = dates[0] ? ` (first ${dates[0]})` : '';
  return {
    label: `${period.checkinCadence} on ${plural}${period.checkinCadence === 'monthly' ? ' (the first of each month)' : first}`,
    dates,
  };
}

export interface Freshness {
  /** The latest check-in's date (or the dated `current`); null when there is none. */
  last: string | null;
  /** Days from `last` to today; null without one. */
  daysSince: number | null;
  /** The first scheduled check-in day after `last` (after the period's start without one); null when the schedule has none left. */
  nextDue: string | null;
  /** A scheduled check-in day has passed without a check-in, while the period is in progress. */
  stale: boolean;
  /** Days since `nextDue` when stale, else null. */
  overdueDays: number | null;
  /** The schedule's words, or null when the period has none (a key result is then never stale). */
  schedule: string | null;
  /** "Last check-in 18 days ago (2025-02-01); due 2025-02-03, 16 days overdue". */
  label: string;
}

/**
 * How fresh a key result's readings are on `today`. `dates` are its check-ins' dates (oldest first);
 * `schedule` is its period's (checkinSchedule, worked out once per period); only an in-progress
 * period makes a key result stale.
 */
export function freshness(
  dates: readonly (string | undefined)[],
  period: { start: string },
  schedule: CheckinSchedule | undefined,
  today: string,
  inProgress: boolean,
): Freshness {
  const known = dates.filter((d): d is string => d !== undefined && d <= today);
  const last = known.length ? known.reduce((a, b) => (a > b ? a : b)) : null;
  const daysSince = last === null ? null : daysBetween(last, today);
  const nextDue = schedule?.dates.find((d) => (last === null ? d >= period.start : d > last)) ?? null;
  const stale = inProgress && nextDue !== null && nextDue < today;
  const overdueDays = stale ? daysBetween(nextDue, today) : null;
  const lastWords =
    last === null
      ? 'No check-in yet'
      : `Last check-in ${daysSince === 0 ? 'today' : `${daysSince} day${daysSince === 1 ? '' : 's'} ago`} (${last})`;
  const dueWords =
    !inProgress || nextDue === null
      ? ''
      : stale
        ? `; due ${nextDue}, ${overdueDays} day${overdueDays === 1 ? '' : 's'} overdue`
        : `; next due ${nextDue}`;
  return { last, daysSince, nextDue, stale, overdueDays, schedule: schedule?.label ?? null, label: `${lastWords}${dueWords}` };
}

/**
 * The period still had a scheduled check-in after the latest one: a final grade then rests on an
 * earlier reading than the schedule promised (shown wherever that final status is).
 */
export const missedBeforeEnd = (f: Pick<Freshness, 'nextDue'>, end: string): boolean => f.nextDue !== null && f.nextDue <= end;
