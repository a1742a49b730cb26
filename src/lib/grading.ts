// KR grades per the grading specification (docs/grading.md). Pure: no I/O, no dates from the clock.
import { formatGrade, formatNumber, formatValue } from './format.ts';
import type { Band, Checkin, KeyResult, SubMetric } from './schema/index.ts';

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
}

const ungraded = (why: string): Grade => ({ value: null, source: null, derivation: `ungraded: ${why}`, exceeded: false });
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The latest reading of a KR: its last check-in with a value, else `current`. */
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
  const f = `(${formatNumber(current)} − ${formatNumber(start)}) / (${formatNumber(target)} − ${formatNumber(start)})`.replace(
    /− −/g,
    '+ ',
  );
  const note =
    raw > 1 ? ` (${formatNumber(raw)}, exceeded: capped at 1)` : raw < 0 ? ` (${formatNumber(raw)}, below start: floored at 0)` : '';
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

/** Words that mean a milestone is done when given as its current value. */
const DONE = /^(done|shipped|launched|complete|completed|live|ga|achieved|delivered|certified)$/i;

/**
 * Grade one measurable (a KR, or a part of a compound KR) at a given current value. `explain: false`
 * skips the derivation text of numeric kinds (left empty): a trend needs only the value at each check-in.
 */
export function gradeMeasure(m: SubMetric | KeyResult, current: number | string | undefined, ctx: GradeContext, explain = true): Grade {
  switch (m.kind) {
    case 'metric': {
      if (current === undefined) return ungraded('no current value yet');
      if (typeof current !== 'number') return ungraded(`current "${current}" is not a number`);
      const start = m.start ?? m.baseline;
      if (m.target === start) return ungraded('target equals start');
      return linear(current, start, m.target, explain);
    }
    case 'count': {
      if (current === undefined) return ungraded('no current value yet');
      if (typeof current !== 'number') return ungraded(`current "${current}" is not a number`);
      const raw = current / m.target;
      const value = clamp01(raw);
      const note = explain && raw > 1 ? ` (${formatNumber(raw)}, exceeded: capped at 1)` : '';
      return {
        value,
        source: 'computed',
        derivation: explain ? `${formatGrade(value)} = ${formatNumber(current)} / ${formatNumber(m.target)} (counted from 0)${note}` : '',
        exceeded: raw > 1,
      };
    }
    case 'threshold': {
      if (current === undefined) return ungraded('no current value yet');
      if (typeof current !== 'number') return ungraded(`current "${current}" is not a number`);
      const cond = explain ? `${formatValue(current, m.unit)} ${opSymbol(m.operator)} ${formatValue(m.target, m.unit)}` : '';
      if (HOLDS[m.operator]!(current, m.target))
        return { value: 1, source: 'computed', derivation: explain ? `1.00: ${cond} holds` : '', exceeded: false };
      if (m.baseline === undefined || m.baseline === m.target)
        return {
          value: 0,
          source: 'computed',
          derivation: explain ? `0.00: ${cond} does not hold (no baseline to measure progress from)` : '',
          exceeded: false,
        };
      const lin = linear(current, m.baseline, m.target, explain);
      // Not met is never full marks: a strict "< 1%" at exactly 1% is progress, not success.
      const value = Math.min(lin.value!, 0.99);
      const capped = value < lin.value! ? ', capped at 0.99 because the condition does not hold' : '';
      return {
        value,
        source: 'computed',
        derivation: explain
          ? `${formatGrade(value)} = ${lin.derivation.replace(/^[\d.]+ = /, '')}: progress from baseline toward ${opSymbol(m.operator)} ${formatNumber(m.target)}; ${cond} does not hold yet${capped}`
          : '',
        exceeded: false,
      };
    }
    case 'milestone': {
      const done =
        m.done === true ||
        (typeof current === 'string' && (DONE.test(current.trim()) || current.trim().toLowerCase() === (m.target ?? '').toLowerCase()));
      if (done)
        return {
          value: 1,
          source: 'computed',
          derivation: `1.00: done${typeof current === 'string' ? ` ("${current}")` : ''}`,
          exceeded: false,
        };
      if ('manualGrade' in m && m.manualGrade !== undefined)
        return {
          value: m.manualGrade,
          source: 'manual',
          derivation: `${formatGrade(m.manualGrade)}: judged while not done — ${'rationale' in m ? m.rationale : ''}`,
          exceeded: false,
        };
      if ('declared' in m && m.declared?.grade !== undefined)
        return {
          value: m.declared.grade,
          source: 'declared',
          derivation: `${formatGrade(m.declared.grade)}: declared in the document (milestone not done${typeof current === 'string' ? `: "${current}"` : ''})`,
          exceeded: false,
        };
      if (ctx.finalized) return { value: 0, source: 'computed', derivation: '0.00: not done when the period was graded', exceeded: false };
      return ungraded('milestone not done yet and no grade given');
    }
    case 'manual':
      return {
        value: m.manualGrade,
        source: 'manual',
        derivation: `${formatGrade(m.manualGrade)}: manual grade — ${m.rationale}`,
        exceeded: false,
      };
    case 'compound': {
      const parts = m.parts.map((p) => ({ p, g: gradeMeasure(p, p.current, ctx, explain) }));
      const missing = parts.filter((x) => x.g.value === null);
      if (missing.length)
        return ungraded(`part${missing.length > 1 ? 's' : ''} ${missing.map((x) => `'${x.p.id}'`).join(', ')} not graded yet`);
      const values = parts.map((x) => x.g.value!);
      const value = m.combine === 'min' ? Math.min(...values) : values.reduce((a, b) => a + b, 0) / values.length;
      const list = parts.map((x) => `${x.p.id} ${formatGrade(x.g.value)}`).join(', ');
      return {
        value,
        source: 'computed',
        derivation: `${formatGrade(value)} = ${m.combine}(${list})`,
        exceeded: parts.some((x) => x.g.exceeded),
      };
    }
    case 'redacted':
      if (m.declared?.grade !== undefined)
        return {
          value: m.declared.grade,
          source: 'declared',
          derivation: `${formatGrade(m.declared.grade)}: declared (the values are redacted)`,
          exceeded: false,
        };
      return ungraded('the values are redacted and no grade is declared');
  }
}

