// Rollups: objective = weighted mean of its graded KRs; team-period and company-period = weighted mean
// of objectives. Each reports coverage by count and by weight, and its weakest child's status.
import { bandOf } from './grading.ts';
import { exactNumber, formatGrade, reproducibleTerms } from './format.ts';
import type { PeriodPhase } from './period-state.ts';
import type { Band } from './schema/index.ts';
import { parentStatus, type ParentStatus, type Status } from './status.ts';

export interface Coverage {
  graded: number;
  total: number;
  /** The weight of the graded children and of all of them (weights default to 1). */
  gradedWeight: number;
  totalWeight: number;
}

export interface Rollup {
  grade: number | null;
  coverage: Coverage;
  /** The band of the grade as displayed. */
  band: string | null;
  /** The weakest child's status: a red child is never hidden. */
  status: ParentStatus;
  derivation: string;
}

export interface RollupChild {
  id: string;
  /** How the child's status names it ("KR1 “Grow ARR”"); its id without one. */
  name?: string;
  grade: number | null;
  weight?: number;
  status: Status;
}

export function rollUp(children: readonly RollupChild[], bands: readonly Band[], what: string, phase: PeriodPhase): Rollup {
  const w = (c: RollupChild) => c.weight ?? 1;
  const graded = children.filter((c) => c.grade !== null);
  const coverage = {
    graded: graded.length,
    total: children.length,
    gradedWeight: graded.reduce((s, c) => s + w(c), 0),
    totalWeight: children.reduce((s, c) => s + w(c), 0),
  };
  let grade: number | null = null;
  let derivation =
    phase === 'upcoming'
      ? 'ungraded: the period has not started'
      : children.length
        ? `ungraded: none of the ${children.length} ${what} has a grade yet`
        : `ungraded: no ${what}`;
  if (graded.length) {
    const weights = graded.map(w);
    const wsum = coverage.gradedWeight;
    const combine = (xs: number[]) => xs.reduce((s, x, i) => s + x * weights[i]!, 0) / wsum;
    grade = combine(graded.map((c) => c.grade!));
    const weighted = weights.some((x) => x !== 1);
    const terms = reproducibleTerms(
      graded.map((c) => c.grade!),
      grade,
      combine,
    ).map((t, i) => (weighted ? `${exactNumber(weights[i]!)}×${t}` : t));
    const left =
      graded.length < children.length ? ` — ${children.length - graded.length} of ${children.length} ${what} ungraded and left out` : '';
    derivation = `${formatGrade(grade)} = (${terms.join(' + ')}) / ${exactNumber(weighted ? wsum : graded.length)}${left}`;
  }
  const band = bandOf(grade, bands);
  return { grade, coverage, band: band?.id ?? null, status: parentStatus(children, what, phase), derivation };
}
