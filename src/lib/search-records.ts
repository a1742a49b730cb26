// Search records for things that have no page of their own: KPIs (rows of the catalogue). Pages
// carry their own filters in data-pagefind-* attributes; key results are sections of their
// objective's page (a sub-result each, see src/components/KrTable.astro), not records.
import { formatGrade } from './format.ts';
import type { ComputedHandbook, ComputedKr, ComputedObjective } from './handbook.ts';

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

/** The status filter's word for a key result whose check-in is overdue (beside its status word). */
export const STALE_FILTER = 'Stale';

/** What a key result's status says to the search filter: its status word, and "Stale" when overdue. */
const krStatusWords = (k: ComputedKr) => [k.status.word, ...(k.status.stale ? [STALE_FILTER] : [])];

/**
 * The status filter values of an objective's page: its own status word and each of its key results'
 * (with "Stale" when one is overdue) — the one vocabulary, so a filter for a key result's status
 * finds the page that holds it.
 */
export const objectiveStatusFilter = (o: ComputedObjective): string[] => [
  ...new Set([o.status.word, ...o.keyResults.flatMap(krStatusWords)]),
];

/**
 * Each key result's grade and status for its search result, as meta of its objective's page (a key
 * result is a section of that page): key `kr-<id>`, value "grade|status word|Stale" (empty parts
 * left empty) that the search page shows and filters by.
 */
export const krSearchMeta = (o: ComputedObjective): [string, string][] =>
  o.keyResults.map((k) => [`kr-${k.id}`, [k.grade.value === null ? '' : formatGrade(k.grade.value), ...krStatusWords(k)].join('|')]);
