// A key result's progress bar: how far it has come from its baseline toward its target (its grade),
// and where it should be by today (the pace the status model expects). Pure.
import { formatGrade, formatValue } from '../format.ts';
import type { ComputedKr } from '../handbook.ts';
import type { PeriodModel } from '../model.ts';
import { displayValues } from '../present.ts';

export interface ProgressView {
  /** Share of the way from baseline to target, in [0, 1]. */
  done: number;
  /** Where it should be today, in [0, 1]; undefined before the period starts. */
  expected: number | undefined;
  from: string;
  to: string;
  /** The whole bar in words, for screen readers and the tooltip. */
  label: string;
}

/** Where a numeric key result's progress is measured from and to; undefined for kinds without a numeric scale. */
export function progressScale(k: ComputedKr): { from: number | undefined; target: number } | undefined {
  switch (k.kind) {
    case 'metric':
      return { from: k.start ?? k.baseline, target: k.target };
    case 'count':
      return { from: 0, target: k.target };
    case 'threshold':
      return { from: k.baseline, target: k.target };
    default:
      return undefined;
  }
}

/** Only a key result with a baseline (or a count, from zero) and a graded reading has a bar. */
export function progressOf(k: ComputedKr, period: PeriodModel, today: string): ProgressView | undefined {
  if (k.grade.value === null || !k.reading || progressScale(k)?.from === undefined) return undefined;
  const d = displayValues(k, k.reading.value);
  // Where the status model expects it by today (scaled for an aspirational objective).
  const expected = k.expectedNow ?? undefined;
  const from = k.kind === 'count' ? '0' : k.kind === 'metric' && k.start !== undefined ? formatValue(k.start, k.unit) : d.baseline;
  return {
    done: k.grade.value,
    expected,
    from,
    to: d.target,
    label: `${formatGrade(k.grade.value)} of the way from ${from} to ${d.target}${expected === undefined ? '' : `; ${formatGrade(expected)} expected by ${today > period.end ? 'the end' : 'today'}`}`,
  };
}
