// Periods follow the org's fiscal calendar (id, kind, start and end), their dates fall inside them,
// and their risks and dependencies name people, teams and objectives that exist.
import { expectedPeriodFormat, parsePeriodId, periodDates } from '../calendar.ts';
import type { ValidationContext } from './context.ts';

export function checkPeriods(ctx: ValidationContext): void {
  const { m } = ctx;
  // Dates are checked against org.yaml's calendar only when org.yaml itself is valid.
  if (!m.orgOrigin) return;
  for (const p of m.periods) {
    const shape = parsePeriodId(p.id, m.org.fiscalYear.naming);
    if (!shape) {
      ctx.at(
        p.origin,
        ['id'],
        `period id '${p.id}' does not follow the org's ${m.org.fiscalYear.naming} naming`,
        `write it as ${expectedPeriodFormat(m.org.fiscalYear.naming)}`,
      );
      continue;
    }
    if (shape.kind !== p.kind)
      ctx.at(p.origin, ['kind'], `period '${p.id}' is a ${shape.kind}, but kind says ${p.kind}`, `set kind: ${shape.kind}`);
    const d = periodDates(shape, m.org.fiscalYear);
    if (p.start !== d.start)
      ctx.at(
        p.origin,
        ['start'],
        `start ${p.start} does not match the fiscal calendar (${p.id} starts ${d.start})`,
        'remove start: to derive it, or fix org.yaml fiscalYear',
      );
    if (p.end !== d.end)
      ctx.at(
        p.origin,
        ['end'],
        `end ${p.end} does not match the fiscal calendar (${p.id} ends ${d.end})`,
        'remove end: to derive it, or fix org.yaml fiscalYear',
      );
    const within = (field: 'midReview' | 'lockDate', v?: string) => {
      if (v && (v < p.start || v > p.end))
        ctx.at(p.origin, [field], `${field} ${v} is outside the period (${p.start} – ${p.end})`, 'use a date inside the period');
    };
    within('midReview', p.midReview);
    within('lockDate', p.lockDate);
    if (p.gradingDate && p.gradingDate < p.start)
      ctx.at(p.origin, ['gradingDate'], `gradingDate ${p.gradingDate} is before the period starts`, 'grading happens at or after the end');
    p.checkins?.forEach((c, index) => {
      if (c.date < p.start || c.date > p.end)
        ctx.at(
          p.origin,
          ['checkins', index, 'date'],
          `scheduled check-in ${c.date} is outside the period (${p.start} – ${p.end})`,
          'use a date inside the period',
          'warning',
        );
    });
    p.risks?.forEach((r, index) => ctx.ref(p.origin, ['risks', index, 'owner'], r.owner, ctx.people, 'person', 'people.yaml'));
    p.dependencies?.forEach((dep, index) => {
      ctx.ref(p.origin, ['dependencies', index, 'team'], dep.team, ctx.teams, 'team', 'teams.yaml');
      ctx.ref(p.origin, ['dependencies', index, 'on'], dep.on, ctx.objectives, 'objective', 'okrs/');
    });
  }
}
