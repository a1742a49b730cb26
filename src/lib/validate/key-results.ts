// Key results: references (owner, KPI, approvers, carried-from, redactions), numbers that leave
// progress to measure, a rationale for a milestone's manual grade, and check-ins in date order and
// numeric where the kind needs a number (their dates against the period: ./readings.ts).
import { didYouMean } from '../errors.ts';
import type { KrModel, Origin } from '../model.ts';
import type { ValidationContext, Path } from './context.ts';

export function checkKeyResults(ctx: ValidationContext): void {
  for (const o of ctx.m.objectives) for (const kr of o.keyResults) checkKeyResult(ctx, kr);
}

function checkKeyResult(ctx: ValidationContext, kr: KrModel): void {
  const { people } = ctx;
  const o = kr.origin;
  ctx.ref(o, ['owner'], kr.owner, people, 'person', 'people.yaml');
  ctx.ref(o, ['kpi'], kr.kpi, ctx.kpis, 'KPI', 'kpis/');
  kr.revisions?.forEach((r, index) => ctx.ref(o, ['revisions', index, 'approvedBy'], r.approvedBy, people, 'person', 'people.yaml'));
  if (kr.carriedFrom) checkCarriedFrom(ctx, o, kr.carriedFrom);
  // Redacted values: tokens in the title must name a redaction.
  if (kr.title.includes('{'))
    for (const [, token] of kr.title.matchAll(/\{([a-z0-9-]+)\}/g))
      ctx.ref(o, ['title'], token, ctx.redactions, 'redacted value', 'org.yaml redactions');
  if (kr.kind === 'redacted')
    kr.values?.forEach((v, index) => ctx.ref(o, ['values', index], v, ctx.redactions, 'redacted value', 'org.yaml redactions'));
  if (kr.kind === 'metric') checkMetric(ctx, kr, o, []);
  if (kr.kind === 'compound') kr.parts.forEach((p, index) => p.kind === 'metric' && checkMetric(ctx, p, o, ['parts', index]));
  if (kr.kind === 'milestone' && kr.manualGrade !== undefined && !kr.rationale)
    ctx.at(o, ['manualGrade'], 'a milestone grade needs a rationale', "add 'rationale:' saying why this grade was given");
  if (kr.kind !== 'compound' && kr.checkins.length && kr.readings.some((r) => !r.checkin))
    ctx.at(
      o,
      ['current'],
      "both 'current' and 'checkins' are set",
      "the latest check-in is the current value: move 'current' into a check-in, or drop the check-ins",
    );
  const checkins = kr.checkins;
  const numeric = kr.kind === 'metric' || kr.kind === 'count' || kr.kind === 'threshold';
  checkins.forEach((c, index) => {
    const at: Path = ['checkins', index];
    // Checked here first: most check-ins name a known author, and ref() would build a path for each.
    if (c.author !== undefined && !people.has(c.author)) ctx.ref(o, [...at, 'author'], c.author, people, 'person', 'people.yaml');
    const previous = checkins[index - 1];
    if (previous && c.date < previous.date)
      ctx.at(
        o,
        [...at, 'date'],
        `check-ins must be in date order (${c.date} comes after ${previous.date})`,
        'list check-ins from oldest to newest',
      );
    if (numeric && c.value !== undefined && typeof c.value !== 'number')
      ctx.at(
        o,
        [...at, 'value'],
        `a ${kr.kind} key result needs a numeric check-in value, not "${c.value}"`,
        `write the number alone; the unit is '${kr.unit ?? ''}'`,
      );
  });
}

/** `carriedFrom` (`<objective-id>.<kr-id>`) names a key result that exists. */
function checkCarriedFrom(ctx: ValidationContext, o: Origin, carriedFrom: string): void {
  const [objId = '', krId = ''] = carriedFrom.split('.');
  const from = ctx.objectives.get(objId);
  if (!from) ctx.ref(o, ['carriedFrom'], objId, ctx.objectives, 'objective', 'okrs/');
  else if (!from.keyResults.some((k) => k.id === krId))
    ctx.at(
      o,
      ['carriedFrom'],
      `key result '${krId}' not found in objective '${objId}'`,
      didYouMean(
        krId,
        from.keyResults.map((k) => k.id),
      ),
    );
}

/** The numbers of a metric (a key result or a compound's part). */
interface MetricNumbers {
  baseline: number;
  start?: number;
  target: number;
  direction?: 'increase' | 'decrease';
}

/** A metric has progress to measure, in the direction it says. */
function checkMetric(ctx: ValidationContext, kr: MetricNumbers, o: Origin, rel: Path): void {
  const start = kr.start ?? kr.baseline;
  if (start === kr.target)
    ctx.at(
      o,
      [...rel, 'target'],
      `target equals the start value (${start}): there is no progress to measure`,
      'use kind: threshold to hold a level, or fix the baseline',
    );
  // Progress runs from the start towards the target; a start past the target from the baseline makes a
  // reading that fell short of the target from the baseline's side grade as exceeded.
  if (kr.start !== undefined && kr.baseline !== kr.target && start !== kr.target && kr.target > kr.baseline !== kr.target > start)
    ctx.at(
      o,
      [...rel, 'start'],
      `start ${start} and baseline ${kr.baseline} are on opposite sides of the target ${kr.target}: progress from the start runs the other way`,
      'start is where progress is measured from: put it on the baseline’s side of the target, or drop it',
    );
  const dir = kr.direction;
  if (dir && start !== kr.target && (dir === 'increase') !== kr.target > start)
    ctx.at(
      o,
      [...rel, 'direction'],
      `direction says ${dir} but the target ${kr.target} is ${kr.target > start ? 'above' : 'below'} the start ${start}`,
      'fix direction or the numbers',
    );
}
