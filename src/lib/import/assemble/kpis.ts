// The KPI catalogue: one group per KPI mapping the documents hold, ids from their keys.
import { slug, uniqueIds } from '../ids.ts';
import { humanise } from '../names.ts';
import type { DocRecords, KpiDraft, Report } from '../types.ts';
import { addPerson, type Registry } from './registry.ts';

type Rec = Record<string, unknown>;

export function kpiCatalogue(docs: readonly DocRecords[], reg: Registry, report: Report): { groups: Rec[]; count: number } {
  const groupIds = uniqueIds();
  const kpiIds = uniqueIds();
  const groups: Rec[] = [];
  let count = 0;
  for (const d of docs)
    for (const g of d.kpiGroups) {
      if (!g.kpis.length) {
        report({ kind: 'unmapped', ...g.where, message: `KPI group "${g.key}" has no KPIs` });
        continue;
      }
      const id = groupIds(slug(g.key.replace(/[_\s-]*(?:kpis?|metrics|indicators)$/i, '').replace(/_/g, ' '), 8, 60) || 'kpis');
      const kpis = g.kpis.map((k) => kpiRecord(k, kpiIds, reg));
      count += kpis.length;
      groups.push({ id, name: g.name, ...(g.section ? { section: g.section } : {}), order: groups.length + 1, kpis });
    }
  return { groups, count };
}

function kpiRecord(k: KpiDraft, ids: (base: string) => string, reg: Registry): Rec {
  const id = ids(
    [k.category, k.key]
      .filter(Boolean)
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, ''),
  );
  return {
    id,
    name: k.name,
    ...(k.category ? { category: humanise(k.category, true) } : {}),
    metric: k.metric,
    target: k.target || '(none stated)',
    ...(k.measurement ? { measurement: k.measurement } : {}),
    ...(k.frequency ? { frequency: k.frequency } : {}),
    ...(k.owner ? { owner: addPerson(reg, { name: k.owner }).id } : {}),
  };
}
