// Which period the home page (and the 404 page) features, and what it calls it: the period in
// progress; else the most recent one with grades; else the most recent that has ended. Never a
// period that has not started: that one is "next", with its start date.
import { daysBetween } from '../calendar.ts';
import type { ComputedPeriod } from '../handbook.ts';
import type { SiteIndex } from '../site-index.ts';

export interface Featured {
  period: ComputedPeriod | undefined;
  /** "In progress", "Most recent results", "Most recent period": what the period is to today's reader. */
  heading: string;
  /** The first period (of the featured kind) that starts after today. */
  next: ComputedPeriod | undefined;
  /** "starts 2027-01-01, in 25 days" */
  nextWhen: string | undefined;
  /** Periods that ended after the featured one and have no grades (their statuses are only declared). */
  ungradedSince: ComputedPeriod[];
  /** What the home page shows of it, for a link there: "the period in progress", "the most recent results". */
  glance: string;
}

const GLANCE: Record<string, string> = {
  'In progress': 'the period in progress',
  'Next period': 'the next period',
  'Most recent results': 'the most recent results',
  'Most recent period': 'the most recent period',
  'Nothing has started yet': 'the first period, before it starts',
};

/** A period has grades when its company or any team has one. */
export const hasGrades = (s: SiteIndex, id: string) =>
  s.companyPeriod.get(id)?.grade != null || (s.teamPeriodsByPeriod.get(id) ?? []).some((t) => t.grade !== null);

export function featuredPeriod(s: SiteIndex): Featured {
  const today = s.h.today;
  const quarters = s.h.periods.filter((p) => p.kind === 'quarter');
  const pool = quarters.length ? quarters : s.h.periods;
  const started = pool.filter((p) => p.start <= today);
  const pinned = s.h.model.org.currentPeriod ? s.period.get(s.h.model.org.currentPeriod) : undefined;
  const running = started.find((p) => p.state.phase === 'in progress');
  const graded = started.findLast((p) => p.state.phase !== 'in progress' && hasGrades(s, p.id));
  const period = pinned ?? running ?? graded ?? started.at(-1);
  const next = pool.find((p) => p.start > today);
  const heading =
    period === undefined
      ? 'Nothing has started yet'
      : period.state.phase === 'in progress'
        ? 'In progress'
        : period.state.phase === 'upcoming'
          ? 'Next period'
          : hasGrades(s, period.id)
            ? 'Most recent results'
            : 'Most recent period';
  const days = next ? daysBetween(today, next.start) : 0;
  return {
    period,
    heading,
    next: next === period ? undefined : next,
    nextWhen: next ? `starts ${next.start}, in ${days} day${days === 1 ? '' : 's'}` : undefined,
    glance: GLANCE[heading] ?? 'the handbook',
    ungradedSince: period ? started.filter((p) => p.start > period.start && p.state.phase !== 'in progress' && !hasGrades(s, p.id)) : [],
  };
}
