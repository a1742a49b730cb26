// Alignment: parent/contributes links between objectives, ancestry, children, coverage,
// and the dependency graph with at-risk propagation.
import type { ContentIssue } from './errors.ts';
import { issueAt } from './source/yaml-source.ts';
import type { ObjectiveModel } from './model.ts';

export interface AlignmentInfo {
  /** Root-first chain of parents (excluding the objective itself). */
  ancestry: string[];
  /** Objectives whose parent is this one. */
  children: string[];
  /** Objectives that list this one in `contributes`. */
  contributors: string[];
  aligned: boolean;
}

export function computeAlignment(objectives: readonly ObjectiveModel[], rootTeam: string | undefined) {
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const info = new Map<string, AlignmentInfo>();
  for (const o of objectives)
    info.set(o.id, { ancestry: [], children: [], contributors: [], aligned: Boolean(o.parent || o.contributes?.length) });
  for (const o of objectives) {
    if (o.parent && info.has(o.parent)) info.get(o.parent)!.children.push(o.id);
    for (const c of o.contributes ?? []) if (info.has(c)) info.get(c)!.contributors.push(o.id);
    const chain: string[] = [];
    for (let p = o.parent; p && byId.has(p) && !chain.includes(p) && p !== o.id; p = byId.get(p)!.parent) chain.unshift(p);
    info.get(o.id)!.ancestry = chain;
  }
  const warnings: ContentIssue[] = [];
  for (const o of objectives) {
    if (o.team !== rootTeam && !info.get(o.id)!.aligned)
      warnings.push(
        issueAt(
          o.origin.src,
          [...o.origin.path, 'id'],
          `team objective '${o.id}' is aligned to nothing`,
          "add 'parent:' (the objective it ladders up to) or 'contributes:'",
          'warning',
        ),
      );
  }
  return { info, warnings };
}

/** Share of a set of objectives that are aligned (parent or contributes). */
export function alignmentCoverage(objs: readonly ObjectiveModel[]): { aligned: number; total: number } {
  return { aligned: objs.filter((o) => o.parent || o.contributes?.length).length, total: objs.length };
}

/** A dependency edge: `from` depends on objective `to`. */
export interface DependencyEdge {
  from: string;
  kr?: string;
  to: string;
  toKr?: string;
  risk?: string;
}

export function dependencyEdges(objectives: readonly ObjectiveModel[]): DependencyEdge[] {
  const edges: DependencyEdge[] = [];
  for (const o of objectives)
    for (const d of o.dependencies ?? []) {
      if (!d.on) continue;
      const [to, toKr] = d.on.split('.') as [string, string | undefined];
      edges.push({ from: o.id, kr: d.kr, to, toKr, risk: d.risk });
    }
  return edges;
}

/** Objectives put at risk by a red dependency, transitively; reported as warnings. */
export function atRiskPropagation(
  objectives: readonly ObjectiveModel[],
  edges: readonly DependencyEdge[],
  /** 'red', 'declared red' (ungraded, declared so), or undefined. */
  redness: (id: string) => string | undefined,
): { atRisk: Map<string, string[]>; warnings: ContentIssue[] } {
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const dependents = new Map<string, string[]>();
  for (const e of edges) (dependents.get(e.to) ?? dependents.set(e.to, []).get(e.to)!).push(e.from);
  const atRisk = new Map<string, string[]>();
  const queue = objectives.filter((o) => redness(o.id)).map((o) => ({ id: o.id, via: [o.id] }));
  for (let next = 0; next < queue.length; next++) {
    const { id, via } = queue[next]!;
    for (const d of dependents.get(id) ?? []) {
      if (atRisk.has(d) || via.includes(d)) continue;
      atRisk.set(d, via);
      queue.push({ id: d, via: [...via, d] });
    }
  }
  const warnings = [...atRisk].map(([id, via]) => {
    const o = byId.get(id)!;
    return issueAt(
      o.origin.src,
      [...o.origin.path, 'dependencies'],
      `objective '${id}' depends on '${via[0]}', which is ${redness(via[0]!)}${via.length > 1 ? ` (via ${via.slice(1).join(' → ')})` : ''}`,
      'check the mitigation, or record the risk on this objective',
      'warning',
    );
  });
  return { atRisk, warnings };
}
