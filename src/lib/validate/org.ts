// org.yaml: grading bands in increasing order from 0, labelled apart from the status model's own
// words, and a current period that exists.
import { MODEL_WORDS } from '../status.ts';
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
    // A final band's label and a pace word must not be the same word with two meanings.
    const same = MODEL_WORDS.find((w) => w.toLowerCase() === band.label.trim().toLowerCase());
    if (same)
      ctx.at(
        origin,
        ['grading', 'bands', index, 'label'],
        `the band label "${band.label}" is also one of the status model's words ("${same}"), which means something else`,
        `choose another label for a final grade from ${band.min}, e.g. "${band.status === 'red' ? 'Missed' : band.status === 'yellow' ? 'Partly met' : 'Met'}" (docs/grading.md: one vocabulary)`,
        'warning',
      );
  });
  if (m.org.currentPeriod) ctx.ref(origin, ['currentPeriod'], m.org.currentPeriod, ctx.periods, 'period', 'periods/');
}
