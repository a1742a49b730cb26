import { z } from 'astro/zod';
import { classification, id, text } from './common.ts';

/** A KPI: an ongoing health metric (not a goal). Key results link to KPIs with `kpi:`. */
export const kpi = z.strictObject({
  id,
  name: text,
  /** Sub-group inside the catalogue group (a KPI catalogue's second level, e.g. "customer_trust_safety"). */
  category: text.optional(),
  metric: text,
  target: text,
  measurement: text.optional(),
  frequency: text.optional(),
  owner: id.optional(),
  classification: classification.optional(),
});

/** content/kpis/<group>.yaml — one group of the KPI catalogue. */
export const kpiGroupFile = z.strictObject({
  id,
  name: text,
  /** The catalogue section the group belongs to ("Business Priority KPIs"). */
  section: text.optional(),
  order: z.number().int().optional(),
  description: text.optional(),
  kpis: z.array(kpi).min(1),
});

export type Kpi = z.infer<typeof kpi>;
export type KpiGroupFile = z.infer<typeof kpiGroupFile>;
