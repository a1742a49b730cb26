// Every id is unique within its kind (key results within their objective).
import type { Origin } from '../model.ts';
import { positionOf } from '../source/yaml-source.ts';
import type { ValidationContext } from './context.ts';

export function checkDuplicateIds(ctx: ValidationContext): void {
  const { m } = ctx;
  const dupes = <T extends { id: string; origin: Origin }>(items: T[], what: string) => {
    const seen = new Map<string, T>();
    for (const it of items) {
      const first = seen.get(it.id);
      if (first)
        ctx.at(
          it.origin,
          ['id'],
          `duplicate ${what} id '${it.id}'`,
          `also defined at ${first.origin.src.file}:${positionOf(first.origin.src, [...first.origin.path, 'id']).line}; ids must be unique`,
        );
      else seen.set(it.id, it);
    }
  };
  dupes(m.teams, 'team');
  dupes(m.people, 'person');
  dupes(m.periods, 'period');
  dupes(m.objectives, 'objective');
  dupes(m.kpiGroups, 'KPI group');
  dupes(
    m.kpiGroups.flatMap((g) => g.kpis),
    'KPI',
  );
  dupes(m.receipts, 'decision receipt');
  for (const o of m.objectives) dupes(o.keyResults, `key result (in objective '${o.id}')`);
}
