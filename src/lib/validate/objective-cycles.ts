// Objectives' parent links never loop (reported once, on each objective of the loop).
import type { ValidationContext } from './context.ts';

export function checkObjectiveCycles(ctx: ValidationContext): void {
  const { objectives } = ctx;
  for (const o of ctx.m.objectives) {
    const chain = [o.id];
    for (let p = o.parent; p && objectives.has(p); p = objectives.get(p)?.parent) {
      if (chain.includes(p)) {
        if (p === o.id)
          ctx.at(
            o.origin,
            ['parent'],
            `parent links form a cycle: ${[...chain, p].join(' → ')}`,
            'one objective in the loop must ladder up elsewhere',
          );
        break;
      }
      chain.push(p);
    }
  }
}
