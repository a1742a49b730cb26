// Which reading a threshold key result has (docs/grading.md): "reach" when its baseline fails the
// condition (progress from the baseline toward it), "hold" when the baseline already meets it (1 while
// it holds, 0 when it fails). A hold is noted, so an author who meant "reach" sees it.
import { opSymbol, thresholdReading } from '../grading.ts';
import type { Origin } from '../model.ts';
import type { ValidationContext } from './context.ts';

interface Threshold {
  operator: string;
  target: number;
  baseline?: number;
  unit?: string;
}

export function checkThresholds(ctx: ValidationContext): void {
  for (const o of ctx.m.objectives)
    for (const kr of o.keyResults) {
      if (kr.kind === 'threshold') note(ctx, kr.origin, [], kr);
      if (kr.kind === 'compound') kr.parts.forEach((p, i) => p.kind === 'threshold' && note(ctx, kr.origin, ['parts', i], p));
    }
}

function note(ctx: ValidationContext, o: Origin, rel: (string | number)[], t: Threshold): void {
  if (thresholdReading(t) !== 'hold') return;
  const cond = `${opSymbol(t.operator)} ${t.target}`;
  ctx.at(
    o,
    [...rel, 'baseline'],
    `threshold read as "hold": the baseline ${t.baseline} already meets ${cond}, so it grades 1 while the reading stays ${cond} and 0 when it does not`,
    `to grade progress toward ${cond} instead ("reach"), the baseline must not meet it yet`,
    'note',
  );
}
