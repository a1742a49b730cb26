// KR grades per the grading specification (docs/grading.md). Pure: no I/O, no dates from the clock.
import { exactNumber, formatGrade, formatValue, reproducibleTerms, roundHalfAway } from './format.ts';
import { gradingCutoff, judgementOf, placeOf, readingsOf, type Judgement, type Reading } from './readings.ts';
import type { Band, Checkin, KeyResult, SubMetric } from './schema/index.ts';
import { minOf } from './extremes.ts';

export type GradeSource = 'computed' | 'manual' | 'declared';

export interface Grade {
  /** In [0, 1], or null when ungraded (never shown as 0). */
  value: number | null;
  source: GradeSource | null;
  /** How the number was obtained, e.g. "0.42 = (14.5 − 12) / (18 − 12)"; for ungraded, why. */
  derivation: string;
  /** Over-achievement: the unclamped progress exceeded 1. */
  exceeded: boolean;
}

export interface GradeContext {
  /** The period's grades are final: milestones not done grade 0 instead of ungraded. */
  finalized: boolean;
  /** The period the key result belongs to: readings too late for it do not grade it. */
  period?: { start: string; end: string; gradingDate?: string };
  /** Today (YYYY-MM-DD): a reading dated after it has not been taken yet, so it grades nothing. */
  today?: string;
}

/** What a key result (or a part) is graded on at one reading. */
export interface GradeState {
  value?: number | string;
  /** A compound key result's parts, by id. */
  parts?: Readonly<Record<string, number | string | undefined>>;
  /** A judgement that stands at this reading (a manual grade, or a milestone's declared grade). */
  judgement?: Pick<Judgement, 'grade' | 'why' | 'source'>;
  /** `done: true` on the key result, or on a compound's milestone parts, applies (at its latest reading). */
  done?: boolean;
}

const ungraded = (why: string): Grade => ({ value: null, source: null, derivation: `ungraded: ${why}`, exceeded: false });
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const num = exactNumber;

/** The latest reading of a KR as written: its last check-in with a value, else `current` (receipts record this). */
export function currentReading(kr: {
  current?: number | string;
  asOf?: string;
  checkins?: Checkin[];
}): { value: number | string; date?: string } | undefined {
  const checkins = kr.checkins ?? [];
  for (let i = checkins.length - 1; i >= 0; i--) {
    const c = checkins[i]!;
    if (c.value !== undefined) return { value: c.value, date: c.date };
  }
  return kr.current !== undefined ? { value: kr.current, date: kr.asOf } : undefined;
}

/** Linear progress from start to target, clamped, with its formula (when `explain`). */
function linear(current: number, start: number, target: number, explain: boolean): Grade {
  const raw = (current - start) / (target - start);
  const value = clamp01(raw);
  if (!explain) return { value, source: 'computed', derivation: '', exceeded: raw > 1 };
  const f = `(${num(current)} − ${num(start)}) / (${num(target)} − ${num(start)})`.replace(/− −/g, '+ ');
  const note =
    raw > 1
      ? ` (${num(roundHalfAway(raw, 4))}, exceeded: capped at 1)`
      : raw < 0
        ? ` (${num(roundHalfAway(raw, 4))}, below start: floored at 0)`
        : '';
  return { value, source: 'computed', derivation: `${formatGrade(value)} = ${f}${note}`, exceeded: raw > 1 };
}

const HOLDS: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '≤': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '≥': (a, b) => a >= b,
};
export const opSymbol = (op: string) => ({ '<=': '≤', '>=': '≥' })[op] ?? op;

/**
 * How a threshold key result is read: `hold` when its baseline already meets the condition ("keep
 * churn < 1%": 1 while it holds, 0 when it fails), else `reach` (progress from the baseline toward it).
 */
export function thresholdReading(m: { operator: string; target: number; baseline?: number }): 'hold' | 'reach' {
  return m.baseline !== undefined && HOLDS[m.operator]!(m.baseline, m.target) ? 'hold' : 'reach';
}

