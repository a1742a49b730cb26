// Scale slips: a reading two orders of magnitude off both its baseline and its target (a unit typed
// wrong: seconds for milliseconds, $M for $), and a percentage written as a fraction (0.5 for 50%).
// Warnings: the number may be right, but then it says so in a note.
import type { KrModel, Origin } from '../model.ts';
import type { ValidationContext } from './context.ts';

/** How far off, as a factor, a reading may be from both baseline and target before it is called a slip. */
export const SCALE_FACTOR = 100;

interface Scaled {
  unit?: string;
  baseline?: number;
  target: number;
}

export function checkScale(ctx: ValidationContext): void {
  for (const o of ctx.m.objectives)
    for (const kr of o.keyResults) {
      if (kr.kind === 'metric' || kr.kind === 'count' || kr.kind === 'threshold')
        for (const r of kr.readings)
          if (typeof r.value === 'number') check(ctx, kr.origin, [...r.path, ...(r.checkin ? ['value'] : [])], kr, r.value);
      if (kr.kind === 'compound')
        kr.parts.forEach((p, i) => {
          if (p.kind === 'milestone') return;
          if (typeof p.current === 'number') check(ctx, kr.origin, ['parts', i, 'current'], p, p.current);
          partReadings(kr, p.id).forEach(([path, v]) => check(ctx, kr.origin, path, p, v));
        });
    }
}

function partReadings(kr: KrModel, id: string): [(string | number)[], number][] {
  return kr.checkins.flatMap((c, i) => {
    const v = c.parts?.[id];
    return typeof v === 'number' ? [[['checkins', i, 'parts', id], v] as [(string | number)[], number]] : [];
  });
}

/** `value` is off by SCALE_FACTOR or more from every non-zero reference. */
function offScale(value: number, refs: number[]): 'above' | 'below' | undefined {
  const scales = refs.filter((x) => x !== 0).map(Math.abs);
  if (value === 0 || scales.length === 0) return undefined;
  const v = Math.abs(value);
  if (scales.every((s) => v >= s * SCALE_FACTOR)) return 'above';
  if (scales.every((s) => v * SCALE_FACTOR <= s)) return 'below';
  return undefined;
}

function check(ctx: ValidationContext, o: Origin, path: (string | number)[], m: Scaled, value: number): void {
  const refs = [m.target, ...(m.baseline === undefined ? [] : [m.baseline])];
  const words = `${m.baseline === undefined ? '' : `baseline ${m.baseline} and `}target ${m.target}`;
  // Against the target only: "reduce errors from 2.5% to < 1%" reads 0.8 as the 0.8% it is.
  if (m.unit?.trim().startsWith('%') && value > 0 && value <= 1 && m.target > 1) {
    ctx.at(
      o,
      path,
      `${value} reads as ${value}% against ${words} (in %): a fraction written for a percentage?`,
      `write ${Math.round(value * 10000) / 100} for ${Math.round(value * 10000) / 100}%`,
      'warning',
    );
    return;
  }
  const off = offScale(value, refs);
  if (off)
    ctx.at(
      o,
      path,
      `${value} is ${SCALE_FACTOR}× or more ${off} both ${words}${m.unit ? ` (${m.unit})` : ''}: a unit slip?`,
      'check the unit the reading was taken in',
      'warning',
    );
}
