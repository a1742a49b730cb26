// The annual plan as data: its quarters, pillars (big bets) and stage gates with the objectives of the
// year that name them.
import type { ComputedObjective } from '../handbook.ts';
import type { PeriodModel } from '../model.ts';
import type { SiteIndex } from '../site-index.ts';
import { SCOPE_LABEL } from '../receipts/trust.ts';
import type { Urls } from '../urls.ts';
import { gradeOf } from './lists.ts';
import type { TableView } from './table.ts';

export interface PlanView {
  year: PeriodModel;
  quarters: { period: PeriodModel; objectives: ComputedObjective[] }[];
  pillars: TableView | undefined;
  /** "3 of 12 objectives of 2027 name no pillar." */
  unassigned: string | undefined;
  gates: { name: string; description?: string; objectives: ComputedObjective[] }[];
  /** Said once instead of under every gate, when no objective of the year names a gate. */
  noGates: string | undefined;
  /** The decisions that need a receipt, as the trust center names them ("KPI tree", "OKRs"). */
  receiptsRequired: string[];
}

export function planView(s: SiteIndex, url: Urls, yearId: string): PlanView {
  const year = s.period.get(yearId)!;
  const org = s.h.model.org;
  const inYear = s.h.objectives.filter((o) => o.period === year.id || s.period.get(o.period)?.year === year.id);
  const onPillar = (id: string) => inYear.filter((o) => o.pillar === id);
  const unassigned = inYear.filter((o) => !o.pillar).length;
  const gates = org.stageGates.map((g) => ({
    name: g.name,
    description: g.description,
    objectives: inYear.filter((o) => o.stageGate === g.id),
  }));
  return {
    year,
    quarters: (s.quarters.get(year.id) ?? []).map((q) => ({ period: q, objectives: s.objectivesByPeriod.get(q.id) ?? [] })),
    pillars: org.pillars.length
      ? {
          columns: [{ label: 'Pillar' }, { label: 'Objectives' }],
          rows: org.pillars.map((pl) => ({
            cells: [
              pl.description ? { lines: [pl.name, { muted: pl.description }] } : pl.name,
              onPillar(pl.id).length
                ? {
                    list: onPillar(pl.id).map((o) => ({
                      inline: [{ text: o.title, href: url.objective(o.id) }, { tag: o.period }, gradeOf(o.rollup)],
                    })),
                  }
                : { muted: 'No objective names this pillar yet' },
            ],
          })),
        }
      : undefined,
    unassigned: unassigned > 0 ? `${unassigned} of ${inYear.length} objectives of ${year.id} name no pillar.` : undefined,
    gates,
    noGates: gates.every((g) => g.objectives.length === 0) ? `No objective of ${year.id} names a stage gate yet.` : undefined,
    receiptsRequired: (year.receiptsRequired ?? org.receiptsRequired).map((scope) => SCOPE_LABEL[scope]),
  };
}
