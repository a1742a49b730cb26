// Dependencies as content: what each names — an objective ("O3 (Activation)"), a team ("Integration
// team"), a team's key result ("Product: SSO shipped") or only words — and, for dependency-table
// rows that name their dependent by text, the objective and key result they belong to.
import { bestObjective } from '../match.ts';
import type { DependencyDraft, DocRecords, KrRecord, Report } from '../types.ts';
import type { Built } from './objectives.ts';
import type { Objectives } from './parents.ts';
import { addTeam, findTeam, type Registry } from './registry.ts';

type Rec = Record<string, unknown>;

export function linkDependencies(docs: readonly DocRecords[], all: Objectives, reg: Registry, report: Report): void {
  const deps = new Map<Built, Rec[]>();
  const add = (b: Built, dep: Rec) => deps.set(b, [...(deps.get(b) ?? []), dep]);
  for (const b of all.built) for (const dep of b.draft.dependencies) add(b, depRecord(all, reg, b, dep));
  for (const d of docs)
    for (const dep of d.dependencies) {
      const hit = dependentOf(all, reg, d, dep, report);
      if (hit) add(hit.owner, depRecord(all, reg, hit.owner, dep, hit.kr));
      else
        report({
          kind: 'unmapped',
          ...dep.where,
          message: `dependency row "${dep.dependent!}" → "${dep.on}" matches no objective or key result`,
        });
    }
  for (const [b, list] of deps) b.rec.dependencies = list;
}

function depRecord(all: Objectives, reg: Registry, b: Built, dep: DependencyDraft, kr?: string): Rec {
  return {
    ...(kr ? { kr } : {}),
    ...target(all, reg, b, dep.on),
    ...(dep.risk ? { risk: dep.risk } : {}),
    ...(dep.riskNote ? { riskNote: dep.riskNote } : {}),
    ...(dep.mitigation ? { mitigation: dep.mitigation } : {}),
  };
}

/** What a dependency names: an objective ("O3 (Activation)"), a team ("Integration team"), a team's KR ("Product: SSO shipped"), or words. */
function target(all: Objectives, reg: Registry, b: Built, on: string): Rec {
  const label = /^(?:O|Objective\s*)(\d+)\b/i.exec(on);
  if (label) {
    const hit = all.byLabel(b, `O${label[1]}`);
    if (hit && hit !== b) return { on: hit.id };
  }
  const why = (what: string) => ({ file: b.draft.where.file, line: b.draft.where.line, what });
  const teamPrefix = /^([^:]+):\s*(.+)$/.exec(on);
  if (teamPrefix) {
    const name = teamPrefix[1]!.trim();
    const tid = findTeam(reg, name) ?? addTeam(reg, name, why(`the dependency "${on}"`));
    const hit = bestObjective(
      all
        .inPeriod(b.period)
        .filter((x) => x.team === tid && x !== b)
        .map((x) => ({ id: x.id, title: [x.draft.title, ...x.krs.map((k) => k.title)].join(' ') })),
      teamPrefix[2]!,
    );
    return hit ? { on: hit.id, description: on } : { team: tid, description: on };
  }
  const t = /^(.*?)\s+team$/i.exec(on.trim());
  const tid = findTeam(reg, t ? t[1]! : on);
  if (tid && tid !== b.team) return { team: tid };
  if (t) return { team: addTeam(reg, `${t[1]} Team`, why(`the dependency "${on}"`)) };
  return { description: on };
}

/** The objective (and key result) a dependency row's "Dependent OKR" cell names: "O2", or "Sales: 15 enterprise deals". */
function dependentOf(
  all: Objectives,
  reg: Registry,
  d: DocRecords,
  dep: DependencyDraft,
  report: Report,
): { owner: Built; kr?: string } | undefined {
  const text = dep.dependent!;
  const candidates = all.built.filter((b) => b.doc === d);
  const label = /^(?:O|Objective\s*)(\d+)\b/i.exec(text);
  const owner = label && candidates[0] ? all.byLabel(candidates[0], `O${label[1]}`) : undefined;
  if (owner) return { owner };
  const prefix = /^([^:]+):\s*(.+)$/.exec(text);
  const tid = prefix ? findTeam(reg, prefix[1]!.trim()) : undefined;
  const hit = bestKr(
    tid && candidates.some((b) => b.team === tid) ? candidates.filter((b) => b.team === tid) : candidates,
    prefix ? prefix[2]! : text,
  );
  if (!hit) return undefined;
  if (prefix && hit.b.team !== tid)
    report({ kind: 'guess', ...dep.where, message: `dependency of "${text}" attached to ${hit.b.id}.${hit.kr.id} ("${hit.kr.title}")` });
  return { owner: hit.b, kr: hit.kr.id };
}

function bestKr(cands: Built[], text: string): { b: Built; kr: KrRecord } | undefined {
  const flat = cands.flatMap((b) => b.krs.map((kr) => ({ b, kr, title: kr.title })));
  const hit = bestObjective(flat, text);
  return hit ? { b: hit.b, kr: hit.kr } : undefined;
}
