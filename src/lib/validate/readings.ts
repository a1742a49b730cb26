// Readings against their key result and period: a reading dated outside its period is warned about
// (one too late does not grade it: see ../readings.ts for the grace), and check-ins carry what the
// key result's kind grades — a compound's parts by id, a judgement grade only where judgement grades.
import { didYouMean } from '../errors.ts';
import type { ContentIssue } from '../errors.ts';
import type { HandbookModel, KrModel, PeriodModel } from '../model.ts';
import { issueAt } from '../source/yaml-source.ts';
import { GRACE_DAYS, gradingCutoff, judgementOf, placeOf, type Reading } from '../readings.ts';
import type { Path, ValidationContext } from './context.ts';

export function checkReadings(ctx: ValidationContext): void {
  for (const o of ctx.m.objectives) {
    const period = ctx.periodById.get(o.period);
    for (const kr of o.keyResults) {
      if (period) {
        kr.readings.forEach((r) => checkPlace(ctx, kr, r.checkin ? [...r.path, 'date'] : ['asOf'], r.date, what(r), period));
        // A judgement's own date (a manual grade's `asOf`) is placed like a reading when no value carries it.
        const judged = judgementOf(kr)?.date;
        if (judged !== undefined && !kr.readings.some((r) => !r.checkin))
          checkPlace(ctx, kr, ['asOf'], judged, `the judgement as of ${judged}`, period);
      }
      checkShape(ctx, kr);
    }
  }
}

/**
 * Readings dated after today (the build's date): not taken yet, so they grade nothing and keep no
 * check-in fresh until that day. Depends on the date, so the handbook's computation reports it, not
 * the content rules.
 */
export function futureReadings(m: HandbookModel, today: string): ContentIssue[] {
  const out: ContentIssue[] = [];
  for (const o of m.objectives)
    for (const kr of o.keyResults)
      for (const r of kr.readings)
        if (r.date !== undefined && r.date > today)
          out.push(
            issueAt(
              kr.origin.src,
              [...kr.origin.path, ...(r.checkin ? [...r.path, 'date'] : ['asOf'])],
              `${what(r)} is dated after today (${today}): it grades nothing until then`,
              'fix the date, or record the reading on the day it is measured',
              'warning',
            ),
          );
  return out;
}

const what = (r: Reading) => (r.checkin ? `check-in ${r.date}` : `'current' as of ${r.date}`);

function checkPlace(ctx: ValidationContext, kr: KrModel, field: Path, date: string | undefined, said: string, period: PeriodModel): void {
  const place = placeOf(date, period);
  const name = period.name ?? period.id;
  if (place === 'before')
    ctx.at(
      kr.origin,
      field,
      `${said} is before ${name} starts (${period.start})`,
      'check the date: a reading from before the period is still graded as this key result’s latest',
      'warning',
    );
  else if (place === 'after')
    ctx.at(
      kr.origin,
      field,
      `${said} is after ${name} ended (${period.end}) and its grading cutoff (${gradingCutoff(period)}): it does not grade ${name}`,
      `readings count up to ${GRACE_DAYS} days after the end (or the grading date); record it on the next period's key result, or fix the date`,
      'warning',
    );
}

const JUDGED = new Set(['manual', 'milestone']);

function checkShape(ctx: ValidationContext, kr: KrModel): void {
  const o = kr.origin;
  const partIds = kr.kind === 'compound' ? kr.parts.map((p) => p.id) : [];
  kr.checkins.forEach((c, i) => {
    const at = ['checkins', i];
    if (c.grade !== undefined && !JUDGED.has(kr.kind))
      ctx.at(
        o,
        [...at, 'grade'],
        `a ${kr.kind} key result is graded from its values, not a judgement grade`,
        "drop 'grade:' (a judgement grade is for manual and milestone key results)",
      );
    if (kr.kind !== 'compound') {
      if (c.parts) ctx.at(o, [...at, 'parts'], `only a compound key result's check-ins have 'parts'`, "give the value as 'value:'");
      return;
    }
    if (c.value !== undefined)
      ctx.at(
        o,
        [...at, 'value'],
        `a compound key result's check-in gives each part's value under 'parts', not one 'value' (it would grade nothing)`,
        `write parts: { ${partIds.map((p) => `${p}: …`).join(', ')} }`,
      );
    for (const [id, v] of Object.entries(c.parts ?? {})) {
      const part = kr.parts.find((p) => p.id === id);
      if (!part) {
        ctx.at(
          o,
          [...at, 'parts', id],
          `part '${id}' not found in this key result`,
          didYouMean(id, partIds) ?? `its parts are ${partIds.join(', ')}`,
        );
        continue;
      }
      if (part.kind !== 'milestone' && typeof v !== 'number')
        ctx.at(
          o,
          [...at, 'parts', id],
          `part '${id}' is a ${part.kind} and needs a number, not "${v}"`,
          `write the number alone; the unit is '${part.unit ?? ''}'`,
        );
    }
  });
  if (kr.kind === 'compound' && kr.checkins.some((c) => c.parts) && kr.parts.some((p) => p.current !== undefined))
    ctx.at(
      o,
      ['parts'],
      "both the parts' 'current' values and check-ins with 'parts' are set",
      "the check-ins carry the parts' values: move the 'current' values into a check-in, or drop them",
    );
}
