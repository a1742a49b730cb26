// Search records for things that have no page of their own: key results (on their objective's
// page) and KPIs (in the catalogue). Pages carry their own filters in data-pagefind-* attributes.
import { formatGrade } from './format.ts';
import { statusLabels } from './grading.ts';
import type { ComputedHandbook } from './handbook.ts';
import { plainTitle } from './present.ts';

export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface SearchUrls {
  kr: (uid: string) => string;
  kpi: (id: string) => string;
}

/** Pagefind filter/meta values may not contain commas or colons in the attribute syntax. */
export const filterValue = (s: string) => s.replace(/[,:]/g, ' ').replace(/\s+/g, ' ').trim();

export function searchRecords(h: ComputedHandbook, urls: SearchUrls): SearchRecord[] {
  const labels = statusLabels(h.model.org.grading.bands);
  const redactions = new Map(h.model.org.redactions.map((r) => [r.id, r.label]));
  const teams = new Map(h.model.teams.map((t) => [t.id, t.name]));
  const people = new Map(h.model.people.map((p) => [p.id, p.name]));
  const archived = new Set(h.periods.filter((p) => p.end < h.today).map((p) => p.id));
  const records: SearchRecord[] = [];
  for (const o of h.objectives)
    for (const k of o.keyResults) {
      const title = plainTitle(k.title, redactions);
      const owner = people.get(k.owner ?? o.owner ?? '');
      records.push({
        url: urls.kr(k.uid),
        content: [title, k.description, k.measurement, k.note, `Objective: ${plainTitle(o.title, redactions)}`].filter(Boolean).join('. '),
        meta: {
          title: `${title} (${k.id.toUpperCase()})`,
          grade: formatGrade(k.grade.value),
          status: k.status ? labels[k.status] : 'Ungraded',
          kind: 'Key result',
          period: o.period,
          ...(archived.has(o.period) ? { archived: 'yes' } : {}),
        },
        filters: {
          kind: ['Key result'],
          period: [o.period],
          team: [teams.get(o.team) ?? o.team],
          status: [k.status ? labels[k.status] : 'Ungraded'],
          ...(owner ? { owner: [owner] } : {}),
        },
      });
    }
  for (const g of h.model.kpiGroups)
    for (const k of g.kpis)
      records.push({
        url: urls.kpi(k.id),
        content: [k.name, k.metric, k.target, k.measurement, k.frequency, g.name].filter(Boolean).join('. '),
        meta: { title: `KPI: ${k.name}`, kind: 'KPI', target: k.target },
        filters: { kind: ['KPI'] },
      });
  return records.map((r) => ({
    ...r,
    filters: Object.fromEntries(Object.entries(r.filters).map(([key, v]) => [key, v.map(filterValue)])),
  }));
}
