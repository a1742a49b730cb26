// KPIs name owners that exist; decision receipts name periods that exist.
import type { ValidationContext } from './context.ts';

export function checkKpisAndReceipts(ctx: ValidationContext): void {
  for (const g of ctx.m.kpiGroups)
    g.kpis.forEach((k, index) => ctx.ref(g.origin, ['kpis', index, 'owner'], k.owner, ctx.people, 'person', 'people.yaml'));
  for (const r of ctx.m.receipts) ctx.ref(r.origin, ['period'], r.period, ctx.periods, 'period', 'periods/');
}