/** How many thresholds (key results and compound parts) are read as reach and as hold. */
export function thresholdReadings(krs: Iterable<KeyResult>): { reach: number; hold: number } {
  const n = { reach: 0, hold: 0 };
  for (const kr of krs) {
    const thresholds = kr.kind === 'threshold' ? [kr] : kr.kind === 'compound' ? kr.parts.filter((p) => p.kind === 'threshold') : [];
    for (const t of thresholds) n[thresholdReading(t)]++;
  }
  return n;
}

/** Words that mean a milestone is done when given as its current value. */
const DONE = /^(done|shipped|launched|complete|completed|live|ga|achieved|delivered|certified)$/i;
const isDone = (value: number | string | undefined, target: string | undefined) =>
  typeof value === 'string' && (DONE.test(value.trim()) || value.trim().toLowerCase() === (target ?? '').toLowerCase());

function gradeThreshold(
  m: { operator: string; target: number; baseline?: number; unit?: string },
  current: number,
  explain: boolean,
): Grade {
  const op = opSymbol(m.operator);
  const cond = explain ? `${formatValue(current, m.unit)} ${op} ${formatValue(m.target, m.unit)}` : '';
  const holds = HOLDS[m.operator]!(current, m.target);
  const grade = (value: number, derivation: string): Grade => ({
    value,
    source: 'computed',
    derivation: explain ? derivation : '',
    exceeded: false,
  });
  if (thresholdReading(m) === 'hold') {
    const held = `held: the baseline ${formatValue(m.baseline, m.unit)} already met ${op} ${formatValue(m.target, m.unit)}, so it grades 1 while it holds and 0 when it fails`;
    return holds ? grade(1, `1.00: ${cond} holds (${held})`) : grade(0, `0.00: ${cond} does not hold (${held})`);
  }
  if (holds) return grade(1, `1.00: ${cond} holds`);
  if (m.baseline === undefined || m.baseline === m.target)
    return grade(0, `0.00: ${cond} does not hold (no baseline to measure progress from)`);
  const lin = linear(current, m.baseline, m.target, explain);
  // Not met is never full marks: a strict "< 1%" at exactly 1% is progress, not success.
  const value = Math.min(lin.value!, 0.99);
  const capped = value < lin.value! ? ', capped at 0.99 because the condition does not hold' : '';
  return grade(
    value,
    `${formatGrade(value)} = ${lin.derivation.replace(/^[\d.]+ = /, '')}: progress from the baseline toward ${op} ${num(m.target)}; ${cond} does not hold yet${capped}`,
  );
}

/**
 * Grade one measurable (a KR, or a part of a compound KR) in one state: its value, a compound's part
 * values, the judgement that stands. `explain: false` skips the derivation text of numeric kinds
 * (left empty): a trend needs only the value at each check-in.
 */
