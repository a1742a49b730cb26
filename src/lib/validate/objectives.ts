// Objectives name a period, team, people, pillar, stage gate and objectives that exist; an objective
// is not its own parent, and its dependencies name key results that exist.
import { didYouMean } from '../errors.ts';
import type { ObjectiveModel, Origin } from '../model.ts';
import type { ValidationContext } from './context.ts';

export function checkObjectives(ctx: ValidationContext): void {
  const fileChecked = new Set<string>();
  for (const o of ctx.m.objectives) {
    // Period and team are the file's, so each file's are checked once.
    if (!fileChecked.has(o.origin.src.file)) {
      fileChecked.add(o.origin.src.file);
      const file: Origin = { src: o.origin.src, path: [] };
      ctx.ref(file, ['period'], o.period, ctx.periods, 'period', 'periods/');
      ctx.ref(file, ['team'], o.team, ctx.teams, 'team', 'teams.yaml');
    }
    checkObjective(ctx, o);
  }
}

function checkObjective(ctx: ValidationContext, o: ObjectiveModel): void {
  const { objectives, people, teams } = ctx;
  ctx.ref(o.origin, ['owner'], o.owner, people, 'person', 'people.yaml');
  ctx.ref(o.origin, ['dri'], o.dri, people, 'person', 'people.yaml');
  ctx.ref(o.origin, ['pillar'], o.pillar, ctx.pillars, 'pillar', 'org.yaml pillars');
  ctx.ref(o.origin, ['stageGate'], o.stageGate, ctx.gates, 'stage gate', 'org.yaml stageGates');
  if (o.parent === o.id)
    ctx.at(o.origin, ['parent'], 'an objective cannot be its own parent', 'point parent at the objective this one ladders up to');
  else ctx.ref(o.origin, ['parent'], o.parent, objectives, 'objective', 'okrs/');
  o.contributes?.forEach((c, index) => ctx.ref(o.origin, ['contributes', index], c, objectives, 'objective', 'okrs/'));
  ctx.ref(o.origin, ['carriedFrom'], o.carriedFrom, objectives, 'objective', 'okrs/');
  o.initiatives?.forEach((initiative, index) => {
    ctx.ref(o.origin, ['initiatives', index, 'team'], initiative.team, teams, 'team', 'teams.yaml');
    ctx.ref(o.origin, ['initiatives', index, 'owner'], initiative.owner, people, 'person', 'people.yaml');
  });
  o.risks?.forEach((r, index) => ctx.ref(o.origin, ['risks', index, 'owner'], r.owner, people, 'person', 'people.yaml'));
  const krIds = new Set(o.keyResults.map((k) => k.id));
  o.dependencies?.forEach((dep, index) => {
    const at = ['dependencies', index];
    ctx.ref(o.origin, [...at, 'team'], dep.team, teams, 'team', 'teams.yaml');
    ctx.ref(o.origin, [...at, 'kr'], dep.kr, krIds, 'key result', `this objective's keyResults`);
    if (!dep.on) return;
    const [objId = '', krId] = dep.on.split('.');
    const target = objectives.get(objId);
    if (!target) ctx.ref(o.origin, [...at, 'on'], objId, objectives, 'objective', 'okrs/');
    else if (krId && !target.keyResults.some((k) => k.id === krId))
      ctx.at(
        o.origin,
        [...at, 'on'],
        `key result '${krId}' not found in objective '${objId}'`,
        didYouMean(
          krId,
          target.keyResults.map((k) => k.id),
        ),
      );
    if (objId === o.id && !krId)
      ctx.at(o.origin, [...at, 'on'], 'an objective cannot depend on itself', 'name another objective or a team');
  });
}
