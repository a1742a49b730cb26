// The KPI catalogue as the framework groups it: each group with its tables (one per category) and the
// key results that move each KPI.
import type { SiteIndex } from '../site-index.ts';
import type { Urls } from '../urls.ts';
import { gradeOf } from './lists.ts';
import { NONE, textOr, type TableView } from './table.ts';

export interface KpiGroupView {
  id: string;
  name: string;
  description?: string;
  count: number;
  /** Key results in this group that move one of its KPIs. */
  linked: number;
  tables: TableView[];
}

export interface KpiCatalogue {
  total: number;
  sections: { name: string; groups: KpiGroupView[] }[];
}

export function kpiCatalogue(s: SiteIndex, url: Urls): KpiCatalogue {
  const groups = s.h.model.kpiGroups;
  const view = (g: (typeof groups)[number]): KpiGroupView => {
    const categories = [...new Set(g.kpis.map((k) => k.category ?? ''))];
    return {
      id: g.id,
      name: g.name,
      description: g.description && g.description !== g.name ? g.description : undefined,
      count: g.kpis.length,
      linked: g.kpis.reduce((n, k) => n + (s.krsByKpi.get(k.id)?.length ?? 0), 0),
      tables: categories.map((cat) => ({
        caption: cat || undefined,
        columns: [
          { label: 'KPI' },
          { label: 'Metric' },
          { label: 'Target' },
          { label: 'Measurement' },
          { label: 'Frequency' },
          { label: 'Key results' },
        ],
        rows: g.kpis
          .filter((k) => (k.category ?? '') === cat)
          .map((k) => {
            const krs = s.krsByKpi.get(k.id) ?? [];
            return {
              id: `kpi-${k.id}`,
              cells: [
                k.name,
                k.metric,
                k.target,
                textOr(k.measurement),
                textOr(k.frequency),
                krs.length
                  ? {
                      list: krs.map((kr) => ({
                        inline: [
                          { text: kr.title, href: url.kr(kr.uid) },
                          gradeOf({ grade: kr.grade.value, status: kr.status, derivation: kr.grade.derivation }),
                        ],
                      })),
                    }
                  : NONE,
              ],
            };
          }),
      })),
    };
  };
  const names = [...new Set(groups.map((g) => g.section ?? 'KPIs'))];
  return {
    total: groups.reduce((n, g) => n + g.kpis.length, 0),
    sections: names.map((name) => ({ name, groups: groups.filter((g) => (g.section ?? 'KPIs') === name).map(view) })),
  };
}
