// Rollups: objective = weighted mean of its graded KRs; team-period and company-period = weighted mean
// of objectives. Each reports coverage (graded / total) and the weakest child status.
import { bandOf, weaker, type Status } from './grading.ts';
import { formatGrade, formatNumber } from './format.ts';
import type { Band } from './schema/index.ts';

export interface Rollup {
  grade: number | null;
  coverage: { graded: number; total: number };
  /** The band of the grade itself. */
  band: string | null;
  /** The weakest of the grade's band and every child's status: a red child is never hidden. */
  status: Status | null;
  derivation: string;
}

export interface RollupChild {
  id: string;
  grade: number | null;
  weight?: number;
  status: Status | null;
}

export function rollUp(children: readonly RollupChild[], bands: readonly Band[], what: string): Rollup {
  const graded = children.filter((c) => c.grade !== null);
  const coverage = { graded: graded.length, total: children.length };
  let grade: number | null = null;
  let derivation = children.length ? `ungraded: none of the ${children.length} ${what} has a grade yet` : `ungraded: no ${what}`;
  if (graded.length) {
    const wsum = graded.reduce((s, c) => s + (c.weight ?? 1), 0);
    grade = graded.reduce((s, c) => s + c.grade! * (c.weight ?? 1), 0) / wsum;
    const weighted = graded.some((c) => (c.weight ?? 1) !== 1);
    const terms = graded.map((c) => (weighted ? `${formatNumber(c.weight ?? 1)}×${formatGrade(c.grade)}` : formatGrade(c.grade)));
    derivation = `${formatGrade(grade)} = (${terms.join(' + ')}) / ${formatNumber(weighted ? wsum : graded.length)}${graded.length < children.length ? ` — ${children.length - graded.length} of ${children.length} ${what} ungraded and left out` : ''}`;
  }
  const band = bandOf(grade, bands);
  const status = children.reduce<Status | null>((s, c) => weaker(s, c.status), band?.status ?? null);
  return { grade, coverage, band: band?.id ?? null, status, derivation };
}
