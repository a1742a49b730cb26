// The periods of the handbook being assembled: each document's own (or --period instead), the ones
// its sections name, merged across documents; every objective given its period; and the period
// records written — only for periods that hold something.
import { emptyPeriod } from '../records.ts';
import type { DocRecords, ImportOptions, ObjectiveDraft, PeriodDraft, Report } from '../types.ts';
import { findPeriods } from '../values.ts';
import { ImportError } from './options.ts';
import { pushAll } from '../../errors.ts';

export type Period = PeriodDraft & { docs: Set<string> };

export interface Periods {
  all: Map<string, Period>;
  /** Each document's own period (after --period). */
  ofDoc: Map<DocRecords, string | undefined>;
}

/** Every period the documents name, with --period replacing a document's own. */
export function collectPeriods(docs: readonly DocRecords[], opts: ImportOptions, report: Report): Periods {
  const all = new Map<string, Period>();
  const ofDoc = new Map<DocRecords, string | undefined>();
  for (const d of docs) {
    ofDoc.set(d, opts.period && d.period !== opts.period ? overridePeriod(d, opts.period, report) : d.period);
    for (const p of d.periods.values()) {
      const have = all.get(p.id);
      if (!have) all.set(p.id, { ...p, docs: new Set([d.file]) });
      else {
        have.docs.add(d.file);
        mergePeriod(have, p);
      }
    }
  }
  return { all, ofDoc };
}

/** --period instead of the document's own period: its record and its objectives move to the new id. */
function overridePeriod(d: DocRecords, period: string, report: Report): string {
  const own = d.period;
  if (!own) {
    if (d.objectives.some((o) => !o.period))
      report({ kind: 'guess', file: d.file, line: 0, message: `the document names no period: ${period} assumed (--period)` });
    return period;
  }
  report({
    kind: 'note',
    ...(d.periodWhere ?? { file: d.file, line: 0 }),
    message: `period ${period} from --period instead of ${own} (the document's)`,
  });
  const draft = d.periods.get(own);
  if (draft) {
    d.periods.delete(own);
    const shape = findPeriods(period, { years: true })[0];
    const { start: _s, end: _e, datesWhere: _w, ...rest } = draft;
    d.periods.set(period, { ...rest, id: period, kind: shape?.kind ?? draft.kind, fiscal: period.startsWith('FY'), name: period });
  }
  for (const o of d.objectives) if (o.period === own) o.period = period;
  return period;
}

/** Every objective's period: its section's, else its document's; a period not yet known is added. */
export function assignPeriods(docs: readonly DocRecords[], periods: Periods): void {
  for (const d of docs) for (const o of d.objectives) o.period = periodOf(d, o, periods);
}

function periodOf(d: DocRecords, o: ObjectiveDraft, periods: Periods): string {
  const id = o.period ?? periods.ofDoc.get(d);
  if (!id)
    throw new ImportError(
      `${d.file}:${o.where.line}: no period for objective "${o.title}" — the document names none (title, "Planning Period", a "Q1 2025" heading); pass --period ID`,
    );
  if (!periods.all.has(id)) {
    const shape = findPeriods(id, { years: true })[0];
    const kind = shape?.kind ?? (id.includes('-Q') ? 'quarter' : 'year');
    periods.all.set(id, { ...emptyPeriod({ id, kind, fiscal: id.startsWith('FY') }), docs: new Set([d.file]) });
  }
  return id;
}

function mergePeriod(into: PeriodDraft, p: PeriodDraft) {
  const fields = [
    'name',
    'start',
    'end',
    'datesWhere',
    'theme',
    'summary',
    'checkinCadence',
    'checkinDay',
    'midReview',
    'gradingDate',
    'approvers',
    'classification',
    'source',
  ] as const;
  for (const k of fields) if (into[k] === undefined && p[k] !== undefined) (into as unknown as Record<string, unknown>)[k] = p[k];
  pushAll(
    into.checkins,
    p.checkins.filter((c) => !into.checkins.some((x) => x.date === c.date && x.type === c.type)),
  );
  pushAll(into.risks, p.risks);
  pushAll(into.dependencies, p.dependencies);
  into.receiptsRequired.push(...p.receiptsRequired.filter((r) => !into.receiptsRequired.includes(r)));
  pushAll(into.changeLog, p.changeLog);
}

export function sorted<T extends { id: string }>(it: Iterable<T>): T[] {
  return [...it].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
