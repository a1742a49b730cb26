// The period records written: only periods that hold something (a quarter named in a heading over
// links to a spreadsheet is not a quarter that happened), each with its source documents.
import type { DocRecords, PeriodDraft, Report } from '../types.ts';
import type { Built } from './objectives.ts';
import { sorted, type Period } from './periods.ts';
import { addPerson, type Registry } from './registry.ts';

type Rec = Record<string, unknown>;

/** A path's file name. */
export const base = (file: string) => file.split(/[\\/]/).pop() ?? file;

export function periodRecords(
  periods: Map<string, Period>,
  built: readonly Built[],
  docs: readonly DocRecords[],
  reg: Registry,
  report: Report,
): Rec[] {
  // A period named in a heading but holding nothing (no objectives, no theme, no schedule) is not a
  // quarter that happened: it is not written, so the site never shows it as an archived period.
  const holds = (p: PeriodDraft) =>
    built.some((b) => b.period === p.id) ||
    Boolean(p.theme || p.summary || p.midReview || p.gradingDate || p.approvers?.length) ||
    p.checkins.length + p.risks.length + p.dependencies.length + p.receiptsRequired.length + p.changeLog.length > 0;
  for (const p of periods.values())
    if (!holds(p))
      report({
        kind: 'note',
        ...(p.datesWhere ?? { file: [...p.docs][0]!, line: 0 }),
        message: `period ${p.id} is named but holds no objectives: not written`,
      });
  return sorted([...periods.values()].filter(holds)).map((p) => periodRecord(p, docs, reg));
}

function periodRecord(p: Period, docs: readonly DocRecords[], reg: Registry): Rec {
  const ds = docs.filter((d) => p.docs.has(d.file));
  const classification = ds.map((d) => d.classification).find(Boolean);
  const risks = p.risks.map((r) => ({ ...r, ...(r.owner ? { owner: addPerson(reg, { name: r.owner }).id } : {}) }));
  const source = ds
    .map((d) => `${base(d.file)}${d.title ? `: ${d.title}` : ''}${d.sourceNotes.length ? ` (${d.sourceNotes.join('; ')})` : ''}`)
    .join(' · ');
  return {
    id: p.id,
    kind: p.kind,
    ...(p.name ? { name: p.name } : {}),
    ...(p.start ? { start: p.start } : {}),
    ...(p.end ? { end: p.end } : {}),
    ...(p.theme ? { theme: p.theme } : {}),
    ...(p.summary ? { summary: p.summary } : {}),
    ...(p.checkinCadence ? { checkinCadence: p.checkinCadence } : {}),
    ...(p.checkinDay ? { checkinDay: p.checkinDay } : {}),
    ...(p.checkins.length ? { checkins: [...p.checkins].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) } : {}),
    ...(p.midReview ? { midReview: p.midReview } : {}),
    ...(p.gradingDate ? { gradingDate: p.gradingDate } : {}),
    ...(p.approvers?.length ? { approvers: p.approvers } : {}),
    ...(classification ? { classification } : {}),
    ...(risks.length ? { risks } : {}),
    ...(p.dependencies.length ? { dependencies: p.dependencies } : {}),
    ...(p.receiptsRequired.length ? { receiptsRequired: p.receiptsRequired } : {}),
    ...(p.changeLog.length ? { changeLog: p.changeLog } : {}),
    ...(source ? { source: `Imported from ${source}` } : {}),
  };
}
