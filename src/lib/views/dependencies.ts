// A period's dependencies as one table, at risk first: objectives that depend on a red one, then each
// dependency an objective names, by the risk its owner rates (high, medium, low, unrated). The review
// lists those at risk; the period page all of them. Statuses and "at risk" come from the model.
import type { ComputedObjective } from '../handbook.ts';
import type { SiteIndex } from '../site-index.ts';
import type { Urls } from '../urls.ts';
import type { Cell, TableView } from './table.ts';

type Dependency = NonNullable<ComputedObjective['dependencies']>[number];

const RISK_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2 };

/** A team by name, linked to its history where it has a page. */
export function teamCell(s: SiteIndex, url: Urls, id: string): Cell {
  const name = s.team.get(id)?.name ?? id;
  return s.teamHistory.has(id) ? { text: name, href: url.team(id) } : name;
}

/** The description opens with the team's name ("Finance: budget approved"): shown beside it, the name would be said twice. */
export const namesTeam = (description: string | undefined, teamName: string) =>
  description?.toLowerCase().startsWith(teamName.toLowerCase()) ?? false;

/** What a dependency is on: an objective or key result, a team, and its description — the team not said twice ("Finance — Finance: budget"). */
function dependsOn(s: SiteIndex, url: Urls, d: Dependency): Cell {
  const [target, kr] = d.on ? (d.on.split('.') as [string, string | undefined]) : [undefined, undefined];
  const to = target ? s.objective.get(target) : undefined;
  const teamName = d.team ? (s.team.get(d.team)?.name ?? d.team) : undefined;
  const saysTeam = teamName !== undefined && namesTeam(d.description, teamName);
  const lines: Cell[] = [
    ...(to
      ? [{ text: `${to.title}${kr ? ` (${kr.toUpperCase()})` : ''}`, href: kr ? url.kr(d.on!) : url.objective(to.id) }]
      : d.on
        ? [d.on]
        : []),
    ...(d.team && !saysTeam ? [teamCell(s, url, d.team)] : []),
    ...(d.description ? [d.description] : []),
  ];
  return lines.length ? { lines } : { muted: '—' };
}

interface Row {
  rank: number;
  atRisk: boolean;
  cells: Cell[];
}

function rows(s: SiteIndex, url: Urls, objectives: readonly ComputedObjective[]): Row[] {
  const link = (id: string): Cell => {
    const o = s.objective.get(id);
    return o ? { text: o.title, href: url.objective(o.id) } : id;
  };
  const out: Row[] = [];
  for (const o of objectives) {
    if (o.atRiskVia)
      out.push({
        rank: -1,
        atRisk: true,
        cells: [
          link(o.id),
          {
            lines: [
              link(o.atRiskVia[0]!),
              `which is ${o.atRiskBecause}`,
              ...(o.atRiskVia.length > 1 ? [{ muted: `through ${o.atRiskVia.length - 1} more` }] : []),
            ],
          },
          { tag: 'at risk' },
          { muted: '—' },
        ],
      });
    for (const d of o.dependencies ?? [])
      out.push({
        rank: RISK_ORDER[d.risk ?? ''] ?? 3,
        atRisk: d.risk === 'high',
        cells: [
          d.kr ? { lines: [link(o.id), { muted: d.kr.toUpperCase() }] } : link(o.id),
          dependsOn(s, url, d),
          d.risk ? { lines: [{ tag: `risk: ${d.risk}` }, ...(d.riskNote ? [{ muted: d.riskNote }] : [])] } : { muted: 'not rated' },
          d.mitigation ?? { muted: d.risk === 'high' ? 'no mitigation stated' : '—' },
        ],
      });
  }
  // Stable: within a rank, the objectives' own order.
  return out.sort((a, b) => a.rank - b.rank);
}

/**
 * The dependencies of `objectives`, at risk first; with `atRiskOnly`, only those: objectives that
 * depend on a red one and dependencies rated high risk.
 */
export function dependenciesTable(
  s: SiteIndex,
  url: Urls,
  objectives: readonly ComputedObjective[],
  opts: { atRiskOnly?: boolean } = {},
): TableView {
  return {
    columns: [{ label: 'Objective' }, { label: 'Depends on' }, { label: 'Risk' }, { label: 'Mitigation' }],
    rows: rows(s, url, objectives)
      .filter((r) => r.atRisk || !opts.atRiskOnly)
      .map((r) => ({ cells: r.cells })),
    empty: opts.atRiskOnly
      ? 'No objective depends on a red one, and no dependency is rated high risk.'
      : 'No objective of this period names a dependency.',
  };
}