export function gradeAt(m: SubMetric | KeyResult, state: GradeState, ctx: GradeContext, explain = true): Grade {
  const current = state.value;
  switch (m.kind) {
    case 'metric':
    case 'count':
    case 'threshold': {
      if (current === undefined) return ungraded('no current value yet');
      if (typeof current !== 'number') return ungraded(`current "${current}" is not a number`);
      if (m.kind === 'threshold') return gradeThreshold(m, current, explain);
      if (m.kind === 'metric') {
        const start = m.start ?? m.baseline;
        if (m.target === start) return ungraded('target equals start');
        return linear(current, start, m.target, explain);
      }
      const raw = current / m.target;
      const value = clamp01(raw);
      const note = explain && raw > 1 ? ` (${num(roundHalfAway(raw, 4))}, exceeded: capped at 1)` : '';
      return {
        value,
        source: 'computed',
        derivation: explain ? `${formatGrade(value)} = ${num(current)} / ${num(m.target)} (counted from 0)${note}` : '',
        exceeded: raw > 1,
      };
    }
    case 'milestone': {
      if (state.done || isDone(current, m.target))
        return {
          value: 1,
          source: 'computed',
          derivation: `1.00: done${typeof current === 'string' ? ` ("${current}")` : ''}`,
          exceeded: false,
        };
      const j = state.judgement;
      if (j)
        return {
          value: j.grade,
          source: j.source,
          derivation:
            j.source === 'manual'
              ? `${formatGrade(j.grade)}: judged while not done — ${j.why}`
              : `${formatGrade(j.grade)}: declared in the document (milestone not done${typeof current === 'string' ? `: "${current}"` : ''})`,
          exceeded: false,
        };
      if (ctx.finalized) return { value: 0, source: 'computed', derivation: '0.00: not done when the period was graded', exceeded: false };
      return ungraded('milestone not done yet and no grade given');
    }
    case 'manual': {
      const j = state.judgement;
      if (!j) return ungraded('no judgement given by this date');
      return { value: j.grade, source: 'manual', derivation: `${formatGrade(j.grade)}: manual grade — ${j.why}`, exceeded: false };
    }
    case 'compound': {
      const parts = m.parts.map((p) => ({
        p,
        g: gradeAt(p, { value: state.parts?.[p.id], done: state.done && p.kind === 'milestone' && p.done === true }, ctx, explain),
      }));
      const missing = parts.filter((x) => x.g.value === null);
      if (missing.length)
        return ungraded(`part${missing.length > 1 ? 's' : ''} ${missing.map((x) => `'${x.p.id}'`).join(', ')} not graded yet`);
      const values = parts.map((x) => x.g.value!);
      const combine = (xs: number[]) => (m.combine === 'min' ? minOf(xs) : xs.reduce((a, b) => a + b, 0) / xs.length);
      const value = combine(values);
      const terms = explain ? reproducibleTerms(values, value, combine) : [];
      return {
        value,
        source: 'computed',
        derivation: explain ? `${formatGrade(value)} = ${m.combine}(${parts.map((x, i) => `${x.p.id} ${terms[i]}`).join(', ')})` : '',
        // Over-achievement shows 1.00: a part beyond its target does not make a 0.75 "exceeded".
        exceeded: value >= 1 && parts.some((x) => x.g.exceeded),
      };
    }
    case 'redacted': {
      const j = state.judgement;
      if (j)
        return {
          value: j.grade,
          source: 'declared',
          derivation: `${formatGrade(j.grade)}: declared (the values are redacted)`,
          exceeded: false,
        };
      return ungraded('the values are redacted and no grade is declared');
    }
  }
}

/** One reading with the grade it earned then. */
export interface GradedReading {
  reading: Reading;
  grade: Grade;
  /** false for a reading dated after the period's grading cutoff: shown, but it does not grade the period. */
  counts: boolean;
}

export interface KrGrading {
  /** The grade at the latest reading that counts (with its derivation). */
  grade: Grade;
  /** That reading (undefined when the grade rests on the key result's own judgement alone). */
  latest: Reading | undefined;
  /** The latest reading with a value, for display ("current"). */
  reading: Reading | undefined;
  /** The date the grade is as of: the latest reading's, else the judgement's (`asOf`); undefined when undated. */
  date: string | undefined;
  /** Each reading graded with its own values: compound parts carried forward, judgements from their date. */
  history: () => GradedReading[];
}

const informative = (r: Reading) => r.value !== undefined || r.parts !== undefined || r.grade !== undefined;

/**
 * Grade a key result over its readings. A judgement (manual grade) given at a check-in stands from its
 * date until the next; the key result's own one stands from its `asOf`, or, undated, grades the latest
 * reading only — so an earlier check-in is never graded with today's judgement, nor a compound's earlier
 * check-in with today's part values. Readings after the period's grading cutoff do not count.
 */
