// The handbook's fiscal calendar: fiscal ("FY22-Q1") or calendar naming, and the month the year
// starts in, derived from the first period whose stated dates fit a calendar; dates that do not
// fit it are dropped (and reported), as are review dates outside their period.
import { parsePeriodId, periodDates } from '../../calendar.ts';
import type { DocRecords, Report } from '../types.ts';
import { ImportError } from './options.ts';
import { sorted, type Period } from './periods.ts';

export interface FiscalYear {
  startMonth: number;
  naming: 'fiscal' | 'calendar';
}

export function fiscalCalendar(periods: Map<string, Period>, docs: readonly DocRecords[], report: Report): FiscalYear {
  const fiscalIds = [...periods.keys()].filter((id) => id.startsWith('FY'));
  const calendarIds = [...periods.keys()].filter((id) => !id.startsWith('FY'));
  if (fiscalIds.length && calendarIds.length)
    throw new ImportError(
      `the documents use both fiscal (${fiscalIds[0]}) and calendar (${calendarIds[0]}) period names; one handbook has one fiscal calendar — import them into separate --out directories`,
    );
  const naming = fiscalIds.length ? 'fiscal' : 'calendar';
  const startMonth = statedStart(periods, naming, report);
  if (startMonth !== undefined) return { startMonth, naming };
  if (naming === 'fiscal')
    report({
      kind: 'guess',
      file: docs[0]?.file ?? '',
      line: 0,
      message: `no period states its dates: fiscal year assumed to start in January`,
    });
  return { startMonth: 1, naming };
}

/** The first month of the year, from the first period (by id) whose stated dates fit a calendar. */
function statedStart(periods: Map<string, Period>, naming: FiscalYear['naming'], report: Report): number | undefined {
  for (const p of sorted(periods.values())) {
    if (!p.start || !p.end) continue;
    const shape = parsePeriodId(p.id, naming);
    if (!shape) continue;
    const m = Number(p.start.slice(5, 7));
    const derived = ((((m - 1 - (shape.quarter ? 3 * (shape.quarter - 1) : 0)) % 12) + 12) % 12) + 1;
    const check = periodDates(shape, { startMonth: derived, naming });
    if (check.start !== p.start || check.end !== p.end) continue;
    if (derived !== 1 || naming === 'fiscal')
      report({
        kind: 'note',
        ...(p.datesWhere ?? { file: [...p.docs][0]!, line: 0 }),
        message: `fiscal year starts in month ${derived}: ${p.id} runs ${p.start} – ${p.end}`,
      });
    return derived;
  }
  return undefined;
}

/** Stated dates that do not fit the calendar are dropped for the calendar's; review dates outside the period are dropped. */
export function fitDates(periods: Map<string, Period>, fiscalYear: FiscalYear, report: Report): void {
  for (const p of periods.values()) {
    const shape = parsePeriodId(p.id, fiscalYear.naming);
    if (!shape) continue;
    const d = periodDates(shape, fiscalYear);
    if ((p.start && p.start !== d.start) || (p.end && p.end !== d.end)) {
      report({
        kind: 'unmapped',
        ...(p.datesWhere ?? { file: [...p.docs][0]!, line: 0 }),
        message: `${p.id} dates ${p.start} – ${p.end} do not fit the fiscal calendar (${d.start} – ${d.end}); the calendar's dates are used`,
      });
      delete p.start;
      delete p.end;
    }
    for (const f of ['midReview', 'gradingDate'] as const) {
      const v = p[f];
      if (!v || (v >= d.start && !(f === 'midReview' && v > d.end))) continue;
      report({
        kind: 'unmapped',
        file: [...p.docs][0]!,
        line: 0,
        message: `${p.id} ${f} ${v} lies outside the period (${d.start} – ${d.end}); not kept`,
      });
      delete p[f];
    }
  }
}
