// A KPI catalogue written in YAML: a mapping of KPIs (each with `metric` and `target`), directly or
// by category. Every key that is not a KPI field is reported.
import { isMap, type YAMLMap } from 'yaml';
import { humanise } from '../names.ts';
import type { KpiDraft, KpiGroupDraft, Where } from '../types.ts';
import { isKpi, scalarText, unmappedNode, whereOf, type YamlSource } from './nodes.ts';

export function kpiGroupOf(y: YamlSource, key: string, map: YAMLMap, where: Where): KpiGroupDraft {
  const g: KpiGroupDraft = { where, key, name: humanise(key), ...(y.ctx.section ? { section: y.ctx.section } : {}), kpis: [] };
  const visit = (m: YAMLMap, category: string | undefined) => {
    for (const p of m.items) {
      const k = scalarText(p.key) ?? '';
      const v = p.value;
      if (isMap(v) && isKpi(v)) g.kpis.push(kpiOf(y, k, v, category, whereOf(y, v, p.key)));
      else if (isMap(v) && category === undefined && v.items.some((x) => isMap(x.value) && isKpi(x.value))) visit(v, k);
      else unmappedNode(y, v, `KPI group "${key}": "${category ? `${category}.` : ''}${k}"`, p.key);
    }
  };
  visit(map, undefined);
  return g;
}

const KPI_FIELDS = new Set(['metric', 'target', 'measurement', 'frequency', 'owner', 'name']);

function kpiOf(y: YamlSource, key: string, map: YAMLMap, category: string | undefined, where: Where): KpiDraft {
  const f = (k: string) => scalarText(map.get(k, true));
  for (const p of map.items) {
    const k = scalarText(p.key) ?? '';
    if (!KPI_FIELDS.has(k)) unmappedNode(y, p.value, `KPI "${key}": field "${k}"`, p.key);
  }
  return {
    where,
    key,
    ...(category ? { category } : {}),
    name: f('name') ?? humanise(key, true),
    metric: f('metric') ?? humanise(key, true),
    target: f('target') ?? '',
    ...(f('measurement') ? { measurement: f('measurement') } : {}),
    ...(f('frequency') ? { frequency: f('frequency') } : {}),
    ...(f('owner') ? { owner: f('owner') } : {}),
  };
}