export function gradeKeyResult(kr: KeyResult, ctx: GradeContext, readings: readonly Reading[] = readingsOf(kr)): KrGrading {
  const future = (r: { date?: string }) => ctx.today !== undefined && r.date !== undefined && r.date > ctx.today;
  const counts = (r: { date?: string }) => !future(r) && (!ctx.period || placeOf(r.date, ctx.period) !== 'after');
  // A judgement dated after the period's grading cutoff is too late to grade it, like a reading.
  const judged = judgementOf(kr);
  const own = judged && counts(judged) ? judged : undefined;
  const done =
    kr.kind === 'milestone' ? kr.done === true : kr.kind === 'compound' && kr.parts.some((p) => p.kind === 'milestone' && p.done === true);
  let last = -1;
  let lastValue = -1;
  readings.forEach((r, i) => {
    if (!counts(r)) return;
    if (informative(r)) last = i;
    if (r.value !== undefined) lastValue = i;
  });

  /** Grades readings 0..upTo in order, carrying part values and judgements forward; the state after upTo. */
  const walk = (upTo: number, explain: boolean, each?: (i: number, g: Grade) => void) => {
    let parts: Record<string, number | string> = {};
    let judgement: GradeState['judgement'];
    let ownApplied = false;
    let grade: Grade | undefined;
    for (let i = 0; i <= upTo; i++) {
      const r = readings[i]!;
      if (r.parts) parts = { ...parts, ...r.parts };
      if (own?.date !== undefined && !ownApplied && r.date !== undefined && own.date <= r.date) [judgement, ownApplied] = [own, true];
      if (r.grade !== undefined)
        judgement = { grade: r.grade, why: r.checkin?.note ?? `judged at the ${r.date ?? 'latest'} check-in`, source: 'manual' };
      const isLatest = i === last;
      const j = isLatest && own?.date === undefined ? (own ?? judgement) : judgement;
      grade = gradeAt(kr, { value: r.value, parts, judgement: j, done: isLatest && done }, ctx, explain && i === upTo);
      each?.(i, grade);
    }
    return { grade, parts, ownApplied };
  };

  const latest = last >= 0 ? readings[last] : undefined;
  const at = walk(last, true);
  // A dated judgement newer than every reading is the latest word; with no reading at all, the judgement alone.
  const ownIsNewer = own?.date !== undefined && !at.ownApplied;
  let grade = at.grade && !ownIsNewer ? at.grade : gradeAt(kr, { value: latest?.value, parts: at.parts, judgement: own, done }, ctx, true);
  if (grade.value === null && last < 0 && ctx.today !== undefined)
    grade = notYet(grade, readings, judged && !own ? judged : undefined, ctx.today);
  if (grade.value === null && ctx.period) grade = tooLate(grade, readings, last < 0, judged && !own ? judged : undefined, ctx.period);
  let history: GradedReading[] | undefined;
  return {
    grade,
    latest,
    reading: lastValue >= 0 ? readings[lastValue] : undefined,
    date: ownIsNewer && latest ? own.date : (latest?.date ?? own?.date),
    history: () => {
      if (history) return history;
      const out: GradedReading[] = [];
      walk(readings.length - 1, false, (i, g) => out.push({ reading: readings[i]!, grade: g, counts: counts(readings[i]!) }));
      return (history = out);
    },
  };
}

/** An ungraded key result whose only readings (or judgement) are dated after today says so. */
function notYet(grade: Grade, readings: readonly Reading[], judged: Judgement | undefined, today: string): Grade {
  const date = readings.find((r) => informative(r) && r.date !== undefined && r.date > today)?.date ?? judged?.date;
  return date !== undefined && date > today
    ? ungraded(`its reading of ${date} is dated after today (${today}): it counts from that day`)
    : grade;
}

/** An ungraded key result whose only readings (or judgement) are too late for its period says so, rather than "no value yet". */
function tooLate(
  grade: Grade,
  readings: readonly Reading[],
  noneCounts: boolean,
  judged: Judgement | undefined,
  period: { start: string; end: string; gradingDate?: string },
): Grade {
  const cutoff = gradingCutoff(period);
  const why = (what: string) => ungraded(`${what} is after the period's grading cutoff (${cutoff}): it does not grade the period`);
  if (judged) return why(`its judgement of ${judged.date}`);
  const late = noneCounts ? readings.find((r) => informative(r) && placeOf(r.date, period) === 'after') : undefined;
  return late ? why(`its reading of ${late.date}`) : grade;
}

/** Grade a KR at its latest reading. */
export const gradeKr = (kr: KeyResult, ctx: GradeContext): Grade => gradeKeyResult(kr, ctx).grade;

/** The band a grade falls in, read from the grade as displayed (two decimals): "0.40" is never red, "0.70" never yellow. */
export function bandOf(grade: number | null, bands: readonly Band[]): Band | null {
  if (grade === null) return null;
  const shown = roundHalfAway(grade);
  let found = bands[0] ?? null;
  for (const b of bands) if (shown >= b.min - 1e-9) found = b;
  return found;
}
