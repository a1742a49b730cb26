// The home page as data: the featured period (in progress, else the most recent with grades) with its
// state, the next period with its start date, and for the featured one: the company's grade and
// statuses, what needs attention, each team's status and the latest check-ins, every list named
// with its period.
import type { ComputedKr, ComputedObjective, ComputedPeriod } from '../handbook.ts';
import { REQUIREMENT_LABEL, SCOPE_LABEL } from '../receipts/trust.ts';
import type { SiteIndex } from '../site-index.ts';
import { statusCounts, type Status } from '../status.ts';
import type { Urls } from '../urls.ts';
import { DECLARED_ONLY_NOTE, declaredOnly, krStatusTable, krsWeakestFirst, needsAttention } from './attention.ts';
import { featuredPeriod, type Featured } from './featured.ts';
import { gradeOf } from './lists.ts';
import type { TableView } from './table.ts';
import { maxOf } from '../extremes.ts';

export interface PeriodCard {
  period: ComputedPeriod;
  objectives: number;
  /** "OKRs: ✓ Satisfied" for each decision receipt the period requires. */
  approvals: string[];
}

export interface HomeView extends Featured {
  name: string;
  companyObjectives: ComputedObjective[];
  counts: { status: Status; n: number }[];
  /** Said when no key result of the period has a reading: its statuses are only what owners declared. */
  declaredOnly: string | undefined;
  /** While the period runs, its key results behind or off track; once it has ended, its weakest results. The first few, weakest first. */
  attention: TableView | undefined;
  /** "Behind pace in Q1 2025" or "Weakest results of Q2 2026". */
  attentionTitle: string;
  /** How many there are (the table shows the first few). */
  attentionCount: number;
  /** While nothing is behind: that sentence; with the count of overdue check-ins. */
  attentionNote: string | undefined;
  teams: TableView | undefined;
  latest: { date: string; kr: ComputedKr; objective: ComputedObjective; team: string; note?: string; status?: Status['light'] }[];
  nextCard: PeriodCard | undefined;
}

const ATTENTION_SHOWN = 8;

export function homeView(s: SiteIndex, url: Urls): HomeView {
  const featured = featuredPeriod(s);
  const p = featured.period;
  const objectives = p ? (s.objectivesByPeriod.get(p.id) ?? []) : [];
  const krs = objectives.flatMap((o) => o.keyResults);
  const during = p?.state.phase === 'in progress';
  const weak = (k: ComputedKr) => k.status.light === 'red' || k.status.light === 'yellow';
  const attention = krsWeakestFirst(krs.filter(during ? weak : (k) => k.status.rank !== null));
  const stale = krs.filter((k) => k.status.stale);
  const teamRows = p ? (s.teamPeriodsByPeriod.get(p.id) ?? []).filter((t) => t.team !== s.h.rootTeam) : [];
  const name = p ? (p.name ?? p.id) : '';
  const latest = krs
    .flatMap((k) => k.trend.map((t) => ({ t, k })))
    .sort((a, b) => (a.t.date < b.t.date ? 1 : a.t.date > b.t.date ? -1 : a.k.uid < b.k.uid ? -1 : 1))
    .slice(0, 6)
    .map(({ t, k }) => {
      const objective = s.objective.get(k.objective)!;
      return {
        date: t.date,
        kr: k,
        objective,
        team: s.team.get(objective.team)?.name ?? objective.team,
        note: t.checkin.note,
        status: t.checkin.status,
      };
    });
  const next = featured.next;
  return {
    ...featured,
    name,
    companyObjectives: p ? (s.objectivesByTeamPeriod.get(`${p.id}/${s.h.rootTeam}`) ?? []) : [],
    counts: statusCounts(krs.map((k) => k.status)),
    declaredOnly: declaredOnly(krs) ? DECLARED_ONLY_NOTE : undefined,
    attention: attention.length ? krStatusTable(s, url, attention.slice(0, ATTENTION_SHOWN), { showTeam: true }) : undefined,
    attentionTitle: during ? `Behind pace in ${name}` : `Weakest results of ${name}`,
    attentionNote:
      [
        during && attention.length === 0 && krs.some((k) => k.pace) ? 'Nothing is behind pace.' : '',
        stale.length
          ? `${stale.length} key result${stale.length === 1 ? ' has' : 's have'} an overdue check-in (up to ${maxOf(stale.map((k) => k.status.stale!.days))} days): see each team's page.`
          : '',
      ]
        .filter(Boolean)
        .join(' ') || undefined,
    attentionCount: attention.length,
    teams: teamRows.length
      ? {
          caption: `Teams in ${name}`,
          columns: [
            { label: 'Team' },
            { label: 'Grade' },
            { label: 'Status' },
            { label: during ? 'Behind or overdue' : 'Fell short', num: true },
          ],
          rows: teamRows.map((t) => {
            const teamKrs = (s.objectivesByTeamPeriod.get(`${t.period}/${t.team}`) ?? []).flatMap((o) => o.keyResults);
            return {
              cells: [
                { text: s.team.get(t.team)?.name ?? t.team, href: url.teamPeriod(t.period, t.team) },
                gradeOf(t),
                { statusOf: t.status, parent: true },
                String(teamKrs.filter(needsAttention).length),
              ],
            };
          }),
        }
      : undefined,
    latest,
    nextCard: next && {
      period: next,
      objectives: s.objectivesByPeriod.get(next.id)?.length ?? 0,
      approvals: (s.h.trust.requirements.get(next.id) ?? []).map((r) => `${SCOPE_LABEL[r.scope]}: ${REQUIREMENT_LABEL[r.status]}`),
    },
  };
}