/** Grade a KR at its latest reading. */
export function gradeKr(kr: KeyResult, ctx: GradeContext): Grade {
  const reading = 'checkins' in kr || 'current' in kr ? currentReading(kr) : undefined;
  return gradeMeasure(kr, reading?.value, ctx);
}

/** The band a grade falls in (bands sorted by min). */
export function bandOf(grade: number | null, bands: readonly Band[]): Band | null {
  if (grade === null) return null;
  let found = bands[0] ?? null;
  for (const b of bands) if (grade >= b.min - 1e-9) found = b;
  return found;
}

const STATUS_RANK = { red: 0, yellow: 1, green: 2 } as const;
export type Status = keyof typeof STATUS_RANK;
/** The weaker of two statuses (null = unknown, which never hides a known weak one). */
export const weaker = (a: Status | null, b: Status | null): Status | null =>
  a === null ? b : b === null ? a : STATUS_RANK[a] <= STATUS_RANK[b] ? a : b;

/** A word for each status from the org's bands (the first band with that status), e.g. green → "On target". */
export function statusLabels(bands: readonly Band[]): Record<Status, string> {
  const fallback: Record<Status, string> = { red: 'Red', yellow: 'Yellow', green: 'Green' };
  const out = { ...fallback };
  for (const s of Object.keys(fallback) as Status[]) {
    const b = bands.find((x) => x.status === s);
    if (b) out[s] = b.label;
  }
  return out;
}
