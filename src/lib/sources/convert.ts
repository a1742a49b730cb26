// From the number a source gave to the key result's unit: scale, round, and refuse a value whose
// size says it is in another unit (dollars for $M, a fraction for a percentage). Pure.
import type { Source } from '../schema/index.ts';

/** How far a value may stray from the key result's own numbers before it is taken for another unit. */
const SCALE_FACTOR = 100;

/** The numbers a key result is written in (baseline, start, target), for the unit-scale check. */
export interface KrScale {
  kind: 'metric' | 'count' | 'threshold';
  unit?: string;
  baseline?: number;
  start?: number;
  target: number;
}

export type Converted = { ok: true; value: number } | { ok: false; message: string; hint: string };

/** A number as a reader checks it: up to 6 significant digits. */
const formatNumber = (n: number) => String(Number(n.toPrecision(6)));

/** Multiplication leaves binary noise (14500000 × 0.000001 = 14.499999999999998): keep 15 significant digits. */
const tidy = (n: number) => Number(n.toPrecision(15));

export function convert(raw: number, def: Pick<Source, 'scale' | 'round' | 'range'>, kr: KrScale): Converted {
  let value = def.scale === undefined ? raw : tidy(raw * def.scale);
  if (def.round !== undefined) value = Number(value.toFixed(def.round));
  if (Object.is(value, -0)) value = 0;
  const unit = kr.unit ? ` ${kr.unit}` : '';
  const read = def.scale === undefined ? '' : ` (read ${formatNumber(raw)} × scale ${def.scale})`;
  const { range } = def;
  if (range) {
    if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max))
      return {
        ok: false,
        message: `value ${formatNumber(value)}${unit}${read} is outside the source's range ${range.min ?? '−∞'} – ${range.max ?? '∞'}: is it in another unit scale?`,
        hint: 'check the scale (e.g. 0.000001 for dollars → $M, 100 for a fraction → %), or widen range if the value is right',
      };
    return { ok: true, value };
  }
  // Without a stated range, compare the value's size with the key result's own numbers.
  const reference = Math.max(...[kr.baseline, kr.start, kr.target].filter((n): n is number => n !== undefined).map(Math.abs));
  if (reference === 0 || value === 0) return { ok: true, value };
  const ratio = Math.abs(value) / reference;
  // A count starts small ("close 15 deals": 1 is fine); only a too-large count is suspect.
  const tooSmall = kr.kind !== 'count' && ratio < 1 / SCALE_FACTOR;
  if (ratio >= SCALE_FACTOR || tooSmall)
    return {
      ok: false,
      message: `value ${formatNumber(value)}${unit}${read} is ${ratio >= 1 ? `${formatNumber(Math.round(ratio))} times` : `1/${formatNumber(Math.round(1 / ratio))} of`} the key result's largest figure (${formatNumber(reference)}${unit}): is it in another unit scale?`,
      hint: `set scale to put it in ${kr.unit ? `'${kr.unit}'` : "the key result's unit"} (e.g. 0.000001 for dollars → $M, 100 for a fraction → %), or state the plausible values with range: { min, max }`,
    };
  return { ok: true, value };
}
