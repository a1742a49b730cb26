// Search records for things that have no page of their own: KPIs (rows of the catalogue). Pages
// carry their own filters in data-pagefind-* attributes; key results are sections of their
// objective's page (a sub-result each, see src/components/KrTable.astro), not records.
import type { ComputedHandbook } from './handbook.ts';

export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface SearchUrls {
  kpi: (id: string) => string;
}

/** Pagefind filter/meta values may not contain commas or colons in the attribute syntax. */
export const filterValue = (s: string) => s.replace(/[,:]/g, ' ').replace(/\s+/g, ' ').trim();

export function searchRecords(h: ComputedHandbook, urls: SearchUrls): SearchRecord[] {
  const records: SearchRecord[] = [];
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
