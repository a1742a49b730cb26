// org.yaml: grading bands in increasing order from 0, and a current period that exists.
import type { ValidationContext } from './context.ts';

export function checkOrg(ctx: ValidationContext): void {
  const { m } = ctx;
  const origin = m.orgOrigin;
  if (!origin) return;
  const bands = m.org.grading.bands;
  bands.forEach((band, index) => {
    if (index === 0 && band.min !== 0)
      ctx.at(origin, ['grading', 'bands', 0, 'min'], 'the first grading band must start at 0', 'set min: 0');
    const previous = bands[index - 1];
    if (previous && band.min <= previous.min)
      ctx.at(
        origin,
        ['grading', 'bands', index, 'min'],
        'grading bands must be listed in increasing order of min',
        'sort the bands from lowest to highest',
      );
  });
  if (m.org.currentPeriod) ctx.ref(origin, ['currentPeriod'], m.org.currentPeriod, ctx.periods, 'period', 'periods/');
}
