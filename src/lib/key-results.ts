// A key result computed: its grade, status, pace, freshness, confidence, audit and trend, from the
// model and the day of the build. Pure.
import { gradeAudit, statusAudit, type Audit } from './audit.ts';
import { bandOf, gradeKeyResult, type Grade, type GradedReading } from './grading.ts';
import { freshness, missedBeforeEnd, type CheckinSchedule, type Freshness } from './freshness.ts';
import type { KrModel, PeriodModel } from './model.ts';
import { paceGap, paceOf, progressThrough, type Pace } from './pace.ts';
import type { PeriodState } from './period-state.ts';
import { judgementOf, type Reading } from './readings.ts';
import type { Band, Checkin } from './schema/index.ts';
import { krStatus, type Status } from './status.ts';

export interface PacePoint {
  date: string;
  value: number | string | undefined;
  /** The grade this check-in earned with its own values. */
  grade: number | null;
  /** Progress expected by its date (scaled by the objective's expected final grade). */
  expected: number;
  pace: Pace | null;
  /** The check-in itself (notes, blockers, asks, the owner's status and confidence). */
  checkin: Checkin;
  /** false when it is dated after the period's grading cutoff: it does not grade the period. */
  counts: boolean;
}

export interface PaceNow {
  /** The date of the reading the grade is at (undefined: an undated reading, taken as today). */
  date: string | undefined;
  grade: number;
  /** Progress expected by the reading's date, or by today when the reading is stale (`against`). */
  expected: number;
  /** Grade minus expected, as displayed. */
  gap: number;
  pace: Pace;
  /** What the grade is held against: the reading's own date, or today when its check-in is overdue. */
  against: 'reading' | 'today';
}

export type ComputedKr = KrModel & {
  grade: Grade;
  /** The band of the grade as displayed (the final status once the period has ended). */
  band: string | null;
  /** The latest reading with a value that counts for the period. */
  reading: Reading | undefined;
  /** The one status: pace while the period runs, the final band after, or why there is none. */
  status: Status;
  /** The status at its latest reading (its pace then, when the reading is inside the period, even a stale one): what a document's status speaks of. */
  statusAtReading: Status;
  /** The grade at its reading against the progress expected by then (by today when stale): what the status says; null when ungraded or not started. */
  pace: PaceNow | null;
  /** Progress expected today (scaled for aspirational objectives): where the bar should be. */
  expectedNow: number | null;
  freshness: Freshness;
  /** Confidence at each check-in that states one, oldest first. */
  confidence: { date: string; value: number }[];
  audit: Audit;
  /** Each check-in graded with its own values against the pace expected by its date. */
  trend: PacePoint[];
};

export interface KrEnv {
  period: PeriodModel | undefined;
  state: PeriodState | undefined;
  /** The period's check-in schedule (freshness.ts), worked out once per period. */
  schedule: CheckinSchedule | undefined;
  today: string;
  /** The objective's expected final grade: committed 1.0, aspirational 0.7. */
  expectedFinal: number;
  bands: readonly Band[];
  tolerance: number;
}

export function computeKr(kr: KrModel, env: KrEnv): ComputedKr {
  const { period, state, today, expectedFinal, bands } = env;
  const upcoming = state?.phase === 'upcoming';
  // A milestone not done grades 0 once its period is graded (ended and finalized), not while it runs.
  const finalized = state ? state.phase === 'graded' : (period?.finalized ?? false);
  const g = gradeKeyResult(kr, { finalized, period, today }, kr.readings);
  const grade: Grade = upcoming
    ? { value: null, source: null, derivation: `ungraded: the period has not started (it starts on ${period!.start})`, exceeded: false }
    : g.grade;
  const progress = period && progressThrough(period);
  const expectedAt = (date: string | undefined) => (progress ? progress(date ?? today) * expectedFinal : null);
  // A judgement is a reading too: one too late to grade the period leaves the key result ungraded, not
  // unread. A redacted key result's values are never read here: without a declared grade it is ungraded.
  const hasReading = kr.readings.length > 0 || judgementOf(kr) !== undefined || kr.kind === 'redacted';
  const phase = state?.phase ?? 'in progress';
  const fresh = freshness(
    // A reading dated after today has not been taken: it keeps nothing fresh.
    kr.readings.flatMap((r) => (r.date !== undefined && r.date > today ? [] : [r.date])),
    period ?? { start: today },
    env.schedule,
    today,
    phase === 'in progress',
  );
  // A stale reading (a scheduled check-in has passed without one) is held against today's expectation.
  const judgedToday = phase === 'in progress' && fresh.stale && expectedAt(today) !== null;
  // The status the grade has at its own reading: the pace inside the period, the band after it.
  const atReading = (phase: PeriodState['phase'], stale = false) =>
    krStatus(
      {
        phase,
        grade: grade.value,
        date: g.date,
        expected: expectedAt(g.date),
        hasReading,
        final: period !== undefined && g.date !== undefined && g.date > period.end,
        startsOn: period?.start,
        ungradedWhy: grade.derivation.replace(/^ungraded: /, ''),
        end: period?.end,
        early: period !== undefined && missedBeforeEnd(fresh, period.end),
        today: stale ? { date: today, expected: expectedAt(today)! } : undefined,
      },
      bands,
    );
  const status = { ...atReading(phase, judgedToday), stale: fresh.stale ? { krs: 1, days: fresh.overdueDays! } : null };
  const readingStatus = phase === 'ended' || phase === 'graded' || judgedToday ? atReading('in progress') : status;
  const expected = judgedToday ? expectedAt(today) : expectedAt(g.date);
  const pace: PaceNow | null =
    grade.value === null || expected === null || upcoming
      ? null
      : {
          date: g.date,
          grade: grade.value,
          expected,
          gap: paceGap(grade.value, expected),
          pace: paceOf(grade.value, expected),
          against: judgedToday ? 'today' : 'reading',
        };
  let trend: PacePoint[] | undefined;
  return {
    ...kr,
    grade,
    band: bandOf(grade.value, bands)?.id ?? null,
    reading: upcoming ? undefined : g.reading,
    status,
    statusAtReading: readingStatus,
    pace,
    expectedNow: progress && !upcoming ? progress(today) * expectedFinal : null,
    freshness: fresh,
    confidence: kr.checkins.flatMap((c) => (c.confidence === undefined ? [] : [{ date: c.date, value: c.confidence }])),
    audit: {
      grade: gradeAudit(kr.declared?.grade, grade, env.tolerance),
      status: upcoming ? null : statusAudit(kr.declared, readingStatus, 'key result'),
    },
    // Graded when first read, then kept (spread, JSON and structured clones read it as any field):
    // `okr check` never reads it, and it is a large part of grading a handbook with many check-ins.
    get trend() {
      return (trend ??= pacePoints(g.history(), expectedAt, upcoming));
    },
  };
}

function pacePoints(
  history: readonly GradedReading[],
  expectedAt: (date: string | undefined) => number | null,
  upcoming: boolean,
): PacePoint[] {
  return history.flatMap(({ reading, grade, counts }) => {
    if (!reading.checkin) return [];
    const value = upcoming ? null : grade.value;
    const expected = expectedAt(reading.date) ?? 0;
    return [
      {
        date: reading.checkin.date,
        value: reading.value,
        grade: value,
        expected,
        pace: value === null || !counts ? null : paceOf(value, expected),
        checkin: reading.checkin,
        counts,
      },
    ];
  });
}
